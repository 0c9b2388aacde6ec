using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;

namespace MedInsurance.Payment.Capitation;

/// <summary>
/// 人员索引 — the roster's persons in one open-addressing hash table whose slots are the persons' 64-byte records: the
/// <see cref="PersonKey"/> and the twelve month cells (<see cref="MonthCell"/>) side by side, so that a claim of a random
/// person costs one cache line (two when a probe runs on) instead of a dictionary bucket, an entry, the key string and
/// the roster row.
/// </summary>
/// <remarks>
/// A person is named by its slot (“person index”, not dense); slot <c>s</c> is <c>Records[Months(s) − MonthOffset ..]</c>
/// = key (4 words, all zero when the slot is free) then 12 month cells. The table holds at most 70% of its slots, placed
/// by linear probing from the key's hash. Ids without a packing are found through an ordinal dictionary that names
/// their slot (their key words hold a marker no packed key equals). The records start at a 64-byte boundary of the array
/// (found once by pinning it for a moment), so a record is one cache line; should the runtime ever move the array, only
/// that gain is lost. Not thread-safe while adding; read-only use afterwards is.
/// </remarks>
internal sealed class PersonTable
{
    /// <summary>Words per record.</summary>
    public const int Stride = 16;

    /// <summary>Offset of January's cell in a record.</summary>
    public const int MonthOffset = 4;

    private const uint Unpacked = uint.MaxValue;

    private readonly Dictionary<string, int> _unpacked = new(StringComparer.Ordinal);
    private readonly int _capacity;
    private readonly int _base;

    /// <summary>Creates a table for at most <paramref name="capacity"/> persons, every month cell empty.</summary>
    /// <param name="capacity">The most persons (the roster's row count).</param>
    public PersonTable(int capacity)
    {
        _capacity = Math.Max(capacity, 1);
        Size = (int)Math.Min((int.MaxValue / Stride) - 1, (_capacity * 10L / 7) + 1);
        Records = new uint[((long)Size * Stride) + Stride];
        _base = AlignedStart(Records);
        for (var s = 0; s < Size; s++)
        {
            var b = _base + (s * Stride);
            for (var w = MonthOffset; w < Stride; w++)
            {
                Records[b + w] = MonthCell.Empty;
            }
        }
    }

    /// <summary>Persons added.</summary>
    public int Count { get; private set; }

    /// <summary>Slots: person indexes run from 0 to <see cref="Size"/> − 1 (see <see cref="Occupied"/>).</summary>
    public int Size { get; }

    /// <summary>The records, <see cref="Stride"/> words a slot.</summary>
    public uint[] Records { get; }

    /// <summary>Whether a slot holds a person.</summary>
    /// <param name="person">The slot.</param>
    /// <returns>Whether it is taken.</returns>
    public bool Occupied(int person)
    {
        var b = _base + (person * Stride);
        return (Records[b] | Records[b + 1] | Records[b + 2] | Records[b + 3]) != 0;
    }

    /// <summary>The index in <see cref="Records"/> of a person's January cell.</summary>
    /// <param name="person">The person index (slot).</param>
    /// <returns>The index; month <c>m</c> (1–12) is at index + m − 1.</returns>
    public int Months(int person) => _base + (person * Stride) + MonthOffset;

    /// <summary>The person of an id, added when new.</summary>
    /// <param name="id">The id.</param>
    /// <returns>The person index.</returns>
    public int GetOrAdd(string id)
    {
        var packed = PersonKey.TryPack(id, out var key);
        return GetOrAdd(id, packed, key, packed ? key.Hash() : 0);
    }

    /// <summary>The person of an id whose packing (and hash) the caller has computed, added when new.</summary>
    /// <param name="id">The id.</param>
    /// <param name="packed">Whether the id packs (<see cref="PersonKey.TryPack"/>).</param>
    /// <param name="key">Its key when packed.</param>
    /// <param name="hash">The key's <see cref="PersonKey.Hash"/> when packed.</param>
    /// <returns>The person index.</returns>
    public int GetOrAdd(string id, bool packed, in PersonKey key, ulong hash)
    {
        var found = packed ? Find(key, hash) : (_unpacked.TryGetValue(id, out var p) ? p : -1);
        if (found >= 0)
        {
            return found;
        }

        if (Count == _capacity)
        {
            throw new InvalidOperationException("The person table is full.");
        }

        Count++;
        uint lo0 = Unpacked, lo1 = Unpacked, hi0 = Unpacked, hi1 = Unpacked;
        if (packed)
        {
            (lo0, lo1, hi0, hi1) = Words(key);
        }
        else
        {
            hash = unchecked((ulong)StringComparer.Ordinal.GetHashCode(id) * 0x9E3779B97F4A7C15UL);
        }

        var s = Home(hash);
        while (Occupied(s))
        {
            s = s + 1 == Size ? 0 : s + 1;
        }

        var b = _base + (s * Stride);
        Records[b] = lo0;
        Records[b + 1] = lo1;
        Records[b + 2] = hi0;
        Records[b + 3] = hi1;
        if (!packed)
        {
            _unpacked.Add(id, s);
        }

        return s;
    }

