using System;
using System.Runtime.InteropServices;

namespace MedInsurance.Payment.Interchange;

/// <summary>
/// A bounded map from short byte strings (a field's bytes) to what they parse to — codes, enumeration values, shared
/// strings — so that the values a file repeats a million times are parsed and allocated once. Holds at most
/// <c>capacity / 2</c> entries of at most 64 bytes each; past that it simply stops adding (lookups still work).
/// Keys of up to 16 bytes (every diagnosis and procedure code, every enumeration value) are kept inside the entry, so a
/// lookup reads one entry and no other object. Not thread-safe: one per reader.
/// </summary>
/// <typeparam name="T">The value type.</typeparam>
internal sealed class ByteKeyCache<T>
{
    private const int MaxKeyLength = 64;

    private const int InlineKeyLength = 16;

    /// <summary>Probes per lookup at most: keeps a file of crafted colliding keys from making lookups slow.</summary>
    private const int MaxProbes = 16;

    /// <summary>A per-process seed, so that colliding keys cannot be prepared in advance.</summary>
    private static readonly ulong Seed = unchecked(((ulong)(uint)Environment.TickCount << 32) ^ (ulong)(uint)Guid.NewGuid().GetHashCode() ^ 0x9E3779B97F4A7C15UL);

    private readonly Entry[] _entries;
    private readonly int _mask;
    private int _count;

    public ByteKeyCache(int capacity = 1 << 14)
    {
        var size = 16;
        while (size < capacity)
        {
            size <<= 1;
        }

        _entries = new Entry[size];
        _mask = size - 1;
    }

    public bool TryGet(ReadOnlySpan<byte> key, out T value)
    {
        if (key.Length <= MaxKeyLength)
        {
            Pack(key, out var k0, out var k1);
            var hash = Hash(key, k0, k1);
            var i = hash & _mask;
            for (var probes = 0; probes < MaxProbes; probes++, i = (i + 1) & _mask)
            {
                ref var entry = ref _entries[i];
                if (entry.Length == 0)
                {
                    break;
                }

                if (entry.Hash == hash && entry.Length == key.Length + 1 && entry.K0 == k0 && entry.K1 == k1
                    && (key.Length <= InlineKeyLength || key.SequenceEqual(entry.LongKey)))
                {
                    value = entry.Value;
                    return true;
                }
            }
        }

        value = default!;
        return false;
    }

    public void Add(ReadOnlySpan<byte> key, T value)
    {
        if (key.Length > MaxKeyLength || _count >= (_mask + 1) / 2)
        {
            return;
        }

        Pack(key, out var k0, out var k1);
        var hash = Hash(key, k0, k1);
        var i = hash & _mask;
        for (var probes = 0; ; i = (i + 1) & _mask)
        {
            ref var entry = ref _entries[i];
            if (entry.Length == 0)
            {
                // Length is stored + 1, so that 0 marks an empty slot and the empty key can be cached too.
                entry = new Entry(k0, k1, hash, key.Length + 1, key.Length > InlineKeyLength ? key.ToArray() : null, value);
                _count++;
                return;
            }

            if ((entry.Hash == hash && entry.Length == key.Length + 1 && entry.K0 == k0 && entry.K1 == k1
                    && (key.Length <= InlineKeyLength || key.SequenceEqual(entry.LongKey))) || ++probes >= MaxProbes)
            {
                return;
            }
        }
    }

    /// <summary>The first 16 bytes of the key as two little-endian words, zero-padded.</summary>
    private static void Pack(ReadOnlySpan<byte> key, out ulong k0, out ulong k1)
    {
        if (key.Length >= InlineKeyLength)
        {
            k0 = MemoryMarshal.Read<ulong>(key);
            k1 = MemoryMarshal.Read<ulong>(key.Slice(8));
            return;
        }

        Span<byte> buffer = stackalloc byte[InlineKeyLength];
        buffer.Clear();
        key.CopyTo(buffer);
        k0 = MemoryMarshal.Read<ulong>(buffer);
        k1 = MemoryMarshal.Read<ulong>(buffer.Slice(8));
    }

    private static int Hash(ReadOnlySpan<byte> key, ulong k0, ulong k1)
    {
        // A seeded multiply-xorshift mix of the first 16 bytes and the length; longer keys also fold in the rest.
        var h = Seed ^ unchecked((ulong)key.Length * 0xC2B2AE3D27D4EB4FUL);
        h = Mix(h ^ k0);
        h = Mix(h ^ k1);
        for (var i = InlineKeyLength; i < key.Length; i++)
        {
            h = unchecked((h ^ key[i]) * 0x100000001B3UL);
        }

        h = Mix(h);
        return (int)(h & 0x7FFFFFFF);
    }

    private static ulong Mix(ulong h)
    {
        unchecked
        {
            h *= 0xBF58476D1CE4E5B9UL;
            h ^= h >> 31;
            h *= 0x94D049BB133111EBUL;
            return h ^ (h >> 29);
        }
    }

    private readonly struct Entry
    {
        public Entry(ulong k0, ulong k1, int hash, int length, byte[]? longKey, T value)
        {
            K0 = k0;
            K1 = k1;
            Hash = hash;
            Length = length;
            LongKey = longKey;
            Value = value;
        }

        public ulong K0 { get; }

        public ulong K1 { get; }

        public int Hash { get; }

        /// <summary>The key's length + 1; 0 for an empty slot.</summary>
        public int Length { get; }

        /// <summary>The whole key when it is longer than 16 bytes.</summary>
        public byte[]? LongKey { get; }

        public T Value { get; }
    }
}
