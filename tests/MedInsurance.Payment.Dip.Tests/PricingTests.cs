using System;
using System.Linq;
using MedInsurance.Payment.Cases;
using MedInsurance.Payment.Hospitals;
using MedInsurance.Payment.Settlement;
using static MedInsurance.Payment.Dip.Tests.Fixtures;

namespace MedInsurance.Payment.Dip.Tests;

/// <summary>DIP pricing into settlement lines under each built-in profile; expected values worked by hand.</summary>
public sealed class PricingTests
{
    private static readonly DipHospitalContext Coefficient1 = new(HospitalLevel.Parse("3A"), Coefficient.One);

    /// <summary>A case discharged on 2026-03-15, employee fund, the patient paying 3 000 and the fund 2 000 by item.</summary>
    private static InpatientCase Settled(string diagnosis, decimal cost) => Case(diagnosis, cost) with
    {
        CaseId = "C-0001",
        HospitalId = "H7",
        Fund = InsuranceFund.Employee,
        DischargeDate = new CalendarDate(2026, 3, 15),
        Costs = new CostBreakdown { Total = Money.FromYuan(cost), PatientPaid = Money.FromYuan(3_000m), FundPaid = Money.FromYuan(2_000m) },
    };

    private static (DipCaseResult Result, DipPricingResult Priced) ScoreAndPrice(string profile, DipCatalog catalog, InpatientCase c, DipHospitalContext hospital, decimal? pointValue = null, string? pointSystem = DipSettlementPricing.DefaultPointSystem)
    {
        var scorer = Scorer(catalog, profile, pointValue);
        var result = scorer.Score(c, hospital);
        return (result, new DipSettlementPricing(scorer.Profile, pointSystem).Price(c, result));
    }

    [Theory]
    // Score 1000, mean 10 000, coefficient 1, cost 15 000: ratio 1.5 is normal under all four → 1 000 points.
    [InlineData("national-dip-1.0", 10_000)]
    [InlineData("guangzhou", 10_000)]
    [InlineData("jining", 10_000)]
    // DIP 3.0: ratio against score × point value 10 × 1 = 10 000 → 1.5, normal → 1 000 points.
    [InlineData("national-dip-3.0", 9_000)]
    public void A_scored_case_becomes_a_DIP_line_with_its_score_as_points(string profile, decimal mean)
    {
        var c = Settled("K35.900", 15_000m);
        var (result, priced) = ScoreAndPrice(profile, Catalog(Group("G1", "K35.9", 1000m, mean)), c, Coefficient1, pointValue: 10m);
        Assert.Equal(DipCaseStatus.Scored, result.Status);
        Assert.True(priced.IsPriced);
        Assert.Empty(priced.Issues);
        var line = priced.Line!.Value;
        Assert.Equal("C-0001", line.LineId);
        Assert.Equal("H7", line.HospitalId);
        Assert.Equal(InsuranceFund.Employee, line.Fund);
        Assert.Equal(3, line.Month);
        Assert.Equal("DIP", line.Method);
        Assert.True(line.Basis.IsPoints);
        Assert.Equal("DIP", line.Basis.PointSystem);
        Assert.Equal(1_000m, line.Basis.Points);
        Assert.Equal(Money.FromYuan(15_000m), line.TotalCost);
        Assert.Equal(Money.FromYuan(3_000m), line.PatientPaid);
        Assert.Equal(Money.FromYuan(2_000m), line.FundPaid);
        Assert.Equal(Money.Zero, line.AuditDeduction);
        Assert.Equal(SpecialReviewStatus.None, line.SpecialReview);
        Assert.True(priced.TryGetLine(out var same));
        Assert.Equal(line.Basis, same.Basis);
    }

    [Theory]
    // The profiles' unmatchedRule (src/MedInsurance.Payment.Dip/Profiles/*.json): only Jining scores unmatched cases,
    // at cost ÷ regional mean × 1000 × 0.7 = 5 000 ÷ 10 000 × 1000 × 0.7 = 350 points.
    [InlineData("national-dip-1.0", null)]
    [InlineData("national-dip-3.0", null)]
    [InlineData("guangzhou", null)]
    [InlineData("jining", 350)]
    public void An_unmatched_case_is_priced_exactly_when_the_profile_scores_it(string profile, int? points)
    {
        var c = Settled("J18.900", 5_000m);
        var (result, priced) = ScoreAndPrice(profile, Catalog(Group("G1", "K35.9", 1000m, 10_000m)), c, Coefficient1, pointValue: 10m);
        Assert.Equal(DipCaseStatus.Unmatched, result.Status);
        if (points is int expected)
        {
            Assert.True(priced.IsPriced);
            Assert.Equal((decimal)expected, priced.Line!.Value.Basis.Points);
            Assert.Equal("DIP", priced.Line.Value.Method);
            Assert.Equal(3, priced.Line.Value.Month);
        }
        else
        {
            Assert.False(priced.IsPriced);
            Assert.Null(priced.Line);
            var issue = Assert.Single(priced.Issues);
            Assert.Equal("DIP_PRICE_NOT_SCORED", issue.Code);
            Assert.Equal("case_score", issue.Field);
            Assert.True(issue.IsError);
        }
    }

