using System;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MedInsurance.Payment.Dip.Internal;

namespace MedInsurance.Payment.Dip.Tests;

/// <summary>The exact deviation-case score F × (cost ÷ basis + G), rounded once.</summary>
public sealed class ExactDeviationScoreTests
{
    /// <summary>The 128-bit fast path and the BigInteger reference agree on every input, large ones included.</summary>
    [Property(MaxTest = 2000)]
    public Property Fast_path_equals_the_big_integer_reference() => Prop.ForAll(
        (from fUnits in Gen.Choose(0, int.MaxValue)
         from fWide in Gen.Choose(0, 3)
         from fScale in Gen.Choose(0, 14)
         from gUnits in Gen.Choose(-40_000, 40_000)
         from gScale in Gen.Choose(0, 5)
         from bUnits in Gen.Choose(1, int.MaxValue)
         from bWide in Gen.Choose(0, 2)
         from bScale in Gen.Choose(0, 8)
         from costHigh in Gen.Choose(0, 2_000)
         from costLow in Gen.Choose(1, int.MaxValue)
         from decimals in Gen.Choose(0, 8)
         select (fUnits, fWide, fScale, gUnits, gScale, bUnits, bWide, bScale, costHigh, costLow, decimals)).ToArbitrary(),
        input =>
        {
            var (fUnits, fWide, fScale, gUnits, gScale, bUnits, bWide, bScale, costHigh, costLow, decimals) = input;
            var f = new decimal(fUnits, fWide, 0, false, (byte)fScale);
            var g = new decimal(Math.Abs(gUnits), 0, 0, gUnits < 0, (byte)gScale);
            var basis = new decimal(bUnits, bWide, 0, false, (byte)bScale);
            var costFen = ((long)costHigh << 31) + costLow;
            // Large inputs can take the score past decimal at the requested decimals: then both paths must refuse it.
            var fast = Outcome(() => ExactDeviationScore.Score(f, g, basis, costFen, decimals));
            var reference = Outcome(() => ExactDeviationScore.Reference(f, g, basis, costFen, decimals));
            Assert.Equal(reference, fast);
        });

    [Fact]
    public void A_score_beyond_decimal_range_overflows_on_both_paths()
    {
        // The input FsCheck found: F ≈ 9.4 × 10^9, basis 0.39174312, cost ≈ 4.2 × 10^10 yuan, 8 decimals → 1.0 × 10^29 units.
        var f = new decimal(854633499, 2, 0, false, 0);
        var g = 39.146m;
        var basis = new decimal(39174312, 0, 0, false, 8);
        var costFen = (1941L << 31) + 1813079589;
        Assert.Throws<OverflowException>(() => ExactDeviationScore.Score(f, g, basis, costFen, 8));
        Assert.Throws<OverflowException>(() => ExactDeviationScore.Reference(f, g, basis, costFen, 8));
        Assert.Equal(Outcome(() => ExactDeviationScore.Reference(f, g, basis, costFen, 4)), Outcome(() => ExactDeviationScore.Score(f, g, basis, costFen, 4)));
    }

    /// <summary>The decimal's bits, or "overflow".</summary>
    private static string Outcome(Func<decimal> score)
    {
        try
        {
            return string.Join(",", decimal.GetBits(score()));
        }
        catch (OverflowException)
        {
            return "overflow";
        }
    }

    /// <summary>F given as three factors (score, coefficient, coefficient) scores as their exact product does.</summary>
    [Property(MaxTest = 1000)]
    public Property Three_factors_score_as_their_product() => Prop.ForAll(
        (from scoreUnits in Gen.Choose(0, int.MaxValue)
         from scoreScale in Gen.Choose(0, 6)
         from a in Gen.Choose(1, 300_000)
         from h in Gen.Choose(1, 300_000)
         from coefficientScale in Gen.Choose(0, 6)
         from gUnits in Gen.Choose(-30_000, 30_000)
         from meanFen in Gen.Choose(1, int.MaxValue)
         from costFen in Gen.Choose(1, int.MaxValue)
         select (scoreUnits, scoreScale, a, h, coefficientScale, gUnits, meanFen, costFen)).ToArbitrary(),
        input =>
        {
            var (scoreUnits, scoreScale, a, h, coefficientScale, gUnits, meanFen, costFen) = input;
            var s = new decimal(scoreUnits, 0, 0, false, (byte)scoreScale);
            var ca = new decimal(a, 0, 0, false, (byte)coefficientScale);
            var ch = new decimal(h, 0, 0, false, 4);
            var g = gUnits / 10_000m;
            var mean = Money.FromFen(meanFen).Yuan;
            var three = ExactDeviationScore.Score(s, ca, ch, g, mean, costFen, 4);
            var reference = ExactDeviationScore.Reference(s * ca * ch, g, mean, costFen, 4);
            Assert.Equal(decimal.GetBits(reference), decimal.GetBits(three));
        });

