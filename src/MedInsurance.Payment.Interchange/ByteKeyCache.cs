using System;

namespace MedInsurance.Payment.Interchange;

/// <summary>
/// A bounded map from short byte strings (a field's bytes) to what they parse to — codes, enumeration values, shared
/// strings — so that the values a file repeats a million times are parsed and allocated once. Holds at most
/// <c>capacity / 2</c> entries of at most 64 bytes each; past that it simply stops adding (lookups still work).
/// Not thread-safe: one per reader.
/// </summary>
/// <typeparam name="T">The value type.</typeparam>
internal sealed class ByteKeyCache<T>
{
    private const int MaxKeyLength = 64;

    /// <summary>Probes per lookup at most: keeps a file of crafted colliding keys from making lookups slow.</summary>
    private const int MaxProbes = 16;

    /// <summary>A per-process seed, so that colliding keys cannot be prepared in advance.</summary>
    private static readonly uint Seed = unchecked((uint)Environment.TickCount ^ (uint)Guid.NewGuid().GetHashCode());

    private readonly byte[]?[] _keys;
    private readonly int[] _hashes;
    private readonly T[] _values;
    private readonly int _mask;
    private int _count;

    public ByteKeyCache(int capacity = 1 << 14)
    {
        var size = 16;
        while (size < capacity)
        {
            size <<= 1;
        }

        _keys = new byte[size][];
        _hashes = new int[size];
        _values = new T[size];
        _mask = size - 1;
    }

    public bool TryGet(ReadOnlySpan<byte> key, out T value)
    {
        if (key.Length <= MaxKeyLength)
        {
            var hash = Hash(key);
            var probes = 0;
            for (var i = hash & _mask; _keys[i] is { } k && probes < MaxProbes; i = (i + 1) & _mask, probes++)
            {
                if (_hashes[i] == hash && key.SequenceEqual(k))
                {
                    value = _values[i];
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

        var hash = Hash(key);
        var i = hash & _mask;
        var probes = 0;
        while (_keys[i] is { } k)
        {
            if ((_hashes[i] == hash && key.SequenceEqual(k)) || ++probes >= MaxProbes)
            {
                return;
            }

            i = (i + 1) & _mask;
        }

        _keys[i] = key.ToArray();
        _hashes[i] = hash;
        _values[i] = value;
        _count++;
    }

    private static int Hash(ReadOnlySpan<byte> key)
    {
        // FNV-1a, then a final mix so that the low bits used for the slot depend on every byte.
        var h = 2166136261u ^ Seed;
        foreach (var b in key)
        {
            h = unchecked((h ^ b) * 16777619u);
        }

        h ^= h >> 15;
        h = unchecked(h * 0x2C1B3C6Du);
        h ^= h >> 12;
        return (int)(h & 0x7FFFFFFF);
    }
}
