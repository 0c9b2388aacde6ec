using System;
using System.Collections.Generic;
using System.Linq;

namespace MedInsurance.Payment.Cases;

/// <summary>
/// 医保结算清单（住院） — one inpatient case as reported on the national settlement list: patient, stay,
/// diagnoses (ICD-10 医保版), procedures (ICD-9-CM-3 医保版), costs and the fund that pays.
/// </summary>
/// <remarks>
/// <para>Dates are <c>System.DateOnly</c> on .NET and a date-only <c>System.DateTime</c> on .NET Standard 2.0.</para>
/// <para>Instances are immutable: list properties copy what they are given. Data checks live in
/// <see cref="InpatientCaseValidator"/>; this type accepts any values so that bad input can be reported
/// rather than thrown. Thread-safe.</para>
/// </remarks>
public sealed record InpatientCase
{
    private readonly DiagnosisCode[] _secondaryDiagnoses = Array.Empty<DiagnosisCode>();
    private readonly ProcedureCode[] _otherProcedures = Array.Empty<ProcedureCode>();

    /// <summary>结算清单号/病案号 — the case id, unique within a batch.</summary>
    public required string CaseId { get; init; }

    /// <summary>定点医疗机构代码 — the hospital's id.</summary>
    public string HospitalId { get; init; } = string.Empty;

    /// <summary>人员编号 — the insured person's id (pseudonymous in analysis files); empty when not given. It links a
    /// person's stays (readmission, split-admission checks); never printed in messages.</summary>
    public string PatientId { get; init; } = string.Empty;

    /// <summary>险种 — the insurance fund.</summary>
    public InsuranceFund Fund { get; init; }

    /// <summary>性别 — sex.</summary>
    public Sex Sex { get; init; }

    /// <summary>年龄（岁） — age in whole years at admission (0 for infants).</summary>
    public int AgeYears { get; init; }

    /// <summary>年龄不足1周岁的年龄（天） — age in days, for infants under one year; null otherwise.</summary>
    public int? AgeDays { get; init; }

    /// <summary>新生儿出生体重（克） — birth weight in grams, for newborns.</summary>
    public int? BirthWeightGrams { get; init; }

    /// <summary>新生儿入院体重（克） — weight at admission in grams, for newborns.</summary>
    public int? AdmissionWeightGrams { get; init; }

    /// <summary>入院日期 — admission date.</summary>
    public CalendarDate? AdmissionDate { get; init; }

    /// <summary>出院日期 — discharge date; it selects the grouper edition and the settlement period.</summary>
    public CalendarDate? DischargeDate { get; init; }

    /// <summary>实际住院天数 — length of stay in days.</summary>
    public int LengthOfStayDays { get; init; }

    /// <summary>离院方式 — discharge type.</summary>
    public DischargeType DischargeType { get; init; }

    /// <summary>入院途径 — admission route; <see cref="AdmissionRoute.Referral"/> is a referral in (转诊).</summary>
    public AdmissionRoute AdmissionRoute { get; init; }

    /// <summary>主要诊断 — the main diagnosis (empty when missing).</summary>
    public DiagnosisCode MainDiagnosis { get; init; }

    /// <summary>其他诊断 — secondary diagnoses, in the order reported.</summary>
    public IReadOnlyList<DiagnosisCode> SecondaryDiagnoses
    {
        get => _secondaryDiagnoses;
        init => _secondaryDiagnoses = Copy(value);
    }

    /// <summary>主要手术操作 — the main procedure (empty when the case has none).</summary>
    public ProcedureCode MainProcedure { get; init; }

    /// <summary>其他手术操作 — other procedures, in the order reported.</summary>
    public IReadOnlyList<ProcedureCode> OtherProcedures
    {
        get => _otherProcedures;
        init => _otherProcedures = Copy(value);
    }

    /// <summary>重症监护天数 — days in intensive care (ICU).</summary>
    public int IcuDays { get; init; }

    /// <summary>费用 — costs and who paid them.</summary>
    public CostBreakdown Costs { get; init; } = CostBreakdown.None;

    /// <summary>个人自费 — cost outside the insurance catalogues (目录外/全自费 费用), paid wholly by the patient; zero when not reported.</summary>
    public Money OutOfCatalogCost { get; init; }

    /// <summary>支付方式 — the payment method tag.</summary>
    public PaymentMethod PaymentMethod { get; init; }

