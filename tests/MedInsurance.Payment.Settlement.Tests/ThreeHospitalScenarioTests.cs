using System.Collections.Generic;
using System.Linq;

namespace MedInsurance.Payment.Settlement.Tests;

/// <summary>
/// A DIP region of three hospitals over twelve months, every expected value computed by hand in the comments.
/// </summary>
/// <remarks>
/// Policy: one pool, fund payment ratio 0.8, start-of-year point value 9, budget 288 000, floating value, advance
/// ratio 0.9, deposit 5%, surplus kept 100% up to 10% of the payable and 50% beyond; overspend shared 70% up to 10%,
/// 50% from 10% to 20%, 0 beyond; assessment ≥90 → 1.00, ≥80 → 0.98, else 0.95; deposit released ≥90 → 100%,
/// ≥80 → 80%, ≥60 → 50%, else 0.
/// Cases, one per hospital per month:
///   H1: 1 000 points, patient 2 000, fee-for-service fund 7 500; score 95; working advance given 8 000.
///   H2:   500 points, patient 1 000, fee-for-service fund 4 500, audit deduction 100 in June; score 85; last year 48 000.
///   H3: 1 500 points, patient 3 000, fee-for-service fund 9 000; score 70; last year 120 000; annual deduction 1 000.
/// </remarks>
public sealed class ThreeHospitalScenarioTests
{
    private static readonly SettlementPolicy Policy = new()
    {
        Id = "scenario",
        Version = "1",
        Year = 2025,
        ValueMethod = ValueMethod.Floating,
        AdvanceRatio = new Ratio(0.9m),
        QualityDepositRate = new Ratio(0.05m),
        WorkingAdvanceMonths = 1m,
        Pools = [new FundPool { FundPaymentRatio = new Ratio(0.8m), PresetValue = new PointValue(9m), Budget = new BudgetRule { Method = BudgetMethod.Fixed, Amount = Build.Y(288_000m) } }],
        RiskSharing = new RiskSharingRule
        {
            Surplus = [new RiskSharingBand(new Ratio(0.10m), new Ratio(1m)), new RiskSharingBand(null, new Ratio(0.5m))],
            Overspend = [new RiskSharingBand(new Ratio(0.10m), new Ratio(0.7m)), new RiskSharingBand(new Ratio(0.20m), new Ratio(0.5m)), new RiskSharingBand(null, new Ratio(0m))],
        },
        AssessmentCoefficients = [new ScoreBand(90m, 1m), new ScoreBand(80m, 0.98m), new ScoreBand(0m, 0.95m)],
        DepositRelease = [new ScoreBand(90m, 1m), new ScoreBand(80m, 0.8m), new ScoreBand(60m, 0.5m), new ScoreBand(0m, 0m)],
    };

    private static readonly SettlementHospital[] Hospitals =
    [
        Build.Hospital("H3", 70m) with { WorkingAdvance = null, PriorYearFundPaid = Build.Y(120_000m), AnnualDeduction = Build.Y(1_000m) },
        Build.Hospital("H1", 95m) with { WorkingAdvance = Build.Y(8_000m) },
        Build.Hospital("H2", 85m, "2A") with { WorkingAdvance = null, PriorYearFundPaid = Build.Y(48_000m) },
    ];

    internal static IReadOnlyList<SettlementLine> Cases() => Enumerable.Range(1, 12).SelectMany(m => new[]
    {
        Build.Dip("H1-" + m, "H1", m, 1_000m, 2_000m, 7_500m),
        Build.Dip("H2-" + m, "H2", m, 500m, 1_000m, 4_500m).WithAuditDeduction(m == 6 ? Build.Y(100m) : Money.Zero),
        Build.Dip("H3-" + m, "H3", m, 1_500m, 3_000m, 9_000m),
    }).ToArray();

    internal static ClearingResult Run() => Build.Run(Policy, Hospitals, Cases());

    [Fact]
    public void Point_value_and_payables()
    {
        var result = Run();
        // Points: H1 12 000, H2 6 000, H3 18 000 → 36 000. Value = 288 000 ÷ 0.8 ÷ 36 000 = 10.
        Assert.Equal(36_000m, result.Pools[0].TotalPoints);
        Assert.Equal(10m, result.Pools[0].Value.Yuan);
        var (h1, h2, h3) = Three(result);
        // Statements are in hospital-id order whatever the input order.
        Assert.Equal(["H1", "H2", "H3"], result.Statements.Select(s => s.Hospital.Id).ToArray());
        // Gross 120 000 / 60 000 / 180 000 minus patients 24 000 / 12 000 / 36 000.
        Assert.Equal(Build.Y(96_000m), h1.AnnualPayable);
        Assert.Equal(Build.Y(48_000m), h2.AnnualPayable);
        Assert.Equal(Build.Y(144_000m), h3.AnnualPayable);
    }

