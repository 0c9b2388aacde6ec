using System;

namespace MedInsurance.Payment.Capitation;

/// <summary>
/// 门诊费用台账 — the claims' integer sums per institution × fund × month, the six figures of a cell side by side (one
/// cache line a claim instead of one per figure). Sums of fen and counts are exact and commutative, so ledgers filled
/// from any split of the claims, in any order, merge (<see cref="MergeFrom"/>) into the same figures.
/// </summary>
internal sealed class ClaimLedger
{
    /// <summary>Inside spend (fen).</summary>
    public const int Inside = 0;

    /// <summary>Spend elsewhere without referral (fen).</summary>
    public const int Elsewhere = 1;

    /// <summary>Referred fund amount (fen).</summary>
    public const int Referred = 2;

    /// <summary>Referral charges (fen).</summary>
    public const int Charge = 3;

    /// <summary>Referrals.</summary>
    public const int Referrals = 4;

    /// <summary>Counted claims.</summary>
    public const int ClaimsCounted = 5;

    /// <summary>Figures per cell.</summary>
    public const int Width = 6;

    /// <summary>Creates an empty ledger.</summary>
    /// <param name="cells">Institutions × funds × 12.</param>
    public ClaimLedger(int cells)
    {
        Cells = cells;
        Figures = new long[cells * Width];
    }

    /// <summary>Cells.</summary>
    public int Cells { get; }

    /// <summary>The figures, <see cref="Width"/> per cell.</summary>
    public long[] Figures { get; }

    /// <summary>Claims added (accepted or not).</summary>
    public long Claims { get; set; }

    /// <summary>Claims rejected.</summary>
    public long RejectedClaims { get; set; }

    /// <summary>Accepted claims not counted under the signed basis.</summary>
    public long UncountedClaims { get; set; }

    /// <summary>Their fund amount (fen).</summary>
    public long UncountedFen { get; set; }

    /// <summary>The batch path's prefetch reads folded together, kept only so that they are not optimised away.</summary>
    public ulong Touched { get; set; }

    /// <summary>Adds another ledger's figures into this one.</summary>
    /// <param name="other">A ledger of the same shape.</param>
    public void MergeFrom(ClaimLedger other)
    {
        if (other.Cells != Cells)
        {
            throw new ArgumentException("The ledgers differ in shape.", nameof(other));
        }

        for (var k = 0; k < Figures.Length; k++)
        {
            Figures[k] += other.Figures[k];
        }

        Claims += other.Claims;
        RejectedClaims += other.RejectedClaims;
        UncountedClaims += other.UncountedClaims;
        UncountedFen += other.UncountedFen;
    }

    /// <summary>One figure of every cell, as its own array (cell order).</summary>
    /// <param name="figure">The figure.</param>
    /// <returns>The column.</returns>
    public long[] Column(int figure)
    {
        var column = new long[Cells];
        for (var c = 0; c < Cells; c++)
        {
            column[c] = Figures[(c * Width) + figure];
        }

        return column;
    }
}
