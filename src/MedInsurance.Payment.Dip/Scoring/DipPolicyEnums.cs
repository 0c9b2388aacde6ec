namespace MedInsurance.Payment.Dip;

/// <summary>费用偏差倍率基准 — what a case's cost is divided by to get its deviation ratio (payment-rules.md §3).</summary>
public enum DipRatioBasis
{
    /// <summary>病种次均费用 — the group's regional mean cost (Jining).</summary>
    GroupMean = 0,

    /// <summary>
    /// 同级别次均费用 — the group's mean cost at the hospital's level (<see cref="DipGroup.LevelMeanCosts"/>; DIP 1.0
    /// technical specification 同级别定点医疗机构例均费用, Guangzhou); the group's regional mean, flagged
    /// <see cref="DipCaseFlags.LevelMeanMissing"/>, when the group has no cases at that level.
    /// </summary>
    SameLevelMean = 1,

    /// <summary>同级别支付标准 — score × point value × hospital coefficient × auxiliary coefficient (DIP 3.0 draft ch. 5 §3); needs a point value.</summary>
    SameLevelPaymentStandard = 2,
}

/// <summary>费用超低病例公式 — how a low-cost case is rescored.</summary>
public enum DipLowCaseFormula
{
    /// <summary>不调整 — not rescored.</summary>
    NotAdjusted = 0,

    /// <summary>分值 × 倍率 — score × ratio (DIP 1.0; with the payment-standard basis this equals cost ÷ point value, DIP 3.0 draft).</summary>
    ScoreTimesRatio = 1,
}

/// <summary>费用超高病例公式 — how a high-cost case is rescored.</summary>
public enum DipHighCaseFormula
{
    /// <summary>不调整 — not rescored (DIP 3.0 draft: reasonable ones go to special review).</summary>
    NotAdjusted = 0,

    /// <summary>分值 × (倍率 − 上限 + 1) — DIP 1.0 / Guangzhou base rule.</summary>
    RatioMinusThresholdPlusOne = 1,

    /// <summary>分值 × (倍率 − 上限 + 医院系数) — Jining: the hospital coefficient inside the formula.</summary>
    RatioMinusThresholdPlusHospitalCoefficient = 2,
}

/// <summary>费用极高病例公式 — how a case above the extreme bound is scored.</summary>
public enum DipExtremeCaseFormula
{
    /// <summary>同超高 — the high formula with the case's own ratio (DIP 1.0).</summary>
    SameAsHigh = 0,

    /// <summary>不调整 — score × hospital coefficient (Jining: &gt; 5× → score × coefficient plus special review).</summary>
    NotAdjusted = 1,

    /// <summary>封顶 — the high formula with the ratio capped at the extreme bound.</summary>
    CappedAtThreshold = 2,
}

/// <summary>未入组病例规则 — how an unmatched case is scored.</summary>
public enum DipUnmatchedRule
{
    /// <summary>不计分 — zero score, status unmatched.</summary>
    NotScored = 0,

    /// <summary>
    /// 按费用折算 — score = cost ÷ regional mean cost × score scale × factor (Jining [L]: coefficient = cost ÷ mean × 0.7).
    /// </summary>
    CostRatio = 1,
}

/// <summary>疾病严重程度分型方案 — which disease- and tumour-severity subtypes a profile's typing sets (payment-rules.md §3).</summary>
public enum DipSeverityTyping
{
    /// <summary>
    /// DIP 1.0 — 疾病严重程度 I-A short stay, II CC list, III MCC list, IV death; 肿瘤严重程度 metastasis / radiotherapy /
    /// chemotherapy / their combinations / death (subtypes 1–11).
    /// </summary>
    Dip1 = 0,

    /// <summary>
    /// DIP 3.0 draft (ch. 5 §2 二(四) 1) — 恶性肿瘤疾病严重程度 rules (1)–(7) for a main diagnosis that is a malignant tumour,
    /// 非恶性肿瘤疾病严重程度 death / 重度 / 中度 / 轻度 for every other case (subtypes 21–31).
    /// </summary>
    Dip3 = 1,
}
