namespace MedInsurance.Payment.Dip;

/// <summary>
/// 辅助分型 — an auxiliary subtype of a DIP group (payment-rules.md §3, auxiliary types; DIP 3.0 draft ch. 5 §1).
/// A case may fall in several subtypes; the highest applicable coefficient wins.
/// </summary>
public enum DipAuxiliaryType
{
    /// <summary>无 — no subtype.</summary>
    None = 0,

    /// <summary>疾病严重程度 I-A 型 — short stay (length of stay at most the profile's short-stay days, default 3).</summary>
    SeverityShortStay = 1,

    /// <summary>疾病严重程度 II 型 — a secondary diagnosis on the region's CC list.</summary>
    SeverityCc = 2,

    /// <summary>疾病严重程度 III 型 — a secondary diagnosis on the region's MCC list.</summary>
    SeverityMcc = 3,

    /// <summary>疾病严重程度 IV 型 — death (离院方式 5).</summary>
    SeverityDeath = 4,

    /// <summary>肿瘤严重程度 — metastasis only.</summary>
    TumourMetastasis = 5,

    /// <summary>肿瘤严重程度 — radiotherapy only.</summary>
    TumourRadiotherapy = 6,

    /// <summary>肿瘤严重程度 — chemotherapy only.</summary>
    TumourChemotherapy = 7,

    /// <summary>肿瘤严重程度 — radiotherapy and chemotherapy.</summary>
    TumourRadioChemotherapy = 8,

    /// <summary>肿瘤严重程度 — metastasis with radiotherapy or chemotherapy.</summary>
    TumourMetastasisWithTherapy = 9,

    /// <summary>肿瘤严重程度 — metastasis with radiotherapy and chemotherapy.</summary>
    TumourMetastasisWithRadioChemotherapy = 10,

    /// <summary>肿瘤严重程度 — death of a tumour patient.</summary>
    TumourDeath = 11,

    /// <summary>年龄 — 0 to 28 days.</summary>
    AgeNeonate = 12,

    /// <summary>年龄 — 29 days to under 1 year.</summary>
    AgeInfant = 13,

    /// <summary>年龄 — 1 to 6 years.</summary>
    AgeChild = 14,

    /// <summary>年龄 — 7 to 17 years.</summary>
    AgeAdolescent = 15,

    /// <summary>年龄 — 65 years and over.</summary>
    AgeElderly = 16,

    /// <summary>重症监护 — 2 to 7 ICU days.</summary>
    Icu2To7 = 17,

    /// <summary>重症监护 — 8 to 14 ICU days.</summary>
    Icu8To14 = 18,

    /// <summary>重症监护 — 15 to 30 ICU days.</summary>
    Icu15To30 = 19,

    /// <summary>重症监护 — 31 ICU days or more.</summary>
    Icu31Plus = 20,
}

/// <summary>辅助分型系数 — the coefficient of one auxiliary subtype of a group: subtype mean ÷ group mean.</summary>
public readonly struct DipAuxiliaryCoefficient : System.IEquatable<DipAuxiliaryCoefficient>
{
    /// <summary>Creates a subtype coefficient.</summary>
    /// <param name="type">The subtype.</param>
    /// <param name="coefficient">The coefficient.</param>
    public DipAuxiliaryCoefficient(DipAuxiliaryType type, Coefficient coefficient)
    {
        Type = type;
        Coefficient = coefficient;
    }

    /// <summary>辅助分型 — the subtype.</summary>
    public DipAuxiliaryType Type { get; }

    /// <summary>调节系数 — the coefficient.</summary>
    public Coefficient Coefficient { get; }

    /// <summary>Whether both are equal.</summary>
    /// <param name="other">The other value.</param>
    /// <returns>Equality.</returns>
    public bool Equals(DipAuxiliaryCoefficient other) => Type == other.Type && Coefficient == other.Coefficient;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is DipAuxiliaryCoefficient other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => ((int)Type * 397) ^ Coefficient.GetHashCode();

    /// <summary>Equality.</summary>
    /// <param name="left">Left.</param>
    /// <param name="right">Right.</param>
    /// <returns>Whether equal.</returns>
    public static bool operator ==(DipAuxiliaryCoefficient left, DipAuxiliaryCoefficient right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    /// <param name="left">Left.</param>
    /// <param name="right">Right.</param>
    /// <returns>Whether different.</returns>
    public static bool operator !=(DipAuxiliaryCoefficient left, DipAuxiliaryCoefficient right) => !left.Equals(right);
}
