using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace MedInsurance.Payment.Monitoring.Tests;

/// <summary>The monitor's weight and points sums give exactly what decimal's + gives, value and scale, after every term.</summary>
public sealed class ExactDecimalSumTests
{
    /// <summary>Terms of every kind: weights with 0–4 decimals, more decimals than a long keeps (up to 28), mantissas near
    /// and past the long's range, negatives, zeros written with decimals and negative zeros.</summary>
    private static Arbitrary<decimal[]> Terms()
    {
        var weight = from units in Gen.Choose(0, 200_000)
                     from scale in Gen.Choose(0, 4)
                     select new decimal(units, 0, 0, false, (byte)scale);
        var fine = from lo in Gen.Choose(int.MinValue, int.MaxValue)
                   from scale in Gen.Choose(5, 28)
                   from negative in Gen.Elements(false, true)
                   select new decimal(lo, 0, 0, negative, (byte)scale);
        var large = from lo in Gen.Choose(int.MinValue, int.MaxValue)
                    from mid in Gen.Choose(0x7FFF_FFF0, int.MaxValue)
                    from hi in Gen.Elements(0, 0, 1)
                    from scale in Gen.Choose(0, 9)
                    from negative in Gen.Elements(false, true)
                    select new decimal(lo, mid, hi, negative, (byte)scale);
        var zero = from scale in Gen.Choose(0, 12)
                   from negative in Gen.Elements(false, true)
                   select new decimal(0, 0, 0, negative, (byte)scale);
        var negativeWeight = weight.Select(w => -w);
        var cancelling = Gen.Elements(0.5m, -0.5m, 1.4m, -1.4m, 1.40m, -1.40m, 0.0m, -0.0m); // sums that come back to zero
        var term = Gen.Frequency((12, weight), (2, negativeWeight), (1, fine), (1, large), (1, zero), (4, cancelling));
        return Gen.ArrayOf(term).ToArbitrary();
    }

    [Property(MaxTest = 300)]
    public Property The_sum_is_decimal_addition_exactly_after_every_term() => Prop.ForAll(Terms(), terms =>
    {
        var sum = default(ExactDecimalSum);
        var expected = 0m;
        foreach (var term in terms)
        {
            expected += term;
            sum.Add(DecimalTerm.Of(term));

            // Same bits: same value and same scale (1.40 and 1.4 are equal but print differently), same sign of zero.
            Assert.Equal(decimal.GetBits(expected), decimal.GetBits(sum.Value));
        }
    });

    [Theory]
    [InlineData("-1.4", "1.4")]
    [InlineData("1.40", "-1.4")]
    [InlineData("-1.40", "1.4", "0.5", "-0.5")]
    [InlineData("0.00", "0")]
    public void A_sum_that_comes_back_to_zero_keeps_decimal_s_sign_of_zero(params string[] texts)
    {
        var sum = default(ExactDecimalSum);
        var expected = 0m;
        foreach (var text in texts)
        {
            var term = decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
            expected += term;
            sum.Add(DecimalTerm.Of(term));
        }

        Assert.Equal(decimal.GetBits(expected), decimal.GetBits(sum.Value));
    }

    [Fact]
    public void A_sum_past_the_long_carries_on_in_decimal()
    {
        // 9 000 000 000 in 10⁻⁹ is 9·10¹⁸: the second term would pass long.MaxValue (≈ 9.22·10¹⁸).
        var sum = default(ExactDecimalSum);
        sum.Add(DecimalTerm.Of(9_000_000_000m));
        sum.Add(DecimalTerm.Of(9_000_000_000.5m));
        sum.Add(DecimalTerm.Of(0.25m));
        Assert.Equal(decimal.GetBits(9_000_000_000m + 9_000_000_000.5m + 0.25m), decimal.GetBits(sum.Value));
        Assert.Equal("18000000000.75", sum.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Weights_keep_the_scale_they_were_written_with()
    {
        var sum = default(ExactDecimalSum);
        Assert.Equal(0m, sum.Value);
        foreach (var weight in new[] { 1.4m, 0.85m, 2.1000m })
        {
            sum.Add(DecimalTerm.Of(weight));
        }

        // 1.4 + 0.85 + 2.1000 = 4.3500 with decimal's +: four decimals, as the largest term was written.
        Assert.Equal("4.3500", sum.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(DecimalTerm.Of(1.4m).Fits);
        Assert.False(DecimalTerm.Of(0.0000000001m).Fits);
    }
}
