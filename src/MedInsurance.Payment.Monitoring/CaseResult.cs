namespace MedInsurance.Payment.Monitoring;

/// <summary>
/// 病例分组结果 — what a DRG or DIP results file says about one case: its group, weight or score, points, and whether it
/// was a deviation case or a special-review case. Null members mean "the file does not say". Immutable.
/// </summary>
public sealed class CaseResult
{
    /// <summary>Creates a result (C# 7.3 callers: name the arguments).</summary>
    /// <param name="group">病组/病种 — the DRG or DIP group code; empty when none.</param>
    /// <param name="weight">权重/分值 — the group's relative weight (DRG) or base score (DIP), for CMI; null when not given.</param>
    /// <param name="points">点数/分值 — the case's points; null when not given.</param>
    /// <param name="deviation">偏差病例 — whether the case is a deviation (high or low) case; null when not given.</param>
    /// <param name="specialReview">特例单议 — whether the case is flagged for special review; null when not given.</param>
    public CaseResult(string group, decimal? weight = null, decimal? points = null, bool? deviation = null, bool? specialReview = null)
    {
        Group = group ?? string.Empty;
        Weight = weight;
        Points = points;
        Deviation = deviation;
        SpecialReview = specialReview;
        WeightTerm = weight is { } w ? DecimalTerm.Of(w) : default;
        PointsTerm = points is { } p ? DecimalTerm.Of(p) : default;
    }

    /// <summary>病组/病种 — the group code.</summary>
    public string Group { get; }

    /// <summary>权重/分值 — the group's weight or base score (CMI), or null.</summary>
    public decimal? Weight { get; }

    /// <summary>点数 — the case's points, or null.</summary>
    public decimal? Points { get; }

    /// <summary>偏差病例 — deviation case, or null.</summary>
    public bool? Deviation { get; }

    /// <summary>特例单议 — special-review case, or null.</summary>
    public bool? SpecialReview { get; }

    /// <summary><see cref="Weight"/> made ready for the monitor's exact sums (made once, added per case).</summary>
    internal DecimalTerm WeightTerm { get; }

    /// <summary><see cref="Points"/> made ready for the monitor's exact sums.</summary>
    internal DecimalTerm PointsTerm { get; }
}
