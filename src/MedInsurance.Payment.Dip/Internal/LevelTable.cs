using System.Collections.Generic;
using MedInsurance.Payment.Hospitals;

namespace MedInsurance.Payment.Dip.Internal;

/// <summary>Level coefficients in a 16-slot array indexed by tier × 4 + grade, so the hot path does no string lookups.</summary>
internal static class LevelTable
{
    public const int Slots = 16;

    public static int IndexOf(HospitalLevel level) => ((int)level.Tier * 4) + (int)level.Grade;

    public static Coefficient?[]? From(IReadOnlyDictionary<string, Coefficient> byCode)
    {
        if (byCode.Count == 0)
        {
            return null;
        }

        var table = new Coefficient?[Slots];
        foreach (var pair in byCode)
        {
            if (HospitalLevel.TryParse(pair.Key, out var level))
            {
                var index = IndexOf(level);
                if (index >= 0 && index < Slots)
                {
                    table[index] = pair.Value;
                }
            }
        }

        return table;
    }

    public static bool TryGet(Coefficient?[]? table, int index, out Coefficient coefficient)
    {
        if (table is not null && (uint)index < Slots && table[index] is { } found)
        {
            coefficient = found;
            return true;
        }

        coefficient = default;
        return false;
    }
}
