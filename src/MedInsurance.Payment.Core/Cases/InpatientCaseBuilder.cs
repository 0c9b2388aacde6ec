using System;
using System.Collections.Generic;

namespace MedInsurance.Payment.Cases;

/// <summary>
/// 结算清单构建器 — builds an <see cref="InpatientCase"/> field by field, for callers that cannot set <c>init</c> members:
/// C# 7.3, the default language of .NET Framework 4.6.2–4.8 projects. The property names are those of
/// <see cref="InpatientCase"/>, so an object initializer reads the same in both:
/// <code>
/// var inpatientCase = new InpatientCaseBuilder
/// {
///     CaseId = "ZY2026000123",
///     MainDiagnosis = DiagnosisCode.Parse("K35.800x002"),
///     SecondaryDiagnoses = { DiagnosisCode.Parse("J96.000") },
/// }.Build();
/// </code>
/// </summary>
/// <remarks>A builder is mutable and not thread-safe; the case it builds is immutable (the lists are copied).
/// <see cref="InpatientCase.ToBuilder"/> starts from an existing case (what <c>with</c> does in C# 9).</remarks>
public sealed class InpatientCaseBuilder
{
    /// <summary>结算清单号/病案号 — the case id; required by <see cref="Build"/>.</summary>
    public string? CaseId { get; set; }

    /// <summary>定点医疗机构代码 — the hospital's id.</summary>
    public string HospitalId { get; set; } = string.Empty;

    /// <summary>人员编号 — the insured person's id (pseudonymous in analysis files); empty when not given.</summary>
    public string PatientId { get; set; } = string.Empty;

    /// <summary>险种 — the insurance fund.</summary>
    public InsuranceFund Fund { get; set; }

    /// <summary>性别 — sex.</summary>
    public Sex Sex { get; set; }

    /// <summary>年龄（岁） — age in whole years at admission (0 for infants).</summary>
    public int AgeYears { get; set; }

    /// <summary>年龄不足1周岁的年龄（天） — age in days, for infants under one year; null otherwise.</summary>
    public int? AgeDays { get; set; }

    /// <summary>新生儿出生体重（克） — birth weight in grams, for newborns.</summary>
    public int? BirthWeightGrams { get; set; }

    /// <summary>新生儿入院体重（克） — weight at admission in grams, for newborns.</summary>
    public int? AdmissionWeightGrams { get; set; }

    /// <summary>入院日期 — admission date (<c>System.DateOnly</c> on .NET, a date-only <c>System.DateTime</c> on .NET Standard 2.0).</summary>
    public CalendarDate? AdmissionDate { get; set; }

    /// <summary>出院日期 — discharge date; it selects the grouper edition and the settlement period.</summary>
    public CalendarDate? DischargeDate { get; set; }

    /// <summary>实际住院天数 — length of stay in days.</summary>
    public int LengthOfStayDays { get; set; }

    /// <summary>离院方式 — discharge type.</summary>
    public DischargeType DischargeType { get; set; }

    /// <summary>入院途径 — admission route; <see cref="AdmissionRoute.Referral"/> is a referral in (转诊).</summary>
    public AdmissionRoute AdmissionRoute { get; set; }

    /// <summary>主要诊断 — the main diagnosis (empty when missing).</summary>
    public DiagnosisCode MainDiagnosis { get; set; }

    /// <summary>其他诊断 — secondary diagnoses, in the order reported (add to the list; a collection initializer works).</summary>
    public IList<DiagnosisCode> SecondaryDiagnoses { get; } = new List<DiagnosisCode>();

    /// <summary>主要手术操作 — the main procedure (empty when the case has none).</summary>
    public ProcedureCode MainProcedure { get; set; }

    /// <summary>其他手术操作 — other procedures, in the order reported (add to the list; a collection initializer works).</summary>
    public IList<ProcedureCode> OtherProcedures { get; } = new List<ProcedureCode>();

    /// <summary>重症监护天数 — days in intensive care (ICU).</summary>
    public int IcuDays { get; set; }

    /// <summary>费用 — costs and who paid them.</summary>
    public CostBreakdown Costs { get; set; } = CostBreakdown.None;

    /// <summary>个人自费 — cost outside the insurance catalogues (目录外/全自费 费用); zero when not reported.</summary>
    public Money OutOfCatalogCost { get; set; }

    /// <summary>支付方式 — the payment method tag.</summary>
    public PaymentMethod PaymentMethod { get; set; }

    /// <summary>Builds the immutable case; the builder can be changed and built again.</summary>
    /// <returns>The case.</returns>
    /// <exception cref="InvalidOperationException"><see cref="CaseId"/> is not set.</exception>
    public InpatientCase Build() => new()
    {
        CaseId = CaseId ?? throw new InvalidOperationException("InpatientCaseBuilder.CaseId is required (结算清单号)."),
        HospitalId = HospitalId ?? string.Empty,
        PatientId = PatientId ?? string.Empty,
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
        SecondaryDiagnoses = new List<DiagnosisCode>(SecondaryDiagnoses),
        MainProcedure = MainProcedure,
        OtherProcedures = new List<ProcedureCode>(OtherProcedures),
        IcuDays = IcuDays,
        Costs = Costs ?? CostBreakdown.None,
        OutOfCatalogCost = OutOfCatalogCost,
        PaymentMethod = PaymentMethod,
    };
}
