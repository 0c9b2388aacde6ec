using System;
using System.Collections.Generic;
using System.IO;
using System.Text.RegularExpressions;

namespace MedInsurance.Payment.Drg.Tests;

/// <summary>Reads the MDCZ 主诊表 of 4_ADRG_DETAIL.txt directly: the codes it lists under more than one body region.</summary>
internal static class TraumaRegionListings
{
    private static readonly Regex CodeLine = new(@"^[A-Z]\d\d\.\S+", RegexOptions.CultureInvariant);

    /// <summary>Code → (first region, last region) for every code listed under two or more regions.</summary>
    public static IReadOnlyDictionary<string, (string First, string Last)> CodesInTwoRegions(string ruleTextFolder)
    {
        var first = new Dictionary<string, string>(StringComparer.Ordinal);
        var result = new Dictionary<string, (string First, string Last)>(StringComparer.Ordinal);
        var inTable = false;
        var region = string.Empty;
        foreach (var line in File.ReadLines(Path.Combine(ruleTextFolder, "4_ADRG_DETAIL.txt")))
        {
            var text = line.Trim();
            if (text == "MDCZ 主诊表")
            {
                inTable = true;
                continue;
            }

            if (!inTable)
            {
                continue;
            }

            if (text.StartsWith("ZB1", StringComparison.Ordinal))
            {
                break;
            }

            if (text.EndsWith("创伤", StringComparison.Ordinal) && !text.Contains(' ', StringComparison.Ordinal))
            {
                region = text;
                continue;
            }

            var m = CodeLine.Match(text);
            if (!m.Success || region.Length == 0)
            {
                continue;
            }

            if (!first.TryGetValue(m.Value, out var earlier))
            {
                first[m.Value] = region;
            }
            else if (earlier != region)
            {
                result[m.Value] = (earlier, region);
            }
        }

        return result;
    }
}
