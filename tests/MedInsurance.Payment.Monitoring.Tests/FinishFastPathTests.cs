using System;
using System.Linq;
using FsCheck;
using FsCheck.Xunit;
using MedInsurance.Payment.Cases;

namespace MedInsurance.Payment.Monitoring.Tests;

/// <summary>
/// The monitor's faster paths (docs/performance.md, changes 31 and 32) against what they replace: the QC status given as flags
/// counts as the status text does; the low-standard pass lists a hospital's first finds up to the profile's cap and counts
/// them all. Expected values are counted by the test or worked out in the comments, not taken from the code.
/// </summary>
public sealed class FinishFastPathTests
{
    private static readonly string[] Statuses = { "accepted", "warning", "rejected", "ACCEPTED", "Warning" };

    private static readonly string[] Hospitals = { "H0", "H1", "H2", string.Empty };

    private static InpatientCase Stay(string id, string hospital, int admittedDay, int los, long fen) => new()
    {
        CaseId = id,
        HospitalId = hospital,
        AdmissionDate = new CalendarDate(2026, 3, admittedDay),
        DischargeDate = new CalendarDate(2026, 3, admittedDay + los),
        LengthOfStayDays = los,
        Costs = CostBreakdown.FromTotal(Money.FromFen(fen)),
    };

    /// <summary>Each hospital's coding rates as rows, rejected rows and rows with warnings, counted by the test.</summary>
    private static string Expected(System.Collections.Generic.IEnumerable<(string Hospital, string Status)> rows) =>
        string.Join(";", rows.GroupBy(r => r.Hospital, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
            g.Key + ":" + g.Count(r => r.Status.Equals("rejected", StringComparison.OrdinalIgnoreCase)) + "/" + g.Count()
            + "," + g.Count(r => r.Status.Equals("warning", StringComparison.OrdinalIgnoreCase)) + "/" + g.Count()));

    private static string Rates(MonitoringReport report) =>
        string.Join(";", report.Indicators.Where(r => r.Indicator == "coding_error_rate").OrderBy(r => r.HospitalId, StringComparer.Ordinal).Select(r =>
        {
            var warning = report.Indicators.Single(w => w.HospitalId == r.HospitalId && w.Indicator == "coding_warning_rate");
            return r.HospitalId + ":" + r.Numerator + "/" + r.Denominator + "," + warning.Numerator + "/" + warning.Denominator;
        }));

    [Property(MaxTest = 100)]
    public void Quality_check_statuses_are_counted_per_hospital_as_texts_and_as_flags(int seed, PositiveInt count)
    {
        var random = new Random(seed);
        var byText = new SupervisionMonitor(MonitoringProfile.Default);
        var byFlags = new SupervisionMonitor(MonitoringProfile.Default);
        var rows = new System.Collections.Generic.List<(string, string)>();
        for (var i = 0; i < 1 + (count.Get % 200); i++)
        {
            // Mostly one shared id text per hospital (as the reader gives), sometimes an equal id in another string; runs of
            // one hospital and returns to an earlier one both occur.
            var id = Hospitals[random.Next(Hospitals.Length)];
            var hospital = random.Next(3) == 0 ? new string(id.ToCharArray()) : id;
            var status = Statuses[random.Next(Statuses.Length)];
            rows.Add((id, status));
            byText.AddQualityCheck(hospital, status);
            byFlags.AddQualityCheck(hospital, status.Equals("rejected", StringComparison.OrdinalIgnoreCase), status.Equals("warning", StringComparison.OrdinalIgnoreCase));
        }

        var expected = Expected(rows);
        Assert.Equal(expected, Rates(byText.Finish()));
        Assert.Equal(expected, Rates(byFlags.Finish()));
    }

    [Fact]
    public void A_hospital_returned_to_after_another_gets_its_own_rows()
    {
        // A, B, A, A with the same id texts: the last three rows must not be charged to B (the one-entry cache).
        var monitor = new SupervisionMonitor(MonitoringProfile.Default);
        monitor.AddQualityCheck("A", rejected: true, warning: false);
        monitor.AddQualityCheck("B", rejected: false, warning: false);
        monitor.AddQualityCheck("A", rejected: false, warning: true);
        monitor.AddQualityCheck("A", rejected: true, warning: false);
        Assert.Equal("A:2/3,1/3;B:0/1,0/1", Rates(monitor.Finish()));
    }

