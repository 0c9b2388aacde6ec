using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using MedInsurance.Payment.Cases;
using MedInsurance.Payment.Drg.Rules;

namespace MedInsurance.Payment.Drg.Loading;

/// <summary>The conventions and load-report parts of the rule-pack JSON (format version 2).</summary>
internal static class CompiledPackConversion
{
    public static ConventionsDto ToDto(EditionConventions c) => new()
    {
        PreMdcOrder = c.PreMdcOrder.ToList(),
        ProcedureOnlyMdcs = c.ProcedureOnlyMdcs.ToList(),
        RequiredSex = c.RequiredSex.OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary(p => p.Key, p => SexName(p.Value), StringComparer.Ordinal),
        ImpliedSex = c.ImpliedSex.OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary(p => p.Key, p => SexName(p.Value), StringComparer.Ordinal),
        InfantMdcs = c.InfantMdcs.ToList(),
        MultipleTraumaMdc = c.MultipleTraumaMdc,
        MultipleTraumaMinimumRegions = c.MultipleTraumaMinimumRegions,
        LastSurgicalLetter = c.LastSurgicalLetter.ToString(),
        LastProcedureLetter = c.LastProcedureLetter.ToString(),
        AmbiguousGroupSuffix = c.AmbiguousGroupSuffix,
        Splits = c.Splits.Select(s => new SplitDto
        {
            Digit = s.Digit.ToString(),
            MinimumLevel = LevelName(s.MinimumLevel),
            MinimumAgeYears = s.MinimumAgeYears == 0 ? null : s.MinimumAgeYears,
            MaximumAgeYears = s.MaximumAgeYears == DrgSplitRule.MaximumAge ? null : s.MaximumAgeYears,
            Meaning = s.Meaning,
        }).ToList(),
    };

    public static EditionConventions FromDto(ConventionsDto d, string source, string path)
    {
        string Fail(string field, string message) => throw new FormatException(source + ": " + path + "." + field + ": " + message);
        List<string> Codes(List<string>? list, string field)
        {
            if (list is null)
            {
                Fail(field, "missing");
            }

            for (var i = 0; i < list!.Count; i++)
            {
                if (string.IsNullOrWhiteSpace(list[i]))
                {
                    Fail(field + "[" + i.ToString(CultureInfo.InvariantCulture) + "]", "null or empty MDC code");
                }
            }

            return list;
        }

        Dictionary<string, Sex> Sexes(Dictionary<string, string>? map, string field)
        {
            if (map is null)
            {
                Fail(field, "missing");
            }

            var result = new Dictionary<string, Sex>(StringComparer.Ordinal);
            foreach (var p in map!)
            {
                result[p.Key] = p.Value switch
                {
                    "male" => Sex.Male,
                    "female" => Sex.Female,
                    _ => throw new FormatException(source + ": " + path + "." + field + "." + p.Key + ": expected \"male\" or \"female\""),
                };
            }

            return result;
        }

        char Letter(string? value, string field) => value is { Length: 1 } && value[0] is >= 'A' and <= 'Z' ? value[0] : Fail(field, "expected one capital letter")[0];

        if (d.Splits is null || d.Splits.Count == 0)
        {
            Fail("splits", "missing or empty");
        }

        var splits = new List<DrgSplitRule>();
        for (var i = 0; i < d.Splits!.Count; i++)
        {
            var s = d.Splits[i];
            var at = "splits[" + i.ToString(CultureInfo.InvariantCulture) + "]";
            if (s is null)
            {
                Fail(at, "null split rule");
            }

            if (s!.Digit is not { Length: 1 } digit || !(digit[0] is >= '0' and <= '9' || digit[0] is >= 'A' and <= 'Z'))
            {
                Fail(at + ".digit", "expected one digit or capital letter");
                continue;
            }

            var level = s.MinimumLevel switch
            {
                "none" => ComplicationLevel.None,
                "cc" => ComplicationLevel.Cc,
                "mcc" => ComplicationLevel.Mcc,
                _ => (ComplicationLevel)(-1),
            };
            if (level < 0)
            {
                Fail(at + ".minimumLevel", "expected \"none\", \"cc\" or \"mcc\"");
            }

            var min = s.MinimumAgeYears ?? 0;
            var max = s.MaximumAgeYears ?? DrgSplitRule.MaximumAge;
            if (min < 0 || max < min || max > DrgSplitRule.MaximumAge)
            {
                Fail(at + ".maximumAgeYears", "expected 0 ≤ minimumAgeYears ≤ maximumAgeYears ≤ " + DrgSplitRule.MaximumAge.ToString(CultureInfo.InvariantCulture));
            }

            splits.Add(new DrgSplitRule(digit[0], level, min, max, s.Meaning ?? Fail(at + ".meaning", "missing")));
        }

        return new EditionConventions(
            Codes(d.PreMdcOrder, "preMdcOrder"),
            Codes(d.ProcedureOnlyMdcs, "procedureOnlyMdcs"),
            Sexes(d.RequiredSex, "requiredSex"),
            Sexes(d.ImpliedSex, "impliedSex"),
            Codes(d.InfantMdcs, "infantMdcs"),
            d.MultipleTraumaMdc,
            d.MultipleTraumaMinimumRegions ?? Fail("multipleTraumaMinimumRegions", "missing").Length,
            Letter(d.LastSurgicalLetter, "lastSurgicalLetter"),
            Letter(d.LastProcedureLetter, "lastProcedureLetter"),
            d.AmbiguousGroupSuffix ?? Fail("ambiguousGroupSuffix", "missing"),
            splits);
    }

