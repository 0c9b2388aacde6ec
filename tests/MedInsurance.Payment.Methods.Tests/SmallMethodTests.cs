using System.IO;
using System.Linq;
using MedInsurance.Payment.Settlement;
using static MedInsurance.Payment.Methods.Tests.Cases;

namespace MedInsurance.Payment.Methods.Tests;

/// <summary>Single-disease prices, day surgery both ways and fee for service, against amounts computed by hand from example-mix-2025.</summary>
public sealed class SmallMethodTests
{
    private static readonly MethodMixPolicy Mix = Example();
    private static readonly MethodPricing Pricing = new(Mix);
    private static readonly MethodRouter Router = new(Mix);

    [Fact]
    public void Caesarean_section_on_the_list_is_a_money_line_of_price_times_share_from_the_DIP_pool()
    {
        // SD01 O82: tertiary 5 800 × 0.75 = 4 350.00; secondary 4 600 × 0.75 = 3 450.00.
        var c = Case("O82.000", los: 4, cost: 6_100m);
        var r = Pricing.PriceSingleDisease(c.At(H3));
        Assert.True(r.IsPriced);
        Assert.Equal("SD01", r.Item);
        Assert.Equal(Money.FromYuan(5_800m), r.Standard);
        var line = r.Line!.Value;
        Assert.Equal(SettlementMethods.SingleDisease, line.Method);
        Assert.Equal(SettlementBasis.OfMoney(Money.FromYuan(4_350m), "DIP"), line.Basis);
        Assert.Equal(Money.FromYuan(6_100m), line.TotalCost);
        Assert.Equal(6, line.Month);
        Assert.Equal(Money.FromYuan(3_450m), Pricing.PriceSingleDisease(c.At(H2)).FundAmount);
    }

    [Fact]
    public void An_entry_with_a_procedure_needs_the_procedure_and_a_price_for_the_level()
    {
        // SD02 K35 + 47.01: tertiary 7 200 × 0.70 = 5 040.00; secondary 6 100 × 0.75 = 4 575.00; primary has no price.
        var lap = Case("K35.800", procedure: "47.0100");
        Assert.Equal(Money.FromYuan(5_040m), Pricing.PriceSingleDisease(lap.At(H3)).FundAmount);
        Assert.Equal(Money.FromYuan(4_575m), Pricing.PriceSingleDisease(lap.At(H2)).FundAmount);
        var primary = Pricing.PriceSingleDisease(lap.At(H1));
        Assert.False(primary.IsPriced);
        Assert.Equal(MethodIssueCodes.SingleDiseaseNoPrice, Assert.Single(primary.Issues).Code);

        // The procedure may be any of the case's procedures.
        Assert.True(Pricing.PriceSingleDisease(Case("K35.800", procedure: "54.1100", otherProcedures: new[] { "47.0100" }).At(H3)).IsPriced);

        var open = Pricing.PriceSingleDisease(Case("K35.800", procedure: "47.0900").At(H3));
        Assert.False(open.IsPriced);
        var issue = Assert.Single(open.Issues);
        Assert.Equal(MethodIssueCodes.SingleDiseaseNotListed, issue.Code);
        Assert.Equal("diagnoses[0]", issue.Field);
    }

    [Fact]
    public void Cases_off_the_list_fall_back_with_a_coded_reason()
    {
        // Open appendectomy: not listed → not day surgery → not a special disease → DIP.
        var route = Router.Route(Case("K35.800", procedure: "47.0900").At(H3));
        Assert.Equal(SettlementMethods.Dip, route.Method);
        Assert.Equal(RouteFallbacks.PerDiemNotEligible | RouteFallbacks.SingleDiseaseNotListed | RouteFallbacks.DaySurgeryNotEligible | RouteFallbacks.FeeForServiceNotListed, route.Fallbacks);
        Assert.Equal("METHOD_PER_DIEM_NOT_ELIGIBLE>SINGLE_DISEASE_NOT_LISTED>DAY_SURGERY_NOT_ELIGIBLE>FEE_FOR_SERVICE_NOT_LISTED>METHOD_ROUTE_DIP", route.Describe());

        // Laparoscopic appendectomy at a primary hospital: listed, but no price for the level.
        var primary = Router.Route(Case("K35.800", procedure: "47.0100", hospitalId: "H1").At(H1));
        Assert.Equal(SettlementMethods.Dip, primary.Method);
        Assert.True((primary.Fallbacks & RouteFallbacks.SingleDiseaseNoPrice) != 0);
        Assert.Equal(1, primary.SingleDiseaseIndex);
    }

