using System;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MedInsurance.Payment.Statistics;

namespace MedInsurance.Payment.Core.Tests;

/// <summary>The one time-weighted mean and the one percentile trimming (docs/decisions.md), with values worked by hand.</summary>
public sealed class StatisticsTests
{
    [Fact]
    public void Time_weighted_mean_of_9000_9500_10000_at_1_2_7_is_9800()
    {
        // payment-rules.md §3: (1 × 9 000 + 2 × 9 500 + 7 × 10 000) ÷ 10 = 98 000 ÷ 10 = 9 800.
        Assert.Equal(9_800m, TimeWeightedMean.Of(new decimal?[] { 9_000m, 9_500m, 10_000m }, new[] { 1m, 2m, 7m }));
    }

    [Fact]
    public void Time_weighted_mean_leaves_out_years_without_data()
    {
        // The middle year is missing: (1 × 9 000 + 7 × 10 000) ÷ (1 + 7) = 79 000 ÷ 8 = 9 875.
        Assert.Equal(9_875m, TimeWeightedMean.Of(new decimal?[] { 9_000m, null, 10_000m }, new[] { 1m, 2m, 7m }));
        Assert.Null(TimeWeightedMean.Of(new decimal?[] { null, null, null }, new[] { 1m, 2m, 7m }));
        Assert.Null(TimeWeightedMean.Of(new decimal?[] { 5m }, new[] { 0m }));
    }

    [Fact]
    public void Time_weighted_mean_refuses_mismatched_or_negative_weights()
    {
        Assert.Throws<ArgumentException>(() => TimeWeightedMean.Of(new decimal?[] { 1m, 2m }, new[] { 1m }));
        Assert.Throws<ArgumentException>(() => TimeWeightedMean.Of(new decimal?[] { 1m, 2m }, new[] { 1m, -1m }));
        Assert.Throws<ArgumentNullException>(() => TimeWeightedMean.Of(null!, new[] { 1m }));
    }

    /// <summary>
    /// Yearly means to the fen (up to 21 million yuan) and whole weights 0–100 keep every product and sum exact, so the
    /// mean must lie between the smallest and the largest mean that carries weight and must not depend on the order of
    /// the years (each mean moved together with its weight).
    /// </summary>
    [Property(MaxTest = 500)]
    public Property Time_weighted_mean_lies_between_the_yearly_means_and_ignores_their_order() =>
        Prop.ForAll(
            (from present in Gen.Elements(true, true, true, false)
             from fen in Gen.Choose(0, int.MaxValue)
             from weight in Gen.Choose(0, 100)
             select (Item1: present, Item2: fen, Item3: weight)).NonEmptyListOf().Select(l => l.ToArray()).ToArbitrary(),
            Gen.Choose(0, int.MaxValue).ToArbitrary(),
            (years, seed) =>
            {
                var means = years.Select(y => y.Item1 ? y.Item2 / 100m : (decimal?)null).ToArray();
                var weights = years.Select(y => (decimal)y.Item3).ToArray();
                var result = TimeWeightedMean.Of(means, weights);
                var carrying = years.Where(y => y.Item1 && y.Item3 > 0).Select(y => y.Item2 / 100m).ToArray();
                if (carrying.Length == 0)
                {
                    return result is null;
                }

                var order = Enumerable.Range(0, years.Length).ToArray();
                var random = new Random(seed);
                for (var i = order.Length - 1; i > 0; i--)
                {
                    var j = random.Next(i + 1);
                    (order[i], order[j]) = (order[j], order[i]);
                }

                var shuffled = TimeWeightedMean.Of(order.Select(i => means[i]).ToArray(), order.Select(i => weights[i]).ToArray());
                return result is decimal r && r >= carrying.Min() && r <= carrying.Max() && shuffled == result;
            });

    [Fact]
    public void Forty_costs_100_to_4000_keep_200_to_3900_with_mean_2050()
    {
        // n = 40, band 2.5–97.5: ⌊40 × 2.5 ÷ 100⌋ = ⌊1⌋ = 1 value trimmed at the bottom (100);
        // ⌈40 × 97.5 ÷ 100⌉ = ⌈39⌉ = 39, so ranks 40 − 39 = 1 value trimmed at the top (4 000).
        // Kept: 200, 300, …, 3 900 — 38 values, sum (200 + 3 900) × 38 ÷ 2 = 77 900, mean 77 900 ÷ 38 = 2 050
        // (the untrimmed mean of 100 … 4 000 is (100 + 4 000) ÷ 2 = 2 050 too: the band is symmetric, so are the data).
        // Nearest-rank bounds kept inclusive (P2.5 = x₍⌈1⌉₎ = 100) would keep 100 … 3 900: 78 000 ÷ 39 = 2 000.
        var costs = Enumerable.Range(1, 40).Select(i => i * 100m).ToArray();
        var trimming = PercentileTrimming.Default;
        Assert.Equal(1, trimming.LowestKeptIndex(40));
        Assert.Equal(38, trimming.HighestKeptIndex(40));
        var kept = trimming.Keep(costs, c => c);
        Assert.Equal(38, kept.Count);
        Assert.Equal(200m, kept.Min());
        Assert.Equal(3_900m, kept.Max());
        Assert.Equal(2_050m, kept.Sum() / kept.Count);
    }

