namespace MedInsurance.Payment.Settlement;

/// <summary>
/// 结算问题代码 — the stable codes of data problems found by the settlement layer (case lines, hospitals,
/// monthly payments). They are reported as <see cref="Validation.ValidationIssue"/>s, never thrown.
/// </summary>
public static class SettlementIssueCodes
{
    /// <summary>病例所属医疗机构不在机构清单中 — the case's hospital is not in the hospital list.</summary>
    public const string HospitalUnknown = "SETTLE_HOSPITAL_UNKNOWN";

    /// <summary>出院月份不在1–12 — the discharge month is outside 1–12.</summary>
    public const string MonthOutOfRange = "SETTLE_MONTH_OUT_OF_RANGE";

    /// <summary>点数为负 — the points are negative.</summary>
    public const string UnitsNegative = "SETTLE_UNITS_NEGATIVE";

    /// <summary>支付单元小数位超过政策精度，已按规则舍入 — the units have more decimals than the policy keeps; rounded by the named rule.</summary>
    public const string UnitsRounded = "SETTLE_UNITS_ROUNDED";

    /// <summary>特例单议核准金额缺失 — an approved special-review case has no approved item amount.</summary>
    public const string SpecialReviewAmountMissing = "SETTLE_SPECIAL_REVIEW_AMOUNT_MISSING";

    /// <summary>金额字段无效 — an amount field is not a number exact to the fen.</summary>
    public const string AmountInvalid = "SETTLE_AMOUNT_INVALID";

    /// <summary>必填字段缺失 — a required field is missing.</summary>
    public const string FieldRequired = "SETTLE_FIELD_REQUIRED";

    /// <summary>字段取值无效 — a field has a value outside its domain.</summary>
    public const string FieldInvalid = "SETTLE_FIELD_INVALID";

    /// <summary>考核得分缺失，按0分处理 — the assessment score is missing; 0 is used.</summary>
    public const string AssessmentScoreMissing = "SETTLE_ASSESSMENT_SCORE_MISSING";

    /// <summary>月度拨付记录重复 — a monthly payment row repeats a hospital and month.</summary>
    public const string MonthlyPaymentDuplicated = "SETTLE_MONTHLY_PAYMENT_DUPLICATED";

    /// <summary>资金池总分值为零，无法计算浮动点值 — a pool has no points, so no floating value can be set.</summary>
    public const string PoolWithoutUnits = "SETTLE_POOL_WITHOUT_UNITS";

    /// <summary>结算行编号重复 — the line id occurs more than once.</summary>
    public const string LineIdDuplicated = "SETTLE_LINE_ID_DUPLICATED";

    /// <summary>金额为负 — a money field is negative.</summary>
    public const string AmountNegative = "SETTLE_AMOUNT_NEGATIVE";

    /// <summary>结算依据缺失 — the line has neither points nor an amount.</summary>
    public const string BasisMissing = "SETTLE_BASIS_MISSING";

    /// <summary>结算依据冲突 — the line has both points and an amount.</summary>
    public const string BasisAmbiguous = "SETTLE_BASIS_AMBIGUOUS";

    /// <summary>资金池不存在 — no pool of the policy settles the line's fund and point system.</summary>
    public const string PoolUnknown = "SETTLE_POOL_UNKNOWN";

    /// <summary>该支付方式不适用特例单议 — the policy sets no special-review cap for the line's method; paid by its basis.</summary>
    public const string SpecialReviewNotApplicable = "SETTLE_SPECIAL_REVIEW_NOT_APPLICABLE";

    /// <summary>特例单议核准病例超过统筹地区比例上限 (warning) — approvals exceed the region's cap; they are paid as approved and reported.</summary>
    public const string SpecialReviewOverRegionalCap = "SETTLE_SPECIAL_REVIEW_OVER_REGIONAL_CAP";

    /// <summary>缺少按项目基金支付，无法进行风险分担 (warning) — lines carry no item-based fund amount; the payable is paid as computed.</summary>
    public const string RiskSharingNotApplicable = "SETTLE_RISK_SHARING_NOT_APPLICABLE";

    /// <summary>月度拨付记录的医疗机构不在机构清单中 — a monthly payment names an unknown hospital.</summary>
    public const string MonthlyPaymentHospitalUnknown = "SETTLE_MONTHLY_PAYMENT_HOSPITAL_UNKNOWN";

    /// <summary>考核得分超出范围 — the assessment score is outside 0–100.</summary>
    public const string AssessmentScoreOutOfRange = "SETTLE_ASSESSMENT_SCORE_OUT_OF_RANGE";

    /// <summary>弹性点值缺少基准点数 (warning) — an elastic pool has neither base points nor last year's points for a hospital; its points are all increment.</summary>
    public const string ElasticBaseMissing = "SETTLE_ELASTIC_BASE_MISSING";

    /// <summary>点数或金额超出可计算范围 — a value is beyond what the settlement arithmetic can hold.</summary>
    public const string ValueOutOfRange = "SETTLE_VALUE_OUT_OF_RANGE";

    /// <summary>医疗机构行无效 — the line's hospital is in the hospital file, but its row there was rejected (named so, not as unknown).</summary>
    public const string HospitalInvalid = "SETTLE_HOSPITAL_INVALID";

    /// <summary>点数体系冲突 — the line names a point system other than the one the policy converts its method's amounts into (全区域点数法).</summary>
    public const string PointSystemConflict = "SETTLE_POINT_SYSTEM_CONFLICT";

    /// <summary>旧格式权重列 (warning) — a legacy <c>weight</c> column was read as points: a DRG weight before the hospital's coefficient; price DRG cases into lines instead.</summary>
    public const string LegacyWeightColumn = "SETTLE_LEGACY_WEIGHT_COLUMN";
}
