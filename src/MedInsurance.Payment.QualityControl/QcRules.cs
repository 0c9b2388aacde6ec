using System;
using System.Collections.Generic;
using System.Linq;
using MedInsurance.Payment.Validation;

namespace MedInsurance.Payment.QualityControl;

/// <summary>
/// 质控规则目录 — every rule the checker applies, with its stable code. The basic checks of every case (Core's
/// <c>InpatientCaseValidator</c>, shared with the case reader and the DRG and DIP preparation) keep their Core codes; the
/// rules this assembly adds start with <c>QC_</c>. docs/quality-control.md lists them with worked examples.
/// </summary>
public static class QcRules
{
    private const string Spec = "医疗保障基金结算清单填写规范（国家医保局）";
    private const string Icd = "ICD-10 国际疾病分类规则（医保版沿用）";
    private const string Dictionary = "医保疾病诊断和手术操作分类与代码（医保版1.0 / 2.0 字典）";

    // ---- basic checks (Core, InpatientCaseValidator): codes kept as published ----

    /// <summary>FIELD_REQUIRED(id) — 缺少结算清单号/病案号.</summary>
    public static QcRule IdMissing { get; } = Basic(IssueCodes.FieldRequired, IssueSeverity.Error, "id", "缺少结算清单号/病案号", "The case id is missing.");

    /// <summary>DX_MAIN_MISSING — 缺少主要诊断.</summary>
    public static QcRule MainDiagnosisMissing { get; } = Basic(IssueCodes.MainDiagnosisMissing, IssueSeverity.Error, "diagnoses[0]", "缺少主要诊断", "The main diagnosis is missing.");

    /// <summary>SEX_UNKNOWN — 性别未知或未说明.</summary>
    public static QcRule SexUnknown { get; } = Basic(IssueCodes.SexUnknown, IssueSeverity.Warning, "sex", "性别未知或未说明", "Sex is unknown or not stated.");

    /// <summary>FIELD_OUT_OF_RANGE — age, age in days, ICU days or a newborn weight out of range.</summary>
    public static QcRule OutOfRange { get; } = Basic(IssueCodes.FieldOutOfRange, IssueSeverity.Error, "age|age_days|icu_days|birth_weight_g|admission_weight_g", "字段值超出范围（年龄0–150岁、年龄（天）0–365、重症监护天数不超过住院天数、新生儿体重100–9999克）", "A field is out of range (age 0–150, age in days 0–365, ICU days within the stay, newborn weight 100–9999 g).");

    /// <summary>LOS_INVALID — 住院天数必须大于0.</summary>
    public static QcRule LengthOfStayInvalid { get; } = Basic(IssueCodes.LengthOfStayInvalid, IssueSeverity.Error, "los", "住院天数必须大于0", "The length of stay must be at least one day.");

    /// <summary>DATES_OUT_OF_ORDER — 出院日期早于入院日期.</summary>
    public static QcRule DatesOutOfOrder { get; } = Basic(IssueCodes.DatesOutOfOrder, IssueSeverity.Error, "discharge_date", "出院日期早于入院日期", "The discharge date is before the admission date.", QcRuleFamily.Validity);

    /// <summary>LOS_MISMATCH — 实际住院天数 ≠ 出院日期 − 入院日期 (a same-day stay counts one day).</summary>
    public static QcRule LengthOfStayMismatch { get; } = Basic(IssueCodes.LengthOfStayMismatch, IssueSeverity.Warning, "los", "住院天数与入出院日期相差的天数不符", "The length of stay differs from the days between the admission and discharge dates.", QcRuleFamily.Validity);

    /// <summary>NEWBORN_WEIGHT_MISSING — 新生儿（≤28天）缺少出生体重或入院体重.</summary>
    public static QcRule NewbornWeightMissing { get; } = Basic(IssueCodes.NewbornWeightMissing, IssueSeverity.Error, "birth_weight_g", "新生儿（≤28天）缺少出生体重或入院体重", "A newborn (28 days or younger) needs a birth or admission weight.", QcRuleFamily.ClinicalLogic);

