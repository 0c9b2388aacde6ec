using System;
using System.Runtime.InteropServices;
using MedInsurance.Payment.Interchange;

namespace MedInsurance.Payment.Monitoring;

/// <summary>
/// Numbers distinct 64-bit keys 0, 1, 2 … in the order they are first seen (open addressing, linear probing, no
/// objects per key), so the aggregates they name live in plain arrays indexed by that number. Replaces a
/// <c>Dictionary&lt;long, object&gt;</c> on the monitor's per-case path: a slot holds its key beside its number, so a lookup
/// reads one 16-byte slot (one cache line) where the dictionary read a bucket, an entry and an object
/// (docs/performance.md, "Supervision indicators"). Not thread-safe.
/// </summary>
internal sealed class LongKeyTable
{
    private long[] _keys = new long[16];
    private Slot[] _slots = new Slot[32];
    private int _mask = 31;

    /// <summary>How many keys are numbered.</summary>
    public int Count { get; private set; }

    /// <summary>The key numbered <paramref name="index"/>.</summary>
    public long KeyAt(int index) => _keys[index];

    /// <summary>The number of <paramref name="key"/>, numbering it next when it is new (<paramref name="added"/>).</summary>
    public int GetOrAdd(long key, out bool added)
    {
        var slots = _slots;
        var slot = (int)(Mix(key) & (uint)_mask);
        while (true)
        {
            ref var entry = ref slots[slot];
            if (entry.Number == 0)
            {
                break;
            }

            if (entry.Key == key)
            {
                added = false;
                return entry.Number - 1;
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
        slots[slot] = new Slot(key, index + 1);
        Count = index + 1;
        if (Count * 2 > slots.Length)
        {
            Grow();
        }

        return index;
    }

    /// <summary>Reads the slot where a lookup of <paramref name="key"/> starts and returns what it holds: a read ahead, so that
    /// a later lookup finds the slot in the cache (many such reads, independent of one another, overlap in the processor).
    /// Where the processor prefetches (<see cref="CacheLine"/>) the slot is prefetched instead and 0 returned.</summary>
    public long Touch(long key) => CacheLine.Touch(ref _slots[(int)(Mix(key) & (uint)_mask)]);

    /// <summary>The number of <paramref name="key"/>, or −1 when it has none.</summary>
    public int IndexOf(long key)
    {
        var slot = (int)(Mix(key) & (uint)_mask);
        while (_slots[slot].Number is var number && number != 0)
        {
            if (_slots[slot].Key == key)
            {
                return number - 1;
            }

            slot = (slot + 1) & _mask;
        }

        return -1;
    }

    private void Grow()
    {
        _slots = FreshArrays.Allocate<Slot>(_slots.Length * 2);
        _mask = _slots.Length - 1;
        for (var i = 0; i < Count; i++)
        {
            var slot = (int)(Mix(_keys[i]) & (uint)_mask);
            while (_slots[slot].Number != 0)
            {
                slot = (slot + 1) & _mask;
            }

            _slots[slot] = new Slot(_keys[i], i + 1);
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

    /// <summary>A key and its number + 1 (0 = empty slot).</summary>
    [StructLayout(LayoutKind.Sequential)]
    private readonly struct Slot
    {
        public readonly long Key;
        public readonly int Number;

        public Slot(long key, int number)
        {
            Key = key;
            Number = number;
        }
    }
}
