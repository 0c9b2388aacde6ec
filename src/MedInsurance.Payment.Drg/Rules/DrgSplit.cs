namespace MedInsurance.Payment.Drg.Rules;

/// <summary>DRG细分 — what the fourth character of a DRG code means (CHS-DRG 1.1 §3.2: 1 伴MCC, 3 伴CC, 5 不伴, 9 不细分).</summary>
public enum DrgSplit
{
    /// <summary>其他 — a digit this library does not interpret (some local editions); never chosen automatically.</summary>
    Other = 0,

    /// <summary>1 伴严重并发症或合并症 — with MCC.</summary>
    WithMcc = 1,

    /// <summary>3 伴一般并发症或合并症 — with CC.</summary>
    WithCc = 3,

    /// <summary>5 不伴并发症或合并症 — without CC/MCC.</summary>
    WithoutCc = 5,

    /// <summary>9 未作区分 — the ADRG is not split.</summary>
    NotSplit = 9,
}
