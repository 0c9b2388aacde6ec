using System;
using System.IO;
using System.Linq;
using MedInsurance.Payment.Drg.Grouping;
using MedInsurance.Payment.Interchange;

namespace MedInsurance.Payment.Drg.Tests;

/// <summary>
/// <see cref="DrgGrouper.Prepare(ReadRecord{Cases.InpatientCase})"/>: a case the reader accepted is prepared without
/// running the basic checks again — same group, and its issues are the record's followed by the preparation's.
/// </summary>
public sealed class PrepareFromRecordTests
{
    private const string Cases =
        "id,hospital_id,sex,age,los,diagnoses,procedures,total_cost\n"
        + "A1,H1,1,64,14,I63.900|E11.900|E11.900,,1000.00\n" // a repeated diagnosis: DX_DUPLICATED (a warning)
        + "A2,H1,2,40,5,K35.800x002,47.0900x001,2345.67\n"
        + "A3,H1,1,30,3,Z99.999x999,,300.00\n"; // a main diagnosis the pack does not know

    [Fact]
    public void A_read_record_groups_as_its_case_and_keeps_the_readers_issues_first()
    {
        var grouper = SharedPack.Grouper(false);
        var records = CaseCsvReader.Read(new StringReader(Cases)).ToList();
        Assert.Contains(records[0].Issues, i => i.Code == "DX_DUPLICATED");
        foreach (var record in records.Where(r => !r.IsRejected))
        {
            var fromRecord = grouper.Prepare(record);
            var fromCase = grouper.Prepare(record.Value!);
            var a = grouper.Describe(fromRecord, grouper.Group(fromRecord));
            var b = grouper.Describe(fromCase, grouper.Group(fromCase));
            Assert.Equal(b.Status, a.Status);
            Assert.Equal(b.Drg, a.Drg);
            var expected = record.Issues.Concat(b.Issues).Select(i => i.ToCompactString()).Distinct(StringComparer.Ordinal);
            Assert.Equal(expected, a.Issues.Select(i => i.ToCompactString()).Distinct(StringComparer.Ordinal));
            Assert.Equal(record.Issues.Select(i => i.ToCompactString()), a.Issues.Take(record.Issues.Count).Select(i => i.ToCompactString()));
        }

        Assert.Contains(records[2].Issues.Concat(grouper.Describe(grouper.Prepare(records[2]), grouper.Group(grouper.Prepare(records[2]))).Issues), i => i.Code == "DRG_DX_MAIN_UNKNOWN");
        Assert.Equal(3, records.Count(r => !r.IsRejected));
    }

    [Fact]
    public void A_record_without_a_case_is_refused()
    {
        var grouper = SharedPack.Grouper(false);
        var rejected = new ReadRecord<Cases.InpatientCase>(4, "A4", null, new[] { Validation.ValidationIssue.Error("ROW_MALFORMED", "line 5", "行格式错误", "The row is malformed.") });
        Assert.Throws<ArgumentException>(() => grouper.Prepare(rejected));
        Assert.Throws<ArgumentNullException>(() => grouper.Prepare((ReadRecord<Cases.InpatientCase>)null!));
    }
}
