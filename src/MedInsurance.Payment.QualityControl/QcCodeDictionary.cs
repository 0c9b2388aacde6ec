using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;

namespace MedInsurance.Payment.QualityControl;

/// <summary>
/// 编码字典 — the diagnosis (ICD-10) and procedure (ICD-9-CM-3) codes of one 医保版 edition, its gray codes (2.0 only)
/// and the crosswalks from other editions, read from the national files in place: 医保版1.0 <c>ZD_INFO.dat</c> /
/// <c>SS_INFO.dat</c>; 医保版2.0 <c>ZD_YB20_INFO.dat</c> / <c>SS_YB20_INFO.dat</c>, <c>ZD_YB20_GRAY.dat</c> /
/// <c>SS_YB20_GRAY.dat</c> and the crosswalks <c>ZD_YB10_TO_YB20.dat</c>, <c>SS_YB10_TO_YB20.dat</c>,
/// <c>ZD_GL20_TO_YB20.dat</c>, <c>SS_GL30_TO_YB20.dat</c> when present.
/// </summary>
/// <remarks>Dictionary lines are <c>code name</c> (the name is not used); gray lists one code a line. Codes are normalized
/// like case codes. A corrupt line is refused with <see cref="InvalidDataException"/> naming file, line and field.
/// Immutable and thread-safe.</remarks>
public sealed class QcCodeDictionary
{
    private readonly HashSet<string> _diagnoses;
    private readonly HashSet<string> _procedures;
    private readonly HashSet<string> _grayDiagnoses;
    private readonly HashSet<string> _grayProcedures;
    private readonly CrosswalkTable[] _diagnosisCrosswalks;
    private readonly CrosswalkTable[] _procedureCrosswalks;

    private QcCodeDictionary(string edition, HashSet<string> diagnoses, HashSet<string> procedures, HashSet<string> grayDiagnoses, HashSet<string> grayProcedures, CrosswalkTable[] diagnosisCrosswalks, CrosswalkTable[] procedureCrosswalks)
    {
        Edition = edition;
        _diagnoses = diagnoses;
        _procedures = procedures;
        _grayDiagnoses = grayDiagnoses;
        _grayProcedures = grayProcedures;
        _diagnosisCrosswalks = diagnosisCrosswalks;
        _procedureCrosswalks = procedureCrosswalks;
    }

    /// <summary>版本 — <c>yb1.0</c> or <c>yb2.0</c>.</summary>
    public string Edition { get; }

    /// <summary>诊断编码数 — diagnosis codes in the dictionary.</summary>
    public int DiagnosisCount => _diagnoses.Count;

    /// <summary>手术操作编码数 — procedure codes in the dictionary.</summary>
    public int ProcedureCount => _procedures.Count;

    /// <summary>灰码数 — gray diagnosis codes.</summary>
    public int GrayDiagnosisCount => _grayDiagnoses.Count;

    /// <summary>灰码数 — gray procedure codes.</summary>
    public int GrayProcedureCount => _grayProcedures.Count;

    /// <summary>对照表数 — crosswalk files read (diagnoses and procedures).</summary>
    public int CrosswalkCount => _diagnosisCrosswalks.Length + _procedureCrosswalks.Length;

    /// <summary>Loads an edition's dictionary from a folder of the national files.</summary>
    /// <param name="folder">The folder (e.g. <c>shared/data/codes-2.0</c>).</param>
    /// <param name="edition"><c>yb1.0</c> or <c>yb2.0</c>.</param>
    /// <returns>The dictionary.</returns>
    /// <exception cref="ArgumentException">The edition is neither.</exception>
    /// <exception cref="FileNotFoundException">A dictionary file is missing.</exception>
    /// <exception cref="InvalidDataException">A line is corrupt (file, line and field named).</exception>
    public static QcCodeDictionary Load(string folder, string edition)
    {
        if (folder is null)
        {
            throw new ArgumentNullException(nameof(folder));
        }

        string dx, px;
        string[] gray, dxWalks, pxWalks;
        switch (edition)
        {
            case "yb1.0":
                dx = "ZD_INFO.dat";
                px = "SS_INFO.dat";
                gray = Array.Empty<string>();
                dxWalks = Array.Empty<string>();
                pxWalks = Array.Empty<string>();
                break;
            case "yb2.0":
                dx = "ZD_YB20_INFO.dat";
                px = "SS_YB20_INFO.dat";
                gray = new[] { "ZD_YB20_GRAY.dat", "SS_YB20_GRAY.dat" };
                dxWalks = new[] { "ZD_YB10_TO_YB20.dat", "ZD_GL20_TO_YB20.dat" };
                pxWalks = new[] { "SS_YB10_TO_YB20.dat", "SS_GL30_TO_YB20.dat" };
                break;
            default:
                throw new ArgumentException("The edition is yb1.0 or yb2.0.", nameof(edition));
        }

        var diagnoses = ReadCodes(Path.Combine(folder, dx), CodeKind.Diagnosis, required: true);
        var procedures = ReadCodes(Path.Combine(folder, px), CodeKind.Procedure, required: true);
        var grayDx = gray.Length == 0 ? new HashSet<string>(StringComparer.Ordinal) : ReadCodes(Path.Combine(folder, gray[0]), CodeKind.Diagnosis, required: false);
        var grayPx = gray.Length == 0 ? new HashSet<string>(StringComparer.Ordinal) : ReadCodes(Path.Combine(folder, gray[1]), CodeKind.Procedure, required: false);
        return new QcCodeDictionary(edition, diagnoses, procedures, grayDx, grayPx, ReadWalks(folder, dxWalks, CodeKind.Diagnosis), ReadWalks(folder, pxWalks, CodeKind.Procedure));
    }