    public static ReportDto ToDto(RuleLoadReport r) => new()
    {
        Counts = r.Counts.Select(c => new CountDto { File = c.File, Table = c.Table, Codes = c.Codes }).ToList(),
        Notes = r.Notes.ToList(),
        Unparsed = r.Unparsed.Select(u => new UnparsedDto { File = u.File, Line = u.Line, Text = u.Text, Reason = u.Reason }).ToList(),
    };

    /// <summary>The counts a file states must be the counts of its content: a hand edit or a truncation shows here.</summary>
    public static void CompareCounts(ReportDto saved, RuleLoadReport built, string source)
    {
        var actual = built.Counts.ToDictionary(c => c.File + "\t" + c.Table, c => c.Codes, StringComparer.Ordinal);
        for (var i = 0; i < saved.Counts.Count; i++)
        {
            var c = saved.Counts[i];
            var at = source + ": $.loadReport.counts[" + i.ToString(CultureInfo.InvariantCulture) + "]: ";
            if (!actual.TryGetValue(c.File + "\t" + c.Table, out var n))
            {
                throw new FormatException(at + c.File + " " + c.Table + " is counted but not in the pack — is the file truncated?");
            }

            if (n != c.Codes)
            {
                throw new FormatException(at + c.File + " " + c.Table + " counts " + c.Codes.ToString(CultureInfo.InvariantCulture) + " codes, the pack holds " + n.ToString(CultureInfo.InvariantCulture) + " — edited or truncated? (remove loadReport.counts after a deliberate edit)");
            }
        }

        if (saved.Counts.Count > 0 && saved.Counts.Count != actual.Count)
        {
            throw new FormatException(source + ": $.loadReport.counts: " + saved.Counts.Count.ToString(CultureInfo.InvariantCulture) + " tables counted, the pack has " + actual.Count.ToString(CultureInfo.InvariantCulture) + ".");
        }
    }

    private static string SexName(Sex sex) => sex == Sex.Male ? "male" : "female";

    private static string LevelName(ComplicationLevel level) => level switch
    {
        ComplicationLevel.Mcc => "mcc",
        ComplicationLevel.Cc => "cc",
        _ => "none",
    };
}

#pragma warning disable CA1002, CA2227, SA1402 // JSON transfer objects: mutable lists are what the serializer fills.
internal sealed class ConventionsDto
{
    public List<string>? PreMdcOrder { get; set; }

    public List<string>? ProcedureOnlyMdcs { get; set; }

    public Dictionary<string, string>? RequiredSex { get; set; }

    public Dictionary<string, string>? ImpliedSex { get; set; }

    public List<string>? InfantMdcs { get; set; }

    public string? MultipleTraumaMdc { get; set; }

    public int? MultipleTraumaMinimumRegions { get; set; }

    public string? LastSurgicalLetter { get; set; }

    public string? LastProcedureLetter { get; set; }

    public string? AmbiguousGroupSuffix { get; set; }

    public List<SplitDto>? Splits { get; set; }
}

internal sealed class SplitDto
{
    public string? Digit { get; set; }

    public string? MinimumLevel { get; set; }

    public int? MinimumAgeYears { get; set; }

    public int? MaximumAgeYears { get; set; }

    public string? Meaning { get; set; }
}

internal sealed class ReportDto
{
    public List<CountDto> Counts { get; set; } = new();

    public List<string> Notes { get; set; } = new();

    public List<UnparsedDto> Unparsed { get; set; } = new();
}

internal sealed class CountDto
{
    public string File { get; set; } = string.Empty;

    public string Table { get; set; } = string.Empty;

    public int Codes { get; set; }
}

internal sealed class UnparsedDto
{
    public string File { get; set; } = string.Empty;

    public int Line { get; set; }

    public string Text { get; set; } = string.Empty;

    public string Reason { get; set; } = string.Empty;
}
#pragma warning restore CA1002, CA2227, SA1402
