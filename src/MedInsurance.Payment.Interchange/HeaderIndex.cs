using System;
using System.Collections.Generic;
using CsvHelper;

namespace MedInsurance.Payment.Interchange;

/// <summary>Maps header names (case-insensitive, trimmed) to column positions.</summary>
internal sealed class HeaderIndex
{
    private readonly Dictionary<string, int> _positions = new(StringComparer.OrdinalIgnoreCase);

    public HeaderIndex(string[] header)
    {
        for (var i = 0; i < header.Length; i++)
        {
            var name = header[i].Trim().TrimStart('\uFEFF');
            if (!_positions.ContainsKey(name))
            {
                _positions[name] = i;
            }
        }
    }

    public IEnumerable<string> Names => _positions.Keys;

    public bool Has(string column) => _positions.ContainsKey(column);

    /// <summary>The cell of a column in the current row (formula escaping removed, <see cref="CsvCellSafety.Unescape"/>), or null when absent.</summary>
    public string? Get(CsvReader csv, string column) =>
        _positions.TryGetValue(column, out var index) && index < csv.Parser.Count ? CsvCellSafety.Unescape(csv.GetField(index)) : null;
}
