using System.Globalization;
using System.Runtime.CompilerServices;
using MedInsurance.Payment.Cases;
using MedInsurance.Payment.Drg.Rules;

namespace MedInsurance.Payment.Drg.Grouping;

/// <summary>
/// 分组内核 — MDC → ADRG → DRG on a prepared case, over the compiled tables. Without a trace writer it allocates nothing
/// (the batch path); with one it records every decision (the explain path).
/// </summary>
/// <remarks>Immutable and thread-safe: all state is in the tables and the case.</remarks>
internal sealed class GroupingKernel
{
    private readonly RulePack _pack;
    private readonly DrgPolicy _policy;
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

    public GroupingKernel(RulePack pack, DrgPolicy policy, KernelTables tables)
    {
        _pack = pack;
        _policy = policy;
        _dxCodes = tables.DxCodes;
        _pxCodes = tables.PxCodes;
        _mdcMask = tables.MdcMask;
        _mdcTableMask = tables.MdcTableMask;
        _level = tables.Level;
        _exclusionTable = tables.ExclusionTable;
        _exclusions = tables.Exclusions;
        _exclusionIds = tables.ExclusionIds;
        _traumaRegions = tables.TraumaRegions;
        _operatingRoom = tables.OperatingRoom;
        _mdcs = tables.Mdcs;
        _order = tables.Order;
        _adrgs = tables.Adrgs;
    }

    [MethodImpl(JitHints.Optimize)]
    public DrgOutcome Run(DrgCase c, TraceWriter? trace)
    {
        if (c.IsRejected)
        {
            trace?.Add(DrgTraceKind.Ungroupable, "rejected", "input has errors; not grouped", "输入有错误，不分组");
            return new DrgOutcome(DrgStatus.Rejected, -1, -1, -1, OutcomeReason.None);
        }

        var hasOperatingRoom = _operatingRoom.ContainsAny(c.Procedures);
        var sawSex = false;
        var firstMdc = -1;

        // Pass 1: MDCs whose main-diagnosis table (主诊表) holds the main diagnosis. Pass 2 (fallback, D1 in
        // docs/drg/peer-differences.md): MDCs whose ADRG main-diagnosis lists hold it although no table does.
        var tableMask = _mdcTableMask[c.MainDiagnosis];
        var outcome = Pass(c, tableMask, true, hasOperatingRoom, ref sawSex, ref firstMdc, trace);
        if (outcome.Status != DrgStatus.Rejected)
        {
            return outcome;
        }

        var listMask = _mdcMask[c.MainDiagnosis] & ~tableMask;
        if (listMask != 0)
        {
            outcome = Pass(c, listMask, false, hasOperatingRoom, ref sawSex, ref firstMdc, trace);
            if (outcome.Status != DrgStatus.Rejected)
            {
                return outcome;
            }
        }

        var reason = firstMdc >= 0 ? OutcomeReason.NoAdrg : sawSex ? OutcomeReason.Sex : OutcomeReason.NoMdc;
        trace?.Add(DrgTraceKind.Ungroupable, reason == OutcomeReason.NoAdrg ? DrgIssueCodes.NoAdrg : reason == OutcomeReason.Sex ? DrgIssueCodes.SexExcludesMdc : DrgIssueCodes.NoMdc, string.Empty, string.Empty);
        return new DrgOutcome(DrgStatus.Ungroupable, (short)firstMdc, -1, -1, reason);
    }

