using System;
using System.Collections.Generic;
using MedInsurance.Payment.Hospitals;

namespace MedInsurance.Payment.Dip.Internal;

/// <summary>Level coefficients in a 16-slot array indexed by tier × 4 + grade, so the hot path does no string lookups.</summary>
internal static class LevelTable
{
    public const int Slots = 16;

    public static int IndexOf(HospitalLevel level) => ((int)level.Tier * 4) + (int)level.Grade;

    /// <summary>The table as decimals; 0 marks a level without a coefficient (coefficients are positive).</summary>
    public static decimal[]? From(IReadOnlyDictionary<string, Coefficient> byCode) => From(byCode, c => c.Value);

    /// <summary>Mean costs by level code as yuan in the same slots; 0 marks a level without a mean (means are positive).</summary>
    public static decimal[]? From(IReadOnlyDictionary<string, Money> byCode) => From(byCode, m => m.Yuan);

    private static decimal[]? From<T>(IReadOnlyDictionary<string, T> byCode, Func<T, decimal> value)
    {
        if (byCode.Count == 0)
        {
            return null;
        }

        var table = new decimal[Slots];
        foreach (var pair in byCode)
        {
            if (HospitalLevel.TryParse(pair.Key, out var level))
            {
                var index = IndexOf(level);
                if (index >= 0 && index < Slots)
                {
                    table[index] = value(pair.Value);
                }
            }
        }

        return table;
    }

    public static bool TryGet(decimal[]? table, int index, out decimal coefficient)
    {
        if (table is not null && (uint)index < Slots)
        {
            coefficient = table[index];
            return coefficient != 0m;
        }

        coefficient = 0m;
        return false;
    }
}
