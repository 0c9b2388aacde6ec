using System;

namespace MedInsurance.Payment.Interchange;

/// <summary>
/// The ids seen so far in one file, for <c>CASE_ID_DUPLICATED</c>, kept as 128-bit seeded hashes in one open-addressing
/// table instead of strings: 32 bytes a slot (16 MB per 500 000 ids at most), a third of a string set's memory, and no
/// string kept alive. Two different ids are taken as the same with a probability of about 10⁻²¹ for a billion ids; the
/// seed is chosen per set, so such a pair cannot be prepared. Not thread-safe.
/// </summary>
internal sealed class IdSet
{
    private readonly ulong _seed1;
    private readonly ulong _seed2;
    private ulong[] _slots = new ulong[2 * 1024];
    private int _count;

    public IdSet()
    {
        var guid = Guid.NewGuid().ToByteArray();
        _seed1 = BitConverter.ToUInt64(guid, 0);
        _seed2 = BitConverter.ToUInt64(guid, 8) | 1;
    }

    /// <summary>Adds an id; false when it was already there.</summary>
    public bool Add(string id)
    {
        var h1 = Hash(id, _seed1) | 1; // never 0: 0 marks an empty slot
        var h2 = Hash(id, _seed2);
        if ((_count + 1) * 10 > (_slots.Length / 2) * 7)
        {
            Grow();
        }

        return Insert(_slots, h1, h2);
    }

    private bool Insert(ulong[] slots, ulong h1, ulong h2)
    {
        var mask = (slots.Length / 2) - 1;
        var i = (int)(h1 >> 33) & mask;
        while (slots[2 * i] != 0)
        {
            if (slots[2 * i] == h1 && slots[(2 * i) + 1] == h2)
            {
                return false;
            }

            i = (i + 1) & mask;
        }

        slots[2 * i] = h1;
        slots[(2 * i) + 1] = h2;
        if (ReferenceEquals(slots, _slots))
        {
            _count++;
        }

        return true;
    }

    private void Grow()
    {
        var old = _slots;
        _slots = new ulong[old.Length * 2];
        for (var i = 0; i < old.Length; i += 2)
        {
            if (old[i] != 0)
            {
                Insert(_slots, old[i], old[i + 1]);
            }
        }

        // Insert counted the moved ids again; restore the count.
        _count -= CountOccupied(old);
    }

    private static int CountOccupied(ulong[] slots)
    {
        var n = 0;
        for (var i = 0; i < slots.Length; i += 2)
        {
            n += slots[i] != 0 ? 1 : 0;
        }

        return n;
    }

    /// <summary>A seeded 64-bit hash of the id's UTF-16 code units (multiply–rotate per unit, murmur3 finalizer).</summary>
    private static ulong Hash(string s, ulong seed)
    {
        unchecked
        {
            var h = seed ^ ((ulong)s.Length * 0x9E3779B97F4A7C15UL);
            foreach (var c in s)
            {
                h = (h ^ c) * 0x100000001B3UL;
                h = ((h << 29) | (h >> 35)) * 0xBF58476D1CE4E5B9UL;
            }

            h ^= h >> 33;
            h *= 0xFF51AFD7ED558CCDUL;
            h ^= h >> 33;
            h *= 0xC4CEB9FE1A85EC53UL;
            h ^= h >> 33;
            return h;
        }
    }
}
