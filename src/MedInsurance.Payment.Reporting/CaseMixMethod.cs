namespace MedInsurance.Payment.Reporting;

/// <summary>病例组合指数口径 — which payment method's definition of the case-mix index (CMI) applies (see <see cref="CaseMixIndex"/>).</summary>
public enum CaseMixMethod
{
    /// <summary>按疾病诊断相关分组付费 (DRG) — CMI is the mean relative weight (RW) of the hospital's DRG cases.</summary>
    Drg = 0,

    /// <summary>按病种分值付费 (DIP) — CMI is the hospital's mean DIP case score ÷ the region's mean DIP case score.</summary>
    Dip = 1,
}
