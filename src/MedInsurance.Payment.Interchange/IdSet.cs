using System;
using System.Runtime.InteropServices;
using System.Threading;

namespace MedInsurance.Payment.Interchange;

/// <summary>
/// The ids seen so far in one file, for <c>CASE_ID_DUPLICATED</c>, kept as 96-bit seeded hashes in one open-addressing
/// table instead of strings: 12 bytes a slot (18 MB for a million ids), a fifth of a string set's memory, and
/// no string kept alive. Two different ids are taken as the same with a probability of about 10⁻¹⁷ for a million ids
/// (10⁻¹³ for a hundred million); the seed is chosen per set, so such a pair cannot be prepared. Not thread-safe.
/// </summary>
internal sealed class IdSet
{
    private readonly ulong _seed1;
    private readonly ulong _seed2;
    private Slot[] _slots = new Slot[1024];
    private int _count;
    private ulong[] _highs = Array.Empty<ulong>();
    private uint[] _lows = Array.Empty<uint>();
    private ulong _touched;

    public IdSet()
    {
        var guid = Guid.NewGuid().ToByteArray();
        _seed1 = BitConverter.ToUInt64(guid, 0);
        _seed2 = BitConverter.ToUInt64(guid, 8) | 1;
    }

    /// <summary>The most ids <see cref="Reserve"/> makes room for at once (16 M ids, 290 MB: a year of a province); beyond it the set grows as it fills.</summary>
    public const int MaxReserve = 1 << 24;

    /// <summary>The ids added so far.</summary>
    public int Count => _count;

    /// <summary>The slots of the table (its memory is 12 bytes a slot).</summary>
    public int Capacity => _slots.Length;

    /// <summary>
    /// Makes room for <paramref name="ids"/> ids in total (at most <see cref="MaxReserve"/>) in one step, so a file whose
    /// size is known needs one table instead of a sequence of ever larger ones: each outgrown table is garbage on the
    /// large-object heap until a full collection (24 MiB of peak memory for a million ids, measured).
    /// </summary>
    /// <param name="ids">The ids expected.</param>
    public void Reserve(long ids)
    {
        if (ids <= 0)
        {
            return;
        }

        var target = (int)Math.Min(ids, MaxReserve);
        if (target * 10L > _slots.Length * 7L)
        {
            Rehash((int)((target * 10L / 7) + 1));
        }
    }

    /// <summary>Adds an id; false when it was already there.</summary>
    public bool Add(string id)
    {
        Hash(id, _seed1, _seed2, out var high, out var low);
        return AddHash(high | 1, unchecked((uint)low)); // High is never 0: 0 marks an empty slot.
    }

    /// <summary>
    /// Adds the ids of a block in order, as <see cref="Add(string)"/> one after the other would, and says of each whether
    /// it was new (an id repeated within the block is new the first time only); a null or empty id is skipped and marked
    /// new. First the block's hashes are computed and their slots read in a loop of independent loads, so the cache misses
    /// of a large set overlap instead of following one another (<c>IdSetBenchmarks</c>); then the ids are inserted.
    /// </summary>
    /// <param name="ids">The ids; only the first <paramref name="count"/> are read.</param>
    /// <param name="count">How many.</param>
    /// <param name="added">Receives, per id, false when it was already there.</param>
    public void Add(string?[] ids, int count, bool[] added)
    {
        if (_highs.Length < count)
        {
            _highs = new ulong[count];
            _lows = new uint[count];
        }

        var highs = _highs;
        var lows = _lows;
        for (var j = 0; j < count; j++)
        {
            // High is never 0: 0 marks an empty slot, and here an id not to add.
            var id = ids[j];
            if (id is { Length: > 0 })
            {
                Hash(id, _seed1, _seed2, out var high, out var low);
                highs[j] = high | 1;
                lows[j] = unchecked((uint)low);
            }
            else
            {
                highs[j] = 0;
                lows[j] = 0;
            }
        }

        // A loop of nothing but independent loads: the processor keeps many of them in flight at once.
        var slots = _slots;
        ulong touched = 0;
        for (var j = 0; j < count; j++)
        {
            touched ^= slots[IndexOf(highs[j], slots.Length)].High;
        }

        Volatile.Write(ref _touched, touched); // kept, so the loads above stay in the compiled code
        for (var j = 0; j < count; j++)
        {
            added[j] = highs[j] == 0 || AddHash(highs[j], lows[j]);
        }
    }

