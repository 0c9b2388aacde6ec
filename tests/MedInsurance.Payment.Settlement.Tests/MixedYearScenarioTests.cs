using System.Linq;

namespace MedInsurance.Payment.Settlement.Tests;

/// <summary>
/// A mixed year (多元复合式) in one budget: DIP case points, per-diem bed-day points, a single-disease money line paid
/// from the pool first and a fee-for-service line outside the budget — every figure to the fen, computed by hand
/// below and written out in docs/settlement.md ("Worked example: a mixed year").
/// </summary>
/// <remarks>
/// Policy: one pool for all funds in point system DIP, fund payment ratio 0.8, preset value 10, budget 160 000, floating;
/// advance 1.0 less a 5% deposit (2025 handling rules art. 26); surplus kept 100% up to 10% of the payable, 60% beyond;
/// overspend shared 50% up to 10%, 0 beyond; assessment 100 for both (coefficient 1, deposit released 100%).
/// Lines, all in January:
///   H1: DIP 8 000 points (patient 10 000, by item 60 000); per-diem 2 000 bed-day points (patient 2 000, by item 15 000);
///       single disease 5 000 from the DIP pool (patient 1 000, by item 4 500); fee-for-service 3 000 outside (patient 500, by item 3 000).
///   H2: DIP 10 000 points (patient 12 000, by item 95 000).
/// </remarks>
public sealed class MixedYearScenarioTests
{
    internal static readonly SettlementPolicy Policy = new()
    {
        Id = "mixed",
        Version = "1",
        Year = 2025,
        ValueMethod = ValueMethod.Floating,
        AdvanceRatio = new Ratio(1m),
        QualityDepositRate = new Ratio(0.05m),
        Pools = [new FundPool { PointSystem = "DIP", FundPaymentRatio = new Ratio(0.8m), PresetValue = new PointValue(10m), Budget = new BudgetRule { Amount = Build.Y(160_000m) } }],
        RiskSharing = new RiskSharingRule
        {
            Surplus = [new RiskSharingBand(new Ratio(0.1m), new Ratio(1m)), new RiskSharingBand(null, new Ratio(0.6m))],
            Overspend = [new RiskSharingBand(new Ratio(0.1m), new Ratio(0.5m)), new RiskSharingBand(null, new Ratio(0m))],
        },
    };

    internal static readonly SettlementLine[] Lines =
    [
        Build.Dip("H1-dip", "H1", 1, 8_000m, 10_000m, 60_000m),
        Build.PerDiem("H1-beds", "H1", 1, 2_000m, 2_000m, 15_000m),
        Build.Amount("H1-single", "H1", 1, SettlementMethods.SingleDisease, 5_000m, 1_000m, 4_500m, fromPool: "DIP"),
        Build.Amount("H1-ffs", "H1", 1, SettlementMethods.FeeForService, 3_000m, 500m, 3_000m),
        Build.Dip("H2-dip", "H2", 1, 10_000m, 12_000m, 95_000m),
    ];

    internal static ClearingResult Run(int threads = 1) => Build.Run(Policy, [Build.Hospital("H2"), Build.Hospital("H1")], Lines, threads);

