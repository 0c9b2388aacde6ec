using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;

namespace MedInsurance.Payment.Drg.Rules;

/// <summary>
/// 手术室手术定义 — which procedures count as operating-room procedures for “全部手术” ADRGs (SB1, TB1, XJ1), surgical
/// ADRGs without a procedure list (WJ1, YC1), “且无手术” (ZZ1) and the QY ambiguous-group check. The rule text has no such
/// list, so this is a policy choice (docs/drg/peer-differences.md, D2/D5): the surgical ADRG lists (default), the national
/// procedure classification (手术 + 介入治疗), or a region's own list.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class OperatingRoomDefinition
{
    private static readonly IReadOnlyCollection<string> NoCodes = new ReadOnlyCollection<string>(Array.Empty<string>());

    private OperatingRoomDefinition(OperatingRoomDefinitionKind kind, string name, IReadOnlyCollection<string> codes)
    {
        Kind = kind;
        Name = name;
        Codes = codes;
    }

    /// <summary>
    /// 外科ADRG手术表 — the default: a procedure that a surgical ADRG (second letter A–J) admits as main procedure (its
    /// main-procedure list or the first table of a 同时包含 combination; <see cref="ChsDrgProseRules.DefinesOperatingRoomProcedures"/>).
    /// </summary>
    public static OperatingRoomDefinition SurgicalAdrgLists { get; } = new(OperatingRoomDefinitionKind.SurgicalAdrgLists, "surgical-adrg-lists", NoCodes);

    /// <summary>来源 — where the definition comes from.</summary>
    public OperatingRoomDefinitionKind Kind { get; }

    /// <summary>名称 — a name for traces and reports, e.g. the table's file name.</summary>
    public string Name { get; }

    /// <summary>手术室手术编码 — the operating-room procedure codes; empty for <see cref="OperatingRoomDefinitionKind.SurgicalAdrgLists"/>, whose codes come from the pack.</summary>
    public IReadOnlyCollection<string> Codes { get; }

    /// <summary>
    /// 国家手术操作分类 — the procedures a national classification classes 手术 (<see cref="ProcedureClass.Surgery"/>) or
    /// 介入治疗 (<see cref="ProcedureClass.Interventional"/>).
    /// </summary>
    /// <param name="classification">The classification, e.g. read by <see cref="ProcedureClassification.Read"/>.</param>
    /// <returns>The definition.</returns>
    public static OperatingRoomDefinition FromClassification(ProcedureClassification classification)
    {
        if (classification is null)
        {
            throw new ArgumentNullException(nameof(classification));
        }

        var codes = classification.Classes.Where(p => p.Value is ProcedureClass.Surgery or ProcedureClass.Interventional).Select(p => p.Key);
        return new OperatingRoomDefinition(OperatingRoomDefinitionKind.NationalClassification, classification.Name, Freeze(codes));
    }

    /// <summary>地方目录 — a region's own list of operating-room procedure codes.</summary>
    /// <param name="name">A name for traces and reports.</param>
    /// <param name="codes">The codes.</param>
    /// <returns>The definition.</returns>
    public static OperatingRoomDefinition FromList(string name, IEnumerable<string> codes)
    {
        if (name is null)
        {
            throw new ArgumentNullException(nameof(name));
        }

        if (codes is null)
        {
            throw new ArgumentNullException(nameof(codes));
        }

        return new OperatingRoomDefinition(OperatingRoomDefinitionKind.RegionalList, name, Freeze(codes));
    }

    private static ReadOnlyCollection<string> Freeze(IEnumerable<string> codes) =>
        new ReadOnlyCollection<string>(codes.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim()).Distinct(StringComparer.Ordinal).OrderBy(c => c, StringComparer.Ordinal).ToArray());
}