    /// <summary>DX_DUPLICATED — 诊断编码重复填写.</summary>
    public static QcRule DiagnosisDuplicated { get; } = Basic(IssueCodes.DiagnosisDuplicated, IssueSeverity.Warning, "diagnoses[i]", "诊断编码重复填写", "The diagnosis code is listed more than once.", QcRuleFamily.Validity);

    /// <summary>PX_DUPLICATED — 手术操作编码重复填写.</summary>
    public static QcRule ProcedureDuplicated { get; } = Basic(IssueCodes.ProcedureDuplicated, IssueSeverity.Warning, "procedures[i]", "手术操作编码重复填写", "The procedure code is listed more than once.", QcRuleFamily.Validity);

    /// <summary>COST_NEGATIVE — 费用金额不能为负数.</summary>
    public static QcRule CostNegative { get; } = Basic(IssueCodes.CostNegative, IssueSeverity.Error, "total_cost", "费用金额不能为负数", "Cost amounts must not be negative.", QcRuleFamily.Validity);

    /// <summary>COST_BREAKDOWN_MISMATCH — 分项费用合计与总费用不符.</summary>
    public static QcRule CostBreakdownMismatch { get; } = Basic(IssueCodes.CostBreakdownMismatch, IssueSeverity.Warning, "total_cost", "分项费用合计与总费用不符", "The cost categories do not add up to the total cost.", QcRuleFamily.Validity);

    // ---- completeness (结算清单必填项) ----

    /// <summary>QC_HOSPITAL_MISSING — 缺少定点医疗机构代码.</summary>
    public static QcRule HospitalMissing { get; } = Required("QC_HOSPITAL_MISSING", "hospital_id", "缺少定点医疗机构代码", "The hospital id is missing.");

    /// <summary>QC_ADMISSION_DATE_MISSING — 缺少入院日期.</summary>
    public static QcRule AdmissionDateMissing { get; } = Required("QC_ADMISSION_DATE_MISSING", "admission_date", "缺少入院日期", "The admission date is missing.");

    /// <summary>QC_DISCHARGE_DATE_MISSING — 缺少出院日期.</summary>
    public static QcRule DischargeDateMissing { get; } = Required("QC_DISCHARGE_DATE_MISSING", "discharge_date", "缺少出院日期", "The discharge date is missing.");

    /// <summary>QC_DISCHARGE_TYPE_MISSING — 缺少离院方式.</summary>
    public static QcRule DischargeTypeMissing { get; } = Required("QC_DISCHARGE_TYPE_MISSING", "discharge_type", "缺少离院方式", "The discharge type is missing.");

    /// <summary>QC_TOTAL_COST_MISSING — 缺少医疗总费用（为空或为0）.</summary>
    public static QcRule TotalCostMissing { get; } = Required("QC_TOTAL_COST_MISSING", "total_cost", "缺少医疗总费用（为空或为0）", "The total cost is missing (empty or zero).");

    /// <summary>QC_AGE_DAYS_MISSING — 不足1周岁的患儿缺少年龄（天）.</summary>
    public static QcRule AgeDaysMissing { get; } = Required("QC_AGE_DAYS_MISSING", "age_days", "不足1周岁的患儿缺少年龄（天）", "Age in days is missing for an infant under one year.");

    // ---- validity: dictionaries and gray codes ----

    /// <summary>QC_DX_NOT_IN_DICTIONARY — 诊断编码不在本版医保疾病分类与代码中.</summary>
    public static QcRule DiagnosisNotInDictionary { get; } = new("QC_DX_NOT_IN_DICTIONARY", QcRuleFamily.Validity, IssueSeverity.Error, "diagnoses[i]", QcRuleSource.NationalRule, Dictionary, "诊断编码不在本版医保疾病诊断分类与代码中", "The diagnosis code is not in the edition's diagnosis dictionary.");

