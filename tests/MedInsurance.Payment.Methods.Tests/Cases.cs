using System;
using System.Linq;
using MedInsurance.Payment.Cases;
using MedInsurance.Payment.Hospitals;
using MedInsurance.Payment.PerDiem;

namespace MedInsurance.Payment.Methods.Tests;

/// <summary>Builders for the method tests: hospitals, cases and the example mix.</summary>
internal static class Cases
{
    public static readonly PerDiemHospital H3 = new("H3", HospitalLevel.Parse("三级甲等"), HospitalType.Specialist);
    public static readonly PerDiemHospital H2 = new("H2", HospitalLevel.Parse("二级"), HospitalType.General);
    public static readonly PerDiemHospital H1 = new("H1", HospitalLevel.Parse("一级"), HospitalType.PrimaryCare);

    public static MethodMixPolicy Example() => MethodMixPolicyLoader.Load("example-mix-2025");

    /// <summary>A case discharged on 2025-06-30 after <paramref name="los"/> days; fund paid 80% of the cost unless given.</summary>
    public static InpatientCase Case(string diagnosis, int los = 5, string? procedure = null, string hospitalId = "H3", decimal cost = 10_000m, decimal? fundPaid = null, string id = "C1", string[]? otherProcedures = null)
    {
        var d = new DateTime(2025, 6, 30);
        return new InpatientCase
        {
            CaseId = id,
            HospitalId = hospitalId,
            Fund = InsuranceFund.Employee,
            AdmissionDate = DateOnly.FromDateTime(d.AddDays(-Math.Max(los, 0))),
            DischargeDate = DateOnly.FromDateTime(d),
            LengthOfStayDays = los,
            MainDiagnosis = DiagnosisCode.Parse(diagnosis),
            MainProcedure = procedure is null ? default : ProcedureCode.Parse(procedure),
            OtherProcedures = (otherProcedures ?? Array.Empty<string>()).Select(ProcedureCode.Parse).ToArray(),
            Costs = new CostBreakdown { Total = Money.FromYuan(cost), FundPaid = Money.FromYuan(fundPaid ?? cost * 0.8m), PatientPaid = Money.FromYuan(cost - (fundPaid ?? cost * 0.8m)) },
        };
    }

    public static MethodCase At(this InpatientCase c, PerDiemHospital h, string? group = null, string? ward = null) => new(c, h, ward, null, group);
}
