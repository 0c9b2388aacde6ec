using System.Collections.Generic;
using MedInsurance.Payment.Validation;

namespace MedInsurance.Payment.Interchange;

/// <summary>The fields of the current row by column name (valid only while the row is current).</summary>
internal sealed class CsvRow
{
    private readonly CsvInput _input;
    private readonly HeaderIndex _header;

    public CsvRow(CsvInput input, HeaderIndex header)
    {
        _input = input;
        _header = header;
    }

    /// <summary>The position of a column, or −1.</summary>
    public int IndexOf(string column) => _header.IndexOf(column);

    /// <summary>The trimmed text at a position (empty when absent).</summary>
    public string Text(int index) => _input.Text(index);

    /// <summary>The trimmed text at a position, one string instance per distinct value (ids and codes a file repeats).</summary>
    public string SharedText(int index) => index < 0 ? string.Empty : _input.SharedText(index);

    /// <summary>A whole number at a position: null when empty, absent or not a number in <c>int</c> range.</summary>
    public int? Int(int index, out bool malformed)
    {
        var bytes = _input.Rows.Field(index);
        malformed = false;
        if (bytes.IsEmpty)
        {
            return null;
        }

        if (CsvValues.ParseInt(bytes, out var value) == ValueStatus.Ok)
        {
            return value;
        }

        malformed = true;
        return null;
    }

    /// <summary>Whether a position holds exactly <c>0</c> or <c>1</c> (then <paramref name="value"/> is it), the common yes/no spelling.</summary>
    public bool IsBit(int index, out bool value)
    {
        var bytes = _input.Rows.Field(index);
        value = bytes.Length == 1 && bytes[0] == '1';
        return bytes.Length == 1 && bytes[0] is (byte)'0' or (byte)'1';
    }

    /// <summary>The trimmed text of a column; null when the header has no such column.</summary>
    public string? Get(string column)
    {
        var index = _header.IndexOf(column);
        return index < 0 ? null : _input.Text(index);
    }

    /// <summary>A strict amount in yuan (see <see cref="CsvRows.Yuan"/>); null when the column is absent or empty.</summary>
    public Money? Yuan(string column, string invalidCode, List<ValidationIssue> issues)
    {
        var index = _header.IndexOf(column);
        if (index < 0 || _input.Rows.Field(index).IsEmpty)
        {
            return null;
        }

        if (CsvRows.Yuan(_input, index, column, invalidCode, out var fen) is { } issue)
        {
            issues.Add(issue);
            return null;
        }

        return Money.FromFen(fen);
    }

    /// <summary>The year and month of a date column (<c>yyyy-MM-dd</c>, <c>yyyy/MM/dd</c>, <c>yyyyMMdd</c>, <c>yyyy-M-d</c>); false when absent, empty or not a date.</summary>
    public bool YearMonth(string column, out int year, out int month)
    {
        var index = _header.IndexOf(column);
        if (index >= 0 && CsvValues.TryParseDate(_input.Rows.Field(index), out year, out month, out _))
        {
            return true;
        }

        year = month = 0;
        return false;
    }

    /// <summary>The raw text of a column for an issue's value (empty when absent).</summary>
    public string ValueOf(string column) => Get(column) ?? string.Empty;
}
