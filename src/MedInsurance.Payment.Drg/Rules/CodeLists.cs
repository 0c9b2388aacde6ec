using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;

namespace MedInsurance.Payment.Drg.Rules;

/// <summary>Builds the immutable, sorted, duplicate-free code lists that rules expose.</summary>
internal static class CodeLists
{
    public static readonly IReadOnlyList<string> Empty = new ReadOnlyCollection<string>(Array.Empty<string>());

    public static IReadOnlyList<string> Freeze(IEnumerable<string>? codes)
    {
        if (codes is null)
        {
            return Empty;
        }

        var array = codes.Distinct(StringComparer.Ordinal).OrderBy(c => c, StringComparer.Ordinal).ToArray();
        return array.Length == 0 ? Empty : new ReadOnlyCollection<string>(array);
    }

    public static bool SameCodes(IReadOnlyList<string> left, IReadOnlyList<string> right) =>
        left.Count == right.Count && left.SequenceEqual(right, StringComparer.Ordinal);
}
