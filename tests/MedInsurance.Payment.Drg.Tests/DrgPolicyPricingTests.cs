using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using MedInsurance.Payment.Cases;
using MedInsurance.Payment.Drg.Grouping;
using MedInsurance.Payment.Drg.Pricing;
using MedInsurance.Payment.Settlement;
using static MedInsurance.Payment.Drg.Tests.MiniRuleText;

namespace MedInsurance.Payment.Drg.Tests;

/// <summary>
/// Pricing grouped cases by a regional table and a pricing policy (standards by fund and level, outliers), on the mini
/// rule text (G40.900 → BX15 RW 0.9860; S06.000 + N17.900 + 01.2400 → BB11 RW 0.6350). Worked by hand in the comments.
/// </summary>
public sealed class DrgPolicyPricingTests
{
    private static readonly DrgGrouper G = Grouper();

    private static readonly DrgRegionalTable Table = DrgRegionalTableReader.Read(
        new UTF8Encoding(false).GetBytes("DRG编码,DRG名称,权重,例均费用\r\nBX15,癫痫,0.9860,9000\r\nBB11,颅脑手术,0.6350,\r\nBB15,未定权重,,\r\n"),
        "table.csv",
        new DrgTableOptions("2025", "示例市"));

    private static readonly DrgOutlierRules MoneyOutliers = new(
        lowMultiple: 0.4m,
        highBands: new[] { new OutlierThreshold(null, 2m) },
        incompleteStayMaxDays: 2,
        incompleteStayDischargeTypes: new[] { DischargeType.Death });

    private static readonly DrgPricingPolicy MoneyPolicy = new(
        "test-money",
        "1",
        "示例市",
        new DrgStandardPolicy(
            new[]
            {
                new DrgRate(InsuranceFund.Employee, 3, new PointValue(10_000m)),
                new DrgRate(InsuranceFund.Resident, 3, new PointValue(9_000m)),
                new DrgRate(InsuranceFund.Employee, 2, new PointValue(8_500m)),
            },
            new Dictionary<int, Coefficient> { [2] = new Coefficient(0.9m) },
            null,
            RoundingRule.HalfAwayFromZeroToFen),
        MoneyOutliers,
        "DRG",
        RoundingRule.HalfAwayFromZeroToFen,
        new RoundingRule(RoundingMode.HalfAwayFromZero, 4));

    private static readonly Dictionary<string, DrgHospitalTerms> Hospitals = new()
    {
        ["H3"] = new DrgHospitalTerms("H3", 3),
        ["H2"] = new DrgHospitalTerms("H2", 2, new Coefficient(1.05m)),
        ["H0"] = new DrgHospitalTerms("H0", 0),
    };

    private static InpatientCase Epilepsy(string hospital, InsuranceFund fund, decimal cost, int los = 8, DischargeType type = DischargeType.MedicalAdvice) =>
        Case("G40.900", id: "T1") with
        {
            HospitalId = hospital,
            Fund = fund,
            LengthOfStayDays = los,
            DischargeType = type,
            DischargeDate = new DateOnly(2026, 5, 20),
            Costs = new CostBreakdown { Total = Money.FromYuan(cost), PatientPaid = Money.FromYuan(1_000m), FundPaid = Money.FromYuan(cost - 1_000m) },
        };

    private static DrgPricingResult Price(DrgSettlementPricing pricing, InpatientCase c) => pricing.Price(c, G.Group(c), Hospitals);

    private static readonly DrgSettlementPricing ByMoney = new(Table, MoneyPolicy);