    [Theory]
    // n × 2.5% below one value trims nothing at either end: 39 → ⌊0.975⌋ = 0 and ⌈38.025⌉ = 39 (the last rank).
    [InlineData(39, 0, 38)]
    [InlineData(1, 0, 0)]
    // 80 values: ⌊2⌋ = 2 at the bottom, ⌈78⌉ = 78 → 2 at the top.
    [InlineData(80, 2, 77)]
    // 100 values: ⌊2.5⌋ = 2, ⌈97.5⌉ = 98 → 2 at each end.
    [InlineData(100, 2, 97)]
    public void Default_band_trims_whole_values_and_the_same_number_at_each_end(int count, int lowestKept, int highestKept)
    {
        Assert.Equal(lowestKept, PercentileTrimming.Default.LowestKeptIndex(count));
        Assert.Equal(highestKept, PercentileTrimming.Default.HighestKeptIndex(count));
    }

    [Fact]
    public void Equal_values_are_kept_or_trimmed_together_whatever_the_order()
    {
        // 40 values: 5, 5, thirty-seven 10s, 20. The lowest kept rank (index 1) is a 5, so both 5s stay; the highest kept
        // rank (index 38) is a 10, so only 20 goes: 39 kept.
        var values = new[] { 5m, 5m }.Concat(Enumerable.Repeat(10m, 37)).Append(20m).ToArray();
        var kept = PercentileTrimming.Default.Keep(values, v => v);
        Assert.Equal(39, kept.Count);
        Assert.Equal(2, kept.Count(v => v == 5m));
        Assert.DoesNotContain(20m, kept);
        Assert.Equal(kept.OrderBy(v => v), PercentileTrimming.Default.Keep(values.Reverse(), v => v).OrderBy(v => v));
    }

    [Fact]
    public void Keep_returns_the_items_in_input_order()
    {
        var items = Enumerable.Range(1, 40).Select(i => (Id: "c" + i, Cost: (41 - i) * 10m)).ToArray(); // costs 400 down to 10
        var kept = PercentileTrimming.Default.Keep(items, i => i.Cost);
        Assert.Equal(Enumerable.Range(2, 38).Select(i => "c" + i), kept.Select(k => k.Id));
    }

    [Fact]
    public void None_is_the_default_value_and_keeps_everything()
    {
        Assert.Equal(PercentileTrimming.None, default(PercentileTrimming));
        Assert.True(default(PercentileTrimming).IsNone);
        Assert.Equal(0m, PercentileTrimming.None.LowerPercentile);
        Assert.Equal(100m, PercentileTrimming.None.UpperPercentile);
        Assert.Equal(new[] { 1m, 1_000_000m, 3m }, PercentileTrimming.None.Keep(new[] { 1m, 1_000_000m, 3m }, v => v));
        Assert.Equal(new PercentileTrimming(0m, 100m), PercentileTrimming.None);
        Assert.Empty(PercentileTrimming.Default.Keep(Array.Empty<decimal>(), v => v));
    }

    [Theory]
    [InlineData(-1, 50)]
    [InlineData(50, 50)]
    [InlineData(60, 40)]
    [InlineData(10, 101)]
    [InlineData(100, 100)]
    public void A_band_must_lie_in_0_to_100_and_increase(decimal lower, decimal upper) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new PercentileTrimming(lower, upper));

    [Fact]
    public void Historical_case_is_a_value()
    {
        var a = new HistoricalCase("G1", 2, 1.5m, Money.FromYuan(100m));
        Assert.Equal(new HistoricalCase("G1", 2, 1.5m, Money.FromYuan(100m)), a);
        Assert.NotEqual(new HistoricalCase("G1", 1, 1.5m, Money.FromYuan(100m)), a);
        Assert.Equal(string.Empty, default(HistoricalCase).Group);
    }
}
