using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using MedInsurance.Payment.Interchange;

namespace MedInsurance.Payment.Monitoring;

/// <summary>
/// Values under distinct 64-bit keys, each value held in its key's own slot (open addressing, linear probing).
/// <see cref="LongKeyTable"/> with an array of values beside it took a lookup to two lines far apart (the key's slot, then
/// the value its number names); here the slot is the value, so a case of the monitor's 1.4 M hospital × group × month
/// cells reads one line, not two (docs/performance.md, change 67). A slot is 32 or 64 bytes, and the slots start on a
/// cache-line boundary (<see cref="FreshArrays.AllocateLineAligned"/>), so none lies across two lines. A key's place (its
/// slot) changes when the table grows, which <see cref="Generation"/> counts. The order of the slots, in which
/// <see cref="ToArrays"/> lists them, depends only on the keys and the order they were added in. Any key but −1.
/// Not thread-safe.
/// </summary>
/// <typeparam name="TValue">The value: without references, 24 or 56 bytes so that a slot is 32 or 64.</typeparam>
internal sealed class LongKeyCells<TValue>
    where TValue : unmanaged
{
    /// <summary>A slot's longs: its key + 1 (0 = empty) and its value.</summary>
    private static readonly int Stride = Unsafe.SizeOf<Slot>() / sizeof(long);

    private long[] _slots;
    private int _origin;
    private int _capacity;

    /// <summary>An empty table.</summary>
    /// <exception cref="NotSupportedException">A value whose slot is not 32 or 64 bytes.</exception>
    public LongKeyCells()
    {
        if (Unsafe.SizeOf<Slot>() is not (32 or 64))
        {
            throw new NotSupportedException("A slot of LongKeyCells is 32 or 64 bytes: a key and a value of 24 or 56.");
        }

        _capacity = 32;
        _slots = FreshArrays.AllocateLineAligned(_capacity * Stride, out _origin);
    }

    /// <summary>How many keys the table holds.</summary>
    public int Count { get; private set; }

    /// <summary>How many times the table has grown: a place found before a growth is not a place after it.</summary>
    public int Generation { get; private set; }

    /// <summary>The slots (a power of two).</summary>
    public int Capacity => _capacity;

    /// <summary>Every key and its value, in the order of the slots (one sweep of the table, not a read at random per key).</summary>
    /// <param name="keys">Receives the keys.</param>
    /// <param name="values">Receives their values, in the same order.</param>
    public void ToArrays(out long[] keys, out TValue[] values)
    {
        keys = new long[Count];
        values = FreshArrays.Allocate<TValue>(Count);
        var next = 0;
        for (var place = 0; place < _capacity; place++)
        {
            ref var slot = ref SlotAt(place);
            if (slot.Stored != 0)
            {
                keys[next] = unchecked(slot.Stored - 1);
                values[next] = slot.Value;
                next++;
            }
        }
    }

    /// <summary>The value in place <paramref name="place"/> (from <see cref="PlaceOf"/> or <see cref="GetOrAdd"/> of this
    /// <see cref="Generation"/>).</summary>
    public ref TValue At(int place) => ref SlotAt(place).Value;

    /// <summary>Prefetches the slot where a lookup of <paramref name="key"/> starts (or, where the processor has no prefetch
    /// instruction, reads it and returns what it read): a read ahead, so a later lookup finds it in the cache.</summary>
    public long Touch(long key) => CacheLine.Touch(ref SlotAt(Home(key)));

    /// <summary>The place of <paramref name="key"/>, or −1 when the table does not hold it.</summary>
    public int PlaceOf(long key)
    {
        var stored = unchecked(key + 1);
        var mask = _capacity - 1;
        var place = Home(key);
        while (SlotAt(place).Stored is var s && s != 0)
        {
            if (s == stored)
            {
                return place;
            }

            place = (place + 1) & mask;
        }

        return -1;
    }

    /// <summary>The place of <paramref name="key"/>, adding it with a zero value (<paramref name="added"/>) when the table
    /// does not hold it; the table grows first when it would be more than 70 % full.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="key"/> is −1.</exception>
    public int GetOrAdd(long key, out bool added)
    {
        var place = PlaceOf(key);
        if (place >= 0)
        {
            added = false;
            return place;
        }

        if (key == -1)
        {
            throw new ArgumentOutOfRangeException(nameof(key), "−1 marks an empty slot.");
        }

        added = true;
        if ((Count + 1) * 10L > _capacity * 7L)
        {
            Grow();
        }

        Count++;
        return Insert(key);
    }

    /// <summary>Doubles the slots and moves every key and value to its place there, in the order of the old slots.</summary>
    private void Grow()
    {
        var old = _slots;
        var oldOrigin = _origin;
        var oldCapacity = _capacity;
        _capacity *= 2;
        _slots = FreshArrays.AllocateLineAligned(_capacity * Stride, out _origin);
        for (var place = 0; place < oldCapacity; place++)
        {
            ref var slot = ref Unsafe.As<long, Slot>(ref old[oldOrigin + (place * Stride)]);
            if (slot.Stored != 0)
            {
                SlotAt(Insert(unchecked(slot.Stored - 1))).Value = slot.Value;
            }
        }

        Generation++;
    }

    /// <summary>Writes <paramref name="key"/> into the first empty slot from its home (the caller knows it is absent) and
    /// returns that place.</summary>
    private int Insert(long key)
    {
        var mask = _capacity - 1;
        var place = Home(key);
        while (SlotAt(place).Stored != 0)
        {
            place = (place + 1) & mask;
        }

        SlotAt(place).Stored = unchecked(key + 1);
        return place;
    }

    private ref Slot SlotAt(int place) => ref Unsafe.As<long, Slot>(ref _slots[_origin + (place * Stride)]);

    /// <summary>The slot where a key's probe starts: a 64-bit finaliser (splitmix64, as <see cref="LongKeyTable"/>), whose
    /// top bits pick one of the power-of-two slots.</summary>
    private int Home(long key)
    {
        var z = unchecked((ulong)key + 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return (int)((z ^ (z >> 31)) & (uint)(_capacity - 1));
    }

    /// <summary>A key + 1 (0: empty) and its value.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct Slot
    {
        public long Stored;
        public TValue Value;
    }
}
