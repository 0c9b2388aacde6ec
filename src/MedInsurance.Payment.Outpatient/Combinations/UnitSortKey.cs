using System;
using MedInsurance.Payment.Cases;

namespace MedInsurance.Payment.Outpatient;

/// <summary>
/// The sort key of a unit within one service date, in the order of <see cref="UnitKey.CompareTo"/> (institution, person,
/// fund; ordinal): the institution's rank among the date's institutions, then the person id's first eight UTF-16 code
/// units packed big-endian in two numbers (a missing character packs as 0, which never orders two ids against their
/// ordinal order: a shorter id that agrees so far is a prefix, and prefixes come first), then the whole id, then the fund.
/// </summary>
internal readonly struct UnitSortKey : IComparable<UnitSortKey>
{
    private readonly int _institution;
    private readonly ulong _head;
    private readonly ulong _next;
    private readonly string _person;
    private readonly InsuranceFund _fund;

    public UnitSortKey(int institutionRank, string person, InsuranceFund fund, int unit)
    {
        _institution = institutionRank;
        _head = Pack(person, 0);
        _next = Pack(person, 4);
        _person = person;
        _fund = fund;
        Unit = unit;
    }

    /// <summary>The unit's index in its batch.</summary>
    public int Unit { get; }

    public int CompareTo(UnitSortKey other)
    {
        if (_institution != other._institution)
        {
            return _institution < other._institution ? -1 : 1;
        }

        if (_head != other._head)
        {
            return _head < other._head ? -1 : 1;
        }

        if (_next != other._next)
        {
            return _next < other._next ? -1 : 1;
        }

        var c = string.CompareOrdinal(_person, other._person);
        return c != 0 ? c : _fund.CompareTo(other._fund);
    }

    private static ulong Pack(string text, int from)
    {
        ulong packed = 0;
        for (var i = from; i < from + 4; i++)
        {
            packed = (packed << 16) | (i < text.Length ? text[i] : 0u);
        }

        return packed;
    }
}
