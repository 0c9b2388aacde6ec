using System.Collections.Generic;
using System.Text;
using MedInsurance.Payment.Cases;
using MedInsurance.Payment.Drg.Pricing;

namespace MedInsurance.Payment.Drg.Tests;

/// <summary>Payment standards from a regional table, computed by hand (payment-rules.md §2; issue 11).</summary>
public sealed class DrgStandardPolicyTests
{
    private static readonly DrgRegionalTable Table = DrgRegionalTableReader.Read(
        Encoding.UTF8.GetBytes(
            "DRG编码,DRG名称,RW,基础病组,一级医院系数,二级医院系数,三级医院系数\n"
            + "AA19,心脏移植,29.7,,0.75,1.02,1.2\n"
            + "GB25,胃手术,1.05,是,0.8,0.9,1.0\n"
            + "AF19,肺移植,0.928,,,,\n"
            + "ZZ19,按项目付费组,,,,,\n"),
        "t.csv",
        new DrgTableOptions());

    private static DrgTableRow Row(string code) => Table.TryGet(code, out var row) ? row : throw new KeyNotFoundException(code);

    private static DrgStandardPolicy Policy(int decimals = 4, int? baseGroupLevel = null, decimal? low = null, decimal? high = null, params DrgRate[] rates) =>
        new(rates.Length == 0 ? new[] { new DrgRate(null, null, new PointValue(9435.25m)) } : rates, new Dictionary<int, Coefficient> { [2] = new Coefficient(0.95m) }, baseGroupLevel, new RoundingRule(RoundingMode.HalfAwayFromZero, decimals), lowMultiple: low, highMultiple: high);

    [Theory]
    // The published standards of AA19 (一级 210170.1938, 二级 285831.4635, 三级 336272.31) with rate 9 435.25:
    // 29.7 × 9 435.25 × 0.75 = 210 170.19375 → 210 170.1938 (4 decimals, 四舍五入); × 1.02 = 285 831.4635; × 1.2 = 336 272.31.
    [InlineData(1, "210170.1938")]
    [InlineData(2, "285831.4635")]
    [InlineData(3, "336272.31")]
    public void A_published_table_is_reproduced_to_its_decimals(int level, string standard)
    {
        var s = Policy().StandardFor(Row("AA19"), null, level)!;
        Assert.Equal(decimal.Parse(standard, System.Globalization.CultureInfo.InvariantCulture), s.Standard);
        Assert.Equal(9435.25m, s.Rate);
    }

    [Fact]
    public void Rates_by_fund_and_level_take_the_most_specific_one()
    {
        // 职工:三级 = 9 865, 居民:三级 = 9 391, any other = 9 000. AA19 at 三级: 35.64 × 9 865 = 351 588.60; × 9 391 = 334 695.24;
        // at 一级 (no level rate) 29.7 × 0.75 × 9 000 = 200 475.00.
        var policy = Policy(2, rates: new[] { new DrgRate(InsuranceFund.Employee, 3, new PointValue(9865m)), new DrgRate(InsuranceFund.Resident, 3, new PointValue(9391m)), new DrgRate(null, null, new PointValue(9000m)) });
        Assert.Equal(351_588.60m, policy.StandardFor(Row("AA19"), InsuranceFund.Employee, 3)!.Standard);
        Assert.Equal(334_695.24m, policy.StandardFor(Row("AA19"), InsuranceFund.Resident, 3)!.Standard);
        Assert.Equal(200_475.00m, policy.StandardFor(Row("AA19"), InsuranceFund.Employee, 1)!.Standard);
        // No rate for a fund and level at all: no standard.
        var only = Policy(2, rates: new[] { new DrgRate(InsuranceFund.Employee, 3, new PointValue(9865m)) });
        Assert.Null(only.StandardFor(Row("AA19"), InsuranceFund.Resident, 3));
    }

    [Fact]
    public void A_base_group_is_priced_at_one_named_levels_standard_for_every_level()
    {
        // GB25 基础病组 RW 1.05: at the 一级 standard 1.05 × 9 435.25 × 0.8 = 7 925.61 at every level.
        var policy = Policy(2, baseGroupLevel: 1);
        Assert.Equal(7_925.61m, policy.StandardFor(Row("GB25"), null, 3)!.Standard);
        Assert.Equal(7_925.61m, policy.StandardFor(Row("GB25"), null, 2)!.Standard);
        Assert.Contains("基础病组", policy.StandardFor(Row("GB25"), null, 3)!.Formula, System.StringComparison.Ordinal);
        // Without a base-group level it is priced like any DRG: 三级 1.05 × 9 435.25 × 1.0 = 9 907.01 (9 907.0125).
        Assert.Equal(9_907.01m, Policy(2).StandardFor(Row("GB25"), null, 3)!.Standard);
    }

    [Fact]
    public void The_coefficient_comes_from_the_table_row_else_the_hospital_else_the_level_else_one()
    {
        // AF19 has no per-level coefficient. Hospital 1.1: 0.928 × 9 435.25 × 1.1 = 9 631.5032 → 9 631.50;
        // level 二级 default 0.95: 8 318.1164 → 8 318.12; level 三级 (no default): 8 755.912 → 8 755.91.
        var policy = Policy(2);
        Assert.Equal(9_631.50m, policy.StandardFor(Row("AF19"), null, 3, new Coefficient(1.1m))!.Standard);
        Assert.Equal(8_318.12m, policy.StandardFor(Row("AF19"), null, 2)!.Standard);
        Assert.Equal(8_755.91m, policy.StandardFor(Row("AF19"), null, 3)!.Standard);
        // AA19's own 三级 column (1.2) wins over the hospital's 1.1.
        Assert.Equal(1.2m, policy.StandardFor(Row("AA19"), null, 3, new Coefficient(1.1m))!.Coefficient.Value);
        // A DRG without a weight has no standard.
        Assert.Null(policy.StandardFor(Row("ZZ19"), null, 3));
    }

    [Fact]
    public void The_point_form_and_the_outlier_thresholds()
    {
        // Points: RW × 100 × coefficient: GB25 at 二级 1.05 × 100 × 0.9 = 94.5 points.
        var points = new DrgStandardPolicy([], new Dictionary<int, Coefficient>(), null, new RoundingRule(RoundingMode.HalfAwayFromZero, 4), DrgPaymentForm.Points, 100m);
        Assert.Equal(94.5m, points.StandardFor(Row("GB25"), null, 2)!.Standard);
        // Thresholds 0.35× and 2× of AA19 三级 336 272.31: 117 695.3085 → 117 695.31; 672 544.62.
        var s = Policy(2, low: 0.35m, high: 2m).StandardFor(Row("AA19"), null, 3)!;
        Assert.Equal((117_695.31m, 672_544.62m), (s.LowThreshold!.Value, s.HighThreshold!.Value));
    }

    [Fact]
    public void Impossible_policies_are_refused()
    {
        Assert.Throws<System.ArgumentException>(() => Policy(2, low: 2m, high: 1m));
        Assert.Throws<System.ArgumentOutOfRangeException>(() => new DrgRate(null, 4, new PointValue(1m)));
        Assert.Throws<System.ArgumentException>(() => new DrgStandardPolicy([], new Dictionary<int, Coefficient>(), null, RoundingRule.Default));
    }
}
