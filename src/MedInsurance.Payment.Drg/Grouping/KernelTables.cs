using System;
using System.Collections.Generic;
using System.Linq;
using MedInsurance.Payment.Drg.Rules;

namespace MedInsurance.Payment.Drg.Grouping;

/// <summary>
/// 内核表 — a rule pack compiled into the kernel's tables: codes interned to integer ids, MDC admission masks, ADRG bit sets,
/// CC/MCC levels and exclusion tables, trauma-region masks, and the operating-room set of the chosen definition.
/// </summary>
/// <remarks>Immutable after construction; shared by the preparer, the kernel and the describer of one grouper.</remarks>
internal sealed class KernelTables
{
    private readonly Dictionary<string, int> _dxIds;
    private readonly Dictionary<string, int> _pxIds;
    private readonly string[] _dxCodes;
    private readonly string[] _pxCodes;
    private readonly int[] _mdcMask;
    private readonly int[] _mdcTableMask;
    private readonly byte[] _level;
    private readonly int[] _exclusionTable;
    private readonly Bitset[] _exclusions;
    private readonly string[] _exclusionIds;
    private readonly int[] _traumaRegions;
    private readonly Bitset _operatingRoom;
    private readonly CompiledMdc[] _mdcs;
    private readonly int[] _order;
    private readonly CompiledAdrg[] _adrgs;

    /// <summary>Compiles <paramref name="pack"/>.</summary>
    /// <param name="pack">The rule pack.</param>
    /// <param name="operatingRoom">What counts as an operating-room procedure.</param>
    public KernelTables(RulePack pack, OperatingRoomDefinition operatingRoom)
    {
        if (pack.Mdcs.Count > 31 || pack.Mdcs.SelectMany(m => m.TraumaRegions.Values.Concat(m.AdditionalTraumaRegions.Values.SelectMany(r => r))).Distinct(StringComparer.Ordinal).Count() > 31)
        {
            throw new ArgumentException("The kernel supports at most 31 MDCs and 31 trauma regions; pack " + pack.Edition + " has more.", nameof(pack));
        }

        // Gathered in hash sets and sorted once (ids in ordinal order of the codes): a sorted set here took most of the
        // grouper's construction, which every command pays at start-up.
        var dx = new HashSet<string>(StringComparer.Ordinal);
        var px = new HashSet<string>(StringComparer.Ordinal);
        foreach (var m in pack.Mdcs)
        {
            dx.UnionWith(m.MainDiagnoses);
        }

        foreach (var a in pack.Adrgs)
        {
            dx.UnionWith(a.MainDiagnoses);
            dx.UnionWith(a.AnyDiagnoses);
            px.UnionWith(a.MainProcedures);
            foreach (var t in a.ProcedureTables)
            {
                px.UnionWith(t.Codes);
            }
        }

        px.UnionWith(operatingRoom.Codes); // a national or regional OR code no ADRG lists must still be seen by the kernel
        dx.UnionWith(pack.Complications.Keys);
        foreach (var t in pack.ExclusionTables.Values)
        {
            dx.UnionWith(t.MainDiagnoses);
        }

        _dxCodes = dx.ToArray();
        _pxCodes = px.ToArray();
        Array.Sort(_dxCodes, StringComparer.Ordinal);
        Array.Sort(_pxCodes, StringComparer.Ordinal);
        _dxIds = new Dictionary<string, int>(_dxCodes.Length, StringComparer.Ordinal);
        for (var i = 0; i < _dxCodes.Length; i++)
        {
            _dxIds[_dxCodes[i]] = i;
        }

        _pxIds = new Dictionary<string, int>(_pxCodes.Length, StringComparer.Ordinal);
        for (var i = 0; i < _pxCodes.Length; i++)
        {
            _pxIds[_pxCodes[i]] = i;
        }

        DxTable = new CodeIdTable(_dxCodes);
        PxTable = new CodeIdTable(_pxCodes);
        var nDx = _dxCodes.Length;
        var nPx = _pxCodes.Length;

        // MDCs and their admission masks.
        _mdcs = new CompiledMdc[pack.Mdcs.Count];
        _mdcMask = new int[nDx];
        _mdcTableMask = new int[nDx];
        _traumaRegions = new int[nDx];
        var regionIds = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var m = 0; m < pack.Mdcs.Count; m++)
        {
            var rule = pack.Mdcs[m];
            foreach (var code in rule.MainDiagnoses)
            {
                _mdcMask[_dxIds[code]] |= 1 << m;
                _mdcTableMask[_dxIds[code]] |= 1 << m;
            }

            // A code counts in every region the table lists it under (S12.910: 头颈部创伤 and 躯干、脊柱创伤).
            var listings = rule.TraumaRegions.Select(p => (p.Key, p.Value))
                .Concat(rule.AdditionalTraumaRegions.SelectMany(p => p.Value.Select(r => (p.Key, r))));
            foreach (var (code, name) in listings)
            {
                if (!regionIds.TryGetValue(name, out var region))
                {
                    region = regionIds.Count;
                    regionIds[name] = region;
                }

                _traumaRegions[_dxIds[code]] |= 1 << region;
            }
        }

