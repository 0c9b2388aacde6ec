using System;
using System.Collections.Generic;
using System.Linq;

namespace MedInsurance.Payment.Monitoring.Tests;

/// <summary>
/// The per-person stays distributed into buckets (on several threads) and scanned in runs of buckets (on several threads),
/// merged in order: the same buckets and the same report as one thread and one run.
/// </summary>
public sealed class StayScanTests
{
    private const string SmallListProfile = """
        { "name": "small-lists", "version": "1", "sources": ["test"], "readmissionDays": [14, 30], "splitAdmissionDays": 14,
          "splitAdmissionSameHospital": false, "lowStandardMaxLosDays": 3, "lowStandardMaxCostRatio": 0.3, "lowStandardRareShare": 0.1,
          "overlongStayDays": 60, "lowRiskSdMultiplier": 1, "maxReviewCasesPerHospital": 2, "severityDriverGroups": 3 }
        """;

    [Fact]
    public void A_bucket_holds_its_stays_in_the_order_added_across_chunks()
    {
        // 300 000 stays: about 290 a bucket on average, most over one chunk of 256; a quarter in one bucket. The copy must keep
        // every stay in the order added, chunk after chunk.
        var random = new Random(7);
        var book = new PersonStayBook();
        var expected = new List<PersonStay>[PersonStayBook.BucketCount];
        for (var i = 0; i < 300_000; i++)
        {
            // A skewed hash: a quarter of the stays land in the bucket of 0x05…, far over one chunk.
            var patient = random.Next(4) == 0 ? (5UL << 56) | (uint)random.Next(1000) : PersonStay.Hash("P" + random.Next(40_000));
            var stay = new PersonStay(patient, random.Next(1000), random.Next(1000, 1100), random.Next(5), random.Next(9), 0, i + 1);
            book.Add(stay);
            (expected[PersonStayBook.BucketOf(patient)] ??= new List<PersonStay>()).Add(stay);
        }

        Assert.Equal(300_000, book.Count);
        Assert.True(book.SizeOf(PersonStayBook.BucketOf(5UL << 56)) > 100 * PersonStayBook.ChunkSize);
        var target = new PersonStay[3];
        for (var b = 0; b < PersonStayBook.BucketCount; b++)
        {
            var n = book.CopyBucket(b, ref target);
            Assert.Equal(expected[b]?.Select(s => s.Row) ?? [], target.Take(n).Select(s => s.Row));
        }
    }

    [Fact]
    public void Scanning_in_many_runs_gives_the_report_of_one_run_with_lists_capped_across_runs()
    {
        // 100 000 cases of 33 333 people in 6 hospitals: readmissions and splits in every run of buckets, far
        // more a hospital than the list of 2 holds — the merge must list the first two of all runs, as one scan in order does.
        var profile = MonitoringProfile.Parse(SmallListProfile, "test");
        var cases = PropertyTests.Synthetic(11, 100_000);

        string Report(int runs)
        {
            var monitor = new SupervisionMonitor(profile) { ScanRuns = runs };
            foreach (var (c, r) in cases)
            {
                monitor.Add(c, r);
            }

            return PropertyTests.Describe(monitor.Finish());
        }

        var single = Report(1);
        Assert.Contains("readmission_14d", single, StringComparison.Ordinal);
        Assert.Contains("split_admission", single, StringComparison.Ordinal);
        Assert.Equal(single, Report(7));
        Assert.Equal(single, Report(32));
    }
}
