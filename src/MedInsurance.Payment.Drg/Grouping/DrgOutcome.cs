using System;

namespace MedInsurance.Payment.Drg.Grouping;

/// <summary>
/// 分组结果（紧凑） — the allocation-free result of the batch path: status and indexes into the grouper's MDC, ADRG and
/// DRG lists (−1 when not applicable). Turn it into codes with <see cref="DrgGrouper.MdcCode"/> and friends.
/// </summary>
public readonly struct DrgOutcome : IEquatable<DrgOutcome>
{
    internal DrgOutcome(DrgStatus status, short mdc, short adrg, short drg, byte reason)
    {
        Status = status;
        MdcIndex = mdc;
        AdrgIndex = adrg;
        DrgIndex = drg;
        Reason = reason;
    }

    /// <summary>状态 — the status.</summary>
    public DrgStatus Status { get; }

    /// <summary>MDC序号 — index into <c>RulePack.Mdcs</c>, or −1.</summary>
    public short MdcIndex { get; }

    /// <summary>ADRG序号 — index into <c>RulePack.Adrgs</c>, or −1.</summary>
    public short AdrgIndex { get; }

    /// <summary>DRG序号 — index into <c>RulePack.Drgs</c>, or −1.</summary>
    public short DrgIndex { get; }

    internal byte Reason { get; }

    /// <summary>Equality.</summary>
    /// <param name="left">The left value.</param>
    /// <param name="right">The right value.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(DrgOutcome left, DrgOutcome right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    /// <param name="left">The left value.</param>
    /// <param name="right">The right value.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(DrgOutcome left, DrgOutcome right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(DrgOutcome other) =>
        Status == other.Status && MdcIndex == other.MdcIndex && AdrgIndex == other.AdrgIndex && DrgIndex == other.DrgIndex && Reason == other.Reason;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is DrgOutcome other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => ((int)Status << 24) ^ (MdcIndex << 16) ^ (AdrgIndex << 8) ^ DrgIndex ^ (Reason << 28);
}
