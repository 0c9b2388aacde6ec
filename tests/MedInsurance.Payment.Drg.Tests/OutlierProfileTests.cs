using MedInsurance.Payment.Drg.Pricing;

namespace MedInsurance.Payment.Drg.Tests;

/// <summary>The outlier profile as data (payment-rules.md §2), on the Zhejiang numbers [L].</summary>
public sealed class OutlierProfileTests
{
    // Written out here from payment-rules.md §2: high ≥ 3× for base points ≤ 100, ≥ 2× for 100–300, ≥ 1.5× above; low < 0.4×.
    private static readonly OutlierProfile Zhejiang = new()
    {
        Name = "zhejiang",
        LowRatio = 0.4m,
        HighThresholds = [new OutlierThreshold(100m, 3m), new OutlierThreshold(300m, 2m), new OutlierThreshold(null, 1.5m)],
    };

    [Fact]
    public void High_multiple_follows_the_base_point_bands()
    {
        Assert.Equal(3m, Zhejiang.HighMultipleFor(new Score(100m)));
        Assert.Equal(2m, Zhejiang.HighMultipleFor(new Score(100.01m)));
        Assert.Equal(2m, Zhejiang.HighMultipleFor(new Score(300m)));
        Assert.Equal(1.5m, Zhejiang.HighMultipleFor(new Score(301m)));
    }

    [Theory]
    // Group mean 10 000:
    // base 80 (≤ 100 → 3×): cost 35 000 → ratio 3.5 → 80 + (3.5 − 3) × 80 = 120, high.
    [InlineData(80, 35_000, 120, OutlierKind.High)]
    // base 80: cost 29 999 → ratio 2.9999 < 3 → normal 80.
    [InlineData(80, 29_999, 80, OutlierKind.Normal)]
    // base 200 (100–300 → 2×): cost 25 000 → 2.5 → 200 + 0.5 × 200 = 300, high.
    [InlineData(200, 25_000, 300, OutlierKind.High)]
    // base 400 (> 300 → 1.5×): cost 15 000 → 1.5 → 400 + 0 = 400, high at the threshold.
    [InlineData(400, 15_000, 400, OutlierKind.High)]
    // low: cost 3 000 → 0.3 < 0.4 → 200 × 0.3 = 60.
    [InlineData(200, 3_000, 60, OutlierKind.Low)]
    // cost 4 000 → 0.4, not below 0.4 → normal.
    [InlineData(200, 4_000, 200, OutlierKind.Normal)]
    public void Zhejiang_outlier_profile(int basePoints, int cost, int points, OutlierKind kind)
    {
        var result = Zhejiang.Apply(new Score(basePoints), Money.FromYuan(cost), Money.FromYuan(10_000m));
        Assert.Equal(kind, result.Kind);
        Assert.Equal((decimal)points, result.Points.Value);
    }
}
