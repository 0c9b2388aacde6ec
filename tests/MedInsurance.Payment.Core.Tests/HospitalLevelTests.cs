using MedInsurance.Payment.Hospitals;

namespace MedInsurance.Payment.Core.Tests;

public sealed class HospitalLevelTests
{
    [Theory]
    [InlineData("三级甲等", HospitalTier.Tertiary, HospitalGrade.A, "3A")]
    [InlineData("三甲", HospitalTier.Tertiary, HospitalGrade.A, "3A")]
    [InlineData("3a", HospitalTier.Tertiary, HospitalGrade.A, "3A")]
    [InlineData("二级乙等", HospitalTier.Secondary, HospitalGrade.B, "2B")]
    [InlineData("二级", HospitalTier.Secondary, HospitalGrade.Ungraded, "2")]
    [InlineData("1", HospitalTier.Primary, HospitalGrade.Ungraded, "1")]
    [InlineData("未定级", HospitalTier.Unrated, HospitalGrade.Ungraded, "0")]
    public void Levels_parse_from_text_and_codes(string text, HospitalTier tier, HospitalGrade grade, string code)
    {
        var level = HospitalLevel.Parse(text);
        Assert.Equal(tier, level.Tier);
        Assert.Equal(grade, level.Grade);
        Assert.Equal(code, level.Code);
        Assert.Equal(level, HospitalLevel.Parse(level.ChineseName));
    }

    [Theory]
    [InlineData("四级")]
    [InlineData("3D")]
    [InlineData("")]
    public void Unknown_levels_are_refused(string text) => Assert.False(HospitalLevel.TryParse(text, out _));

    [Fact]
    public void Levels_order_by_tier_then_grade()
    {
        Assert.True(HospitalLevel.Parse("3A") > HospitalLevel.Parse("3B"));
        Assert.True(HospitalLevel.Parse("3C") > HospitalLevel.Parse("2A"));
    }
}