    /// <summary>One pass over the MDCs in grouping order; a Rejected-status sentinel when no MDC grouped the case.</summary>
    [MethodImpl(JitHints.Optimize)]
    private DrgOutcome Pass(DrgCase c, int mask, bool byTable, bool hasOperatingRoom, ref bool sawSex, ref int firstMdc, TraceWriter? trace)
    {
        for (var o = 0; o < _order.Length; o++)
        {
            var m = _order[o];
            var mdc = _mdcs[m];
            if (mdc.ProcedureOnly)
            {
                if (!byTable)
                {
                    continue;
                }

                // A procedure-only MDC (MDCA) has no main-diagnosis table: its ADRGs are decided by procedures alone.
                var pre = TryAdrgs(c, m, 0, mdc.Adrgs.Length, hasOperatingRoom, trace);
                if (pre.Status != DrgStatus.Rejected)
                {
                    return pre;
                }

                continue;
            }

            if ((mask & (1 << m)) == 0)
            {
                continue;
            }

            var required = mdc.RequiredSex;
            if (required != Sex.Unknown && c.Sex != required)
            {
                sawSex = true;
                trace?.Add(DrgTraceKind.MdcSkipped, mdc.Rule.Code, "requires sex " + required + ", case is " + c.Sex, "要求性别为" + SexZh(required) + "，病例为" + SexZh(c.Sex), "EditionConventions.RequiredSex");
                continue;
            }

            if (mdc.InfantOnly && c.AgeYears != ChsDrgProseRules.InfantAgeYears)
            {
                trace?.Add(DrgTraceKind.MdcSkipped, mdc.Rule.Code, mdc.Rule.Code + " requires age 0 years, case is " + c.AgeYears.ToString(CultureInfo.InvariantCulture), mdc.Rule.Code + "要求年龄不足1周岁，病例为" + c.AgeYears.ToString(CultureInfo.InvariantCulture) + "岁", "EditionConventions.InfantMdcs");
                continue;
            }

            if (mdc.MinimumTraumaRegions > 0)
            {
                var regions = CountTraumaRegions(c);
                if (regions < mdc.MinimumTraumaRegions)
                {
                    trace?.Add(DrgTraceKind.MdcSkipped, mdc.Rule.Code, "diagnoses cover " + regions.ToString(CultureInfo.InvariantCulture) + " trauma region(s); at least " + mdc.MinimumTraumaRegions.ToString(CultureInfo.InvariantCulture) + " needed", "诊断涉及" + regions.ToString(CultureInfo.InvariantCulture) + "个创伤部位，至少需要" + mdc.MinimumTraumaRegions.ToString(CultureInfo.InvariantCulture) + "个", "EditionConventions.MultipleTraumaMinimumRegions");
                    continue;
                }

                trace?.Add(DrgTraceKind.MdcEntered, mdc.Rule.Code, "multiple trauma in " + regions.ToString(CultureInfo.InvariantCulture) + " body regions", "主要诊断在主诊表内，诊断涉及" + regions.ToString(CultureInfo.InvariantCulture) + "个创伤部位", mdc.Rule.Source.ToString());
            }
            else
            {
                trace?.Add(DrgTraceKind.MdcEntered, mdc.Rule.Code, byTable
                    ? "main diagnosis " + _dxCodes[c.MainDiagnosis] + " in the 主诊表"
                    : "main diagnosis " + _dxCodes[c.MainDiagnosis] + " in no 主诊表, but in an ADRG main-diagnosis list of this MDC (fallback)",
                    byTable
                    ? "主要诊断 " + _dxCodes[c.MainDiagnosis] + " 在主诊表内"
                    : "主要诊断 " + _dxCodes[c.MainDiagnosis] + " 不在任何主诊表内，但在本MDC某ADRG的主要诊断表内（补充规则）", mdc.Rule.Source.ToString());
            }

            if (firstMdc < 0)
            {
                firstMdc = m;
            }

            var surgical = TryAdrgs(c, m, 0, mdc.MedicalStart, hasOperatingRoom, trace);
            if (surgical.Status != DrgStatus.Rejected)
            {
                return surgical;
            }

            if (hasOperatingRoom)
            {
                if (_policy.AmbiguousGroupCheck)
                {
                    trace?.Add(DrgTraceKind.Ambiguous, mdc.AmbiguousCode, "operating-room procedure " + _pxCodes[_operatingRoom.FirstOf(c.Procedures)], "手术室手术 " + _pxCodes[_operatingRoom.FirstOf(c.Procedures)], "EditionConventions.AmbiguousGroupSuffix");
                    return new DrgOutcome(DrgStatus.Ambiguous, (short)m, -1, -1, OutcomeReason.None);
                }

                trace?.Add(DrgTraceKind.Policy, "AmbiguousGroupCheck=off", "operating-room procedure " + _pxCodes[_operatingRoom.FirstOf(c.Procedures)] + " matches no procedure ADRG of " + mdc.Rule.Code + "; medical ADRGs tried", "手术室手术 " + _pxCodes[_operatingRoom.FirstOf(c.Procedures)] + " 不符合 " + mdc.Rule.Code + " 的手术/操作ADRG；歧义组检查关闭，继续匹配内科ADRG");
            }

            var medical = TryAdrgs(c, m, mdc.MedicalStart, mdc.Adrgs.Length, hasOperatingRoom, trace);
            if (medical.Status != DrgStatus.Rejected)
            {
                return medical;
            }

            trace?.Add(DrgTraceKind.NoAdrgInMdc, mdc.Rule.Code, mdc.Adrgs.Length.ToString(CultureInfo.InvariantCulture) + " ADRGs tried", "已比对" + mdc.Adrgs.Length.ToString(CultureInfo.InvariantCulture) + "个ADRG");
        }

        return new DrgOutcome(DrgStatus.Rejected, -1, -1, -1, OutcomeReason.None);
    }

