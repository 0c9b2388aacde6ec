namespace MedInsurance.Payment.Drg.Grouping;

/// <summary>分组状态 — the outcome of grouping one case.</summary>
public enum DrgStatus
{
    /// <summary>分组成功 — grouped into a DRG.</summary>
    Grouped = 0,

    /// <summary>歧义组 — ambiguous (xQY): an operating-room procedure unrelated to the main diagnosis's MDC.</summary>
    Ambiguous = 1,

    /// <summary>无法入组（0000） — no MDC, ADRG or DRG admits the case; the reason is an issue.</summary>
    Ungroupable = 2,

    /// <summary>数据不合格 — the input has errors (coded issues) and was not grouped.</summary>
    Rejected = 3,
}
