using System.Linq;
using MedInsurance.Payment.Settlement;
using static MedInsurance.Payment.Capitation.Tests.Build;

namespace MedInsurance.Payment.Capitation.Tests;

/// <summary>The hand-computed examples of docs/capitation.md; payment-rules.md §4 for the first three.</summary>
public sealed class WorkedExampleTests
{
    // 10 000 persons × 100 yuan a year × 12 months ÷ 12 = 1 000 000.00.
    private static CapitationResult Section4(decimal spend, RiskSharingRule? bands = null) =>
        Run(Policy(bands), Persons("P", 10_000, "A"), [Claim("P0", "A", 6, spend)]);

    [Fact]
    public void Section_4_surplus_of_100_000_inside_the_10_percent_band_is_kept()
    {
        var s = Section4(900_000m).Statements.Single();
        Assert.Equal(Y(1_000_000m), s.Budget);
        Assert.Equal(Y(100_000m), s.RiskSharing.SurplusKept);
        Assert.Equal(Y(0m), s.RiskSharing.SurplusReclaimed);
        Assert.Equal(Y(1_000_000m), s.FundPays);
    }

    [Fact]
    public void Section_4_overspend_of_80_000_is_shared_half_and_the_fund_pays_1_040_000()
    {
        var s = Section4(1_080_000m).Statements.Single();
        Assert.Equal(Y(40_000m), s.RiskSharing.OverspendShared);
        Assert.Equal(Y(40_000m), s.RiskSharing.OverspendBorne);
        Assert.Equal(Y(1_040_000m), s.FundPays);
        Assert.Contains(s.Lines, l => l.Code == "fund.pays" && l.Formula == "预算 1000000.00 + 超支分担 40000.00 = 1040000.00");
    }

    [Fact]
    public void Section_4_overspend_beyond_10_percent_is_borne_and_the_fund_pays_1_050_000()
    {
        var s = Section4(1_150_000m).Statements.Single();
        Assert.Equal(Y(50_000m), s.RiskSharing.OverspendShared);   // 100 000 × 50%
        Assert.Equal(Y(100_000m), s.RiskSharing.OverspendBorne);   // 50 000 + 50 000 beyond 10%
        Assert.Equal(Y(1_050_000m), s.FundPays);
    }

    [Theory]
    [InlineData("900000.00", "1000000.00", "100000.00", "0.00")]     // surplus exactly 10%: all kept
    [InlineData("899999.99", "999999.99", "100000.00", "0.01")]      // 1 fen beyond: that fen kept at 0%
    [InlineData("1000000.00", "1000000.00", "0.00", "0.00")]         // on budget
    [InlineData("1000000.01", "1000000.01", "0.01", "0.00")]         // 1 fen over: 0.005 shared, 四舍五入 → 0.01
    [InlineData("1100000.00", "1050000.00", "50000.00", "50000.00")] // overspend exactly 10%
    [InlineData("1100000.01", "1050000.00", "50000.00", "50000.01")] // 1 fen beyond 10%: borne
    public void Each_band_edge_by_hand(string spend, string fundPays, string keptOrShared, string reclaimedOrBorne)
    {
        var s = Section4(decimal.Parse(spend, System.Globalization.CultureInfo.InvariantCulture)).Statements.Single();
        Assert.Equal(fundPays, s.FundPays.ToString());
        var r = s.RiskSharing;
        var surplus = s.Spend <= s.Budget;
        Assert.Equal(keptOrShared, (surplus ? r.SurplusKept : r.OverspendShared).ToString());
        Assert.Equal(reclaimedOrBorne, (surplus ? r.SurplusReclaimed : r.OverspendBorne).ToString());
    }

