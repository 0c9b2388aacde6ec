namespace MedInsurance.Payment.Drg.Pricing;

/// <summary>
/// DRG结算定价问题代码 — the stable codes of the reasons a grouped case gives no settlement line
/// (<see cref="DrgSettlementPricing"/>). Each is an error naming the field to fix; messages never repeat patient values.
/// </summary>
public static class DrgPricingIssueCodes
{
    /// <summary>病例未分组（数据不合格） — the grouper rejected the case's input; field <c>drg</c>.</summary>
    public const string NotGrouped = "DRG_PRICE_NOT_GROUPED";

    /// <summary>无法入组（0000） — the case is ungroupable; field <c>drg</c>.</summary>
    public const string Ungroupable = "DRG_PRICE_UNGROUPABLE";

    /// <summary>歧义组（QY） — the case is in an ambiguous group, which has no weight; field <c>drg</c>.</summary>
    public const string Ambiguous = "DRG_PRICE_AMBIGUOUS";

    /// <summary>权重表中无该DRG — the case's DRG is not in the weight table; field <c>weight</c>.</summary>
    public const string WeightMissing = "DRG_PRICE_WEIGHT_MISSING";

    /// <summary>该DRG权重为空 — the weight table lists the DRG with an empty (zero) weight; field <c>weight</c>.</summary>
    public const string WeightBlank = "DRG_PRICE_WEIGHT_BLANK";

    /// <summary>权重为负 — the weight given for the DRG is negative; field <c>weight</c>.</summary>
    public const string WeightNegative = "DRG_PRICE_WEIGHT_NEGATIVE";

    /// <summary>缺少出院日期，无法确定结算月份 — no discharge date, so no settlement month; field <c>discharge_date</c>.</summary>
    public const string DischargeDateMissing = "DRG_PRICE_DISCHARGE_DATE_MISSING";

    /// <summary>
    /// 分组方案表不在有效期内 — the case was discharged outside the regional table's <see cref="DrgRegionalTable.EffectiveFrom"/>–<see cref="DrgRegionalTable.EffectiveTo"/>;
    /// field <c>discharge_date</c>.
    /// </summary>
    public const string TableNotInForce = "DRG_PRICE_TABLE_NOT_IN_FORCE";

    /// <summary>定价政策不在有效期内 — the case was discharged outside the pricing policy's <see cref="DrgPricingPolicy.EffectiveFrom"/>–<see cref="DrgPricingPolicy.EffectiveTo"/> (field <c>discharge_date</c>).</summary>
    public const string PolicyNotInForce = "DRG_PRICE_POLICY_NOT_IN_FORCE";

    /// <summary>缺少医疗机构代码 — the case has no hospital id; field <c>hospital_id</c>.</summary>
    public const string HospitalMissing = "DRG_PRICE_HOSPITAL_MISSING";

    /// <summary>医疗机构不在机构清单中 — the case's hospital has no coefficient in the hospital list; field <c>hospital_id</c>.</summary>
    public const string HospitalUnknown = "DRG_PRICE_HOSPITAL_UNKNOWN";

    /// <summary>
    /// 医疗机构信息无效 — the case's hospital is in the hospital list but its row failed validation (level, type, duplicated
    /// id), so neither its level nor its coefficient can be trusted; field <c>hospital_id</c>.
    /// </summary>
    public const string HospitalInvalid = "DRG_PRICE_HOSPITAL_INVALID";

    /// <summary>医院系数无效 — the hospital's coefficient is not a number in (0, 10]; field <c>coefficient</c>.</summary>
    public const string CoefficientInvalid = "DRG_PRICE_COEFFICIENT_INVALID";

    /// <summary>费用为负 — a cost the line carries (total, patient paid, fund paid) is negative; field the cost column.</summary>
    public const string AmountNegative = "DRG_PRICE_AMOUNT_NEGATIVE";

    /// <summary>医院等级未知 — the policy prices by level and the hospital is not rated 1–3; field <c>level</c>.</summary>
    public const string LevelUnknown = "DRG_PRICE_LEVEL_UNKNOWN";

    /// <summary>无适用费率 — the policy has no rate for the case's fund and level; field <c>rate</c>.</summary>
    public const string RateMissing = "DRG_PRICE_RATE_MISSING";

    /// <summary>缺少病组例均费用 — the outliers compare with the group mean and the table has none for the DRG at the level; field <c>mean_cost</c>.</summary>
    public const string MeanMissing = "DRG_PRICE_MEAN_MISSING";

    /// <summary>定价政策JSON无效 — the pricing policy is not readable JSON or lacks a required field.</summary>
    public const string PolicyJsonInvalid = "DRG_PRICE_POLICY_JSON_INVALID";

    /// <summary>定价政策取值无效 — a pricing-policy value is out of range or unknown.</summary>
    public const string PolicyValueInvalid = "DRG_PRICE_POLICY_VALUE_INVALID";
}
