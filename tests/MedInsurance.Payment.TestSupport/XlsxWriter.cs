using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Security;
using System.Text;

namespace MedInsurance.Payment.TestSupport;

/// <summary>A worksheet to write: its name, whether it is hidden, and its <c>&lt;row&gt;</c> elements as XML text.</summary>
/// <param name="Name">The sheet's name.</param>
/// <param name="Rows">The <c>row</c> elements, written as given (streamed: any number of rows).</param>
/// <param name="Hidden">Whether the sheet is hidden.</param>
public sealed record XlsxSheet(string Name, IEnumerable<string> Rows, bool Hidden = false);

/// <summary>
/// Writes minimal .xlsx workbooks for tests and benchmarks with System.IO.Compression, part by part as the Open XML
/// format lays them out (content types, relationships, workbook, worksheets, shared strings, styles), so the reader is
/// tested on exactly the XML a test names. Not the code under test: it shares nothing with the library's reader.
/// </summary>
public static class XlsxWriter
{
    /// <summary>Style 1 of <see cref="DateStyles"/>: the built-in date format 14.</summary>
    public const int DateStyle = 1;

    /// <summary>A styles part whose cell style 0 is General and style 1 is the date format 14 (m/d/yyyy).</summary>
    public const string DateStyles =
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
        + "<cellXfs count=\"2\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/><xf numFmtId=\"14\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/></cellXfs></styleSheet>";

    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string Rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    /// <summary>Writes a workbook.</summary>
    /// <param name="stream">Where to write (left open).</param>
    /// <param name="sheets">The sheets, in order.</param>
    /// <param name="sharedStrings">The shared-string table, or null for none.</param>
    /// <param name="styles">The styles part, or null for none.</param>
    public static void Write(Stream stream, IReadOnlyList<XlsxSheet> sheets, IReadOnlyList<string>? sharedStrings = null, string? styles = null)
    {
        using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
        Part(zip, "[Content_Types].xml", w =>
        {
            w.Write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">");
            w.Write("<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>");
            w.Write("<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>");
            for (var i = 0; i < sheets.Count; i++)
            {
                w.Write("<Override PartName=\"/xl/worksheets/sheet" + (i + 1) + ".xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>");
            }

            w.Write("</Types>");
        });
        Part(zip, "_rels/.rels", w => w.Write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"" + Rel + "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"));
        Part(zip, "xl/workbook.xml", w =>
        {
            w.Write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><workbook xmlns=\"" + Main + "\" xmlns:r=\"" + Rel + "\"><sheets>");
            for (var i = 0; i < sheets.Count; i++)
            {
                w.Write("<sheet name=\"" + SecurityElement.Escape(sheets[i].Name) + "\" sheetId=\"" + (i + 1) + "\"" + (sheets[i].Hidden ? " state=\"hidden\"" : string.Empty) + " r:id=\"rId" + (i + 1) + "\"/>");
            }

            w.Write("</sheets></workbook>");
        });
        Part(zip, "xl/_rels/workbook.xml.rels", w =>
        {
            w.Write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
            for (var i = 0; i < sheets.Count; i++)
            {
                w.Write("<Relationship Id=\"rId" + (i + 1) + "\" Type=\"" + Rel + "/worksheet\" Target=\"worksheets/sheet" + (i + 1) + ".xml\"/>");
            }

            if (sharedStrings is not null)
            {
                w.Write("<Relationship Id=\"rIdS\" Type=\"" + Rel + "/sharedStrings\" Target=\"sharedStrings.xml\"/>");
            }

            if (styles is not null)
            {
                w.Write("<Relationship Id=\"rIdT\" Type=\"" + Rel + "/styles\" Target=\"styles.xml\"/>");
            }

            w.Write("</Relationships>");
        });
        for (var i = 0; i < sheets.Count; i++)
        {
            var sheet = sheets[i];
            Part(zip, "xl/worksheets/sheet" + (i + 1) + ".xml", w =>
            {
                w.Write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><worksheet xmlns=\"" + Main + "\" xmlns:r=\"" + Rel + "\"><sheetData>");
                foreach (var row in sheet.Rows)
                {
                    w.Write(row);
                }

                w.Write("</sheetData></worksheet>");
            });
        }

        if (sharedStrings is not null)
        {
            Part(zip, "xl/sharedStrings.xml", w =>
            {
                w.Write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><sst xmlns=\"" + Main + "\" count=\"" + sharedStrings.Count + "\" uniqueCount=\"" + sharedStrings.Count + "\">");
                foreach (var s in sharedStrings)
                {
                    w.Write(s.StartsWith("<si>", StringComparison.Ordinal) ? s : "<si><t xml:space=\"preserve\">" + SecurityElement.Escape(s) + "</t></si>");
                }

                w.Write("</sst>");
            });
        }

        if (styles is not null)
        {
            Part(zip, "xl/styles.xml", w => w.Write(styles));
        }
    }

    /// <summary>Writes a workbook to a file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="sheets">The sheets.</param>
    /// <param name="sharedStrings">The shared strings, or null.</param>
    /// <param name="styles">The styles part, or null.</param>
    public static void WriteFile(string path, IReadOnlyList<XlsxSheet> sheets, IReadOnlyList<string>? sharedStrings = null, string? styles = null)
    {
        using var file = File.Create(path);
        Write(file, sheets, sharedStrings, styles);
    }

    /// <summary>
    /// Writes a table as Excel does when the cells are typed in: one row per array from row 1, a cell per value, text
    /// as shared strings, a value that is a plain number (digits, one point, a sign) as a number cell, empty values left out.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="rows">The rows.</param>
    /// <param name="sheetName">The sheet's name.</param>
    public static void WriteTable(string path, IEnumerable<string[]> rows, string sheetName = "Sheet1")
    {
        var strings = new List<string>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var xml = new List<string>();
        var r = 0;
        foreach (var row in rows)
        {
            r++;
            var cells = new StringBuilder();
            for (var c = 0; c < row.Length; c++)
            {
                var value = row[c];
                if (value.Length == 0)
                {
                    continue;
                }

                var reference = Column(c) + r.ToString(CultureInfo.InvariantCulture);
                if (IsNumber(value))
                {
                    cells.Append(Number(reference, value));
                }
                else
                {
                    cells.Append(Shared(reference, SharedIndex(value, strings, index)));
                }
            }

            xml.Add(Row(r, cells.ToString()));
        }

        WriteFile(path, new[] { new XlsxSheet(sheetName, xml) }, strings);
    }

    /// <summary>
    /// Writes CSV text as the workbook a region would type it into: line N becomes worksheet row N (an empty line an
    /// absent row), text cells shared strings, and plain numbers number cells holding their double with all 17
    /// significant digits, in exponent form (<c>0.928</c> → <c>9.2800000000000005E-001</c>, <c>1.05</c> →
    /// <c>1.0500000000000000E+000</c>), so the reader has to undo the binary artefacts to match the CSV.
    /// </summary>
    /// <param name="path">The .xlsx file.</param>
    /// <param name="csv">The CSV text (RFC 4180 quotes; no line breaks inside quotes).</param>
    /// <param name="sheetName">The sheet's name.</param>
    /// <param name="textColumns">Header names of columns typed as text (codes such as <c>36.0600</c> that Excel would otherwise turn into numbers).</param>
    public static void WriteTableFromCsv(string path, string csv, string sheetName = "Sheet1", params string[] textColumns)
    {
        var text = new HashSet<int>();
        var lines = csv.Replace("\r\n", "\n").Split('\n');
        var count = lines.Length > 0 && lines[lines.Length - 1].Length == 0 ? lines.Length - 1 : lines.Length;
        var strings = new List<string>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var xml = new List<string>();
        for (var r = 1; r <= count; r++)
        {
            var line = lines[r - 1].TrimStart('\uFEFF');
            if (line.Trim().Length == 0)
            {
                continue;
            }

            var cells = new StringBuilder();
            var values = SplitCsv(line);
            if (xml.Count == 0)
            {
                for (var c = 0; c < values.Count; c++)
                {
                    if (textColumns.Contains(values[c].Trim(), StringComparer.Ordinal))
                    {
                        text.Add(c);
                    }
                }
            }

            for (var c = 0; c < values.Count; c++)
            {
                var value = values[c].Trim();
                if (value.Length == 0)
                {
                    continue;
                }

                var reference = Column(c) + r.ToString(CultureInfo.InvariantCulture);
                if (!text.Contains(c) && IsNumber(value))
                {
                    cells.Append(Number(reference, double.Parse(value, CultureInfo.InvariantCulture).ToString("E16", CultureInfo.InvariantCulture)));
                }
                else
                {
                    cells.Append(Shared(reference, SharedIndex(value, strings, index)));
                }
            }

            xml.Add(Row(r, cells.ToString()));
        }

        WriteFile(path, new[] { new XlsxSheet(sheetName, xml) }, strings);
    }

    /// <summary>The shared-string index of <paramref name="value"/>, added to the table when new.</summary>
    private static int SharedIndex(string value, List<string> strings, Dictionary<string, int> index)
    {
        if (!index.TryGetValue(value, out var k))
        {
            k = strings.Count;
            strings.Add(value);
            index.Add(value, k);
        }

        return k;
    }

    /// <summary>A <c>row</c> element with its number and cells.</summary>
    public static string Row(int number, params string[] cells) => "<row r=\"" + number.ToString(CultureInfo.InvariantCulture) + "\">" + string.Concat(cells) + "</row>";

    /// <summary>A number cell: <c>&lt;c r="B2"&gt;&lt;v&gt;1.5&lt;/v&gt;&lt;/c&gt;</c> (the value as stored text).</summary>
    public static string Number(string reference, string stored, int? style = null) =>
        "<c r=\"" + reference + "\"" + (style is int s ? " s=\"" + s.ToString(CultureInfo.InvariantCulture) + "\"" : string.Empty) + "><v>" + stored + "</v></c>";

    /// <summary>A shared-string cell.</summary>
    public static string Shared(string reference, int index) => "<c r=\"" + reference + "\" t=\"s\"><v>" + index.ToString(CultureInfo.InvariantCulture) + "</v></c>";

    /// <summary>An inline-string cell.</summary>
    public static string Inline(string reference, string text) => "<c r=\"" + reference + "\" t=\"inlineStr\"><is><t xml:space=\"preserve\">" + SecurityElement.Escape(text) + "</t></is></c>";

    /// <summary>The letters of a 0-based column (0 → A, 27 → AB).</summary>
    public static string Column(int index)
    {
        var letters = string.Empty;
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            letters = (char)('A' + ((n - 1) % 26)) + letters;
        }

        return letters;
    }

    private static List<string> SplitCsv(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var ch = line[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (ch == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(ch);
                }
            }
            else if (ch == '"')
            {
                quoted = true;
            }
            else if (ch == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(ch);
            }
        }

        fields.Add(field.ToString());
        return fields;
    }

    private static bool IsNumber(string value) =>
        value.Length > 0 && value.All(ch => ch is (>= '0' and <= '9') or '.' or '-') && value.Count(ch => ch == '.') <= 1
        && value.LastIndexOf('-') <= 0 && value.Any(ch => ch is >= '0' and <= '9') && !(value.Length > 1 && value[0] == '0' && value[1] != '.');

    private static void Part(ZipArchive zip, string name, Action<StreamWriter> write)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Fastest);
        using var writer = new StreamWriter(entry.Open(), new UTF8Encoding(false), 1 << 16);
        write(writer);
    }
}
