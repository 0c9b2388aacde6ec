using System;
using System.Runtime.CompilerServices;
using MedInsurance.Payment.Cases;

namespace MedInsurance.Payment.Outpatient;

/// <summary>
/// The sort key of a unit within one service date, in the order of <see cref="UnitKey.CompareTo"/> (institution, person,
/// fund; ordinal): the institution's rank among the date's institutions, then the person id's first eight UTF-16 code
/// units packed big-endian in two numbers (a missing character packs as 0, which never orders two ids against their
/// ordinal order: a shorter id that agrees so far is a prefix, and prefixes come first), then the whole id, then the fund.
/// </summary>
internal readonly struct UnitSortKey : IComparable<UnitSortKey>
{
    private readonly int _institution;
    private readonly ulong _head;
    private readonly ulong _next;
    private readonly string _person;
    private readonly InsuranceFund _fund;

    public UnitSortKey(int institutionRank, string person, InsuranceFund fund, int unit)
    {
        _institution = institutionRank;
        _head = Pack(person, 0);
        _next = Pack(person, 4);
        _person = person;
        _fund = fund;
        Unit = unit;
    }

    /// <summary>The unit's index in its batch.</summary>
    public int Unit { get; }

    [MethodImpl(MethodImplOptions.AggressiveInlining)] // into the sort's loops, also where no profile guides the inliner (ahead-of-time code)
    public int CompareTo(UnitSortKey other)
    {
        if (_institution != other._institution)
        {
            return _institution < other._institution ? -1 : 1;
        }

        if (_head != other._head)
        {
            return _head < other._head ? -1 : 1;
        }

        if (_next != other._next)
        {
            return _next < other._next ? -1 : 1;
        }

        var c = string.CompareOrdinal(_person, other._person);
        return c != 0 ? c : _fund.CompareTo(other._fund);
    }

    /// <summary>
    /// Sorts <paramref name="keys"/>[0, <paramref name="count"/>) by <see cref="CompareTo"/>: an introspective sort
    /// (quicksort on the median of three, insertion sort below 16 keys, heapsort past a depth of 2·log₂ n) written for
    /// this struct, so every comparison is a direct, inlinable call. <c>Array.Sort</c> gets that only from the JIT's
    /// specialised helper; ahead-of-time code (the native medpay) compared through <c>Comparer&lt;T&gt;.Default</c>, a
    /// fifth of <c>outpatient group</c>'s time. A date's keys are distinct, so any correct sort gives the same order.
    /// </summary>
    /// <param name="keys">The keys.</param>
    /// <param name="count">How many, from the start.</param>
    public static void Sort(UnitSortKey[] keys, int count)
    {
        var depth = 0;
        for (var n = count; n > 1; n >>= 1)
        {
            depth += 2;
        }

        Sort(keys, count, depth);
    }

    /// <summary>The sort with a given depth limit (tests reach the heapsort with 0).</summary>
    /// <param name="keys">The keys.</param>
    /// <param name="count">How many, from the start.</param>
    /// <param name="depthLimit">Quicksort levels before the heapsort takes over.</param>
    internal static void Sort(UnitSortKey[] keys, int count, int depthLimit) => IntroSort(keys, 0, count - 1, depthLimit);

    private static void IntroSort(UnitSortKey[] keys, int lo, int hi, int depth)
    {
        while (hi - lo >= 16)
        {
            if (depth-- == 0)
            {
                HeapSort(keys, lo, hi);
                return;
            }

            var p = Partition(keys, lo, hi);
            // Recurse into the smaller side, loop on the larger: the stack stays within log₂ n frames.
            if (p - lo < hi - p)
            {
                IntroSort(keys, lo, p - 1, depth);
                lo = p + 1;
            }
            else
            {
                IntroSort(keys, p + 1, hi, depth);
                hi = p - 1;
            }
        }

        InsertionSort(keys, lo, hi);
    }

    private static int Partition(UnitSortKey[] keys, int lo, int hi)
    {
        var mid = lo + ((hi - lo) >> 1);
        if (keys[mid].CompareTo(keys[lo]) < 0)
        {
            Swap(keys, lo, mid);
        }

        if (keys[hi].CompareTo(keys[lo]) < 0)
        {
            Swap(keys, lo, hi);
        }

        if (keys[hi].CompareTo(keys[mid]) < 0)
        {
            Swap(keys, mid, hi);
        }

        // keys[lo] ≤ keys[mid] ≤ keys[hi]: the median is the pivot, parked at hi − 1; lo and hi are sentinels.
        Swap(keys, mid, hi - 1);
        var pivot = keys[hi - 1];
        var i = lo;
        var j = hi - 1;
        while (true)
        {
            while (keys[++i].CompareTo(pivot) < 0)
            {
            }

            while (pivot.CompareTo(keys[--j]) < 0)
            {
            }

            if (i >= j)
            {
                break;
            }

            Swap(keys, i, j);
        }

        Swap(keys, i, hi - 1);
        return i;
    }

    private static void InsertionSort(UnitSortKey[] keys, int lo, int hi)
    {
        for (var i = lo + 1; i <= hi; i++)
        {
            var key = keys[i];
            var j = i - 1;
            while (j >= lo && key.CompareTo(keys[j]) < 0)
            {
                keys[j + 1] = keys[j];
                j--;
            }

            keys[j + 1] = key;
        }
    }

    private static void HeapSort(UnitSortKey[] keys, int lo, int hi)
    {
        var n = hi - lo + 1;
        for (var i = (n >> 1) - 1; i >= 0; i--)
        {
            SiftDown(keys, lo, i, n);
        }

        for (var end = n - 1; end > 0; end--)
        {
            Swap(keys, lo, lo + end);
            SiftDown(keys, lo, 0, end);
        }
    }

    private static void SiftDown(UnitSortKey[] keys, int lo, int i, int n)
    {
        while (true)
        {
            var child = (2 * i) + 1;
            if (child >= n)
            {
                return;
            }

            if (child + 1 < n && keys[lo + child].CompareTo(keys[lo + child + 1]) < 0)
            {
                child++;
            }

            if (keys[lo + i].CompareTo(keys[lo + child]) >= 0)
            {
                return;
            }

            Swap(keys, lo + i, lo + child);
            i = child;
        }
    }

    private static void Swap(UnitSortKey[] keys, int a, int b) => (keys[a], keys[b]) = (keys[b], keys[a]);

    private static ulong Pack(string text, int from)
    {
        ulong packed = 0;
        for (var i = from; i < from + 4; i++)
        {
            packed = (packed << 16) | (i < text.Length ? text[i] : 0u);
        }

        return packed;
    }
}