    /// <summary>
    /// At realistic magnitudes the exact score is within one unit of the last decimal of the decimal-first computation
    /// round(F × (round28(cost ÷ basis) + G)), and equal to it whenever the ratio is a terminating decimal.
    /// </summary>
    [Property(MaxTest = 1000)]
    public Property Agrees_with_decimal_arithmetic_where_the_ratio_is_exact() => Prop.ForAll(
        (from scoreUnits in Gen.Choose(1, 50_000_000)
         from coefficient in Gen.Choose(5_000, 15_000)
         from meanFen in Gen.Choose(100, 50_000_000)
         from costFen in Gen.Choose(1, 500_000_000)
         from plusOne in Gen.Elements(true, false)
         select (scoreUnits, coefficient, meanFen, costFen, plusOne)).ToArbitrary(),
        input =>
        {
            var (scoreUnits, coefficient, meanFen, costFen, plusOne) = input;
            var f = new decimal(scoreUnits, 0, 0, false, 4) * new decimal(coefficient, 0, 0, false, 4);
            var g = plusOne ? -1m : -2m + new decimal(coefficient, 0, 0, false, 4);
            var mean = Money.FromFen(meanFen).Yuan;
            var exact = ExactDeviationScore.Score(f, g, mean, costFen, 4);
            var ratio = Money.FromFen(costFen).Yuan / mean;
            var decimalFirst = decimal.Round(f * (ratio + g), 4, MidpointRounding.AwayFromZero);
            Assert.True(Math.Abs(exact - decimalFirst) <= 0.0001m, exact + " vs " + decimalFirst);
            if (ratio * mean == Money.FromFen(costFen).Yuan)
            {
                Assert.Equal(decimalFirst, exact);
            }
        });

    [Fact]
    public void A_midpoint_is_rounded_from_the_exact_value()
    {
        // F = 350.000175, cost 2 000 yuan, mean 7 000 yuan: F × 2/7 = 100.00005 exactly, which rounds half away from
        // zero to 100.0001. Dividing first gives 2/7 = 0.2857…2857 (28 digits, rounded down), and F × that is just below
        // the midpoint, so the decimal-first computation rounds to 100.0000.
        var f = 350.000175m;
        var exact = ExactDeviationScore.Score(f, 0m, 7_000m, 200_000, 4);
        Assert.Equal("100.0001", exact.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(100.0000m, decimal.Round(f * (2_000m / 7_000m), 4, MidpointRounding.AwayFromZero));
    }

    [Theory]
    [InlineData("800", "-1", "8000", 2_000_000, 4, "1200.0000")] // DIP 1.0 high: 800 × (2.5 − 2 + 1)
    [InlineData("800", "-1.05", "8000", 2_000_000, 4, "1160.0000")] // Jining high: 800 × (2.5 − 2 + 0.95)
    [InlineData("1000", "0", "3000", 100_000, 2, "333.33")] // low: 1000 × 1000/3000
    [InlineData("1000", "0", "3000", 200_000, 2, "666.67")] // low: 1000 × 2000/3000
    public void Worked_forms(string f, string g, string basis, long costFen, int decimals, string expected)
    {
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        var score = ExactDeviationScore.Score(decimal.Parse(f, inv), decimal.Parse(g, inv), decimal.Parse(basis, inv), costFen, decimals);
        Assert.Equal(expected, score.ToString(inv));
    }
}