    /// <summary>The most persons the table takes (see <see cref="Grown"/>).</summary>
    public int Capacity => _capacity;

    /// <summary>
    /// A table of twice the capacity holding the same persons and month cells (new slots: person indexes change), for a
    /// roster whose length is not known in advance. O(persons).
    /// </summary>
    /// <returns>The new table.</returns>
    public PersonTable Grown()
    {
        var grown = new PersonTable((int)Math.Min(int.MaxValue / 2, _capacity * 2L));
        var ids = new Dictionary<int, string>(_unpacked.Count);
        foreach (var pair in _unpacked)
        {
            ids[pair.Value] = pair.Key;
        }

        for (var slot = 0; slot < Size; slot++)
        {
            if (!Occupied(slot))
            {
                continue;
            }

            var b = _base + (slot * Stride);
            int to;
            if (ids.TryGetValue(slot, out var id))
            {
                to = grown.GetOrAdd(id);
            }
            else
            {
                var key = PersonKey.FromWords(Records[b] | ((ulong)Records[b + 1] << 32), Records[b + 2] | ((ulong)Records[b + 3] << 32));
                to = grown.GetOrAdd(string.Empty, true, key, key.Hash());
            }

            Array.Copy(Records, b + MonthOffset, grown.Records, grown.Months(to), Stride - MonthOffset);
        }

        return grown;
    }

    /// <summary>
    /// Reads the record that a look-up of <paramref name="hash"/> reads first, so that a batch's cache misses overlap
    /// instead of following one another; returns a value only so that the read is not optimised away.
    /// </summary>
    /// <param name="hash">The key's <see cref="PersonKey.Hash"/>.</param>
    /// <returns>A word of the record (meaningless).</returns>
    public uint Touch(ulong hash) => Records[_base + (Home(hash) * Stride)];

    /// <summary>The person of an id, or −1.</summary>
    /// <param name="id">The id.</param>
    /// <returns>The person index or −1.</returns>
    public int Find(string id)
    {
        if (!PersonKey.TryPack(id, out var key))
        {
            return _unpacked.TryGetValue(id, out var p) ? p : -1;
        }

        return Find(key, key.Hash());
    }

    /// <summary>The person of a packed id whose hash is known, or −1.</summary>
    /// <param name="key">The key.</param>
    /// <param name="hash">Its <see cref="PersonKey.Hash"/>.</param>
    /// <returns>The person index or −1.</returns>
    public int Find(in PersonKey key, ulong hash)
    {
        var (lo0, lo1, hi0, hi1) = Words(key);
        var records = Records;
        var s = Home(hash);
        while (true)
        {
            var b = _base + (s * Stride);
            var w0 = records[b];
            var w1 = records[b + 1];
            var w2 = records[b + 2];
            var w3 = records[b + 3];
            if (w0 == lo0 && w1 == lo1 && w2 == hi0 && w3 == hi1)
            {
                return s;
            }

            if ((w0 | w1 | w2 | w3) == 0)
            {
                return -1;
            }

            s = s + 1 == Size ? 0 : s + 1;
        }
    }

    private static (uint, uint, uint, uint) Words(in PersonKey key) =>
        (unchecked((uint)key.Low), (uint)(key.Low >> 32), unchecked((uint)key.High), (uint)(key.High >> 32));

    // The first index of the array at a 64-byte boundary.
    private static int AlignedStart(uint[] array)
    {
        var handle = GCHandle.Alloc(array, GCHandleType.Pinned);
        try
        {
            var misalignedWords = (int)((handle.AddrOfPinnedObject().ToInt64() & 63) / sizeof(uint));
            return (Stride - misalignedWords) % Stride;
        }
        finally
        {
            handle.Free();
        }
    }

    // The home slot of a hash: its high 32 bits scaled to the table size (no power of two needed).
    private int Home(ulong hash) => (int)(((hash >> 32) * (ulong)(uint)Size) >> 32);
}