    [Fact]
    public void Referral_fee_is_charged_per_referral_and_counted_in_spend()
    {
        // 1 200 residents × 120 = 144 000.00; 3 referrals × 50 = 150.00; inside 140 000.00.
        var policy = Policy(referral: new ReferralChargeRule(ReferralChargeMode.Fee, Y(50m), Money.Zero));
        var claims = new[]
        {
            Claim("R0", "A", 2, 140_000m),
            Claim("R1", "A", 4, 200m, "H-UP"), Claim("R2", "A", 4, 500m, "H-UP"), Claim("R3", "A", 9, 300m, "H-UP"),
        };
        var s = Run(policy, Persons("R", 1_200, "A", "resident"), claims).Statements.Single();
        Assert.Equal(Y(144_000m), s.Budget);
        Assert.Equal(3, s.Referrals);
        Assert.Equal(Y(150m), s.ReferralCharges);
        Assert.Equal(Y(1_000m), s.ReferredFundAmount);
        Assert.Equal(Y(140_150m), s.Spend);
        Assert.Equal(Y(3_850m), s.RiskSharing.SurplusKept);       // 144 000 − 140 150, 2.67% ≤ 10%
        Assert.Equal(Y(144_000m), s.FundPays);                    // 140 150 + 3 850
        Assert.Equal(Y(143_850m), s.InstitutionAmount);           // − 150 to the referred care
        Assert.Equal(Y(11_900m), s.Months[3].PreSettlement);      // April: 12 000 − 2 × 50
    }

    [Fact]
    public void Referral_cost_is_charged_up_to_the_cap()
    {
        // Same year, cost mode with cap 300: min(200, 300) + min(500, 300) + min(300, 300) = 800.00.
        var policy = Policy(referral: new ReferralChargeRule(ReferralChargeMode.Cost, Money.Zero, Y(300m)));
        var claims = new[]
        {
            Claim("R0", "A", 2, 140_000m),
            Claim("R1", "A", 4, 200m, "H-UP"), Claim("R2", "A", 4, 500m, "H-UP"), Claim("R3", "A", 9, 300m, "H-UP"),
        };
        var s = Run(policy, Persons("R", 1_200, "A", "resident"), claims).Statements.Single();
        Assert.Equal(Y(800m), s.ReferralCharges);
        Assert.Equal(Y(140_800m), s.Spend);
        Assert.Equal(Y(3_200m), s.RiskSharing.SurplusKept);
        Assert.Equal(Y(144_000m), s.FundPays);
        Assert.Equal(Y(143_200m), s.InstitutionAmount);
        Assert.Equal(Y(11_500m), s.Months[3].PreSettlement);      // 12 000 − 200 − 300
        Assert.Equal(Y(11_700m), s.Months[8].PreSettlement);      // 12 000 − 300
    }

    [Fact]
    public void A_mid_year_move_counts_months_at_each_institution_and_keeps_the_region_total()
    {
        // E1 (elderly, 180 a year) at A for January–May, at B for June–December: A 180 × 5 ÷ 12 = 75.00, B 180 × 7 ÷ 12 = 105.00.
        var roster = new[]
        {
            new RosterEntry("E1", "elderly", "A", 1, 5, true),
            new RosterEntry("E1", "elderly", "B", 6, 12, true),
            new RosterEntry("S1", "employee", "A", 1, 12, true),   // 240.00
        };
        var claims = new[]
        {
            Claim("E1", "A", 3, 50m),    // at A while enrolled at A: A inside
            Claim("E1", "B", 8, 70m),    // B inside
            Claim("E1", "A", 9, 30m),    // back at A without referral while enrolled at B: B elsewhere (warning)
        };
        var result = Run(Policy(bands: new RiskSharingRule()), roster, claims);
        var a = result.Find("A")!;
        var b = result.Find("B")!;
        Assert.Equal(Y(315m), a.Budget);                          // 75 + 240
        Assert.Equal(Y(105m), b.Budget);
        Assert.Equal(Y(420m), result.Summary.Budget);             // 180 + 240, as if E1 had not moved
        Assert.Equal(Y(50m), a.InsideSpend);
        Assert.Equal(Y(70m), b.InsideSpend);
        Assert.Equal(Y(30m), b.ElsewhereSpend);
        Assert.Equal(2, a.Persons);
        Assert.Equal(1, b.Persons);
        Assert.Equal(Y(315m), a.FundPays);                        // no bands: 结余留用, whole surplus kept
    }

