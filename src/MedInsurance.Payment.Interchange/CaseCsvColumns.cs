using System.Linq;

namespace MedInsurance.Payment.Interchange;

/// <summary>
/// 病例CSV列名 — the column names of the case CSV format (see <c>docs/formats.md</c>). Only <see cref="Id"/> and
/// <see cref="Diagnoses"/> (or <see cref="MainDiagnosis"/>) are required; unknown columns are ignored. The national
/// settlement-list names are read as aliases (<see cref="CaseHeaderMap.National"/>).
/// </summary>
public static class CaseCsvColumns
{
    /// <summary>结算清单号/病案号 — case id (required).</summary>
    public const string Id = "id";

    /// <summary>医疗机构代码 — hospital id.</summary>
    public const string HospitalId = "hospital_id";

    /// <summary>人员编号 — the insured person's id (pseudonymous in analysis files); links a person's stays.</summary>
    public const string PatientId = "patient_id";

    /// <summary>入院途径 — 1 急诊, 2 门诊, 3 其他医疗机构转入 (referral), 9 其他 (also the Chinese names).</summary>
    public const string AdmissionRoute = "admission_route";

    /// <summary>个人自费（元） — cost outside the insurance catalogues (目录外/全自费).</summary>
    public const string OutOfCatalogCost = "out_of_catalog_cost";

    /// <summary>险种 — <c>employee|resident|other</c>, also 职工/居民/其他 and the national codes 310/390.</summary>
    public const string Fund = "fund";

    /// <summary>性别 — 1 male, 2 female, 0 unknown, 9 not stated (also 男/女).</summary>
    public const string Sex = "sex";

    /// <summary>年龄（岁）.</summary>
    public const string Age = "age";

    /// <summary>年龄（天）, for infants under one year.</summary>
    public const string AgeDays = "age_days";

    /// <summary>新生儿出生体重（克）.</summary>
    public const string BirthWeight = "birth_weight_g";

    /// <summary>新生儿入院体重（克）.</summary>
    public const string AdmissionWeight = "admission_weight_g";

    /// <summary>入院日期 (ISO yyyy-MM-dd).</summary>
    public const string AdmissionDate = "admission_date";

    /// <summary>出院日期 (ISO yyyy-MM-dd).</summary>
    public const string DischargeDate = "discharge_date";

    /// <summary>住院天数.</summary>
    public const string LengthOfStay = "los";

    /// <summary>离院方式 1/2/3/4/5/9.</summary>
    public const string DischargeType = "discharge_type";

    /// <summary>诊断 — ICD-10 codes separated by <c>|</c>, main first (required).</summary>
    public const string Diagnoses = "diagnoses";

    /// <summary>主要诊断代码 — the main diagnosis alone, for files that split the diagnoses (with <see cref="OtherDiagnoses"/>) instead of <see cref="Diagnoses"/>.</summary>
    public const string MainDiagnosis = "main_diagnosis";

    /// <summary>其他诊断代码 — the other diagnoses separated by <c>|</c>, beside <see cref="MainDiagnosis"/>.</summary>
    public const string OtherDiagnoses = "other_diagnoses";

    /// <summary>手术操作 — ICD-9-CM-3 codes separated by <c>|</c>, main first.</summary>
    public const string Procedures = "procedures";

    /// <summary>主要手术及操作代码 — the main procedure alone, for files that split the procedures (with <see cref="OtherProcedures"/>) instead of <see cref="Procedures"/>.</summary>
    public const string MainProcedure = "main_procedure";

    /// <summary>其他手术及操作代码 — the other procedures separated by <c>|</c>, beside <see cref="MainProcedure"/>.</summary>
    public const string OtherProcedures = "other_procedures";

    /// <summary>重症监护天数.</summary>
    public const string IcuDays = "icu_days";

    /// <summary>医疗总费用（元）.</summary>
    public const string TotalCost = "total_cost";

    /// <summary>药品费（元）.</summary>
    public const string DrugCost = "drug_cost";

    /// <summary>耗材费（元）.</summary>
    public const string ConsumableCost = "consumable_cost";

    /// <summary>治疗费（元）.</summary>
    public const string TreatmentCost = "treatment_cost";

    /// <summary>手术费（元）.</summary>
    public const string SurgeryCost = "surgery_cost";

    /// <summary>检查化验费（元）.</summary>
    public const string ExaminationCost = "examination_cost";

    /// <summary>其他费（元）.</summary>
    public const string OtherCost = "other_cost";

    /// <summary>统筹基金支付（元）.</summary>
    public const string FundPaid = "fund_paid";

    /// <summary>个人负担（元）.</summary>
    public const string PatientPaid = "patient_paid";

    /// <summary>支付方式 — <c>drg|dip|per_diem|capitation|fee_for_service|single_disease</c>.</summary>
    public const string PaymentMethod = "payment_method";

    /// <summary>Every column name above, in the order of the format's table, then the 14 national charge-item columns
    /// (<c>charge_bed</c> … <c>charge_other</c>, 医疗收费项目), each summed into one of the six cost columns (docs/formats.md).</summary>
    public static System.Collections.Generic.IReadOnlyList<string> All { get; } = new[]
    {
        Id, HospitalId, Fund, Sex, Age, AgeDays, BirthWeight, AdmissionWeight, AdmissionDate, DischargeDate, LengthOfStay, DischargeType,
        Diagnoses, MainDiagnosis, OtherDiagnoses, Procedures, MainProcedure, OtherProcedures, IcuDays, TotalCost, DrugCost, ConsumableCost,
        TreatmentCost, SurgeryCost, ExaminationCost, OtherCost, FundPaid, PatientPaid, PaymentMethod, PatientId, AdmissionRoute, OutOfCatalogCost,
    }.Concat(NationalChargeItems.Items.Select(i => i.Column)).ToArray();

    /// <summary>The separator between codes in a list column.</summary>
    public const char CodeSeparator = '|';
}
