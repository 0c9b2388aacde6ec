using System;
using System.Collections.Generic;
using System.Linq;
using MedInsurance.Payment.Cases;
using MedInsurance.Payment.Drg.Grouping;
using MedInsurance.Payment.Drg.Pricing;
using MedInsurance.Payment.Settlement;
using static MedInsurance.Payment.Drg.Tests.MiniRuleText;

namespace MedInsurance.Payment.Drg.Tests;

/// <summary>
/// DRG pricing into settlement lines, on the hand-written mini rule text (G40.900 → BX15, S06.000 + N17.900 + 01.2400
/// → BB11, N80.000 male → 0000, S06.000 + S27.000 + 03.0900 → ZQY, no main diagnosis → rejected). Expected values are
/// worked by hand in the comments.
/// </summary>
public sealed class DrgSettlementPricingTests
{
    private static readonly DrgGrouper G = Grouper();

    private static readonly Dictionary<string, RelativeWeight> Weights = new()
    {
        ["BX15"] = new RelativeWeight(0.9860m),
        ["BB11"] = new RelativeWeight(0.6350m),
        ["BB15"] = new RelativeWeight(0m), // listed without a weight
    };

    private static readonly DrgSettlementPricing Pricing = new(Weights);

    /// <summary>An epilepsy case (BX15) of hospital H1, employee fund, discharged 2026-03-06, 12 345.67 total.</summary>
    private static InpatientCase Epilepsy(string id = "T1") => Case("G40.900", id: id) with
    {
        HospitalId = "H1",
        Fund = InsuranceFund.Employee,
        DischargeDate = new DateOnly(2026, 3, 6),
        Costs = new CostBreakdown { Total = Money.FromYuan(12_345.67m), PatientPaid = Money.FromYuan(3_000m), FundPaid = Money.FromYuan(9_345.67m) },
    };

    private static DrgPricingResult PriceAt(InpatientCase c, decimal coefficient) => Pricing.Price(c, G.Group(c), new Coefficient(coefficient));

    private static string[] Codes(DrgPricingResult r) => r.Issues.Select(i => i.ToCompactString()).ToArray();

    [Fact]
    public void A_grouped_case_gives_a_drg_line_with_rw_times_coefficient_points()
    {
        var c = Epilepsy();
        var result = PriceAt(c, 1.1m);

        Assert.True(result.IsPriced);
        Assert.Empty(result.Issues);
        Assert.Equal("T1", result.CaseId);
        Assert.Equal(new RelativeWeight(0.9860m), result.Weight);
        Assert.Equal(new Coefficient(1.1m), result.HospitalCoefficient);
        var line = result.Line!.Value;
        Assert.Equal("T1", line.LineId);
        Assert.Equal("H1", line.HospitalId);
        Assert.Equal(InsuranceFund.Employee, line.Fund);
        Assert.Equal(3, line.Month);
        Assert.Equal("DRG", line.Method);
        // 0.9860 × 1.1 = 1.0846 points in the DRG point system; no money basis (the base rate is the pool's point value).
        Assert.Equal(SettlementBasis.OfPoints("DRG", 1.0846m), line.Basis);
        Assert.Equal(Money.FromYuan(12_345.67m), line.TotalCost);
        Assert.Equal(Money.FromYuan(3_000m), line.PatientPaid);
        Assert.Equal(Money.FromYuan(9_345.67m), line.FundPaid);
        Assert.Equal(Money.Zero, line.AuditDeduction);
        Assert.Equal(SpecialReviewStatus.None, line.SpecialReview);
        Assert.Equal(Money.Zero, line.ApprovedAmount);
    }