    [Fact]
    public void Fund_amount_is_rounded_once_by_the_named_rule()
    {
        // 1 000.01 × 0.5 = 500.005: 四舍五入 → 500.01; TowardZero → 500.00.
        MethodMixPolicy Policy(string mode) => MethodMixPolicyLoader.Parse(
            "{ \"id\": \"r\", \"version\": \"1\", \"order\": [\"SINGLE_DISEASE\", \"FEE_FOR_SERVICE\"], \"singleDisease\": { \"rounding\": { \"mode\": \"" + mode + "\", \"decimals\": 2 },"
            + " \"diseases\": [ { \"code\": \"X\", \"diagnosis\": \"O82\", \"price\": { \"*\": 1000.01 }, \"fundShare\": { \"*\": 0.5 } } ] } }", "test");
        var c = Case("O82.000").At(H3);
        Assert.Equal(Money.FromYuan(500.01m), new MethodPricing(Policy("HalfAwayFromZero")).PriceSingleDisease(c).FundAmount);
        Assert.Equal(Money.FromYuan(500.00m), new MethodPricing(Policy("TowardZero")).PriceSingleDisease(c).FundAmount);
        var line = new MethodPricing(Policy("HalfAwayFromZero")).PriceSingleDisease(c).Line!.Value;
        Assert.Null(line.Basis.PointSystem); // no pointSystem: outside every pool
    }

    [Fact]
    public void Day_surgery_by_price_is_price_times_share_for_a_listed_procedure_within_one_day()
    {
        // 45.42 polypectomy, 1 day: tertiary 3 200 × 0.70 = 2 240.00; secondary 2 700 × 0.70 = 1 890.00.
        var c = Case("K63.500", los: 1, procedure: "45.4200", cost: 3_000m);
        var route = Router.Route(c.At(H3));
        Assert.Equal(SettlementMethods.DaySurgery, route.Method);
        Assert.Equal(MethodIssueCodes.RouteDaySurgery, route.Reason);
        var r = Pricing.PriceDaySurgery(c.At(H3));
        Assert.Equal(SettlementBasis.OfMoney(Money.FromYuan(2_240m), "DIP"), r.Line!.Value.Basis);
        Assert.Equal(SettlementMethods.DaySurgery, r.Line!.Value.Method);
        Assert.Equal(Money.FromYuan(1_890m), Pricing.PriceDaySurgery(c.At(H2)).FundAmount);

        // Two days is not a day-surgery stay: DIP.
        Assert.Equal(SettlementMethods.Dip, Router.Route(Case("K63.500", los: 2, procedure: "45.4200").At(H3)).Method);

        // A primary hospital: eligible, but no price for its level → unpriced with a coded issue naming the field.
        var primary = Pricing.PriceDaySurgery(c.At(H1));
        Assert.False(primary.IsPriced);
        Assert.Equal("DAY_SURGERY_NO_PRICE(procedures[0])", Assert.Single(primary.Issues).ToCompactString());
    }

    [Fact]
    public void Day_surgery_by_group_relabels_the_group_line_and_keeps_its_points()
    {
        var mix = MethodMixPolicyLoader.Parse(
            "{ \"id\": \"g\", \"version\": \"1\", \"order\": [\"DAY_SURGERY\", \"DRG\"],\n \"daySurgery\": { \"payment\": \"group\", \"groups\": [\"GB19\"], \"procedures\": [ { \"code\": \"53.0\" } ] } }", "test");
        var router = new MethodRouter(mix);
        var hernia = Case("K40.900", los: 1, procedure: "53.0000");
        Assert.Equal(SettlementMethods.DaySurgery, router.Route(hernia.At(H3)).Method);            // listed procedure
        Assert.Equal(SettlementMethods.DaySurgery, router.Route(Case("K63.500", los: 0).At(H3, group: "GB19")).Method); // listed group, same day
        Assert.Equal(SettlementMethods.Drg, router.Route(Case("K63.500", los: 2).At(H3, group: "GB19")).Method);
        Assert.Equal(SettlementMethods.Drg, router.Route(Case("K63.500", los: 1).At(H3, group: "GB29")).Method);

        // The DRG line of the case (0.8123 points × coefficient, in DRG) becomes a DAY_SURGERY line with the same basis.
        var drgLine = SettlementLine.ForCase(hernia, SettlementMethods.Drg, SettlementBasis.OfPoints("DRG", 0.8123m));
        var r = MethodPricing.RelabelDaySurgery(drgLine);
        Assert.Equal(SettlementMethods.DaySurgery, r.Line!.Value.Method);
        Assert.Equal(SettlementBasis.OfPoints("DRG", 0.8123m), r.Line!.Value.Basis);
        Assert.Equal(drgLine.TotalCost, r.Line!.Value.TotalCost);
        Assert.Equal(MethodIssueCodes.GroupLineMissing, Assert.Single(MethodPricing.RelabelDaySurgery(null).Issues).Code);
    }