    [Fact]
    public void Assessment_and_deposit_by_hand()
    {
        // 1 000 residents × 120 = 120 000.00, spend 120 000.00 (no deviation); score 85 → coefficient 0.95, release 80%;
        // advance ratio 1, deposit 5%: 12 × 10 000 pre-settled, 12 × 500 withheld; working advance 5 000; annual deduction 1 000.
        var policy = Policy(depositRate: 0.05m, coefficients: [new ScoreBand(90m, 1m), new ScoreBand(80m, 0.95m), new ScoreBand(0m, 0.9m)],
            release: [new ScoreBand(90m, 1m), new ScoreBand(80m, 0.8m), new ScoreBand(0m, 0m)]);
        var institution = new SettlementHospital
        {
            Hospital = new Hospitals.Hospital { Id = "A", Name = "社区卫生服务中心A" },
            AssessmentScore = 85m,
            AnnualDeduction = Y(1_000m),
            WorkingAdvance = Y(5_000m),
        };
        var s = Run(policy, Persons("R", 1_000, "A", "resident"), [Claim("R0", "A", 1, 120_000m)], [institution]).Statements.Single();
        Assert.Equal(Y(120_000m), s.FundPays);
        Assert.Equal(Y(114_000m), s.Assessment.AfterAssessment);  // × 0.95
        Assert.Equal(Y(113_000m), s.Assessment.Settled);          // − 1 000
        Assert.Equal(Y(120_000m), s.MonthlyPreSettlements);
        Assert.Equal(Y(6_000m), s.DepositWithheld);
        Assert.Equal(Y(-12_000m), s.Transfer.AmountDue);          // 113 000 − 120 000 − 5 000
        Assert.Equal(Y(4_800m), s.Transfer.Released);
        Assert.Equal(Y(1_200m), s.Transfer.Forfeited);
        Assert.Equal(Y(-7_200m), s.Transfer.Transfer);
        // Received over the year = Σ(pre − deposit) + advance + transfer = settled − forfeited.
        Assert.Equal(s.Assessment.Settled - s.Transfer.Forfeited, s.MonthlyPreSettlements - s.DepositWithheld + s.WorkingAdvance + s.Transfer.Transfer);
        Assert.Equal("社区卫生服务中心A", s.Name);
    }

    [Fact]
    public void Settlement_lines_carry_the_budget_net_of_referral_charges_by_fund_and_month()
    {
        // A: 12 employees × 240 = 2 880.00 and 12 residents × 120 = 1 440.00; one resident referral of 50 in March.
        var policy = Policy(referral: new ReferralChargeRule(ReferralChargeMode.Fee, Y(50m), Money.Zero));
        var roster = Persons("E", 12, "A", "employee").Concat(Persons("R", 12, "A", "resident"));
        var result = Run(policy, roster, [Claim("R0", "A", 3, 80m, "H-UP"), Claim("E0", "A", 3, 10m)]);
        var lines = result.SettlementLines;
        Assert.Equal(24, lines.Count);
        Assert.All(lines, l => Assert.Equal(SettlementMethods.Capitation, l.Method));
        Assert.Equal(Y(2_880m), Money.Sum(lines.Where(l => l.Fund == Cases.InsuranceFund.Employee).Select(l => l.Basis.Amount)));
        Assert.Equal(Y(1_390m), Money.Sum(lines.Where(l => l.Fund == Cases.InsuranceFund.Resident).Select(l => l.Basis.Amount)));  // 1 440 − 50
        Assert.Equal(Y(10m), Money.Sum(lines.Select(l => l.FundPaid ?? Money.Zero)));   // inside spend only; the charge is in the amount
        Assert.Equal(Y(240m), lines.Single(l => l.LineId == "CAP-A-employee-03").Basis.Amount);   // 2 880 ÷ 12
    }
}