    [Fact]
    public void Points_are_rounded_half_away_from_zero_to_4_decimals_at_one_step()
    {
        // BB11 has RW 0.6350: × 1.15 = 0.73025 exactly, a midpoint at the 4th decimal → 四舍五入 0.7303 (banker's would give 0.7302).
        var c = Case("S06.000", "N17.900", "01.2400") with { HospitalId = "H1", DischargeDate = new DateOnly(2026, 12, 31) };
        var result = PriceAt(c, 1.15m);
        Assert.Equal("BB11", G.Group(c).Drg);
        Assert.Equal(0.7303m, result.Line!.Value.Basis.Points);
        Assert.Equal(12, result.Line!.Value.Month);
        Assert.Equal(0.7303m, Pricing.CasePoints(new RelativeWeight(0.6350m), new Coefficient(1.15m)));

        // The same step under a stated rule: 2 decimals toward zero → 0.73; half to even at 4 decimals → 0.7302.
        var truncated = new DrgSettlementPricing(Weights, "DRG", new RoundingRule(RoundingMode.TowardZero, 2));
        Assert.Equal(0.73m, truncated.Price(c, G.Group(c), new Coefficient(1.15m)).Line!.Value.Basis.Points);
        var even = new DrgSettlementPricing(Weights, "DRG", new RoundingRule(RoundingMode.HalfToEven, 4));
        Assert.Equal(0.7302m, even.Price(c, G.Group(c), new Coefficient(1.15m)).Line!.Value.Basis.Points);
    }

    [Fact]
    public void The_point_system_is_a_parameter()
    {
        var c = Epilepsy();
        var resident = new DrgSettlementPricing(Weights, "DRG-RESIDENT", new RoundingRule(RoundingMode.HalfAwayFromZero, 4));
        Assert.Equal(SettlementBasis.OfPoints("DRG-RESIDENT", 0.9860m), resident.Price(c, G.Group(c), Coefficient.One).Line!.Value.Basis);
        var only = new DrgSettlementPricing(Weights, " ", new RoundingRule(RoundingMode.HalfAwayFromZero, 4));
        Assert.Null(only.PointSystem);
        Assert.Null(only.Price(c, G.Group(c), Coefficient.One).Line!.Value.Basis.PointSystem);
        Assert.Equal("DRG", Pricing.PointSystem);
        Assert.Equal(new RoundingRule(RoundingMode.HalfAwayFromZero, 4), Pricing.PointsRounding);
    }

    [Fact]
    public void A_zero_fund_amount_on_a_case_with_a_positive_total_is_unknown_not_zero()
    {
        var unreported = Epilepsy() with { Costs = new CostBreakdown { Total = Money.FromYuan(8_000m), PatientPaid = Money.FromYuan(800m) } };
        Assert.Null(PriceAt(unreported, 1m).Line!.Value.FundPaid);

        // With no cost at all a zero fund amount is a real zero.
        var free = Epilepsy() with { Costs = CostBreakdown.None };
        Assert.Equal(Money.Zero, PriceAt(free, 1m).Line!.Value.FundPaid);
    }

    [Fact]
    public void The_hospital_coefficient_is_looked_up_by_hospital_id()
    {
        var coefficients = new Dictionary<string, Coefficient> { ["H1"] = new Coefficient(1.2m), ["H2"] = Coefficient.One };
        var c = Epilepsy();
        var result = Pricing.Price(c, G.Group(c), coefficients);
        // 0.9860 × 1.2 = 1.1832.
        Assert.Equal(1.1832m, result.Line!.Value.Basis.Points);
        Assert.Equal(new Coefficient(1.2m), result.HospitalCoefficient);

        var unknown = Epilepsy() with { HospitalId = "H9" };
        var rejected = Pricing.Price(unknown, G.Group(unknown), coefficients);
        Assert.False(rejected.IsPriced);
        Assert.Null(rejected.Line);
        Assert.Null(rejected.HospitalCoefficient);
        Assert.Equal(["DRG_PRICE_HOSPITAL_UNKNOWN(hospital_id)"], Codes(rejected));
    }

