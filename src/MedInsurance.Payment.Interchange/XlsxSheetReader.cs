using System;
using System.Globalization;
using System.IO;
using System.Text;
using System.Xml;

namespace MedInsurance.Payment.Interchange;

/// <summary>
/// 工作表逐行读取 — reads one worksheet of an .xlsx file row by row with <see cref="XmlReader"/>, never holding more than
/// the current row: each row's number (the worksheet's own, from its <c>r</c> attribute, or the previous row's plus one)
/// and its cells as text by column (from each cell's <c>r</c>, or the previous cell's column plus one).
/// </summary>
/// <remarks>
/// <para>A cell's text: a shared or inline string as written (rich-text runs joined, phonetic runs left out); a number
/// as exact decimal text rounded to Excel's 15 significant digits (<see cref="XlsxNumberText"/>); a number in a date
/// format as <c>yyyy-MM-dd</c> (<see cref="XlsxDates"/>); a boolean as <c>1</c> or <c>0</c>; an error as its text
/// (<c>#N/A</c>); a formula as its last calculated value (a formula never calculated reads as empty). Merged cells
/// hold their value in the first cell only, as Excel stores them.</para>
/// <para>A damaged sheet (not well-formed XML, rows out of order, a reference outside the sheet, a shared string that
/// does not exist) is refused with <see cref="InvalidDataException"/> naming the file and the row. Not thread-safe.</para>
/// </remarks>
internal sealed class XlsxSheetReader : IDisposable
{
    /// <summary>The most rows of a worksheet (Excel's limit).</summary>
    public const int MaxRows = 1_048_576;

    /// <summary>The most columns of a worksheet (Excel's limit, XFD).</summary>
    public const int MaxColumns = 16_384;

    private readonly XlsxPackage _package;
    private readonly XmlReader _reader;
    private readonly StringBuilder _scratch = new();
    private string?[] _cells = new string?[16];
    private bool _inSheetData;
    private bool _inRow;
    private bool _done;

    private XlsxSheetReader(XlsxPackage package, XlsxSheetInfo sheet, XmlReader reader)
    {
        _package = package;
        Sheet = sheet;
        _reader = reader;
    }

    /// <summary>The file name for messages.</summary>
    public string Source => _package.Source;

    /// <summary>The sheet being read.</summary>
    public XlsxSheetInfo Sheet { get; }

    /// <summary>The worksheet row number of the current row (1-based).</summary>
    public int RowNumber { get; private set; }

    /// <summary>The cells of the current row: one past the last column with a value (0 for an empty row).</summary>
    public int CellCount { get; private set; }

    /// <summary>Opens a sheet of a workbook stream (owned, closed on dispose): <paramref name="sheet"/> by name, or the first visible worksheet.</summary>
    /// <exception cref="InvalidDataException">The file is not a usable workbook, or has no such sheet.</exception>
    public static XlsxSheetReader Open(Stream stream, string source, string? sheet)
    {
        var package = XlsxPackage.Open(stream, source);
        try
        {
            var info = package.FindSheet(sheet);
            var part = package.OpenPart(info.Part) ?? throw XlsxPackage.Refused(source, "the worksheet '" + info.Name + "' (" + info.Part + ") is missing from the file");
            return new XlsxSheetReader(package, info, XlsxPackage.CreateReader(part));
        }
        catch
        {
            package.Dispose();
            throw;
        }
    }

    /// <summary>The text of a cell of the current row (empty when the cell is absent or empty).</summary>
    public string Cell(int column) => column >= 0 && column < CellCount ? _cells[column] ?? string.Empty : string.Empty;

    /// <summary>Moves to the next row element of the sheet; false after the last.</summary>
    /// <exception cref="InvalidDataException">The sheet is damaged (the file and the row are named).</exception>
    public bool MoveNext()
    {
        if (_done)
        {
            return false;
        }

        try
        {
            return ReadRow();
        }
        catch (XmlException ex)
        {
            throw Damaged("is not well-formed XML (line " + ex.LineNumber.ToString(CultureInfo.InvariantCulture) + ", position " + ex.LinePosition.ToString(CultureInfo.InvariantCulture) + ")");
        }
        catch (InvalidDataException ex) when (!ex.Message.StartsWith(_package.Source + ": ", StringComparison.Ordinal))
        {
            throw Damaged("is damaged (it does not decompress)");
        }
    }

    public void Dispose()
    {
        _reader.Dispose();
        _package.Dispose();
    }

    /// <summary>The column index of a cell reference (<c>AB12</c> → 27), or −1 when it is not one.</summary>
    internal static int ColumnOf(string reference, out int row)
    {
        row = 0;
        var column = 0;
        var i = 0;
        for (; i < reference.Length && reference[i] is >= 'A' and <= 'Z' or >= 'a' and <= 'z'; i++)
        {
            column = (column * 26) + (char.ToUpperInvariant(reference[i]) - 'A' + 1);
            if (column > MaxColumns)
            {
                return -1;
            }
        }

        if (i == 0)
        {
            return -1;
        }

        for (; i < reference.Length && reference[i] is >= '0' and <= '9'; i++)
        {
            row = (row * 10) + (reference[i] - '0');
            if (row > MaxRows)
            {
                return -1;
            }
        }

        return i == reference.Length ? column - 1 : -1;
    }

    private InvalidDataException Damaged(string what)
    {
        _done = true;
        var after = _inRow ? " in row " + RowNumber.ToString(CultureInfo.InvariantCulture)
            : RowNumber > 0 ? " after row " + RowNumber.ToString(CultureInfo.InvariantCulture) : string.Empty;
        return XlsxPackage.Refused(_package.Source, "the worksheet '" + Sheet.Name + "' " + what + after);
    }

