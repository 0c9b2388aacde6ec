namespace MedInsurance.Payment.Drg.Pricing;

/// <summary>倍率比较基准 — what a case's cost is compared with to find low and high cases.</summary>
public enum DrgOutlierComparator
{
    /// <summary>
    /// 支付标准 — the case's payment standard in yuan; in the point form, standard points × the policy's reference point
    /// value (参考点值).
    /// </summary>
    Standard = 0,

    /// <summary>病组例均费用 — the group's mean cost at the priced level, from the table's 例均费用 column (the Zhejiang form).</summary>
    GroupMean = 1,
}

/// <summary>倍率界值来源 — where the low and high thresholds come from.</summary>
public enum DrgThresholdSource
{
    /// <summary>倍数 — the policy's multiples × the comparator.</summary>
    Multiples = 0,

    /// <summary>分组表 — the table's own 低倍临界值/高倍临界值 at the priced level; a row without them uses the multiples.</summary>
    Table = 1,
}

/// <summary>病例支付规则 — how a low, high or incomplete case is paid.</summary>
public enum DrgOutlierPaymentRule
{
    /// <summary>按标准 — the group's standard, as a normal case.</summary>
    Standard = 0,

    /// <summary>按项目 — the case's total cost, as a money line (points form: a money line inside the pool).</summary>
    ByItem = 1,

    /// <summary>按费用比例 — standard × cost ÷ comparator.</summary>
    CostRatio = 2,

    /// <summary>按费用比例且不超过标准 — standard × min(cost ÷ comparator, 1) (the Jinhua form for incomplete stays).</summary>
    CostRatioCapped = 3,

    /// <summary>超出部分加付 — standard + standard × (cost − high threshold) ÷ comparator × share (the Zhejiang form with share 1).</summary>
    ExcessShare = 4,
}

/// <summary>病例类型 — how a priced DRG case was classified.</summary>
public enum DrgCaseKind
{
    /// <summary>正常病例 — paid the standard.</summary>
    Normal = 0,

    /// <summary>低倍率病例 — cost below the low threshold.</summary>
    Low = 1,

    /// <summary>高倍率病例 — cost at or above the high threshold.</summary>
    High = 2,

    /// <summary>未完成治疗病例 — a death or transfer within the policy's days (incomplete stay).</summary>
    IncompleteStay = 3,
}
