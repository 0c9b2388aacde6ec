using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.IO;
using System.Text;

namespace MedInsurance.Payment.Drg.Rules;

/// <summary>
/// 手术操作分类表 — the national class (手术 / 介入治疗 / 治疗性操作 / 诊断性操作) of each procedure code, as a region supplies it
/// in the layout of <c>SS_GL30_CLASS.dat</c>: UTF-8, one code per line, the code, whitespace, the Chinese class name.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class ProcedureClassification
{
    private ProcedureClassification(string name, IReadOnlyDictionary<string, ProcedureClass> classes, int skippedLines)
    {
        Name = name;
        Classes = classes;
        SkippedLines = skippedLines;
    }

    /// <summary>名称 — the file name the table was read from.</summary>
    public string Name { get; }

    /// <summary>分类 — the class of each code.</summary>
    public IReadOnlyDictionary<string, ProcedureClass> Classes { get; }

    /// <summary>跳过行数 — lines without a code that were skipped (only when the reader was asked to skip them).</summary>
    public int SkippedLines { get; }

    /// <summary>读取分类表 — reads a classification file (streamed, line by line).</summary>
    /// <param name="path">The file path.</param>
    /// <param name="skipLinesWithoutCode">Skip (and count) lines whose code field is empty instead of refusing the file.</param>
    /// <returns>The classification.</returns>
    /// <exception cref="FormatException">A line is malformed; the message names the file, line and field.</exception>
    public static ProcedureClassification ReadFile(string path, bool skipLinesWithoutCode = false)
    {
        if (path is null)
        {
            throw new ArgumentNullException(nameof(path));
        }

        using var reader = new StreamReader(path, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
        return Read(reader, Path.GetFileName(path), skipLinesWithoutCode);
    }

    /// <summary>
    /// 读取分类表 — reads a classification, line by line. Refuses the whole table — with file, line and field, never the field's value —
    /// on a line without two fields, an unknown class, an empty code (unless <paramref name="skipLinesWithoutCode"/>), or a
    /// code classed twice differently. Blank lines are ignored.
    /// </summary>
    /// <param name="reader">The text.</param>
    /// <param name="name">The file name, for messages.</param>
    /// <param name="skipLinesWithoutCode">Skip (and count) lines whose code field is empty instead of refusing the file.</param>
    /// <returns>The classification.</returns>
    /// <exception cref="FormatException">A line is malformed.</exception>
    public static ProcedureClassification Read(TextReader reader, string name, bool skipLinesWithoutCode = false)
    {
        if (reader is null)
        {
            throw new ArgumentNullException(nameof(reader));
        }

        if (name is null)
        {
            throw new ArgumentNullException(nameof(name));
        }

        var classes = new Dictionary<string, ProcedureClass>(StringComparer.Ordinal);
        var skipped = 0;
        var number = 0;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            number++;
            if (number == 1 && line.Length > 0 && line[0] == '\uFEFF')
            {
                line = line.Substring(1);
            }

            if (line.Trim().Length == 0)
            {
                continue;
            }

            var cut = IndexOfWhitespace(line);
            if (cut < 0)
            {
                throw Error(name, number, "class", "missing: a line needs a code and a class separated by whitespace");
            }

            var code = line.Substring(0, cut);
            var className = line.Substring(cut).Trim();
            if (code.Length == 0)
            {
                if (skipLinesWithoutCode)
                {
                    skipped++;
                    continue;
                }

                throw Error(name, number, "code", "empty");
            }

            if (IndexOfWhitespace(className) >= 0)
            {
                throw Error(name, number, "class", "has more than one field after the code");
            }

            if (!TryParseClass(className, out var kind))
            {
                throw Error(name, number, "class", "is not one of 手术, 介入治疗, 治疗性操作, 诊断性操作");
            }

            if (classes.TryGetValue(code, out var earlier) && earlier != kind)
            {
                throw Error(name, number, "code", "is classed differently on an earlier line");
            }

            classes[code] = kind;
        }

        return new ProcedureClassification(name, new ReadOnlyDictionary<string, ProcedureClass>(classes), skipped);
    }

    private static int IndexOfWhitespace(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool TryParseClass(string text, out ProcedureClass kind)
    {
        switch (text)
        {
            case "手术": kind = ProcedureClass.Surgery; return true;
            case "介入治疗": kind = ProcedureClass.Interventional; return true;
            case "治疗性操作": kind = ProcedureClass.Therapeutic; return true;
            case "诊断性操作": kind = ProcedureClass.Diagnostic; return true;
            default: kind = ProcedureClass.Surgery; return false;
        }
    }

    private static FormatException Error(string file, int line, string field, string problem) =>
        new(file + ":" + line.ToString(System.Globalization.CultureInfo.InvariantCulture) + ": field '" + field + "' " + problem + ".");
}
