using System;
using System.Linq;
using MedInsurance.Payment.Drg.Pricing;
using MedInsurance.Payment.Statistics;

namespace MedInsurance.Payment.Drg.Tests;

/// <summary>DRG weights from history (payment-rules.md §2), values worked by hand.</summary>
public sealed class DrgWeightDerivationTests
{
    private static readonly RoundingRule FourDecimals = new(RoundingMode.HalfAwayFromZero, 4);

    private static HistoricalCase Case(string group, int year, decimal cost) => new(group, year, 0m, Money.FromYuan(cost));

    [Fact]
    public void Drg_weights_are_group_mean_over_all_case_mean_weighted_1_2_7()
    {
        // Group A costs 4 000 / 5 000 / 6 000 (years 0/1/2), group B 12 000 / 15 000 / 18 000; one case each.
        // All-case yearly means: 8 000, 10 000, 12 000 → weighted (8 000 + 20 000 + 84 000) ÷ 10 = 11 200.
        // A: (4 000 + 10 000 + 42 000) ÷ 10 = 5 600 → RW 0.5; B: (12 000 + 30 000 + 126 000) ÷ 10 = 16 800 → RW 1.5.
        var history = new[]
        {
            Case("A", 0, 4_000m), Case("A", 1, 5_000m), Case("A", 2, 6_000m),
            Case("B", 0, 12_000m), Case("B", 1, 15_000m), Case("B", 2, 18_000m),
        };
        var weights = DrgWeightDerivation.FromHistory(history, [1m, 2m, 7m], PercentileTrimming.None, FourDecimals);
        Assert.Equal(new[] { "A", "B" }, weights.Keys);
        Assert.Equal(0.5m, weights["A"].Value);
        Assert.Equal(1.5m, weights["B"].Value);
    }

    [Fact]
    public void Each_group_year_is_trimmed_before_the_means()
    {
        // One year. Group A: the 40 costs 100, 200, …, 4 000; at 2.5–97.5 one goes at each end (100 and 4 000), leaving
        // 200 … 3 900 with mean 2 050. Group B: 40 cases of 6 150 (equal costs are all kept).
        // All kept cases: (77 900 + 40 × 6 150) ÷ 78 = (77 900 + 246 000) ÷ 78 = 323 900 ÷ 78 = 4 152.5641…
        // RW_A = 2 050 ÷ (323 900 ÷ 78) = 159 900 ÷ 323 900 = 0.49367… → 0.4937;
        // RW_B = 6 150 ÷ (323 900 ÷ 78) = 479 700 ÷ 323 900 = 1.48101… → 1.4810.
        var history = Enumerable.Range(1, 40).Select(i => Case("A", 0, i * 100m))
            .Concat(Enumerable.Repeat(Case("B", 0, 6_150m), 40));
        var weights = DrgWeightDerivation.FromHistory(history, [1m], PercentileTrimming.Default, FourDecimals);
        Assert.Equal(0.4937m, weights["A"].Value);
        Assert.Equal(1.4810m, weights["B"].Value);
    }

    [Fact]
    public void A_case_in_a_year_without_weight_is_refused()
    {
        Assert.Throws<ArgumentException>(() => DrgWeightDerivation.FromHistory(new[] { Case("A", 3, 1_000m) }, [1m, 2m, 7m], PercentileTrimming.None, FourDecimals));
        Assert.Throws<ArgumentException>(() => DrgWeightDerivation.FromHistory(Array.Empty<HistoricalCase>(), [1m, 2m, 7m], PercentileTrimming.None, FourDecimals));
    }
}