    /// <summary>Tries ADRGs [from, to) of an MDC; returns a Rejected-status sentinel when none matches.</summary>
    [MethodImpl(JitHints.Optimize)]
    private DrgOutcome TryAdrgs(DrgCase c, int m, int from, int to, bool hasOperatingRoom, TraceWriter? trace)
    {
        var list = _mdcs[m].Adrgs;
        for (var i = from; i < to; i++)
        {
            var a = list[i];
            var adrg = _adrgs[a];
            if (!Matches(adrg, c, hasOperatingRoom))
            {
                continue;
            }

            trace?.Add(DrgTraceKind.AdrgMatched, adrg.Rule.Code, adrg.Describe(false), adrg.Describe(true), adrg.Rule.Source.ToString());
            var level = Complications(c, trace);
            var drg = adrg.Choose(level, c.AgeYears);
            if (drg < 0)
            {
                trace?.Add(DrgTraceKind.Ungroupable, DrgIssueCodes.NoDrg, adrg.Rule.Code + " level " + ((ComplicationLevel)level), adrg.Rule.Code + " 无 " + LevelZh(level) + " 对应的DRG");
                return new DrgOutcome(DrgStatus.Ungroupable, (short)m, (short)a, -1, OutcomeReason.NoDrg);
            }

            if (trace is not null)
            {
                var rule = _pack.Drgs[drg];
                trace.Add(DrgTraceKind.DrgChosen, rule.Code, "split " + rule.Code[3] + " (" + (_pack.Conventions.SplitOf(rule.Code[3])?.Meaning ?? string.Empty) + "), highest counted level " + ((ComplicationLevel)level), "细分位 " + rule.Code[3] + "，计入的最高级别：" + LevelZh(level), rule.Source.ToString());
            }

            return new DrgOutcome(DrgStatus.Grouped, (short)m, (short)a, (short)drg, OutcomeReason.None);
        }

        return new DrgOutcome(DrgStatus.Rejected, -1, -1, -1, OutcomeReason.None);
    }

