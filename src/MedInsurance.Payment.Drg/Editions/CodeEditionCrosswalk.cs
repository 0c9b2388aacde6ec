using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;

namespace MedInsurance.Payment.Drg.Editions;

/// <summary>一对多映射规则 — what to do when a crosswalk lists one source code with several targets.</summary>
public enum CrosswalkOneToManyRule
{
    /// <summary>拒绝映射 — do not map the code; the case keeps it and gets <c>DRG_CODE_MAP_AMBIGUOUS</c> (the default).</summary>
    Refuse = 0,

    /// <summary>取首条 — take the target of the first line that lists the code (only when the file states <c># one-to-many: first</c>).</summary>
    First = 1,
}

/// <summary>
/// 编码版本映射 — a crosswalk from one code edition to another (e.g. 医保版1.0→医保版2.0, 国临版→医保版), read from
/// <c>source target</c> files such as <c>ZD_YB10_TO_YB20.dat</c> (diagnoses, ICD-10) and <c>SS_YB10_TO_YB20.dat</c>
/// (procedures, ICD-9-CM-3). Used by <see cref="Grouping.DrgGrouper.MapCodes"/>: only codes the rule pack does not know
/// are looked up.
/// </summary>
/// <remarks>
/// <para>Format (docs/formats-drg.md): one mapping a line, two codes separated by spaces or tabs; blank lines and lines
/// starting with <c>#</c> are ignored, except the directive <c># one-to-many: refuse</c> or <c># one-to-many: first</c>,
/// which states what a source code listed with several targets means (<see cref="CrosswalkOneToManyRule"/>; refuse when
/// the file states nothing). The same pair listed twice is harmless.</para>
/// <para>Read line by line (streaming). A corrupt file is refused with <see cref="InvalidDataException"/> naming the
/// file, the line and the field (1 source, 2 target), never the text of the line. The target must be a well-formed
/// 医保版 code; the source, a code of another edition, must only look like a code (letters, digits, <c>. + * - /</c>,
/// 3–40 characters): <c>ZD_GL20_TO_YB20.dat</c> writes some 国临版 dagger codes without <c>+</c> and <c>*</c>
/// (<c>B37.600I39.8</c>). Immutable and thread-safe.</para>
/// </remarks>
public sealed class CodeEditionCrosswalk
{
    private static readonly char[] Separators = { ' ', '\t' };
    private readonly Dictionary<string, string> _diagnoses;
    private readonly Dictionary<string, string> _procedures;
    private readonly HashSet<string> _ambiguousDiagnoses;
    private readonly HashSet<string> _ambiguousProcedures;

    private CodeEditionCrosswalk(string name, Table diagnoses, Table procedures)
    {
        Name = name;
        _diagnoses = diagnoses.Map;
        _procedures = procedures.Map;
        _ambiguousDiagnoses = diagnoses.Ambiguous;
        _ambiguousProcedures = procedures.Ambiguous;
        DiagnosisRule = diagnoses.Rule;
        ProcedureRule = procedures.Rule;
    }

    /// <summary>名称 — e.g. <c>医保版1.0→医保版2.0</c>; shown in the trace.</summary>
    public string Name { get; }

    /// <summary>诊断映射数 — diagnosis source codes.</summary>
    public int DiagnosisCount => _diagnoses.Count + _ambiguousDiagnoses.Count;

    /// <summary>手术映射数 — procedure source codes.</summary>
    public int ProcedureCount => _procedures.Count + _ambiguousProcedures.Count;

    /// <summary>一对多诊断数 — diagnosis source codes with several targets that are refused.</summary>
    public int AmbiguousDiagnosisCount => _ambiguousDiagnoses.Count;

    /// <summary>一对多手术数 — procedure source codes with several targets that are refused.</summary>
    public int AmbiguousProcedureCount => _ambiguousProcedures.Count;

