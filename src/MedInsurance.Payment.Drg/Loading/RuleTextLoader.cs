using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using MedInsurance.Payment.Drg.Rules;

namespace MedInsurance.Payment.Drg.Loading;

/// <summary>
/// 规则文本加载器 — reads a CHS-DRG rule-text folder (1_MDC … 7_CCE, see docs/drg/rule-text.md) into an immutable
/// <see cref="RulePack"/> and a <see cref="RuleLoadReport"/>.
/// </summary>
/// <remarks>
/// <para>The text was transcribed from PDF: records run together on one line, column headers and page numbers appear
/// mid-text, names wrap (<c>~~</c>) and, in some editions, the CC/MCC tables come as columns (all codes, then all
/// names, then all exclusion tables). The loader recovers records by scanning for code patterns rather than trusting
/// line breaks, and reports every piece of text it could not place, with file and line.</para>
/// <para>Throws only for configuration errors (folder or file missing). Thread-safe (no shared state).</para>
/// </remarks>
public static class RuleTextLoader
{
    /// <summary>CHS-DRG 1.1（2021年5月） edition id.</summary>
    public const string Edition11 = "chs-drg-1.1";

    /// <summary>CHS-DRG 1.0 修订版 edition id.</summary>
    public const string Edition10Revised = "chs-drg-1.0-revised";

    internal const string MdcFile = "1_MDC.txt";
    internal const string AdrgFile = "2_ADRG.txt";
    internal const string DrgFile = "3_DRG.txt";
    internal const string DetailFile = "4_ADRG_DETAIL.txt";
    internal const string MccFile = "5_MCC.txt";
    internal const string CcFile = "6_CC.txt";
    internal const string CceFile = "7_CCE.txt";

    private static readonly Regex MdcToken = new(@"(?<![A-Za-z0-9])MDC[A-Z](?![A-Za-z0-9])", RegexOptions.CultureInvariant);
    private static readonly Regex AdrgToken = new(@"(?<![A-Za-z0-9.])[A-Z]{2}\d(?=\s)", RegexOptions.CultureInvariant);
    private static readonly Regex DrgToken = new(@"(?<![A-Za-z0-9.])[A-Z]{2}\d[0-9A-Z](?=\s)", RegexOptions.CultureInvariant);
    private static readonly Regex DetailMdc = new(@"^MDC([A-Z])\s*(.*)$", RegexOptions.CultureInvariant);
    private static readonly Regex DetailAdrg = new(@"^([A-Z]{2}\d)\s+(\S.*)$", RegexOptions.CultureInvariant);
    private static readonly Regex TableHeader = new(@"^(?:手术表|手术)\s*(\d+)\s*[：:]$", RegexOptions.CultureInvariant);
    private static readonly Regex CombinationHeader = new(@"^(或)?包含以下主要诊断((?:\+手术表\s*\d+)+)$", RegexOptions.CultureInvariant);
    private static readonly Regex TableNumber = new(@"\d+", RegexOptions.CultureInvariant);
    private static readonly Regex CrossReference = new(@"见\s*([A-Z]{2}\d)\s*手术表", RegexOptions.CultureInvariant);
    private static readonly Regex ExclusionToken = new(@"表\s*7\s*-\s*(\d+)", RegexOptions.CultureInvariant);
    private static readonly Regex NoExclusion = new(@"(?<=\s)无(?=\s|$)", RegexOptions.CultureInvariant);
    private static readonly Regex ComplicationNoise = new(
        @"疾病编码|疾病名称|排除内容|(?m)^\s*\d{1,4}\s*$|(?m)^\s*\d{1,4}(?=\s+疾病编码)|(?m)^\s*表\s*[56]\s*-\s*\d+[^\n]*$|(?m)^\s*\d\s*、[^\n]*$",
        RegexOptions.CultureInvariant);

    private static readonly Regex ExclusionNoise = new(@"包含以下主要诊断\s*[：:]|(?m)^\s*\d{1,4}\s*$", RegexOptions.CultureInvariant);

