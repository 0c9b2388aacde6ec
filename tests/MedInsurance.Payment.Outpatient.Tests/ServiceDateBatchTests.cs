using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using MedInsurance.Payment.Cases;
using static MedInsurance.Payment.Outpatient.Tests.Build;

namespace MedInsurance.Payment.Outpatient.Tests;

/// <summary>
/// A reused date buffer does not keep an earlier date alive: once a date is grouped and handed over, the claim and
/// person ids of its lines can be collected (a buffer holding them would make the collector promote and later scan
/// them as old objects, on every date of a run).
/// </summary>
public sealed class ServiceDateBatchTests
{
    [Fact]
    public void A_grouped_and_cleared_date_holds_no_reference_to_its_claim_and_person_ids()
    {
        var batch = new ServiceDateBatch();
        var grouper = new CombinationGrouper(Table(), Levels);
        var (claimId, personId) = GroupOneDate(batch, grouper);

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        Assert.False(claimId.IsAlive, "the claim id of a cleared date is still referenced");
        Assert.False(personId.IsAlive, "the person id of a cleared date is still referenced");
    }

    [Fact]
    public void The_days_of_a_date_are_readable_until_the_buffer_is_cleared()
    {
        var batch = new ServiceDateBatch();
        batch.Add(Claim("C-1", "P-1", 3));
        batch.Add(Claim("C-2", "P-2", 2));
        batch.Group(new CombinationGrouper(Table(), Levels));

        Assert.Equal(2, batch.Units);
        Assert.Equal("C-1", batch.Days[0].UnitId);
        Assert.Equal("P-1", batch.Days[0].PersonId);
        Assert.Equal(3, batch.Days[0].Items);
        Assert.Equal("P-2", batch.Days[1].PersonId);
        Assert.Equal(2, batch.Days[1].Items);
    }

    /// <summary>Groups one date of two claims whose ids are made here and referenced only weakly once this returns.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (WeakReference ClaimId, WeakReference PersonId) GroupOneDate(ServiceDateBatch batch, CombinationGrouper grouper)
    {
        var claimId = new string('C', 12);
        var personId = new string('P', 8);
        batch.Add(Claim(claimId, personId, 3));
        batch.Add(Claim("C-other", "P-other", 2));
        batch.Group(grouper);
        Assert.Equal(2, batch.Units);
        batch.Clear();
        return (new WeakReference(claimId), new WeakReference(personId));
    }

    private static List<OutpatientItemRecord> Claim(string claimId, string personId, int lines)
    {
        var records = new List<OutpatientItemRecord>();
        for (var i = 0; i < lines; i++)
        {
            var item = Item(claimId, personId, "DEMO-H1", InsuranceFund.Employee, 20260301, "XA10BAA00" + i, OutpatientItemKind.Drug, 10m + i);
            records.Add(new OutpatientItemRecord(i + 1, item, []));
        }

        return records;
    }
}
