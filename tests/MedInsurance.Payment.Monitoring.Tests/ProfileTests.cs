using System.IO;

namespace MedInsurance.Payment.Monitoring.Tests;

public sealed class ProfileTests
{
    [Fact]
    public void The_embedded_default_is_named_versioned_and_cites_sources()
    {
        var p = MonitoringProfile.Default;
        Assert.Equal(("national-default", "2026.1"), (p.Name, p.Version));
        Assert.Equal(new[] { 14, 30 }, p.ReadmissionDays);
        Assert.Equal(60, p.OverlongStayDays);
        Assert.NotEmpty(p.Sources);
    }

    [Theory]
    [InlineData("{\"name\":\"x\"}", "version")]
    [InlineData("{\"name\":\"x\",\"version\":\"1\",\"readmissionDays\":[30,14]}", "readmissionDays")]
    [InlineData("{\"name\":\"x\",\"version\":\"1\",\"bogus\":1}", "bogus")]
    [InlineData("[1]", "JSON object")]
    public void A_bad_profile_is_refused_naming_the_field(string json, string field)
    {
        var ex = Assert.Throws<InvalidDataException>(() => MonitoringProfile.Parse(json, "p.json"));
        Assert.Contains(field, ex.Message, System.StringComparison.Ordinal);
        Assert.StartsWith("p.json", ex.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_ratio_out_of_range_is_refused()
    {
        const string json = "{\"name\":\"x\",\"version\":\"1\",\"readmissionDays\":[14],\"splitAdmissionDays\":14,\"splitAdmissionSameHospital\":true,\"lowStandardMaxLosDays\":3,\"lowStandardMaxCostRatio\":1.5,\"lowStandardRareShare\":0.1,\"overlongStayDays\":60,\"lowRiskSdMultiplier\":1,\"maxReviewCasesPerHospital\":5,\"severityDriverGroups\":3}";
        var ex = Assert.Throws<InvalidDataException>(() => MonitoringProfile.Parse(json, "p.json"));
        Assert.Contains("lowStandardMaxCostRatio", ex.Message, System.StringComparison.Ordinal);
    }
}