    [Fact]
    public void A_hospital_whose_row_failed_validation_rejects_its_cases_instead_of_pricing_at_a_default()
    {
        var terms = new Dictionary<string, DrgHospitalTerms> { ["H1"] = DrgHospitalTerms.Invalid("H1") };
        var c = Epilepsy();
        var rejected = Pricing.Price(c, G.Group(c), terms);
        Assert.False(rejected.IsPriced);
        Assert.Null(rejected.Line);
        Assert.Null(rejected.HospitalCoefficient);
        Assert.Equal(["DRG_PRICE_HOSPITAL_INVALID(hospital_id)"], Codes(rejected));
        Assert.True(DrgHospitalTerms.Invalid("H1").IsInvalid);
        Assert.False(new DrgHospitalTerms("H1", 3).IsInvalid);

        // The same hospital with valid terms is priced: 0.9860 × 1.
        var valid = Pricing.Price(c, G.Group(c), new Dictionary<string, DrgHospitalTerms> { ["H1"] = new DrgHospitalTerms("H1", 3) });
        Assert.Equal(0.986m, valid.Line!.Value.Basis.Points);
    }

    [Fact]
    public void A_case_discharged_outside_the_regional_tables_dates_is_not_priced()
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes("drg,weight\nBX15,0.9860\n");
        var table = DrgRegionalTableReader.Read(bytes, "t.csv", new DrgTableOptions(EffectiveFrom: new DateOnly(2026, 1, 1), EffectiveTo: new DateOnly(2026, 12, 31)));
        var pricing = new DrgSettlementPricing(table, "DRG", new RoundingRule(RoundingMode.HalfAwayFromZero, 4));
        var inForce = Epilepsy() with { DischargeDate = new DateOnly(2026, 12, 31) };
        var grouping = G.Group(inForce);
        var coefficients = new Dictionary<string, Coefficient> { ["H1"] = Coefficient.One };
        Assert.True(pricing.Price(inForce, grouping, coefficients).IsPriced);
        var late = Epilepsy() with { DischargeDate = new DateOnly(2027, 1, 1) };
        var rejected = pricing.Price(late, G.Group(late), coefficients);
        Assert.Null(rejected.Line);
        Assert.Equal(["DRG_PRICE_TABLE_NOT_IN_FORCE(discharge_date)"], Codes(rejected));
    }

    public static TheoryData<string, Func<InpatientCase>, decimal, string> Unpriced => new()
    {
        { "rejected input", () => Epilepsy() with { MainDiagnosis = default }, 1m, "DRG_PRICE_NOT_GROUPED(drg)" },
        { "ungroupable 0000", () => Epilepsy() with { MainDiagnosis = DiagnosisCode.Parse("N80.000"), Sex = Sex.Male }, 1m, "DRG_PRICE_UNGROUPABLE(drg)" },
        { "ambiguous QY", () => Case("S06.000", "S27.000", "03.0900") with { HospitalId = "H1", DischargeDate = new DateOnly(2026, 1, 2) }, 1m, "DRG_PRICE_AMBIGUOUS(drg)" },
        { "DRG not in the weight table", () => Case("S06.000", "E11.900", "01.2400") with { HospitalId = "H1", DischargeDate = new DateOnly(2026, 1, 2) }, 1m, "DRG_PRICE_WEIGHT_MISSING(weight)" },
        { "DRG listed without a weight", () => Case("S06.000", "Z51.100", "01.2400") with { HospitalId = "H1", DischargeDate = new DateOnly(2026, 1, 2) }, 1m, "DRG_PRICE_WEIGHT_BLANK(weight)" },
        { "no discharge date", () => Epilepsy() with { DischargeDate = null }, 1m, "DRG_PRICE_DISCHARGE_DATE_MISSING(discharge_date)" },
        { "no hospital id", () => Epilepsy() with { HospitalId = string.Empty }, 1m, "DRG_PRICE_HOSPITAL_MISSING(hospital_id)" },
        { "coefficient 0", () => Epilepsy(), 0m, "DRG_PRICE_COEFFICIENT_INVALID(coefficient)" },
        { "coefficient above 10", () => Epilepsy(), 10.01m, "DRG_PRICE_COEFFICIENT_INVALID(coefficient)" },
        // A negative amount fails the one basic rule set (COST_NEGATIVE, an error) that the grouper runs too: the case is
        // rejected before grouping: the pricer reports it as not grouped, and the negative amount as before.
        { "negative total cost", () => Epilepsy() with { Costs = new CostBreakdown { Total = Money.FromYuan(-1m) } }, 1m, "DRG_PRICE_NOT_GROUPED(drg) DRG_PRICE_AMOUNT_NEGATIVE(total_cost)" },
    };

    [Theory]
    [MemberData(nameof(Unpriced))]
    public void A_case_that_cannot_be_priced_gives_no_line_but_a_coded_reason(string why, Func<InpatientCase> build, decimal coefficient, string expected)
    {
        var result = PriceAt(build(), coefficient);
        Assert.False(result.IsPriced, why);
        Assert.Null(result.Line);
        Assert.Equal(expected.Split(' '), Codes(result));
        Assert.All(result.Issues, i => Assert.True(i.IsError));
    }

    [Fact]
    public void Every_reason_that_applies_is_reported_and_none_repeats_patient_values()
    {
        // Male N80.000, no discharge date, unknown hospital, negative patient share: four reasons at once. The negative share
        // fails the basic checks the grouper runs (COST_NEGATIVE), so the case is rejected, not 0000: NOT_GROUPED.
        var c = Epilepsy() with
        {
            MainDiagnosis = DiagnosisCode.Parse("N80.000"),
            Sex = Sex.Male,
            AgeYears = 47,
            DischargeDate = null,
            HospitalId = "H9",
            Costs = new CostBreakdown { Total = Money.FromYuan(12_345.67m), PatientPaid = Money.FromYuan(-3_456.78m) },
        };
        var result = Pricing.Price(c, G.Group(c), new Dictionary<string, Coefficient>());
        Assert.Equal(
            ["DRG_PRICE_NOT_GROUPED(drg)", "DRG_PRICE_DISCHARGE_DATE_MISSING(discharge_date)", "DRG_PRICE_HOSPITAL_UNKNOWN(hospital_id)", "DRG_PRICE_AMOUNT_NEGATIVE(patient_paid)"],
            Codes(result));
        foreach (var text in result.Issues.SelectMany(i => new[] { i.MessageZh, i.MessageEn }))
        {
            foreach (var patientValue in new[] { "N80", "47", "12345", "12 345", "3456", "3 456", "H9" })
            {
                Assert.DoesNotContain(patientValue, text, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void A_negative_weight_given_in_code_is_reported_not_priced()
    {
        var pricing = new DrgSettlementPricing(new Dictionary<string, RelativeWeight> { ["BX15"] = new RelativeWeight(-0.5m) });
        var c = Epilepsy();
        var result = pricing.Price(c, G.Group(c), Coefficient.One);
        Assert.Null(result.Line);
        Assert.Equal(["DRG_PRICE_WEIGHT_NEGATIVE(weight)"], Codes(result));
    }

    [Fact]
    public void The_weight_table_is_copied_so_later_changes_do_not_reach_the_pricing()
    {
        var weights = new Dictionary<string, RelativeWeight> { ["BX15"] = new RelativeWeight(1m) };
        var pricing = new DrgSettlementPricing(weights);
        weights["BX15"] = new RelativeWeight(2m);
        var c = Epilepsy();
        Assert.Equal(1m, pricing.Price(c, G.Group(c), Coefficient.One).Line!.Value.Basis.Points);
    }

    [Fact]
    public void A_grouping_of_another_case_is_a_programming_error()
    {
        var c = Epilepsy("T1");
        var other = G.Group(Epilepsy("T2"));
        Assert.Throws<ArgumentException>(() => Pricing.Price(c, other, Coefficient.One));
        Assert.Throws<ArgumentNullException>(() => new DrgSettlementPricing(null!));
    }
}
