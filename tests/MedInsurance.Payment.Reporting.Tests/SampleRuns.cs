using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using MedInsurance.Payment.TestSupport;

namespace MedInsurance.Payment.Reporting.Tests;

/// <summary>
/// Inputs of <c>medpay settle year</c> derived from the repository's sample region (samples/settlement): the same
/// three hospitals and 36 lines, written as <c>medpay dip score</c> or <c>medpay drg price</c> would write them, with
/// the method's own columns after the settlement-line columns. Every expected figure is in the comments.
/// </summary>
internal static class SampleRuns
{
    public static readonly string Samples = Path.Combine(SharedData.RepoRoot, "samples", "settlement");

    /// <summary>The settle year arguments over <paramref name="folder"/>'s policy.json, lines.csv and the sample hospitals and monthly payments.</summary>
    public static string[] YearArguments(string folder, string output) =>
    [
        "settle", "year",
        "--policy", Path.Combine(folder, "policy.json"),
        "--hospitals", Path.Combine(Samples, "hospitals.csv"),
        "--lines", Path.Combine(folder, "lines.csv"),
        "--monthly", Path.Combine(Samples, "monthly.csv"),
        "--output", output,
    ];

    /// <summary>
    /// The sample DIP lines with <c>dip score</c>'s <c>status, group_code, deviation</c>: H1-1…H1-3 <c>high</c>, H2-1
    /// <c>low</c>, the rest <c>normal</c>. Deviation shares: H1 3 ÷ 12 = 25.00%, H2 1 ÷ 12 = 8.33%, H3 0.00%. Scores
    /// 1 000 / 500 / 1 500 per case, region mean 1 000: CMI 1, 0.5, 1.5.
    /// </summary>
    public static void WriteDipScored(string folder)
    {
        Directory.CreateDirectory(folder);
        File.Copy(Path.Combine(Samples, "policy.json"), Path.Combine(folder, "policy.json"), overwrite: true);
        var rows = File.ReadAllLines(Path.Combine(Samples, "lines.csv"), Encoding.UTF8);
        var text = new StringBuilder(rows[0] + ",status,group_code,deviation\n");
        foreach (var row in rows.Skip(1))
        {
            var id = row.Split(',')[0];
            var deviation = id is "H1-1" or "H1-2" or "H1-3" ? "high" : id == "H2-1" ? "low" : "normal";
            text.Append(row).Append(",scored,K35.8:47.0100,").Append(deviation).Append('\n');
        }

        File.WriteAllText(Path.Combine(folder, "lines.csv"), text.ToString(), new UTF8Encoding(false));
    }

    /// <summary>
    /// A DRG year over the sample hospitals, as <c>drg price --policy</c> writes it: <c>points</c> = RW × hospital
    /// coefficient, then <c>drg, weight, coefficient, status, issues, outlier</c>. H1 RW 1.2 × coefficient 1.1 (points
    /// 1.32), H1-1 <c>high</c>; H2 RW 0.8 × 1, H2-1 <c>low</c> and H2-2 <c>incomplete</c>; H3 RW 2.0 in odd months and
    /// 1.5 in even months × 1.05. CMI = mean RW: H1 1.2, H2 0.8, H3 1.75 (the mean points would be 1.32, 0.8,
    /// 1.8375). Deviation shares 1 ÷ 12 = 8.33%, 2 ÷ 12 = 16.67%, 0.00%.
    /// </summary>
    /// <param name="folder">The folder for policy.json and lines.csv.</param>
    /// <param name="unreadableWeightOf">A line id whose weight is written as "x" (unreadable), or null.</param>
    public static void WriteDrgPriced(string folder, string? unreadableWeightOf = null)
    {
        Directory.CreateDirectory(folder);
        var policy = File.ReadAllText(Path.Combine(Samples, "policy.json"), Encoding.UTF8)
            .Replace("\"method\": \"DIP\"", "\"method\": \"DRG\"", StringComparison.Ordinal)
            .Replace("\"id\": \"sample-dip-2025\"", "\"id\": \"sample-drg-2025\"", StringComparison.Ordinal);
        Assert.Contains("\"method\": \"DRG\"", policy, StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(folder, "policy.json"), policy, new UTF8Encoding(false));
        var text = new StringBuilder("line_id,hospital_id,fund,month,method,point_system,points,amount,total_cost,patient_paid,fund_paid,audit_deduction,special_review,approved_amount,drg,weight,coefficient,status,issues,outlier\n");
        for (var month = 1; month <= 12; month++)
        {
            foreach (var (hospital, rw, coefficient) in new[] { ("H1", 1.2m, 1.1m), ("H2", 0.8m, 1m), ("H3", month % 2 == 1 ? 2.0m : 1.5m, 1.05m) })
            {
                var id = hospital + "-" + month.ToString(CultureInfo.InvariantCulture);
                var outlier = id switch { "H1-1" => "high", "H2-1" => "low", "H2-2" => "incomplete", _ => "normal" };
                var weight = id == unreadableWeightOf ? "x" : rw.ToString(CultureInfo.InvariantCulture);
                text.Append(CultureInfo.InvariantCulture, $"{id},{hospital},employee,{month},DRG,DRG,{rw * coefficient},,9500.00,2000.00,7500.00,0.00,,,GB25,{weight},{coefficient},priced,,{outlier}\n");
            }
        }

        File.WriteAllText(Path.Combine(folder, "lines.csv"), text.ToString(), new UTF8Encoding(false));
    }
}
