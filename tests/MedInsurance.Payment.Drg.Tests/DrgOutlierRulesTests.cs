using System;
using MedInsurance.Payment.Cases;
using MedInsurance.Payment.Drg.Pricing;

namespace MedInsurance.Payment.Drg.Tests;

/// <summary>
/// The outlier rules as data (payment-rules.md §2: no national number), each worked by hand in the comments and in
/// docs/drg/README.md, "Outliers".
/// </summary>
public sealed class DrgOutlierRulesTests
{
    private static readonly RoundingRule Fen = RoundingRule.HalfAwayFromZeroToFen;
    private static readonly RoundingRule Points4 = new(RoundingMode.HalfAwayFromZero, 4);

    // Zhejiang [L], written out from payment-rules.md §2: compared with the group mean; high ≥ 3× for base points ≤ 100,
    // ≥ 2× for 100–300, ≥ 1.5× above; high points = base + (cost ÷ mean − threshold) × base; low (< 0.4×) = base × cost ÷ mean.
    private static readonly DrgOutlierRules Zhejiang = new(
        comparator: DrgOutlierComparator.GroupMean,
        lowMultiple: 0.4m,
        highBands: new[] { new OutlierThreshold(100m, 3m), new OutlierThreshold(300m, 2m), new OutlierThreshold(null, 1.5m) });

    // A money-form region: low < 0.35 × standard by cost ratio, high ≥ 2 × standard plus the excess, 5× flags special
    // review, 60 days flags special review, deaths and transfers within 2 days paid by cost ratio capped at the standard.
    private static readonly DrgOutlierRules Money2x = new(
        lowMultiple: 0.35m,
        highBands: new[] { new OutlierThreshold(null, 2m) },
        extremeMultiple: 5m,
        incompleteStayMaxDays: 2,
        incompleteStayDischargeTypes: new[] { DischargeType.Death, DischargeType.TransferToHospital },
        longStayDays: 60);

    private static DrgOutlierAssessment Money(DrgOutlierRules rules, decimal standard, decimal cost, int los = 8, DischargeType type = DischargeType.MedicalAdvice, decimal? tableLow = null, decimal? tableHigh = null) =>
        rules.Assess(standard, true, standard, Payment.Money.FromYuan(cost), 100m, tableLow, tableHigh, los, type, Fen, Points4);

    [Fact]
    public void High_multiple_follows_the_base_point_bands()
    {
        Assert.Equal(3m, Zhejiang.HighMultipleFor(100m));
        Assert.Equal(2m, Zhejiang.HighMultipleFor(100.01m));
        Assert.Equal(2m, Zhejiang.HighMultipleFor(300m));
        Assert.Equal(1.5m, Zhejiang.HighMultipleFor(301m));
    }

    [Theory]
    // Group mean 10 000:
    // base 80 (≤ 100 → 3×): cost 35 000 → ratio 3.5 → 80 + (3.5 − 3) × 80 = 120, high.
    [InlineData(80, 35_000, 120, DrgCaseKind.High)]
    // base 80: cost 29 999 → ratio 2.9999 < 3 → normal 80.
    [InlineData(80, 29_999, 80, DrgCaseKind.Normal)]
    // base 200 (100–300 → 2×): cost 25 000 → 2.5 → 200 + 0.5 × 200 = 300, high.
    [InlineData(200, 25_000, 300, DrgCaseKind.High)]
    // base 400 (> 300 → 1.5×): cost 15 000 → 1.5 → 400 + 0 = 400, high at the threshold.
    [InlineData(400, 15_000, 400, DrgCaseKind.High)]
    // low: cost 3 000 → 0.3 < 0.4 → 200 × 0.3 = 60.
    [InlineData(200, 3_000, 60, DrgCaseKind.Low)]
    // cost 4 000 → 0.4, not below 0.4 → normal.
    [InlineData(200, 4_000, 200, DrgCaseKind.Normal)]
    public void Zhejiang_form_in_points_against_the_group_mean(int basePoints, int cost, int points, DrgCaseKind kind)
    {
        var result = Zhejiang.Assess(basePoints, false, 10_000m, Payment.Money.FromYuan(cost), basePoints, null, null, 8, DischargeType.MedicalAdvice, Fen, Points4);
        Assert.Equal(kind, result.Kind);
        Assert.Equal((decimal)points, result.Payment);
        Assert.False(result.IsMoney);
    }

