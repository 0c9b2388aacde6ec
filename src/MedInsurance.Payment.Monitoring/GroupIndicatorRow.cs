namespace MedInsurance.Payment.Monitoring;

/// <summary>
/// 病组指标行 — one group of one hospital (or of the region, hospital id empty) in one year: cases, mean cost and stay,
/// the region's means, and the year-on-year cost growth when a previous year was given. Immutable.
/// </summary>
public sealed class GroupIndicatorRow
{
    internal GroupIndicatorRow(string hospitalId, string level, string group, string year, long cases, long deaths, decimal meanCostYuan, decimal meanLos,
        decimal regionMeanCostYuan, decimal regionMeanLos, long? previousCases, decimal? previousMeanCostYuan, bool lowRisk)
    {
        HospitalId = hospitalId;
        Level = level;
        Group = group;
        Year = year;
        Cases = cases;
        Deaths = deaths;
        MeanCostYuan = meanCostYuan;
        MeanLos = meanLos;
        RegionMeanCostYuan = regionMeanCostYuan;
        RegionMeanLos = regionMeanLos;
        PreviousCases = previousCases;
        PreviousMeanCostYuan = previousMeanCostYuan;
        LowRisk = lowRisk;
    }

    /// <summary>医疗机构 — the hospital id; empty for the region's row.</summary>
    public string HospitalId { get; }

    /// <summary>级别 — the hospital's level; empty for the region's row.</summary>
    public string Level { get; }

    /// <summary>病组 — the group.</summary>
    public string Group { get; }

    /// <summary>年度 — the year.</summary>
    public string Year { get; }

    /// <summary>病例数 — cases.</summary>
    public long Cases { get; }

    /// <summary>死亡数 — deaths.</summary>
    public long Deaths { get; }

    /// <summary>例均费用（元） — mean total cost in yuan.</summary>
    public decimal MeanCostYuan { get; }

    /// <summary>平均住院日 — mean length of stay.</summary>
    public decimal MeanLos { get; }

    /// <summary>区域例均费用（元） — the region's mean cost of the group (all hospitals, the whole input).</summary>
    public decimal RegionMeanCostYuan { get; }

    /// <summary>区域平均住院日 — the region's mean stay of the group.</summary>
    public decimal RegionMeanLos { get; }

    /// <summary>上年病例数 — previous-year cases, or null without a previous year.</summary>
    public long? PreviousCases { get; }

    /// <summary>上年例均费用（元） — previous-year mean cost, or null.</summary>
    public decimal? PreviousMeanCostYuan { get; }

    /// <summary>费用增长率 — mean cost ÷ previous mean cost − 1, or null.</summary>
    public decimal? CostGrowth => PreviousMeanCostYuan is { } p && p != 0m ? (MeanCostYuan / p) - 1m : null;

    /// <summary>低风险组 — whether the group is a low-risk group of the region.</summary>
    public bool LowRisk { get; }
}