    /// <summary>QC_PX_NOT_IN_DICTIONARY — 手术操作编码不在本版医保手术操作分类与代码中.</summary>
    public static QcRule ProcedureNotInDictionary { get; } = new("QC_PX_NOT_IN_DICTIONARY", QcRuleFamily.Validity, IssueSeverity.Error, "procedures[i]", QcRuleSource.NationalRule, Dictionary, "手术操作编码不在本版医保手术操作分类与代码中", "The procedure code is not in the edition's procedure dictionary.");

    /// <summary>QC_DX_GRAY — 诊断编码为医保版2.0灰码.</summary>
    public static QcRule DiagnosisGray { get; } = new("QC_DX_GRAY", QcRuleFamily.Validity, IssueSeverity.Warning, "diagnoses[i]", QcRuleSource.NationalRule, GrayCitation, "诊断编码为医保版2.0灰码（字典保留、不宜在结算清单中使用），请选用其下细目或扩展码", "The diagnosis code is a 医保版 2.0 gray code (kept in the dictionary, not for use on the settlement list); choose a finer code.");

    /// <summary>QC_PX_GRAY — 手术操作编码为医保版2.0灰码.</summary>
    public static QcRule ProcedureGray { get; } = new("QC_PX_GRAY", QcRuleFamily.Validity, IssueSeverity.Warning, "procedures[i]", QcRuleSource.NationalRule, GrayCitation, "手术操作编码为医保版2.0灰码（字典保留、不宜在结算清单中使用），请选用其下细目", "The procedure code is a 医保版 2.0 gray code (kept in the dictionary, not for use on the settlement list); choose a finer code.");

    // ---- code editions ----

    /// <summary>QC_DX_EDITION_MAPPED — 诊断编码属于其他版本（医保版1.0或国临版），可按对照表映射（映射结果见取值）.</summary>
    public static QcRule DiagnosisEditionMapped { get; } = new("QC_DX_EDITION_MAPPED", QcRuleFamily.CodeEdition, IssueSeverity.Warning, "diagnoses[i]", QcRuleSource.NationalRule, "医保版1.0→2.0、国临版2.0→医保版2.0 对照表（ZD_YB10_TO_YB20、ZD_GL20_TO_YB20）", "诊断编码属于其他编码版本，已按对照表找到本版编码（见取值），请按本版编码填写", "The diagnosis code is of another code edition; the crosswalk gives the edition's code (in the issue's value): report that code.");

    /// <summary>QC_PX_EDITION_MAPPED — 手术操作编码属于其他版本，可按对照表映射（映射结果见取值）.</summary>
    public static QcRule ProcedureEditionMapped { get; } = new("QC_PX_EDITION_MAPPED", QcRuleFamily.CodeEdition, IssueSeverity.Warning, "procedures[i]", QcRuleSource.NationalRule, "医保版1.0→2.0、国临版3.0→医保版2.0 对照表（SS_YB10_TO_YB20、SS_GL30_TO_YB20）", "手术操作编码属于其他编码版本，已按对照表找到本版编码（见取值），请按本版编码填写", "The procedure code is of another code edition; the crosswalk gives the edition's code (in the issue's value): report that code.");

    /// <summary>QC_CODE_MAP_AMBIGUOUS — 对照表中该编码对应多个本版编码，无法映射.</summary>
    public static QcRule EditionMapAmbiguous { get; } = new("QC_CODE_MAP_AMBIGUOUS", QcRuleFamily.CodeEdition, IssueSeverity.Error, "diagnoses[i]|procedures[i]", QcRuleSource.NationalRule, "编码版本对照表（一对多）", "编码不在本版字典中，对照表给出多个本版编码，须人工选择", "The code is not in the edition's dictionary and the crosswalk lists several targets: choose one by hand.");

    // ---- clinical logic: lists the region supplies ----

