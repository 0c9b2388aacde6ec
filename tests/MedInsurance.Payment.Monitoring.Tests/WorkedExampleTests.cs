using System.Linq;
using static MedInsurance.Payment.Monitoring.Tests.Region;

namespace MedInsurance.Payment.Monitoring.Tests;

/// <summary>
/// The worked example of docs/monitoring.md: every expected value below was computed by hand there (the arithmetic is
/// written out in the doc), not produced by the code.
/// </summary>
public sealed class WorkedExampleTests
{
    private static readonly MonitoringReport Report = Run();

    [Theory]
    [InlineData("H1", 1.27)]
    [InlineData("H2", 1.127273)]
    [InlineData("H3", 1.225)]
    [InlineData("H4", 1.016667)]
    public void Cmi_is_the_mean_weight(string hospital, double expected) =>
        Assert.Equal((decimal)expected, R(Report.Row(hospital, "cmi").Value));

    [Theory]
    [InlineData("H1", 1.148333, 1.402143)]
    [InlineData("H2", 0.977273, 0.890909)]
    [InlineData("H3", 0.845833, 0.755952)]
    [InlineData("H4", 1.0, 0.855159)]
    public void Consumption_indices_divide_each_case_by_its_groups_regional_mean(string hospital, double cost, double time)
    {
        Assert.Equal((decimal)cost, R(Report.Row(hospital, "cost_index").Value));
        Assert.Equal((decimal)time, R(Report.Row(hospital, "time_index").Value));
    }

    [Fact]
    public void A_month_uses_the_years_regional_means() =>
        Assert.Equal(1.122917m, R(Report.Row("H1", "cost_index", "2026-03").Value));

    [Fact]
    public void Same_level_comparison_of_the_cmi()
    {
        var h1 = Report.Row("H1", "cmi");
        Assert.Equal(1.198636m, R(h1.LevelMean!.Value));
        Assert.Equal(0.071364m, R(h1.Difference!.Value));
        Assert.Equal(1.059537m, R(h1.Ratio!.Value));
        Assert.Equal(1m, R(h1.ZScore!.Value));
        Assert.Equal(75m, h1.PercentileRank);
        Assert.Equal(25m, Report.Row("H2", "cmi").PercentileRank);
        Assert.Equal(2, h1.LevelHospitals);
    }

    [Fact]
    public void Low_risk_groups_are_below_mean_minus_one_sd_of_log_mortality_or_without_deaths()
    {
        Assert.Equal(new[] { "ES35", "FM19", "GB15" }, Report.LowRiskGroups.Where(g => g.LowRisk).Select(g => g.Group).ToArray());
        Assert.Equal(new[] { "ES31", "GB11" }, Report.LowRiskGroups.Where(g => !g.LowRisk).Select(g => g.Group).ToArray());
        Assert.Equal(0m, Report.Row("H1", "low_risk_death_rate").Value);
        Assert.Equal(0.111111m, R(Report.Row("H2", "low_risk_death_rate").Value));
        Assert.Equal(9m, Report.Row("H2", "low_risk_death_rate").Denominator);
    }

    [Theory]
    [InlineData("H1", 0.1, 0.1, 0.1, 10)]
    [InlineData("H2", 0.090909, 0.090909, 0.0, 11)]
    [InlineData("H3", 0.0, 0.125, 0.0, 8)]
    [InlineData("H4", 0.0, 0.0, 0.0, 5)]
    public void Readmissions_and_split_admissions(string hospital, double r14, double r30, double split, int stays)
    {
        Assert.Equal((decimal)r14, R(Report.Row(hospital, "readmission_14d_rate").Value));
        Assert.Equal((decimal)r30, R(Report.Row(hospital, "readmission_30d_rate").Value));
        Assert.Equal((decimal)split, R(Report.Row(hospital, "split_admission_rate").Value));
        Assert.Equal(stays, Report.Row(hospital, "readmission_14d_rate").Denominator);
    }

    [Fact]
    public void The_split_admission_and_the_readmissions_are_listed_to_review()
    {
        var split = Assert.Single(Report.Review, r => r.Reason == "split_admission");
        Assert.Equal(("H1", 2L, 1L), (split.HospitalId, split.Row, split.RelatedRow!.Value));
        Assert.Equal(new[] { 2L, 30L }, Report.Review.Where(r => r.Reason == "readmission_14d").Select(r => r.Row).OrderBy(r => r).ToArray());
        Assert.Equal(1, Report.Counts["cases_without_patient_id"]);
    }

