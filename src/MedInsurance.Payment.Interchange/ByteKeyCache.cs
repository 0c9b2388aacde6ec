using System;

namespace MedInsurance.Payment.Interchange;

/// <summary>
/// A bounded map from short byte strings (a field's bytes) to what they parse to — codes, enumeration values, shared
/// strings — so that the values a file repeats a million times are parsed and allocated once. Holds at most
/// <c>capacity / 2</c> entries of at most 64 bytes each; past that it simply stops adding (lookups still work).
/// Not thread-safe: one per reader.
/// </summary>
/// <remarks>
/// Keys of up to 16 bytes (every ICD-10 and ICD-9-CM-3 code of the 医保版 editions) are kept inside the entry as two
/// zero-padded 64-bit words beside their length, so a lookup reads one entry — the key, its length and the value are
/// one cache line — and compares two words; longer keys keep their bytes in an array beside the entry. The table starts
/// small and doubles while it is under half full, so its memory follows the distinct keys a file actually has.
/// </remarks>
/// <typeparam name="T">The value type.</typeparam>
internal sealed class ByteKeyCache<T>
{
    private const int MaxKeyLength = 64;

    private const int InitialSize = 1 << 10;

    /// <summary>Probes per lookup at most: keeps a file of crafted colliding keys from making lookups slow.</summary>
    private const int MaxProbes = 16;

    /// <summary>A per-process seed, so that colliding keys cannot be prepared in advance.</summary>
    private static readonly ulong Seed = unchecked(((ulong)(uint)Environment.TickCount << 32) ^ (ulong)(uint)Guid.NewGuid().GetHashCode() ^ 0x9E3779B97F4A7C15UL);

    private readonly int _maxSize;
    private Entry[] _entries;
    private int _mask;
    private int _count;

    public ByteKeyCache(int capacity = 1 << 14)
    {
        var size = 16;
        while (size < capacity)
        {
            size <<= 1;
        }

        _maxSize = size;
        _entries = new Entry[Math.Min(size, InitialSize)];
        _mask = _entries.Length - 1;
    }

    public bool TryGet(ReadOnlySpan<byte> key, out T value)
    {
        if (key.Length <= MaxKeyLength)
        {
            PackedKey.Pack(key, out var a, out var b);
            var hash = Hash(a, b, key.Length);
            var entries = _entries;
            var tag = key.Length + 1;
            var probes = 0;
            for (var i = unchecked((int)hash) & _mask; entries[i].Tag != 0 && probes < MaxProbes; i = (i + 1) & _mask, probes++)
            {
                ref var e = ref entries[i];
                if (e.Tag == tag && e.A == a && e.B == b && (e.Long is null || key.SequenceEqual(e.Long)))
                {
                    value = e.Value;
                    return true;
                }
            }
        }

        value = default!;
        return false;
    }

    /// <summary>The keys held.</summary>
    public int Count => _count;

    public void Add(ReadOnlySpan<byte> key, T value)
    {
        if (key.Length > MaxKeyLength || _count >= _maxSize / 2)
        {
            return;
        }

        if (_count >= _entries.Length / 2)
        {
            Grow();
        }

        PackedKey.Pack(key, out var a, out var b);
        Insert(_entries, _mask, new Entry(a, b, key.Length + 1, key.Length > PackedKey.InlineLength ? key.ToArray() : null, value), Hash(a, b, key.Length), countNew: true);
    }

    /// <summary>Mixes the packed words and the length (bytes past the 16th are compared, not hashed: they are rare).</summary>
    private static ulong Hash(ulong a, ulong b, int length)
    {
        var h = unchecked(((a ^ Seed) * 0x9E3779B97F4A7C15UL) ^ ((b + (ulong)length) * 0xC2B2AE3D27D4EB4FUL));
        h ^= h >> 29;
        h = unchecked(h * 0x165667B19E3779F9UL);
        return h ^ (h >> 32);
    }

    private void Grow()
    {
        if (_entries.Length >= _maxSize)
        {
            return;
        }

        var bigger = new Entry[_entries.Length * 2];
        var mask = bigger.Length - 1;
        foreach (var e in _entries)
        {
            if (e.Tag != 0)
            {
                Insert(bigger, mask, e, Hash(e.A, e.B, e.Tag - 1), countNew: false);
            }
        }

        _entries = bigger;
        _mask = mask;
    }

    private void Insert(Entry[] entries, int mask, Entry entry, ulong hash, bool countNew)
    {
        var i = unchecked((int)hash) & mask;
        for (var probes = 0; entries[i].Tag != 0; probes++)
        {
            ref var e = ref entries[i];
            if ((e.Tag == entry.Tag && e.A == entry.A && e.B == entry.B && (e.Long is null || entry.Long is null || e.Long.AsSpan().SequenceEqual(entry.Long))) || probes + 1 >= MaxProbes)
            {
                return;
            }

            i = (i + 1) & mask;
        }

        entries[i] = entry;
        _count += countNew ? 1 : 0;
    }

    /// <summary>One slot: the key's first 16 bytes and its length + 1 (0: empty), the rest of a longer key, the value.</summary>
    private readonly struct Entry
    {
        public Entry(ulong a, ulong b, int tag, byte[]? longKey, T value)
        {
            A = a;
            B = b;
            Tag = tag;
            Long = longKey;
            Value = value;
        }

        public ulong A { get; }

        public ulong B { get; }

        public int Tag { get; }

        public byte[]? Long { get; }

        public T Value { get; }
    }
}
