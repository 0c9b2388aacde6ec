using System;

namespace MedInsurance.Payment.Dip;

/// <summary>入组方式 — how the grouper placed a case (payment-rules.md §3, matching a case).</summary>
public enum DipMatchKind
{
    /// <summary>未分组 — the case was rejected before grouping.</summary>
    None = 0,

    /// <summary>精确匹配 — diagnosis + main procedure + exactly the group's related procedures.</summary>
    Exact = 1,

    /// <summary>相关操作最多匹配 — the group whose related procedures, all present on the case, are the most.</summary>
    MostRelatedProcedures = 2,

    /// <summary>诊断+主要操作 — diagnosis and main procedure (or diagnosis alone for conservative treatment).</summary>
    DiagnosisAndMainProcedure = 3,

    /// <summary>综合病种 — the comprehensive group of the diagnosis category and procedure class.</summary>
    Comprehensive = 4,

    /// <summary>床日病种 — a per-diem group (long stay).</summary>
    PerDiem = 5,

    /// <summary>未入组 — no group matched; the profile's unmatched rule applies.</summary>
    Unmatched = 6,
}

/// <summary>结果状态 — the outcome of scoring a case.</summary>
public enum DipCaseStatus
{
    /// <summary>已计分 — the case has a group and a score.</summary>
    Scored = 0,

    /// <summary>未入组 — no group matched (the score follows the profile's unmatched rule, possibly zero).</summary>
    Unmatched = 1,

    /// <summary>拒绝 — the case cannot be scored (missing main diagnosis or total cost).</summary>
    Rejected = 2,
}

/// <summary>费用偏差类型 — the cost-deviation class of a case (payment-rules.md §3, cost-deviation cases).</summary>
public enum DipDeviation
{
    /// <summary>正常 — within the bounds.</summary>
    Normal = 0,

    /// <summary>费用超低 — below the low bound.</summary>
    Low = 1,

    /// <summary>费用超高 — above the high bound.</summary>
    High = 2,

    /// <summary>费用极高 — above the extreme bound (special review in most profiles).</summary>
    Extreme = 3,
}

/// <summary>提示 — conditions noted while scoring a case, reported as issue codes (<see cref="DipIssueCodes"/>).</summary>
[Flags]
public enum DipCaseFlags
{
    /// <summary>无.</summary>
    None = 0,

    /// <summary>缺少主要诊断 — <see cref="DipIssueCodes.MainDiagnosisMissing"/>.</summary>
    MainDiagnosisMissing = 1,

    /// <summary>总费用缺失或非正 — <see cref="DipIssueCodes.CostMissing"/>.</summary>
    CostMissing = 2,

    /// <summary>医疗机构未知 — <see cref="DipIssueCodes.HospitalUnknown"/>.</summary>
    HospitalUnknown = 4,

    /// <summary>无医院系数 — <see cref="DipIssueCodes.HospitalCoefficientMissing"/>; 1 was used.</summary>
    HospitalCoefficientMissing = 8,

    /// <summary>手术操作属性未知 — <see cref="DipIssueCodes.ProcedureAttributeUnknown"/>.</summary>
    ProcedureAttributeUnknown = 16,

    /// <summary>病种均费缺失 — <see cref="DipIssueCodes.GroupMeanMissing"/>; no ratio, no deviation rule.</summary>
    GroupMeanMissing = 32,

    /// <summary>未入组 — <see cref="DipIssueCodes.Unmatched"/>.</summary>
    Unmatched = 64,

    /// <summary>病例分值超出范围 — <see cref="DipIssueCodes.ScoreOutOfRange"/>; the case is rejected.</summary>
    ScoreOutOfRange = 128,

    /// <summary>
    /// 无同级别次均费用 — <see cref="DipIssueCodes.LevelMeanMissing"/>: under <see cref="DipRatioBasis.SameLevelMean"/> the
    /// group has no mean cost at the hospital's level, so the ratio is against the group's regional mean.
    /// </summary>
    LevelMeanMissing = 256,

    /// <summary>机构行无效 — <see cref="DipIssueCodes.HospitalInvalid"/>: the hospital's row failed validation; the case is rejected.</summary>
    HospitalInvalid = 512,

    /// <summary>目录不在有效期 — <see cref="DipIssueCodes.CatalogNotInForce"/>: discharged outside the catalog's effective dates; the case is rejected.</summary>
    CatalogNotInForce = 1024,

    /// <summary>
    /// 病例未通过基础校验 — <see cref="DipIssueCodes.CaseInvalid"/>: the case fails the basic settlement-list checks that every
    /// payment method shares (Core <c>InpatientCaseValidator</c>: length of stay, ages, newborn weight, date order, negative
    /// amounts …); the case is rejected. A missing main diagnosis keeps its own flag.
    /// </summary>
    CaseInvalid = 2048,
}
