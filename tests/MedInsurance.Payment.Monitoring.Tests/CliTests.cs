using System;
using System.IO;
using System.Linq;
using MedInsurance.Payment.TestSupport;

namespace MedInsurance.Payment.Monitoring.Tests;

/// <summary><c>medpay monitor</c> run as a process on the worked-example region: tables, HTML, exit codes 0/1/2.</summary>
public sealed class CliTests
{
    private static string Folder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "medpay-monitor-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    [Fact]
    public void The_worked_example_end_to_end()
    {
        var folder = Folder();
        try
        {
            var html = Path.Combine(folder, "monitor.html");
            var run = MedpayProcess.Run("monitor", "--cases", Region.File("cases.csv"), "--results", Region.File("results.csv"), "--hospitals", Region.File("hospitals.csv"),
                "--previous-year", Region.File("previous.csv"), "--qc", Region.File("issues.csv"), "--output", Path.Combine(folder, "out"), "--html", html);
            Assert.True(run.Exit == 0, run.Err);
            var indicators = File.ReadAllLines(Path.Combine(folder, "out", "hospital_indicators.csv"));
            Assert.Equal("hospital_id,level,period,indicator,value,numerator,denominator,level_hospitals,level_mean,difference,ratio,z,percentile", indicators[0]);
            Assert.Contains("H1,3,2026,cmi,1.27,12.7,10,2,1.198636,0.071364,1.059537,1,75", indicators);
            Assert.Contains("H4,2,2026,low_standard_admission_rate,0.166667,1,6,2,0.083333,0.083333,2,1,75", indicators);
            Assert.Contains("H1,3,all,coding_error_rate,0.25,1,4,2,0.25,0,1,,50", indicators);
            var review = File.ReadAllText(Path.Combine(folder, "out", "review_cases.csv"));
            Assert.Contains("split_admission,H1,2,,1,", review, StringComparison.Ordinal);
            Assert.Contains("low_standard_admission,H4,31,,,group ES35", review, StringComparison.Ordinal);
            Assert.Contains("H1,3,8,5,2,2.477168,5,3,1.25,1.807392,ES3:+2|GB1:+1", File.ReadAllText(Path.Combine(folder, "out", "severity_shift.csv")), StringComparison.Ordinal);
            Assert.Contains("results_rows_not_joined,0", File.ReadAllText(Path.Combine(folder, "out", "summary.csv")), StringComparison.Ordinal);
            foreach (var table in new[] { "group_indicators.csv", "low_risk_groups.csv" })
            {
                Assert.True(File.Exists(Path.Combine(folder, "out", table)), table);
            }

            var page = File.ReadAllText(html);
            Assert.Contains("<svg", page, StringComparison.Ordinal);
            Assert.Contains("cost index by month", page, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }

    [Fact]
    public void A_case_to_review_names_its_row_in_the_file_when_an_earlier_row_was_rejected()
    {
        // Row 1 is rejected by the reader (malformed main diagnosis); row 2 is an overlong stay: the review names row 2,
        // the row a reviewer opens in the case file, not the count of cases used.
        var folder = Folder();
        try
        {
            var cases = Path.Combine(folder, "cases.csv");
            File.WriteAllText(cases, "id,hospital_id,patient_id,sex,age,admission_date,discharge_date,los,discharge_type,diagnoses,procedures,total_cost\n"
                + "A1,H1,P1,1,40,2026-01-01,2026-01-03,2,1,BAD!!,,100\n"
                + "A2,H1,P2,1,40,2026-01-01,2026-04-10,99,1,J18.900,,100\n");
            var run = MedpayProcess.Run("monitor", "--cases", cases, "--output", Path.Combine(folder, "out"));
            Assert.True(run.Exit == 1, run.Err);
            var review = File.ReadAllLines(Path.Combine(folder, "out", "review_cases.csv"));
            Assert.Equal(new[] { "reason,hospital_id,row,case_id,related_row,detail", "overlong_stay,H1,2,A2,,los > 60" }, review.Select(l => l.TrimStart('\uFEFF')));
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }

    [Fact]
    public void The_check_in_the_same_pass_gives_what_medpay_check_then_monitor_qc_give()
    {
        // One pass (monitor --check --issues) against two (check, then monitor --qc on its output): the same issues.csv,
        // the same QC summary and the same indicator tables, coding rows included.
        var folder = Folder();
        try
        {
            var issues = Path.Combine(folder, "issues.csv");
            var check = MedpayProcess.Run("check", "--input", Region.File("cases.csv"), "--output", issues, "--summary", Path.Combine(folder, "qc_summary.csv"));
            Assert.True(check.Exit is 0 or 1, check.Err);
            var two = MedpayProcess.Run("monitor", "--cases", Region.File("cases.csv"), "--results", Region.File("results.csv"), "--hospitals", Region.File("hospitals.csv"),
                "--qc", issues, "--output", Path.Combine(folder, "two"));
            Assert.True(two.Exit == 0, two.Err);
            var one = MedpayProcess.Run("monitor", "--cases", Region.File("cases.csv"), "--results", Region.File("results.csv"), "--hospitals", Region.File("hospitals.csv"),
                "--check", "--issues", Path.Combine(folder, "one-issues.csv"), "--output", Path.Combine(folder, "one"));
            Assert.True(one.Exit == 0, one.Err);
            Assert.Contains("check: 35 rows", one.Err, StringComparison.Ordinal);
            Assert.Equal(File.ReadAllText(issues), File.ReadAllText(Path.Combine(folder, "one-issues.csv")));
            Assert.Equal(File.ReadAllText(Path.Combine(folder, "qc_summary.csv")), File.ReadAllText(Path.Combine(folder, "one", "qc_summary.csv")));
            foreach (var table in new[] { "hospital_indicators.csv", "group_indicators.csv", "review_cases.csv", "severity_shift.csv", "summary.csv" })
            {
                Assert.Equal(File.ReadAllText(Path.Combine(folder, "two", table)), File.ReadAllText(Path.Combine(folder, "one", table)));
            }

            Assert.Contains(",all,coding_error_rate,", File.ReadAllText(Path.Combine(folder, "one", "hospital_indicators.csv")), StringComparison.Ordinal);
            Assert.Contains("qc_rows,35", File.ReadAllText(Path.Combine(folder, "one", "summary.csv")), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }

    [Fact]
    public void A_qc_file_and_the_check_in_the_same_pass_together_are_refused_with_exit_2()
    {
        var folder = Folder();
        try
        {
            var run = MedpayProcess.Run("monitor", "--cases", Region.File("cases.csv"), "--qc", Region.File("issues.csv"), "--check", "--output", Path.Combine(folder, "out"));
            Assert.Equal(2, run.Exit);
            Assert.Contains("--qc", run.Err, StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(folder, "out", "summary.csv")));
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }

    [Fact]
    public void Results_rows_that_do_not_join_are_counted_and_exit_1()
    {
        var folder = Folder();
        try
        {
            var results = File.ReadAllLines(Region.File("results.csv")).ToList();
            results[5] = results[5].Replace("C05,", "C99,", StringComparison.Ordinal);
            results.Add("C36,H1,100.00,1,ES35,0.8,normal,0");
            File.WriteAllLines(Path.Combine(folder, "results.csv"), results);
            var run = MedpayProcess.Run("monitor", "--cases", Region.File("cases.csv"), "--results", Path.Combine(folder, "results.csv"), "--output", Path.Combine(folder, "out"));
            Assert.True(run.Exit == 1, run.Err);
            var summary = File.ReadAllText(Path.Combine(folder, "out", "summary.csv"));
            Assert.Contains("results_rows_not_joined,2", summary, StringComparison.Ordinal);
            Assert.Contains("cases_without_result,1", summary, StringComparison.Ordinal);
            Assert.Contains("case_rows,35", summary, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }

    [Fact]
    public void A_bad_profile_or_a_results_file_without_a_group_writes_nothing_and_exits_2()
    {
        var folder = Folder();
        try
        {
            File.WriteAllText(Path.Combine(folder, "profile.json"), "{\"name\":\"x\"}");
            var run = MedpayProcess.Run("monitor", "--cases", Region.File("cases.csv"), "--profile", Path.Combine(folder, "profile.json"), "--output", Path.Combine(folder, "out"));
            Assert.True(run.Exit == 2, run.Err);
            Assert.Contains("version", run.Err, StringComparison.Ordinal);
            File.WriteAllText(Path.Combine(folder, "bad.csv"), "id,weight\nC01,1\n");
            run = MedpayProcess.Run("monitor", "--cases", Region.File("cases.csv"), "--results", Path.Combine(folder, "bad.csv"), "--output", Path.Combine(folder, "out2"));
            Assert.True(run.Exit == 2, run.Err);
            Assert.False(File.Exists(Path.Combine(folder, "out", "hospital_indicators.csv")));
            Assert.False(File.Exists(Path.Combine(folder, "out2", "hospital_indicators.csv")));
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }
}
