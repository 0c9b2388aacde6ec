using System;

namespace MedInsurance.Payment.Monitoring;

/// <summary>
/// Numbers distinct 64-bit keys 0, 1, 2 … in the order they are first seen (open addressing, linear probing, no
/// objects per key), so the aggregates they name live in plain arrays indexed by that number. Replaces a
/// <c>Dictionary&lt;long, object&gt;</c> on the monitor's per-case path: one probe of an int array and one of a long array
/// instead of a bucket, an entry and an object (docs/performance.md, "Supervision indicators"). Not thread-safe.
/// </summary>
internal sealed class LongKeyTable
{
    private long[] _keys = new long[16];
    private int[] _slots = new int[32];
    private int _mask = 31;

    /// <summary>How many keys are numbered.</summary>
    public int Count { get; private set; }

    /// <summary>The key numbered <paramref name="index"/>.</summary>
    public long KeyAt(int index) => _keys[index];

    /// <summary>The number of <paramref name="key"/>, numbering it next when it is new (<paramref name="added"/>).</summary>
    public int GetOrAdd(long key, out bool added)
    {
        var slot = (int)(Mix(key) & (uint)_mask);
        while (true)
        {
            var entry = _slots[slot];
            if (entry == 0)
            {
                break;
            }

            if (_keys[entry - 1] == key)
            {
                added = false;
                return entry - 1;
            }

            slot = (slot + 1) & _mask;
        }

        added = true;
        var index = Count;
        if (index == _keys.Length)
        {
            Array.Resize(ref _keys, index * 2);
        }

        _keys[index] = key;
        _slots[slot] = index + 1;
        Count = index + 1;
        if (Count * 2 > _slots.Length)
        {
            Grow();
        }

        return index;
    }

    /// <summary>The number of <paramref name="key"/>, or −1 when it has none.</summary>
    public int IndexOf(long key)
    {
        var slot = (int)(Mix(key) & (uint)_mask);
        while (_slots[slot] is var entry && entry != 0)
        {
            if (_keys[entry - 1] == key)
            {
                return entry - 1;
            }

            slot = (slot + 1) & _mask;
        }

        return -1;
    }

    private void Grow()
    {
        _slots = new int[_slots.Length * 2];
        _mask = _slots.Length - 1;
        for (var i = 0; i < Count; i++)
        {
            var slot = (int)(Mix(_keys[i]) & (uint)_mask);
            while (_slots[slot] != 0)
            {
                slot = (slot + 1) & _mask;
            }

            _slots[slot] = i + 1;
        }
    }

    /// <summary>A 64-bit finaliser (splitmix64): the packed keys differ in few bits, which a mask alone would not spread.</summary>
    private static ulong Mix(long key)
    {
        var z = unchecked((ulong)key + 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return z ^ (z >> 31);
    }
}
