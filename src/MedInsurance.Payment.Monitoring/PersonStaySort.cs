using System;

namespace MedInsurance.Payment.Monitoring;

/// <summary>
/// Sorts a bucket of stays into <see cref="PersonStay.CompareTo"/> order by sorting 64-bit numbers instead of the
/// 32-byte stays through their comparison: each number is a stay's patient hash without the bits all of a bucket shares,
/// its low bits replaced by the stay's place; one sort of those numbers, one pass putting the stays in that order, then
/// runs that share the kept bits of the hash (one person's stays, and rarely two persons') sorted by the full comparison.
/// The result is the comparison's order exactly: it is a total order (the row is unique), and the numbers only group
/// stays that the full comparison then orders (docs/performance.md, "The stays sorted by number").
/// </summary>
internal static class PersonStaySort
{
    /// <summary>The low bits that hold a stay's place in its bucket; a larger bucket is sorted by comparison.</summary>
    internal const int PlaceBits = 22;

    private const ulong PlaceMask = (1UL << PlaceBits) - 1;

    /// <summary>Sorts the first <paramref name="count"/> stays, whose patient hashes share their top
    /// <paramref name="sharedBits"/> bits (a bucket's). <paramref name="keys"/> and <paramref name="sorted"/> are scratch
    /// arrays of the caller's thread, grown here; on return the sorted stays are in <paramref name="stays"/>.</summary>
    /// <param name="stays">The stays; sorted on return.</param>
    /// <param name="count">How many.</param>
    /// <param name="sharedBits">The top bits of the patient hash all of them share (0 when nothing is known).</param>
    /// <param name="keys">Scratch numbers.</param>
    /// <param name="sorted">Scratch stays; swapped with <paramref name="stays"/>.</param>
    public static void Sort(ref PersonStay[] stays, int count, int sharedBits, ref ulong[] keys, ref PersonStay[] sorted)
    {
        if (count > (1 << PlaceBits) || sharedBits < 0 || sharedBits > 63)
        {
            Array.Sort(stays, 0, count);
            return;
        }

        if (keys.Length < count)
        {
            keys = new ulong[Math.Max(count, keys.Length * 2)];
        }

        if (sorted.Length < count)
        {
            sorted = new PersonStay[Math.Max(count, sorted.Length * 2)];
        }

        var source = stays;
        for (var i = 0; i < count; i++)
        {
            keys[i] = ((source[i].Patient << sharedBits) & ~PlaceMask) | (uint)i;
        }

        Array.Sort(keys, 0, count);
        var target = sorted;
        for (var i = 0; i < count; i++)
        {
            target[i] = source[(int)(keys[i] & PlaceMask)];
        }

        // Runs with the same kept bits (one person's stays, rarely two persons'): in place order now; put in the full
        // comparison's order (Array.Sort sorts a short run by insertion itself, a long one — thousands of stays under one
        // placeholder patient id — in n log n).
        var start = 0;
        for (var i = 1; i <= count; i++)
        {
            if (i < count && (keys[i] & ~PlaceMask) == (keys[start] & ~PlaceMask))
            {
                continue;
            }

            if (i - start > 1)
            {
                Array.Sort(target, start, i - start);
            }

            start = i;
        }

        sorted = stays;
        stays = target;
    }
}
