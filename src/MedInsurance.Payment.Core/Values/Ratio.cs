using System;
using System.Globalization;

namespace MedInsurance.Payment;

/// <summary>
/// 比例 — a share or rate between 0 and 1 or above: fund payment ratio (基金支付比例), advance ratio (预拨比例), deposit rate (质量保证金比例)…
/// </summary>
/// <remarks>An exact decimal value, never <see cref="double"/>. Immutable and thread-safe.</remarks>
public readonly struct Ratio : IEquatable<Ratio>, IComparable<Ratio>
{
    /// <summary>Creates a value.</summary>
    /// <param name="value">The exact value.</param>
    public Ratio(decimal value) => Value = value;

    /// <summary>The exact value.</summary>
    public decimal Value { get; }

    /// <summary>Creates a ratio from a percentage, e.g. 90 → 0.9.</summary>
    /// <param name="percent">The percentage.</param>
    /// <returns>The ratio.</returns>
    public static Ratio FromPercent(decimal percent) => new(percent / 100m);

    /// <summary>The ratio as a percentage.</summary>
    public decimal Percent => Value * 100m;

    /// <summary>Applies the ratio to an amount, exactly.</summary>
    /// <param name="amount">The amount.</param>
    /// <returns>amount × ratio, not yet rounded.</returns>
    public UnroundedMoney Of(Money amount) => amount.Multiply(Value);

    /// <summary>Whether <paramref name="left"/> is less than <paramref name="right"/>.</summary>
    public static bool operator <(Ratio left, Ratio right) => left.Value < right.Value;

    /// <summary>Whether <paramref name="left"/> is greater than <paramref name="right"/>.</summary>
    public static bool operator >(Ratio left, Ratio right) => left.Value > right.Value;

    /// <summary>Whether <paramref name="left"/> is at most <paramref name="right"/>.</summary>
    public static bool operator <=(Ratio left, Ratio right) => left.Value <= right.Value;

    /// <summary>Whether <paramref name="left"/> is at least <paramref name="right"/>.</summary>
    public static bool operator >=(Ratio left, Ratio right) => left.Value >= right.Value;

    /// <summary>Equality.</summary>
    public static bool operator ==(Ratio left, Ratio right) => left.Value == right.Value;

    /// <summary>Inequality.</summary>
    public static bool operator !=(Ratio left, Ratio right) => left.Value != right.Value;

    /// <inheritdoc />
    public bool Equals(Ratio other) => Value == other.Value;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Ratio other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Value.GetHashCode();

    /// <inheritdoc />
    public int CompareTo(Ratio other) => Value.CompareTo(other.Value);

    /// <inheritdoc />
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}