    [Fact]
    public void Money_form_normal_low_and_high_cases_against_the_standard()
    {
        // Standard 8 000: low threshold 0.35 × 8 000 = 2 800, high 2 × 8 000 = 16 000.
        var normal = Money(Money2x, 8_000m, 12_000m);
        Assert.Equal((DrgCaseKind.Normal, DrgOutlierPaymentRule.Standard, 8_000m, 1.5m), (normal.Kind, normal.Rule, normal.Payment, normal.CostRatio));
        Assert.Equal((2_800m, 16_000m), (normal.LowThreshold!.Value, normal.HighThreshold!.Value));

        // Cost 20 000 ≥ 16 000: 8 000 + 8 000 × (20 000 − 16 000) ÷ 8 000 × 1 = 12 000.
        var high = Money(Money2x, 8_000m, 20_000m);
        Assert.Equal((DrgCaseKind.High, DrgOutlierPaymentRule.ExcessShare, 12_000m), (high.Kind, high.Rule, high.Payment));
        Assert.True(high.IsMoney);
        Assert.False(high.SpecialReviewCandidate);

        // Exactly at the high threshold: high, paid the standard (no excess).
        Assert.Equal((DrgCaseKind.High, 8_000m), (Money(Money2x, 8_000m, 16_000m).Kind, Money(Money2x, 8_000m, 16_000m).Payment));

        // Cost 2 000 < 2 800: 8 000 × 2 000 ÷ 8 000 = 2 000; exactly 2 800 is not below → normal 8 000.
        Assert.Equal((DrgCaseKind.Low, 2_000m), (Money(Money2x, 8_000m, 2_000m).Kind, Money(Money2x, 8_000m, 2_000m).Payment));
        Assert.Equal((DrgCaseKind.Normal, 8_000m), (Money(Money2x, 8_000m, 2_800m).Kind, Money(Money2x, 8_000m, 2_800m).Payment));
    }

    [Fact]
    public void A_share_of_the_excess_and_by_item_payment()
    {
        var share = new DrgOutlierRules(lowMultiple: 0.35m, highBands: new[] { new OutlierThreshold(null, 2m) }, highExcessShare: 0.8m, lowPayment: DrgOutlierPaymentRule.ByItem);
        // 8 000 + (20 000 − 16 000) × 0.8 = 11 200.
        Assert.Equal(11_200m, Money(share, 8_000m, 20_000m).Payment);

        // Low by item: the case's total cost 2 345.67, as money.
        var low = Money(share, 8_000m, 2_345.67m);
        Assert.Equal((DrgCaseKind.Low, DrgOutlierPaymentRule.ByItem, 2_345.67m, true), (low.Kind, low.Rule, low.Payment, low.IsMoney));
    }

    [Fact]
    public void Extreme_cost_and_long_stays_are_special_review_candidates_only()
    {
        // 5 × 8 000 = 40 000: at it a candidate, just below not; paid as a high case either way.
        var extreme = Money(Money2x, 8_000m, 40_000m);
        Assert.True(extreme.SpecialReviewCandidate);
        Assert.Equal((DrgCaseKind.High, 32_000m), (extreme.Kind, extreme.Payment)); // 8 000 + (40 000 − 16 000)
        Assert.False(Money(Money2x, 8_000m, 39_999.99m).SpecialReviewCandidate);

        // 60 days: a candidate though its cost is normal; 59 days not.
        Assert.True(Money(Money2x, 8_000m, 9_000m, los: 60).SpecialReviewCandidate);
        Assert.False(Money(Money2x, 8_000m, 9_000m, los: 59).SpecialReviewCandidate);
    }

    [Fact]
    public void Deaths_and_transfers_within_the_days_are_incomplete_stays_capped_at_the_standard()
    {
        // Death on day 1, cost 4 000: 8 000 × min(0.5, 1) = 4 000 (would be normal otherwise: 4 000 ≥ 2 800).
        var death = Money(Money2x, 8_000m, 4_000m, los: 1, type: DischargeType.Death);
        Assert.Equal((DrgCaseKind.IncompleteStay, DrgOutlierPaymentRule.CostRatioCapped, 4_000m), (death.Kind, death.Rule, death.Payment));

        // Transfer on day 2 costing 20 000 (high otherwise): capped at the standard 8 000.
        Assert.Equal((DrgCaseKind.IncompleteStay, 8_000m), (Money(Money2x, 8_000m, 20_000m, los: 2, type: DischargeType.TransferToHospital).Kind, Money(Money2x, 8_000m, 20_000m, los: 2, type: DischargeType.TransferToHospital).Payment));

        // Day 3, or a discharge on medical advice: not incomplete → the normal and high rules apply.
        Assert.Equal(DrgCaseKind.Normal, Money(Money2x, 8_000m, 4_000m, los: 3, type: DischargeType.Death).Kind);
        Assert.Equal(DrgCaseKind.Normal, Money(Money2x, 8_000m, 4_000m, los: 1).Kind);
    }

