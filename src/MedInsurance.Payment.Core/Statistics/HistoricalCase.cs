using System;

namespace MedInsurance.Payment.Statistics;

/// <summary>
/// 历史病例 — one historical case for deriving point values and weights: its group, its year slot, its units and its
/// total cost.
/// </summary>
/// <remarks>An immutable value; thread-safe. Callable from C# 7.3 (constructor, no <c>init</c>).</remarks>
public readonly struct HistoricalCase : IEquatable<HistoricalCase>
{
    private readonly string? _group;

    /// <summary>Creates a historical case.</summary>
    /// <param name="group">病组/病种 — the DRG or DIP group code.</param>
    /// <param name="yearIndex">年度序号 — 0 for the oldest history year, 1 for the next, … (the index into the year weights).</param>
    /// <param name="units">分值/权重 — the case score (DIP) or weight; unused by the DRG weight derivation.</param>
    /// <param name="cost">医疗总费用 — the total cost.</param>
    public HistoricalCase(string group, int yearIndex, decimal units, Money cost)
    {
        _group = group;
        YearIndex = yearIndex;
        Units = units;
        Cost = cost;
    }

    /// <summary>病组/病种 — the group code.</summary>
    public string Group => _group ?? string.Empty;

    /// <summary>年度序号 — 0 for the oldest history year.</summary>
    public int YearIndex { get; }

    /// <summary>分值/权重 — the case's units (score or weight).</summary>
    public decimal Units { get; }

    /// <summary>医疗总费用 — the total cost.</summary>
    public Money Cost { get; }

    /// <inheritdoc />
    public bool Equals(HistoricalCase other) =>
        string.Equals(Group, other.Group, StringComparison.Ordinal) && YearIndex == other.YearIndex && Units == other.Units && Cost == other.Cost;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is HistoricalCase other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Group.GetHashCode() ^ (YearIndex * 397) ^ Units.GetHashCode() ^ Cost.GetHashCode();

    /// <summary>Equality.</summary>
    /// <param name="left">Left.</param>
    /// <param name="right">Right.</param>
    /// <returns>Whether equal.</returns>
    public static bool operator ==(HistoricalCase left, HistoricalCase right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    /// <param name="left">Left.</param>
    /// <param name="right">Right.</param>
    /// <returns>Whether different.</returns>
    public static bool operator !=(HistoricalCase left, HistoricalCase right) => !left.Equals(right);

    /// <inheritdoc />
    public override string ToString() => Group + " year " + YearIndex + ": " + Cost + " yuan";
}