    [MethodImpl(JitHints.Optimize)]
    private bool Matches(CompiledAdrg a, DrgCase c, bool hasOperatingRoom)
    {
        var rule = a.Rule;
        if (a.AgeBounded)
        {
            var days = c.AgeYears == 0 ? c.AgeDays : int.MaxValue;
            if (days < 0 || !rule.AgeBand.Contains(days))
            {
                return false;
            }
        }

        if (a.WeightBounded && (c.BirthWeight < 0 || !rule.BirthWeightBand.Contains(c.BirthWeight)))
        {
            return false;
        }

        if (a.MainDiagnoses is not null && !a.MainDiagnoses.Contains(c.MainDiagnosis))
        {
            return false;
        }

        if (a.AnyDiagnoses is not null && !a.AnyDiagnoses.ContainsAny(c.Diagnoses))
        {
            return false;
        }

        if (a.MainProcedures is not null && !a.MainProcedures.Contains(c.MainProcedure))
        {
            return false;
        }

        if (a.Combinations.Length > 0 && !a.TablesSatisfied(c.Procedures))
        {
            return false;
        }

        if (rule.RequiresOperatingRoomProcedure && !_operatingRoom.Contains(c.MainProcedure))
        {
            return false;
        }

        // “且无手术” (e.g. ZZ1): an explicit condition of the rule text, enforced whatever the QY switch says.
        return !rule.RequiresNoProcedure || !hasOperatingRoom;
    }

    [MethodImpl(JitHints.Optimize)]
    private int Complications(DrgCase c, TraceWriter? trace)
    {
        var best = 0;
        var dx = c.Diagnoses;
        var main = c.MainDiagnosis;
        for (var i = 1; i < dx.Length; i++)
        {
            var id = dx[i];
            int level = _level[id];
            if (level == 0)
            {
                continue;
            }

            var table = _exclusionTable[id];
            var excluded = table >= 0 && _exclusions[table].Contains(main);
            if (trace is not null)
            {
                var tableId = table >= 0 ? _exclusionIds[table] : null;
                trace.Complications.Add(new ComplicationFinding(_dxCodes[id], (ComplicationLevel)level, tableId, excluded));
                var rule = _pack.Complications[_dxCodes[id]];
                if (excluded)
                {
                    trace.Add(DrgTraceKind.ComplicationExcluded, _dxCodes[id], (ComplicationLevel)level + ", main diagnosis " + _dxCodes[main] + " is in 表 " + tableId, LevelZh(level) + "，主要诊断 " + _dxCodes[main] + " 在排除表 表 " + tableId + " 内", _pack.ExclusionTables[tableId!].Source.ToString());
                }
                else
                {
                    trace.Add(DrgTraceKind.ComplicationCounted, _dxCodes[id], ((ComplicationLevel)level).ToString() + (tableId is null ? ", no exclusion table" : ", main diagnosis not in 表 " + tableId), LevelZh(level) + (tableId is null ? "，无排除表" : "，主要诊断不在排除表 表 " + tableId + " 内"), rule.Source.ToString());
                }
            }

            if (!excluded && level > best)
            {
                best = level;
            }
        }

        return best;
    }

    /// <summary>
    /// 创伤部位数 — how many different body regions different diagnoses of the case cover: each diagnosis counts in one
    /// region, and a code listed under several regions takes one not yet covered. Codes with one region are taken first,
    /// then the others, so the count is exact for the 1.1 table (one code, S12.910, has two regions) and always decides
    /// “at least two” exactly.
    /// </summary>
    [MethodImpl(JitHints.Optimize)]
    private int CountTraumaRegions(DrgCase c)
    {
        var seen = 0;
        var count = 0;
        foreach (var id in c.Diagnoses)
        {
            var regions = _traumaRegions[id];
            if (regions != 0 && (regions & (regions - 1)) == 0 && (seen & regions) == 0)
            {
                seen |= regions;
                count++;
            }
        }

        foreach (var id in c.Diagnoses)
        {
            var regions = _traumaRegions[id];
            var fresh = regions & ~seen;
            if ((regions & (regions - 1)) != 0 && fresh != 0)
            {
                seen |= fresh & -fresh;
                count++;
            }
        }

        return count;
    }

    private static string SexZh(Sex sex) => sex switch
    {
        Sex.Male => "男",
        Sex.Female => "女",
        _ => "未知",
    };

    private static string LevelZh(int level) => level switch
    {
        2 => "MCC（严重并发症或合并症）",
        1 => "CC（一般并发症或合并症）",
        _ => "无CC/MCC",
    };
}
