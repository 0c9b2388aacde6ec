namespace MedInsurance.Payment.Monitoring;

/// <summary>
/// 指标行 — one indicator of one hospital in one period, against the hospitals of its level (同级医疗机构): the level's
/// mean of the hospitals' values, the difference, the ratio, the z-score and the percentile rank. Comparisons are null
/// when they cannot be computed (one hospital at the level, a zero mean or a zero spread). Immutable.
/// </summary>
public sealed class IndicatorRow
{
    internal IndicatorRow(string hospitalId, string level, string period, string indicator, decimal value, decimal numerator, decimal denominator)
    {
        HospitalId = hospitalId;
        Level = level;
        Period = period;
        Indicator = indicator;
        Value = value;
        Numerator = numerator;
        Denominator = denominator;
    }

    /// <summary>医疗机构 — the hospital id.</summary>
    public string HospitalId { get; }

    /// <summary>级别 — the hospital's level (一级/二级/三级 code, or <c>all</c> without a hospitals file).</summary>
    public string Level { get; }

    /// <summary>期间 — <c>yyyy</c> or <c>yyyy-MM</c>, or <c>all</c> for indicators without dates (coding accuracy).</summary>
    public string Period { get; }

    /// <summary>指标 — the indicator's name (docs/monitoring.md).</summary>
    public string Indicator { get; }

    /// <summary>值 — the value (numerator ÷ denominator; an index or a rate).</summary>
    public decimal Value { get; }

    /// <summary>分子 — the numerator.</summary>
    public decimal Numerator { get; }

    /// <summary>分母 — the denominator.</summary>
    public decimal Denominator { get; }

    /// <summary>同级均值 — the mean of the level's hospitals' values (unweighted).</summary>
    public decimal? LevelMean { get; internal set; }

    /// <summary>差值 — value minus the level mean.</summary>
    public decimal? Difference { get; internal set; }

    /// <summary>比值 — value ÷ the level mean.</summary>
    public decimal? Ratio { get; internal set; }

    /// <summary>Z值 — (value − level mean) ÷ the level's population standard deviation.</summary>
    public decimal? ZScore { get; internal set; }

    /// <summary>百分位 — percentile rank among the level's hospitals: (hospitals below + ½ × hospitals equal) ÷ hospitals × 100.</summary>
    public decimal? PercentileRank { get; internal set; }

    /// <summary>同级医院数 — hospitals at the level with this indicator in this period.</summary>
    public int LevelHospitals { get; internal set; }
}
