using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;

namespace MedInsurance.Payment.Drg.Rules;

/// <summary>
/// 分组规则包 — one CHS-DRG edition's rules as loaded from the official rule text: MDCs with their main-diagnosis
/// tables, ADRGs in grouping order with their conditions, the DRG split table, CC/MCC lists and exclusion tables.
/// </summary>
/// <remarks>Immutable and thread-safe. Compile it with DrgGrouper to group cases.</remarks>
public sealed class RulePack
{
    internal RulePack(
        string edition,
        IEnumerable<MdcRule> mdcs,
        IEnumerable<AdrgRule> adrgs,
        IEnumerable<DrgRule> drgs,
        IEnumerable<ComplicationRule> complications,
        IEnumerable<ExclusionTable> exclusionTables,
        EditionConventions? conventions = null)
    {
        Edition = edition;
        Conventions = conventions ?? EditionConventions.ChsDrg11;
        Mdcs = new ReadOnlyCollection<MdcRule>(mdcs.ToArray());
        Adrgs = new ReadOnlyCollection<AdrgRule>(adrgs.ToArray());
        Drgs = new ReadOnlyCollection<DrgRule>(drgs.ToArray());
        Complications = new ReadOnlyDictionary<string, ComplicationRule>(
            complications.GroupBy(c => c.Code, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.OrderByDescending(c => c.Level).First(), StringComparer.Ordinal));
        ExclusionTables = new ReadOnlyDictionary<string, ExclusionTable>(exclusionTables.ToDictionary(t => t.Id, StringComparer.Ordinal));
    }

    /// <summary>版本 — the edition, e.g. <c>chs-drg-1.1</c>.</summary>
    public string Edition { get; }

    /// <summary>主要诊断大类 — the MDCs in the order of the MDC list (1_MDC.txt).</summary>
    public IReadOnlyList<MdcRule> Mdcs { get; }

    /// <summary>核心分组 — the ADRGs in rule-text order, which is the order they are tried within an MDC.</summary>
    public IReadOnlyList<AdrgRule> Adrgs { get; }

    /// <summary>细分组 — the DRGs of the DRG table (3_DRG.txt).</summary>
    public IReadOnlyList<DrgRule> Drgs { get; }

    /// <summary>并发症或合并症 — CC and MCC diagnoses by code (an MCC wins when a code is in both lists).</summary>
    public IReadOnlyDictionary<string, ComplicationRule> Complications { get; }

    /// <summary>排除表 — the exclusion tables by id (<c>7-N</c>).</summary>
    public IReadOnlyDictionary<string, ExclusionTable> ExclusionTables { get; }

    /// <summary>版本约定 — the edition's prose rules as data (<see cref="EditionConventions.ChsDrg11"/> unless the pack states its own).</summary>
    public EditionConventions Conventions { get; }

    /// <summary>Whether two packs hold the same rules (sources and line numbers are not compared).</summary>
    /// <param name="other">The other pack.</param>
    /// <returns>Whether every rule is equal.</returns>
    public bool ContentEquals(RulePack other)
    {
        if (other is null)
        {
            throw new ArgumentNullException(nameof(other));
        }

        return string.Equals(Edition, other.Edition, StringComparison.Ordinal)
            && Conventions.ContentEquals(other.Conventions)
            && Mdcs.Count == other.Mdcs.Count && Mdcs.Zip(other.Mdcs, (a, b) => a.ContentEquals(b)).All(x => x)
            && Adrgs.Count == other.Adrgs.Count && Adrgs.Zip(other.Adrgs, (a, b) => a.ContentEquals(b)).All(x => x)
            && Drgs.Count == other.Drgs.Count && Drgs.Zip(other.Drgs, (a, b) => string.Equals(a.Code, b.Code, StringComparison.Ordinal) && string.Equals(a.Name, b.Name, StringComparison.Ordinal)).All(x => x)
            && Complications.Count == other.Complications.Count
            && Complications.All(p => other.Complications.TryGetValue(p.Key, out var c) && c.Level == p.Value.Level && string.Equals(c.ExclusionTable, p.Value.ExclusionTable, StringComparison.Ordinal))
            && ExclusionTables.Count == other.ExclusionTables.Count
            && ExclusionTables.All(p => other.ExclusionTables.TryGetValue(p.Key, out var t) && CodeLists.SameCodes(t.MainDiagnoses, p.Value.MainDiagnoses));
    }
}
