using System;
using System.Linq;
using MedInsurance.Payment.Cases;

namespace MedInsurance.Payment.Testing;

/// <summary>
/// 测试病例构建器 — builds an <see cref="InpatientCase"/> that passes the settlement-list checks unless a test changes it.
/// Defaults: hospital <c>DEMO-H1</c> (a hospital of the demo region), employee fund, a woman of 30, admitted
/// 2026-03-01 and discharged 2026-03-06 (5 days) on medical advice, main diagnosis K35.800x002 (appendicitis) with
/// procedure 47.0100, total cost 10 000.00 yuan of which the fund paid 8 000.00. Each method returns the same builder;
/// <see cref="Build"/> may be called more than once. Usable from C# 7.3.
/// </summary>
public sealed class TestCaseBuilder
{
    private readonly InpatientCaseBuilder _case;

    internal TestCaseBuilder(string caseId)
    {
        if (string.IsNullOrWhiteSpace(caseId))
        {
            throw new ArgumentException("A test case needs an id.", nameof(caseId));
        }

        _case = new InpatientCaseBuilder
        {
            CaseId = caseId,
            HospitalId = "DEMO-H1",
            PatientId = "P-" + caseId,
            Fund = InsuranceFund.Employee,
            Sex = Sex.Female,
            AgeYears = 30,
            DischargeType = DischargeType.MedicalAdvice,
            MainDiagnosis = DiagnosisCode.Parse("K35.800x002"),
            MainProcedure = ProcedureCode.Parse("47.0100"),
        };
        Stay(2026, 3, 1, 5);
        Cost(10_000m, 8_000m);
    }

    /// <summary>医疗机构 — the hospital's id.</summary>
    /// <param name="hospitalId">The id.</param>
    /// <returns>This builder.</returns>
    public TestCaseBuilder Hospital(string hospitalId)
    {
        _case.HospitalId = hospitalId;
        return this;
    }

    /// <summary>险种 — the fund.</summary>
    /// <param name="fund">The fund.</param>
    /// <returns>This builder.</returns>
    public TestCaseBuilder Fund(InsuranceFund fund)
    {
        _case.Fund = fund;
        return this;
    }

    /// <summary>参保人 — the patient's sex and age in years (and the pseudonymous person id, when given).</summary>
    /// <param name="sex">The sex.</param>
    /// <param name="ageYears">The age in years.</param>
    /// <param name="patientId">The person id, or null to keep <c>P-&lt;case id&gt;</c>.</param>
    /// <returns>This builder.</returns>
    public TestCaseBuilder Patient(Sex sex, int ageYears, string? patientId = null)
    {
        _case.Sex = sex;
        _case.AgeYears = ageYears;
        if (patientId is not null)
        {
            _case.PatientId = patientId;
        }

        return this;
    }

    /// <summary>住院 — admission date and length of stay; the discharge date is admission + days (实际住院天数).</summary>
    /// <param name="year">Admission year.</param>
    /// <param name="month">Admission month.</param>
    /// <param name="day">Admission day.</param>
    /// <param name="days">Length of stay in days (0 for a same-day stay).</param>
    /// <returns>This builder.</returns>
    public TestCaseBuilder Stay(int year, int month, int day, int days)
    {
        if (days < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(days), "A length of stay is 0 or more days.");
        }

        var admission = new CalendarDate(year, month, day);
        _case.AdmissionDate = admission;
        _case.DischargeDate = admission.AddDays(days);
        _case.LengthOfStayDays = days;
        return this;
    }

    /// <summary>离院方式 — how the patient left.</summary>
    /// <param name="dischargeType">The discharge type.</param>
    /// <returns>This builder.</returns>
    public TestCaseBuilder Discharge(DischargeType dischargeType)
    {
        _case.DischargeType = dischargeType;
        return this;
    }

    /// <summary>诊断 — the main diagnosis and the secondary diagnoses (医保版 codes), replacing those set before.</summary>
    /// <param name="main">The main diagnosis code.</param>
    /// <param name="secondary">The secondary diagnosis codes.</param>
    /// <returns>This builder.</returns>
    public TestCaseBuilder Diagnoses(string main, params string[] secondary)
    {
        _case.MainDiagnosis = DiagnosisCode.Parse(main);
        _case.SecondaryDiagnoses.Clear();
        foreach (var code in secondary ?? Array.Empty<string>())
        {
            _case.SecondaryDiagnoses.Add(DiagnosisCode.Parse(code));
        }

        return this;
    }

    /// <summary>手术操作 — the main procedure and the other procedures, replacing those set before; no argument for a
    /// case without a procedure.</summary>
    /// <param name="codes">The main procedure first, then the others.</param>
    /// <returns>This builder.</returns>
    public TestCaseBuilder Procedures(params string[] codes)
    {
        codes ??= Array.Empty<string>();
        _case.MainProcedure = codes.Length > 0 ? ProcedureCode.Parse(codes[0]) : default;
        _case.OtherProcedures.Clear();
        foreach (var code in codes.Skip(1))
        {
            _case.OtherProcedures.Add(ProcedureCode.Parse(code));
        }

        return this;
    }

    /// <summary>费用 — the total cost and the fund's part in yuan (exact to the fen); the rest is the patient's.</summary>
    /// <param name="totalYuan">Total cost (医疗总费用).</param>
    /// <param name="fundPaidYuan">Fund payment (统筹基金支付), or null for 80 % of the total rounded to the fen.</param>
    /// <returns>This builder.</returns>
    public TestCaseBuilder Cost(decimal totalYuan, decimal? fundPaidYuan = null)
    {
        var total = Money.FromYuan(totalYuan);
        var fund = fundPaidYuan is decimal paid ? Money.FromYuan(paid) : total.Multiply(0.8m).Round(RoundingRule.Default);
        if (fund > total || fund < Money.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(fundPaidYuan), "The fund pays between 0 and the total cost.");
        }

        _case.Costs = new CostBreakdown(total, fundPaid: fund, patientPaid: total - fund);
        return this;
    }

    /// <summary>重症监护 — days in intensive care.</summary>
    /// <param name="days">ICU days.</param>
    /// <returns>This builder.</returns>
    public TestCaseBuilder IcuDays(int days)
    {
        _case.IcuDays = days;
        return this;
    }

    /// <summary>Sets any other field on the underlying <see cref="InpatientCaseBuilder"/> (e.g. newborn weights).</summary>
    /// <param name="change">The change.</param>
    /// <returns>This builder.</returns>
    public TestCaseBuilder With(Action<InpatientCaseBuilder> change)
    {
        (change ?? throw new ArgumentNullException(nameof(change)))(_case);
        return this;
    }

    /// <summary>The case.</summary>
    /// <returns>An immutable case.</returns>
    public InpatientCase Build() => _case.Build();
}
