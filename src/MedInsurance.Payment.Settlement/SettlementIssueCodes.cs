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

    /// <summary>支付方式与地区政策不符 — the case's payment method is not settled by this policy (e.g. a DRG case in a DIP region).</summary>
    public const string MethodNotSettled = "SETTLE_METHOD_NOT_SETTLED";

    /// <summary>险种不在政策的资金池中 — the case's fund has no pool in the policy.</summary>
    public const string FundNotConfigured = "SETTLE_FUND_NOT_CONFIGURED";

    /// <summary>支付单元（权重/分值）为负 — the payment units (weight or score) are negative.</summary>
    public const string UnitsNegative = "SETTLE_UNITS_NEGATIVE";

    /// <summary>支付单元小数位超过政策精度，已按规则舍入 — the units have more decimals than the policy keeps; rounded by the named rule.</summary>
    public const string UnitsRounded = "SETTLE_UNITS_ROUNDED";

    /// <summary>特例单议病例超过比例上限，超出部分按病组支付 — special-review cases exceed the cap; the excess is paid by group.</summary>
    public const string SpecialReviewOverCap = "SETTLE_SPECIAL_REVIEW_OVER_CAP";

    /// <summary>特例单议核准金额缺失 — an approved special-review case has no approved item amount.</summary>
    public const string SpecialReviewAmountMissing = "SETTLE_SPECIAL_REVIEW_AMOUNT_MISSING";

    /// <summary>金额字段无效 — an amount field is not a number exact to the fen.</summary>
    public const string AmountInvalid = "SETTLE_AMOUNT_INVALID";

    /// <summary>必填字段缺失 — a required field is missing.</summary>
    public const string FieldRequired = "SETTLE_FIELD_REQUIRED";

    /// <summary>字段取值无效 — a field has a value outside its domain.</summary>
    public const string FieldInvalid = "SETTLE_FIELD_INVALID";

    /// <summary>病例编号重复 — the case id occurs more than once.</summary>
    public const string CaseIdDuplicated = "SETTLE_CASE_ID_DUPLICATED";

    /// <summary>考核得分缺失，按0分处理 — the assessment score is missing; 0 is used.</summary>
    public const string AssessmentScoreMissing = "SETTLE_ASSESSMENT_SCORE_MISSING";

    /// <summary>月度拨付记录重复 — a monthly payment row repeats a hospital and month.</summary>
    public const string MonthlyPaymentDuplicated = "SETTLE_MONTHLY_PAYMENT_DUPLICATED";

    /// <summary>资金池总分值为零，无法计算浮动点值 — a pool has no points, so no floating value can be set.</summary>
    public const string PoolWithoutUnits = "SETTLE_POOL_WITHOUT_UNITS";
}
