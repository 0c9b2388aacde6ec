using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using MedInsurance.Payment.Validation;

namespace MedInsurance.Payment.Dip;

/// <summary>
/// 病例计分结果 — the score of one case: group, kind, how it matched, ratio, deviation class, base score,
/// coefficients applied, case score and review flag. A value type, so scoring allocates nothing; the
/// human-readable trace is built only on request (<see cref="Trace"/>).
/// </summary>
public readonly struct DipCaseResult : IEquatable<DipCaseResult>
{
    /// <summary>The most flag combinations whose issue lists are kept (a file repeats a handful; past this, lists are built per call).</summary>
    private const int MaxCachedFlagCombinations = 1024;

    private static readonly ConcurrentDictionary<DipCaseFlags, IReadOnlyList<ValidationIssue>> IssuesByFlags = new();

    internal DipCaseResult(
        DipCaseStatus status,
        DipGroup? group,
        DipMatchKind match,
        Money cost,
        decimal ratioBasis,
        DipDeviation deviation,
        Score baseScore,
        Coefficient hospitalCoefficient,
        bool hospitalCoefficientApplied,
        Coefficient auxiliaryCoefficient,
        DipAuxiliaryType auxiliaryType,
        Score caseScore,
        bool review,
        DipCaseFlags flags)
    {
        Status = status;
        Group = group;
        Match = match;
        Cost = cost;
        RatioBasis = ratioBasis;
        Deviation = deviation;
        BaseScore = baseScore;
        HospitalCoefficient = hospitalCoefficient;
        HospitalCoefficientApplied = hospitalCoefficientApplied;
        AuxiliaryCoefficient = auxiliaryCoefficient;
        AuxiliaryType = auxiliaryType;
        CaseScore = caseScore;
        Review = review;
        Flags = flags;
    }

    /// <summary>状态 — scored, unmatched or rejected.</summary>
    public DipCaseStatus Status { get; }

    /// <summary>病种 — the group, or null when unmatched or rejected.</summary>
    public DipGroup? Group { get; }

    /// <summary>入组方式 — how the case matched.</summary>
    public DipMatchKind Match { get; }

    /// <summary>医疗总费用 — the case's total cost.</summary>
    public Money Cost { get; }

    /// <summary>倍率基准值 — the yuan amount the cost was divided by (0 when no ratio was computed).</summary>
    public decimal RatioBasis { get; }

    /// <summary>费用偏差倍率 — cost ÷ basis, computed on request (0 when there is no basis).</summary>
    public decimal Ratio => RatioBasis == 0m ? 0m : Cost.Yuan / RatioBasis;

    /// <summary>偏差类型 — normal, low, high or extreme.</summary>
    public DipDeviation Deviation { get; }

    /// <summary>病种分值 — the group score (× length of stay for per-diem groups).</summary>
    public Score BaseScore { get; }

    /// <summary>医院系数 — the hospital coefficient resolved for the case (1 for primary-care groups when skipped).</summary>
    public Coefficient HospitalCoefficient { get; }

    /// <summary>是否乘医院系数 — whether the hospital coefficient was multiplied in (false for primary-care and, in some profiles, deviation cases).</summary>
    public bool HospitalCoefficientApplied { get; }

    /// <summary>辅助分型系数 — the auxiliary coefficient applied (1 when none).</summary>
    public Coefficient AuxiliaryCoefficient { get; }

    /// <summary>辅助分型 — the winning auxiliary subtype.</summary>
    public DipAuxiliaryType AuxiliaryType { get; }

    /// <summary>病例分值 — the case score after coefficients and the deviation rule.</summary>
    public Score CaseScore { get; }

    /// <summary>特例单议 — whether the case is flagged for special review.</summary>
    public bool Review { get; }

    /// <summary>提示 — conditions noted while scoring.</summary>
    public DipCaseFlags Flags { get; }

    /// <summary>病种类型文本 — <c>core|comprehensive|primary_care|per_diem|tcm|unmatched</c>.</summary>
    public string GroupKindText => Group is null ? "unmatched" : KindText(Group.Kind);

    /// <summary>The text of a group kind as written in CSV files.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The text.</returns>
    public static string KindText(DipGroupKind kind) => kind switch
    {
        DipGroupKind.Core => "core",
        DipGroupKind.Comprehensive => "comprehensive",
        DipGroupKind.PrimaryCare => "primary_care",
        DipGroupKind.PerDiem => "per_diem",
        DipGroupKind.Tcm => "tcm",
        _ => "unmatched",
    };

    /// <summary>问题 — the flags as coded issues (warnings, except the rejection reasons which are errors).</summary>
    /// <returns>The issues (a shared read-only list: the issues are a function of the flags, and a file of a million cases
    /// repeats a handful of flag combinations).</returns>
    public IReadOnlyList<ValidationIssue> Issues()
    {
        if (Flags == DipCaseFlags.None)
        {
            return Array.Empty<ValidationIssue>();
        }

        if (IssuesByFlags.TryGetValue(Flags, out var issues))
        {
            return issues;
        }

        issues = BuildIssues(Flags);
        if (IssuesByFlags.Count < MaxCachedFlagCombinations)
        {
            IssuesByFlags.TryAdd(Flags, issues);
        }

        return issues;
    }

    private static System.Collections.ObjectModel.ReadOnlyCollection<ValidationIssue> BuildIssues(DipCaseFlags flags)
    {
        var list = new List<ValidationIssue>();
        if ((flags & DipCaseFlags.MainDiagnosisMissing) != 0)
        {
            list.Add(ValidationIssue.Error(DipIssueCodes.MainDiagnosisMissing, "diagnoses", "缺少主要诊断，无法入组", "No main diagnosis: the case cannot be grouped."));
        }

        if ((flags & DipCaseFlags.CostMissing) != 0)
        {
            list.Add(ValidationIssue.Error(DipIssueCodes.CostMissing, "total_cost", "医疗总费用缺失或不为正", "The total cost is missing, zero or negative."));
        }

        if ((flags & DipCaseFlags.CaseInvalid) != 0)
        {
            list.Add(ValidationIssue.Error(DipIssueCodes.CaseInvalid, "case", "病例未通过结算清单基础校验（见病例问题），不予计分", "The case fails the basic settlement-list checks (see the case's issues); it is not scored."));
        }

        if ((flags & DipCaseFlags.CatalogNotInForce) != 0)
        {
            list.Add(ValidationIssue.Error(DipIssueCodes.CatalogNotInForce, "discharge_date", "出院日期不在病种目录有效期内", "The discharge date is outside the catalog's effective dates."));
        }

        if ((flags & DipCaseFlags.HospitalInvalid) != 0)
        {
            list.Add(ValidationIssue.Error(DipIssueCodes.HospitalInvalid, "hospital_id", "医疗机构在机构表中的行未通过校验，病例不予计分", "The hospital's row in the hospitals file failed validation; the case is not scored."));
        }

        if ((flags & DipCaseFlags.HospitalUnknown) != 0)
        {
            list.Add(ValidationIssue.Warning(DipIssueCodes.HospitalUnknown, "hospital_id", "医疗机构不在机构表中，医院系数按1计", "The hospital is not in the hospitals file; coefficient 1 was used."));
        }

        if ((flags & DipCaseFlags.HospitalCoefficientMissing) != 0)
        {
            list.Add(ValidationIssue.Warning(DipIssueCodes.HospitalCoefficientMissing, "hospital_id", "无该级别医院系数，按1计", "No coefficient for the hospital's level; 1 was used."));
        }

        if ((flags & DipCaseFlags.ProcedureAttributeUnknown) != 0)
        {
            list.Add(ValidationIssue.Warning(DipIssueCodes.ProcedureAttributeUnknown, "procedures", "手术操作不在属性表中，按保守治疗计", "A procedure is not in the procedure-attribute table; it was treated as conservative."));
        }

        if ((flags & DipCaseFlags.GroupMeanMissing) != 0)
        {
            list.Add(ValidationIssue.Warning(DipIssueCodes.GroupMeanMissing, "group", "病种无次均费用，未判定费用偏差", "The group has no mean cost; no deviation rule was applied."));
        }

        if ((flags & DipCaseFlags.LevelMeanMissing) != 0)
        {
            list.Add(ValidationIssue.Warning(DipIssueCodes.LevelMeanMissing, "group", "病种无该级别医疗机构次均费用，按病种全市次均费用计算费用偏差", "The group has no mean cost at the hospital's level; the deviation ratio is against the group's regional mean."));
        }

        if ((flags & DipCaseFlags.Unmatched) != 0)
        {
            list.Add(ValidationIssue.Warning(DipIssueCodes.Unmatched, "diagnoses", "未匹配到病种", "No group matched."));
        }

        if ((flags & DipCaseFlags.ScoreOutOfRange) != 0)
        {
            list.Add(ValidationIssue.Error(DipIssueCodes.ScoreOutOfRange, "total_cost", "病例分值超出可表示范围，请核对医疗总费用", "The case score is beyond the representable range; check the total cost."));
        }

        return list.AsReadOnly(); // shared: read-only even through a cast
    }

    /// <summary>计算轨迹 — a one-line explanation of every step, for audit and debugging.</summary>
    /// <returns>The trace.</returns>
    public string Trace()
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append("status=").Append(Status);
        if (Group is { } g)
        {
            sb.Append("; group=").Append(g.Code).Append(" (").Append(KindText(g.Kind)).Append(", match ").Append(Match).Append(')');
        }
        else
        {
            sb.Append("; match ").Append(Match);
        }

        sb.Append("; base=").Append(BaseScore.Value.ToString(inv));
        sb.Append("; hospital×").Append(HospitalCoefficient.Value.ToString(inv)).Append(HospitalCoefficientApplied ? string.Empty : " (not applied)");
        sb.Append("; auxiliary×").Append(AuxiliaryCoefficient.Value.ToString(inv));
        if (AuxiliaryType != DipAuxiliaryType.None)
        {
            sb.Append(" (").Append(AuxiliaryType).Append(')');
        }

        if (RatioBasis != 0m)
        {
            sb.Append("; ratio=").Append(Cost.ToString()).Append('/').Append(RatioBasis.ToString(inv)).Append('=').Append(Ratio.ToString("0.####", inv));
            if ((Flags & DipCaseFlags.LevelMeanMissing) != 0)
            {
                sb.Append(" (regional group mean: no mean at the hospital's level)");
            }
        }

        sb.Append("; deviation=").Append(Deviation).Append("; score=").Append(CaseScore.Value.ToString(inv));
        if (Review)
        {
            sb.Append("; special review");
        }

        return sb.ToString();
    }

    /// <summary>Equality.</summary>
    /// <param name="other">The other value.</param>
    /// <returns>Whether equal.</returns>
    public bool Equals(DipCaseResult other) =>
        Status == other.Status && ReferenceEquals(Group, other.Group) && Match == other.Match && Cost == other.Cost
        && RatioBasis == other.RatioBasis && Deviation == other.Deviation && BaseScore == other.BaseScore
        && HospitalCoefficient == other.HospitalCoefficient && HospitalCoefficientApplied == other.HospitalCoefficientApplied
        && AuxiliaryCoefficient == other.AuxiliaryCoefficient && AuxiliaryType == other.AuxiliaryType
        && CaseScore == other.CaseScore && Review == other.Review && Flags == other.Flags;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is DipCaseResult other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => CaseScore.GetHashCode() ^ (int)Status ^ ((int)Deviation << 4);

    /// <summary>Equality.</summary>
    /// <param name="left">Left.</param>
    /// <param name="right">Right.</param>
    /// <returns>Whether equal.</returns>
    public static bool operator ==(DipCaseResult left, DipCaseResult right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    /// <param name="left">Left.</param>
    /// <param name="right">Right.</param>
    /// <returns>Whether different.</returns>
    public static bool operator !=(DipCaseResult left, DipCaseResult right) => !left.Equals(right);
}
