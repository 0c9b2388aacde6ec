namespace MedInsurance.Payment.Cases;

/// <summary>性别 — sex as coded in the settlement list (GB/T 2261.1).</summary>
public enum Sex
{
    /// <summary>未知的性别 — unknown (code 0).</summary>
    Unknown = 0,

    /// <summary>男 — male (code 1).</summary>
    Male = 1,

    /// <summary>女 — female (code 2).</summary>
    Female = 2,

    /// <summary>未说明的性别 — not stated (code 9).</summary>
    NotStated = 9,
}
