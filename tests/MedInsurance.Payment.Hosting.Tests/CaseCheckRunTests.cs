using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using MedInsurance.Payment.Cases;
using MedInsurance.Payment.Cli;
using MedInsurance.Payment.Interchange;
using MedInsurance.Payment.QualityControl;
using MedInsurance.Payment.Validation;

namespace MedInsurance.Payment.Hosting.Tests;

/// <summary>
/// The check's tallies kept on the threads that checked the rows (<see cref="CaseCheckRun.OnThisThread"/>) and merged at the
/// end (<see cref="CaseCheckRun.MergeThreads"/>) are the tallies of one run counting every row in order.
/// </summary>
public sealed class CaseCheckRunTests
{
    [Fact]
    public void Tallies_counted_on_several_threads_and_merged_are_those_counted_in_one_place()
    {
        var random = new Random(5);
        var codes = new[] { ("QC_DX_GRAY", IssueSeverity.Error), ("QC_DX_EDITION_MAPPED", IssueSeverity.Warning), ("AGE_UNUSUAL", IssueSeverity.Info), ("QC_DX_GRAY", IssueSeverity.Warning) };
        var records = new List<ReadRecord<InpatientCase>>();
        var results = new List<QcCaseResult>();
        for (var i = 0; i < 5_000; i++)
        {
            var issues = Enumerable.Range(0, random.Next(4))
                .Select(_ => codes[random.Next(codes.Length)])
                .Select(c => new ValidationIssue(c.Item1, "diagnoses[0]", c.Item2, "中文", "English"))
                .ToArray();
            var value = random.Next(20) == 0 ? null : new InpatientCase { CaseId = "C" + i, HospitalId = "H" + random.Next(7) };
            records.Add(new ReadRecord<InpatientCase>(i + 1, "C" + i, value, issues));
            results.Add(QcCaseResult.FromIssues(issues));
        }

        var one = new CaseCheckRun();
        for (var i = 0; i < records.Count; i++)
        {
            one.Count(records[i], results[i]);
        }

        var merged = new CaseCheckRun();
        var resultArray = results.ToArray();
        Parallel.For(0, records.Count / 100, new ParallelOptions { MaxDegreeOfParallelism = 4 }, run => merged.OnThisThread().Count(records, run * 100, 100, resultArray));
        merged.MergeThreads();

        Assert.Equal((one.Rows, one.Accepted, one.Warned, one.Rejected), (merged.Rows, merged.Accepted, merged.Warned, merged.Rejected));
        Assert.True(one.Rejected > 0 && one.Warned > 0 && one.Accepted > 0);
        Assert.Equal(Rules(one), Rules(merged));
        Assert.Equal(Hospitals(one), Hospitals(merged));
        Assert.Equal(8, Hospitals(one).Count); // H0 … H6 and the rows without a case (empty id)
    }

    private static List<string> Rules(CaseCheckRun run) =>
        run.ByRule().Select(r => r.Code + ":" + r.Cases + "/" + r.Issues + "/" + r.SeverityText).ToList();

    private static List<string> Hospitals(CaseCheckRun run) =>
        run.ByHospital().Select(h => h.HospitalId + ":" + h.Cases + "/" + h.Issues + "/" + h.Accepted + "/" + h.Warned + "/" + h.Rejected).ToList();
}