    [Fact]
    public void The_standard_depends_on_fund_level_and_the_hospitals_own_coefficient()
    {
        // Employee at a level-3 hospital: 0.9860 × 10 000 × 1 (no level-3 coefficient) = 9 860.00; cost 12 345.67 is
        // between 0.4 × 9 860 = 3 944 and 2 × 9 860 = 19 720 → normal, a money line of 9 860.00 in pool DRG.
        var employee = Price(ByMoney, Epilepsy("H3", InsuranceFund.Employee, 12_345.67m));
        Assert.True(employee.IsPriced);
        Assert.Equal(SettlementBasis.OfMoney(Money.FromYuan(8_860m), "DRG"), employee.Line!.Value.Basis); // 9 860 − 1 000 paid by the patient
        Assert.Equal(9_860m, employee.Outlier!.Payment);
        Assert.Equal((9_860m, 3), (employee.Standard!.Standard, employee.Standard.Level));
        Assert.Equal(DrgCaseKind.Normal, employee.Outlier!.Kind);

        // Resident at level 3: 0.9860 × 9 000 = 8 874.00.
        Assert.Equal(Money.FromYuan(7_874m), Price(ByMoney, Epilepsy("H3", InsuranceFund.Resident, 12_345.67m)).Line!.Value.Basis.Amount); // − 1 000

        // Employee at H2 (level 2, own coefficient 1.05 over the level's 0.9): 0.9860 × 8 500 = 8 381; × 1.05 = 8 800.05.
        var h2 = Price(ByMoney, Epilepsy("H2", InsuranceFund.Employee, 12_345.67m));
        Assert.Equal(Money.FromYuan(7_800.05m), h2.Line!.Value.Basis.Amount); // − 1 000
        Assert.Equal(new Coefficient(1.05m), h2.HospitalCoefficient);
    }

    [Fact]
    public void High_low_and_incomplete_cases_are_paid_by_their_rule()
    {
        // Money lines carry the fund's part: the case payment less the patient's 1 000.
        // Cost 25 000 ≥ 19 720: 9 860 + (25 000 − 19 720) = 15 140.00; the line 14 140.00.
        var high = Price(ByMoney, Epilepsy("H3", InsuranceFund.Employee, 25_000m));
        Assert.Equal((DrgCaseKind.High, 15_140m, Money.FromYuan(14_140m)), (high.Outlier!.Kind, high.Outlier.Payment, high.Line!.Value.Basis.Amount));

        // Cost 2 958 < 3 944: 9 860 × 2 958 ÷ 9 860 = 2 958.00; the line 1 958.00.
        var low = Price(ByMoney, Epilepsy("H3", InsuranceFund.Employee, 2_958m));
        Assert.Equal((DrgCaseKind.Low, Money.FromYuan(1_958m)), (low.Outlier!.Kind, low.Line!.Value.Basis.Amount));

        // A death on day 1 costing 5 000: 9 860 × min(5 000 ÷ 9 860, 1) = 5 000.00; the line 4 000.00.
        var death = Price(ByMoney, Epilepsy("H3", InsuranceFund.Employee, 5_000m, los: 1, type: DischargeType.Death));
        Assert.Equal((DrgCaseKind.IncompleteStay, Money.FromYuan(4_000m)), (death.Outlier!.Kind, death.Line!.Value.Basis.Amount));
        Assert.Contains("未完成治疗病例", death.Outlier.Formula, StringComparison.Ordinal);
    }

    [Fact]
    public void The_point_form_writes_points_and_compares_through_the_reference_point_value()
    {
        // Points = RW × 100 × level coefficient: 0.9860 × 100 × 0.95 = 93.67 at level 2 (H2b has no own coefficient).
        // Compared with 93.67 × 100 yuan = 9 367. Base points 98.6 ≤ 100 → high at 3 × 9 367 = 28 101.
        var policy = new DrgPricingPolicy(
            "test-points",
            "1",
            string.Empty,
            new DrgStandardPolicy(Array.Empty<DrgRate>(), new Dictionary<int, Coefficient> { [2] = new Coefficient(0.95m) }, null, new RoundingRule(RoundingMode.HalfAwayFromZero, 4), DrgPaymentForm.Points, 100m),
            new DrgOutlierRules(lowMultiple: 0.4m, highBands: new[] { new OutlierThreshold(100m, 3m), new OutlierThreshold(300m, 2m), new OutlierThreshold(null, 1.5m) }, referencePointValue: new PointValue(100m)),
            "DRG",
            RoundingRule.HalfAwayFromZeroToFen,
            new RoundingRule(RoundingMode.HalfAwayFromZero, 4));
        var pricing = new DrgSettlementPricing(Table, policy);
        var hospitals = new Dictionary<string, DrgHospitalTerms> { ["H2b"] = new DrgHospitalTerms("H2b", 2) };

        var normal = pricing.Price(Epilepsy("H2b", InsuranceFund.Employee, 12_345.67m), G.Group(Epilepsy("H2b", InsuranceFund.Employee, 12_345.67m)), hospitals);
        Assert.Equal(SettlementBasis.OfPoints("DRG", 93.67m), normal.Line!.Value.Basis);

        // Cost 30 000: 93.67 + 93.67 × (30 000 − 28 101) ÷ 9 367 = 93.67 + 18.99 = 112.66 points.
        var c = Epilepsy("H2b", InsuranceFund.Employee, 30_000m);
        var high = pricing.Price(c, G.Group(c), hospitals);
        Assert.Equal(DrgCaseKind.High, high.Outlier!.Kind);
        Assert.Equal(SettlementBasis.OfPoints("DRG", 112.66m), high.Line!.Value.Basis);
    }

