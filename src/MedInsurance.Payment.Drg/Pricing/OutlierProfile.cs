using System;
using System.Collections.Generic;

namespace MedInsurance.Payment.Drg.Pricing;

/// <summary>高倍率阈值 — the high-outlier multiple that applies to groups with base points up to <see cref="UpToBasePoints"/>.</summary>
/// <param name="UpToBasePoints">The upper bound of the group's base points (inclusive); null for no bound.</param>
/// <param name="HighMultiple">A case is high when cost ÷ group mean reaches this multiple.</param>
public sealed record OutlierThreshold(decimal? UpToBasePoints, decimal HighMultiple);

/// <summary>异常病例类型 — how a case's cost compares with its group.</summary>
public enum OutlierKind
{
    /// <summary>正常病例 — paid at the group's base points.</summary>
    Normal = 0,

    /// <summary>高倍率病例 — cost at or above the high multiple.</summary>
    High = 1,

    /// <summary>低倍率病例 — cost below the low ratio.</summary>
    Low = 2,
}

/// <summary>异常病例计分结果 — a case's points and outlier kind.</summary>
/// <param name="Points">The case points.</param>
/// <param name="Kind">The outlier kind.</param>
/// <param name="CostRatio">cost ÷ group mean.</param>
public sealed record OutlierResult(Score Points, OutlierKind Kind, decimal CostRatio);

/// <summary>
/// 异常病例规则 — an outlier profile as data (payment-rules.md §2: no national number). The Zhejiang profile [L]: high
/// when cost ≥ 3× the group mean for base points ≤ 100, ≥ 2× for 100–300, ≥ 1.5× above 300; high points = base +
/// (cost ÷ mean − threshold) × base [?]; low (cost &lt; 0.4 × mean [?]) points = base × cost ÷ mean.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record OutlierProfile
{
    /// <summary>名称 — the profile name (e.g. <c>zhejiang</c>).</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>高倍率阈值 — thresholds by base points, ascending.</summary>
    public IReadOnlyList<OutlierThreshold> HighThresholds { get; init; } = [];

    /// <summary>低倍率界值 — a case is low when cost ÷ mean is below this ratio.</summary>
    public decimal LowRatio { get; init; }

    /// <summary>The high multiple for a group with <paramref name="basePoints"/>.</summary>
    /// <param name="basePoints">The group's base points.</param>
    /// <returns>The multiple, or null when no threshold applies.</returns>
    public decimal? HighMultipleFor(Score basePoints)
    {
        foreach (var threshold in HighThresholds)
        {
            if (threshold.UpToBasePoints is null || basePoints.Value <= threshold.UpToBasePoints.Value)
            {
                return threshold.HighMultiple;
            }
        }

        return null;
    }

    /// <summary>Scores one case under this profile.</summary>
    /// <param name="basePoints">The group's base points.</param>
    /// <param name="cost">The case's total cost.</param>
    /// <param name="groupMean">The group's mean cost, positive.</param>
    /// <returns>The points and kind.</returns>
    public OutlierResult Apply(Score basePoints, Money cost, Money groupMean)
    {
        if (groupMean.Fen <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(groupMean), groupMean.Yuan, "The group mean must be positive.");
        }

        var ratio = cost.RatioTo(groupMean);
        if (HighMultipleFor(basePoints) is { } multiple && ratio >= multiple)
        {
            return new OutlierResult(basePoints + basePoints.Multiply(ratio - multiple), OutlierKind.High, ratio);
        }

        if (ratio < LowRatio)
        {
            return new OutlierResult(basePoints.Multiply(ratio), OutlierKind.Low, ratio);
        }

        return new OutlierResult(basePoints, OutlierKind.Normal, ratio);
    }
}
