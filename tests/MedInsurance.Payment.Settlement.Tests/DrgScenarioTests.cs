using System.Collections.Generic;
using System.Linq;

namespace MedInsurance.Payment.Settlement.Tests;

/// <summary>
/// A DRG region of three hospitals over twelve months with hospital coefficients, a special-review case, a floating
/// (budget-form) base rate and a capped overspend pool; every expected value computed by hand in the comments.
/// </summary>
/// <remarks>
/// Policy: one pool, ratio 0.75, month rate 9 500, budget 671 500, special-review cap 5%, advance 0.9, deposit 3%;
/// surplus kept 100%; overspend shared 80% up to 10% of the payable, 0 beyond, capped by a 20 000 pool;
/// assessment ≥90 → 1.00, ≥85 → 0.99, else 0.97; deposit release ≥90 → 100%, ≥70 → 60%, else 0.
/// A (3A, coefficient 1.2, score 92, advance 25 000): 2 cases a month, RW 1.5, patient 3 000, fund by item 14 000;
///   in July one of them (A-7-1) is an approved special-review case: approved 40 000, fund by item 37 000.
/// B (2A, coefficient 1.0, score 88, last year 180 000, annual deduction 500): 1 case a month, RW 2.0, patient 4 000, fund 18 000.
/// C (2B, coefficient 0.8, score 75, last year 150 000): 2 cases a month, RW 1.0, patient 1 500, fund 8 000; audit 200 in months 1–3.
/// </remarks>
public sealed class DrgScenarioTests
{
    private static readonly SettlementPolicy Policy = new()
    {
        Id = "drg-scenario",
        Version = "1",
        Year = 2025,
        ValueMethod = ValueMethod.Floating,
        SpecialReviewCaps = Build.Caps("DRG", 0.05m),
        AdvanceRatio = new Ratio(0.9m),
        QualityDepositRate = new Ratio(0.03m),
        Pools = [new FundPool { PointSystem = "DRG", FundPaymentRatio = new Ratio(0.75m), PresetValue = new PointValue(9_500m), Budget = new BudgetRule { Amount = Build.Y(671_500m) } }],
        RiskSharing = new RiskSharingRule
        {
            Surplus = [new RiskSharingBand(null, new Ratio(1m))],
            Overspend = [new RiskSharingBand(new Ratio(0.1m), new Ratio(0.8m)), new RiskSharingBand(null, new Ratio(0m))],
            OverspendPool = Build.Y(20_000m),
        },
        AssessmentCoefficients = [new ScoreBand(90m, 1m), new ScoreBand(85m, 0.99m), new ScoreBand(0m, 0.97m)],
        DepositRelease = [new ScoreBand(90m, 1m), new ScoreBand(70m, 0.6m), new ScoreBand(0m, 0m)],
    };

    private static readonly SettlementHospital[] Hospitals =
    [
        Build.Hospital("C", 75m, "2B") with { WorkingAdvance = null, PriorYearFundPaid = Build.Y(150_000m) },
        Build.Hospital("B", 88m, "2A") with { WorkingAdvance = null, PriorYearFundPaid = Build.Y(180_000m), AnnualDeduction = Build.Y(500m) },
        Build.Hospital("A", 92m, "3A") with { WorkingAdvance = Build.Y(25_000m) },
    ];

    // DRG pricing writes each case's points as RW × the hospital's coefficient: A 1.5 × 1.2 = 1.8, B 2.0 × 1.0 = 2.0, C 1.0 × 0.8 = 0.8.
    private static IReadOnlyList<SettlementLine> Cases() => Enumerable.Range(1, 12).SelectMany(m => new[]
    {
        m == 7
            ? Build.Drg("A-7-1", "A", 7, 1.8m, 3_000m, 37_000m).WithSpecialReview(SpecialReviewStatus.Approved, Build.Y(40_000m))
            : Build.Drg("A-" + m + "-1", "A", m, 1.8m, 3_000m, 14_000m),
        Build.Drg("A-" + m + "-2", "A", m, 1.8m, 3_000m, 14_000m),
        Build.Drg("B-" + m, "B", m, 2.0m, 4_000m, 18_000m),
        Build.Drg("C-" + m + "-1", "C", m, 0.8m, 1_500m, 8_000m).WithAuditDeduction(m <= 3 ? Build.Y(200m) : Money.Zero),
        Build.Drg("C-" + m + "-2", "C", m, 0.8m, 1_500m, 8_000m),
    }).ToArray();

    private static (HospitalStatement A, HospitalStatement B, HospitalStatement C, ClearingResult Result) Run()
    {
        var result = Build.Run(Policy, Hospitals, Cases());
        return (result.Statements[0], result.Statements[1], result.Statements[2], result);
    }

    [Fact]
    public void Final_rate_and_payables()
    {
        var (a, b, c, result) = Run();
        // Special review: the region has 60 DRG lines, cap ⌊60 × 5%⌋ = 3 → A-7-1 paid by item: 40 000 − 3 000 = 37 000.
        Assert.Equal(1, a.SpecialReviewLines);
        Assert.Equal(Build.Y(37_000m), result.Pools[0].SpecialReviewPaid);
        // Points (special case excluded): A 23 × 1.8 = 41.4; B 12 × 2.0 = 24; C 24 × 0.8 = 19.2 → 84.6.
        Assert.Equal(84.6m, result.Pools[0].TotalPoints);
        // Rate = (671 500 − 37 000) ÷ 0.75 ÷ 84.6 = 846 000 ÷ 84.6 = 10 000.
        Assert.Equal(10_000m, result.Pools[0].Value.Yuan);
        // Payable = gross − patients (+ special): A 414 000 − 23 × 3 000 + 37 000 = 382 000; B 240 000 − 48 000 = 192 000;
        // C 192 000 − 36 000 = 156 000.
        Assert.Equal(Build.Y(382_000m), a.AnnualPayable);
        Assert.Equal(Build.Y(192_000m), b.AnnualPayable);
        Assert.Equal(Build.Y(156_000m), c.AnnualPayable);
    }

