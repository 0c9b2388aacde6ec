using System;
using System.Globalization;

namespace MedInsurance.Payment;

/// <summary>
/// 舍入规则 — an explicit rule for rounding exact values at a named step: a <see cref="RoundingMode"/>
/// and a number of decimals (2 for money in yuan, i.e. to the fen).
/// </summary>
/// <remarks>
/// Money is never rounded implicitly: every rounding step in this library takes a <see cref="RoundingRule"/>,
/// and the policy profile names the rule for each step. The default, <see cref="HalfAwayFromZeroToFen"/>,
/// is 四舍五入 to the fen. This type is immutable and thread-safe.
/// </remarks>
public readonly struct RoundingRule : IEquatable<RoundingRule>
{
    /// <summary>四舍五入到分 — half away from zero to two decimals (the fen). The library default.</summary>
    public static RoundingRule HalfAwayFromZeroToFen => new(RoundingMode.HalfAwayFromZero, 2);

    /// <summary>The default money rule (四舍五入到分).</summary>
    public static RoundingRule Default => HalfAwayFromZeroToFen;

    /// <summary>Creates a rule.</summary>
    /// <param name="mode">舍入方式 — the rounding mode.</param>
    /// <param name="decimals">保留小数位 — decimals to keep, 0 to 10.</param>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="decimals"/> is outside 0–10 or the mode is unknown.</exception>
    public RoundingRule(RoundingMode mode, int decimals)
    {
        if (decimals < 0 || decimals > 10)
        {
            throw new ArgumentOutOfRangeException(nameof(decimals), decimals, "Decimals must be between 0 and 10.");
        }

        if (mode < RoundingMode.HalfAwayFromZero || mode > RoundingMode.Ceiling)
        {
            throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown rounding mode.");
        }

        Mode = mode;
        Decimals = decimals;
    }

    /// <summary>舍入方式 — the rounding mode.</summary>
    public RoundingMode Mode { get; }

    /// <summary>保留小数位 — how many decimals the rule keeps.</summary>
    public int Decimals { get; }

    /// <summary>Rounds <paramref name="value"/> by this rule.</summary>
    /// <param name="value">The exact value.</param>
    /// <returns>The value with at most <see cref="Decimals"/> decimals.</returns>
    public decimal Round(decimal value) => Mode switch
    {
        RoundingMode.HalfAwayFromZero => decimal.Round(value, Decimals, MidpointRounding.AwayFromZero),
        RoundingMode.HalfToEven => decimal.Round(value, Decimals, MidpointRounding.ToEven),
        RoundingMode.TowardZero => Directed(value, decimal.Truncate),
        RoundingMode.AwayFromZero => Directed(value, v => v < 0 ? decimal.Floor(v) : decimal.Ceiling(v)),
        RoundingMode.Floor => Directed(value, decimal.Floor),
        RoundingMode.Ceiling => Directed(value, decimal.Ceiling),
        _ => throw new InvalidOperationException("Unknown rounding mode."),
    };

    private decimal Directed(decimal value, Func<decimal, decimal> toInteger)
    {
        var scale = Pow10(Decimals);
        return toInteger(value * scale) / scale;
    }

    private static decimal Pow10(int decimals)
    {
        var result = 1m;
        for (var i = 0; i < decimals; i++)
        {
            result *= 10m;
        }

        return result;
    }

    /// <inheritdoc />
    public bool Equals(RoundingRule other) => Mode == other.Mode && Decimals == other.Decimals;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is RoundingRule other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => ((int)Mode * 31) + Decimals;

    /// <summary>Equality.</summary>
    public static bool operator ==(RoundingRule left, RoundingRule right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(RoundingRule left, RoundingRule right) => !left.Equals(right);

    /// <inheritdoc />
    public override string ToString() => Mode + "(" + Decimals.ToString(CultureInfo.InvariantCulture) + ")";
}
