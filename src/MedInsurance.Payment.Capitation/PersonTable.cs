using System;
using System.Collections.Generic;

namespace MedInsurance.Payment.Capitation;

/// <summary>
/// 人员索引 — the roster's persons: an open-addressing hash of their <see cref="PersonKey"/>s and, per person, one
/// 64-byte record (the key and the twelve month cells) in one array, so that a claim of a random person costs a slot
/// and one record — about two cache lines — instead of a dictionary bucket, an entry, the key string and the roster row.
/// </summary>
/// <remarks>
/// Record of person <c>p</c>: <c>Records[p * Stride ..]</c> = key (4 words) then 12 month cells (<see cref="MonthCell"/>).
/// Ids without a packing go to an ordinal dictionary instead of the hash; they keep a record all the same. Persons are
/// numbered in the order first added. Not thread-safe while adding; read-only use afterwards is.
/// </remarks>
internal sealed class PersonTable
{
    /// <summary>Words per person.</summary>
    public const int Stride = 16;

    /// <summary>Offset of January's cell in a record.</summary>
    public const int MonthOffset = 4;

    private readonly ulong[] _slots;
    private readonly int _mask;
    private readonly Dictionary<string, int> _unpacked = new(StringComparer.Ordinal);
    private readonly int _capacity;

    /// <summary>Creates a table for at most <paramref name="capacity"/> persons, every month cell empty.</summary>
    /// <param name="capacity">The most persons (the roster's row count).</param>
    public PersonTable(int capacity)
    {
        _capacity = Math.Max(capacity, 1);
        var size = 16;
        while (size < _capacity * 2L)
        {
            size *= 2;
        }

        _slots = new ulong[size];
        _mask = size - 1;
        Records = new uint[(long)_capacity * Stride];
        for (var i = 0; i < Records.Length; i++)
        {
            Records[i] = MonthCell.Empty;
        }
    }

    /// <summary>Persons added.</summary>
    public int Count { get; private set; }

    /// <summary>The records, <see cref="Stride"/> words a person.</summary>
    public uint[] Records { get; }

    /// <summary>The person of an id, added when new.</summary>
    /// <param name="id">The id.</param>
    /// <returns>The person index.</returns>
    public int GetOrAdd(string id)
    {
        var found = Find(id);
        if (found >= 0)
        {
            return found;
        }

        if (Count == _capacity)
        {
            throw new InvalidOperationException("The person table is full.");
        }

        var person = Count++;
        if (!PersonKey.TryPack(id, out var key))
        {
            _unpacked.Add(id, person);
            return person;
        }

        var b = person * Stride;
        Records[b] = unchecked((uint)key.Low);
        Records[b + 1] = (uint)(key.Low >> 32);
        Records[b + 2] = unchecked((uint)key.High);
        Records[b + 3] = (uint)(key.High >> 32);
        var hash = key.Hash();
        var i = unchecked((int)hash) & _mask;
        while (_slots[i] != 0)
        {
            i = (i + 1) & _mask;
        }

        _slots[i] = (hash & 0xFFFF_FFFF_0000_0000UL) | (uint)(person + 1);
        return person;
    }

    /// <summary>
    /// Reads the memory that <see cref="Find"/> of each id will read first — its hash slot — so that a batch's cache
    /// misses overlap instead of following one another; returns a value only so that the reads are not optimised away.
    /// </summary>
    /// <param name="id">The id.</param>
    /// <returns>The slot's value (meaningless).</returns>
    public ulong Touch(string id) =>
        PersonKey.TryPack(id, out var key) ? _slots[unchecked((int)key.Hash()) & _mask] : 0;

    /// <summary>The person of an id, or −1.</summary>
    /// <param name="id">The id.</param>
    /// <returns>The person index or −1.</returns>
    public int Find(string id)
    {
        if (!PersonKey.TryPack(id, out var key))
        {
            return _unpacked.TryGetValue(id, out var p) ? p : -1;
        }

        var hash = key.Hash();
        var check = hash & 0xFFFF_FFFF_0000_0000UL;
        var lo0 = unchecked((uint)key.Low);
        var lo1 = (uint)(key.Low >> 32);
        var hi0 = unchecked((uint)key.High);
        var hi1 = (uint)(key.High >> 32);
        var records = Records;
        var slots = _slots;
        var i = unchecked((int)hash) & _mask;
        while (true)
        {
            var slot = slots[i];
            if (slot == 0)
            {
                return -1;
            }

            if ((slot & 0xFFFF_FFFF_0000_0000UL) == check)
            {
                var person = unchecked((int)(uint)slot) - 1;
                var b = person * Stride;
                if (records[b] == lo0 && records[b + 1] == lo1 && records[b + 2] == hi0 && records[b + 3] == hi1)
                {
                    return person;
                }
            }

            i = (i + 1) & _mask;
        }
    }
}