    [Fact]
    public void A_case_without_level_rate_or_mean_is_not_priced_and_says_why()
    {
        // Not rated.
        var unrated = Price(ByMoney, Epilepsy("H0", InsuranceFund.Employee, 9_000m));
        Assert.False(unrated.IsPriced);
        Assert.Equal(["DRG_PRICE_LEVEL_UNKNOWN(level)"], unrated.Issues.Select(i => i.ToCompactString()).ToArray());

        // Resident at level 2: no rate for that fund and level, and none for every fund or level.
        var noRate = Price(ByMoney, Epilepsy("H2", InsuranceFund.Resident, 9_000m));
        Assert.Equal(["DRG_PRICE_RATE_MISSING(rate)"], noRate.Issues.Select(i => i.ToCompactString()).ToArray());

        // Group-mean outliers and a DRG without 例均费用 in the table (BB11).
        var byMean = new DrgSettlementPricing(Table, new DrgPricingPolicy("m", "1", string.Empty, MoneyPolicy.Standards, new DrgOutlierRules(comparator: DrgOutlierComparator.GroupMean, lowMultiple: 0.4m), "DRG", RoundingRule.HalfAwayFromZeroToFen, new RoundingRule(RoundingMode.HalfAwayFromZero, 4)));
        var bb = Case("S06.000", "N17.900", "01.2400") with { HospitalId = "H3", Fund = InsuranceFund.Employee, DischargeDate = new DateOnly(2026, 5, 1), Costs = new CostBreakdown { Total = Money.FromYuan(5_000m) } };
        Assert.Equal(["DRG_PRICE_MEAN_MISSING(mean_cost)"], byMean.Price(bb, G.Group(bb), Hospitals).Issues.Select(i => i.ToCompactString()).ToArray());

        // The same policy prices BX15 against its mean 9 000: cost 3 000 < 3 600 → low, 9 860 × 3 000 ÷ 9 000 = 3 286.666… → 3 286.67;
        // the line 3 286.67 − 1 000 = 2 286.67.
        var bx = Price(byMean, Epilepsy("H3", InsuranceFund.Employee, 3_000m));
        Assert.Equal((DrgCaseKind.Low, 3_286.67m, Money.FromYuan(2_286.67m)), (bx.Outlier!.Kind, bx.Outlier.Payment, bx.Line!.Value.Basis.Amount));
    }

    [Fact]
    public void The_fund_share_of_a_money_payment_never_goes_below_zero()
    {
        Assert.Equal(Money.FromYuan(8_860m), DrgSettlementPricing.FundShareOfPayment(Money.FromYuan(9_860m), Money.FromYuan(1_000m)));
        Assert.Equal(Money.Zero, DrgSettlementPricing.FundShareOfPayment(Money.FromYuan(900m), Money.FromYuan(1_000m)));
    }

    [Fact]
    public void A_policy_pricing_refuses_a_bare_coefficient() =>
        Assert.Throws<InvalidOperationException>(() => ByMoney.Price(Epilepsy("H3", InsuranceFund.Employee, 1m), G.Group(Epilepsy("H3", InsuranceFund.Employee, 1m)), Coefficient.One));

