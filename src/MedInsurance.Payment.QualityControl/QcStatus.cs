namespace MedInsurance.Payment.QualityControl;

/// <summary>质控结论 — what quality control concludes about a case.</summary>
public enum QcStatus
{
    /// <summary>通过 — no error and no warning.</summary>
    Accepted = 0,

    /// <summary>警告 — warnings only; the case can be settled but should be reviewed.</summary>
    Warning = 1,

    /// <summary>不通过 — at least one error; the settlement list must be corrected.</summary>
    Rejected = 2,
}
