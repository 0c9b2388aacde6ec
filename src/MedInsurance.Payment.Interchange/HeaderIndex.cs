using System;
using System.Collections.Generic;

namespace MedInsurance.Payment.Interchange;

/// <summary>Maps header names (case-insensitive, trimmed, a BOM dropped) to column positions; the first of two equal names wins.</summary>
internal sealed class HeaderIndex
{
    private readonly Dictionary<string, int> _positions = new(StringComparer.OrdinalIgnoreCase);
    private readonly string[] _names;

    public HeaderIndex(string[] header)
    {
        _names = new string[header.Length];
        for (var i = 0; i < header.Length; i++)
        {
            var name = header[i].Trim().TrimStart('\uFEFF');
            _names[i] = name;
            if (!_positions.ContainsKey(name))
            {
                _positions[name] = i;
            }
        }
    }

    public IEnumerable<string> Names => _positions.Keys;

    public bool Has(string column) => _positions.ContainsKey(column);

    /// <summary>The position of a column, or −1.</summary>
    public int IndexOf(string column) => _positions.TryGetValue(column, out var index) ? index : -1;

    /// <summary>The name of the column at a position (for issues), or <c>column N</c> when the header has none there.</summary>
    public string NameAt(int index) => index >= 0 && index < _names.Length && _names[index].Length > 0
        ? _names[index]
        : "column " + (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
