using System;
using System.Globalization;
using System.IO;
using MedInsurance.Payment.Interchange;

namespace MedInsurance.Payment.Cli;

/// <summary>
/// 结果行文本 — a block's result rows formatted into one reusable character buffer, cell by cell, exactly as
/// <see cref="SafeCsvWriter"/> formats them: a cell is quoted when it holds a quote, a comma or a line break or starts or
/// ends with a space (quotes doubled inside); a cell a spreadsheet would run as a formula gets a leading apostrophe (inside
/// the quotes when quoted) unless raw (<see cref="CsvCellSafety"/>); records end with CRLF. It does per cell only that —
/// CsvHelper's writer does several calls and checks more per cell, which was a sixth of <c>dip score</c>'s CPU time.
/// <c>CsvRowTextTests</c> compares the two on random cells. Not thread-safe: one per block.
/// </summary>
internal sealed class CsvRowText : ICsvCells
{
    private char[] _buffer = new char[1 << 14];
    private int _length;
    private bool _atRecordStart = true;

    /// <summary>Creates an empty text.</summary>
    /// <param name="raw">True to write cells exactly as given (<c>--raw</c>: no formula escaping).</param>
    public CsvRowText(bool raw)
    {
        Raw = raw;
    }

    /// <summary>Whether cells are written without formula escaping.</summary>
    public bool Raw { get; }

    /// <summary>The characters formatted so far.</summary>
    public int Length => _length;

    /// <summary>Appends a cell (null or empty: an empty cell).</summary>
    /// <param name="cell">The cell's text.</param>
    public void WriteField(string? cell)
    {
        Separate();
        if (cell is null || cell.Length == 0)
        {
            return;
        }

        var escape = !Raw && CsvCellSafety.NeedsEscape(cell);
        if (!CsvCellSafety.NeedsQuotes(cell))
        {
            if (escape)
            {
                Append(CsvCellSafety.EscapeCharacter);
            }

            Append(cell);
            return;
        }

        Append('"');
        if (escape)
        {
            Append(CsvCellSafety.EscapeCharacter);
        }

        var from = 0;
        for (var quote = cell.IndexOf('"'); quote >= 0; quote = cell.IndexOf('"', quote + 1))
        {
            Append(cell, from, quote + 1 - from);
            Append('"');
            from = quote + 1;
        }

        Append(cell, from, cell.Length - from);
        Append('"');
    }

    /// <summary>
    /// Appends a number cell, formatted with the invariant culture as <see cref="decimal.ToString(string, IFormatProvider)"/>
    /// would, without the string: such text is never quoted, and never escaped (a plain number, even when negative).
    /// </summary>
    /// <param name="value">The number.</param>
    /// <param name="format">The .NET format (null: general).</param>
    public void WriteNumber(decimal value, string? format = null)
    {
        Separate();
        while (true)
        {
            if (value.TryFormat(_buffer.AsSpan(_length), out var written, format, CultureInfo.InvariantCulture))
            {
                _length += written;
                return;
            }

            Grow(64);
        }
    }

    /// <summary>Appends a whole number as <see cref="long.ToString(IFormatProvider)"/> writes it (invariant culture).</summary>
    /// <param name="value">The number.</param>
    public void WriteNumber(long value)
    {
        Separate();
        while (true)
        {
            if (value.TryFormat(_buffer.AsSpan(_length), out var written, default, CultureInfo.InvariantCulture))
            {
                _length += written;
                return;
            }

            Grow(32);
        }
    }

    /// <summary>Ends the record (CRLF, as CsvHelper's default).</summary>
    public void NextRecord()
    {
        Append('\r');
        Append('\n');
        _atRecordStart = true;
    }

    /// <summary>Writes the text to <paramref name="writer"/>.</summary>
    /// <param name="writer">The output.</param>
    public void WriteTo(TextWriter writer) => writer.Write(_buffer, 0, _length);

    /// <summary>Empties the text (its buffer is kept).</summary>
    public void Clear()
    {
        _length = 0;
        _atRecordStart = true;
    }

    /// <inheritdoc />
    public override string ToString() => new(_buffer, 0, _length);

    private void Separate()
    {
        if (_atRecordStart)
        {
            _atRecordStart = false;
        }
        else
        {
            Append(',');
        }
    }

    private void Append(char c)
    {
        if (_length == _buffer.Length)
        {
            Grow(1);
        }

        _buffer[_length++] = c;
    }

    private void Append(string text) => Append(text, 0, text.Length);

    private void Append(string text, int start, int count)
    {
        if (_length + count > _buffer.Length)
        {
            Grow(count);
        }

        text.CopyTo(start, _buffer, _length, count);
        _length += count;
    }

    private void Grow(int needed) => Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + needed));
}
