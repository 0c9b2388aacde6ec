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
    // Held in fen so that the common path (Money × rate, rounded to the fen) needs no decimal division.
    private readonly decimal _fen;

    /// <summary>Creates an exact amount in yuan.</summary>
    /// <param name="yuan">The amount in yuan, any precision.</param>
    public UnroundedMoney(decimal yuan) => _fen = yuan * 100m;

    private UnroundedMoney(decimal fen, bool inFen) => _fen = inFen ? fen : fen * 100m;

    /// <summary>元 — the exact amount in yuan.</summary>
    public decimal Yuan => _fen / 100m;

    internal static UnroundedMoney FromFen(decimal fen) => new(fen, inFen: true);

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

        return rule.Decimals == 2
            ? Money.FromFen(decimal.ToInt64(new RoundingRule(rule.Mode, 0).Round(_fen)))
            : Money.FromFen(decimal.ToInt64(rule.Round(Yuan) * 100m));
    }

    /// <summary>Multiplies by an exact factor.</summary>
    /// <param name="factor">The factor.</param>
    /// <returns>The exact product.</returns>
    public UnroundedMoney Multiply(decimal factor) => FromFen(_fen * factor);

    /// <summary>Divides by an exact divisor.</summary>
    /// <param name="divisor">The divisor, not zero.</param>
    /// <returns>The exact quotient.</returns>
    public UnroundedMoney Divide(decimal divisor) => FromFen(_fen / divisor);

    /// <summary>Adds exact amounts.</summary>
    public static UnroundedMoney operator +(UnroundedMoney left, UnroundedMoney right) => FromFen(left._fen + right._fen);

    /// <summary>Subtracts exact amounts.</summary>
    public static UnroundedMoney operator -(UnroundedMoney left, UnroundedMoney right) => FromFen(left._fen - right._fen);

    /// <summary>Adds exact amounts.</summary>
    /// <param name="other">The other amount.</param>
    /// <returns>The sum.</returns>
    public UnroundedMoney Add(UnroundedMoney other) => this + other;

    /// <summary>Subtracts exact amounts.</summary>
    /// <param name="other">The other amount.</param>
    /// <returns>The difference.</returns>
    public UnroundedMoney Subtract(UnroundedMoney other) => this - other;

    /// <summary>Whether <paramref name="left"/> is less than <paramref name="right"/>.</summary>
    public static bool operator <(UnroundedMoney left, UnroundedMoney right) => left._fen < right._fen;

    /// <summary>Whether <paramref name="left"/> is greater than <paramref name="right"/>.</summary>
    public static bool operator >(UnroundedMoney left, UnroundedMoney right) => left._fen > right._fen;

    /// <summary>Whether <paramref name="left"/> is at most <paramref name="right"/>.</summary>
    public static bool operator <=(UnroundedMoney left, UnroundedMoney right) => left._fen <= right._fen;

    /// <summary>Whether <paramref name="left"/> is at least <paramref name="right"/>.</summary>
    public static bool operator >=(UnroundedMoney left, UnroundedMoney right) => left._fen >= right._fen;

    /// <summary>Equality.</summary>
    public static bool operator ==(UnroundedMoney left, UnroundedMoney right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(UnroundedMoney left, UnroundedMoney right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(UnroundedMoney other) => _fen == other._fen;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is UnroundedMoney other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _fen.GetHashCode();

    /// <inheritdoc />
    public int CompareTo(UnroundedMoney other) => _fen.CompareTo(other._fen);

    /// <inheritdoc />
    public override string ToString() => Yuan.ToString(CultureInfo.InvariantCulture);
}