    [Fact]
    public void The_embedded_examples_load_and_a_bad_policy_names_line_and_field()
    {
        Assert.Equal(["example-drg-points-2025", "example-drg-pricing-2025"], DrgPricingPolicyLoader.Embedded.Names.OrderBy(n => n, StringComparer.Ordinal).ToArray());
        var example = DrgPricingPolicyLoader.Load("example-drg-pricing-2025");
        Assert.Equal((DrgPaymentForm.Money, 2, "DRG"), (example.Standards.Form, example.Standards.BaseGroupLevel!.Value, example.PointSystem!));
        Assert.Equal(new PointValue(9_000m), example.Standards.RateFor(InsuranceFund.Resident, 3));
        Assert.Equal(new PointValue(7_000m), example.Standards.RateFor(InsuranceFund.Resident, 1));
        Assert.Equal(DrgPaymentForm.Points, DrgPricingPolicyLoader.Load("example-drg-points-2025").Standards.Form);

        var bad = "{\n  \"name\": \"x\",\n  \"version\": \"1\",\n  \"form\": \"money\",\n  \"rates\": [\n    { \"fund\": \"farmer\", \"yuan\": 1 }\n  ],\n  \"outliers\": { \"lowPayment\": \"half\" }\n}";
        var ex = Assert.Throws<InvalidDataException>(() => DrgPricingPolicyLoader.Parse(bad, "p.json"));
        Assert.Contains("line 6, field rates[0].fund", ex.Message, StringComparison.Ordinal);
        Assert.Contains("line 8, field outliers.lowPayment", ex.Message, StringComparison.Ordinal);

        var unknown = Assert.Throws<InvalidDataException>(() => DrgPricingPolicyLoader.Parse("{\"name\":\"x\",\n\"version\":\"1\",\n\"colour\":1}", "p.json"));
        Assert.Contains("DRG_PRICE_POLICY_JSON_INVALID", unknown.Message, StringComparison.Ordinal);
        Assert.Contains("line 3", unknown.Message, StringComparison.Ordinal);

        var pointsWithoutReference = Assert.Throws<InvalidDataException>(() => DrgPricingPolicyLoader.Parse("{\"name\":\"x\",\"version\":\"1\",\"form\":\"points\",\"outliers\":{\"lowMultiple\":0.4}}", "p.json"));
        Assert.Contains("参考点值", pointsWithoutReference.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_case_discharged_outside_the_pricing_policy_s_period_is_not_priced()
    {
        // Epilepsy cases are discharged on 2026-05-20.
        DrgPricingPolicy Period(int fromMonth, int toMonth) => new(
            "test-period", "1", "示例市", MoneyPolicy.Standards, MoneyOutliers, "DRG", RoundingRule.HalfAwayFromZeroToFen, new RoundingRule(RoundingMode.HalfAwayFromZero, 4),
            new DateOnly(2026, fromMonth, 1), new DateOnly(2026, toMonth, 20));
        Assert.True(Price(new DrgSettlementPricing(Table, Period(1, 5)), Epilepsy("H3", InsuranceFund.Employee, 12_345.67m)).IsPriced);
        var outside = Price(new DrgSettlementPricing(Table, Period(6, 12)), Epilepsy("H3", InsuranceFund.Employee, 12_345.67m));
        Assert.False(outside.IsPriced);
        Assert.Contains(outside.Issues, i => i.Code == DrgPricingIssueCodes.PolicyNotInForce && i.Field == "discharge_date");
        Assert.Throws<ArgumentException>(() => Period(6, 1));
    }

    [Fact]
    public void The_loader_reads_the_period_and_refuses_a_malformed_one()
    {
        var json = DrgPricingPolicyLoader.Embedded.Read("example-drg-pricing-2025")!;
        var at = json.IndexOf('{', StringComparison.Ordinal) + 1;
        var dated = DrgPricingPolicyLoader.Parse(json.Insert(at, "\"effectiveFrom\": \"2025-01-01\", \"effectiveTo\": \"2025-12-31\","), "p.json");
        Assert.Equal((new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31)), (dated.EffectiveFrom!.Value, dated.EffectiveTo!.Value));
        var reversed = Assert.Throws<InvalidDataException>(() => DrgPricingPolicyLoader.Parse(json.Insert(at, "\"effectiveFrom\": \"2025-12-31\", \"effectiveTo\": \"2025-01-01\","), "p.json"));
        Assert.Contains("effectiveTo", reversed.Message, StringComparison.Ordinal);
        var malformed = Assert.Throws<InvalidDataException>(() => DrgPricingPolicyLoader.Parse(json.Insert(at, "\"effectiveFrom\": \"2025/01/01\","), "p.json"));
        Assert.Contains("effectiveFrom", malformed.Message, StringComparison.Ordinal);
    }
}
