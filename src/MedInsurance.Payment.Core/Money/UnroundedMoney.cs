using System;
using System.Globalization;

namespace MedInsurance.Payment;

/// <summary>
/// 未舍入金额 — an exact intermediate amount in yuan (a product with a rate, score or point value)
/// that has not yet been rounded to the fen.
/// </summary>
/// <remarks>
/// It exists so that rounding happens only at named steps: the only way back to <see cref="Money"/> is
/// <see cref="Round(RoundingRule)"/>. Immutable and thread-safe.
/// </remarks>
public readonly struct UnroundedMoney : IEquatable<UnroundedMoney>, IComparable<UnroundedMoney>
{
    /// <summary>Creates an exact amount in yuan.</summary>
    /// <param name="yuan">The amount in yuan, any precision.</param>
    public UnroundedMoney(decimal yuan) => Yuan = yuan;

    /// <summary>元 — the exact amount in yuan.</summary>
    public decimal Yuan { get; }

    /// <summary>Rounds to the fen by <paramref name="rule"/> (a named rounding step).</summary>
    /// <param name="rule">The rule; it must keep at most two decimals.</param>
    /// <returns>The rounded amount.</returns>
    /// <exception cref="ArgumentException">When the rule keeps more than two decimals.</exception>
    /// <exception cref="OverflowException">When the amount does not fit in <see cref="Money"/>.</exception>
    public Money Round(RoundingRule rule)
    {
        if (rule.Decimals > 2)
        {
            throw new ArgumentException("Money is rounded to the fen or coarser; the rule keeps " + rule.Decimals.ToString(CultureInfo.InvariantCulture) + " decimals.", nameof(rule));
        }

        return Money.FromFen(decimal.ToInt64(rule.Round(Yuan) * 100m));
    }

    /// <summary>Multiplies by an exact factor.</summary>
    /// <param name="factor">The factor.</param>
    /// <returns>The exact product.</returns>
    public UnroundedMoney Multiply(decimal factor) => new(Yuan * factor);

    /// <summary>Divides by an exact divisor.</summary>
    /// <param name="divisor">The divisor, not zero.</param>
    /// <returns>The exact quotient.</returns>
    public UnroundedMoney Divide(decimal divisor) => new(Yuan / divisor);

    /// <summary>Adds exact amounts.</summary>
    public static UnroundedMoney operator +(UnroundedMoney left, UnroundedMoney right) => new(left.Yuan + right.Yuan);

    /// <summary>Subtracts exact amounts.</summary>
    public static UnroundedMoney operator -(UnroundedMoney left, UnroundedMoney right) => new(left.Yuan - right.Yuan);

    /// <summary>Adds exact amounts.</summary>
    /// <param name="other">The other amount.</param>
    /// <returns>The sum.</returns>
    public UnroundedMoney Add(UnroundedMoney other) => this + other;

    /// <summary>Subtracts exact amounts.</summary>
    /// <param name="other">The other amount.</param>
    /// <returns>The difference.</returns>
    public UnroundedMoney Subtract(UnroundedMoney other) => this - other;

    /// <summary>Whether <paramref name="left"/> is less than <paramref name="right"/>.</summary>
    public static bool operator <(UnroundedMoney left, UnroundedMoney right) => left.Yuan < right.Yuan;

    /// <summary>Whether <paramref name="left"/> is greater than <paramref name="right"/>.</summary>
    public static bool operator >(UnroundedMoney left, UnroundedMoney right) => left.Yuan > right.Yuan;

    /// <summary>Whether <paramref name="left"/> is at most <paramref name="right"/>.</summary>
    public static bool operator <=(UnroundedMoney left, UnroundedMoney right) => left.Yuan <= right.Yuan;

    /// <summary>Whether <paramref name="left"/> is at least <paramref name="right"/>.</summary>
    public static bool operator >=(UnroundedMoney left, UnroundedMoney right) => left.Yuan >= right.Yuan;

    /// <summary>Equality.</summary>
    public static bool operator ==(UnroundedMoney left, UnroundedMoney right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(UnroundedMoney left, UnroundedMoney right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(UnroundedMoney other) => Yuan == other.Yuan;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is UnroundedMoney other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Yuan.GetHashCode();

    /// <inheritdoc />
    public int CompareTo(UnroundedMoney other) => Yuan.CompareTo(other.Yuan);

    /// <inheritdoc />
    public override string ToString() => Yuan.ToString(CultureInfo.InvariantCulture);
}