    /// <summary>Loads a rule-text folder.</summary>
    /// <param name="folder">The folder holding 1_MDC.txt … 7_CCE.txt.</param>
    /// <param name="edition">The edition id to record in the pack, e.g. <see cref="Edition11"/>.</param>
    /// <returns>The pack and its load report.</returns>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="FileNotFoundException">A rule-text file is missing.</exception>
    public static RulePackLoadResult Load(string folder, string edition) => Load(folder, edition, EditionConventions.ChsDrg11);

    /// <summary>Loads a rule-text folder of an edition whose prose rules differ from 1.1 (版本约定).</summary>
    /// <param name="folder">The folder holding 1_MDC.txt … 7_CCE.txt.</param>
    /// <param name="edition">The edition id to record in the pack.</param>
    /// <param name="conventions">The edition's prose rules, e.g. read with <see cref="CompiledRulePack.ReadConventions"/>.</param>
    /// <returns>The pack and its load report.</returns>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="FileNotFoundException">A rule-text file is missing.</exception>
    public static RulePackLoadResult Load(string folder, string edition, EditionConventions conventions)
    {
        if (conventions is null)
        {
            throw new ArgumentNullException(nameof(conventions));
        }

        if (folder is null)
        {
            throw new ArgumentNullException(nameof(folder));
        }

        if (string.IsNullOrWhiteSpace(edition))
        {
            throw new ArgumentException("An edition id is required, e.g. " + Edition11 + ".", nameof(edition));
        }

        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException("CHS-DRG rule folder not found: " + folder);
        }

        foreach (var file in new[] { MdcFile, AdrgFile, DrgFile, DetailFile, MccFile, CcFile, CceFile })
        {
            if (!File.Exists(Path.Combine(folder, file)))
            {
                throw new FileNotFoundException("CHS-DRG rule file missing: " + Path.Combine(folder, file), file);
            }
        }

        var report = new ReportBuilder();
        var mdcNames = ParseCodeList(folder, MdcFile, MdcToken, report, "MDC");
        var adrgNames = ParseCodeList(folder, AdrgFile, AdrgToken, report, "ADRG");
        var drgEntries = ParseCodeList(folder, DrgFile, DrgToken, report, "DRG");
        var detail = DetailParser.Parse(folder, report);
        var mcc = ParseComplications(folder, MccFile, ComplicationLevel.Mcc, report);
        var cc = ParseComplications(folder, CcFile, ComplicationLevel.Cc, report);
        var exclusions = ParseExclusions(folder, report);

