namespace MedInsurance.Payment.Drg.Pricing;

/// <summary>
/// 高倍率阈值分段 — the high-outlier multiple for groups whose base points (RW × point scale) are at most
/// <see cref="UpToBasePoints"/> (payment-rules.md §2, the Zhejiang form: 3× up to 100 points, 2× up to 300, 1.5× above).
/// </summary>
/// <param name="UpToBasePoints">The upper bound of the group's base points (inclusive); null for no bound (the last band).</param>
/// <param name="HighMultiple">A case is high when its cost reaches this multiple of the comparator.</param>
public sealed record OutlierThreshold(decimal? UpToBasePoints, decimal HighMultiple);
