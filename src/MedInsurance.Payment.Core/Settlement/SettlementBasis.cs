using System;
using System.Globalization;

namespace MedInsurance.Payment.Settlement;

/// <summary>
/// 结算依据 — what a settlement line is paid by: <b>points</b> in a named point system (点数体系), valued at clearing
/// by that pool's point value (fixed, floating or elastic), or a <b>money amount</b> paid as computed
/// (payment-rules.md §4: "either points in a named point system … or a money amount").
/// </summary>
/// <remarks>
/// A money amount may name a point system too: it is then paid from that pool's budget before the points are valued
/// (as special-review payments are). With no point system it is paid outside every pool budget.
/// An immutable value; thread-safe.
/// </remarks>
public readonly struct SettlementBasis : IEquatable<SettlementBasis>
{
    private SettlementBasis(bool isPoints, string? pointSystem, decimal points, Money amount)
    {
        IsPoints = isPoints;
        PointSystem = pointSystem;
        Points = points;
        Amount = amount;
    }

    /// <summary>Whether the line is paid by points (true) or by a money amount (false).</summary>
    public bool IsPoints { get; }

    /// <summary>点数体系 — the named point system (e.g. <c>DIP</c>, <c>DRG</c>); null or empty for "the policy's only one" (points) or "outside every pool" (money).</summary>
    public string? PointSystem { get; }

    /// <summary>点数 — the points (DIP score, DRG weight × coefficient, bed-day points …); 0 for a money basis.</summary>
    public decimal Points { get; }

    /// <summary>金额 — the money amount paid as computed; zero for a points basis.</summary>
    public Money Amount { get; }

    /// <summary>A points basis.</summary>
    /// <param name="pointSystem">The point system, or null for the policy's only one.</param>
    /// <param name="points">The points.</param>
    /// <returns>The basis.</returns>
    public static SettlementBasis OfPoints(string? pointSystem, decimal points) => new(true, Clean(pointSystem), points, Money.Zero);

    /// <summary>A money basis.</summary>
    /// <param name="amount">The amount the fund pays.</param>
    /// <param name="pointSystem">The point system whose pool budget pays it, or null for outside every pool.</param>
    /// <returns>The basis.</returns>
    public static SettlementBasis OfMoney(Money amount, string? pointSystem = null) => new(false, Clean(pointSystem), 0m, amount);

    /// <inheritdoc />
    public bool Equals(SettlementBasis other) =>
        IsPoints == other.IsPoints && string.Equals(PointSystem, other.PointSystem, StringComparison.Ordinal) && Points == other.Points && Amount == other.Amount;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is SettlementBasis other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => (IsPoints ? 1 : 0) ^ (PointSystem?.GetHashCode() ?? 0) ^ Points.GetHashCode() ^ Amount.GetHashCode();

    /// <summary>Equality.</summary>
    /// <param name="left">Left.</param>
    /// <param name="right">Right.</param>
    /// <returns>Whether equal.</returns>
    public static bool operator ==(SettlementBasis left, SettlementBasis right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    /// <param name="left">Left.</param>
    /// <param name="right">Right.</param>
    /// <returns>Whether different.</returns>
    public static bool operator !=(SettlementBasis left, SettlementBasis right) => !left.Equals(right);

    /// <inheritdoc />
    public override string ToString() => IsPoints
        ? Points.ToString(CultureInfo.InvariantCulture) + " points" + (PointSystem is null ? string.Empty : " in " + PointSystem)
        : Amount + " yuan" + (PointSystem is null ? string.Empty : " from " + PointSystem);

    private static string? Clean(string? system) => string.IsNullOrWhiteSpace(system) ? null : system!.Trim();
}