    /// <summary>QC_DX_SEX_CONFLICT — 诊断与性别不符（地方性别限定诊断清单）.</summary>
    public static QcRule DiagnosisSexConflict { get; } = List("QC_DX_SEX_CONFLICT", IssueSeverity.Error, "diagnoses[i]", "诊断与患者性别不符（性别限定诊断）", "The diagnosis conflicts with the patient's sex (a sex-specific diagnosis).");

    /// <summary>QC_PX_SEX_CONFLICT — 手术操作与性别不符（地方性别限定手术清单）.</summary>
    public static QcRule ProcedureSexConflict { get; } = List("QC_PX_SEX_CONFLICT", IssueSeverity.Error, "procedures[i]", "手术操作与患者性别不符（性别限定手术操作）", "The procedure conflicts with the patient's sex (a sex-specific procedure).");

    /// <summary>QC_DX_AGE_CONFLICT — 诊断与年龄不符（地方年龄限定诊断清单）.</summary>
    public static QcRule DiagnosisAgeConflict { get; } = List("QC_DX_AGE_CONFLICT", IssueSeverity.Error, "diagnoses[i]", "诊断与患者年龄不符（年龄限定诊断）", "The diagnosis conflicts with the patient's age (an age-specific diagnosis).");

    /// <summary>QC_PX_AGE_CONFLICT — 手术操作与年龄不符（地方年龄限定手术清单）.</summary>
    public static QcRule ProcedureAgeConflict { get; } = List("QC_PX_AGE_CONFLICT", IssueSeverity.Error, "procedures[i]", "手术操作与患者年龄不符（年龄限定手术操作）", "The procedure conflicts with the patient's age (an age-specific procedure).");

    /// <summary>QC_DX_MAIN_NOT_ALLOWED — 该编码不能作为主要诊断（地方非主要诊断清单）.</summary>
    public static QcRule MainDiagnosisNotAllowed { get; } = List("QC_DX_MAIN_NOT_ALLOWED", IssueSeverity.Error, "diagnoses[0]", "该编码不能作为主要诊断（非主要诊断编码清单）", "The code may not be the main diagnosis (list of codes that are never main).");

    // ---- clinical logic: main-diagnosis suitability (ICD-10 structure) ----

    /// <summary>QC_DX_MAIN_EXTERNAL_CAUSE — 损伤中毒的外部原因编码（V01–Y98）不能作为主要诊断.</summary>
    public static QcRule MainDiagnosisExternalCause { get; } = new("QC_DX_MAIN_EXTERNAL_CAUSE", QcRuleFamily.ClinicalLogic, IssueSeverity.Error, "diagnoses[0]", QcRuleSource.NationalRule, Icd + "：第二十章（V01–Y98）外部原因编码为附加编码，与第十九章损伤中毒编码合用", "损伤中毒的外部原因编码（V–Y）不能作为主要诊断，应以损伤或中毒的性质为主要诊断", "An external-cause code (V–Y) cannot be the main diagnosis: the nature of the injury or poisoning is.");

    /// <summary>QC_DX_MAIN_ASTERISK — 星号编码不能单独作为主要诊断.</summary>
    public static QcRule MainDiagnosisAsterisk { get; } = new("QC_DX_MAIN_ASTERISK", QcRuleFamily.ClinicalLogic, IssueSeverity.Error, "diagnoses[0]", QcRuleSource.NationalRule, Icd + "：剑号（†）与星号（*）双重分类，星号编码表示临床表现，不能单独使用；医保版字典只以“剑号+星号”合并编码收录星号编码", "星号编码不能单独作为主要诊断，应填写剑号与星号合并编码", "An asterisk (manifestation) code cannot stand alone as the main diagnosis: report the dagger+asterisk code.");