    [Fact]
    public void Risk_sharing_bands()
    {
        var (h1, h2, h3) = Three(Run());
        // H1: fee-for-service 90 000, surplus 6 000 = 6.25% of 96 000 → all kept; after = 90 000 + 6 000.
        Assert.Equal(Build.Y(90_000m), h1.FeeForService);
        Assert.Equal(Build.Y(6_000m), h1.SurplusKept);
        Assert.Equal(Money.Zero, h1.SurplusReclaimed);
        Assert.Equal(Build.Y(96_000m), h1.AfterRiskSharing);
        // H2: fee-for-service 54 000, overspend 6 000 = 12.5% of 48 000: 4 800 × 0.7 + 1 200 × 0.5 = 3 960 shared, 2 040 borne.
        Assert.Equal(Build.Y(3_960m), h2.OverspendShared);
        Assert.Equal(Build.Y(2_040m), h2.OverspendBorne);
        Assert.Equal(Build.Y(51_960m), h2.AfterRiskSharing);
        // H3: fee-for-service 108 000, surplus 36 000 = 25% of 144 000: 14 400 × 1 + 21 600 × 0.5 = 25 200 kept, 10 800 reclaimed.
        Assert.Equal(Build.Y(25_200m), h3.SurplusKept);
        Assert.Equal(Build.Y(10_800m), h3.SurplusReclaimed);
        Assert.Equal(Build.Y(133_200m), h3.AfterRiskSharing);
    }

    [Fact]
    public void Assessment_deductions_and_annual_settled()
    {
        var (h1, h2, h3) = Three(Run());
        // H1 × 1.00 = 96 000; H2 × 0.98 = 50 920.80, − audit 100 = 50 820.80; H3 × 0.95 = 126 540, − annual 1 000 = 125 540.
        Assert.Equal(Build.Y(96_000m), h1.AnnualSettled);
        Assert.Equal(0.98m, h2.AssessmentCoefficient.Value);
        Assert.Equal(Build.Y(50_920.80m), h2.AfterAssessment);
        Assert.Equal(Build.Y(50_820.80m), h2.AnnualSettled);
        Assert.Equal(Build.Y(126_540m), h3.AfterAssessment);
        Assert.Equal(Build.Y(125_540m), h3.AnnualSettled);
    }

    [Fact]
    public void Monthly_pre_settlement_deposit_and_advance()
    {
        var (h1, h2, h3) = Three(Run());
        // H1 month: (1 000 × 9 − 2 000) = 7 000; × 0.9 = 6 300; deposit 7 000 × 5% = 350. Year: 75 600 and 4 200.
        Assert.Equal(Build.Y(6_300m), h1.Lines.Single(l => l.Code == "month.01").Amount);
        Assert.Equal(Build.Y(75_600m), h1.MonthlyPreSettlements);
        Assert.Equal(Build.Y(4_200m), h1.DepositWithheld);
        // H2 month: (500 × 9 − 1 000) = 3 500 → 3 150; June 3 150 − 100 = 3 050. Year 37 700; deposit 175 × 12 = 2 100.
        Assert.Equal(Build.Y(3_050m), h2.Lines.Single(l => l.Code == "month.06").Amount);
        Assert.Equal(Build.Y(37_700m), h2.MonthlyPreSettlements);
        Assert.Equal(Build.Y(2_100m), h2.DepositWithheld);
        // H3 month: (1 500 × 9 − 3 000) = 10 500 → 9 450. Year 113 400; deposit 525 × 12 = 6 300.
        Assert.Equal(Build.Y(113_400m), h3.MonthlyPreSettlements);
        Assert.Equal(Build.Y(6_300m), h3.DepositWithheld);
        // Advances: H1 given 8 000; H2 48 000 ÷ 12 = 4 000; H3 120 000 ÷ 12 = 10 000.
        Assert.Equal(Build.Y(8_000m), h1.WorkingAdvance);
        Assert.Equal(Build.Y(4_000m), h2.WorkingAdvance);
        Assert.Equal(Build.Y(10_000m), h3.WorkingAdvance);
    }

