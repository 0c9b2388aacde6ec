using System;
using System.Globalization;

namespace MedInsurance.Payment;

/// <summary>
/// 分值 — a DIP score (病种分值) or case score: a dimensionless number of points.
/// </summary>
/// <remarks>An exact decimal value, never <see cref="double"/>. Immutable and thread-safe.</remarks>
public readonly struct Score : IEquatable<Score>, IComparable<Score>
{
    /// <summary>Creates a value.</summary>
    /// <param name="value">The exact value.</param>
    public Score(decimal value) => Value = value;

    /// <summary>The exact value.</summary>
    public decimal Value { get; }

    /// <summary>Zero points.</summary>
    public static Score Zero => default;

    /// <summary>Sums scores.</summary>
    public static Score operator +(Score left, Score right) => new(left.Value + right.Value);

    /// <summary>Subtracts scores.</summary>
    public static Score operator -(Score left, Score right) => new(left.Value - right.Value);

    /// <summary>Scales a score by a coefficient (hospital, auxiliary, deviation…).</summary>
    public static Score operator *(Score score, Coefficient coefficient) => new(score.Value * coefficient.Value);

    /// <summary>Scales a score by an exact factor.</summary>
    /// <param name="factor">The factor.</param>
    /// <returns>The scaled score.</returns>
    public Score Multiply(decimal factor) => new(Value * factor);

    /// <summary>Adds a score.</summary>
    /// <param name="other">The other score.</param>
    /// <returns>The sum.</returns>
    public Score Add(Score other) => this + other;

    /// <summary>The money value of this score at <paramref name="pointValue"/>, not yet rounded.</summary>
    /// <param name="pointValue">点值 — yuan per point.</param>
    /// <returns>score × point value, exact.</returns>
    public UnroundedMoney ToMoney(PointValue pointValue) => new(Value * pointValue.Yuan);

    /// <summary>Rounds the score by <paramref name="rule"/> (e.g. to 4 decimals at a named step).</summary>
    /// <param name="rule">The rule.</param>
    /// <returns>The rounded score.</returns>
    public Score Round(RoundingRule rule) => new(rule.Round(Value));

    /// <summary>Whether <paramref name="left"/> is less than <paramref name="right"/>.</summary>
    public static bool operator <(Score left, Score right) => left.Value < right.Value;

    /// <summary>Whether <paramref name="left"/> is greater than <paramref name="right"/>.</summary>
    public static bool operator >(Score left, Score right) => left.Value > right.Value;

    /// <summary>Whether <paramref name="left"/> is at most <paramref name="right"/>.</summary>
    public static bool operator <=(Score left, Score right) => left.Value <= right.Value;

    /// <summary>Whether <paramref name="left"/> is at least <paramref name="right"/>.</summary>
    public static bool operator >=(Score left, Score right) => left.Value >= right.Value;

    /// <summary>Equality.</summary>
    public static bool operator ==(Score left, Score right) => left.Value == right.Value;

    /// <summary>Inequality.</summary>
    public static bool operator !=(Score left, Score right) => left.Value != right.Value;

    /// <inheritdoc />
    public bool Equals(Score other) => Value == other.Value;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Score other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Value.GetHashCode();

    /// <inheritdoc />
    public int CompareTo(Score other) => Value.CompareTo(other.Value);

    /// <inheritdoc />
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}
