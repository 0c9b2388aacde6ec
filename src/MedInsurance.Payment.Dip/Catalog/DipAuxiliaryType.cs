namespace MedInsurance.Payment.Dip;

/// <summary>
/// 辅助分型 — an auxiliary subtype of a DIP group (payment-rules.md §3, auxiliary types; DIP 3.0 draft ch. 5 §2 二).
/// A case may fall in several subtypes; the highest applicable coefficient wins (3.0 draft: 纳入该病种辅助分型触发系数最高的分型).
/// Disease and tumour severity follow the profile's <see cref="DipSeverityTyping"/>: values 1–11 the DIP 1.0 codes,
/// values 21–31 the DIP 3.0 draft's malignant and non-malignant rules. Age and ICU subtypes are named after the default
/// bands; the profile's <see cref="DipAuxiliaryBands"/> set their limits.
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

    /// <summary>恶性肿瘤疾病严重程度 (1) 死亡病例 — a malignant-tumour case that died (DIP 3.0 draft ch. 5 §2 二(四) 1, 一(1)).</summary>
    MalignantDeath = 21,

    /// <summary>
    /// 恶性肿瘤疾病严重程度 (2) 高费用病例类型一 — cost at least the profile's multiple (3) of the group's score cost standard
    /// (分值费用标准 = score × point value) and treatment cost without surgery (治疗费, 不含手术费) at least the profile's share (50%) of it.
    /// </summary>
    MalignantHighCostTreatment = 22,

    /// <summary>
    /// 恶性肿瘤疾病严重程度 (3) 高费用病例类型二 — cost at least the multiple of the score cost standard and drug cost (药品费用) at
    /// least the share of it.
    /// </summary>
    MalignantHighCostDrug = 23,

    /// <summary>
    /// 恶性肿瘤疾病严重程度 (4) 肿瘤有转移或其他部位并发 — a secondary diagnosis that is a malignant tumour of another category
    /// (类目) than the main diagnosis, and a stay of at least the profile's severity days (3 天以上).
    /// </summary>
    MalignantMetastasis = 24,

    /// <summary>恶性肿瘤疾病严重程度 (5) — a secondary diagnosis in 功能衰竭、休克、脓毒症 and a stay of at least the severity days.</summary>
    MalignantFailureShockSepsis = 25,

    /// <summary>恶性肿瘤疾病严重程度 (6) — a secondary diagnosis in 重要器官病损、重要脏器感染 and a stay of at least the severity days.</summary>
    MalignantOrganLesionInfection = 26,

    /// <summary>恶性肿瘤疾病严重程度 (7) 其他情况 — a malignant-tumour case that meets none of rules (1)–(6).</summary>
    MalignantOther = 27,

    /// <summary>非恶性肿瘤疾病严重程度 (1) 死亡病例 — a case whose main diagnosis is not a malignant tumour that died.</summary>
    NonMalignantDeath = 28,

    /// <summary>非恶性肿瘤疾病严重程度 (2) 重度 — severe: a secondary diagnosis in 功能衰竭、休克、脓毒症 and a stay of at least the severity days.</summary>
    NonMalignantSevere = 29,

    /// <summary>非恶性肿瘤疾病严重程度 (3) 中度 — moderate: a secondary diagnosis in 重要器官病损、重要脏器感染 and a stay of at least the severity days.</summary>
    NonMalignantModerate = 30,

    /// <summary>非恶性肿瘤疾病严重程度 (4) 轻度 — mild: every other case whose main diagnosis is not a malignant tumour.</summary>
    NonMalignantMild = 31,
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