    [Fact]
    public void Amount_due_deposit_release_and_transfer()
    {
        var (h1, h2, h3) = Three(Run());
        // Due = settled − monthly − advance: H1 96 000 − 75 600 − 8 000 = 12 400; H2 50 820.80 − 37 700 − 4 000 = 9 120.80;
        // H3 125 540 − 113 400 − 10 000 = 2 140.
        Assert.Equal(Build.Y(12_400m), h1.AmountDue);
        Assert.Equal(Build.Y(9_120.80m), h2.AmountDue);
        Assert.Equal(Build.Y(2_140m), h3.AmountDue);
        // Deposit released: H1 100% of 4 200; H2 80% of 2 100 = 1 680 (420 forfeited); H3 50% of 6 300 = 3 150.
        Assert.Equal(Build.Y(4_200m), h1.DepositReleased);
        Assert.Equal(Build.Y(1_680m), h2.DepositReleased);
        Assert.Equal(Build.Y(420m), h2.DepositForfeited);
        Assert.Equal(Build.Y(3_150m), h3.DepositForfeited);
        // Transfer = due + released: 16 600; 10 800.80; 5 290.
        Assert.Equal(Build.Y(16_600m), h1.ClearingTransfer);
        Assert.Equal(Build.Y(10_800.80m), h2.ClearingTransfer);
        Assert.Equal(Build.Y(5_290m), h3.ClearingTransfer);
    }

    [Fact]
    public void Region_summary()
    {
        var s = Run().Summary;
        // Σ: payable 288 000; kept 31 200; reclaimed 10 800; shared 3 960; borne 2 040; transfer 32 690.80.
        Assert.Equal(3, s.Hospitals);
        Assert.Equal(36, s.Lines);
        Assert.Equal(Build.Y(288_000m), s.Budget);
        Assert.Equal(Build.Y(288_000m), s.AnnualPayable);
        Assert.Equal(Build.Y(31_200m), s.SurplusKept);
        Assert.Equal(Build.Y(10_800m), s.SurplusReclaimed);
        Assert.Equal(Build.Y(3_960m), s.OverspendShared);
        Assert.Equal(Build.Y(2_040m), s.OverspendBorne);
        Assert.Equal(Build.Y(32_690.80m), s.ClearingTransfer);
    }

    [Fact]
    public void Actual_monthly_payments_replace_the_computed_ones()
    {
        // H1 was actually paid 6 000 in January with 300 withheld: the year is 75 600 − 6 300 + 6 000 = 75 300,
        // deposit 4 200 − 350 + 300 = 4 150; due 96 000 − 75 300 − 8 000 = 12 700; transfer 12 700 + 4 150 = 16 850.
        var result = ClearingEngine.Run(Policy, Hospitals, Cases(), [new MonthlyPayment("H1", 1, Build.Y(6_000m), Build.Y(300m))], 1);
        var h1 = result.Statements[0];
        Assert.Equal(Build.Y(75_300m), h1.MonthlyPreSettlements);
        Assert.Equal(Build.Y(4_150m), h1.DepositWithheld);
        Assert.Equal(Build.Y(16_850m), h1.ClearingTransfer);
        Assert.Equal("实际拨付记录", h1.Lines.Single(l => l.Code == "month.01").Formula);
    }

    [Fact]
    public void Total_received_equals_settled_minus_forfeited_deposit()
    {
        foreach (var s in Run().Statements)
        {
            Assert.Equal(s.AnnualSettled - s.DepositForfeited, s.MonthlyPreSettlements - s.DepositWithheld + s.WorkingAdvance + s.ClearingTransfer);
        }
    }

    [Fact]
    public void Simulation_compares_with_fee_for_service_per_hospital_and_level()
    {
        var report = SettlementSimulation.Compare(Run());
        // H1: 96 000 vs 90 000 → +6 000; H2 (2A): 50 820.80 vs 54 000 → −3 179.20; H3: 125 540 vs 108 000 → +17 540.
        Assert.Equal(Build.Y(6_000m), report.Hospitals[0].Difference);
        Assert.Equal(Build.Y(-3_179.20m), report.Hospitals[1].Difference);
        // Levels: 3A = H1 + H3: 221 540 vs 198 000; 2A = H2.
        Assert.Equal(2, report.Levels.Count);
        Assert.Equal("3A", report.Levels[0].Key);
        Assert.Equal(2, report.Levels[0].Hospitals);
        Assert.Equal(Build.Y(221_540m), report.Levels[0].Simulated);
        Assert.Equal(Build.Y(198_000m), report.Levels[0].FeeForService);
    }

    [Fact]
    public void Statement_csv_is_approved()
    {
        using var writer = new System.IO.StringWriter();
        StatementExport.WriteStatementsCsv(Run(), writer);
        TestSupport.Approvals.Verify(writer.ToString(), "statements");
    }

    [Fact]
    public void Summary_csv_is_approved()
    {
        using var writer = new System.IO.StringWriter();
        StatementExport.WriteSummaryCsv(Run(), writer);
        TestSupport.Approvals.Verify(writer.ToString(), "summary");
    }

    private static (HospitalStatement H1, HospitalStatement H2, HospitalStatement H3) Three(ClearingResult result) =>
        (result.Statements[0], result.Statements[1], result.Statements[2]);
}
