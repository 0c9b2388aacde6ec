using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using MedInsurance.Payment.Cases;
using MedInsurance.Payment.Drg.Loading;
using MedInsurance.Payment.Validation;

namespace MedInsurance.Payment.Drg.Editions;

/// <summary>编码映射 — one code replaced by the crosswalk: the field, the code as reported and the grouper's code.</summary>
public sealed class CodeMapping
{
    internal CodeMapping(string field, string from, string to)
        : this(field, from, to, string.Empty)
    {
    }

    internal CodeMapping(string field, string from, string to, string crosswalk)
    {
        Field = field;
        From = from;
        To = to;
        Crosswalk = crosswalk;
    }

    /// <summary>映射表 — the name of the <see cref="CodeEditionCrosswalk"/> that mapped the code; empty for <see cref="CodeCrosswalk"/>.</summary>
    public string Crosswalk { get; }

    /// <summary>字段 — e.g. <c>diagnoses[2]</c> or <c>procedures[0]</c>.</summary>
    public string Field { get; }

    /// <summary>原编码 — the code as reported.</summary>
    public string From { get; }

    /// <summary>分组器编码 — the code the grouper's edition uses.</summary>
    public string To { get; }
}

/// <summary>映射结果 — a case with its codes mapped to the grouper's edition, what was mapped and what could not be.</summary>
public sealed class CrosswalkResult
{
    internal CrosswalkResult(InpatientCase mapped, IEnumerable<CodeMapping> mappings, IEnumerable<ValidationIssue> issues)
    {
        Case = mapped;
        Mappings = new ReadOnlyCollection<CodeMapping>(mappings.ToArray());
        Issues = new ReadOnlyCollection<ValidationIssue>(issues.ToArray());
    }

    /// <summary>映射后的病例 — the case with mapped codes.</summary>
    public InpatientCase Case { get; }

    /// <summary>映射 — the codes that changed.</summary>
    public IReadOnlyList<CodeMapping> Mappings { get; }

    /// <summary>问题 — codes the crosswalk does not know (an unknown main diagnosis is an error).</summary>
    public IReadOnlyList<ValidationIssue> Issues { get; }
}

/// <summary>
/// 编码转换 — maps diagnosis (ICD-10) and procedure (ICD-9-CM-3) codes of older code editions to the codes a grouper
/// edition uses, from the <c>ZD_MAP.dat</c> / <c>SS_MAP.dat</c> tables (<c>source-code grouper-code</c> per line).
/// </summary>
/// <remarks>Immutable and thread-safe. A code absent from the table is kept and reported (<see cref="Grouping.DrgIssueCodes"/>
/// <c>DRG_CODE_NOT_MAPPED</c>): an error for the main diagnosis, a warning otherwise.</remarks>
public sealed class CodeCrosswalk
{
    private static readonly char[] Separators = { ' ', '\t' };
    private readonly Dictionary<string, string> _diagnoses;
    private readonly Dictionary<string, string> _procedures;

    private CodeCrosswalk(Dictionary<string, string> diagnoses, Dictionary<string, string> procedures, IEnumerable<UnparsedLine> unparsed)
    {
        _diagnoses = diagnoses;
        _procedures = procedures;
        Unparsed = new ReadOnlyCollection<UnparsedLine>(unparsed.ToArray());
    }

    /// <summary>诊断映射数 — diagnosis entries.</summary>
    public int DiagnosisCount => _diagnoses.Count;

    /// <summary>手术映射数 — procedure entries.</summary>
    public int ProcedureCount => _procedures.Count;

    /// <summary>未解析行 — map lines that are not two codes, with file and line.</summary>
    public IReadOnlyList<UnparsedLine> Unparsed { get; }

    /// <summary>Loads the two map files.</summary>
    /// <param name="diagnosisMapPath">Path of ZD_MAP.dat.</param>
    /// <param name="procedureMapPath">Path of SS_MAP.dat.</param>
    /// <returns>The crosswalk.</returns>
    /// <exception cref="FileNotFoundException">A file is missing.</exception>
    public static CodeCrosswalk Load(string diagnosisMapPath, string procedureMapPath)
    {
        var unparsed = new List<UnparsedLine>();
        var dx = Read(diagnosisMapPath ?? throw new ArgumentNullException(nameof(diagnosisMapPath)), unparsed);
        var px = Read(procedureMapPath ?? throw new ArgumentNullException(nameof(procedureMapPath)), unparsed);
        return new CodeCrosswalk(dx, px, unparsed);
    }