    /// <summary>QC_DX_MAIN_SYMPTOM — 已有明确诊断时，症状体征（R编码）不能作为主要诊断.</summary>
    public static QcRule MainDiagnosisSymptom { get; } = new("QC_DX_MAIN_SYMPTOM", QcRuleFamily.ClinicalLogic, IssueSeverity.Warning, "diagnoses[0]", QcRuleSource.SettlementListSpecification, Spec + "：主要诊断选择原则——以症状、体征为主要诊断仅限于未明确诊断的情况", "已有明确诊断时，症状、体征和异常所见（R编码）不宜作为主要诊断", "A symptom, sign or abnormal finding (R code) should not be the main diagnosis when a definite diagnosis is reported.");

    /// <summary>QC_DX_MAIN_SEQUELAE — 后遗症类目不宜作为主要诊断.</summary>
    public static QcRule MainDiagnosisSequelae { get; } = new("QC_DX_MAIN_SEQUELAE", QcRuleFamily.ClinicalLogic, IssueSeverity.Warning, "diagnoses[0]", QcRuleSource.NationalRule, Icd + "：后遗症（B90–B94、E64、E68、G09、I69、O97、T90–T98、Y85–Y89）以后遗症的性质为主要编码，“……后遗症”类目为附加编码", "后遗症类目不宜作为主要诊断，应以后遗症的具体表现为主要诊断", "A sequelae category should not be the main diagnosis: the residual condition itself is.");

    /// <summary>Every rule, in the order of docs/quality-control.md.</summary>
    public static IReadOnlyList<QcRule> All { get; } = new[]
    {
        IdMissing, MainDiagnosisMissing, SexUnknown, OutOfRange, LengthOfStayInvalid, DatesOutOfOrder, LengthOfStayMismatch,
        NewbornWeightMissing, DiagnosisDuplicated, ProcedureDuplicated, CostNegative, CostBreakdownMismatch,
        HospitalMissing, AdmissionDateMissing, DischargeDateMissing, DischargeTypeMissing, TotalCostMissing, AgeDaysMissing,
        DiagnosisNotInDictionary, ProcedureNotInDictionary, DiagnosisGray, ProcedureGray,
        DiagnosisEditionMapped, ProcedureEditionMapped, EditionMapAmbiguous,
        DiagnosisSexConflict, ProcedureSexConflict, DiagnosisAgeConflict, ProcedureAgeConflict, MainDiagnosisNotAllowed,
        MainDiagnosisExternalCause, MainDiagnosisAsterisk, MainDiagnosisSymptom, MainDiagnosisSequelae,
    };

    private static readonly Dictionary<string, QcRule> ByCode = All.ToDictionary(r => r.Code, StringComparer.Ordinal);

    /// <summary>The rule with a code, or null.</summary>
    /// <param name="code">The code.</param>
    /// <returns>The rule, or null when no rule has the code.</returns>
    public static QcRule? Find(string code) => code is not null && ByCode.TryGetValue(code, out var rule) ? rule : null;

    private const string GrayCitation =
        "医保版2.0 灰码清单（ZD_YB20_GRAY、SS_YB20_GRAY，OpenDRG/DRG_Datas）；说明见 docs/quality-control.md“灰码”：全国规则原文未能检索核实，按数据说明“字典保留、不在结算清单使用”实现，默认警告";

    private static QcRule Basic(string code, IssueSeverity severity, string field, string zh, string en, QcRuleFamily family = QcRuleFamily.Completeness) =>
        new(code, family, severity, field, QcRuleSource.SettlementListSpecification, Spec + "（基础校验，Core InpatientCaseValidator）", zh, en);

    private static QcRule Required(string code, string field, string zh, string en) =>
        new(code, QcRuleFamily.Completeness, IssueSeverity.Error, field, QcRuleSource.SettlementListSpecification, Spec + "：必填项", zh, en);

    private static QcRule List(string code, IssueSeverity severity, string field, string zh, string en) =>
        new(code, QcRuleFamily.ClinicalLogic, severity, field, QcRuleSource.LocalList, "地方质控清单（profile 的 lists，格式见 docs/quality-control.md）", zh, en);
}
