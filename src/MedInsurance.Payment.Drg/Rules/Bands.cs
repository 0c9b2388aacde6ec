using System;
using System.Globalization;

namespace MedInsurance.Payment.Drg.Rules;

/// <summary>年龄段 — an age range in days, both ends inclusive; <see cref="Unbounded"/> when the ADRG states none.</summary>
public readonly struct AgeBand : IEquatable<AgeBand>
{
    /// <summary>Creates a band.</summary>
    /// <param name="minDays">The youngest age in days, inclusive.</param>
    /// <param name="maxDays">The oldest age in days, inclusive.</param>
    public AgeBand(int minDays, int maxDays)
    {
        MinDays = minDays;
        MaxDays = maxDays;
    }

    /// <summary>No age condition.</summary>
    public static AgeBand Unbounded => new(0, int.MaxValue);

    /// <summary>最小年龄（天） — inclusive.</summary>
    public int MinDays { get; }

    /// <summary>最大年龄（天） — inclusive.</summary>
    public int MaxDays { get; }

    /// <summary>Whether the band states a condition.</summary>
    public bool IsBounded => MinDays > 0 || MaxDays != int.MaxValue;

    /// <summary>Equality.</summary>
    /// <param name="left">The left value.</param>
    /// <param name="right">The right value.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(AgeBand left, AgeBand right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    /// <param name="left">The left value.</param>
    /// <param name="right">The right value.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(AgeBand left, AgeBand right) => !left.Equals(right);

    /// <summary>Whether an age in days is inside the band.</summary>
    /// <param name="days">The age in days.</param>
    /// <returns>Whether it is inside.</returns>
    public bool Contains(int days) => days >= MinDays && days <= MaxDays;

    /// <inheritdoc />
    public bool Equals(AgeBand other) => MinDays == other.MinDays && MaxDays == other.MaxDays;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is AgeBand other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => (MinDays * 397) ^ MaxDays;

    /// <inheritdoc />
    public override string ToString() => IsBounded
        ? string.Format(CultureInfo.InvariantCulture, "{0}–{1} d", MinDays, MaxDays == int.MaxValue ? "∞" : MaxDays.ToString(CultureInfo.InvariantCulture))
        : "any age";
}

/// <summary>体重段 — a weight range in grams, both ends inclusive; <see cref="Unbounded"/> when the ADRG states none.</summary>
public readonly struct WeightBand : IEquatable<WeightBand>
{
    /// <summary>Creates a band.</summary>
    /// <param name="minGrams">The lightest weight, inclusive.</param>
    /// <param name="maxGrams">The heaviest weight, inclusive.</param>
    public WeightBand(int minGrams, int maxGrams)
    {
        MinGrams = minGrams;
        MaxGrams = maxGrams;
    }

    /// <summary>No weight condition.</summary>
    public static WeightBand Unbounded => new(0, int.MaxValue);

    /// <summary>最小体重（克） — inclusive.</summary>
    public int MinGrams { get; }

    /// <summary>最大体重（克） — inclusive.</summary>
    public int MaxGrams { get; }

    /// <summary>Whether the band states a condition.</summary>
    public bool IsBounded => MinGrams > 0 || MaxGrams != int.MaxValue;

    /// <summary>Equality.</summary>
    /// <param name="left">The left value.</param>
    /// <param name="right">The right value.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(WeightBand left, WeightBand right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    /// <param name="left">The left value.</param>
    /// <param name="right">The right value.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(WeightBand left, WeightBand right) => !left.Equals(right);

    /// <summary>Whether a weight is inside the band.</summary>
    /// <param name="grams">The weight in grams.</param>
    /// <returns>Whether it is inside.</returns>
    public bool Contains(int grams) => grams >= MinGrams && grams <= MaxGrams;

    /// <inheritdoc />
    public bool Equals(WeightBand other) => MinGrams == other.MinGrams && MaxGrams == other.MaxGrams;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is WeightBand other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => (MinGrams * 397) ^ MaxGrams;

    /// <inheritdoc />
    public override string ToString() => IsBounded
        ? string.Format(CultureInfo.InvariantCulture, "{0}–{1} g", MinGrams, MaxGrams == int.MaxValue ? "∞" : MaxGrams.ToString(CultureInfo.InvariantCulture))
        : "any weight";
}
