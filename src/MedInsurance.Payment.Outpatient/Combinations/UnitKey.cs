using System;
using MedInsurance.Payment.Cases;

namespace MedInsurance.Payment.Outpatient;

/// <summary>诊疗日单元键 — a unit of one service date: institution, person and fund; ordered by institution, person, fund (ordinal).</summary>
internal readonly struct UnitKey : IEquatable<UnitKey>, IComparable<UnitKey>
{
    public UnitKey(string institution, string person, InsuranceFund fund)
    {
        Institution = institution;
        Person = person;
        Fund = fund;
    }

    public string Institution { get; }

    public string Person { get; }

    public InsuranceFund Fund { get; }

    public bool Equals(UnitKey other) => Fund == other.Fund && string.Equals(Person, other.Person, StringComparison.Ordinal) && string.Equals(Institution, other.Institution, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is UnitKey other && Equals(other);

    public override int GetHashCode() => unchecked((StringComparer.Ordinal.GetHashCode(Person) * 31) ^ StringComparer.Ordinal.GetHashCode(Institution) ^ (int)Fund);

    public int CompareTo(UnitKey other)
    {
        var c = string.CompareOrdinal(Institution, other.Institution);
        if (c == 0)
        {
            c = string.CompareOrdinal(Person, other.Person);
        }

        return c != 0 ? c : Fund.CompareTo(other.Fund);
    }
}
