using System.Collections.Generic;
using MedInsurance.Payment.Cases;
using MedInsurance.Payment.Hospitals;

namespace MedInsurance.Payment.Settlement.Tests;

/// <summary>Small builders for hand-made test inputs (no values are computed here).</summary>
internal static class Build
{
    public static Money Y(decimal yuan) => Money.FromYuan(yuan);

    public static SettlementHospital Hospital(string id, decimal score = 100m, string level = "3A") => new()
    {
        Hospital = new Hospital { Id = id, Name = id, Level = HospitalLevel.Parse(level) },
        AssessmentScore = score,
        WorkingAdvance = Money.Zero,
    };

    /// <summary>A DIP case line: the case score as points in the DIP point system.</summary>
    public static SettlementLine Dip(string id, string hospital, int month, decimal score, decimal patient, decimal fund, InsuranceFund insurance = InsuranceFund.Employee) =>
        new(id, hospital, insurance, month, SettlementMethods.Dip, SettlementBasis.OfPoints("DIP", score), Y(patient + fund), Y(patient), Y(fund));

    /// <summary>A DRG case line: the DRG points (RW × the hospital's coefficient, as DRG pricing writes them) in the DRG point system.</summary>
    public static SettlementLine Drg(string id, string hospital, int month, decimal points, decimal patient, decimal fund) =>
        new(id, hospital, InsuranceFund.Employee, month, SettlementMethods.Drg, SettlementBasis.OfPoints("DRG", points), Y(patient + fund), Y(patient), Y(fund));

    /// <summary>A per-diem line: bed-day points in the given point system.</summary>
    public static SettlementLine PerDiem(string id, string hospital, int month, decimal points, decimal patient, decimal fund, string system = "DIP") =>
        new(id, hospital, InsuranceFund.Employee, month, SettlementMethods.PerDiem, SettlementBasis.OfPoints(system, points), Y(patient + fund), Y(patient), Y(fund));

    /// <summary>A money line (fund amount paid as computed), from a pool's budget or outside every pool.</summary>
    public static SettlementLine Amount(string id, string hospital, int month, string method, decimal amount, decimal patient, decimal? fund, string? fromPool = null) =>
        new(id, hospital, InsuranceFund.Employee, month, method, SettlementBasis.OfMoney(Y(amount), fromPool), Y(patient + (fund ?? amount)), Y(patient), fund is null ? null : Y(fund.Value));

    public static IReadOnlyDictionary<string, Ratio> Caps(string method, decimal cap) => new Dictionary<string, Ratio> { [method] = new Ratio(cap) };

    /// <summary>A policy with one pool for all funds in <paramref name="system"/> and no risk sharing, deposit or assessment effects.</summary>
    public static SettlementPolicy Plain(string system, ValueMethod valueMethod, decimal budgetYuan, decimal ratio, decimal preset) => new()
    {
        Id = "test",
        Version = "1",
        Year = 2025,
        ValueMethod = valueMethod,
        AdvanceRatio = new Ratio(0.9m),
        QualityDepositRate = new Ratio(0m),
        Pools = [new FundPool { PointSystem = system, FundPaymentRatio = new Ratio(ratio), PresetValue = new PointValue(preset), Budget = new BudgetRule { Method = BudgetMethod.Fixed, Amount = Y(budgetYuan) } }],
        RiskSharing = new RiskSharingRule { Surplus = [new RiskSharingBand(null, new Ratio(1m))], Overspend = [new RiskSharingBand(null, new Ratio(0m))] },
    };

    public static ClearingResult Run(SettlementPolicy policy, IReadOnlyList<SettlementHospital> hospitals, IReadOnlyList<SettlementLine> lines, int threads = 1) =>
        ClearingEngine.Run(policy, hospitals, lines, [], threads);
}
