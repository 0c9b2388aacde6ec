using System;
using System.Collections.Generic;
using System.IO;

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
/// (procedures, ICD-9-CM-3); the files are read by the table reader in Core (<c>CrosswalkTable</c>), which the settlement-list
/// quality control shares. Used by <see cref="Grouping.DrgGrouper.MapCodes"/>: only codes the rule pack does not know
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
    private readonly Dictionary<string, string> _diagnoses;
    private readonly Dictionary<string, string> _procedures;
    private readonly HashSet<string> _ambiguousDiagnoses;
    private readonly HashSet<string> _ambiguousProcedures;

    private CodeEditionCrosswalk(string name, CrosswalkTable diagnoses, CrosswalkTable procedures)
    {
        Name = name;
        _diagnoses = diagnoses.Map;
        _procedures = procedures.Map;
        _ambiguousDiagnoses = diagnoses.Ambiguous;
        _ambiguousProcedures = procedures.Ambiguous;
        DiagnosisRule = diagnoses.FirstWins ? CrosswalkOneToManyRule.First : CrosswalkOneToManyRule.Refuse;
        ProcedureRule = procedures.FirstWins ? CrosswalkOneToManyRule.First : CrosswalkOneToManyRule.Refuse;
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
            CrosswalkTable.Read(diagnoses, diagnosisSource ?? string.Empty, CodeKind.Diagnosis),
            CrosswalkTable.Read(procedures, procedureSource ?? string.Empty, CodeKind.Procedure));
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

    private static StreamReader? Open(string? path) => CrosswalkTable.Open(path);
}

/// <summary>What a crosswalk says about a code.</summary>
internal enum MapLookup
{
    Absent,
    Mapped,
    Ambiguous,
}
