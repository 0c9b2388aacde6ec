using System;
using System.Globalization;

namespace MedInsurance.Payment;

/// <summary>
/// 权重 (RW) — a DRG relative weight: a group's mean cost divided by the mean cost of all cases.
/// </summary>
/// <remarks>An exact decimal value, never <see cref="double"/>. Immutable and thread-safe.</remarks>
public readonly struct RelativeWeight : IEquatable<RelativeWeight>, IComparable<RelativeWeight>
{
    /// <summary>Creates a value.</summary>
    /// <param name="value">The exact value.</param>
    public RelativeWeight(decimal value) => Value = value;

    /// <summary>The exact value.</summary>
    public decimal Value { get; }

    /// <summary>Sums weights (e.g. a month's total weight of a hospital).</summary>
    public static RelativeWeight operator +(RelativeWeight left, RelativeWeight right) => new(left.Value + right.Value);

    /// <summary>Scales a weight by a coefficient.</summary>
    public static RelativeWeight operator *(RelativeWeight weight, Coefficient coefficient) => new(weight.Value * coefficient.Value);

    /// <summary>Adds a weight.</summary>
    /// <param name="other">The other weight.</param>
    /// <returns>The sum.</returns>
    public RelativeWeight Add(RelativeWeight other) => this + other;

    /// <summary>The payment standard RW × base rate, not yet rounded.</summary>
    /// <param name="baseRate">费率 — yuan per unit of weight.</param>
    /// <returns>The exact amount.</returns>
    public UnroundedMoney ToMoney(Money baseRate) => new(Value * baseRate.Yuan);

    /// <summary>Whether <paramref name="left"/> is less than <paramref name="right"/>.</summary>
    public static bool operator <(RelativeWeight left, RelativeWeight right) => left.Value < right.Value;

    /// <summary>Whether <paramref name="left"/> is greater than <paramref name="right"/>.</summary>
    public static bool operator >(RelativeWeight left, RelativeWeight right) => left.Value > right.Value;

    /// <summary>Whether <paramref name="left"/> is at most <paramref name="right"/>.</summary>
    public static bool operator <=(RelativeWeight left, RelativeWeight right) => left.Value <= right.Value;

    /// <summary>Whether <paramref name="left"/> is at least <paramref name="right"/>.</summary>
    public static bool operator >=(RelativeWeight left, RelativeWeight right) => left.Value >= right.Value;

    /// <summary>Equality.</summary>
    public static bool operator ==(RelativeWeight left, RelativeWeight right) => left.Value == right.Value;

    /// <summary>Inequality.</summary>
    public static bool operator !=(RelativeWeight left, RelativeWeight right) => left.Value != right.Value;

    /// <inheritdoc />
    public bool Equals(RelativeWeight other) => Value == other.Value;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is RelativeWeight other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Value.GetHashCode();

    /// <inheritdoc />
    public int CompareTo(RelativeWeight other) => Value.CompareTo(other.Value);

    /// <inheritdoc />
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}
