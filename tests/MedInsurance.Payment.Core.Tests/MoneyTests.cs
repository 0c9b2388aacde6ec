using System;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace MedInsurance.Payment.Core.Tests;

public sealed class MoneyTests
{
    [Fact]
    public void FromYuan_keeps_fen_exactly()
    {
        Assert.Equal(123456L, Money.FromYuan(1234.56m).Fen);
        Assert.Equal("1234.56", Money.FromYuan(1234.56m).ToString());
        Assert.Equal(-1L, Money.FromYuan(-0.01m).Fen);
    }

    [Fact]
    public void FromYuan_refuses_a_fraction_of_a_fen()
    {
        var ex = Assert.Throws<ArgumentException>(() => Money.FromYuan(0.005m));
        Assert.Contains("RoundingRule", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0.005", RoundingMode.HalfAwayFromZero, 1)]
    [InlineData("-0.005", RoundingMode.HalfAwayFromZero, -1)]
    [InlineData("0.015", RoundingMode.HalfAwayFromZero, 2)]
    [InlineData("0.005", RoundingMode.HalfToEven, 0)]
    [InlineData("0.015", RoundingMode.HalfToEven, 2)]
    [InlineData("0.019", RoundingMode.TowardZero, 1)]
    [InlineData("-0.019", RoundingMode.TowardZero, -1)]
    [InlineData("0.011", RoundingMode.AwayFromZero, 2)]
    [InlineData("-0.011", RoundingMode.AwayFromZero, -2)]
    [InlineData("-0.011", RoundingMode.Floor, -2)]
    [InlineData("-0.019", RoundingMode.Ceiling, -1)]
    public void Rounding_rules_round_to_the_fen(string yuan, RoundingMode mode, long expectedFen)
    {
        var value = decimal.Parse(yuan, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(expectedFen, Money.FromYuan(value, new RoundingRule(mode, 2)).Fen);
    }

    [Fact]
    public void Default_rule_is_half_away_from_zero_to_the_fen()
    {
        Assert.Equal(new RoundingRule(RoundingMode.HalfAwayFromZero, 2), RoundingRule.Default);
        Assert.Equal(2.68m, RoundingRule.Default.Round(2.675m));
    }

    [Fact]
    public void Monthly_pre_settlement_worked_example_is_exact()
    {
        // payment-rules.md §2: (1000 × 10 000 − 2 000 000) × 0.9 − 50 000 = 7 150 000
        var rate = Money.FromYuan(10_000m);
        var weight = new RelativeWeight(1000m);
        var gross = weight.ToMoney(rate).Round(RoundingRule.Default) - Money.FromYuan(2_000_000m);
        var advanced = new Ratio(0.9m).Of(gross).Round(RoundingRule.Default) - Money.FromYuan(50_000m);
        Assert.Equal(Money.FromYuan(7_150_000m), advanced);
    }

    [Fact]
    public void Arithmetic_is_checked()
    {
        Assert.Throws<OverflowException>(() => Money.FromFen(long.MaxValue) + Money.FromFen(1));
        Assert.Throws<OverflowException>(() => Money.FromFen(long.MinValue) - Money.FromFen(1));
        Assert.Throws<OverflowException>(() => Money.FromFen(long.MaxValue) * 2);
    }

    [Fact]
    public void Multiply_stays_exact_until_rounded()
    {
        var exact = Money.FromYuan(100m).Multiply(1m / 3m);
        Assert.NotEqual(33.33m, exact.Yuan);
        Assert.Equal(Money.FromYuan(33.33m), exact.Round(RoundingRule.Default));
        Assert.Throws<ArgumentException>(() => exact.Round(new RoundingRule(RoundingMode.HalfAwayFromZero, 3)));
    }

    [Theory]
    [InlineData("1,234.50", 123450L)]
    [InlineData(" 7 ", 700L)]
    [InlineData("-0.01", -1L)]
    public void TryParseYuan_reads_invariant_amounts(string text, long fen)
    {
        Assert.True(Money.TryParseYuan(text, out var money));
        Assert.Equal(fen, money.Fen);
    }

    [Theory]
    [InlineData("1.234")]
    [InlineData("abc")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParseYuan_refuses_non_amounts(string? text) => Assert.False(Money.TryParseYuan(text, out _));

    [Property]
    public void Addition_is_associative_and_commutative(int a, int b, int c)
    {
        var x = Money.FromFen(a);
        var y = Money.FromFen(b);
        var z = Money.FromFen(c);
        Assert.Equal((x + y) + z, x + (y + z));
        Assert.Equal(x + y, y + x);
        Assert.Equal(x, x + y - y);
    }

    [Property]
    public void Rounding_never_moves_more_than_half_a_fen(decimal yuan)
    {
        var bounded = yuan % 1_000_000_000m;
        var rounded = Money.FromYuan(bounded, RoundingRule.Default);
        Assert.True(Math.Abs(rounded.Yuan - bounded) <= 0.005m);
    }

    [Property]
    public Property Allocation_sums_exactly_to_the_pool() =>
        Prop.ForAll(
            Gen.Choose(-1_000_000_000, 1_000_000_000).ToArbitrary(),
            Gen.Choose(0, 100_000).NonEmptyListOf().Select(l => l.ToArray()).ToArbitrary(),
            (pool, weights) =>
            {
                if (weights.All(w => w == 0))
                {
                    weights[0] = 1;
                }

                var shares = PoolAllocation.ByLargestRemainder(Money.FromFen(pool), weights.Select(w => (decimal)w).ToArray());
                var total = weights.Sum(w => (decimal)w);
                return Money.Sum(shares) == Money.FromFen(pool)
                    && shares.Select((s, i) => Math.Abs(s.Fen - (pool * (weights[i] / total)))).All(d => d < 1m);
            });

    [Fact]
    public void Allocation_breaks_ties_by_position()
    {
        var shares = PoolAllocation.ByLargestRemainder(Money.FromFen(100), new[] { 1m, 1m, 1m });
        Assert.Equal(new long[] { 34, 33, 33 }, shares.Select(s => s.Fen).ToArray());
        Assert.Throws<ArgumentException>(() => PoolAllocation.ByLargestRemainder(Money.FromFen(1), new[] { 0m }));
        Assert.Throws<ArgumentException>(() => PoolAllocation.ByLargestRemainder(Money.FromFen(1), new[] { -1m, 2m }));
    }

    [Fact]
    public void Score_times_point_value_is_money_before_rounding()
    {
        // payment-rules.md §3: fund 800 000 000 ÷ 0.8 ÷ total score 100 000 000 = 10 yuan per point
        var pointValue = new PointValue(800_000_000m / 0.8m / 100_000_000m);
        Assert.Equal(10m, pointValue.Yuan);
        Assert.Equal(Money.FromYuan(15_000m), new Score(1500m).ToMoney(pointValue).Round(RoundingRule.Default));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PointValue(-1m));
    }

    [Property(MaxTest = 2000)]
    public void ToString_writes_the_yuan_with_two_decimals_as_decimal_formatting_does(long fen, int small)
    {
        // Large and small amounts (the generator's longs are mostly small), both signs.
        foreach (var value in new[] { fen, small, (long)small * 100, fen / 7 })
        {
            var expected = (value / 100m).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(expected, Money.FromFen(value).ToString());
        }
    }

    [Theory]
    [InlineData(0L, "0.00")]
    [InlineData(5L, "0.05")]
    [InlineData(-5L, "-0.05")]
    [InlineData(-100L, "-1.00")]
    [InlineData(123456L, "1234.56")]
    [InlineData(long.MaxValue, "92233720368547758.07")]
    [InlineData(long.MinValue, "-92233720368547758.08")]
    public void ToString_of_edge_amounts(long fen, string expected) => Assert.Equal(expected, Money.FromFen(fen).ToString());
}