    /// <summary>The diagnosis codes (for the checker's per-code facts).</summary>
    internal IEnumerable<string> Diagnoses => _diagnoses;

    /// <summary>The procedure codes.</summary>
    internal IEnumerable<string> Procedures => _procedures;

    /// <summary>Whether the dictionary has the diagnosis code.</summary>
    /// <param name="code">The normalized code.</param>
    /// <returns>Whether it is in the dictionary.</returns>
    public bool ContainsDiagnosis(string code) => _diagnoses.Contains(code);

    /// <summary>Whether the dictionary has the procedure code.</summary>
    /// <param name="code">The normalized code.</param>
    /// <returns>Whether it is in the dictionary.</returns>
    public bool ContainsProcedure(string code) => _procedures.Contains(code);

    /// <summary>Whether the diagnosis code is a gray code (灰码).</summary>
    /// <param name="code">The normalized code.</param>
    /// <returns>Whether it is gray.</returns>
    public bool IsGrayDiagnosis(string code) => _grayDiagnoses.Contains(code);

    /// <summary>Whether the procedure code is a gray code (灰码).</summary>
    /// <param name="code">The normalized code.</param>
    /// <returns>Whether it is gray.</returns>
    public bool IsGrayProcedure(string code) => _grayProcedures.Contains(code);

    /// <summary>
    /// What the crosswalks say about a code outside the dictionary: 1 mapped (target set), 2 ambiguous, 0 absent. The first
    /// crosswalk (医保版1.0) is asked before the second (国临版); a target outside the dictionary does not count.
    /// </summary>
    internal int Map(string code, CodeKind kind, out string target)
    {
        var walks = kind == CodeKind.Diagnosis ? _diagnosisCrosswalks : _procedureCrosswalks;
        var ambiguous = false;
        foreach (var walk in walks)
        {
            if (walk.Map.TryGetValue(code, out var found) && (kind == CodeKind.Diagnosis ? _diagnoses : _procedures).Contains(found))
            {
                target = found;
                return 1;
            }

            ambiguous |= walk.Ambiguous.Contains(code);
        }

        target = string.Empty;
        return ambiguous ? 2 : 0;
    }

    private static CrosswalkTable[] ReadWalks(string folder, string[] names, CodeKind kind)
    {
        var tables = new List<CrosswalkTable>();
        foreach (var name in names)
        {
            var path = Path.Combine(folder, name);
            if (!File.Exists(path))
            {
                continue;
            }

            using var reader = CrosswalkTable.Open(path);
            tables.Add(CrosswalkTable.Read(reader, name, kind));
        }

        return tables.ToArray();
    }

    private static HashSet<string> ReadCodes(string path, CodeKind kind, bool required)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        if (!File.Exists(path))
        {
            if (required)
            {
                throw new FileNotFoundException("Code dictionary not found: " + path, path);
            }

            return set;
        }

        var name = Path.GetFileName(path);
        using var reader = new StreamReader(path, new UTF8Encoding(false, true), detectEncodingFromByteOrderMarks: true);
        var number = 0;
        string? line;
        while ((line = ReadLine(reader, name, number + 1)) is not null)
        {
            number++;
            var text = line.Trim();
            if (text.Length == 0 || text[0] == '#')
            {
                continue;
            }

            var space = FirstBlank(text);
            var code = space < 0 ? text : text.Substring(0, space);
            string normalized;
            if (kind == CodeKind.Diagnosis)
            {
                if (!DiagnosisCode.TryParse(code, out var dx))
                {
                    throw Refuse(name, number, "not an ICD-10 diagnosis code");
                }

                normalized = dx.Value;
            }
            else
            {
                if (!ProcedureCode.TryParse(code, out var px))
                {
                    throw Refuse(name, number, "not an ICD-9-CM-3 procedure code");
                }

                normalized = px.Value;
            }

            set.Add(normalized);
        }

        if (set.Count == 0 && required)
        {
            throw new InvalidDataException(name + ": no codes (an empty dictionary would reject every case)");
        }

        return set;
    }

    private static int FirstBlank(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is ' ' or '\t')
            {
                return i;
            }
        }

        return -1;
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

    private static InvalidDataException Refuse(string source, int line, string reason) =>
        new(source + ":" + line.ToString(CultureInfo.InvariantCulture) + ": field 1 (code): " + reason);
}
