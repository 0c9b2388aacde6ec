using System;
using System.IO;
using System.Linq;
using MedInsurance.Payment.TestSupport;

namespace MedInsurance.Payment.Settlement.Tests;

/// <summary>Runs <c>medpay settle …</c> end to end on samples/settlement (the three-hospital scenario as files).</summary>
public sealed class CliTests
{
    private static (int ExitCode, string Out, string Error) Medpay(params string[] args) => MedpayProcess.Run(args) is var r ? (r.Exit, r.Out, r.Err) : default;

    private static string Sample(string name) => Path.Combine(SharedData.RepoRoot, "samples", "settlement", name);

    [Fact]
    public void Settle_year_writes_statements_summary_and_line_results()
    {
        var output = Path.Combine(Path.GetTempPath(), "medpay-settle-" + Guid.NewGuid().ToString("N"));
        try
        {
            var (code, stdout, stderr) = Medpay("settle", "year", "--policy", Sample("policy.json"), "--hospitals", Sample("hospitals.csv"), "--lines", Sample("lines.csv"), "--monthly", Sample("monthly.csv"), "--output", output);
            Assert.True(code == 0, stderr);
            Assert.Contains("3 hospitals, 36 lines settled, 0 line rows rejected", stdout, StringComparison.Ordinal);
            // The scenario's transfers (16 600 + 10 800.80 + 5 290) with H1's January replaced by the actual
            // 6 000 paid / 300 withheld: H1 16 850 → 32 940.80 in all.
            var summary = File.ReadAllLines(Path.Combine(output, "summary.csv"));
            Assert.Contains("clearingTransfer,清算拨付合计,32940.80", summary);
            Assert.Equal(37, File.ReadAllLines(Path.Combine(output, "line-results.csv")).Length);
            var statements = File.ReadAllLines(Path.Combine(output, "statements.csv"));
            Assert.Contains(statements, l => l.StartsWith("H2,第二医院,", StringComparison.Ordinal) && l.Contains(",overspend.shared,", StringComparison.Ordinal) && l.Contains(",3960.00,", StringComparison.Ordinal));
            Assert.True(File.Exists(Path.Combine(output, "statements.json")));
        }
        finally
        {
            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }
        }
    }

    [Fact]
    public void Settle_year_reports_a_bad_profile_with_its_field()
    {
        var policy = Path.Combine(Path.GetTempPath(), "medpay-policy-" + Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(policy, File.ReadAllText(Sample("policy.json")).Replace("\"qualityDepositRate\": 0.05", "\"qualityDepositRate\": 0.08", StringComparison.Ordinal));
        try
        {
            var (code, _, stderr) = Medpay("settle", "year", "-p", policy, "--hospitals", Sample("hospitals.csv"), "--lines", Sample("lines.csv"), "-o", Path.GetTempPath());
            Assert.Equal(2, code);
            Assert.Contains(PolicyIssueCodes.DepositAbove2025Cap + " at qualityDepositRate", stderr, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(policy);
        }
    }

    [Fact]
    public void Settle_simulate_and_profiles()
    {
        var (code, stdout, stderr) = Medpay("settle", "simulate", "-p", Sample("policy.json"), "--hospitals", Sample("hospitals.csv"), "--lines", Sample("lines.csv"));
        Assert.True(code == 0, stderr);
        // 3A: H1 + H3 = 96 000 + 125 540 = 221 540 against 198 000 by item.
        Assert.Contains(stdout.Split('\n'), l => l.TrimStart().StartsWith("3A", StringComparison.Ordinal) && l.Contains("221540.00", StringComparison.Ordinal) && l.Contains("198000.00", StringComparison.Ordinal));
        var budget = Medpay("settle", "budget", "-p", "example-dip-2025");
        Assert.Equal(0, budget.ExitCode);
        // Employee pool by items: 740 000 000; resident pool by growth: 525 000 000.
        Assert.Contains("740000000.00", budget.Out, StringComparison.Ordinal);
        Assert.Contains("525000000.00", budget.Out, StringComparison.Ordinal);
        var profiles = Medpay("settle", "profiles");
        Assert.Equal(0, profiles.ExitCode);
        Assert.Equal(3, profiles.Out.Split('\n').Count(l => l.StartsWith("example-", StringComparison.Ordinal)));
    }

    [Fact]
    public void Settle_year_converts_capitation_money_into_the_regional_points_when_the_policy_says_so()
    {
        // The worked example (f) of docs/settlement.md through the command: A 90 000 DIP points, C 100 000.00 of capitation
        // at 10 yuan a point = 10 000 points; budget 1 100 000 → value 11; C = 110 000.00.
        var folder = Directory.CreateTempSubdirectory("medpay-wrp-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "policy.json"), """
                { "id": "wrp", "version": "1", "year": 2025, "valueMethod": "floating", "advanceRatio": 0.9,
                  "pools": [ { "pointSystem": "DIP", "fund": "all", "fundPaymentRatio": 1, "budget": { "method": "fixed", "amount": 1100000 } } ],
                  "pointConversions": [ { "method": "CAPITATION", "pointSystem": "DIP", "conversionValue": 10, "source": "2025年年初点值" } ] }
                """);
            File.WriteAllText(Path.Combine(folder, "hospitals.csv"), "hospital_id,name,level\nA,医院A,三级甲等\nC,卫生院C,一级\n");
            File.WriteAllText(Path.Combine(folder, "lines.csv"), "line_id,hospital_id,fund,month,method,point_system,points,amount,total_cost,patient_paid,fund_paid\n"
                + "a1,A,职工,3,DIP,DIP,50000,,500000,0,500000\na2,A,职工,4,DIP,DIP,40000,,400000,0,400000\n"
                + "c3,C,居民,3,CAPITATION,,,60000,60000,0,60000\nc4,C,居民,4,CAPITATION,,,40000,40000,0,40000\n");
            var output = Path.Combine(folder, "out");
            var (code, _, stderr) = Medpay("settle", "year", "-p", Path.Combine(folder, "policy.json"), "--hospitals", Path.Combine(folder, "hospitals.csv"), "--lines", Path.Combine(folder, "lines.csv"), "-o", output);
            Assert.True(code == 0, stderr);
            var statements = File.ReadAllText(Path.Combine(output, "statements.csv"));
            Assert.Contains("converted_points.CAPITATION.DIP", statements, StringComparison.Ordinal);
            Assert.Contains("10000", statements, StringComparison.Ordinal);
            var summary = File.ReadAllText(Path.Combine(output, "summary.csv"));
            Assert.Contains("pool.DIP.value,", summary, StringComparison.Ordinal);
            Assert.Contains(",11", summary.Split('\n').Single(l => l.StartsWith("pool.DIP.value,", StringComparison.Ordinal)), StringComparison.Ordinal);
            Assert.Contains("outsidePools,", summary, StringComparison.Ordinal);
            Assert.Contains(",0.00", summary.Split('\n').Single(l => l.StartsWith("outsidePools,", StringComparison.Ordinal)), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_line_of_a_hospital_whose_row_was_rejected_is_named_invalid_not_unknown()
    {
        var folder = Directory.CreateTempSubdirectory("medpay-hinv-").FullName;
        try
        {
            var hospitals = Path.Combine(folder, "hospitals.csv");
            File.WriteAllText(hospitals, File.ReadAllText(Sample("hospitals.csv")).Replace("H2,第二医院,二级甲等", "H2,第二医院,二级甲x", StringComparison.Ordinal));
            var output = Path.Combine(folder, "out");
            var (code, _, stderr) = Medpay("settle", "year", "-p", Sample("policy.json"), "--hospitals", hospitals, "--lines", Sample("lines.csv"), "-o", output);
            Assert.True(code == 1, stderr);
            var results = File.ReadAllLines(Path.Combine(output, "line-results.csv"));
            Assert.Contains(results, l => l.StartsWith("2,H2-1,rejected,", StringComparison.Ordinal) && l.Contains("SETTLE_HOSPITAL_INVALID(hospital_id)", StringComparison.Ordinal));
            Assert.DoesNotContain(results, l => l.Contains("SETTLE_HOSPITAL_UNKNOWN", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
