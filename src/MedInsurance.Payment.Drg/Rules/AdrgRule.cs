using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;

namespace MedInsurance.Payment.Drg.Rules;

/// <summary>核心疾病诊断相关分组（ADRG） — one core group and the conditions (入组条件) that admit a case to it.</summary>
/// <remarks>
/// <para>All stated conditions must hold. A condition with an empty list is not stated. Procedure tables are
/// satisfied when, for at least one of <see cref="TableCombinations"/>, every listed table has a procedure of the case
/// (any position).</para>
/// <para>Immutable and thread-safe. Built by <see cref="Loading.RuleTextLoader"/>.</para>
/// </remarks>
public sealed class AdrgRule
{
    private static readonly IReadOnlyList<ProcedureTable> NoTables = new ReadOnlyCollection<ProcedureTable>(Array.Empty<ProcedureTable>());
    private static readonly IReadOnlyList<IReadOnlyList<int>> NoCombinations = new ReadOnlyCollection<IReadOnlyList<int>>(Array.Empty<IReadOnlyList<int>>());

    internal AdrgRule(
        string code,
        string name,
        string mdc,
        IEnumerable<string>? mainDiagnoses,
        IEnumerable<string>? anyDiagnoses,
        IEnumerable<string>? mainProcedures,
        IEnumerable<ProcedureTable>? procedureTables,
        IEnumerable<IEnumerable<int>>? tableCombinations,
        bool requiresOperatingRoomProcedure,
        bool requiresNoProcedure,
        AgeBand ageBand,
        WeightBand birthWeightBand,
        SourceLocation source)
    {
        Code = code;
        Name = name;
        Mdc = mdc;
        MainDiagnoses = CodeLists.Freeze(mainDiagnoses);
        AnyDiagnoses = CodeLists.Freeze(anyDiagnoses);
        MainProcedures = CodeLists.Freeze(mainProcedures);
        var tables = procedureTables?.OrderBy(t => t.Number).ToArray() ?? Array.Empty<ProcedureTable>();
        ProcedureTables = tables.Length == 0 ? NoTables : new ReadOnlyCollection<ProcedureTable>(tables);
        var combos = tableCombinations?.Select(c => (IReadOnlyList<int>)new ReadOnlyCollection<int>(c.ToArray())).ToArray() ?? Array.Empty<IReadOnlyList<int>>();
        TableCombinations = combos.Length == 0 ? NoCombinations : new ReadOnlyCollection<IReadOnlyList<int>>(combos);
        RequiresOperatingRoomProcedure = requiresOperatingRoomProcedure;
        RequiresNoProcedure = requiresNoProcedure;
        AgeBand = ageBand;
        BirthWeightBand = birthWeightBand;
        Source = source;
    }

    /// <summary>编码 — the ADRG code, e.g. <c>BB1</c>.</summary>
    public string Code { get; }

    /// <summary>名称 — the Chinese name.</summary>
    public string Name { get; }

    /// <summary>所属MDC — the MDC code, e.g. <c>MDCB</c>.</summary>
    public string Mdc { get; }

    /// <summary>类别 — surgical, non-operating-room procedure or medical, from the second letter.</summary>
    public AdrgKind Kind => Code[1] switch
    {
        <= 'J' => AdrgKind.Surgical,
        <= 'Q' => AdrgKind.NonOperatingRoom,
        _ => AdrgKind.Medical,
    };

    /// <summary>包含以下主要诊断 — the main diagnosis must be one of these (empty: not stated).</summary>
    public IReadOnlyList<string> MainDiagnoses { get; }

    /// <summary>主要诊断或其他诊断中包含以下诊断 — some diagnosis (main or secondary) must be one of these (empty: not stated).</summary>
    public IReadOnlyList<string> AnyDiagnoses { get; }

    /// <summary>包含以下主要手术或操作 — the main procedure must be one of these (empty: not stated).</summary>
    public IReadOnlyList<string> MainProcedures { get; }

    /// <summary>手术表 — numbered procedure tables (同时包含以下手术 … 和 …, 手术表 1 …).</summary>
    public IReadOnlyList<ProcedureTable> ProcedureTables { get; }

    /// <summary>手术表组合 — alternative sets of table numbers; one set must be fully present (empty: no table condition).</summary>
    public IReadOnlyList<IReadOnlyList<int>> TableCombinations { get; }

    /// <summary>全部手术 — the main procedure must be an operating-room procedure (any).</summary>
    public bool RequiresOperatingRoomProcedure { get; }

    /// <summary>无手术 — the case must have no operating-room procedure (e.g. ZZ1 “符合 MDCZ 主诊表，且无手术”).</summary>
    public bool RequiresNoProcedure { get; }

    /// <summary>年龄段 — the age band in days stated in the name (e.g. 出生年龄＜29 天), or unbounded.</summary>
    public AgeBand AgeBand { get; }

    /// <summary>出生体重段 — the birth-weight band stated in the name (e.g. 出生体重 1500-1999g), or unbounded.</summary>
    public WeightBand BirthWeightBand { get; }

    /// <summary>出处 — where the ADRG header was read.</summary>
    public SourceLocation Source { get; }

    internal bool ContentEquals(AdrgRule o) =>
        string.Equals(Code, o.Code, StringComparison.Ordinal)
        && string.Equals(Name, o.Name, StringComparison.Ordinal)
        && string.Equals(Mdc, o.Mdc, StringComparison.Ordinal)
        && CodeLists.SameCodes(MainDiagnoses, o.MainDiagnoses)
        && CodeLists.SameCodes(AnyDiagnoses, o.AnyDiagnoses)
        && CodeLists.SameCodes(MainProcedures, o.MainProcedures)
        && ProcedureTables.Count == o.ProcedureTables.Count
        && ProcedureTables.Zip(o.ProcedureTables, (a, b) => a.Number == b.Number && CodeLists.SameCodes(a.Codes, b.Codes)).All(x => x)
        && TableCombinations.Count == o.TableCombinations.Count
        && TableCombinations.Zip(o.TableCombinations, (a, b) => a.SequenceEqual(b)).All(x => x)
        && RequiresOperatingRoomProcedure == o.RequiresOperatingRoomProcedure
        && RequiresNoProcedure == o.RequiresNoProcedure
        && AgeBand == o.AgeBand
        && BirthWeightBand == o.BirthWeightBand;
}