    /// <summary>Adds an id's hashes, growing the table first when it would be more than 70 % full; false when they were there.</summary>
    private bool AddHash(ulong high, uint low)
    {
        if ((_count + 1) * 10L > _slots.Length * 7L)
        {
            // Grow by half, not double: a million ids take 1.5 M slots (18 MB), not 2 M.
            Rehash(_slots.Length + (_slots.Length / 2));
        }

        if (!Insert(_slots, high, low))
        {
            return false;
        }

        _count++;
        return true;
    }

    private void Rehash(int length)
    {
        var old = _slots;
        _slots = FreshArrays.Allocate<Slot>(length);
        foreach (var slot in old)
        {
            if (slot.High != 0)
            {
                Insert(_slots, slot.High, slot.Low);
            }
        }
    }

    private static bool Insert(Slot[] slots, ulong high, uint low)
    {
        var i = IndexOf(high, slots.Length);
        while (slots[i].High != 0)
        {
            if (slots[i].High == high && slots[i].Low == low)
            {
                return false;
            }

            i = i + 1 == slots.Length ? 0 : i + 1;
        }

        slots[i] = new Slot(high, low);
        return true;
    }

    /// <summary>The first slot to probe: the hash's top 32 bits scaled to the table length (any length, no modulo).</summary>
    private static int IndexOf(ulong high, int length) => (int)(((high >> 32) * (ulong)length) >> 32);

    /// <summary>Two seeded 64-bit hashes of the id's UTF-16 code units (multiply–rotate per four units read as one 64-bit
    /// word, then per remaining unit; murmur3 finalizer), in one pass: the two multiply chains are independent, so the
    /// processor runs them side by side, and an 8-character id takes two steps of each instead of eight.</summary>
    private static void Hash(string s, ulong seed1, ulong seed2, out ulong h1, out ulong h2)
    {
        unchecked
        {
            var length = (ulong)s.Length * 0x9E3779B97F4A7C15UL;
            var a = seed1 ^ length;
            var b = seed2 ^ length;
            var chars = s.AsSpan();
            var words = MemoryMarshal.Cast<char, ulong>(chars);
            foreach (var w in words)
            {
                a = Step(a, w);
                b = Step(b, w);
            }

            foreach (var c in chars.Slice(words.Length * 4))
            {
                a = Step(a, c);
                b = Step(b, c);
            }

            h1 = Finish(a);
            h2 = Finish(b);
        }
    }

    /// <summary>One multiply–rotate–multiply step of <see cref="Hash"/>.</summary>
    private static ulong Step(ulong h, ulong value)
    {
        unchecked
        {
            h = (h ^ value) * 0x100000001B3UL;
            return ((h << 29) | (h >> 35)) * 0xBF58476D1CE4E5B9UL;
        }
    }

    /// <summary>The murmur3 64-bit finalizer.</summary>
    private static ulong Finish(ulong h)
    {
        unchecked
        {
            h ^= h >> 33;
            h *= 0xFF51AFD7ED558CCDUL;
            h ^= h >> 33;
            h *= 0xC4CEB9FE1A85EC53UL;
            h ^= h >> 33;
            return h;
        }
    }

    [StructLayout(LayoutKind.Sequential, Pack = 4)]
    private readonly struct Slot
    {
        public Slot(ulong high, uint low)
        {
            High = high;
            Low = low;
        }

        public ulong High { get; }

        public uint Low { get; }
    }
}