    /// <summary>诊断一对多规则 — the rule the diagnosis file states.</summary>
    public CrosswalkOneToManyRule DiagnosisRule { get; }

    /// <summary>手术一对多规则 — the rule the procedure file states.</summary>
    public CrosswalkOneToManyRule ProcedureRule { get; }

    /// <summary>Loads a crosswalk from its files.</summary>
    /// <param name="name">The crosswalk's name for the trace, e.g. <c>医保版1.0→医保版2.0</c>.</param>
    /// <param name="diagnosisPath">The diagnosis file (ZD_…), or null for none.</param>
    /// <param name="procedurePath">The procedure file (SS_…), or null for none.</param>
    /// <returns>The crosswalk.</returns>
    /// <exception cref="FileNotFoundException">A file is missing.</exception>
    /// <exception cref="InvalidDataException">A line is not two codes (file, line and field named).</exception>
    public static CodeEditionCrosswalk Load(string name, string? diagnosisPath, string? procedurePath)
    {
        using var dx = Open(diagnosisPath);
        using var px = Open(procedurePath);
        return Read(name, dx, diagnosisPath is null ? string.Empty : Path.GetFileName(diagnosisPath), px, procedurePath is null ? string.Empty : Path.GetFileName(procedurePath));
    }

    /// <summary>Reads a crosswalk from text.</summary>
    /// <param name="name">The crosswalk's name for the trace.</param>
    /// <param name="diagnoses">The diagnosis lines, or null for none.</param>
    /// <param name="diagnosisSource">The diagnosis file name for messages.</param>
    /// <param name="procedures">The procedure lines, or null for none.</param>
    /// <param name="procedureSource">The procedure file name for messages.</param>
    /// <returns>The crosswalk.</returns>
    /// <exception cref="InvalidDataException">A line is not two codes (file, line and field named).</exception>
    public static CodeEditionCrosswalk Read(string name, TextReader? diagnoses, string diagnosisSource, TextReader? procedures, string procedureSource)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException("A crosswalk needs a name, e.g. 医保版1.0→医保版2.0.", nameof(name));
        }

        return new CodeEditionCrosswalk(
            name,
            ReadTable(diagnoses, diagnosisSource ?? string.Empty, IsDiagnosis, "ICD-10 diagnosis"),
            ReadTable(procedures, procedureSource ?? string.Empty, IsProcedure, "ICD-9-CM-3 procedure"));
    }

    internal MapLookup MapDiagnosis(string code, out string target) => Lookup(_diagnoses, _ambiguousDiagnoses, code, out target);

    internal MapLookup MapProcedure(string code, out string target) => Lookup(_procedures, _ambiguousProcedures, code, out target);

    private static MapLookup Lookup(Dictionary<string, string> map, HashSet<string> ambiguous, string code, out string target)
    {
        if (map.TryGetValue(code, out target!))
        {
            return MapLookup.Mapped;
        }

        target = string.Empty;
        return ambiguous.Contains(code) ? MapLookup.Ambiguous : MapLookup.Absent;
    }

    private static bool IsDiagnosis(string text, out string normalized)
    {
        var ok = DiagnosisCode.TryParse(text, out var code);
        normalized = ok ? code.Value : string.Empty;
        return ok;
    }

    private static bool IsProcedure(string text, out string normalized)
    {
        var ok = ProcedureCode.TryParse(text, out var code);
        normalized = ok ? code.Value : string.Empty;
        return ok;
    }

    private static bool LooksLikeCode(string text)
    {
        if (text.Length is < 3 or > 40 || !char.IsLetterOrDigit(text[0]))
        {
            return false;
        }

        foreach (var ch in text)
        {
            if (!(ch is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '.' or '+' or '*' or '-' or '/'))
            {
                return false;
            }
        }

        return true;
    }

    private static StreamReader? Open(string? path)
    {
        if (path is null)
        {
            return null;
        }

        if (!File.Exists(path))
        {
            throw new FileNotFoundException("Crosswalk file not found: " + path, path);
        }

        return new StreamReader(path, new UTF8Encoding(false, true), detectEncodingFromByteOrderMarks: true);
    }

    private static Table ReadTable(TextReader? reader, string source, CodeParser parse, string what)
    {
        var table = new Table();
        if (reader is null)
        {
            return table;
        }

        var firstTarget = new Dictionary<string, string>(StringComparer.Ordinal);
        var number = 0;
        var sawData = false;
        string? raw;
        while ((raw = ReadLine(reader, source, number + 1)) is not null)
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0)
            {
                continue;
            }

            if (line[0] == '#')
            {
                var directive = line.TrimStart('#').Trim();
                if (directive.StartsWith("one-to-many:", StringComparison.OrdinalIgnoreCase))
                {
                    var rule = directive.Substring("one-to-many:".Length).Trim();
                    if (sawData)
                    {
                        throw Refuse(source, number, 0, "the one-to-many directive must come before the first mapping");
                    }

                    table.Rule = rule.ToUpperInvariant() switch
                    {
                        "REFUSE" => CrosswalkOneToManyRule.Refuse,
                        "FIRST" => CrosswalkOneToManyRule.First,
                        _ => throw Refuse(source, number, 0, "one-to-many is \"refuse\" or \"first\""),
                    };
                }

                continue;
            }

            sawData = true;
            var fields = line.Split(Separators, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 2)
            {
                throw Refuse(source, number, 2, "missing; expected two codes: source target");
            }

            if (fields.Length > 2)
            {
                throw Refuse(source, number, 3, "unexpected; expected two codes: source target");
            }

            // The source is a code of another edition (国临版 writes some dagger codes without + and *): kept as written
            // when it is not a well-formed 医保版 code but looks like a code; the target must be well-formed.
            if (!parse(fields[0], out var from))
            {
                if (!LooksLikeCode(fields[0]))
                {
                    throw Refuse(source, number, 1, "not an " + what + " code");
                }

                from = fields[0];
            }

            if (!parse(fields[1], out var to))
            {
                throw Refuse(source, number, 2, "not an " + what + " code");
            }

            if (!firstTarget.TryGetValue(from, out var earlier))
            {
                firstTarget[from] = to;
            }
            else if (!string.Equals(earlier, to, StringComparison.Ordinal))
            {
                table.Ambiguous.Add(from);
            }
        }

        foreach (var pair in firstTarget)
        {
            if (table.Rule == CrosswalkOneToManyRule.First || !table.Ambiguous.Contains(pair.Key))
            {
                table.Map[pair.Key] = pair.Value;
            }
        }

        if (table.Rule == CrosswalkOneToManyRule.First)
        {
            table.Ambiguous.Clear();
        }

        return table;
    }

    private static string? ReadLine(TextReader reader, string source, int number)
    {
        try
        {
            return reader.ReadLine();
        }
        catch (DecoderFallbackException e)
        {
            throw new InvalidDataException(source + ":" + number.ToString(CultureInfo.InvariantCulture) + ": bytes that are not UTF-8", e);
        }
    }

    private static InvalidDataException Refuse(string source, int line, int field, string reason) =>
        new(source + ":" + line.ToString(CultureInfo.InvariantCulture) + (field == 0 ? string.Empty : ": field " + field.ToString(CultureInfo.InvariantCulture) + (field == 1 ? " (source)" : field == 2 ? " (target)" : string.Empty)) + ": " + reason);

    private delegate bool CodeParser(string text, out string normalized);

    private sealed class Table
    {
        public Dictionary<string, string> Map { get; } = new(StringComparer.Ordinal);

        public HashSet<string> Ambiguous { get; } = new(StringComparer.Ordinal);

        public CrosswalkOneToManyRule Rule { get; set; }
    }
}

/// <summary>What a crosswalk says about a code.</summary>
internal enum MapLookup
{
    Absent,
    Mapped,
    Ambiguous,
}