    [Fact]
    public void One_point_value_for_case_points_and_bed_day_points_after_money_paid_first()
    {
        var result = Run();
        var pool = Assert.Single(result.Pools);
        // Paid first: the single-disease line 5 000 → available 155 000; ÷ 0.8 = 193 750 over 8 000 + 2 000 + 10 000 = 20 000
        // points → 9.6875 per point.
        Assert.Equal(Build.Y(5_000m), pool.MoneyLinesPaid);
        Assert.Equal(20_000m, pool.TotalPoints);
        Assert.Equal(9.6875m, pool.Value.Yuan);
        var (h1, h2) = (result.Statements[0], result.Statements[1]);
        Assert.Equal(("H1", "H2"), (h1.Hospital.Id, h2.Hospital.Id));
        // H1: 10 000 points → 96 875 − patients of point lines 12 000 = 84 875, + single disease 5 000, + fee-for-service 3 000
        // outside the pool = 92 875. H2: 96 875 − 12 000 = 84 875.
        Assert.Equal(Build.Y(96_875m), h1.Lines.Single(l => l.Code == "standard.DIP").Amount);
        Assert.Equal(Build.Y(89_875m), h1.Lines.Single(l => l.Code == "payable.DIP").Amount);
        Assert.Equal(Build.Y(3_000m), h1.Lines.Single(l => l.Code == "money.outside").Amount);
        Assert.Equal(Build.Y(92_875m), h1.AnnualPayable);
        Assert.Equal(Build.Y(84_875m), h2.AnnualPayable);
        Assert.Equal(Build.Y(3_000m), result.Summary.OutsidePools);
        Assert.Equal(5, result.Summary.Lines);
        Assert.Empty(result.LineIssues);
    }

    [Fact]
    public void Risk_sharing_assessment_deposit_and_transfer_to_the_fen()
    {
        var result = Run();
        var (h1, h2) = (result.Statements[0], result.Statements[1]);
        // H1 by item 60 000 + 15 000 + 4 500 + 3 000 = 82 500; surplus 10 375; 10% of 92 875 = 9 287.50 kept in full, the
        // remaining 1 087.50 at 60% = 652.50 → kept 9 940.00, reclaimed 435.00, after 92 440.00.
        Assert.Equal(Build.Y(82_500m), h1.FeeForService);
        Assert.Equal((Build.Y(9_940m), Build.Y(435m), Build.Y(92_440m)), (h1.SurplusKept, h1.SurplusReclaimed, h1.AfterRiskSharing));
        // H2 by item 95 000: overspend 10 125; 10% of 84 875 = 8 487.50 at 50% = 4 243.75, the rest 1 637.50 at 0 →
        // shared 4 243.75, borne 5 881.25, after 89 118.75.
        Assert.Equal((Build.Y(4_243.75m), Build.Y(5_881.25m), Build.Y(89_118.75m)), (h2.OverspendShared, h2.OverspendBorne, h2.AfterRiskSharing));
        Assert.Equal((Build.Y(92_440m), Build.Y(89_118.75m)), (h1.AnnualSettled, h2.AnnualSettled));
        // January at the preset value: H1 10 000 × 10 − 12 000 + money lines 8 000 = 96 000 × 1.0 → 96 000, deposit 5% 4 800;
        // H2 10 000 × 10 − 12 000 = 88 000, deposit 4 400.
        Assert.Equal((Build.Y(96_000m), Build.Y(4_800m)), (h1.MonthlyPreSettlements, h1.DepositWithheld));
        Assert.Equal((Build.Y(88_000m), Build.Y(4_400m)), (h2.MonthlyPreSettlements, h2.DepositWithheld));
        // Due: H1 92 440 − 96 000 = −3 560, + deposit released 4 800 → transfer 1 240; H2 1 118.75 + 4 400 = 5 518.75.
        Assert.Equal((Build.Y(-3_560m), Build.Y(1_240m)), (h1.AmountDue, h1.ClearingTransfer));
        Assert.Equal((Build.Y(1_118.75m), Build.Y(5_518.75m)), (h2.AmountDue, h2.ClearingTransfer));
    }

    [Fact]
    public void The_embedded_mixed_profile_settles_points_bed_days_and_money_in_one_budget()
    {
        var policy = SettlementPolicyLoader.LoadEmbedded("example-mixed-2025");
        Assert.DoesNotContain(policy.Validate(), i => i.IsError);
        var result = Build.Run(policy, [Build.Hospital("H1"), Build.Hospital("H2")], Lines);
        Assert.Empty(result.LineIssues);
        Assert.Equal("DIP", Assert.Single(result.Pools).Key);
        Assert.Equal(Build.Y(5_000m), result.Pools[0].MoneyLinesPaid);
        Assert.Equal(Build.Y(3_000m), result.Summary.OutsidePools);
    }
}
