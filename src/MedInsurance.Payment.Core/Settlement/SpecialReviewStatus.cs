namespace MedInsurance.Payment.Settlement;

/// <summary>特例单议 — the special-case review status of a case line.</summary>
public enum SpecialReviewStatus
{
    /// <summary>未申报 — not submitted; paid by group or score.</summary>
    None = 0,

    /// <summary>核准 — approved; paid by the approved item amount (按项目) within the policy's cap.</summary>
    Approved = 1,

    /// <summary>未核准 — rejected; paid by group or score.</summary>
    Rejected = 2,
}
