using System;
using System.Collections.Generic;
using System.Linq;

namespace MedInsurance.Payment.Interchange;

/// <summary>
/// 医疗机构行 — a hospital read from CSV together with the optional columns that payment layers interpret
/// (for example DIP's <c>coefficient</c>), keyed case-insensitively by column name.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class HospitalRow
{
    private readonly Dictionary<string, string> _extra;

    /// <summary>Creates a row.</summary>
    /// <param name="hospital">The hospital.</param>
    /// <param name="extra">Other columns and their trimmed text.</param>
    public HospitalRow(Hospitals.Hospital hospital, IReadOnlyDictionary<string, string> extra)
    {
        Hospital = hospital ?? throw new ArgumentNullException(nameof(hospital));
        _extra = (extra ?? throw new ArgumentNullException(nameof(extra)))
            .ToDictionary(p => p.Key, p => p.Value, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>医疗机构 — the hospital.</summary>
    public Hospitals.Hospital Hospital { get; }

    /// <summary>The text of an optional column, or null when the file has no such column or the cell is empty.</summary>
    /// <param name="column">The column name.</param>
    /// <returns>The text or null.</returns>
    public string? GetExtra(string column) =>
        _extra.TryGetValue(column, out var text) && text.Length > 0 ? text : null;
}
