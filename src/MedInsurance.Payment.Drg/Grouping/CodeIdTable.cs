using System;
using System.Collections.Generic;

namespace MedInsurance.Payment.Drg.Grouping;

/// <summary>
/// 代码编号表 — the kernel id of each diagnosis or procedure code of a rule pack, for preparing cases: every case looks
/// up each of its codes, so this lookup is made to touch one slot. A code of up to 16 ASCII characters (every code of
/// the 医保版 editions) is packed into two 64-bit words kept in the slot beside its length and id, so a lookup reads the
/// code's characters, then one slot (24 bytes) of an open-addressed table with room for half as many codes again as it
/// holds — where a <see cref="Dictionary{TKey, TValue}"/> reads a bucket, an entry and the stored key string, three
/// places of a table that for a whole ICD-10 edition does not fit the core's cache. Other codes (longer, or not ASCII)
/// are looked up in a dictionary. Immutable after construction; thread-safe for lookups.
/// </summary>
internal sealed class CodeIdTable
{
    private const int Packed = 16;

    private readonly Slot[] _slots;
    private readonly Dictionary<string, int> _others = new(StringComparer.Ordinal);

    /// <summary>Builds the table: code <c>codes[i]</c> gets id <c>i</c> (codes are distinct).</summary>
    /// <param name="codes">The codes in id order.</param>
    public CodeIdTable(IReadOnlyList<string> codes)
    {
        _slots = new Slot[Math.Max(16, codes.Count + (codes.Count / 2) + 1)];
        for (var id = 0; id < codes.Count; id++)
        {
            var code = codes[id];
            if (!Pack(code, out var a, out var b))
            {
                _others[code] = id;
                continue;
            }

            var i = SlotOf(a, b, code.Length);
            while (_slots[i].Tag != 0)
            {
                i = i + 1 == _slots.Length ? 0 : i + 1;
            }

            _slots[i] = new Slot(a, b, code.Length + 1, id);
        }
    }

    /// <summary>The id of <paramref name="code"/>; false (and −1) when the pack does not have it.</summary>
    public bool TryGetValue(string code, out int id)
    {
        if (!Pack(code, out var a, out var b))
        {
            if (_others.TryGetValue(code, out id))
            {
                return true;
            }

            id = -1;
            return false;
        }

        var tag = code.Length + 1;
        var slots = _slots;
        var i = SlotOf(a, b, code.Length);
        while (true)
        {
            ref readonly var slot = ref slots[i];
            if (slot.Tag == 0)
            {
                id = -1;
                return false;
            }

            if (slot.Tag == tag && slot.A == a && slot.B == b)
            {
                id = slot.Id;
                return true;
            }

            i = i + 1 == slots.Length ? 0 : i + 1;
        }
    }

    /// <summary>The code's characters as bytes in two words, zero-padded; false when longer than 16 or not ASCII.</summary>
    private static bool Pack(string code, out ulong a, out ulong b)
    {
        a = 0;
        b = 0;
        if (code.Length > Packed)
        {
            return false;
        }

        for (var k = 0; k < code.Length; k++)
        {
            var c = code[k];
            if (c > 0x7F)
            {
                return false;
            }

            if (k < 8)
            {
                a |= (ulong)c << (8 * k);
            }
            else
            {
                b |= (ulong)c << (8 * (k - 8));
            }
        }

        return true;
    }

    /// <summary>The first slot to probe: the words and the length mixed, scaled to the table's length (no modulo).</summary>
    private int SlotOf(ulong a, ulong b, int length)
    {
        var h = unchecked((a * 0x9E3779B97F4A7C15UL) ^ ((b + (ulong)length) * 0xC2B2AE3D27D4EB4FUL));
        h ^= h >> 31;
        h = unchecked(h * 0x165667B19E3779F9UL);
        return (int)(((h >> 32) * (ulong)_slots.Length) >> 32);
    }

    /// <summary>One slot: the packed code, its length + 1 (0: empty) and its id.</summary>
    private readonly struct Slot
    {
        public Slot(ulong a, ulong b, int tag, int id)
        {
            A = a;
            B = b;
            Tag = tag;
            Id = id;
        }

        public ulong A { get; }

        public ulong B { get; }

        public int Tag { get; }

        public int Id { get; }
    }
}
