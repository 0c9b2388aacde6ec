using System;
using System.Globalization;

namespace MedInsurance.Payment;

/// <summary>
/// 系数 — a multiplicative adjustment coefficient: hospital level (医院系数), auxiliary type (辅助目录系数), assessment (考核系数)…
/// </summary>
/// <remarks>An exact decimal value, never <see cref="double"/>. Immutable and thread-safe.</remarks>
public readonly struct Coefficient : IEquatable<Coefficient>, IComparable<Coefficient>
{
    /// <summary>Creates a value.</summary>
    /// <param name="value">The exact value.</param>
    public Coefficient(decimal value) => Value = value;

    /// <summary>The exact value.</summary>
    public decimal Value { get; }

    /// <summary>The neutral coefficient 1.</summary>
    public static Coefficient One => new(1m);

    /// <summary>Multiplies coefficients.</summary>
    public static Coefficient operator *(Coefficient left, Coefficient right) => new(left.Value * right.Value);

    /// <summary>Multiplies coefficients.</summary>
    /// <param name="other">The other coefficient.</param>
    /// <returns>The product.</returns>
    public Coefficient Multiply(Coefficient other) => this * other;

    /// <summary>Whether <paramref name="left"/> is less than <paramref name="right"/>.</summary>
    public static bool operator <(Coefficient left, Coefficient right) => left.Value < right.Value;

    /// <summary>Whether <paramref name="left"/> is greater than <paramref name="right"/>.</summary>
    public static bool operator >(Coefficient left, Coefficient right) => left.Value > right.Value;

    /// <summary>Whether <paramref name="left"/> is at most <paramref name="right"/>.</summary>
    public static bool operator <=(Coefficient left, Coefficient right) => left.Value <= right.Value;

    /// <summary>Whether <paramref name="left"/> is at least <paramref name="right"/>.</summary>
    public static bool operator >=(Coefficient left, Coefficient right) => left.Value >= right.Value;

    /// <summary>Equality.</summary>
    public static bool operator ==(Coefficient left, Coefficient right) => left.Value == right.Value;

    /// <summary>Inequality.</summary>
    public static bool operator !=(Coefficient left, Coefficient right) => left.Value != right.Value;

    /// <inheritdoc />
    public bool Equals(Coefficient other) => Value == other.Value;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Coefficient other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Value.GetHashCode();

    /// <inheritdoc />
    public int CompareTo(Coefficient other) => Value.CompareTo(other.Value);

    /// <inheritdoc />
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}
