using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using System.Xml;

namespace MedInsurance.Payment.Interchange;

/// <summary>
/// 工作簿 — the parts of an .xlsx file a sheet is read with: the zip archive, the workbook's sheet list, the shared
/// strings, which cell styles show dates, and whether dates count from 1904. Every part is read with
/// <see cref="XmlReader"/> (no DTD, no document object); the shared strings are the only part kept in memory, within
/// <see cref="MaxSharedStringChars"/>. A file that is not a usable workbook is refused with
/// <see cref="InvalidDataException"/> naming the file and the reason.
/// </summary>
internal sealed class XlsxPackage : IDisposable
{
    /// <summary>The most characters of shared strings kept (16 Mi characters, 32 MiB).</summary>
    public const int MaxSharedStringChars = 1 << 24;

    /// <summary>The most shared strings kept.</summary>
    public const int MaxSharedStrings = 1 << 22;

    private const string RelationshipsNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string StrictRelationshipsNs = "http://purl.oclc.org/ooxml/officeDocument/relationships";

    private readonly ZipArchive _zip;
    private readonly Dictionary<string, ZipArchiveEntry> _entries;

    private XlsxPackage(ZipArchive zip, string source)
    {
        _zip = zip;
        Source = source;
        _entries = new Dictionary<string, ZipArchiveEntry>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in zip.Entries)
        {
            _entries[entry.FullName.Replace('\\', '/').TrimStart('/')] = entry;
        }
    }

    /// <summary>The file name for messages.</summary>
    public string Source { get; }

    /// <summary>The sheets in workbook order.</summary>
    public IReadOnlyList<XlsxSheetInfo> Sheets { get; private set; } = Array.Empty<XlsxSheetInfo>();

    /// <summary>Whether dates count from 1904-01-01 (a workbook made on an old Mac).</summary>
    public bool Date1904 { get; private set; }

    /// <summary>The shared strings, by index.</summary>
    public IReadOnlyList<string> SharedStrings { get; private set; } = Array.Empty<string>();

    /// <summary>Whether each cell style (by its <c>s</c> index) shows a date.</summary>
    public IReadOnlyList<bool> DateStyles { get; private set; } = Array.Empty<bool>();

    /// <summary>Opens a workbook: its sheet list, shared strings and styles (the stream is owned from here).</summary>
    /// <exception cref="InvalidDataException">Not a zip archive, or no workbook inside it, or a part is damaged.</exception>
    public static XlsxPackage Open(Stream stream, string source)
    {
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: false);
        }
        catch (Exception ex) when (ex is InvalidDataException or ArgumentException or IOException or NotSupportedException)
        {
            stream.Dispose();
            throw Refused(source, "it is not an .xlsx workbook (not a zip archive); save it from Excel as .xlsx, or as CSV UTF-8");
        }

        var package = new XlsxPackage(zip, source);
        try
        {
            package.Load();
            return package;
        }
        catch
        {
            package.Dispose();
            throw;
        }
    }

    /// <summary>The refusal of a file: <c>source: reason.</c></summary>
    public static InvalidDataException Refused(string source, string reason) => new(source + ": " + reason + ".");

    /// <summary>Opens a part for reading, or null when absent.</summary>
    public Stream? OpenPart(string name) => _entries.TryGetValue(name, out var entry) ? entry.Open() : null;

    /// <summary>The reader settings of every part: no DTD (no entity expansion), no external resources.</summary>
    public static XmlReader CreateReader(Stream stream) => XmlReader.Create(stream, new XmlReaderSettings
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        CloseInput = true,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
    });

    /// <summary>The sheet to read: the one named (exactly, else ignoring case), or the first visible worksheet.</summary>
    public XlsxSheetInfo FindSheet(string? name)
    {
        if (name is null)
        {
            return Sheets.FirstOrDefault(s => s.IsWorksheet && !s.Hidden)
                ?? Sheets.FirstOrDefault(s => s.IsWorksheet)
                ?? throw Refused(Source, "the workbook has no worksheet");
        }

        var sheet = Sheets.FirstOrDefault(s => s.Name == name) ?? Sheets.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));
        if (sheet is null)
        {
            throw Refused(Source, "the workbook has no sheet named '" + name + "'; its sheets are " + string.Join(", ", Sheets.Select(s => "'" + s.Name + "'" + (s.Hidden ? " (hidden)" : string.Empty))));
        }

        return sheet.IsWorksheet ? sheet : throw Refused(Source, "the sheet '" + name + "' is a chart sheet, not a worksheet");
    }

    public void Dispose() => _zip.Dispose();

    /// <summary>Reads a part, turning damage into a refusal that names the part.</summary>
    internal T ReadPart<T>(string part, Func<XmlReader, T> read)
    {
        var stream = OpenPart(part) ?? throw Refused(Source, "the workbook part " + part + " is missing");
        try
        {
            using var reader = CreateReader(stream);
            return read(reader);
        }
        catch (XmlException ex)
        {
            throw Refused(Source, "the workbook part " + part + " is not well-formed XML (line " + ex.LineNumber.ToString(CultureInfo.InvariantCulture) + ", position " + ex.LinePosition.ToString(CultureInfo.InvariantCulture) + ")");
        }
        catch (InvalidDataException ex) when (!ex.Message.StartsWith(Source + ": ", StringComparison.Ordinal))
        {
            throw Refused(Source, "the workbook part " + part + " is damaged (it does not decompress)");
        }
    }

    /// <summary>The text of a string item (<c>&lt;si&gt;</c> or <c>&lt;is&gt;</c>): its <c>t</c> runs, without phonetic runs (<c>rPh</c>), with <c>_xHHHH_</c> escapes decoded.</summary>
    internal static string ReadRichText(XmlReader reader, StringBuilder scratch)
    {
        scratch.Clear();
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return string.Empty;
        }

        var depth = reader.Depth;
        reader.Read();
        while (!(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (reader.NodeType == XmlNodeType.Element)
            {
                if (reader.LocalName == "t")
                {
                    scratch.Append(reader.ReadElementContentAsString());
                    continue;
                }

                if (reader.LocalName == "rPh")
                {
                    reader.Skip();
                    continue;
                }
            }

            if (!reader.Read())
            {
                throw new XmlException("Unexpected end of a string item.");
            }
        }

        reader.Read();
        return DecodeEscapes(scratch);
    }

    /// <summary>Decodes OOXML's <c>_xHHHH_</c> escapes of characters XML cannot hold (Excel writes a CR as <c>_x000D_</c>).</summary>
    internal static string DecodeEscapes(StringBuilder text)
    {
        var s = text.ToString();
        if (s.IndexOf("_x", StringComparison.Ordinal) < 0)
        {
            return s;
        }

        var result = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] == '_' && i + 6 < s.Length && s[i + 1] == 'x' && s[i + 6] == '_' && Hex(s, i + 2) is var code and >= 0)
            {
                result.Append((char)code);
                i += 6;
            }
            else
            {
                result.Append(s[i]);
            }
        }

        return result.ToString();
    }

    /// <summary>The four hex digits at <paramref name="at"/>, or −1.</summary>
    private static int Hex(string s, int at)
    {
        var value = 0;
        for (var k = at; k < at + 4; k++)
        {
            var c = s[k];
            var digit = c is >= '0' and <= '9' ? c - '0' : c is >= 'a' and <= 'f' ? c - 'a' + 10 : c is >= 'A' and <= 'F' ? c - 'A' + 10 : -1;
            if (digit < 0)
            {
                return -1;
            }

            value = (value * 16) + digit;
        }

        return value;
    }

    private static string Resolve(string baseFolder, string target)
    {
        var path = target.Length > 0 && target[0] == '/' ? target.Substring(1) : baseFolder + target;
        var parts = new List<string>();
        foreach (var part in path.Split('/'))
        {
            if (part == "..")
            {
                if (parts.Count > 0)
                {
                    parts.RemoveAt(parts.Count - 1);
                }
            }
            else if (part.Length > 0 && part != ".")
            {
                parts.Add(part);
            }
        }

        return string.Join("/", parts);
    }

    private static string Folder(string part)
    {
        var slash = part.LastIndexOf('/');
        return slash < 0 ? string.Empty : part.Substring(0, slash + 1);
    }

    /// <summary>The relationships of a part: id → (type, resolved target).</summary>
    private Dictionary<string, (string Type, string Target)> Relationships(string part)
    {
        var rels = Folder(part) + "_rels/" + Path.GetFileName(part) + ".rels";
        var result = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        if (OpenPart(rels) is null)
        {
            return result;
        }

        return ReadPart(rels, reader =>
        {
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "Relationship"
                    && reader.GetAttribute("Id") is { } id && reader.GetAttribute("Target") is { } target
                    && !string.Equals(reader.GetAttribute("TargetMode"), "External", StringComparison.OrdinalIgnoreCase))
                {
                    result[id] = (reader.GetAttribute("Type") ?? string.Empty, Resolve(Folder(part), target));
                }
            }

            return result;
        });
    }

    private void Load()
    {
        var workbook = Relationships(string.Empty).Values.FirstOrDefault(r => r.Type.EndsWith("/officeDocument", StringComparison.Ordinal)).Target;
        if (string.IsNullOrEmpty(workbook))
        {
            workbook = "xl/workbook.xml";
        }

        if (OpenPart(workbook) is not { } probe)
        {
            throw Refused(Source, "it is a zip archive but not an .xlsx workbook (no xl/workbook.xml); save it from Excel as .xlsx");
        }

        probe.Dispose();
        var rels = Relationships(workbook);
        var sheets = new List<XlsxSheetInfo>();
        Date1904 = ReadPart(workbook, reader =>
        {
            var date1904 = false;
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                if (reader.LocalName == "workbookPr")
                {
                    date1904 = reader.GetAttribute("date1904") is "1" or "true";
                }
                else if (reader.LocalName == "sheet")
                {
                    var id = reader.GetAttribute("id", RelationshipsNs) ?? reader.GetAttribute("id", StrictRelationshipsNs) ?? string.Empty;
                    var name = reader.GetAttribute("name") ?? string.Empty;
                    var hidden = reader.GetAttribute("state") is "hidden" or "veryHidden";
                    if (rels.TryGetValue(id, out var rel))
                    {
                        sheets.Add(new XlsxSheetInfo(name, rel.Target, hidden, rel.Type.EndsWith("/worksheet", StringComparison.Ordinal)));
                    }
                }
            }

            return date1904;
        });
        Sheets = sheets;

        var sharedStrings = rels.Values.FirstOrDefault(r => r.Type.EndsWith("/sharedStrings", StringComparison.Ordinal)).Target;
        if (!string.IsNullOrEmpty(sharedStrings) && OpenPart(sharedStrings) is { } s)
        {
            s.Dispose();
            SharedStrings = ReadPart(sharedStrings, ReadSharedStrings);
        }

        var styles = rels.Values.FirstOrDefault(r => r.Type.EndsWith("/styles", StringComparison.Ordinal)).Target;
        if (!string.IsNullOrEmpty(styles) && OpenPart(styles) is { } st)
        {
            st.Dispose();
            DateStyles = ReadPart(styles, ReadDateStyles);
        }
    }

    private List<string> ReadSharedStrings(XmlReader reader)
    {
        var strings = new List<string>();
        var scratch = new StringBuilder();
        long chars = 0;
        while (!reader.EOF)
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "si")
            {
                var text = ReadRichText(reader, scratch);
                chars += text.Length;
                if (chars > MaxSharedStringChars || strings.Count >= MaxSharedStrings)
                {
                    throw Refused(Source, "its shared-string table is larger than this reader keeps ("
                        + MaxSharedStrings.ToString("N0", CultureInfo.InvariantCulture) + " strings or "
                        + MaxSharedStringChars.ToString("N0", CultureInfo.InvariantCulture) + " characters); save the sheet as CSV UTF-8");
                }

                strings.Add(text);
                continue;
            }

            reader.Read();
        }

        return strings;
    }

    private static bool[] ReadDateStyles(XmlReader reader)
    {
        var custom = new Dictionary<int, string>();
        var formats = new List<int>();
        var inCellXfs = false;
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "cellXfs")
            {
                inCellXfs = false;
            }

            if (reader.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            switch (reader.LocalName)
            {
                case "numFmt" when int.TryParse(reader.GetAttribute("numFmtId"), NumberStyles.None, CultureInfo.InvariantCulture, out var id):
                    custom[id] = reader.GetAttribute("formatCode") ?? string.Empty;
                    break;
                case "cellXfs":
                    inCellXfs = !reader.IsEmptyElement;
                    break;
                case "xf" when inCellXfs:
                    formats.Add(int.TryParse(reader.GetAttribute("numFmtId"), NumberStyles.None, CultureInfo.InvariantCulture, out var f) ? f : 0);
                    break;
            }
        }

        return formats.Select(f => XlsxDates.IsDateFormat(f, custom.TryGetValue(f, out var code) ? code : null)).ToArray();
    }
}

/// <summary>A sheet of a workbook: its name, its part, whether it is hidden and whether it is a worksheet (not a chart sheet).</summary>
internal sealed record XlsxSheetInfo(string Name, string Part, bool Hidden, bool IsWorksheet);