    private bool ReadRow()
    {
        var reader = _reader;
        while (true)
        {
            if (!reader.Read())
            {
                _done = true;
                if (!_inSheetData)
                {
                    throw Damaged("has no sheetData element");
                }

                return false;
            }

            if (reader.NodeType == XmlNodeType.Element)
            {
                if (reader.LocalName == "sheetData")
                {
                    _inSheetData = true;
                    if (reader.IsEmptyElement)
                    {
                        _done = true;
                        return false;
                    }

                    continue;
                }

                if (_inSheetData && reader.LocalName == "row")
                {
                    StartRow(reader.GetAttribute("r"));
                    if (!reader.IsEmptyElement)
                    {
                        _inRow = true;
                        ReadCells(reader);
                        _inRow = false;
                    }

                    return true;
                }
            }
            else if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "sheetData")
            {
                _done = true;
                return false;
            }
        }
    }

    private void StartRow(string? r)
    {
        var number = RowNumber + 1;
        if (r is not null)
        {
            if (!int.TryParse(r, NumberStyles.None, CultureInfo.InvariantCulture, out number) || number < 1 || number > MaxRows)
            {
                throw Damaged("has a row numbered '" + r + "', not 1 to " + MaxRows.ToString(CultureInfo.InvariantCulture));
            }

            if (number <= RowNumber)
            {
                throw Damaged("has row " + number.ToString(CultureInfo.InvariantCulture) + " out of order");
            }
        }
        else if (number > MaxRows)
        {
            throw Damaged("has more than " + MaxRows.ToString(CultureInfo.InvariantCulture) + " rows");
        }

        Array.Clear(_cells, 0, CellCount);
        CellCount = 0;
        RowNumber = number;
    }

    private void ReadCells(XmlReader reader)
    {
        var depth = reader.Depth;
        var column = -1;
        reader.Read();
        while (!(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "c")
            {
                column = ReadCell(reader, column);
                continue;
            }

            if (reader.NodeType == XmlNodeType.Element)
            {
                reader.Skip();
                continue;
            }

            if (!reader.Read())
            {
                throw new XmlException("Unexpected end of the worksheet.");
            }
        }
    }

    /// <summary>Reads one <c>c</c> element (the reader ends after it); returns its column.</summary>
    private int ReadCell(XmlReader reader, int previous)
    {
        var reference = reader.GetAttribute("r");
        var column = previous + 1;
        if (reference is not null)
        {
            column = ColumnOf(reference, out _);
            if (column < 0)
            {
                throw Damaged("has a cell reference '" + reference + "' outside the sheet");
            }
        }
        else if (column >= MaxColumns)
        {
            throw Damaged("has more than " + MaxColumns.ToString(CultureInfo.InvariantCulture) + " cells in a row");
        }

        var type = reader.GetAttribute("t");
        var style = reader.GetAttribute("s");
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return column;
        }

        var depth = reader.Depth;
        string? value = null;
        string? inline = null;
        reader.Read();
        while (!(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (reader.NodeType == XmlNodeType.Element)
            {
                switch (reader.LocalName)
                {
                    case "v":
                        value = reader.ReadElementContentAsString();
                        continue;
                    case "is":
                        inline = XlsxPackage.ReadRichText(reader, _scratch);
                        continue;
                    default:
                        reader.Skip();
                        continue;
                }
            }

            if (!reader.Read())
            {
                throw new XmlException("Unexpected end of the worksheet.");
            }
        }

        reader.Read();
        var text = Text(type, style, value, inline);
        if (text.Length > 0)
        {
            Set(column, text);
        }

        return column;
    }

    private string Text(string? type, string? style, string? value, string? inline)
    {
        switch (type)
        {
            case "inlineStr":
                return inline ?? string.Empty;
            case "s":
                if (value is null)
                {
                    return string.Empty;
                }

                if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index >= _package.SharedStrings.Count)
                {
                    throw Damaged("refers to a shared string that does not exist");
                }

                return _package.SharedStrings[index];
            case "str" or "e":
                return value is null ? string.Empty : XlsxPackage.DecodeEscapes(_scratch.Clear().Append(value));
            case "b":
                return value?.Trim() switch { "1" or "true" => "1", "0" or "false" => "0", null => string.Empty, var other => other };
            case "d":
                return value is null ? string.Empty : IsoDate(value.Trim());
            default:
                if (value is null)
                {
                    return inline ?? string.Empty;
                }

                if (style is not null && int.TryParse(style, NumberStyles.None, CultureInfo.InvariantCulture, out var s)
                    && s < _package.DateStyles.Count && _package.DateStyles[s]
                    && XlsxDates.Text(value, _package.Date1904) is { } date)
                {
                    return date;
                }

                return XlsxNumberText.Normalize(value);
        }
    }

    /// <summary>An ISO 8601 date cell (<c>t="d"</c>, strict files): its date, and its time when not midnight.</summary>
    private static string IsoDate(string value)
    {
        var t = value.IndexOf('T');
        if (t < 0)
        {
            return value;
        }

        var time = value.Substring(t + 1).TrimEnd('Z');
        return time.Trim('0', ':', '.').Length == 0 ? value.Remove(t) : value.Remove(t) + " " + time;
    }

    private void Set(int column, string text)
    {
        if (column >= _cells.Length)
        {
            Array.Resize(ref _cells, Math.Min(MaxColumns, Math.Max(column + 1, _cells.Length * 2)));
        }

        _cells[column] = text;
        CellCount = Math.Max(CellCount, column + 1);
    }
}
