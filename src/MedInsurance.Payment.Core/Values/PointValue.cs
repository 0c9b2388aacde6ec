using System;
using System.Globalization;

namespace MedInsurance.Payment;

/// <summary>
/// 点值 — the yuan value of one point (分值) in a settlement period: start-of-year (年初点值) or settlement (结算点值).
/// </summary>
/// <remarks>An exact decimal amount of yuan per point, never <see cref="double"/> and never rounded implicitly.
/// Immutable and thread-safe.</remarks>
public readonly struct PointValue : IEquatable<PointValue>, IComparable<PointValue>
{
    /// <summary>Creates a point value.</summary>
    /// <param name="yuanPerPoint">Yuan per point; must not be negative.</param>
    /// <exception cref="ArgumentOutOfRangeException">When negative.</exception>
    public PointValue(decimal yuanPerPoint)
    {
        if (yuanPerPoint < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(yuanPerPoint), yuanPerPoint, "A point value cannot be negative.");
        }

        Yuan = yuanPerPoint;
    }

    /// <summary>元/点 — yuan per point, exact.</summary>
    public decimal Yuan { get; }

    /// <summary>Rounds the point value by <paramref name="rule"/> (regions often publish it to 4 or 6 decimals).</summary>
    /// <param name="rule">The rule.</param>
    /// <returns>The rounded value.</returns>
    public PointValue Round(RoundingRule rule) => new(rule.Round(Yuan));

    /// <summary>Whether <paramref name="left"/> is less than <paramref name="right"/>.</summary>
    public static bool operator <(PointValue left, PointValue right) => left.Yuan < right.Yuan;

    /// <summary>Whether <paramref name="left"/> is greater than <paramref name="right"/>.</summary>
    public static bool operator >(PointValue left, PointValue right) => left.Yuan > right.Yuan;

    /// <summary>Whether <paramref name="left"/> is at most <paramref name="right"/>.</summary>
    public static bool operator <=(PointValue left, PointValue right) => left.Yuan <= right.Yuan;

    /// <summary>Whether <paramref name="left"/> is at least <paramref name="right"/>.</summary>
    public static bool operator >=(PointValue left, PointValue right) => left.Yuan >= right.Yuan;

    /// <summary>Equality.</summary>
    public static bool operator ==(PointValue left, PointValue right) => left.Yuan == right.Yuan;

    /// <summary>Inequality.</summary>
    public static bool operator !=(PointValue left, PointValue right) => left.Yuan != right.Yuan;

    /// <inheritdoc />
    public bool Equals(PointValue other) => Yuan == other.Yuan;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is PointValue other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Yuan.GetHashCode();

    /// <inheritdoc />
    public int CompareTo(PointValue other) => Yuan.CompareTo(other.Yuan);

    /// <inheritdoc />
    public override string ToString() => Yuan.ToString(CultureInfo.InvariantCulture);
}
