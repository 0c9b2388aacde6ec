namespace MedInsurance.Payment.Drg.Rules;

/// <summary>并发症或合并症级别 — whether a secondary diagnosis is a complication or comorbidity, and how severe.</summary>
public enum ComplicationLevel
{
    /// <summary>无 — not a complication or comorbidity.</summary>
    None = 0,

    /// <summary>一般并发症或合并症（CC） — a complication or comorbidity (6_CC.txt).</summary>
    Cc = 1,

    /// <summary>严重并发症或合并症（MCC） — a major complication or comorbidity (5_MCC.txt).</summary>
    Mcc = 2,
}
