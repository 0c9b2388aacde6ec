using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace MedInsurance.Payment.Dip;

/// <summary>测算报告 — what the catalog builder built: counts per kind, coverage, CVs, thresholds and exclusions.</summary>
public sealed class DipBuildReport
{
    /// <summary>首年 — the oldest history year used.</summary>
    public int FirstYear { get; init; }

    /// <summary>末年 — the newest history year used.</summary>
    public int LastYear { get; init; }

    /// <summary>年度权重 — the weights, oldest first.</summary>
    public IReadOnlyList<decimal> YearWeights { get; init; } = Array.Empty<decimal>();

    /// <summary>历史病例数 — cases given.</summary>
    public int HistoryCases { get; init; }

    /// <summary>纳入病例数 — cases used.</summary>
    public int IncludedCases { get; init; }

    /// <summary>无主要诊断剔除 — cases without a main diagnosis.</summary>
    public int ExcludedNoDiagnosis { get; init; }

    /// <summary>无费用剔除 — cases with no positive total cost.</summary>
    public int ExcludedNoCost { get; init; }

    /// <summary>年份外剔除 — cases outside the weighted years.</summary>
    public int ExcludedYear { get; init; }

    /// <summary>截尾病例数 — included cases outside their group's percentile band (kept in the group, left out of its mean).</summary>
    public int TrimmedCases { get; init; }

    /// <summary>核心病种临界值 — the threshold used.</summary>
    public int CoreThreshold { get; init; }

    /// <summary>组合数 — distinct diagnosis + procedure combinations in the history.</summary>
    public int Combinations { get; init; }

    /// <summary>相关操作独立成组数 — combinations with related procedures that formed their own group (≥ 10% rule).</summary>
    public int RelatedSplits { get; init; }

    /// <summary>相关操作并入数 — combinations with related procedures merged into their diagnosis + main-procedure group.</summary>
    public int RelatedMerged { get; init; }

    /// <summary>各类病种数 — groups per kind.</summary>
    public IReadOnlyDictionary<DipGroupKind, int> GroupsByKind { get; init; } = new Dictionary<DipGroupKind, int>();

    /// <summary>各类病例数 — included cases per group kind.</summary>
    public IReadOnlyDictionary<DipGroupKind, int> CasesByKind { get; init; } = new Dictionary<DipGroupKind, int>();

    /// <summary>各类平均变异系数 — case-weighted mean CV per group kind.</summary>
    public IReadOnlyDictionary<DipGroupKind, decimal> MeanCvByKind { get; init; } = new Dictionary<DipGroupKind, decimal>();

    /// <summary>核心病种覆盖率 — the share of included cases in core and primary-care groups.</summary>
    public decimal CoreCoverage { get; init; }

    /// <summary>全部病例均费 — M, the weighted regional mean cost.</summary>
    public Money RegionalMeanCost { get; init; }

    /// <summary>辅助分型系数数 — auxiliary coefficients that met the trigger conditions.</summary>
    public int AuxiliaryCoefficients { get; init; }

    /// <summary>分病种级别系数数 — group-specific level coefficients.</summary>
    public int GroupLevelCoefficients { get; init; }

    /// <summary>级别系数 — the level coefficients.</summary>
    public IReadOnlyDictionary<string, Coefficient> LevelCoefficients { get; init; } = new Dictionary<string, Coefficient>();

    /// <summary>报告文本 — the report as text (stable; used by the CLI and approval tests).</summary>
    /// <returns>The text.</returns>
    public string ToText()
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append("DIP catalog build report (病种目录测算报告)\n");
        sb.Append("years: ").Append(FirstYear.ToString(inv)).Append('-').Append(LastYear.ToString(inv))
            .Append(", weights ").Append(string.Join(":", YearWeights.Select(w => w.ToString(inv)))).Append('\n');
        sb.Append("history cases: ").Append(HistoryCases.ToString(inv)).Append(", included ").Append(IncludedCases.ToString(inv))
            .Append(", excluded: no diagnosis ").Append(ExcludedNoDiagnosis.ToString(inv))
            .Append(", no cost ").Append(ExcludedNoCost.ToString(inv))
            .Append(", outside years ").Append(ExcludedYear.ToString(inv)).Append('\n');
        sb.Append("trimmed from means: ").Append(TrimmedCases.ToString(inv)).Append('\n');
        sb.Append("combinations: ").Append(Combinations.ToString(inv)).Append(", core threshold ").Append(CoreThreshold.ToString(inv))
            .Append(", related procedures split ").Append(RelatedSplits.ToString(inv)).Append(", merged ").Append(RelatedMerged.ToString(inv)).Append('\n');
        sb.Append("regional mean cost M: ").Append(RegionalMeanCost.ToString()).Append('\n');
        sb.Append("kind            groups     cases   mean CV\n");
        foreach (DipGroupKind kind in new[] { DipGroupKind.Core, DipGroupKind.PrimaryCare, DipGroupKind.Comprehensive, DipGroupKind.PerDiem, DipGroupKind.Tcm })
        {
            GroupsByKind.TryGetValue(kind, out var groups);
            CasesByKind.TryGetValue(kind, out var cases);
            MeanCvByKind.TryGetValue(kind, out var cv);
            sb.Append(string.Format(inv, "{0,-14} {1,7} {2,9} {3,9:0.0000}\n", DipCaseResult.KindText(kind), groups, cases, cv));
        }

        sb.Append("core coverage: ").Append((CoreCoverage * 100m).ToString("0.00", inv)).Append("%\n");
        sb.Append("auxiliary coefficients: ").Append(AuxiliaryCoefficients.ToString(inv))
            .Append(", group level coefficients: ").Append(GroupLevelCoefficients.ToString(inv)).Append('\n');
        sb.Append("level coefficients: ").Append(LevelCoefficients.Count == 0
            ? "none"
            : string.Join(", ", LevelCoefficients.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + "=" + p.Value.Value.ToString(inv)))).Append('\n');
        return sb.ToString();
    }
}

/// <summary>测算结果 — the catalog, the report and which group each history case fell in.</summary>
public sealed class DipBuildResult
{
    internal DipBuildResult(DipCatalog catalog, DipBuildReport report, int[] assignments)
    {
        Catalog = catalog;
        Report = report;
        Assignments = assignments;
    }

    /// <summary>病种目录 — the catalog.</summary>
    public DipCatalog Catalog { get; }

    /// <summary>测算报告 — the report.</summary>
    public DipBuildReport Report { get; }

    /// <summary>病例入组 — for each history case (input order), the index of its group in <see cref="DipCatalog.Groups"/>, or −1 when excluded.</summary>
    public IReadOnlyList<int> Assignments { get; }
}
