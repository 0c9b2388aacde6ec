namespace MedInsurance.Payment.Settlement;

/// <summary>特例单议 — the special-case review status of a settlement line, as decided by the agency.</summary>
public enum SpecialReviewStatus
{
    /// <summary>未申报 — not submitted; paid by its basis.</summary>
    None = 0,

    /// <summary>核准 — approved by the agency; paid by the approved amount. Approvals beyond the pooling region's cap are still paid as decided and reported.</summary>
    Approved = 1,

    /// <summary>未核准 — rejected; paid by its basis.</summary>
    Rejected = 2,
}
