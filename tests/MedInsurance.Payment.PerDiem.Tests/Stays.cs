using System;
using MedInsurance.Payment.Cases;
using MedInsurance.Payment.Hospitals;

namespace MedInsurance.Payment.PerDiem.Tests;

/// <summary>Builders for per-diem test stays and hospitals.</summary>
internal static class Stays
{
    public static readonly PerDiemHospital Tertiary = new("H3", HospitalLevel.Parse("三级甲等"), HospitalType.Specialist);
    public static readonly PerDiemHospital Secondary = new("H2", HospitalLevel.Parse("二级"), HospitalType.General);
    public static readonly PerDiemHospital Primary = new("H1", HospitalLevel.Parse("一级"), HospitalType.PrimaryCare);
    public static readonly PerDiemHospital Tcm = new("HT", HospitalLevel.Parse("三级甲等"), HospitalType.TraditionalChineseMedicine);

    /// <summary>A stay discharged on <paramref name="discharge"/> after <paramref name="los"/> days.</summary>
    public static PerDiemStay Stay(string diagnosis, int los, string hospitalId = "H3", decimal cost = 0m, string discharge = "2025-06-30", string? patient = null, string? ward = null, string id = "S1")
    {
        var d = DateTime.Parse(discharge, System.Globalization.CultureInfo.InvariantCulture);
        var c = new InpatientCase
        {
            CaseId = id,
            HospitalId = hospitalId,
            Fund = InsuranceFund.Employee,
            AdmissionDate = Date(d.AddDays(-Math.Max(los, 0))),
            DischargeDate = Date(d),
            LengthOfStayDays = los,
            MainDiagnosis = diagnosis.Length == 0 ? default : DiagnosisCode.Parse(diagnosis),
            Costs = new CostBreakdown { Total = Payment.Money.FromYuan(cost), FundPaid = Payment.Money.FromYuan(cost * 0.8m), PatientPaid = Payment.Money.FromYuan(cost * 0.2m) },
        };
        return new PerDiemStay(c, patient, ward);
    }

    public static DateOnly Date(DateTime d) => DateOnly.FromDateTime(d);

    public static PerDiemCalculator MoneyForm() => new(PerDiemPolicyLoader.LoadEmbedded("example-perdiem-2025"));

    public static PerDiemCalculator PointsForm() => new(PerDiemPolicyLoader.LoadEmbedded("example-perdiem-points-2025"));
}
