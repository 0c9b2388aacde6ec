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

    /// <summary>
    /// The header with each cell renamed by <paramref name="target"/> (null keeps the name); <paramref name="duplicates"/>
    /// gets each target two different cells were renamed to (the first cell keeps it), as (target, first cell, second cell).
    /// </summary>
    public HeaderIndex Mapped(Func<string, string?> target, List<(string Target, string First, string Second)> duplicates)
    {
        var names = new string[_names.Length];
        var origin = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < _names.Length; i++)
        {
            var mapped = target(_names[i]);
            names[i] = mapped ?? _names[i];
            if (origin.TryGetValue(names[i], out var first))
            {
                // The same name written twice keeps the old rule (the first wins); a rename onto a taken name is a conflict.
                if (mapped is not null || !string.Equals(first, _names[i], StringComparison.OrdinalIgnoreCase))
                {
                    duplicates.Add((names[i], first, _names[i]));
                }
            }
            else
            {
                origin.Add(names[i], _names[i]);
            }
        }

        return new HeaderIndex(names);
    }

    public bool Has(string column) => _positions.ContainsKey(column);

    /// <summary>The position of a column, or −1.</summary>
    public int IndexOf(string column) => _positions.TryGetValue(column, out var index) ? index : -1;

    /// <summary>The name of the column at a position (for issues), or <c>column N</c> when the header has none there.</summary>
    public string NameAt(int index) => index >= 0 && index < _names.Length && _names[index].Length > 0
        ? _names[index]
        : "column " + (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
