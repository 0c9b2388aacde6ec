using System;
using System.Collections.Generic;
using MedInsurance.Payment.Interchange;
#if NET
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
#endif

namespace MedInsurance.Payment.QualityControl;

/// <summary>
/// 代码速查表 — an immutable open-addressing table from codes of at most <see cref="MaxLength"/> ASCII characters to a small
/// value, with the code's characters packed in the slot beside the value. A lookup reads one slot, usually one cache line,
/// and never a key string; a <see cref="Dictionary{TKey, TValue}"/> reads its bucket, its entry and the stored key, three
/// places in memory for each of the millions of codes a province's cases carry (docs/performance.md, "Supervision
/// indicators"). Built once; safe to read from any thread. A code that does not pack (longer, or not ASCII) is never in
/// it: a miss means only "not here", and the caller asks its full dictionary.
/// </summary>
/// <typeparam name="T">The value: keep it small (it shares the slot with 16 bytes of key).</typeparam>
internal sealed class AsciiCodeTable<T>
    where T : struct
{
    /// <summary>The longest code kept (the 16th byte of a slot's key holds the length).</summary>
    public const int MaxLength = 15;

    private readonly Slot[] _slots;
    private readonly int _mask;

    /// <summary>Builds the table from the codes that pack; the others are left out.</summary>
    /// <param name="entries">Distinct codes with their values.</param>
    /// <exception cref="ArgumentException">A code given twice.</exception>
    public AsciiCodeTable(IEnumerable<KeyValuePair<string, T>> entries)
    {
        var packed = new List<(ulong A, ulong B, T Value)>();
        foreach (var entry in entries)
        {
            if (TryPack(entry.Key, out var a, out var b))
            {
                packed.Add((a, b, entry.Value));
            }
        }

        // At most half full: a lookup that misses stops at an empty slot after a probe or two.
        var size = 16;
        while (size < packed.Count * 2)
        {
            size <<= 1;
        }

        _slots = new Slot[size];
        _mask = size - 1;
        foreach (var (a, b, value) in packed)
        {
            var i = Index(a, b);
            while (_slots[i].B != 0)
            {
                if (_slots[i].A == a && _slots[i].B == b)
                {
                    throw new ArgumentException("A code is given twice.", nameof(entries));
                }

                i = (i + 1) & _mask;
            }

            _slots[i] = new Slot(a, b, value);
        }

        Count = packed.Count;
    }

    /// <summary>The codes in the table.</summary>
    public int Count { get; }

    /// <summary>The value of <paramref name="code"/>; false when it is not in the table (never packed, or not given).</summary>
    public bool TryGet(string code, out T value)
    {
        if (TryPack(code, out var a, out var b))
        {
            var slots = _slots;
            for (var i = Index(a, b); slots[i].B != 0; i = (i + 1) & _mask)
            {
                if (slots[i].A == a && slots[i].B == b)
                {
                    value = slots[i].Value;
                    return true;
                }
            }
        }

        value = default;
        return false;
    }

    /// <summary>The slot where a lookup of <paramref name="code"/> starts, or −1 when it does not pack (for reading ahead).</summary>
    public int SlotOf(string code) => TryPack(code, out var a, out var b) ? Index(a, b) : -1;

    /// <summary>Reads slot <paramref name="slot"/> (a value of <see cref="SlotOf"/>), so that a lookup soon after finds it
    /// in the cache; the value read means nothing.</summary>
    public ulong Touch(int slot) => _slots[slot].B;

    /// <summary>
    /// The code's characters as bytes in two little-endian words, the length in the top byte of the second (never 0 for a
    /// code, which marks an empty slot); false for an empty code, a longer one, or one with a character above U+007F.
    /// </summary>
    internal static bool TryPack(string code, out ulong a, out ulong b)
    {
#if NET
        if (code is { Length: >= 4 and <= MaxLength } && Vector128.IsHardwareAccelerated && BitConverter.IsLittleEndian)
        {
            return TryPackVector(code, out a, out b);
        }
#endif

        return TryPackByChar(code, out a, out b);
    }

    /// <summary><see cref="TryPack"/> one character at a time (any length; the form for codes under 4 characters, and
    /// everywhere on .NET Standard).</summary>
    internal static bool TryPackByChar(string code, out ulong a, out ulong b)
    {
        a = 0;
        b = 0;
        if (code is null || code.Length == 0 || code.Length > MaxLength)
        {
            return false;
        }

        for (var i = 0; i < code.Length; i++)
        {
            var c = code[i];
            if (c > 0x7F)
            {
                return false;
            }

            if (i < 8)
            {
                a |= (ulong)c << (8 * i);
            }
            else
            {
                b |= (ulong)c << (8 * (i - 8));
            }
        }

        b |= (ulong)code.Length << 56;
        return true;
    }

#if NET
    /// <summary>
    /// <see cref="TryPack"/> for codes of 4–15 characters without a loop: the first and the last 8 (or 4) characters are
    /// read as two overlapping vectors (or words) inside the string, checked for ASCII and narrowed to bytes together; the characters
    /// past the 8th are the last word shifted down. The lookups pack every code of every case twice (read-ahead and
    /// lookup), and the loop's branch per character was most of a lookup (docs/performance.md, "Codes packed without a loop").
    /// </summary>
    private static bool TryPackVector(string code, out ulong a, out ulong b)
    {
        var length = code.Length;
        ref var first = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(code.AsSpan()));
        if (length >= 8)
        {
            var head = Vector128.LoadUnsafe(ref first);
            var tail = Vector128.LoadUnsafe(ref first, (nuint)(length - 8));
            if (((head | tail) & Vector128.Create((ushort)0xFF80)) != Vector128<ushort>.Zero)
            {
                a = 0;
                b = 0;
                return false;
            }

            var bytes = Vector128.Narrow(head, tail).AsUInt64();
            a = bytes.GetElement(0);
            b = length == 8 ? 0 : bytes.GetElement(1) >> (8 * (16 - length));
        }
        else
        {
            var head = Unsafe.ReadUnaligned<ulong>(ref Unsafe.As<ushort, byte>(ref first));
            var tail = Unsafe.ReadUnaligned<ulong>(ref Unsafe.As<ushort, byte>(ref Unsafe.Add(ref first, length - 4)));
            if (((head | tail) & 0xFF80_FF80_FF80_FF80UL) != 0)
            {
                a = 0;
                b = 0;
                return false;
            }

            a = NarrowFour(head) | (NarrowFour(tail) << (8 * (length - 4)));
            b = 0;
        }

        b |= (ulong)length << 56;
        return true;
    }

    /// <summary>Four UTF-16 units below 0x100 in a word (little-endian) as four bytes in the low half.</summary>
    private static ulong NarrowFour(ulong units) =>
        (units & 0xFF) | ((units >> 8) & 0xFF00) | ((units >> 16) & 0xFF_0000) | ((units >> 24) & 0xFF00_0000);
#endif

    private int Index(ulong a, ulong b) => PackedKey.Slot(a, b, _mask);

    private readonly struct Slot
    {
        public Slot(ulong a, ulong b, T value)
        {
            A = a;
            B = b;
            Value = value;
        }

        public ulong A { get; }

        public ulong B { get; }

        public T Value { get; }
    }
}
