using System;
using System.Runtime.CompilerServices;

namespace MedInsurance.Payment.Monitoring;

/// <summary>
/// Sorts a bucket of stays into <see cref="PersonStayOrder"/> order by sorting 64-bit numbers instead of the
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
    /// <param name="order">The full comparison.</param>
    public static void Sort(ref PersonStay[] stays, int count, int sharedBits, ref ulong[] keys, ref PersonStay[] sorted, PersonStayOrder order)
    {
        var spare = Array.Empty<ulong>();
        Sort(ref stays, count, sharedBits, ref keys, ref spare, ref sorted, order);
    }

    /// <summary>The same sort, with a second scratch array of numbers (<paramref name="spare"/>) kept by the caller for
    /// <see cref="SortNumbers"/>.</summary>
    /// <param name="stays">The stays; sorted on return.</param>
    /// <param name="count">How many.</param>
    /// <param name="sharedBits">The top bits of the patient hash all of them share (0 when nothing is known).</param>
    /// <param name="keys">Scratch numbers.</param>
    /// <param name="spare">More scratch numbers; may be swapped with <paramref name="keys"/>.</param>
    /// <param name="sorted">Scratch stays; swapped with <paramref name="stays"/>.</param>
    /// <param name="order">The full comparison.</param>
    public static void Sort(ref PersonStay[] stays, int count, int sharedBits, ref ulong[] keys, ref ulong[] spare, ref PersonStay[] sorted, PersonStayOrder order)
    {
        if (count > (1 << PlaceBits) || sharedBits < 0 || sharedBits > 63)
        {
            Array.Sort(stays, 0, count, order);
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

        SortNumbers(ref keys, count, ref spare);
        var target = sorted;
        for (var i = 0; i < count; i++)
        {
            target[i] = source[(int)(keys[i] & PlaceMask)];
        }

        SortRuns(keys, target, count, order);
        sorted = stays;
        stays = target;
    }

    /// <summary>
    /// Sorts a bucket of <paramref name="book"/> as <see cref="Sort(ref PersonStay[], int, int, ref ulong[], ref ulong[], ref PersonStay[], PersonStayOrder)"/>
    /// sorts its stays, reading them where they were added (<see cref="PersonStayBook.TakeChunks"/>) instead of copying them
    /// into one array first; the bucket is let go. The sorted stays are the first ones (the return value) of
    /// <paramref name="sorted"/>.
    /// </summary>
    /// <param name="book">The stays.</param>
    /// <param name="bucket">The bucket.</param>
    /// <param name="keys">Scratch numbers.</param>
    /// <param name="spare">More scratch numbers.</param>
    /// <param name="chunks">Scratch chunk list.</param>
    /// <param name="sorted">Where the sorted stays go (grown when short).</param>
    /// <param name="order">The full comparison.</param>
    /// <returns>How many stays the bucket held.</returns>
    [MethodImpl(JitHints.Optimize)]
    public static int SortBucket(PersonStayBook book, int bucket, ref ulong[] keys, ref ulong[] spare, ref PersonStay[][] chunks, ref PersonStay[] sorted, PersonStayOrder order)
    {
        var count = book.TakeChunks(bucket, ref chunks, out var chunkCount);
        if (sorted.Length < count)
        {
            sorted = new PersonStay[Math.Max(count, sorted.Length * 2)];
        }

        if (count > (1 << PlaceBits))
        {
            var at = 0;
            for (var c = 0; c < chunkCount; c++)
            {
                var length = Math.Min(PersonStayBook.ChunkSize, count - at);
                Array.Copy(chunks[c], 0, sorted, at, length);
                at += length;
            }

            Array.Sort(sorted, 0, count, order);
            Array.Clear(chunks, 0, chunkCount); // the chunks are let go with the bucket
            return count;
        }

        if (keys.Length < count)
        {
            keys = new ulong[Math.Max(count, keys.Length * 2)];
        }

        var place = 0;
        for (var c = 0; c < chunkCount; c++)
        {
            var chunk = chunks[c];
            var length = Math.Min(PersonStayBook.ChunkSize, count - place);
            for (var i = 0; i < length; i++)
            {
                keys[place] = ((chunk[i].Patient << PersonStayBook.Bits) & ~PlaceMask) | (uint)place;
                place++;
            }
        }

        SortNumbers(ref keys, count, ref spare);
        var target = sorted;
        for (var i = 0; i < count; i++)
        {
            var at = (int)(keys[i] & PlaceMask);
            target[i] = chunks[at >> PersonStayBook.ChunkBits][at & (PersonStayBook.ChunkSize - 1)];
        }

        Array.Clear(chunks, 0, chunkCount); // the chunks are let go with the bucket
        SortRuns(keys, target, count, order);
        return count;
    }

    /// <summary>
    /// Runs with the same kept bits (one person's stays, rarely two persons'): in place order after the numbers' sort; put
    /// in the full comparison's order (Array.Sort sorts a short run by insertion itself, a long one — thousands of stays
    /// under one placeholder patient id — in n log n).
    /// </summary>
    [MethodImpl(JitHints.Optimize)]
    private static void SortRuns(ulong[] keys, PersonStay[] target, int count, PersonStayOrder order)
    {
        var start = 0;
        for (var i = 1; i <= count; i++)
        {
            if (i < count && (keys[i] & ~PlaceMask) == (keys[start] & ~PlaceMask))
            {
                continue;
            }

            if (i - start > 16)
            {
                Array.Sort(target, start, i - start, order);
            }
            else if (i - start > 1)
            {
                // Most runs are one person's two or three stays: ordered in place, without a sort's setup per run.
                for (var k = start + 1; k < i; k++)
                {
                    var stay = target[k];
                    var j = k - 1;
                    while (j >= start && order.Compare(target[j], stay) > 0)
                    {
                        target[j + 1] = target[j];
                        j--;
                    }

                    target[j + 1] = stay;
                }
            }

            start = i;
        }
    }

    /// <summary>
    /// Sorts the first <paramref name="count"/> numbers (distinct: each holds its place in its low bits) ascending, as
    /// <see cref="Array.Sort(Array, int, int)"/> would: one counting pass on the highest bits in which they differ puts them
    /// in groups already in order, then each group is sorted by insertion (by <see cref="Array.Sort(Array, int, int)"/>
    /// when it is long: hashes that agree in those bits, such as one person's stays). A bucket's patient hashes are
    /// uniform, so the groups hold a few numbers each and the sort is about two passes instead of n log n comparisons. On
    /// return the sorted numbers are in <paramref name="keys"/> (which may be the array that was <paramref name="spare"/>).
    /// </summary>
    [MethodImpl(JitHints.Optimize)]
    internal static void SortNumbers(ref ulong[] keys, int count, ref ulong[] spare)
    {
        const int MaxDigitBits = 11;
        const int InsertionLength = 24;
        var numbers = keys;
        ulong any = 0, all = ulong.MaxValue;
        for (var i = 0; i < count; i++)
        {
            any |= numbers[i];
            all &= numbers[i];
        }

        var differ = (any ^ all) & ~PlaceMask; // the place bits always differ; the groups are made above them
        if (count < 64 || differ == 0)
        {
            Array.Sort(numbers, 0, count);
            return;
        }

        var top = HighestBit(differ);
        var digitBits = Math.Min(MaxDigitBits, Math.Max(1, HighestBit((ulong)count) - 1)); // two to five numbers a group
        var shift = Math.Max(PlaceBits, top + 1 - digitBits);
        var mask = (1 << (top + 1 - shift)) - 1;
        Span<int> next = stackalloc int[mask + 2];
        next.Clear();
        for (var i = 0; i < count; i++)
        {
            next[(int)((numbers[i] >> shift) & (ulong)mask)]++; // masked before the cast: the bits above can be set
        }

        var at = 0;
        for (var d = 0; d <= mask; d++)
        {
            var size = next[d];
            next[d] = at;
            at += size;
        }

        next[mask + 1] = count;
        if (spare.Length < count)
        {
            spare = new ulong[Math.Max(count, numbers.Length)];
        }

        var grouped = spare;
        for (var i = 0; i < count; i++)
        {
            var number = numbers[i];
            grouped[next[(int)((number >> shift) & (ulong)mask)]++] = number;
        }

        // next[d] is now where group d ends (and group d + 1 begins).
        var start = 0;
        for (var d = 0; d <= mask; d++)
        {
            var end = next[d];
            if (end - start > InsertionLength)
            {
                Array.Sort(grouped, start, end - start);
            }
            else
            {
                for (var i = start + 1; i < end; i++)
                {
                    var number = grouped[i];
                    var j = i - 1;
                    while (j >= start && grouped[j] > number)
                    {
                        grouped[j + 1] = grouped[j];
                        j--;
                    }

                    grouped[j + 1] = number;
                }
            }

            start = end;
        }

        spare = numbers;
        keys = grouped;
    }

    /// <summary>The place of the highest set bit of a non-zero number (0 … 63).</summary>
    private static int HighestBit(ulong value)
    {
        var bit = 0;
        while ((value >>= 1) != 0)
        {
            bit++;
        }

        return bit;
    }
}
