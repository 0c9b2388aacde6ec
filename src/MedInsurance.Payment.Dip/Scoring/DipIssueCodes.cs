namespace MedInsurance.Payment.Dip;

/// <summary>DIP问题代码 — stable codes for data conditions met while building a catalog or scoring a case.</summary>
public static class DipIssueCodes
{
    /// <summary>缺少主要诊断 — the case has no main diagnosis.</summary>
    public const string MainDiagnosisMissing = "DIP_DX_MAIN_MISSING";

    /// <summary>总费用缺失 — the total cost is missing, zero or negative.</summary>
    public const string CostMissing = "DIP_COST_MISSING";

    /// <summary>
    /// 病例未通过基础校验 — the case fails the basic settlement-list checks shared by the case reader, QC and DRG (Core
    /// <c>InpatientCaseValidator</c>; its issues name the field): rejected, not scored; field <c>case</c>.
    /// </summary>
    public const string CaseInvalid = "DIP_CASE_INVALID";

    /// <summary>医疗机构未知 — the hospital id is not in the hospitals file.</summary>
    public const string HospitalUnknown = "DIP_HOSPITAL_UNKNOWN";

    /// <summary>
    /// 医疗机构信息无效 — the case's hospital has a row in the hospitals file, but the row failed validation (level, type,
    /// coefficient, duplicated id): the case is rejected, not scored at a default coefficient; field <c>hospital_id</c>.
    /// </summary>
    public const string HospitalInvalid = "DIP_HOSPITAL_INVALID";

    /// <summary>
    /// 病种目录不在有效期内 — the case was discharged outside the catalog's <see cref="DipCatalog.EffectiveFrom"/>–<see cref="DipCatalog.EffectiveTo"/>:
    /// it is rejected, not scored against another period's catalog; field <c>discharge_date</c>.
    /// </summary>
    public const string CatalogNotInForce = "DIP_CATALOG_NOT_IN_FORCE";

    /// <summary>医院系数缺失 — neither the hospital nor the catalog gives a coefficient for the hospital's level; 1 was used.</summary>
    public const string HospitalCoefficientMissing = "DIP_HOSPITAL_COEFFICIENT_MISSING";

    /// <summary>医院系数无效 — a hospital's <c>coefficient</c> is not positive, or its <c>coefficient_bonus</c> is negative or not a number.</summary>
    public const string HospitalCoefficientInvalid = "DIP_HOSPITAL_COEFFICIENT_INVALID";

    /// <summary>手术操作属性未知 — a procedure is not in the procedure-attribute table.</summary>
    public const string ProcedureAttributeUnknown = "DIP_PX_ATTRIBUTE_UNKNOWN";

    /// <summary>病种均费缺失 — the group has no mean cost, so no ratio and no deviation rule.</summary>
    public const string GroupMeanMissing = "DIP_GROUP_MEAN_MISSING";

    /// <summary>
    /// 同级别次均费用缺失 — the profile compares cost with the group's mean at the hospital's level
    /// (<see cref="DipRatioBasis.SameLevelMean"/>), but the catalog has no history case of the group at that level (or the
    /// hospital's level is unknown): the ratio is against the group's regional mean instead.
    /// </summary>
    public const string LevelMeanMissing = "DIP_LEVEL_MEAN_MISSING";

    /// <summary>未入组 — no group matched.</summary>
    public const string Unmatched = "DIP_UNMATCHED";

    /// <summary>
    /// 病例分值超出范围 — the case score cannot be represented (beyond the range of <see cref="decimal"/> at the profile's
    /// decimals), which only a grossly wrong cost or catalog value produces; the case is rejected, not scored.
    /// </summary>
    public const string ScoreOutOfRange = "DIP_SCORE_OUT_OF_RANGE";

    /// <summary>出院年份缺失 — a history case has no discharge date, so no year weight.</summary>
    public const string DischargeYearMissing = "DIP_DISCHARGE_YEAR_MISSING";

    /// <summary>出院年份超出 — a history case is outside the three weighted years.</summary>
    public const string DischargeYearOutOfRange = "DIP_DISCHARGE_YEAR_OUT_OF_RANGE";

    /// <summary>
    /// 无法结算：病例被拒绝 — the scorer rejected the case (its own <c>DIP_*</c> issues say why), so there is no case score
    /// and no settlement line.
    /// </summary>
    public const string PriceCaseRejected = "DIP_PRICE_CASE_REJECTED";

    /// <summary>
    /// 无法结算：未计分 — the case is unmatched and the profile's unmatched rule gives it no score (<c>not_scored</c>, or
    /// <c>cost_ratio</c> without a regional mean cost), so there is no settlement line.
    /// </summary>
    public const string PriceNotScored = "DIP_PRICE_NOT_SCORED";

    /// <summary>无法结算：缺少出院日期 — the case has no discharge date, so no settlement month.</summary>
    public const string PriceDischargeDateMissing = "DIP_PRICE_DISCHARGE_DATE_MISSING";

    /// <summary>无法结算：缺少医疗机构编码 — the case has no hospital id, so the line has no hospital.</summary>
    public const string PriceHospitalMissing = "DIP_PRICE_HOSPITAL_MISSING";

    /// <summary>无法结算：缺少病例编号 — the case has no id, so the line has no line id.</summary>
    public const string PriceCaseIdMissing = "DIP_PRICE_CASE_ID_MISSING";
}
