using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;

namespace MedInsurance.Payment;

/// <summary>
/// 编码映射表 — one side (diagnoses or procedures) of a code-edition crosswalk file (<c>source target</c> a line, e.g.
/// <c>ZD_YB10_TO_YB20.dat</c>), read once here for every layer that maps codes: the DRG grouper
/// (<c>Drg.Editions.CodeEditionCrosswalk</c>) and the settlement-list quality control.
/// </summary>
/// <remarks>
/// <para>Blank lines and lines starting with <c>#</c> are ignored, except the directive <c># one-to-many: refuse</c> or
/// <c># one-to-many: first</c> (refuse when the file states nothing): a source listed with several targets is then
/// <see cref="Ambiguous"/>, or mapped to its first target. A corrupt file is refused with <see cref="InvalidDataException"/>
/// naming the file, the line and the field (1 source, 2 target), never the text of the line. The target must be a
/// well-formed 医保版 code; the source, a code of another edition, must only look like a code (letters, digits,
/// <c>. + * - /</c>, 3–40 characters): <c>ZD_GL20_TO_YB20.dat</c> writes some 国临版 dagger codes without <c>+</c> and
/// <c>*</c>. Immutable after reading.</para>
/// </remarks>
internal sealed class CrosswalkTable
{
    private static readonly char[] Separators = { ' ', '\t' };

    private CrosswalkTable()
    {
    }

    /// <summary>Source code → target code (normalized), for the unambiguous sources (and all under "first").</summary>
    public Dictionary<string, string> Map { get; } = new(StringComparer.Ordinal);

    /// <summary>Sources with several targets that are refused.</summary>
    public HashSet<string> Ambiguous { get; } = new(StringComparer.Ordinal);

    /// <summary>Whether the file states <c># one-to-many: first</c>.</summary>
    public bool FirstWins { get; private set; }

    /// <summary>An empty table (no file).</summary>
    public static CrosswalkTable Empty => new();

    /// <summary>Opens a crosswalk file for reading (UTF-8, strict), or null for no file.</summary>
    /// <exception cref="FileNotFoundException">The file is missing.</exception>
    public static StreamReader? Open(string? path)
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

    /// <summary>Reads one side of a crosswalk.</summary>
    /// <param name="reader">The lines, or null for an empty table.</param>
    /// <param name="source">The file name for messages.</param>
    /// <param name="kind">Diagnoses (ICD-10) or procedures (ICD-9-CM-3).</param>
    /// <exception cref="InvalidDataException">A line is not two codes (file, line and field named).</exception>
    public static CrosswalkTable Read(TextReader? reader, string source, CodeKind kind)
    {
        var table = new CrosswalkTable();
        if (reader is null)
        {
            return table;
        }

        var what = kind == CodeKind.Diagnosis ? "ICD-10 diagnosis" : "ICD-9-CM-3 procedure";
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

                    table.FirstWins = rule.ToUpperInvariant() switch
                    {
                        "REFUSE" => false,
                        "FIRST" => true,
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
            if (!TryNormalize(fields[0], kind, out var from))
            {
                if (!LooksLikeCode(fields[0]))
                {
                    throw Refuse(source, number, 1, "not an " + what + " code");
                }

                from = fields[0];
            }

            if (!TryNormalize(fields[1], kind, out var to))
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
            if (table.FirstWins || !table.Ambiguous.Contains(pair.Key))
            {
                table.Map[pair.Key] = pair.Value;
            }
        }

        if (table.FirstWins)
        {
            table.Ambiguous.Clear();
        }

        return table;
    }

    private static bool TryNormalize(string text, CodeKind kind, out string normalized)
    {
        if (kind == CodeKind.Diagnosis)
        {
            var ok = DiagnosisCode.TryParse(text, out var code);
            normalized = ok ? code.Value : string.Empty;
            return ok;
        }

        var okPx = ProcedureCode.TryParse(text, out var px);
        normalized = okPx ? px.Value : string.Empty;
        return okPx;
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
}
