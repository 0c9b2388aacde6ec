using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace MedInsurance.Payment.Drg.Grouping;

/// <summary>A fixed bit set over interned code ids; lookups allocate nothing.</summary>
internal sealed class Bitset
{
    private readonly ulong[] _bits;

    public Bitset(int size) => _bits = new ulong[(size + 63) >> 6];

    public static Bitset? Of(IEnumerable<string> codes, Dictionary<string, int> ids, int size)
    {
        Bitset? set = null;
        foreach (var code in codes)
        {
            set ??= new Bitset(size);
            set.Add(ids[code]);
        }

        return set;
    }

    public void Add(int id) => _bits[id >> 6] |= 1UL << (id & 63);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Contains(int id) => id >= 0 && (id >> 6) < _bits.Length && (_bits[id >> 6] & (1UL << (id & 63))) != 0;

    [MethodImpl(JitHints.Optimize)]
    public bool ContainsAny(int[] ids)
    {
        for (var i = 0; i < ids.Length; i++)
        {
            if (Contains(ids[i]))
            {
                return true;
            }
        }

        return false;
    }

    public int FirstOf(int[] ids)
    {
        for (var i = 0; i < ids.Length; i++)
        {
            if (Contains(ids[i]))
            {
                return ids[i];
            }
        }

        return -1;
    }
}