    /// <summary>A builder holding this case's fields: change some and <see cref="InpatientCaseBuilder.Build"/> a new case
    /// (what <c>with</c> does in C# 9, for C# 7.3 callers).</summary>
    /// <returns>A new builder.</returns>
    public InpatientCaseBuilder ToBuilder()
    {
        var builder = new InpatientCaseBuilder
        {
            CaseId = CaseId,
            HospitalId = HospitalId,
            PatientId = PatientId,
            Fund = Fund,
            Sex = Sex,
            AgeYears = AgeYears,
            AgeDays = AgeDays,
            BirthWeightGrams = BirthWeightGrams,
            AdmissionWeightGrams = AdmissionWeightGrams,
            AdmissionDate = AdmissionDate,
            DischargeDate = DischargeDate,
            LengthOfStayDays = LengthOfStayDays,
            DischargeType = DischargeType,
            AdmissionRoute = AdmissionRoute,
            MainDiagnosis = MainDiagnosis,
            MainProcedure = MainProcedure,
            IcuDays = IcuDays,
            Costs = Costs,
            OutOfCatalogCost = OutOfCatalogCost,
            PaymentMethod = PaymentMethod,
        };
        foreach (var code in _secondaryDiagnoses)
        {
            builder.SecondaryDiagnoses.Add(code);
        }

        foreach (var code in _otherProcedures)
        {
            builder.OtherProcedures.Add(code);
        }

        return builder;
    }

    /// <summary>A copy of a code list, element by element: the readers set the lists of millions of cases from lists of one to
    /// a few codes, where LINQ's <c>ToArray</c> cost a type test and a bulk copy with its write-barrier helper per list
    /// (docs/performance.md, "Code lists copied element by element").</summary>
    private static T[] Copy<T>(IReadOnlyList<T> value)
    {
        if (value is null)
        {
            throw new ArgumentNullException(nameof(value));
        }

        var count = value.Count;
        if (count == 0)
        {
            return Array.Empty<T>();
        }

        var copy = new T[count];
        for (var i = 0; i < count; i++)
        {
            copy[i] = value[i];
        }

        return copy;
    }

    /// <summary>Whether the case has a main procedure.</summary>
    public bool HasProcedure => !MainProcedure.IsEmpty;

    /// <summary>Whether the patient is a newborn: age 0 and at most 28 days old.</summary>
    public bool IsNewborn => AgeYears == 0 && AgeDays is int days && days <= 28;

    /// <summary>All procedures, main first.</summary>
    /// <returns>The procedures.</returns>
    public IEnumerable<ProcedureCode> AllProcedures()
    {
        if (!MainProcedure.IsEmpty)
        {
            yield return MainProcedure;
        }

        foreach (var code in _otherProcedures)
        {
            yield return code;
        }
    }

    /// <summary>All diagnoses, main first.</summary>
    /// <returns>The diagnoses.</returns>
    public IEnumerable<DiagnosisCode> AllDiagnoses()
    {
        if (!MainDiagnosis.IsEmpty)
        {
            yield return MainDiagnosis;
        }

        foreach (var code in _secondaryDiagnoses)
        {
            yield return code;
        }
    }

    /// <summary>Length of stay computed from the dates (same-day stays count as one day), or null without dates.</summary>
    public int? LengthOfStayFromDates => AdmissionDate is { } admitted && DischargeDate is { } discharged
        ? Math.Max(1, CalendarDates.DaysBetween(admitted, discharged))
        : null;

    /// <summary>Value equality, comparing the code lists element by element.</summary>
    /// <param name="other">The other case.</param>
    /// <returns>Whether every field is equal.</returns>
    public bool Equals(InpatientCase? other) => other is not null
        && string.Equals(CaseId, other.CaseId, StringComparison.Ordinal)
        && string.Equals(HospitalId, other.HospitalId, StringComparison.Ordinal)
        && string.Equals(PatientId, other.PatientId, StringComparison.Ordinal) && AdmissionRoute == other.AdmissionRoute
        && OutOfCatalogCost == other.OutOfCatalogCost
        && Fund == other.Fund && Sex == other.Sex && AgeYears == other.AgeYears && AgeDays == other.AgeDays
        && BirthWeightGrams == other.BirthWeightGrams && AdmissionWeightGrams == other.AdmissionWeightGrams
        && Nullable.Equals(AdmissionDate, other.AdmissionDate) && Nullable.Equals(DischargeDate, other.DischargeDate)
        && LengthOfStayDays == other.LengthOfStayDays && DischargeType == other.DischargeType
        && MainDiagnosis == other.MainDiagnosis && _secondaryDiagnoses.SequenceEqual(other._secondaryDiagnoses)
        && MainProcedure == other.MainProcedure && _otherProcedures.SequenceEqual(other._otherProcedures)
        && IcuDays == other.IcuDays && Costs == other.Costs && PaymentMethod == other.PaymentMethod;

    /// <inheritdoc />
    public override int GetHashCode() =>
        (StringComparer.Ordinal.GetHashCode(CaseId) * 397) ^ MainDiagnosis.GetHashCode() ^ LengthOfStayDays;
}