    [Fact]
    public void Quality_check_flags_give_the_coding_rates()
    {
        var monitor = new SupervisionMonitor(MonitoringProfile.Default);
        var h1 = "H1";
        monitor.AddQualityCheck(h1, rejected: true, warning: false);
        monitor.AddQualityCheck(h1, rejected: false, warning: true);
        monitor.AddQualityCheck(new string(h1.ToCharArray()), rejected: false, warning: false); // same hospital, other instance
        monitor.AddQualityCheck("H2", rejected: false, warning: false);
        var report = monitor.Finish();

        // H1: 3 rows, 1 rejected, 1 with warnings; H2: 1 row, none.
        var error = report.Indicators.Single(r => r.HospitalId == "H1" && r.Indicator == "coding_error_rate");
        Assert.Equal((1m, 3m), (error.Numerator, error.Denominator));
        var warning = report.Indicators.Single(r => r.HospitalId == "H1" && r.Indicator == "coding_warning_rate");
        Assert.Equal((1m, 3m), (warning.Numerator, warning.Denominator));
        Assert.Equal(0m, report.Indicators.Single(r => r.HospitalId == "H2" && r.Indicator == "coding_error_rate").Numerator);
    }

    [Fact]
    public void Low_standard_stays_are_all_counted_and_listed_up_to_the_cap_per_hospital()
    {
        // Short stays: los ≤ 3; cheap: cost ≤ 0.3 × the group's mean; rare: cheap stays ≤ 0.5 of the group's cases.
        var profile = MonitoringProfile.Parse(
            "{\"name\":\"x\",\"version\":\"1\",\"readmissionDays\":[14,30],\"splitAdmissionDays\":14,\"splitAdmissionSameHospital\":true,\"lowStandardMaxLosDays\":3,\"lowStandardMaxCostRatio\":0.3,\"lowStandardRareShare\":0.5,\"overlongStayDays\":60,\"lowRiskSdMultiplier\":1,\"maxReviewCasesPerHospital\":2,\"severityDriverGroups\":3}", "p.json");
        var monitor = new SupervisionMonitor(profile);
        var row = 0L;
        void Add(InpatientCase c) => monitor.Add(c, new CaseResult("ES31", 1m), ++row);

        // Group ES31: 7 stays of 10 000 yuan and 4 of 100 yuan (3 at H1, rows 8–10; 1 at H2, row 11): 11 cases, cost
        // 7 × 1 000 000 + 4 × 10 000 fen = 7 040 000 fen; cheap when 10 000 × 11 = 110 000 ≤ 0.3 × 7 040 000 = 2 112 000:
        // all 4; rare: 4 ≤ 0.5 × 11. H1's first two are listed (cap 2), the third only counted; H2's one is listed.
        for (var i = 0; i < 7; i++)
        {
            Add(Stay("N" + i, i % 2 == 0 ? "H1" : "H2", 1, 10, 1_000_000));
        }

        Add(Stay("S1", "H1", 2, 1, 10_000));
        Add(Stay("S2", "H1", 3, 2, 10_000));
        Add(Stay("S3", "H1", 4, 1, 10_000));
        Add(Stay("S4", "H2", 5, 1, 10_000));
        var report = monitor.Finish();

        var listed = report.Review.Where(r => r.Reason == "low_standard_admission").Select(r => r.HospitalId + ":" + r.Row).ToArray();
        Assert.Equal(new[] { "H1:8", "H1:9", "H2:11" }, listed);
        Assert.Equal(4, report.Counts["review_cases_found"]);
        var h1 = report.Indicators.Single(r => r.HospitalId == "H1" && r.Period == "2026-03" && r.Indicator == "low_standard_admission_rate");
        Assert.Equal((3m, 7m), (h1.Numerator, h1.Denominator)); // H1: 4 long stays + 3 short, 3 of them low-standard
    }
}