    [Fact]
    public void Jining_cannot_score_an_unmatched_case_without_a_regional_mean()
    {
        var catalog = new DipCatalog("test", "test", new[] { Group("G1", "K35.9", 1000m, 10_000m) }); // no regional mean cost
        var (result, priced) = ScoreAndPrice("jining", catalog, Settled("J18.900", 5_000m), Coefficient1);
        Assert.Equal(DipCaseStatus.Unmatched, result.Status);
        Assert.Equal(Payment.Score.Zero, result.CaseScore);
        Assert.Equal(new[] { "DIP_PRICE_NOT_SCORED" }, priced.Issues.Select(i => i.Code));
    }

    [Fact]
    public void A_review_flag_does_not_decide_the_review()
    {
        // Jining worked example: score 800, mean 8 000, coefficient 0.95; cost 48 000 is 6× → 800 × 0.95 = 760 and review.
        var (result, priced) = ScoreAndPrice("jining", Catalog(Group("G1", "K35.9", 800m, 8_000m)), Settled("K35.900", 48_000m), new DipHospitalContext(HospitalLevel.Parse("2A"), new Coefficient(0.95m)));
        Assert.True(result.Review);
        Assert.Equal(760m, priced.Line!.Value.Basis.Points);
        Assert.Equal(SpecialReviewStatus.None, priced.Line.Value.SpecialReview);
    }

    [Fact]
    public void A_rejected_case_gives_no_line_and_every_reason_is_named()
    {
        // No positive cost → rejected by the scorer; also no discharge date and no hospital.
        var c = Settled("K35.900", 0m) with { DischargeDate = null, HospitalId = " " };
        var (result, priced) = ScoreAndPrice("national-dip-1.0", Catalog(Group("G1", "K35.9", 1000m, 10_000m)), c, Coefficient1);
        Assert.Equal(DipCaseStatus.Rejected, result.Status);
        Assert.False(priced.IsPriced);
        Assert.Equal(
            new[] { "DIP_PRICE_HOSPITAL_MISSING(hospital_id)", "DIP_PRICE_DISCHARGE_DATE_MISSING(discharge_date)", "DIP_PRICE_CASE_REJECTED(case_score)" },
            priced.Issues.Select(i => i.ToCompactString()));
    }

    [Fact]
    public void A_scored_case_without_a_discharge_date_has_no_month_and_no_line()
    {
        var c = Settled("K35.900", 15_000m) with { DischargeDate = null };
        var (result, priced) = ScoreAndPrice("jining", Catalog(Group("G1", "K35.9", 1000m, 10_000m)), c, Coefficient1);
        Assert.Equal(DipCaseStatus.Scored, result.Status);
        var issue = Assert.Single(priced.Issues);
        Assert.Equal("DIP_PRICE_DISCHARGE_DATE_MISSING", issue.Code);
        Assert.Equal("discharge_date", issue.Field);
        // No patient values in the messages.
        foreach (var text in new[] { issue.MessageEn, issue.MessageZh })
        {
            Assert.DoesNotContain("C-0001", text, StringComparison.Ordinal);
            Assert.DoesNotContain("H7", text, StringComparison.Ordinal);
            Assert.DoesNotContain("15000", text, StringComparison.Ordinal);
            Assert.DoesNotContain("K35", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_zero_fund_amount_on_a_positive_cost_is_unknown()
    {
        var c = Settled("K35.900", 15_000m);
        c = c with { Costs = c.Costs with { FundPaid = Money.Zero } };
        var (_, priced) = ScoreAndPrice("national-dip-1.0", Catalog(Group("G1", "K35.9", 1000m, 10_000m)), c, Coefficient1);
        Assert.Null(priced.Line!.Value.FundPaid);
        Assert.Equal(Money.FromYuan(15_000m), priced.Line.Value.TotalCost);
    }

    [Theory]
    [InlineData("DIP_RESIDENT", "DIP_RESIDENT")]
    [InlineData(" DIP2 ", "DIP2")]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void The_point_system_is_a_parameter(string? given, string? expected)
    {
        var (_, priced) = ScoreAndPrice("national-dip-1.0", Catalog(Group("G1", "K35.9", 1000m, 10_000m)), Settled("K35.900", 15_000m), Coefficient1, pointSystem: given);
        Assert.Equal(expected, priced.Line!.Value.Basis.PointSystem);
        Assert.Equal(1_000m, priced.Line.Value.Basis.Points);
    }

    [Fact]
    public void The_default_result_has_neither_line_nor_issues()
    {
        var empty = default(DipPricingResult);
        Assert.False(empty.IsPriced);
        Assert.Empty(empty.Issues);
        Assert.False(empty.TryGetLine(out _));
        Assert.Throws<ArgumentNullException>(() => new DipSettlementPricing(null!));
    }
}
