using System;
using System.IO;
using System.Linq;
using MedInsurance.Payment.Cases;
using MedInsurance.Payment.TestSupport;

namespace MedInsurance.Payment.Monitoring.Tests;

/// <summary>Reviewed defects: each test failed before its fix (docs/monitoring.md).</summary>
public sealed class DefectTests
{
    private static InpatientCase Case(string id, string hospital, CalendarDate admitted, CalendarDate discharged, string patient = "") => new()
    {
        CaseId = id,
        HospitalId = hospital,
        PatientId = patient,
        AdmissionDate = admitted,
        DischargeDate = discharged,
        LengthOfStayDays = discharged.DayNumber - admitted.DayNumber,
        Costs = CostBreakdown.FromTotal(Money.FromFen(100_000)),
    };

    [Fact]
    public void A_case_discharged_in_6026_is_rejected_not_booked_and_nothing_crashes()
    {
        var monitor = new SupervisionMonitor(MonitoringProfile.Default);
        for (var i = 0; i < 300; i++)
        {
            // Many groups: before the fix the 6026 month spilled into the group bits.
            monitor.Add(Case("C" + i, "H1", new CalendarDate(2026, 3, 1), new CalendarDate(2026, 3, 5)), new CaseResult("G" + i.ToString("000", System.Globalization.CultureInfo.InvariantCulture), 1m));
        }

        monitor.Add(Case("T", "H1", new CalendarDate(2026, 3, 1), new CalendarDate(6026, 3, 5)), new CaseResult("G000", 1m));
        monitor.Add(Case("U", "H1", new CalendarDate(1026, 3, 1), new CalendarDate(2026, 3, 5)), new CaseResult("G001", 1m));
        var report = monitor.Finish();
        Assert.Equal(2, report.Counts["cases_rejected_MONITOR_DATE_OUT_OF_RANGE"]);
        Assert.Equal(300m, report.Row("H1", "cases").Value);
        Assert.Equal(new[] { "2026" }, report.Groups.Select(g => g.Year).Distinct().ToArray());
        Assert.All(report.Groups.Where(g => g.HospitalId.Length == 0), g => Assert.Equal(1, g.Cases));
    }

