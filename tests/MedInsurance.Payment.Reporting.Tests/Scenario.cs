using System.Collections.Generic;
using MedInsurance.Payment.Cases;
using MedInsurance.Payment.Hospitals;
using MedInsurance.Payment.Settlement;

namespace MedInsurance.Payment.Reporting.Tests;

/// <summary>
/// A small hand-made DIP region for the report tests: three hospitals (one with a hostile name), four cases each
/// (months 1, 4, 7, 10) and one case of an unknown hospital that the clearing rejects.
/// </summary>
/// <remarks>
/// Case scores: A01 900 / 1 100 / 1 000 / 1 000 (Σ 4 000, mean 1 000); B02 400 / 450 / 500 / 425 (Σ 1 775, mean 443.75);
/// C03 1 200 / 1 300 / 1 100 / 1 234 (Σ 4 834, mean 1 208.5); region mean 10 609 ÷ 12, so CMI 1.1311, 0.5019, 1.3670.
/// Deviation cases: A01-4, C03-1, C03-7 → 25%, 0%, 50%.
/// </remarks>
internal static class Scenario
{
    public const string HostileName = "<script>alert('x')</script>&二院 \"B\"";

    public static readonly HashSet<string> DeviationCaseIds = ["A01-4", "C03-1", "C03-7"];

    public static SettlementPolicy Policy { get; } = new()
    {
        Id = "report-test",
        Version = "3",
        Name = "报告测试 — report test",
        Year = 2025,
        ValueMethod = ValueMethod.Floating,
        AdvanceRatio = new Ratio(0.9m),
        QualityDepositRate = new Ratio(0.05m),
        Pools = [new FundPool { FundPaymentRatio = new Ratio(0.8m), PresetValue = new PointValue(9m), Budget = new BudgetRule { Method = BudgetMethod.Fixed, Amount = Money.FromYuan(100_000.01m) } }],
        RiskSharing = new RiskSharingRule
        {
            Surplus = [new RiskSharingBand(new Ratio(0.10m), new Ratio(1m)), new RiskSharingBand(null, new Ratio(0.5m))],
            Overspend = [new RiskSharingBand(new Ratio(0.10m), new Ratio(0.7m)), new RiskSharingBand(null, new Ratio(0m))],
        },
        AssessmentCoefficients = [new ScoreBand(90m, 1m), new ScoreBand(80m, 0.98m), new ScoreBand(0m, 0.95m)],
        DepositRelease = [new ScoreBand(90m, 1m), new ScoreBand(60m, 0.5m), new ScoreBand(0m, 0m)],
    };

    public static IReadOnlyList<SettlementHospital> Hospitals { get; } =
    [
        Hospital("C03", "第三医院", "3B", 70m) with { PriorYearFundPaid = Money.FromYuan(60_000m) },
        Hospital("A01", "第一人民医院", "3A", 95m) with { WorkingAdvance = Money.FromYuan(5_000m) },
        Hospital("B02", HostileName, "2A", 85m) with { PriorYearFundPaid = Money.FromYuan(36_000m), AnnualDeduction = Money.FromYuan(123.45m) },
    ];

    public static IReadOnlyList<SettlementLine> Cases { get; } =
    [
        Case("A01-1", "A01", 1, 900m, 2_000m, 6_000m),
        Case("B02-1", "B02", 1, 400m, 800m, 4_800m),
        Case("C03-1", "C03", 1, 1_200m, 2_500m, 9_500m),
        Case("A01-4", "A01", 4, 1_100m, 2_100m, 6_600.55m),
        Case("B02-4", "B02", 4, 450m, 900m, 4_900m).WithAuditDeduction(Money.FromYuan(99.99m)),
        Case("C03-4", "C03", 4, 1_300m, 2_600m, 9_900m),
        Case("Z99-4", "Z99", 4, 5_000m, 1_000m, 1_000m),
        Case("A01-7", "A01", 7, 1_000m, 2_000m, 6_100m),
        Case("B02-7", "B02", 7, 500m, 1_000m, 5_100m),
        Case("C03-7", "C03", 7, 1_100m, 2_400m, 9_000m),
        Case("A01-10", "A01", 10, 1_000m, 2_000m, 6_000m),
        Case("B02-10", "B02", 10, 425m, 850m, 4_850m),
        Case("C03-10", "C03", 10, 1_234m, 2_500m, 9_876.54m),
    ];

    public static ClearingResult Run(int threads = 1) => ClearingEngine.Run(Policy, Hospitals, Cases, [], threads);

    public static ClearingReportOptions Options(ClearingResult result) => new()
    {
        Region = "示例市 <Sample City>",
        CaseMix = HospitalCaseMix.FromLines(Cases, result, CaseMixMethod.Dip, c => DeviationCaseIds.Contains(c.LineId)),
    };

    public static string Render() => ClearingHtmlReport.Render(Run(), Options(Run()));

    private static SettlementHospital Hospital(string id, string name, string level, decimal score) => new()
    {
        Hospital = new Hospital { Id = id, Name = name, Level = HospitalLevel.Parse(level) },
        AssessmentScore = score,
    };

    private static SettlementLine Case(string id, string hospital, int month, decimal score, decimal patient, decimal fund) =>
        new(id, hospital, InsuranceFund.Employee, month, SettlementMethods.Dip, SettlementBasis.OfPoints("DIP", score), Money.FromYuan(patient + fund), Money.FromYuan(patient), Money.FromYuan(fund));
}
