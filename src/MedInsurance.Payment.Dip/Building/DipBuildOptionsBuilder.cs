using System;
using System.Collections.Generic;

namespace MedInsurance.Payment.Dip;

/// <summary>
/// 目录测算参数构建器 — a mutable builder of <see cref="DipBuildOptions"/> for hosts that cannot use <c>init</c> members
/// (C# 7.3, .NET Framework): set the properties that differ from the national defaults, then call <see cref="Build"/>.
/// <see cref="DipBuildOptions.ToBuilder"/> goes the other way.
/// </summary>
/// <remarks>Not thread-safe (a builder); the options it builds are immutable. Defaults are those of <see cref="DipBuildOptions"/>.</remarks>
public sealed class DipBuildOptionsBuilder
{
    private static readonly DipBuildOptions Defaults = new();

    /// <summary>版本 — the edition of the catalog to build.</summary>
    public string Edition { get; set; } = Defaults.Edition;

    /// <summary>统筹地区 — the region.</summary>
    public string Region { get; set; } = Defaults.Region;

    /// <summary>生效日期 — ISO date or empty.</summary>
    public string EffectiveFrom { get; set; } = Defaults.EffectiveFrom;

    /// <summary>失效日期 — ISO date or empty.</summary>
    public string EffectiveTo { get; set; } = Defaults.EffectiveTo;

    /// <summary>年度权重 — weights from the oldest to the newest history year (default 1:2:7).</summary>
    public IList<decimal> YearWeights { get; set; } = new List<decimal>(Defaults.YearWeights);

    /// <summary>
    /// 是否剔除极值 — whether to trim each group's costs to the percentile band before its mean and CV (default true), by
    /// <see cref="Statistics.PercentileTrimming"/>: the ⌊n·lower⌋ lowest and ⌊n·(1 − upper)⌋ highest costs are left out.
    /// </summary>
    public bool Trim { get; set; } = Defaults.Trim;

    /// <summary>下截尾百分位 — the lower trimming percentile as a fraction (0.025); 0 ≤ lower &lt; upper.</summary>
    public decimal TrimLower { get; set; } = Defaults.TrimLower;

    /// <summary>上截尾百分位 — the upper trimming percentile as a fraction (0.975); lower &lt; upper ≤ 1.</summary>
    public decimal TrimUpper { get; set; } = Defaults.TrimUpper;

    /// <summary>核心病种临界值 — the minimum case count of a core group (15 for a city pool); ignored when <see cref="CoreCoverage"/> is set.</summary>
    public int CoreThreshold { get; set; } = Defaults.CoreThreshold;

    /// <summary>核心病种覆盖率 — when set (e.g. 0.95), the threshold is the count at which core combinations cover at least this share of cases.</summary>
    public decimal? CoreCoverage { get; set; } = Defaults.CoreCoverage;

    /// <summary>相关操作成组增幅 — the minimum mean-cost increase for a related procedure to form its own group (0.10).</summary>
    public decimal RelatedProcedureIncrease { get; set; } = Defaults.RelatedProcedureIncrease;

    /// <summary>分值方法 — the score method.</summary>
    public DipScoreMethod ScoreMethod { get; set; } = Defaults.ScoreMethod;

    /// <summary>基准病种 — the benchmark group code for <see cref="DipScoreMethod.BenchmarkGroup"/>.</summary>
    public string BenchmarkGroupCode { get; set; } = Defaults.BenchmarkGroupCode;

    /// <summary>基准分值 — the benchmark group's score (1000).</summary>
    public decimal BenchmarkScore { get; set; } = Defaults.BenchmarkScore;

    /// <summary>分值小数位 — decimals of group scores (4), rounded 四舍五入.</summary>
    public int ScoreDecimals { get; set; } = Defaults.ScoreDecimals;

    /// <summary>基层病种变异系数上限 — the maximum CV of a primary-care group (0.7).</summary>
    public decimal PrimaryCareMaxCv { get; set; } = Defaults.PrimaryCareMaxCv;

    /// <summary>基层病种候选 — the supplied list of diagnosis subcategories (or group codes) eligible as primary-care groups.</summary>
    public ICollection<string> PrimaryCareCandidates { get; set; } = new List<string>();

    /// <summary>医院系数方式 — how hospital-level coefficients are derived.</summary>
    public DipLevelCoefficientMode LevelCoefficients { get; set; } = Defaults.LevelCoefficients;

    /// <summary>分病种级别系数最少例数 — the minimum cases of a group at a level for a group-specific coefficient (10).</summary>
    public int MinimumLevelGroupCases { get; set; } = Defaults.MinimumLevelGroupCases;

    /// <summary>辅助分型病种最少例数 — the minimum cases of a group for auxiliary coefficients (30).</summary>
    public int AuxiliaryMinimumGroupCases { get; set; } = Defaults.AuxiliaryMinimumGroupCases;

    /// <summary>辅助分型亚型最少例数 — the minimum cases of a subtype (5).</summary>
    public int AuxiliaryMinimumSubtypeCases { get; set; } = Defaults.AuxiliaryMinimumSubtypeCases;

    /// <summary>辅助分型变异系数降幅 — the minimum relative CV reduction of a subtype (0.20).</summary>
    public decimal AuxiliaryMinimumCvReduction { get; set; } = Defaults.AuxiliaryMinimumCvReduction;

    /// <summary>系数小数位 — decimals of coefficients (4).</summary>
    public int CoefficientDecimals { get; set; } = Defaults.CoefficientDecimals;

    /// <summary>手术操作属性表 — for comprehensive groups.</summary>
    public ProcedureAttributeTable ProcedureAttributes { get; set; } = Defaults.ProcedureAttributes;

    /// <summary>Builds the options (validated as <see cref="DipBuildOptions"/> validates them).</summary>
    /// <returns>The immutable options.</returns>
    /// <exception cref="ArgumentException">When a value is invalid (e.g. no or negative year weights).</exception>
    public DipBuildOptions Build() => new()
    {
        Edition = Edition,
        Region = Region,
        EffectiveFrom = EffectiveFrom,
        EffectiveTo = EffectiveTo,
        YearWeights = new List<decimal>(YearWeights ?? throw new ArgumentException("Give at least one year weight.", nameof(YearWeights))),
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
        PrimaryCareCandidates = new List<string>(PrimaryCareCandidates ?? Array.Empty<string>()).AsReadOnly(),
        LevelCoefficients = LevelCoefficients,
        MinimumLevelGroupCases = MinimumLevelGroupCases,
        AuxiliaryMinimumGroupCases = AuxiliaryMinimumGroupCases,
        AuxiliaryMinimumSubtypeCases = AuxiliaryMinimumSubtypeCases,
        AuxiliaryMinimumCvReduction = AuxiliaryMinimumCvReduction,
        CoefficientDecimals = CoefficientDecimals,
        ProcedureAttributes = ProcedureAttributes,
    };
}