    private static string Folder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "medpay-monfix-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    [Fact]
    public void Case_growth_counts_ungrouped_previous_year_cases_and_an_unreadable_cost_is_counted_exit_1()
    {
        var folder = Folder();
        try
        {
            // H1: 10 cases this year; previous year 4 grouped + 1 ungroupable (0000) = 5 → case growth (10 − 5) ÷ 5 = 1.
            var previous = File.ReadAllLines(Region.File("previous.csv")).ToList();
            previous.Add("Y10,H1,3000.00,,0000");
            File.WriteAllLines(Path.Combine(folder, "previous.csv"), previous);
            var run = MedpayProcess.Run("monitor", "--cases", Region.File("cases.csv"), "--results", Region.File("results.csv"), "--previous-year", Path.Combine(folder, "previous.csv"), "--output", Path.Combine(folder, "out"));
            Assert.True(run.Exit == 0, run.Err);
            Assert.Contains(File.ReadAllLines(Path.Combine(folder, "out", "hospital_indicators.csv")), l => l.StartsWith("H1,all,2026,case_growth,1,5,5,", StringComparison.Ordinal));

            previous.Add("Y11,H1,12x.00,0.8,ES35");
            File.WriteAllLines(Path.Combine(folder, "previous.csv"), previous);
            run = MedpayProcess.Run("monitor", "--cases", Region.File("cases.csv"), "--results", Region.File("results.csv"), "--previous-year", Path.Combine(folder, "previous.csv"), "--output", Path.Combine(folder, "out2"));
            Assert.True(run.Exit == 1, run.Err);
            Assert.Contains("previous_year_rows_cost_unreadable,1", File.ReadAllText(Path.Combine(folder, "out2", "summary.csv")), StringComparison.Ordinal);
            Assert.Contains(File.ReadAllLines(Path.Combine(folder, "out2", "hospital_indicators.csv")), l => l.StartsWith("H1,all,2026,case_growth,1,5,5,", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }

    [Fact]
    public void Rejected_case_rows_are_written_with_their_issue_codes()
    {
        var folder = Folder();
        try
        {
            var cases = File.ReadAllLines(Region.File("cases.csv")).ToList();
            cases[3] = cases[3].Replace(",2026-03-", ",2026-13-", StringComparison.Ordinal);
            File.WriteAllLines(Path.Combine(folder, "cases.csv"), cases);
            var run = MedpayProcess.Run("monitor", "--cases", Path.Combine(folder, "cases.csv"), "--output", Path.Combine(folder, "out"));
            Assert.True(run.Exit == 1, run.Err);
            var rejected = File.ReadAllLines(Path.Combine(folder, "out", "rejected.csv"));
            Assert.Equal("row,id,issues", rejected[0]);
            var row = Assert.Single(rejected.Skip(1));
            Assert.StartsWith("3,C03,", row, StringComparison.Ordinal);
            Assert.Contains("_date)", row, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }

    [Fact]
    public void Finish_runs_once_and_the_monitor_refuses_more_cases_after_it()
    {
        var monitor = new SupervisionMonitor(MonitoringProfile.Default);
        monitor.Add(Case("C1", "H1", new CalendarDate(2026, 3, 1), new CalendarDate(2026, 3, 5)), new CaseResult("ES31", 1m));
        var report = monitor.Finish();
        Assert.Equal(1m, report.Row("H1", "cases").Value);
        Assert.Throws<InvalidOperationException>(() => monitor.Finish());
        Assert.Throws<InvalidOperationException>(() => monitor.Add(Case("C2", "H1", new CalendarDate(2026, 3, 1), new CalendarDate(2026, 3, 5)), null));
        Assert.Throws<InvalidOperationException>(() => monitor.AddPrevious("H1", "ES31", Money.FromFen(1), null));
        Assert.Throws<InvalidOperationException>(() => monitor.AddQualityCheck("H1", "accepted"));
    }

    [Fact]
    public void A_stay_is_compared_with_the_next_stay_after_the_latest_discharge_and_a_duplicate_is_no_readmission()
    {
        // Person P (docs/monitoring.md, "Overlapping and duplicate stays"): A H1 03-01..03-10 (row 1), B H2 03-05..03-06
        // (row 2, inside A: overlapping), C H1 03-12..03-15 (row 3), D = C again (row 4, duplicate). A → C: 12 − 10 = 2
        // days → H1 readmitted 1 of its 3 stays (A, C, D), a split admission (same group, same hospital, 2 ≤ 14); H2 0 of 1.
        var monitor = new SupervisionMonitor(MonitoringProfile.Default);
        var es31 = new CaseResult("ES31", 1m);
        monitor.Add(Case("A", "H1", new CalendarDate(2026, 3, 1), new CalendarDate(2026, 3, 10), "P"), es31);
        monitor.Add(Case("B", "H2", new CalendarDate(2026, 3, 5), new CalendarDate(2026, 3, 6), "P"), es31);
        monitor.Add(Case("C", "H1", new CalendarDate(2026, 3, 12), new CalendarDate(2026, 3, 15), "P"), es31);
        monitor.Add(Case("D", "H1", new CalendarDate(2026, 3, 12), new CalendarDate(2026, 3, 15), "P"), es31);
        var report = monitor.Finish();
        var h1 = report.Row("H1", "readmission_14d_rate", "2026-03");
        Assert.Equal((1m, 3m), (h1.Numerator, h1.Denominator));
        Assert.Equal(1m, report.Row("H1", "split_admission_rate", "2026-03").Numerator);
        Assert.Equal((0m, 1m), (report.Row("H2", "readmission_14d_rate", "2026-03").Numerator, report.Row("H2", "readmission_14d_rate", "2026-03").Denominator));
        Assert.Equal(1, report.Counts["overlapping_stays"]);
        Assert.Equal(1, report.Counts["duplicate_stays"]);
        var readmission = Assert.Single(report.Review, r => r.Reason == "readmission_14d");
        Assert.Equal(1L, readmission.RelatedRow);
        Assert.Equal(3L, readmission.Row);
    }

    [Fact]
    public void Of_two_equal_stays_the_review_names_the_lower_row_in_either_order_of_the_file()
    {
        // C and D are the same stay (rows 3 and 4): the readmission after A names row 3 whichever of them comes first.
        foreach (var order in new[] { new[] { 1, 3, 4 }, new[] { 4, 3, 1 } })
        {
            var monitor = new SupervisionMonitor(MonitoringProfile.Default);
            var es31 = new CaseResult("ES31", 1m);
            foreach (var row in order)
            {
                var admitted = row == 1 ? new CalendarDate(2026, 3, 1) : new CalendarDate(2026, 3, 12);
                var discharged = row == 1 ? new CalendarDate(2026, 3, 10) : new CalendarDate(2026, 3, 15);
                monitor.Add(Case("R" + row.ToString(System.Globalization.CultureInfo.InvariantCulture), "H1", admitted, discharged, "P"), es31, row);
            }

            var readmission = Assert.Single(monitor.Finish().Review, r => r.Reason == "readmission_14d");
            Assert.Equal((3L, (long?)1L), (readmission.Row, readmission.RelatedRow));
        }
    }

    [Fact]
    public void A_stay_submitted_by_two_hospitals_counts_the_readmission_at_the_hospital_whose_id_sorts_first_in_either_order_of_the_file()
    {
        // Person P: the same stay 03-01..03-05 from HB (row 1) and from HA (row 2) — a duplicate — and a stay at HC
        // 03-10..03-12 (row 3): 10 − 5 = 5 days. The index stay is HA's (HA sorts before HB), so HA readmitted 1 of 1 and
        // HB 0 of 1, whichever hospital's row comes first (the monitor numbers hospitals as they first appear).
        foreach (var order in new[] { new[] { 1, 2, 3 }, new[] { 2, 1, 3 }, new[] { 3, 1, 2 } })
        {
            var monitor = new SupervisionMonitor(MonitoringProfile.Default);
            foreach (var row in order)
            {
                var (hospital, admitted, discharged) = row switch
                {
                    1 => ("HB", new CalendarDate(2026, 3, 1), new CalendarDate(2026, 3, 5)),
                    2 => ("HA", new CalendarDate(2026, 3, 1), new CalendarDate(2026, 3, 5)),
                    _ => ("HC", new CalendarDate(2026, 3, 10), new CalendarDate(2026, 3, 12)),
                };
                monitor.Add(Case("R" + row.ToString(System.Globalization.CultureInfo.InvariantCulture), hospital, admitted, discharged, "P"), new CaseResult("ES31", 1m), row);
            }

            var report = monitor.Finish();
            var ha = report.Row("HA", "readmission_14d_rate", "2026-03");
            var hb = report.Row("HB", "readmission_14d_rate", "2026-03");
            Assert.Equal((1m, 1m, 0m, 1m), (ha.Numerator, ha.Denominator, hb.Numerator, hb.Denominator));
            Assert.Equal(1, report.Counts["duplicate_stays"]);
            var readmission = Assert.Single(report.Review, r => r.Reason == "readmission_14d");
            Assert.Equal(("HA", 3L, (long?)2L), (readmission.HospitalId, readmission.Row, readmission.RelatedRow));
        }
    }

    [Fact]
    public void A_row_given_with_a_case_is_the_row_reviews_name_and_must_be_a_data_row()
    {
        var monitor = new SupervisionMonitor(MonitoringProfile.Default);
        var overlong = Case("C7", "H1", new CalendarDate(2026, 1, 1), new CalendarDate(2026, 4, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => monitor.Add(overlong, null, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => monitor.Add(overlong, null, (long)int.MaxValue + 1));
        monitor.Add(overlong, null, 7);
        var report = monitor.Finish();
        Assert.Equal(7L, Assert.Single(report.Review, r => r.Reason == "overlong_stay").Row);
        Assert.Equal(1, report.Counts["cases"]);
    }

    [Fact]
    public void Unreadable_weight_points_and_outlier_values_are_counted_per_column_and_exit_1()
    {
        var folder = Folder();
        try
        {
            var results = File.ReadAllLines(Region.File("results.csv")).ToList();
            results[1] = "C01,H1,12000.00,1.2,ES31,1.2x,normal,0";
            results[2] = results[2].Replace(",ES", "y,ES", StringComparison.Ordinal);
            var c = results[3].Split(',');
            c[6] = "weird";
            results[3] = string.Join(",", c);
            File.WriteAllLines(Path.Combine(folder, "results.csv"), results);
            var run = MedpayProcess.Run("monitor", "--cases", Region.File("cases.csv"), "--results", Path.Combine(folder, "results.csv"), "--output", Path.Combine(folder, "out"));
            Assert.True(run.Exit == 1, run.Err);
            var summary = File.ReadAllLines(Path.Combine(folder, "out", "summary.csv"));
            Assert.Contains("results_weight_unreadable,1", summary);
            Assert.Contains("results_points_unreadable,1", summary);
            Assert.Contains("results_outlier_unreadable,1", summary);
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }

    [Fact]
    public void A_qc_file_with_an_unknown_status_is_refused_with_line_and_field_and_exit_2()
    {
        var folder = Folder();
        try
        {
            var issues = File.ReadAllLines(Region.File("issues.csv")).ToList();
            var c = issues[2].Split(',');
            c[3] = "acepted";
            issues[2] = string.Join(",", c);
            File.WriteAllLines(Path.Combine(folder, "issues.csv"), issues);
            var run = MedpayProcess.Run("monitor", "--cases", Region.File("cases.csv"), "--qc", Path.Combine(folder, "issues.csv"), "--output", Path.Combine(folder, "out"));
            Assert.True(run.Exit == 2, run.Err);
            Assert.Contains("issues.csv", run.Err, StringComparison.Ordinal);
            Assert.Contains("line 3, field status", run.Err, StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(folder, "out", "summary.csv")));
            Assert.Throws<ArgumentException>(() => new SupervisionMonitor(MonitoringProfile.Default).AddQualityCheck("H1", "acepted"));
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }

    [Fact]
    public void The_default_profile_and_a_report_cannot_be_changed_through_a_cast()
    {
        Assert.IsNotType<int[]>(MonitoringProfile.Default.ReadmissionDays);
        Assert.False(MonitoringProfile.Default.ReadmissionDays is System.Collections.Generic.IList<int> { IsReadOnly: false });
        var monitor = new SupervisionMonitor(MonitoringProfile.Default);
        monitor.Add(Case("C1", "H1", new CalendarDate(2026, 3, 1), new CalendarDate(2026, 3, 5)), new CaseResult("ES31", 1m));
        var report = monitor.Finish();
        foreach (var list in new System.Collections.IEnumerable[] { report.Indicators, report.Groups, report.LowRiskGroups, report.Severity, report.Review })
        {
            Assert.False(list is System.Collections.IList { IsReadOnly: false }, list.GetType().Name);
        }

        Assert.False(report.Counts is System.Collections.Generic.IDictionary<string, long> { IsReadOnly: false });
    }

    [Fact]
    public void The_html_charts_the_first_configured_readmission_window()
    {
        var profile = MonitoringProfile.Parse(
            "{\"name\":\"x\",\"version\":\"1\",\"readmissionDays\":[7,30],\"splitAdmissionDays\":14,\"splitAdmissionSameHospital\":true,\"lowStandardMaxLosDays\":3,\"lowStandardMaxCostRatio\":0.3,\"lowStandardRareShare\":0.1,\"overlongStayDays\":60,\"lowRiskSdMultiplier\":1,\"maxReviewCasesPerHospital\":5,\"severityDriverGroups\":3}", "p.json");
        var monitor = new SupervisionMonitor(profile);
        monitor.Add(Case("A", "H1", new CalendarDate(2026, 3, 1), new CalendarDate(2026, 3, 10), "P"), new CaseResult("ES31", 1m));
        monitor.Add(Case("C", "H1", new CalendarDate(2026, 3, 12), new CalendarDate(2026, 3, 15), "P"), new CaseResult("ES31", 1m));
        var html = MonitoringHtml.Render(monitor.Finish());
        Assert.Contains("readmission_7d_rate — level", html, StringComparison.Ordinal);
        Assert.DoesNotContain("readmission_14d_rate", html, StringComparison.Ordinal);
    }
}