    [Fact]
    public void Published_table_thresholds_replace_the_multiples_when_the_source_is_the_table()
    {
        // AF19 as published: 权重 0.928, 费率（三级）9 080.56 → standard 8 426.75968 → 8 426.76 (2 decimals);
        // 低倍临界值 2 949.365888, 高倍临界值 16 853.51936.
        var table = new DrgOutlierRules(thresholdSource: DrgThresholdSource.Table, lowMultiple: 0.5m, highBands: new[] { new OutlierThreshold(null, 3m) });

        // Cost 20 000 ≥ 16 853.51936 (by the multiple it would need 25 280.28): 8 426.76 + 8 426.76 × (20 000 − 16 853.51936) ÷ 8 426.76
        // = 8 426.76 + 3 146.48064 = 11 573.24064 → 11 573.24.
        var high = Money(table, 8_426.76m, 20_000m, tableLow: 2_949.365888m, tableHigh: 16_853.51936m);
        Assert.Equal((DrgCaseKind.High, 11_573.24m), (high.Kind, high.Payment));

        // Cost 3 000: below 0.5 × 8 426.76 but not below the published 2 949.365888 → normal.
        Assert.Equal(DrgCaseKind.Normal, Money(table, 8_426.76m, 3_000m, tableLow: 2_949.365888m, tableHigh: 16_853.51936m).Kind);

        // A row without published thresholds falls back to the multiples: 3 000 < 4 213.38 → low, 8 426.76 × 3 000 ÷ 8 426.76 = 3 000.
        Assert.Equal((DrgCaseKind.Low, 3_000m), (Money(table, 8_426.76m, 3_000m).Kind, Money(table, 8_426.76m, 3_000m).Payment));
    }

    [Fact]
    public void The_payment_is_rounded_once_by_the_named_rule()
    {
        // Standard 8 000 yuan compared with a group mean of 3 000: cost 1 000 → ratio 0.3333… < 0.4 → low,
        // 8 000 × 1 000 ÷ 3 000 = 2 666.666… → 四舍五入 to the fen 2 666.67; toward zero 2 666.66.
        var rules = new DrgOutlierRules(comparator: DrgOutlierComparator.GroupMean, lowMultiple: 0.4m);
        DrgOutlierAssessment At(RoundingRule money) => rules.Assess(8_000m, true, 3_000m, Payment.Money.FromYuan(1_000m), 80m, null, null, 5, DischargeType.MedicalAdvice, money, Points4);
        Assert.Equal(2_666.67m, At(Fen).Payment);
        Assert.Equal(2_666.66m, At(new RoundingRule(RoundingMode.TowardZero, 2)).Payment);

        // The same in points: 80 × 1 000 ÷ 3 000 = 26.6666… → 26.6667 (4 decimals).
        Assert.Equal(26.6667m, rules.Assess(80m, false, 3_000m, Payment.Money.FromYuan(1_000m), 80m, null, null, 5, DischargeType.MedicalAdvice, Fen, Points4).Payment);
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(0)]
    [InlineData(-0.1)]
    public void A_low_multiple_outside_0_to_1_is_refused(double low) =>
        Assert.Throws<ArgumentException>(() => new DrgOutlierRules(lowMultiple: (decimal)low));

    [Fact]
    public void Unusable_rules_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new DrgOutlierRules(highBands: new[] { new OutlierThreshold(null, 2m), new OutlierThreshold(100m, 3m) }));
        Assert.Throws<ArgumentException>(() => new DrgOutlierRules(highBands: new[] { new OutlierThreshold(300m, 2m), new OutlierThreshold(100m, 3m) }));
        Assert.Throws<ArgumentException>(() => new DrgOutlierRules(highBands: new[] { new OutlierThreshold(null, 1m) }));
        Assert.Throws<ArgumentException>(() => new DrgOutlierRules(highBands: new[] { new OutlierThreshold(null, 2m) }, extremeMultiple: 2m));
        Assert.Throws<ArgumentException>(() => new DrgOutlierRules(highExcessShare: 1.1m));
        Assert.Throws<ArgumentException>(() => new DrgOutlierRules(lowPayment: DrgOutlierPaymentRule.ExcessShare));
        Assert.Throws<ArgumentException>(() => new DrgOutlierRules(incompletePayment: DrgOutlierPaymentRule.ExcessShare));
        Assert.Throws<ArgumentOutOfRangeException>(() => Money2x.Assess(1m, true, 0m, Payment.Money.FromYuan(1m), 1m, null, null, 1, DischargeType.Death, Fen, Points4));
    }
}