    [Fact]
    public void Fee_for_service_outside_the_budget_pays_the_billed_fund_amount()
    {
        // N18.5 dialysis: fund paid 8 000.00 × 1.0 = 8 000.00, outside every pool.
        var c = Case("N18.500", los: 3, cost: 10_000m);
        Assert.Equal(SettlementMethods.FeeForService, Router.Route(c.At(H3)).Method);
        var r = Pricing.PriceFeeForService(c.At(H3));
        Assert.Equal(SettlementBasis.OfMoney(Money.FromYuan(8_000m)), r.Line!.Value.Basis);
        Assert.Equal(SettlementMethods.FeeForService, r.Line!.Value.Method);
        Assert.Equal(Money.FromYuan(8_000m), r.Line!.Value.FundPaid);
    }

    [Fact]
    public void Fee_for_service_inside_the_budget_is_share_times_fund_amount_from_the_pool()
    {
        // 1 234.56 × 0.9 = 1 111.104 → 1 111.10, paid from the DIP pool.
        var mix = MethodMixPolicyLoader.Parse("{ \"id\": \"f\", \"version\": \"1\", \"order\": [\"FEE_FOR_SERVICE\"], \"feeForService\": { \"fundShare\": 0.9, \"pointSystem\": \"DIP\" } }", "test");
        var r = new MethodPricing(mix).PriceFeeForService(Case("J18.900", cost: 2_000m, fundPaid: 1_234.56m).At(H2));
        Assert.Equal(SettlementBasis.OfMoney(Money.FromYuan(1_111.10m), "DIP"), r.Line!.Value.Basis);
        Assert.True(mix.FeeForService!.IsInsideBudget);

        // A blank item-based fund amount (0 on a positive cost) cannot be paid by item: a coded issue, no line.
        var blank = new MethodPricing(mix).PriceFeeForService(Case("J18.900", cost: 2_000m, fundPaid: 0m).At(H2));
        Assert.False(blank.IsPriced);
        Assert.Equal("FEE_FOR_SERVICE_FUND_PAID_UNKNOWN(fund_paid)", Assert.Single(blank.Issues).ToCompactString());
    }

    [Fact]
    public void An_unknown_hospital_is_a_coded_issue_not_an_exception()
    {
        var r = Pricing.PriceFeeForService(Case("N18.500", hospitalId: "HX").At(default));
        Assert.Equal("METHOD_HOSPITAL_UNKNOWN(hospital_id)", Assert.Single(r.Issues).ToCompactString());
    }

    [Fact]
    public void A_bad_mix_fails_at_load_naming_line_and_field()
    {
        var ex = Assert.Throws<InvalidDataException>(() => MethodMixPolicyLoader.Parse(
            "{ \"id\": \"b\", \"version\": \"1\",\n \"order\": [\"DIP\",\n \"FEE_FOR_SERVICE\", \"CASH\"],\n \"singleDisease\": { \"diseases\": [ { \"code\": \"A\", \"diagnosis\": \"O82\",\n \"price\": { \"3\": 0 } } ] } }", "bad.json"));
        Assert.Contains("line 3, field order[1]", ex.Message, System.StringComparison.Ordinal);
        Assert.Contains("METHOD_POLICY_UNREACHABLE", ex.Message, System.StringComparison.Ordinal);
        Assert.Contains("field order[2]", ex.Message, System.StringComparison.Ordinal);
        Assert.Contains("METHOD_POLICY_ORDER_INVALID", ex.Message, System.StringComparison.Ordinal);
        Assert.Contains("line 5, field singleDisease.diseases[0].price.3", ex.Message, System.StringComparison.Ordinal);

        var grouper = Assert.Throws<InvalidDataException>(() => MethodMixPolicyLoader.Parse(
            "{ \"id\": \"g\", \"version\": \"1\", \"order\": [\"DAY_SURGERY\", \"FEE_FOR_SERVICE\"], \"daySurgery\": { \"payment\": \"group\", \"procedures\": [ { \"code\": \"53.0\" } ] } }", "g.json"));
        Assert.Contains("METHOD_POLICY_DAY_SURGERY_GROUPER", grouper.Message, System.StringComparison.Ordinal);
        Assert.Contains("example-mix-2025", MethodMixPolicyLoader.EmbeddedNames);
        Assert.Equal(new[] { "PER_DIEM", "SINGLE_DISEASE", "DAY_SURGERY", "FEE_FOR_SERVICE", "DIP" }, Mix.Order.ToArray());
    }
}
