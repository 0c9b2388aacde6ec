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

    public static SettledCase Dip(string id, string hospital, int month, decimal score, decimal patient, decimal fund, InsuranceFund insurance = InsuranceFund.Employee) => new()
    {
        CaseId = id,
        HospitalId = hospital,
        Fund = insurance,
        Month = month,
        Method = PaymentMethod.Dip,
        Score = new Score(score),
        TotalCost = Y(patient + fund),
        PatientPaid = Y(patient),
        FundPaid = Y(fund),
    };

    public static SettledCase Drg(string id, string hospital, int month, decimal weight, decimal patient, decimal fund) => new()
    {
        CaseId = id,
        HospitalId = hospital,
        Fund = InsuranceFund.Employee,
        Month = month,
        Method = PaymentMethod.Drg,
        Weight = new RelativeWeight(weight),
        TotalCost = Y(patient + fund),
        PatientPaid = Y(patient),
        FundPaid = Y(fund),
    };

    /// <summary>A DIP floating policy with one pool for all funds and no risk sharing, deposit or assessment effects.</summary>
    public static SettlementPolicy Plain(PaymentMethod method, ValueMethod valueMethod, decimal budgetYuan, decimal ratio, decimal preset) => new()
    {
        Id = "test",
        Version = "1",
        Year = 2025,
        Method = method,
        ValueMethod = valueMethod,
        AdvanceRatio = new Ratio(0.9m),
        QualityDepositRate = new Ratio(0m),
        Pools = [new FundPool { FundPaymentRatio = new Ratio(ratio), PresetValue = new PointValue(preset), Budget = new BudgetRule { Method = BudgetMethod.Fixed, Amount = Y(budgetYuan) } }],
        RiskSharing = new RiskSharingRule { Surplus = [new RiskSharingBand(null, new Ratio(1m))], Overspend = [new RiskSharingBand(null, new Ratio(0m))] },
    };

    public static ClearingResult Run(SettlementPolicy policy, IReadOnlyList<SettlementHospital> hospitals, IReadOnlyList<SettledCase> cases, int threads = 1) =>
        ClearingEngine.Run(policy, hospitals, cases, [], threads);
}