        // MDCs in 1_MDC order, with the main tables of 4_ADRG_DETAIL.
        var mdcs = new List<MdcRule>();
        foreach (var (code, name, line) in mdcNames)
        {
            detail.MdcTables.TryGetValue(code, out var table);
            detail.TraumaRegions.TryGetValue(code, out var regions);
            detail.AdditionalTraumaRegions.TryGetValue(code, out var more);
            mdcs.Add(new MdcRule(code, name, table ?? new List<string>(), regions, more?.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)p.Value, StringComparer.Ordinal), new SourceLocation(MdcFile, line)));
            if (!conventions.ProcedureOnlyMdcs.Contains(code) && (table is null || table.Count == 0))
            {
                report.Note(code + " has no main-diagnosis table (主诊表) in " + DetailFile + ".");
            }
        }

        foreach (var code in detail.MdcTables.Keys.Where(k => mdcs.All(m => m.Code != k)))
        {
            report.Note(code + " has a main-diagnosis table in " + DetailFile + " but is not in " + MdcFile + "; ignored.");
        }

        var adrgs = detail.Adrgs.Select(b => b.Build(detail, report, conventions)).ToList();
        foreach (var (code, _, line) in adrgNames.Where(a => adrgs.All(r => r.Code != a.Code)))
        {
            report.Unparsed(AdrgFile, line, code, "ADRG listed in " + AdrgFile + " has no conditions in " + DetailFile);
        }

        var drgs = drgEntries.Select(d => new DrgRule(d.Code, d.Name, new SourceLocation(DrgFile, d.Line))).ToList();
        foreach (var adrg in adrgs.Where(a => drgs.All(d => d.Adrg != a.Code)))
        {
            report.Note("ADRG " + adrg.Code + " has no DRG in " + DrgFile + "; its cases are reported ungroupable.");
        }

        var digits = string.Concat(conventions.Splits.Select(x => x.Digit));
        foreach (var drg in drgs.Where(d => conventions.SplitOf(d.Code[3]) is null))
        {
            report.Note("DRG " + drg.Code + " has a fourth character the edition's split rules do not define (not one of " + digits + ").");
        }

        var complications = mcc.Concat(cc).ToList();
        foreach (var c in complications.Where(c => c.ExclusionTable is not null && !exclusions.Any(t => t.Id == c.ExclusionTable)).Select(c => c.ExclusionTable!).Distinct(StringComparer.Ordinal))
        {
            report.Note("exclusion table 表 " + c + " is referenced by CC/MCC but missing from " + CceFile + ".");
        }

        var pack = new RulePack(edition, mdcs, adrgs, drgs, complications, exclusions, conventions);
        RecordTableCounts(pack, report);
        return new RulePackLoadResult(pack, report.Build(edition));
    }

    /// <summary>The load report's counts per table (the same for the rule text and a compiled pack).</summary>
    internal static void RecordCounts(RulePack pack, ReportBuilder report)
    {
        RecordCounts(pack, report, null);
    }

    /// <summary>The load report's counts of a pack that was not read from the text now: the code lists (1_MDC, 2_ADRG,
    /// 3_DRG) first, as <see cref="ParseCodeList"/> records them, then the tables. <paramref name="adrgListed"/> is the
    /// number of ADRGs 2_ADRG.txt listed (which may exceed those with conditions), or null for the pack's own count.</summary>
    internal static void RecordCounts(RulePack pack, ReportBuilder report, int? adrgListed)
    {
        report.Count(MdcFile, "MDC", pack.Mdcs.Count);
        report.Count(AdrgFile, "ADRG", adrgListed ?? pack.Adrgs.Count);
        report.Count(DrgFile, "DRG", pack.Drgs.Count);
        RecordTableCounts(pack, report);
    }

    private static void RecordTableCounts(RulePack pack, ReportBuilder report)
    {
        foreach (var m in pack.Mdcs.Where(m => m.MainDiagnoses.Count > 0))
        {
            report.Count(DetailFile, m.Code + " 主诊表", m.MainDiagnoses.Count);
        }

        foreach (var a in pack.Adrgs)
        {
            report.Count(DetailFile, a.Code, a.MainDiagnoses.Count + a.AnyDiagnoses.Count + a.MainProcedures.Count + a.ProcedureTables.Sum(t => t.Codes.Count));
        }

        report.Count(MccFile, "MCC", pack.Complications.Values.Count(c => c.Level == ComplicationLevel.Mcc));
        report.Count(CcFile, "CC", pack.Complications.Values.Count(c => c.Level == ComplicationLevel.Cc));
        foreach (var t in pack.ExclusionTables.Values.OrderBy(t => int.TryParse(t.Id.Substring(t.Id.IndexOf('-') + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : int.MaxValue).ThenBy(t => t.Id, StringComparer.Ordinal))
        {
            report.Count(CceFile, "表 " + t.Id, t.MainDiagnoses.Count);
        }
    }

    private static List<(string Code, string Name, int Line)> ParseCodeList(string folder, string file, Regex token, ReportBuilder report, string what)
    {
        var lines = RuleText.ReadLines(Path.Combine(folder, file));
        var result = new List<(string, string, int)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Length == 0)
            {
                continue;
            }

            var matches = token.Matches(line);
            if (matches.Count == 0)
            {
                report.Unparsed(file, i + 1, line, "no " + what + " code on the line");
                continue;
            }

            if (matches[0].Index > 0)
            {
                report.Unparsed(file, i + 1, line.Substring(0, matches[0].Index), "text before the first " + what + " code");
            }

            if (matches.Count > 1)
            {
                report.Note(string.Format(CultureInfo.InvariantCulture, "{0}:{1}: {2} {3} records run together on one line; split.", file, i + 1, matches.Count, what));
            }

            for (var m = 0; m < matches.Count; m++)
            {
                var start = matches[m].Index + matches[m].Length;
                var end = m + 1 < matches.Count ? matches[m + 1].Index : line.Length;
                var code = matches[m].Value;
                if (!seen.Add(code))
                {
                    report.Note(string.Format(CultureInfo.InvariantCulture, "{0}:{1}: {2} {3} listed again; first kept.", file, i + 1, what, code));
                    continue;
                }

                result.Add((code, line.Substring(start, end - start).Trim(), i + 1));
            }
        }

        report.Count(file, what, result.Count);
        return result;
    }

    private static List<ComplicationRule> ParseComplications(string folder, string file, ComplicationLevel level, ReportBuilder report)
    {
        var lines = RuleText.ReadLines(Path.Combine(folder, file));
        var stream = new RuleText.Stream(lines);
        stream.Blank(ComplicationNoise);
        var text = stream.Text;
        var codes = RuleText.Diagnosis.Matches(text).Cast<Match>().ToList();
        var result = new List<ComplicationRule>();
        if (codes.Count == 0)
        {
            return result;
        }

        var columnar = lines.Any(l => l == "疾病编码") && lines.Count(l => RuleText.Diagnosis.IsMatch(l) && ExclusionToken.IsMatch(l)) * 2 < codes.Count;
        if (columnar)
        {
            // Column layout: codes, names and tables in separate runs; rows keep their order in each column.
            var tables = ExclusionToken.Matches(text).Cast<Match>().Select(m => (m.Index, Id: (string?)("7-" + m.Groups[1].Value)))
                .Concat(NoExclusion.Matches(text).Cast<Match>().Select(m => (m.Index, Id: (string?)null)))
                .OrderBy(t => t.Index).ToList();
            report.Note(string.Format(CultureInfo.InvariantCulture, "{0}: column layout (codes, names and exclusion tables in separate runs); {1} codes paired with {2} table entries in order.", file, codes.Count, tables.Count));
            var pairs = Math.Min(codes.Count, tables.Count);
            for (var i = 0; i < pairs; i++)
            {
                result.Add(new ComplicationRule(codes[i].Value, level, tables[i].Id, new SourceLocation(file, stream.LineOf(codes[i].Index))));
            }

            for (var i = pairs; i < codes.Count; i++)
            {
                report.Unparsed(file, stream.LineOf(codes[i].Index), codes[i].Value, "code without an exclusion-table entry (column counts differ)");
            }

            for (var i = pairs; i < tables.Count; i++)
            {
                report.Unparsed(file, stream.LineOf(tables[i].Index), tables[i].Id ?? "无", "exclusion-table entry without a code (column counts differ)");
            }

            return result;
        }

        ReportLeadingText(text, codes[0].Index, stream, file, report);
        for (var i = 0; i < codes.Count; i++)
        {
            var start = codes[i].Index + codes[i].Length;
            var end = i + 1 < codes.Count ? codes[i + 1].Index : text.Length;
            var segment = text.Substring(start, end - start);
            var table = ExclusionToken.Match(segment);
            var line = stream.LineOf(codes[i].Index);
            string? id = null;
            if (table.Success)
            {
                id = "7-" + table.Groups[1].Value;
                var after = segment.Substring(table.Index + table.Length).Trim();
                if (after.Length > 0)
                {
                    report.Unparsed(file, stream.LineOf(start + table.Index + table.Length), after, "text after the exclusion table of " + codes[i].Value);
                }
            }
            else if (!NoExclusion.IsMatch(" " + segment))
            {
                report.Unparsed(file, line, codes[i].Value + segment.TrimEnd(), "no exclusion table (表 7-N or 无) after the code");
            }

            if (segment.IndexOf('\n') >= 0 && segment.Trim().IndexOf('\n') >= 0)
            {
                report.Note(string.Format(CultureInfo.InvariantCulture, "{0}:{1}: record {2} continues over a line break; joined.", file, line, codes[i].Value));
            }

            result.Add(new ComplicationRule(codes[i].Value, level, id, new SourceLocation(file, line)));
        }

        return result;
    }

    private static List<ExclusionTable> ParseExclusions(string folder, ReportBuilder report)
    {
        var lines = RuleText.ReadLines(Path.Combine(folder, CceFile));
        var stream = new RuleText.Stream(lines);
        stream.Blank(ExclusionNoise);
        var text = stream.Text;
        var headers = ExclusionToken.Matches(text).Cast<Match>().ToList();
        var result = new List<ExclusionTable>();
        if (headers.Count == 0)
        {
            report.Unparsed(CceFile, 1, lines.FirstOrDefault() ?? string.Empty, "no exclusion table header (表 7-N) in the file");
            return result;
        }

        ReportLeadingText(text, headers[0].Index, stream, CceFile, report);
        var byId = new Dictionary<string, (List<string> Codes, int Line)>(StringComparer.Ordinal);
        var order = new List<string>();
        for (var i = 0; i < headers.Count; i++)
        {
            var id = "7-" + headers[i].Groups[1].Value;
            var start = headers[i].Index + headers[i].Length;
            var end = i + 1 < headers.Count ? headers[i + 1].Index : text.Length;
            var body = text.Substring(start, end - start);
            var codes = RuleText.Diagnosis.Matches(body).Cast<Match>().Select(m => m.Value).ToList();
            if (!byId.TryGetValue(id, out var entry))
            {
                entry = (new List<string>(), stream.LineOf(headers[i].Index));
                byId[id] = entry;
                order.Add(id);
            }
            else
            {
                report.Note(string.Format(CultureInfo.InvariantCulture, "{0}:{1}: 表 {2} appears again (page break); merged.", CceFile, stream.LineOf(headers[i].Index), id));
            }

            entry.Codes.AddRange(codes);
            if (codes.Count == 0)
            {
                report.Note(string.Format(CultureInfo.InvariantCulture, "{0}:{1}: 表 {2} header without codes.", CceFile, stream.LineOf(headers[i].Index), id));
            }
        }

        foreach (var id in order)
        {
            result.Add(new ExclusionTable(id, byId[id].Codes, new SourceLocation(CceFile, byId[id].Line)));
        }

        return result;
    }

    private static void ReportLeadingText(string text, int firstRecord, RuleText.Stream stream, string file, ReportBuilder report)
    {
        var lead = text.Substring(0, firstRecord);
        var offset = 0;
        foreach (var piece in lead.Split('\n'))
        {
            if (piece.Trim().Length > 0)
            {
                report.Unparsed(file, stream.LineOf(offset), piece.Trim(), "text before the first record");
            }

            offset += piece.Length + 1;
        }
    }

    internal static IEnumerable<int> ParseTableNumbers(string text) =>
        TableNumber.Matches(text).Cast<Match>().Select(m => int.Parse(m.Value, CultureInfo.InvariantCulture));

    internal static bool IsCombinationHeader(string line, out bool alternative, out int[] tables)
    {
        var m = CombinationHeader.Match(line);
        alternative = m.Success && m.Groups[1].Success;
        tables = m.Success ? ParseTableNumbers(m.Groups[2].Value).ToArray() : Array.Empty<int>();
        return m.Success;
    }

    internal static Match MatchDetailMdc(string line) => DetailMdc.Match(line);

    internal static Match MatchDetailAdrg(string line) => DetailAdrg.Match(line);

    internal static Match MatchTableHeader(string line) => TableHeader.Match(line);

    internal static Match MatchCrossReference(string name) => CrossReference.Match(name);
}
