using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.RegularExpressions;

namespace MedInsurance.Payment.Drg.Loading;

/// <summary>The lexical pieces of the CHS-DRG rule text: code patterns and PDF-artefact clean-up.</summary>
internal static class RuleText
{
    /// <summary>ICD-10 医保版 diagnosis code, optionally a dagger–asterisk pair; may be glued to the previous name.</summary>
    public static readonly Regex Diagnosis = new(
        @"(?<![A-Za-z0-9.])[A-Z]\d{2}\.[0-9x]\d{2}(?:x\d{3})?(?:\+[A-Z]\d{2}(?:\.[0-9x]\d{0,2})?\*)?(?![0-9])",
        RegexOptions.CultureInvariant | RegexOptions.Compiled);

    /// <summary>ICD-9-CM-3 医保版 procedure code such as <c>01.0900x006</c>, <c>33.6x00</c>, <c>17.971A0</c> or <c>86.700x0013</c>.</summary>
    public static readonly Regex Procedure = new(
        @"(?<![A-Za-z0-9.])\d{2}\.[0-9x][0-9A-Za-z]{1,5}(?:x\d{3,4})?(?![0-9A-Za-z])",
        RegexOptions.CultureInvariant | RegexOptions.Compiled);

    /// <summary>Reads a rule-text file as cleaned lines: NUL bytes become spaces, the <c>~~</c> wrap mark is removed.</summary>
    public static string[] ReadLines(string path)
    {
        var lines = File.ReadAllLines(path, new UTF8Encoding(false));
        for (var i = 0; i < lines.Length; i++)
        {
            lines[i] = Clean(lines[i]);
        }

        return lines;
    }

    public static string Clean(string line) => line.Replace('\0', ' ').Replace("~~", string.Empty).Replace('\u3000', ' ').Trim();

    /// <summary>Joins lines into one text, remembering where each line starts, for record streams that cross lines.</summary>
    public sealed class Stream
    {
        private readonly int[] _lineStarts;

        public Stream(IReadOnlyList<string> lines)
        {
            _lineStarts = new int[lines.Count];
            var sb = new StringBuilder();
            for (var i = 0; i < lines.Count; i++)
            {
                _lineStarts[i] = sb.Length;
                sb.Append(lines[i]).Append('\n');
            }

            Text = sb.ToString();
        }

        public string Text { get; private set; }

        /// <summary>1-based line of a character offset.</summary>
        public int LineOf(int offset)
        {
            var index = Array.BinarySearch(_lineStarts, offset);
            return (index >= 0 ? index : ~index - 1) + 1;
        }

        /// <summary>Blanks every match of a noise pattern (page numbers, repeated column headers) keeping offsets.</summary>
        public int Blank(Regex noise)
        {
            var count = 0;
            Text = noise.Replace(Text, m =>
            {
                count++;
                return new string(' ', m.Length);
            });
            return count;
        }
    }
}
