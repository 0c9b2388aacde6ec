using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace MedInsurance.Payment.Drg.Loading;

/// <summary>
/// Refuses a rule-pack JSON whose content the serializer accepted but the format does not: a missing or null list, a null
/// or empty code, a repeated code, a code of the wrong shape, an ADRG of an MDC the pack lacks, a procedure-table
/// combination naming a table the ADRG lacks, a CC/MCC level other than 1 or 2. The message names the JSON path.
/// </summary>
internal static class CompiledPackValidator
{
    public static void Validate(PackDto d, string source)
    {
        void Fail(string path, string message) => throw new FormatException(source + ": " + path + ": " + message);
        string I(int i) => i.ToString(CultureInfo.InvariantCulture);
        void List<T>(List<T>? list, string path)
            where T : class
        {
            if (list is null)
            {
                Fail(path, "missing or null");
            }

            for (var i = 0; i < list!.Count; i++)
            {
                if (list[i] is null)
                {
                    Fail(path + "[" + I(i) + "]", "null item");
                }

                if (list[i] is string s && s.Trim().Length == 0)
                {
                    Fail(path + "[" + I(i) + "]", "empty code");
                }
            }
        }

        void Code(string? code, string path, int length, string what)
        {
            if (string.IsNullOrWhiteSpace(code))
            {
                Fail(path, "missing " + what + " code");
            }

            if (length > 0 && code!.Length != length)
            {
                Fail(path, what + " code of " + I(code.Length) + " characters; expected " + I(length));
            }
        }

        void Unique(IEnumerable<string> codes, string path, string what)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var i = 0;
            foreach (var c in codes)
            {
                if (!seen.Add(c))
                {
                    Fail(path + "[" + I(i) + "]", what + " listed twice");
                }

                i++;
            }
        }

        void NotNull(string? text, string path)
        {
            if (text is null)
            {
                Fail(path, "null (use \"\" for none)");
            }
        }

        if (string.IsNullOrWhiteSpace(d.Edition))
        {
            Fail("$.edition", "missing edition id");
        }

        List(d.Mdcs, "$.mdcs");
        List(d.Adrgs, "$.adrgs");
        List(d.Drgs, "$.drgs");
        List(d.Complications, "$.complications");
        List(d.ExclusionTables, "$.exclusionTables");
        for (var i = 0; i < d.Mdcs.Count; i++)
        {
            var m = d.Mdcs[i];
            var at = "$.mdcs[" + I(i) + "]";
            Code(m.Code, at + ".code", 0, "MDC");
            if (m.Code.Length != 4 || !m.Code.StartsWith("MDC", StringComparison.Ordinal))
            {
                Fail(at + ".code", "an MDC code is MDC and one character");
            }

            NotNull(m.Name, at + ".name");
            NotNull(m.File, at + ".file");
            List(m.MainDiagnoses, at + ".mainDiagnoses");
            if (m.TraumaRegions is null)
            {
                Fail(at + ".traumaRegions", "missing or null (use {})");
            }

            foreach (var p in m.TraumaRegions!.Where(p => string.IsNullOrWhiteSpace(p.Value)))
            {
                Fail(at + ".traumaRegions." + p.Key, "null or empty region");
            }

            foreach (var p in m.AdditionalTraumaRegions ?? new Dictionary<string, List<string>>())
            {
                List(p.Value, at + ".additionalTraumaRegions." + p.Key);
            }
        }

        Unique(d.Mdcs.Select(m => m.Code), "$.mdcs", "MDC");
        var mdcs = new HashSet<string>(d.Mdcs.Select(m => m.Code), StringComparer.Ordinal);
        for (var i = 0; i < d.Adrgs.Count; i++)
        {
            var a = d.Adrgs[i];
            var at = "$.adrgs[" + I(i) + "]";
            Code(a.Code, at + ".code", 3, "ADRG");
            if (a.Name is null)
            {
                Fail(at + ".name", "null name");
            }

            NotNull(a.File, at + ".file");
            if (!mdcs.Contains(a.Mdc ?? string.Empty))
            {
                Fail(at + ".mdc", "names no MDC of $.mdcs");
            }

            List(a.MainDiagnoses, at + ".mainDiagnoses");
            List(a.AnyDiagnoses, at + ".anyDiagnoses");
            List(a.MainProcedures, at + ".mainProcedures");
            List(a.Tables, at + ".tables");
            for (var t = 0; t < a.Tables.Count; t++)
            {
                List(a.Tables[t].Codes, at + ".tables[" + I(t) + "].codes");
            }

            Unique(a.Tables.Select(t => t.Number.ToString(CultureInfo.InvariantCulture)), at + ".tables", "procedure table number");
            List(a.Combinations, at + ".combinations");
            var numbers = new HashSet<int>(a.Tables.Select(t => t.Number));
            for (var c = 0; c < a.Combinations.Count; c++)
            {
                for (var n = 0; n < a.Combinations[c].Count; n++)
                {
                    if (!numbers.Contains(a.Combinations[c][n]))
                    {
                        Fail(at + ".combinations[" + I(c) + "][" + I(n) + "]", "names a procedure table the ADRG does not have");
                    }
                }
            }

            if (a.AgeMinDays < 0 || a.AgeMaxDays < a.AgeMinDays || a.WeightMinGrams < 0 || a.WeightMaxGrams < a.WeightMinGrams)
            {
                Fail(at + ".ageMaxDays", "age or weight band with minimum above maximum (or negative); an unbounded band is 0…2147483647");
            }
        }

        Unique(d.Adrgs.Select(a => a.Code), "$.adrgs", "ADRG");
        for (var i = 0; i < d.Drgs.Count; i++)
        {
            Code(d.Drgs[i].Code, "$.drgs[" + I(i) + "].code", 4, "DRG");
            if (d.Drgs[i].Name is null)
            {
                Fail("$.drgs[" + I(i) + "].name", "null name");
            }

            NotNull(d.Drgs[i].File, "$.drgs[" + I(i) + "].file");
        }

        Unique(d.Drgs.Select(x => x.Code), "$.drgs", "DRG");
        for (var i = 0; i < d.Complications.Count; i++)
        {
            var c = d.Complications[i];
            Code(c.Code, "$.complications[" + I(i) + "].code", 0, "diagnosis");
            NotNull(c.File, "$.complications[" + I(i) + "].file");
            if (c.Level is not (1 or 2))
            {
                Fail("$.complications[" + I(i) + "].level", "expected 1 (CC) or 2 (MCC)");
            }
        }

        for (var i = 0; i < d.ExclusionTables.Count; i++)
        {
            Code(d.ExclusionTables[i].Id, "$.exclusionTables[" + I(i) + "].id", 0, "exclusion table");
            List(d.ExclusionTables[i].MainDiagnoses, "$.exclusionTables[" + I(i) + "].mainDiagnoses");
            NotNull(d.ExclusionTables[i].File, "$.exclusionTables[" + I(i) + "].file");
        }

        Unique(d.ExclusionTables.Select(t => t.Id), "$.exclusionTables", "exclusion table");
        if (d.LoadReport is { } r)
        {
            List(r.Counts, "$.loadReport.counts");
            List(r.Notes, "$.loadReport.notes");
            List(r.Unparsed, "$.loadReport.unparsed");
        }
    }
}
