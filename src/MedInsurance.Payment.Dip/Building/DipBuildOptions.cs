using System;
using System.Collections.Generic;

namespace MedInsurance.Payment.Dip;

/// <summary>分值测算方法 — how group scores are derived (payment-rules.md §3, score).</summary>
public enum DipScoreMethod
{
    /// <summary>平均费用法 — RW = m ÷ M × 1000, M = mean of all cases.</summary>
    AverageCost = 0,

    /// <summary>基准病种法 — RW = m ÷ m_benchmark × benchmark score.</summary>
    BenchmarkGroup = 1,

    /// <summary>标准定额法 — RW = m ÷ M (no ×1000).</summary>
    StandardQuota = 2,
}

/// <summary>医院系数测算方式 — how hospital-level coefficients are derived.</summary>
public enum DipLevelCoefficientMode
{
    /// <summary>不测算 — none.</summary>
    None = 0,

    /// <summary>按级别 — one coefficient per level.</summary>
    ByLevel = 1,

    /// <summary>按级别和病种 — per level, plus per group and level where the group has enough cases at that level.</summary>
    ByGroup = 2,
}

/// <summary>
/// 目录测算参数 — the parameters of the catalog builder, with the national defaults of payment-rules.md §3.
/// </summary>
public sealed class DipBuildOptions
{
    private IReadOnlyList<decimal> _yearWeights = new[] { 1m, 2m, 7m };

    /// <summary>版本 — the edition of the catalog to build.</summary>
    public string Edition { get; init; } = "local";

    /// <summary>统筹地区 — the region.</summary>
    public string Region { get; init; } = string.Empty;

    /// <summary>生效日期 — ISO date or empty.</summary>
    public string EffectiveFrom { get; init; } = string.Empty;

    /// <summary>失效日期 — ISO date or empty.</summary>
    public string EffectiveTo { get; init; } = string.Empty;

    /// <summary>年度权重 — weights from the oldest to the newest history year (default 1:2:7).</summary>
    public IReadOnlyList<decimal> YearWeights
    {
        get => _yearWeights;
        init
        {
            if (value is null || value.Count == 0)
            {
                throw new ArgumentException("Give at least one year weight.", nameof(value));
            }

            foreach (var w in value)
            {
                if (w < 0m)
                {
                    throw new ArgumentException("Year weights must not be negative.", nameof(value));
                }
            }

            _yearWeights = new List<decimal>(value).AsReadOnly();
        }
    }

    /// <summary>
    /// 是否剔除极值 — whether to trim each group's costs to the percentile band before its mean and CV (default true), by
    /// <see cref="Statistics.PercentileTrimming"/>: the ⌊n·lower⌋ lowest and ⌊n·(1 − upper)⌋ highest costs are left out.
    /// </summary>
    public bool Trim { get; init; } = true;

    /// <summary>下截尾百分位 — the lower trimming percentile as a fraction (0.025); 0 ≤ lower &lt; upper.</summary>
    public decimal TrimLower { get; init; } = 0.025m;

    /// <summary>上截尾百分位 — the upper trimming percentile as a fraction (0.975); lower &lt; upper ≤ 1.</summary>
    public decimal TrimUpper { get; init; } = 0.975m;

    /// <summary>核心病种临界值 — the minimum case count of a core group (15 for a city pool); ignored when <see cref="CoreCoverage"/> is set.</summary>
    public int CoreThreshold { get; init; } = 15;

    /// <summary>核心病种覆盖率 — when set (e.g. 0.95), the threshold is the count at which core combinations cover at least this share of cases.</summary>
    public decimal? CoreCoverage { get; init; }

    /// <summary>相关操作成组增幅 — the minimum mean-cost increase for a related procedure to form its own group (0.10).</summary>
    public decimal RelatedProcedureIncrease { get; init; } = 0.10m;

    /// <summary>分值方法 — the score method.</summary>
    public DipScoreMethod ScoreMethod { get; init; }

    /// <summary>基准病种 — the benchmark group code for <see cref="DipScoreMethod.BenchmarkGroup"/>.</summary>
    public string BenchmarkGroupCode { get; init; } = string.Empty;

    /// <summary>基准分值 — the benchmark group's score (1000).</summary>
    public decimal BenchmarkScore { get; init; } = 1000m;

    /// <summary>分值小数位 — decimals of group scores (4), rounded 四舍五入.</summary>
    public int ScoreDecimals { get; init; } = 4;

    /// <summary>基层病种变异系数上限 — the maximum CV of a primary-care group (0.7).</summary>
    public decimal PrimaryCareMaxCv { get; init; } = 0.7m;

    /// <summary>基层病种候选 — the supplied list of diagnosis subcategories (or group codes) eligible as primary-care groups.</summary>
    public IReadOnlyCollection<string> PrimaryCareCandidates { get; init; } = Array.Empty<string>();

    /// <summary>医院系数方式 — how hospital-level coefficients are derived.</summary>
    public DipLevelCoefficientMode LevelCoefficients { get; init; } = DipLevelCoefficientMode.ByLevel;

    /// <summary>分病种级别系数最少例数 — the minimum cases of a group at a level for a group-specific coefficient (10).</summary>
    public int MinimumLevelGroupCases { get; init; } = 10;

    /// <summary>辅助分型病种最少例数 — the minimum cases of a group for auxiliary coefficients (30).</summary>
    public int AuxiliaryMinimumGroupCases { get; init; } = 30;

    /// <summary>辅助分型亚型最少例数 — the minimum cases of a subtype (5).</summary>
    public int AuxiliaryMinimumSubtypeCases { get; init; } = 5;

    /// <summary>辅助分型变异系数降幅 — the minimum relative CV reduction of a subtype (0.20).</summary>
    public decimal AuxiliaryMinimumCvReduction { get; init; } = 0.20m;

    /// <summary>系数小数位 — decimals of coefficients (4).</summary>
    public int CoefficientDecimals { get; init; } = 4;

    /// <summary>手术操作属性表 — for comprehensive groups.</summary>
    public ProcedureAttributeTable ProcedureAttributes { get; init; } = ProcedureAttributeTable.Empty;

    /// <summary>A builder holding these options, to change some and build new options (C# 7.3 callers).</summary>
    /// <returns>The builder.</returns>
    public DipBuildOptionsBuilder ToBuilder() => new()
    {
        Edition = Edition,
        Region = Region,
        EffectiveFrom = EffectiveFrom,
        EffectiveTo = EffectiveTo,
        YearWeights = new List<decimal>(YearWeights),
        Trim = Trim,
        TrimLower = TrimLower,
        TrimUpper = TrimUpper,
        CoreThreshold = CoreThreshold,
        CoreCoverage = CoreCoverage,
        RelatedProcedureIncrease = RelatedProcedureIncrease,
        ScoreMethod = ScoreMethod,
        BenchmarkGroupCode = BenchmarkGroupCode,
        BenchmarkScore = BenchmarkScore,
        ScoreDecimals = ScoreDecimals,
        PrimaryCareMaxCv = PrimaryCareMaxCv,
        PrimaryCareCandidates = new List<string>(PrimaryCareCandidates),
        LevelCoefficients = LevelCoefficients,
        MinimumLevelGroupCases = MinimumLevelGroupCases,
        AuxiliaryMinimumGroupCases = AuxiliaryMinimumGroupCases,
        AuxiliaryMinimumSubtypeCases = AuxiliaryMinimumSubtypeCases,
        AuxiliaryMinimumCvReduction = AuxiliaryMinimumCvReduction,
        CoefficientDecimals = CoefficientDecimals,
        ProcedureAttributes = ProcedureAttributes,
    };
}