        var mdcIndex = pack.Mdcs.Select((m, i) => (m.Code, i)).ToDictionary(p => p.Code, p => p.i, StringComparer.Ordinal);
        _operatingRoom = new Bitset(nPx);
        _adrgs = new CompiledAdrg[pack.Adrgs.Count];
        for (var a = 0; a < pack.Adrgs.Count; a++)
        {
            var rule = pack.Adrgs[a];
            mdcIndex.TryGetValue(rule.Mdc, out var m);
            _adrgs[a] = new CompiledAdrg(rule, m, _dxIds, _pxIds, nDx, nPx, pack.Drgs, pack.Conventions);
            foreach (var code in rule.MainDiagnoses)
            {
                _mdcMask[_dxIds[code]] |= 1 << m;
            }

            if (operatingRoom.Kind == OperatingRoomDefinitionKind.SurgicalAdrgLists && pack.Conventions.KindOf(rule.Code) == AdrgKind.Surgical)
            {
                // Main-procedure lists and the first table of each combination; companion tables (“和 …”) hold
                // procedures that only count together with the first (e.g. FF2's 介入操作), not operating-room ones.
                var first = new HashSet<int>(rule.TableCombinations.Where(c => c.Count > 0).Select(c => c[0]));
                foreach (var code in rule.MainProcedures.Concat(rule.ProcedureTables.Where(t => first.Contains(t.Number)).SelectMany(t => t.Codes)))
                {
                    _operatingRoom.Add(_pxIds[code]);
                }
            }
        }

        foreach (var code in operatingRoom.Codes)
        {
            _operatingRoom.Add(_pxIds[code]);
        }

        for (var m = 0; m < pack.Mdcs.Count; m++)
        {
            var adrgs = Enumerable.Range(0, _adrgs.Length).Where(a => _adrgs[a].Mdc == m).ToArray();
            var medical = Array.FindIndex(adrgs, a => pack.Conventions.KindOf(_adrgs[a].Rule.Code) == AdrgKind.Medical);
            _mdcs[m] = new CompiledMdc(pack.Mdcs[m], adrgs, medical < 0 ? adrgs.Length : medical, pack.Conventions);
        }

        var preOrder = pack.Conventions.PreMdcOrder;
        var pre = preOrder.Select(code => Array.FindIndex(_mdcs, c => c.Rule.Code == code)).Where(i => i >= 0).Distinct();
        var rest = Enumerable.Range(0, _mdcs.Length).Where(i => !preOrder.Contains(_mdcs[i].Rule.Code)).OrderBy(i => _mdcs[i].Rule.Code, StringComparer.Ordinal);
        _order = pre.Concat(rest).ToArray();

        // CC/MCC and exclusion tables.
        _level = new byte[nDx];
        _exclusionTable = Enumerable.Repeat(-1, nDx).ToArray();
        _exclusionIds = pack.ExclusionTables.Keys.OrderBy(k => k, StringComparer.Ordinal).ToArray();
        _exclusions = _exclusionIds.Select(id => Bitset.Of(pack.ExclusionTables[id].MainDiagnoses, _dxIds, nDx) ?? new Bitset(0)).ToArray();
        var exclusionIndex = new Dictionary<string, int>(_exclusionIds.Length, StringComparer.Ordinal);
        for (var i = 0; i < _exclusionIds.Length; i++)
        {
            exclusionIndex[_exclusionIds[i]] = i;
        }

        foreach (var c in pack.Complications.Values)
        {
            var id = _dxIds[c.Code];
            _level[id] = (byte)c.Level;
            _exclusionTable[id] = c.ExclusionTable is not null && exclusionIndex.TryGetValue(c.ExclusionTable, out var table) ? table : -1;
        }
    }

    public Dictionary<string, int> DxIds => _dxIds;

    public Dictionary<string, int> PxIds => _pxIds;

    /// <summary>The diagnosis ids for preparing cases (<see cref="CodeIdTable"/>: one slot read per lookup).</summary>
    public CodeIdTable DxTable { get; }

    /// <summary>The procedure ids for preparing cases.</summary>
    public CodeIdTable PxTable { get; }

    public string[] DxCodes => _dxCodes;

    public string[] PxCodes => _pxCodes;

    public int[] MdcMask => _mdcMask;

    public int[] MdcTableMask => _mdcTableMask;

    public byte[] Level => _level;

    public int[] ExclusionTable => _exclusionTable;

    public Bitset[] Exclusions => _exclusions;

    public string[] ExclusionIds => _exclusionIds;

    public int[] TraumaRegions => _traumaRegions;

    public Bitset OperatingRoom => _operatingRoom;

    public CompiledMdc[] Mdcs => _mdcs;

    public int[] Order => _order;

    public CompiledAdrg[] Adrgs => _adrgs;
}