    [Theory]
    [InlineData("H1", "low_standard_admission_rate", 0.0)]
    [InlineData("H4", "low_standard_admission_rate", 0.166667)]
    [InlineData("H1", "overlong_stay_rate", 0.1)]
    [InlineData("H2", "overlong_stay_rate", 0.0)]
    [InlineData("H1", "deviation_share", 0.1)]
    [InlineData("H4", "deviation_share", 0.166667)]
    [InlineData("H1", "special_review_share", 0.1)]
    [InlineData("H1", "out_of_catalog_share", 0.01)]
    [InlineData("H2", "out_of_catalog_share", 0.02)]
    [InlineData("H3", "out_of_catalog_share", 0.0)]
    [InlineData("H4", "out_of_catalog_share", 0.05)]
    [InlineData("H1", "referral_rate", 0.1)]
    [InlineData("H3", "referral_rate", 0.25)]
    [InlineData("H1", "case_growth", 1.5)]
    [InlineData("H1", "points_growth", 2.527778)]
    [InlineData("H2", "case_growth", 1.2)]
    [InlineData("H2", "points_growth", 1.818182)]
    public void Rates_and_shares(string hospital, string indicator, double expected) =>
        Assert.Equal((decimal)expected, R(Report.Row(hospital, indicator).Value));

    [Fact]
    public void The_overlong_stays_are_listed_by_case_id_and_the_low_standard_ones_by_row()
    {
        // C31 is the 31st data row of the worked example; low-standard candidates carry no id (docs/monitoring.md, Memory).
        var low = Assert.Single(Report.Review, r => r.Reason == "low_standard_admission");
        Assert.Equal((31L, string.Empty), (low.Row, low.CaseId));
        Assert.Equal("C08", Assert.Single(Report.Review, r => r.Reason == "overlong_stay").CaseId);
    }

    [Fact]
    public void Coding_accuracy_proxy_is_the_qc_rejection_rate()
    {
        Assert.Equal(0.25m, Report.Row("H1", "coding_error_rate", "all").Value);
        Assert.Equal(0.5m, Report.Row("H1", "coding_warning_rate", "all").Value);
        Assert.Equal(0.25m, Report.Row("H2", "coding_error_rate", "all").Value);
    }

    [Fact]
    public void Cost_growth_per_group_year_on_year()
    {
        var h1 = Report.Groups.Single(g => g.HospitalId == "H1" && g.Group == "ES31");
        Assert.Equal(13000m, h1.MeanCostYuan);
        Assert.Equal(0.3m, R(h1.CostGrowth!.Value));
        var region = Report.Groups.Single(g => g.HospitalId.Length == 0 && g.Group == "ES31");
        Assert.Equal(0.263158m, R(region.CostGrowth!.Value));
        Assert.Equal(0m, R(Report.Groups.Single(g => g.HospitalId.Length == 0 && g.Group == "ES35").CostGrowth!.Value));
        Assert.Null(Report.Groups.Single(g => g.HospitalId == "H3" && g.Group == "ES31").CostGrowth);
    }

    [Fact]
    public void Severity_shift_against_peers_and_the_previous_year()
    {
        var h1 = Report.Severity.Single(s => s.HospitalId == "H1");
        Assert.Equal((8L, 5L, 2m), (h1.Cases, h1.ObservedSevere, R(h1.ExpectedSevere)));
        Assert.Equal(2.477168m, R(h1.ZPeers!.Value));
        Assert.Equal("ES3:+2|GB1:+1", h1.Drivers);
        Assert.Equal((5L, 3L, 1.25m), (h1.PreviousCases, h1.PreviousObservedSevere, R(h1.PreviousExpectedSevere!.Value)));
        Assert.Equal(1.807392m, R(h1.ZPrevious!.Value));
        var h2 = Report.Severity.Single(s => s.HospitalId == "H2");
        Assert.Equal(-2.195775m, R(h2.ZPeers!.Value));
        Assert.Equal(0m, h2.ZPrevious);
        var h3 = Report.Severity.Single(s => s.HospitalId == "H3");
        Assert.Null(h3.ZPeers);
        Assert.Equal("ES3:+1|GB1:+1", h3.Drivers);
        Assert.Equal(-1.224745m, R(Report.Severity.Single(s => s.HospitalId == "H4").ZPeers!.Value));
        Assert.Equal(new[] { "C01", "C03", "C04", "C06", "C07", "C22", "C25" }, Report.Review.Where(r => r.Reason == "severity_mix").Select(r => r.CaseId).OrderBy(c => c).ToArray());
    }
}
