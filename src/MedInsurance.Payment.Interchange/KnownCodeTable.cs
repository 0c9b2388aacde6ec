using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace MedInsurance.Payment.Interchange;

/// <summary>
/// 已知代码表 — the codes of a dictionary, each with its parsed code and a tag its owner gives (a checker's facts about the
/// code), keyed by the code's bytes as a file writes them: built once, then read by every converting thread at once. The
/// reader finds a code and what its checker knows of it in one entry, instead of a cache of its own and then the checker's
/// table (docs/performance.md, change 42).
/// </summary>
/// <remarks>
/// Only codes of at most <see cref="MaxLength"/> ASCII bytes whose parse gives back exactly their own text are held (all the
/// 医保版2.0 diagnosis and procedure codes but the 564 dagger–asterisk pairs of 16 to 19 bytes, which the reader's cache
/// keeps as before): for those bytes the reader would build the same code, so taking it from here changes no record. A key is packed into two 64-bit words (its bytes, zero-padded, with its length in the top byte), so an entry —
/// key, code (which holds its text) and tag — is one lookup. The table is at most two-thirds full; a lookup stops at an empty slot or after
/// the longest run of occupied slots the build made, so bytes that are not a code cost a bounded number of probes.
/// Immutable after construction, so thread-safe.
/// </remarks>
/// <typeparam name="T">The parsed code (<see cref="DiagnosisCode"/> or <see cref="ProcedureCode"/>).</typeparam>
internal sealed class KnownCodeTable<T>
    where T : struct, ICodeText
{
    /// <summary>The longest code held, in bytes (the length goes in the top byte of the second word).</summary>
    public const int MaxLength = 15;

    /// <summary>The most codes a table holds (a code edition has some 40 000; 2²⁸ codes take 2²⁹ slots): far below the
    /// count at which doubling the slot count would pass <c>int.MaxValue</c>.</summary>
    public const int MaxCodes = 1 << 28;

    private readonly Entry[] _entries;
    private readonly int _mask;
    private readonly int _maxProbes;

    /// <summary>Builds the table from codes and their tags; <paramref name="read"/> is the reader's parse of a code's text
    /// (the same function the reader uses).</summary>
    /// <param name="codes">The codes' texts and tags (a code given twice keeps its first tag).</param>
    /// <param name="read">The parse: text → code, or failure.</param>
    public KnownCodeTable(IEnumerable<KeyValuePair<string, ulong>> codes, Func<string, T?> read)
    {
        if (codes is null || read is null)
        {
            throw new ArgumentNullException(codes is null ? nameof(codes) : nameof(read));
        }

        var held = new List<(ulong A, ulong B, T Code, ulong Tag)>();
        foreach (var pair in codes)
        {
            // Held only when the reader would give this very code for these bytes (and keep its text as written).
            if (TryPack(pair.Key, out var a, out var b) && read(pair.Key) is { } code && string.Equals(code.Text, pair.Key, StringComparison.Ordinal))
            {
                held.Add((a, b, code, pair.Value));
            }
        }

        if (held.Count > MaxCodes)
        {
            throw new ArgumentException("A vocabulary holds at most " + MaxCodes.ToString(System.Globalization.CultureInfo.InvariantCulture) + " codes.", nameof(codes));
        }

        var size = 16;
        while (size < held.Count + (held.Count / 2))
        {
            size <<= 1;
        }

        _entries = new Entry[size];
        _mask = size - 1;
        foreach (var (a, b, code, tag) in held)
        {
            var i = PackedKey.Slot(a, b, _mask);
            var probes = 1;
            while (_entries[i].B != 0 && !(_entries[i].A == a && _entries[i].B == b))
            {
                i = (i + 1) & _mask;
                probes++;
            }

            if (_entries[i].B == 0)
            {
                _entries[i] = new Entry(a, b, code, tag);
                Count++;
                _maxProbes = Math.Max(_maxProbes, probes);
            }
        }
    }

    /// <summary>The codes held.</summary>
    public int Count { get; }

    /// <summary>The code and tag of <paramref name="key"/>'s bytes, when held.</summary>
    /// <param name="key">The bytes of one code, as the file writes them.</param>
    /// <param name="code">The parsed code.</param>
    /// <param name="text">Its text: the parsed code's own string, the table's one string for it, shared by every reader.</param>
    /// <param name="tag">Its owner's tag.</param>
    /// <returns>Whether the bytes are a code held here.</returns>
    public bool TryGet(ReadOnlySpan<byte> key, out T code, out string text, out ulong tag)
    {
        if (TryPack(key, out var a, out var b))
        {
            return TryGetAt(a, b, PackedKey.Slot(a, b, _mask), out code, out text, out tag);
        }

        code = default;
        text = string.Empty;
        tag = 0;
        return false;
    }

    /// <summary>
    /// The first half of <see cref="TryGet"/>, for a lookup made a little later: packs <paramref name="key"/>, finds the slot
    /// its probe starts at and asks the processor for that entry's cache line (<see cref="CacheLine.Prefetch{T}"/>), so that
    /// the misses of several lookups overlap. <see cref="TryGetAt"/> then finishes the lookup.
    /// </summary>
    /// <param name="key">The bytes of one code, as the file writes them.</param>
    /// <param name="a">The first packed word (for <see cref="TryGetAt"/>).</param>
    /// <param name="b">The second packed word, with the length.</param>
    /// <returns>The slot, or −1 when the bytes cannot be a code held here (empty, longer than <see cref="MaxLength"/>, not
    /// ASCII).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Prefetch(ReadOnlySpan<byte> key, out ulong a, out ulong b)
    {
        if (!TryPack(key, out a, out b))
        {
            return -1;
        }

        var slot = PackedKey.Slot(a, b, _mask);
        CacheLine.Prefetch(ref _entries[slot]);
        return slot;
    }

    /// <summary>The lookup of packed words from their first slot (<see cref="Prefetch"/> or <see cref="TryGet"/>).</summary>
    /// <param name="a">The first packed word.</param>
    /// <param name="b">The second packed word, with the length.</param>
    /// <param name="slot">The slot the probe starts at.</param>
    /// <param name="code">The parsed code.</param>
    /// <param name="text">Its text, the table's one string for it.</param>
    /// <param name="tag">Its owner's tag.</param>
    /// <returns>Whether the words are a code held here.</returns>
    public bool TryGetAt(ulong a, ulong b, int slot, out T code, out string text, out ulong tag)
    {
        var entries = _entries;
        var i = slot;
        for (var probes = 0; entries[i].B != 0 && probes < _maxProbes; probes++)
        {
            ref readonly var e = ref entries[i];
            if (e.A == a && e.B == b)
            {
                code = e.Code;
                text = code.Text!; // a held code has its text (checked when built)
                tag = e.Tag;
                return true;
            }

            i = (i + 1) & _mask;
        }

        code = default;
        text = string.Empty;
        tag = 0;
        return false;
    }

    /// <summary>Packs up to <see cref="MaxLength"/> ASCII bytes into two words (the length in the top byte of the second);
    /// false for empty, longer or non-ASCII keys.</summary>
    internal static bool TryPack(ReadOnlySpan<byte> key, out ulong a, out ulong b)
    {
        var length = key.Length;
        if (length == 0 || length > MaxLength)
        {
            a = 0;
            b = 0;
            return false;
        }

        PackedKey.Pack(key, out a, out b);
        if (((a | b) & 0x8080_8080_8080_8080UL) != 0)
        {
            return false;
        }

        b |= (ulong)length << 56;
        return true;
    }

    private static bool TryPack(string text, out ulong a, out ulong b)
    {
        a = 0;
        b = 0;
        if (text is null || text.Length == 0 || text.Length > MaxLength)
        {
            return false;
        }

        Span<byte> bytes = stackalloc byte[MaxLength];
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] > 0x7F)
            {
                return false;
            }

            bytes[i] = (byte)text[i];
        }

        return TryPack(bytes.Slice(0, text.Length), out a, out b);
    }

    private readonly struct Entry
    {
        public Entry(ulong a, ulong b, T code, ulong tag)
        {
            A = a;
            B = b;
            Code = code;
            Tag = tag;
        }

        public ulong A { get; }

        public ulong B { get; }

        public T Code { get; }

        public ulong Tag { get; }
    }
}
