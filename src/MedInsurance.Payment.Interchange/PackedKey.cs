using System;
using System.Buffers.Binary;

namespace MedInsurance.Payment.Interchange;

/// <summary>
/// A short key (a code, an enumeration value) packed into two 64-bit words, and the slot of such a pair in a table of a
/// power-of-two size: the one packing and mix that the reader's tables (<see cref="ByteKeyCache{T}"/>,
/// <see cref="KnownCodeTable{T}"/>) and the checker's code table use.
/// </summary>
internal static class PackedKey
{
    /// <summary>The bytes packed into the two words; longer keys keep their further bytes elsewhere.</summary>
    public const int InlineLength = 16;

    /// <summary>The first 16 bytes of the key as two little-endian words, zero-padded (the length tells the padding apart).
    /// Whole words are read directly and a shorter tail by two overlapping reads: no copy through a buffer (the copy and its
    /// clearing were most of a lookup of a one-byte enumeration field).</summary>
    /// <param name="key">The key.</param>
    /// <param name="a">Bytes 0–7.</param>
    /// <param name="b">Bytes 8–15.</param>
    public static void Pack(ReadOnlySpan<byte> key, out ulong a, out ulong b)
    {
        if (key.Length >= 8)
        {
            a = BinaryPrimitives.ReadUInt64LittleEndian(key);
            b = key.Length >= InlineLength ? BinaryPrimitives.ReadUInt64LittleEndian(key.Slice(8)) : Tail(key.Slice(8));
        }
        else
        {
            a = Tail(key);
            b = 0;
        }
    }

    /// <summary>The slot of a packed pair in a table of <paramref name="mask"/> + 1 slots (a power of two): a fixed mix, for
    /// tables whose keys are fixed when they are built (a dictionary's codes), not chosen by the file read.</summary>
    /// <param name="a">The first word.</param>
    /// <param name="b">The second word (with the key's length in it, for the tables that put it there).</param>
    /// <param name="mask">The table's size less one.</param>
    /// <returns>The slot.</returns>
    public static int Slot(ulong a, ulong b, int mask)
    {
        unchecked
        {
            var h = (a * 0x9E3779B97F4A7C15UL) ^ (b * 0xC2B2AE3D27D4EB4FUL);
            h ^= h >> 29;
            h *= 0xBF58476D1CE4E5B9UL;
            h ^= h >> 32;
            return (int)h & mask;
        }
    }

    /// <summary>Up to 7 bytes as a little-endian word, zero-padded: the first and the last 4 (or 2) bytes, overlapping, OR-ed
    /// in place (the shared bytes are the same, so the OR keeps them).</summary>
    private static ulong Tail(ReadOnlySpan<byte> bytes)
    {
        var length = bytes.Length;
        if (length >= 4)
        {
            ulong low = BinaryPrimitives.ReadUInt32LittleEndian(bytes);
            ulong high = BinaryPrimitives.ReadUInt32LittleEndian(bytes.Slice(length - 4));
            return low | (high << (8 * (length - 4)));
        }

        if (length >= 2)
        {
            ulong low = BinaryPrimitives.ReadUInt16LittleEndian(bytes);
            ulong high = BinaryPrimitives.ReadUInt16LittleEndian(bytes.Slice(length - 2));
            return low | (high << (8 * (length - 2)));
        }

        return length == 1 ? bytes[0] : 0UL;
    }
}