    /// <summary>Maps a case's codes.</summary>
    /// <param name="inpatientCase">The case.</param>
    /// <returns>The mapped case, the mappings and issues.</returns>
    public CrosswalkResult Apply(InpatientCase inpatientCase)
    {
        if (inpatientCase is null)
        {
            throw new ArgumentNullException(nameof(inpatientCase));
        }

        var c = inpatientCase;
        var mappings = new List<CodeMapping>();
        var issues = new List<ValidationIssue>();
        var main = MapDiagnosis(c.MainDiagnosis, "diagnoses[0]", true, mappings, issues);
        var secondary = c.SecondaryDiagnoses.Select((d, i) => MapDiagnosis(d, "diagnoses[" + (i + 1).ToString(CultureInfo.InvariantCulture) + "]", false, mappings, issues)).ToArray();
        var mainPx = MapProcedure(c.MainProcedure, "procedures[0]", mappings, issues);
        var other = c.OtherProcedures.Select((p, i) => MapProcedure(p, "procedures[" + (i + 1).ToString(CultureInfo.InvariantCulture) + "]", mappings, issues)).ToArray();
        var mapped = mappings.Count == 0 ? c : c with { MainDiagnosis = main, SecondaryDiagnoses = secondary, MainProcedure = mainPx, OtherProcedures = other };
        return new CrosswalkResult(mapped, mappings, issues);
    }

    private static Dictionary<string, string> Read(string path, List<UnparsedLine> unparsed)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException("Code map not found: " + path, path);
        }

        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        var file = Path.GetFileName(path);
        var number = 0;
        foreach (var raw in File.ReadLines(path, new UTF8Encoding(false)))
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var parts = line.Split(Separators, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 2)
            {
                unparsed.Add(new UnparsedLine(file, number, line, "expected two codes: source grouper"));
                continue;
            }

            if (!map.ContainsKey(parts[0]))
            {
                map[parts[0]] = parts[1];
            }
        }

        return map;
    }

    private DiagnosisCode MapDiagnosis(DiagnosisCode code, string field, bool main, List<CodeMapping> mappings, List<ValidationIssue> issues)
    {
        if (code.IsEmpty)
        {
            return code;
        }

        if (!_diagnoses.TryGetValue(code.Value, out var target))
        {
            const string Zh = "诊断编码不在编码映射表中";
            const string En = "The diagnosis is not in the code crosswalk.";
            issues.Add((main ? ValidationIssue.Error(Grouping.DrgIssueCodes.CodeNotMapped, field, Zh, En) : ValidationIssue.Warning(Grouping.DrgIssueCodes.CodeNotMapped, field, Zh, En)).WithValue(code.Value));
            return code;
        }

        if (string.Equals(target, code.Value, StringComparison.Ordinal) || !DiagnosisCode.TryParse(target, out var mapped))
        {
            return code;
        }

        mappings.Add(new CodeMapping(field, code.Value, mapped.Value));
        return mapped;
    }

    private ProcedureCode MapProcedure(ProcedureCode code, string field, List<CodeMapping> mappings, List<ValidationIssue> issues)
    {
        if (code.IsEmpty)
        {
            return code;
        }

        if (!_procedures.TryGetValue(code.Value, out var target))
        {
            issues.Add(ValidationIssue.Warning(Grouping.DrgIssueCodes.CodeNotMapped, field, "手术操作编码不在编码映射表中", "The procedure is not in the code crosswalk.").WithValue(code.Value));
            return code;
        }

        if (string.Equals(target, code.Value, StringComparison.Ordinal) || !ProcedureCode.TryParse(target, out var mapped))
        {
            return code;
        }

        mappings.Add(new CodeMapping(field, code.Value, mapped.Value));
        return mapped;
    }
}
