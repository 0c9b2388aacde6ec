using System;
using System.Globalization;
using System.IO;
using System.Text;

namespace MedInsurance.Payment.Interchange;

/// <summary>
/// 工作表转CSV文本 — one worksheet as CSV text, produced row by row as it is read, so that every CSV reader of the
/// library reads a workbook through its own checks. Line N of the text is worksheet row N: a row absent from the
/// sheet is an empty line (which the readers skip, as in a CSV file), and a line break typed inside a cell
/// (Alt+Enter) becomes a space, so no cell spans two lines. A cell with a comma or a quote is quoted. A row with a value
/// has at least as many fields as the header (the first row with a value), empty ones where the sheet has no cell, as
/// Excel's own CSV export writes them; a row without any value is an empty line. Memory is one row (at most <see cref="MaxRowChars"/> characters) whatever the sheet's size.
/// </summary>
internal sealed class XlsxCsvText : TextReader
{
    /// <summary>The widest row written (16 Mi characters); a wider row refuses the file.</summary>
    public const int MaxRowChars = 1 << 24;

    private readonly XlsxSheetReader _sheet;
    private readonly StringBuilder _line = new(256);
    private int _at;
    private int _nextRow = 1;
    private int _width;
    private bool _end;

    public XlsxCsvText(XlsxSheetReader sheet) => _sheet = sheet;

    public override int Peek() => Available() ? _line[_at] : -1;

    public override int Read() => Available() ? _line[_at++] : -1;

    public override int Read(char[] buffer, int index, int count)
    {
        if (buffer is null)
        {
            throw new ArgumentNullException(nameof(buffer));
        }

        var written = 0;
        while (written < count && Available())
        {
            var n = Math.Min(count - written, _line.Length - _at);
            _line.CopyTo(_at, buffer, index + written, n);
            _at += n;
            written += n;
        }

        return written;
    }

    public override string? ReadLine()
    {
        if (!Available())
        {
            return null;
        }

        // Lines are produced whole (one row, or an empty line of a gap), so a line ends within the buffer.
        for (var i = _at; i < _line.Length; i++)
        {
            if (_line[i] == '\n')
            {
                var line = _line.ToString(_at, i - _at);
                _at = i + 1;
                return line;
            }
        }

        var rest = _line.ToString(_at, _line.Length - _at);
        _at = _line.Length;
        return rest;
    }

    public override string ReadToEnd()
    {
        var text = new StringBuilder();
        while (Available())
        {
            text.Append(_line.ToString(_at, _line.Length - _at));
            _at = _line.Length;
        }

        return text.ToString();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _sheet.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>Whether there is text at <see cref="_at"/>, producing the next line(s) when needed.</summary>
    private bool Available()
    {
        while (_at >= _line.Length)
        {
            if (_end)
            {
                return false;
            }

            _line.Clear();
            _at = 0;
            Produce();
        }

        return true;
    }

    private void Produce()
    {
        if (!_sheet.MoveNext())
        {
            _end = true;
            return;
        }

        if (_sheet.RowNumber > _nextRow)
        {
            // Rows the sheet does not hold (at most a million): empty lines, so that line numbers stay worksheet row numbers.
            _line.Append('\n', _sheet.RowNumber - _nextRow);
            _nextRow = _sheet.RowNumber;
        }

        AppendRow();
    }

    private void AppendRow()
    {
        // Every row with a value has at least the header's fields (as Excel's own CSV export pads the used range).
        if (_width == 0)
        {
            _width = _sheet.CellCount;
        }

        var fields = _sheet.CellCount == 0 ? 0 : Math.Max(_sheet.CellCount, _width);
        for (var column = 0; column < fields; column++)
        {
            if (column > 0)
            {
                _line.Append(',');
            }

            AppendCell(_sheet.Cell(column));
            if (_line.Length > MaxRowChars)
            {
                throw XlsxPackage.Refused(_sheet.Source, "the worksheet '" + _sheet.Sheet.Name + "' has row " + _sheet.RowNumber.ToString(CultureInfo.InvariantCulture) + " is wider than " + MaxRowChars.ToString("N0", CultureInfo.InvariantCulture) + " characters");
            }
        }

        _line.Append('\n');
        _nextRow++;
    }

    private void AppendCell(string cell)
    {
        var quote = cell.IndexOfAny(Special) >= 0;
        if (quote)
        {
            _line.Append('"');
        }

        for (var i = 0; i < cell.Length; i++)
        {
            var c = cell[i];
            switch (c)
            {
                case '"':
                    _line.Append("\"\"");
                    break;
                case '\r':
                    _line.Append(' ');
                    if (i + 1 < cell.Length && cell[i + 1] == '\n')
                    {
                        i++;
                    }

                    break;
                case '\n':
                    _line.Append(' ');
                    break;
                default:
                    _line.Append(c);
                    break;
            }
        }

        if (quote)
        {
            _line.Append('"');
        }
    }

    private static readonly char[] Special = { ',', '"' };
}
