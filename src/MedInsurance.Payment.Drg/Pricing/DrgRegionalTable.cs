using System;
using System.Collections.Generic;
using System.Linq;

namespace MedInsurance.Payment.Drg.Pricing;

/// <summary>
/// 地区DRG分组方案表 — a region's published DRG table (code, name, RW, flags and per-level values) with its edition,
/// region and effective dates, loaded once into an immutable, thread-safe lookup. Read one with
/// <see cref="DrgRegionalTableReader"/>.
/// </summary>
public sealed class DrgRegionalTable
{
    private readonly Dictionary<string, DrgTableRow> _rows;

    /// <summary>Creates a table.</summary>
    /// <param name="edition">版本 — e.g. <c>2025</c>.</param>
    /// <param name="region">统筹地区.</param>
    /// <param name="effectiveFrom">生效日期, or null.</param>
    /// <param name="effectiveTo">失效日期, or null.</param>
    /// <param name="rows">The rows (codes unique).</param>
    /// <param name="report">What the reader found.</param>
    /// <exception cref="ArgumentException">When a code repeats.</exception>
    public DrgRegionalTable(string edition, string region, CalendarDate? effectiveFrom, CalendarDate? effectiveTo, IReadOnlyList<DrgTableRow> rows, DrgTableReport report)
    {
        Edition = edition ?? string.Empty;
        Region = region ?? string.Empty;
        EffectiveFrom = effectiveFrom;
        EffectiveTo = effectiveTo;
        Rows = (rows ?? throw new ArgumentNullException(nameof(rows))).ToArray();
        Report = report ?? throw new ArgumentNullException(nameof(report));
        _rows = new Dictionary<string, DrgTableRow>(Rows.Count, StringComparer.Ordinal);
        foreach (var row in Rows)
        {
            if (_rows.ContainsKey(row.Code))
            {
                throw new ArgumentException("DRG " + row.Code + " appears twice.", nameof(rows));
            }

            _rows.Add(row.Code, row);
        }

        Weights = Rows.ToDictionary(r => r.Code, r => r.Weight ?? new RelativeWeight(0m), StringComparer.Ordinal);
    }

    /// <summary>版本 — the edition.</summary>
    public string Edition { get; }

    /// <summary>统筹地区 — the region.</summary>
    public string Region { get; }

    /// <summary>生效日期 — first day in force, or null.</summary>
    public CalendarDate? EffectiveFrom { get; }

    /// <summary>失效日期 — last day in force, or null.</summary>
    public CalendarDate? EffectiveTo { get; }

    /// <summary>分组 — the rows in file order.</summary>
    public IReadOnlyList<DrgTableRow> Rows { get; }

    /// <summary>读取报告 — rows read, without weight, skipped, ignored columns, encoding.</summary>
    public DrgTableReport Report { get; }

    /// <summary>
    /// 权重 — RW by DRG code for <see cref="DrgSettlementPricing"/>; a DRG listed without a weight maps to 0 ("listed, no
    /// weight"), which pricing reports as <see cref="DrgPricingIssueCodes.WeightBlank"/>.
    /// </summary>
    public IReadOnlyDictionary<string, RelativeWeight> Weights { get; }

    /// <summary>Finds a DRG.</summary>
    /// <param name="code">The DRG code.</param>
    /// <param name="row">The row.</param>
    /// <returns>Whether the table lists it.</returns>
    public bool TryGet(string code, out DrgTableRow row) => _rows.TryGetValue(code ?? string.Empty, out row!);

    /// <summary>Whether the table is in force on <paramref name="date"/> (no dates: always).</summary>
    /// <param name="date">The date (e.g. a discharge date).</param>
    /// <returns>True when in force.</returns>
    public bool InForceOn(CalendarDate date) => (EffectiveFrom is null || date >= EffectiveFrom.Value) && (EffectiveTo is null || date <= EffectiveTo.Value);
}

/// <summary>分组表读取报告 — what a regional table reader found.</summary>
/// <param name="RowsRead">Data rows read (blank lines not counted).</param>
/// <param name="RowsWithWeight">DRGs with a weight.</param>
/// <param name="WithoutWeight">DRGs listed without a weight (paid by item or not priced), with their lines.</param>
/// <param name="Skipped">Rows that are not a DRG (<c>0,未入组</c>, a blank code), with their lines.</param>
/// <param name="IgnoredColumns">Header cells not recognised (kept out of the table).</param>
/// <param name="Encoding">The encoding the file was read in.</param>
public sealed record DrgTableReport(int RowsRead, int RowsWithWeight, IReadOnlyList<string> WithoutWeight, IReadOnlyList<string> Skipped, IReadOnlyList<string> IgnoredColumns, string Encoding);