    [Fact]
    public void Overspend_sharing_is_capped_by_the_pool_exactly_to_the_fen()
    {
        var (a, b, c, result) = Run();
        // A: fee-for-service 23 × 14 000 + 37 000 = 359 000 → surplus 23 000, all kept → 382 000.
        Assert.Equal(Build.Y(23_000m), a.SurplusKept);
        Assert.Equal(Build.Y(382_000m), a.AfterRiskSharing);
        // B: 216 000 − 192 000 = 24 000 overspend (12.5%): 19 200 × 0.8 = 15 360 shared before the cap.
        // C: 192 000 − 156 000 = 36 000 (23.1%): 15 600 × 0.8 = 12 480. Σ 27 840 > pool 20 000 → largest remainder in fen:
        // B 2 000 000 × 15 360 ÷ 27 840 = 1 103 448.28 → 1 103 448 (rem .28); C 896 551.72 → 896 551 (rem .72) + the last fen.
        Assert.Equal(Build.Y(11_034.48m), b.OverspendShared);
        Assert.Equal(Build.Y(8_965.52m), c.OverspendShared);
        Assert.Equal(Build.Y(20_000m), result.Summary.OverspendShared);
        // Borne: B 24 000 − 11 034.48 = 12 965.52; C 36 000 − 8 965.52 = 27 034.48.
        Assert.Equal(Build.Y(12_965.52m), b.OverspendBorne);
        Assert.Equal(Build.Y(27_034.48m), c.OverspendBorne);
        Assert.Equal(Build.Y(203_034.48m), b.AfterRiskSharing);
        Assert.Equal(Build.Y(164_965.52m), c.AfterRiskSharing);
    }

    [Fact]
    public void Assessment_monthly_advance_and_clearing()
    {
        var (a, b, c, _) = Run();
        // Assessment: B 203 034.48 × 0.99 = 201 004.1352 → 201 004.14, − 500 = 200 504.14;
        // C 164 965.52 × 0.97 = 160 016.5544 → 160 016.55, − audits 600 = 159 416.55; A 382 000.
        Assert.Equal(Build.Y(382_000m), a.AnnualSettled);
        Assert.Equal(Build.Y(200_504.14m), b.AnnualSettled);
        Assert.Equal(Build.Y(159_416.55m), c.AnnualSettled);
        // Monthly at 9 500: A (2 × 1.8 × 9 500 − 6 000) = 28 200 × 0.9 = 25 380, deposit 846 → 304 560 / 10 152;
        // B (2 × 9 500 − 4 000) = 15 000 → 13 500, deposit 450 → 162 000 / 5 400;
        // C (2 × 0.8 × 9 500 − 3 000) = 12 200 → 10 980 (10 780 in months 1–3), deposit 366 → 131 160 / 4 392.
        Assert.Equal(Build.Y(25_380m), a.Lines.Single(l => l.Code == "month.07").Amount);
        Assert.Equal(Build.Y(304_560m), a.MonthlyPreSettlements);
        Assert.Equal(Build.Y(10_152m), a.DepositWithheld);
        Assert.Equal(Build.Y(162_000m), b.MonthlyPreSettlements);
        Assert.Equal(Build.Y(10_780m), c.Lines.Single(l => l.Code == "month.02").Amount);
        Assert.Equal(Build.Y(131_160m), c.MonthlyPreSettlements);
        Assert.Equal(Build.Y(4_392m), c.DepositWithheld);
        // Advance: A 25 000; B 180 000 ÷ 12 = 15 000; C 150 000 ÷ 12 = 12 500.
        // Due: A 382 000 − 304 560 − 25 000 = 52 440; B 200 504.14 − 162 000 − 15 000 = 23 504.14;
        // C 159 416.55 − 131 160 − 12 500 = 15 756.55.
        Assert.Equal(Build.Y(52_440m), a.AmountDue);
        Assert.Equal(Build.Y(23_504.14m), b.AmountDue);
        Assert.Equal(Build.Y(15_756.55m), c.AmountDue);
        // Deposit: A 100% 10 152; B 60% of 5 400 = 3 240; C 60% of 4 392 = 2 635.20.
        // Transfer: A 62 592; B 26 744.14; C 18 391.75.
        Assert.Equal(Build.Y(62_592m), a.ClearingTransfer);
        Assert.Equal(Build.Y(26_744.14m), b.ClearingTransfer);
        Assert.Equal(Build.Y(2_635.20m), c.DepositReleased);
        Assert.Equal(Build.Y(18_391.75m), c.ClearingTransfer);
    }

    [Fact]
    public void Statement_csv_is_approved()
    {
        using var writer = new System.IO.StringWriter();
        StatementExport.WriteStatementsCsv(Run().Result, writer);
        TestSupport.Approvals.Verify(writer.ToString(), "statements");
    }
}
