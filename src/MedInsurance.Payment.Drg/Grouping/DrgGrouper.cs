using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;
using MedInsurance.Payment.Cases;
using MedInsurance.Payment.Drg.Rules;
using MedInsurance.Payment.Validation;

namespace MedInsurance.Payment.Drg.Grouping;

/// <summary>
/// CHS-DRG分组器 — a rule pack compiled into an immutable, thread-safe kernel: codes are interned to integer ids, tables
/// become bit sets, and grouping a prepared case (<see cref="Group(DrgCase)"/>) allocates nothing.
/// </summary>
/// <remarks>
/// <para>Order (see <see cref="ChsDrgProseRules"/>): MDCA, MDCP, MDCY, MDCZ, MDCM, MDCN, then the other MDCs by letter. An
/// MDC admits a case when its main diagnosis is in the MDC's main-diagnosis table or in the main-diagnosis list of one of
/// the MDC's ADRGs (docs/drg/peer-differences.md, D1). Within an MDC the ADRGs are tried in rule-text order; the QY check
/// (policy switch) runs between the procedure ADRGs (A–Q) and the medical ones (R–Z). When no ADRG of an admitting MDC
/// matches, the next MDC is tried. The DRG is chosen by the fourth character of the ADRG's DRGs and the highest CC/MCC
/// level that counts after the main diagnosis's exclusion tables.</para>
/// <para>Pure: the same case and pack always give the same result, on any thread.</para>
/// </remarks>
public sealed class DrgGrouper
{
    private const byte ReasonNone = 0;
    private const byte ReasonNoMdc = 1;
    private const byte ReasonSex = 2;
    private const byte ReasonNoAdrg = 3;
    private const byte ReasonNoDrg = 4;

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

    /// <summary>Compiles a rule pack; operating-room procedures are those of the surgical ADRG lists.</summary>
    /// <param name="pack">The rule pack.</param>
    /// <param name="policy">The policy profile; <see cref="DrgPolicy.National"/> when null.</param>
    public DrgGrouper(RulePack pack, DrgPolicy? policy)
        : this(pack, policy, null)
    {
    }

    /// <summary>Compiles a rule pack with a chosen definition of an operating-room procedure (手术室手术定义).</summary>
    /// <param name="pack">The rule pack.</param>
    /// <param name="policy">The policy profile; <see cref="DrgPolicy.National"/> when null.</param>
    /// <param name="operatingRoom">The definition; <see cref="OperatingRoomDefinition.SurgicalAdrgLists"/> when null.</param>
    public DrgGrouper(RulePack pack, DrgPolicy? policy = null, OperatingRoomDefinition? operatingRoom = null)
    {
        Pack = pack ?? throw new ArgumentNullException(nameof(pack));
        Policy = policy ?? DrgPolicy.National;
        OperatingRoom = operatingRoom ?? OperatingRoomDefinition.SurgicalAdrgLists;
        if (pack.Mdcs.Count > 31 || pack.Mdcs.SelectMany(m => m.TraumaRegions.Values.Concat(m.AdditionalTraumaRegions.Values.SelectMany(r => r))).Distinct(StringComparer.Ordinal).Count() > 31)
        {
            throw new ArgumentException("The kernel supports at most 31 MDCs and 31 trauma regions; pack " + pack.Edition + " has more.", nameof(pack));
        }

        var dx = new SortedSet<string>(StringComparer.Ordinal);
        var px = new SortedSet<string>(StringComparer.Ordinal);
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

        px.UnionWith(OperatingRoom.Codes); // a national or regional OR code no ADRG lists must still be seen by the kernel
        dx.UnionWith(pack.Complications.Keys);
        foreach (var t in pack.ExclusionTables.Values)
        {
            dx.UnionWith(t.MainDiagnoses);
        }

        _dxCodes = dx.ToArray();
        _pxCodes = px.ToArray();
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
            _adrgs[a] = new CompiledAdrg(rule, m, _dxIds, _pxIds, nDx, nPx, pack.Drgs);
            foreach (var code in rule.MainDiagnoses)
            {
                _mdcMask[_dxIds[code]] |= 1 << m;
            }

            if (OperatingRoom.Kind == OperatingRoomDefinitionKind.SurgicalAdrgLists && ChsDrgProseRules.DefinesOperatingRoomProcedures(rule.Code))
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

        foreach (var code in OperatingRoom.Codes)
        {
            _operatingRoom.Add(_pxIds[code]);
        }

        for (var m = 0; m < pack.Mdcs.Count; m++)
        {
            var adrgs = Enumerable.Range(0, _adrgs.Length).Where(a => _adrgs[a].Mdc == m).ToArray();
            var medical = Array.FindIndex(adrgs, a => _adrgs[a].Rule.Kind == AdrgKind.Medical);
            _mdcs[m] = new CompiledMdc(pack.Mdcs[m], adrgs, medical < 0 ? adrgs.Length : medical);
        }

        var pre = ChsDrgProseRules.PreMdcOrder.Select(l => Array.FindIndex(_mdcs, c => c.Letter == l)).Where(i => i >= 0);
        var rest = Enumerable.Range(0, _mdcs.Length).Where(i => !ChsDrgProseRules.PreMdcOrder.Contains(_mdcs[i].Letter)).OrderBy(i => _mdcs[i].Letter);
        _order = pre.Concat(rest).ToArray();

        // CC/MCC and exclusion tables.
        _level = new byte[nDx];
        _exclusionTable = Enumerable.Repeat(-1, nDx).ToArray();
        _exclusionIds = pack.ExclusionTables.Keys.OrderBy(k => k, StringComparer.Ordinal).ToArray();
        _exclusions = _exclusionIds.Select(id => Bitset.Of(pack.ExclusionTables[id].MainDiagnoses, _dxIds, nDx) ?? new Bitset(0)).ToArray();
        foreach (var c in pack.Complications.Values)
        {
            var id = _dxIds[c.Code];
            _level[id] = (byte)c.Level;
            _exclusionTable[id] = c.ExclusionTable is null ? -1 : Array.IndexOf(_exclusionIds, c.ExclusionTable);
        }
    }

    /// <summary>规则包 — the compiled pack.</summary>
    public RulePack Pack { get; }

    /// <summary>政策 — the policy profile.</summary>
    public DrgPolicy Policy { get; }

    /// <summary>手术室手术定义 — what counts as an operating-room procedure (also for the QY check).</summary>
    public OperatingRoomDefinition OperatingRoom { get; }

    /// <summary>
    /// 手术室手术 — whether this grouper counts <paramref name="procedureCode"/> as an operating-room procedure (for
    /// “全部手术” ADRGs, “且无手术” and the QY check), under <see cref="OperatingRoom"/>.
    /// </summary>
    /// <param name="procedureCode">A procedure code, e.g. <c>38.8200x011</c>.</param>
    /// <returns>Whether it is an operating-room procedure; false for codes the pack does not know.</returns>
    public bool IsOperatingRoomProcedure(string procedureCode) =>
        procedureCode is not null && _pxIds.TryGetValue(procedureCode, out var id) && _operatingRoom.Contains(id);

    /// <summary>Prepares a case: interns its codes, removes duplicates and checks the input (issues, never exceptions).</summary>
    /// <param name="inpatientCase">The case.</param>
    /// <returns>The prepared case.</returns>
    public DrgCase Prepare(InpatientCase inpatientCase)
    {
        if (inpatientCase is null)
        {
            throw new ArgumentNullException(nameof(inpatientCase));
        }

        var c = inpatientCase;
        List<ValidationIssue>? issues = null; // most cases have none: no list to allocate
        var main = -1;
        if (c.MainDiagnosis.IsEmpty)
        {
            (issues ??= new List<ValidationIssue>()).Add(ValidationIssue.Error(IssueCodes.MainDiagnosisMissing, "diagnoses[0]", "缺少主要诊断", "The main diagnosis is missing."));
        }
        else if (!_dxIds.TryGetValue(c.MainDiagnosis.Value, out main))
        {
            main = -1;
            (issues ??= new List<ValidationIssue>()).Add(ValidationIssue.Error(DrgIssueCodes.MainDiagnosisUnknown, "diagnoses[0]", "主要诊断不在 " + Pack.Edition + " 分组方案中", "The main diagnosis is not in any table of " + Pack.Edition + ".").WithValue(c.MainDiagnosis.Value));
        }

        var secondary = c.SecondaryDiagnoses;
        var diagnoses = new int[1 + secondary.Count];
        var diagnosisCount = 0;
        if (main >= 0)
        {
            diagnoses[diagnosisCount++] = main;
        }

        for (var i = 0; i < secondary.Count; i++)
        {
            var code = secondary[i];
            if (code.IsEmpty)
            {
                continue;
            }

            // Duplicates: a linear scan of the codes before this one (a case lists a handful; no set to allocate).
            if (code.Value == c.MainDiagnosis.Value || IndexOf(secondary, code, i) >= 0)
            {
                (issues ??= new List<ValidationIssue>()).Add(ValidationIssue.Warning(IssueCodes.DiagnosisDuplicated, "diagnoses[" + (i + 1).ToString(CultureInfo.InvariantCulture) + "]", "诊断重复，已忽略", "The diagnosis is listed more than once; ignored.").WithValue(code.Value));
                continue;
            }

            if (_dxIds.TryGetValue(code.Value, out var id))
            {
                diagnoses[diagnosisCount++] = id;
            }
        }

        var others = c.OtherProcedures;
        var procedures = new int[1 + others.Count];
        var procedureCount = 0;
        var mainPx = -1;
        var index = 0;
        for (var k = c.MainProcedure.IsEmpty ? 0 : -1; k < others.Count; k++)
        {
            var code = k < 0 ? c.MainProcedure : others[k];
            if (k >= 0 && ((!c.MainProcedure.IsEmpty && code == c.MainProcedure) || IndexOf(others, code, k) >= 0))
            {
                (issues ??= new List<ValidationIssue>()).Add(ValidationIssue.Warning(IssueCodes.ProcedureDuplicated, "procedures[" + index.ToString(CultureInfo.InvariantCulture) + "]", "手术操作重复，已忽略", "The procedure is listed more than once; ignored.").WithValue(code.Value));
            }
            else if (_pxIds.TryGetValue(code.Value, out var id))
            {
                if (index == 0)
                {
                    mainPx = id;
                }

                procedures[procedureCount++] = id;
            }

            index++;
        }

        if (c.LengthOfStayDays <= 0)
        {
            (issues ??= new List<ValidationIssue>()).Add(ValidationIssue.Error(IssueCodes.LengthOfStayInvalid, "los", "住院天数必须大于0", "The length of stay must be at least one day."));
        }

        if (c.AgeYears < 0 || c.AgeYears > InpatientCaseValidator.MaximumAgeYears || c.AgeDays is < 0 or > 365)
        {
            (issues ??= new List<ValidationIssue>()).Add(ValidationIssue.Error(IssueCodes.FieldOutOfRange, "age", "年龄超出范围", "The age is out of range."));
        }

        if (c.AgeYears == 0 && c.AgeDays is null)
        {
            (issues ??= new List<ValidationIssue>()).Add(ValidationIssue.Warning(DrgIssueCodes.AgeDaysMissing, "age_days", "不足1周岁患儿缺少年龄（天），新生儿规则不适用", "Age in days is missing for an infant; newborn rules cannot apply."));
        }

        if (c.IsNewborn && c.BirthWeightGrams is null)
        {
            (issues ??= new List<ValidationIssue>()).Add(ValidationIssue.Error(IssueCodes.NewbornWeightMissing, "birth_weight_g", "新生儿缺少出生体重", "A newborn (28 days or younger) needs a birth weight."));
        }

        if (c.Sex is not (Sex.Male or Sex.Female))
        {
            (issues ??= new List<ValidationIssue>()).Add(ValidationIssue.Warning(IssueCodes.SexUnknown, "sex", "性别未知，MDCM/MDCN 不能入组", "Sex is unknown; MDCM/MDCN cannot be entered."));
        }
        else if (main >= 0)
        {
            var conflict = SexConflict(main, c.Sex);
            if (conflict is not null)
            {
                (issues ??= new List<ValidationIssue>()).Add(ValidationIssue.Warning(DrgIssueCodes.SexDiagnosisConflict, "sex", "性别与主要诊断（" + conflict + "）冲突", "Sex conflicts with the main diagnosis (" + conflict + ")."));
            }
        }

        Array.Resize(ref diagnoses, diagnosisCount);
        Array.Resize(ref procedures, procedureCount);
        return new DrgCase(this, c, main, diagnoses, mainPx, procedures, (IReadOnlyList<ValidationIssue>?)issues ?? Array.Empty<ValidationIssue>());
    }

    /// <summary>The position of <paramref name="code"/> among the first <paramref name="count"/> items, or −1.</summary>
    private static int IndexOf<T>(IReadOnlyList<T> items, T code, int count)
        where T : IEquatable<T>
    {
        for (var j = 0; j < count; j++)
        {
            if (items[j].Equals(code))
            {
                return j;
            }
        }

        return -1;
    }

    /// <summary>Groups a prepared case on the batch path: no trace, no allocation.</summary>
    /// <param name="drgCase">A case prepared by this grouper.</param>
    /// <returns>The compact outcome.</returns>
    public DrgOutcome Group(DrgCase drgCase)
    {
        if (drgCase is null)
        {
            throw new ArgumentNullException(nameof(drgCase));
        }

        if (!ReferenceEquals(drgCase.Owner, this))
        {
            throw new ArgumentException("The case was prepared by another grouper; codes are interned per grouper.", nameof(drgCase));
        }

        return Core(drgCase, null);
    }

    /// <summary>Groups many prepared cases into <paramref name="outcomes"/> (same order), on <paramref name="threads"/> threads.</summary>
    /// <param name="cases">Cases prepared by this grouper.</param>
    /// <param name="outcomes">Receives one outcome per case, same index.</param>
    /// <param name="threads">Threads to use (1 = the calling thread only).</param>
    public void GroupBatch(IReadOnlyList<DrgCase> cases, DrgOutcome[] outcomes, int threads)
    {
        if (cases is null)
        {
            throw new ArgumentNullException(nameof(cases));
        }

        if (outcomes is null || outcomes.Length < cases.Count)
        {
            throw new ArgumentException("The outcome array must be at least as long as the case list.", nameof(outcomes));
        }

        if (threads <= 1)
        {
            for (var i = 0; i < cases.Count; i++)
            {
                outcomes[i] = Group(cases[i]);
            }

            return;
        }

        var chunk = Math.Max(1, (cases.Count + (threads * 4) - 1) / (threads * 4));
        var parts = (cases.Count + chunk - 1) / chunk;
        Parallel.For(0, parts, new ParallelOptions { MaxDegreeOfParallelism = threads }, p =>
        {
            var end = Math.Min(cases.Count, (p + 1) * chunk);
            for (var i = p * chunk; i < end; i++)
            {
                outcomes[i] = Group(cases[i]);
            }
        });
    }

    /// <summary>Groups a prepared case with the full result: codes, CC/MCC findings, issues and trace.</summary>
    /// <param name="drgCase">A case prepared by this grouper.</param>
    /// <returns>The result.</returns>
    public DrgResult Explain(DrgCase drgCase) => Explain(drgCase, Array.Empty<DrgTraceStep>(), Array.Empty<ValidationIssue>());

    internal DrgResult Explain(DrgCase drgCase, IEnumerable<DrgTraceStep> before, IEnumerable<ValidationIssue> earlierIssues)
    {
        if (drgCase is null)
        {
            throw new ArgumentNullException(nameof(drgCase));
        }

        if (!ReferenceEquals(drgCase.Owner, this))
        {
            throw new ArgumentException("The case was prepared by another grouper; codes are interned per grouper.", nameof(drgCase));
        }

        var trace = new TraceWriter();
        trace.Steps.AddRange(before);
        foreach (var issue in drgCase.Issues)
        {
            trace.Add(DrgTraceKind.Input, issue.Code, issue.MessageEn, issue.MessageZh);
        }

        var outcome = Core(drgCase, trace);
        var issues = earlierIssues.Concat(drgCase.Issues).ToList();
        var reason = ReasonIssue(outcome);
        if (reason is not null)
        {
            issues.Add(reason);
        }

        return ToResult(drgCase.CaseId, outcome, issues, trace.Complications, new DrgTrace(trace.Steps));
    }

    /// <summary>Prepares and groups one case with the full result.</summary>
    /// <param name="inpatientCase">The case.</param>
    /// <returns>The result.</returns>
    public DrgResult Group(InpatientCase inpatientCase) => Explain(Prepare(inpatientCase));

    /// <summary>Turns a batch outcome into a result without trace or CC/MCC findings (for writing result files).</summary>
    /// <param name="drgCase">The case.</param>
    /// <param name="outcome">Its outcome.</param>
    /// <returns>The result.</returns>
    public DrgResult Describe(DrgCase drgCase, DrgOutcome outcome)
    {
        if (drgCase is null)
        {
            throw new ArgumentNullException(nameof(drgCase));
        }

        var issues = drgCase.Issues.ToList();
        var reason = ReasonIssue(outcome);
        if (reason is not null)
        {
            issues.Add(reason);
        }

        return ToResult(drgCase.CaseId, outcome, issues, Array.Empty<ComplicationFinding>(), new DrgTrace(Array.Empty<DrgTraceStep>()));
    }

    /// <summary>The MDC code of an outcome, or empty.</summary>
    /// <param name="outcome">The outcome.</param>
    /// <returns>The code.</returns>
    public string MdcCode(DrgOutcome outcome) => outcome.MdcIndex < 0 ? string.Empty : _mdcs[outcome.MdcIndex].Rule.Code;

    /// <summary>The ADRG code of an outcome (<c>xQY</c> when ambiguous), or empty.</summary>
    /// <param name="outcome">The outcome.</param>
    /// <returns>The code.</returns>
    public string AdrgCode(DrgOutcome outcome) => outcome.Status == DrgStatus.Ambiguous
        ? ChsDrgProseRules.AmbiguousGroupCode(_mdcs[outcome.MdcIndex].Letter)
        : outcome.AdrgIndex < 0 ? string.Empty : _adrgs[outcome.AdrgIndex].Rule.Code;

    /// <summary>The DRG code of an outcome: the DRG, <c>xQY</c>, <c>0000</c> when ungroupable, empty when rejected.</summary>
    /// <param name="outcome">The outcome.</param>
    /// <returns>The code.</returns>
    public string DrgCode(DrgOutcome outcome) => outcome.Status switch
    {
        DrgStatus.Grouped => Pack.Drgs[outcome.DrgIndex].Code,
        DrgStatus.Ambiguous => AdrgCode(outcome),
        DrgStatus.Ungroupable => "0000",
        _ => string.Empty,
    };

    private DrgResult ToResult(string caseId, DrgOutcome outcome, IEnumerable<ValidationIssue> issues, IEnumerable<ComplicationFinding> complications, DrgTrace trace) =>
        new(Pack.Edition, caseId, outcome.Status, MdcCode(outcome), AdrgCode(outcome), DrgCode(outcome), issues, complications, trace);

    private static ValidationIssue? ReasonIssue(DrgOutcome outcome) => outcome.Status switch
    {
        DrgStatus.Ambiguous => ValidationIssue.Warning(DrgIssueCodes.Ambiguous, "procedures", "歧义组：手术室手术与主要诊断所在MDC无关", "Ambiguous group: an operating-room procedure unrelated to the main diagnosis's MDC."),
        DrgStatus.Ungroupable => outcome.Reason switch
        {
            ReasonSex => ValidationIssue.Warning(DrgIssueCodes.SexExcludesMdc, "sex", "仅MDCM/MDCN收录该主要诊断，性别不符", "Only MDCM/MDCN admit the main diagnosis and the sex does not match."),
            ReasonNoAdrg => ValidationIssue.Warning(DrgIssueCodes.NoAdrg, "diagnoses[0]", "主要诊断所在MDC内无符合条件的ADRG", "No ADRG of the admitting MDC matches the case."),
            ReasonNoDrg => ValidationIssue.Warning(DrgIssueCodes.NoDrg, "diagnoses", "ADRG无对应CC/MCC级别的DRG", "The ADRG has no DRG for the case's CC/MCC level."),
            _ => ValidationIssue.Warning(DrgIssueCodes.NoMdc, "diagnoses[0]", "主要诊断不属于任何MDC", "No MDC admits the main diagnosis."),
        },
        _ => null,
    };

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

    private string? SexConflict(int main, Sex sex)
    {
        var mask = _mdcTableMask[main];
        string? conflict = null;
        for (var m = 0; m < _mdcs.Length; m++)
        {
            if ((mask & (1 << m)) == 0)
            {
                continue;
            }

            var implied = ChsDrgProseRules.ImpliedSex(_mdcs[m].Letter);
            if (implied != Sex.Unknown && implied != sex)
            {
                conflict = _mdcs[m].Rule.Code;
            }
            else
            {
                return null;
            }
        }

        return conflict;
    }

    [MethodImpl(KernelJit.Optimize)]
    private DrgOutcome Core(DrgCase c, TraceWriter? trace)
    {
        if (c.IsRejected)
        {
            trace?.Add(DrgTraceKind.Ungroupable, "rejected", "input has errors; not grouped", "输入有错误，不分组");
            return new DrgOutcome(DrgStatus.Rejected, -1, -1, -1, ReasonNone);
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

        var reason = firstMdc >= 0 ? ReasonNoAdrg : sawSex ? ReasonSex : ReasonNoMdc;
        trace?.Add(DrgTraceKind.Ungroupable, reason == ReasonNoAdrg ? DrgIssueCodes.NoAdrg : reason == ReasonSex ? DrgIssueCodes.SexExcludesMdc : DrgIssueCodes.NoMdc, string.Empty, string.Empty);
        return new DrgOutcome(DrgStatus.Ungroupable, (short)firstMdc, -1, -1, reason);
    }

    /// <summary>One pass over the MDCs in grouping order; a Rejected-status sentinel when no MDC grouped the case.</summary>
    [MethodImpl(KernelJit.Optimize)]
    private DrgOutcome Pass(DrgCase c, int mask, bool byTable, bool hasOperatingRoom, ref bool sawSex, ref int firstMdc, TraceWriter? trace)
    {
        for (var o = 0; o < _order.Length; o++)
        {
            var m = _order[o];
            var mdc = _mdcs[m];
            if (mdc.Letter == 'A')
            {
                if (!byTable)
                {
                    continue;
                }

                // MDCA has no main-diagnosis table: its ADRGs are decided by procedures alone.
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

            var required = ChsDrgProseRules.RequiredSex(mdc.Letter);
            if (required != Sex.Unknown && c.Sex != required)
            {
                sawSex = true;
                trace?.Add(DrgTraceKind.MdcSkipped, mdc.Rule.Code, "requires sex " + required + ", case is " + c.Sex, "要求性别为" + SexZh(required) + "，病例为" + SexZh(c.Sex), "ChsDrgProseRules.RequiredSex");
                continue;
            }

            if (mdc.Letter == 'P' && c.AgeYears != ChsDrgProseRules.InfantAgeYears)
            {
                trace?.Add(DrgTraceKind.MdcSkipped, mdc.Rule.Code, "MDCP requires age 0 years, case is " + c.AgeYears.ToString(CultureInfo.InvariantCulture), "MDCP要求年龄不足1周岁，病例为" + c.AgeYears.ToString(CultureInfo.InvariantCulture) + "岁", "ChsDrgProseRules.InfantAgeYears");
                continue;
            }

            if (mdc.Letter == 'Z')
            {
                var regions = CountTraumaRegions(c);
                if (regions < ChsDrgProseRules.MultipleTraumaMinimumRegions)
                {
                    trace?.Add(DrgTraceKind.MdcSkipped, mdc.Rule.Code, "diagnoses cover " + regions.ToString(CultureInfo.InvariantCulture) + " trauma region(s); at least 2 needed", "诊断涉及" + regions.ToString(CultureInfo.InvariantCulture) + "个创伤部位，至少需要2个", "ChsDrgProseRules.MultipleTraumaMinimumRegions");
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
                if (Policy.AmbiguousGroupCheck)
                {
                    trace?.Add(DrgTraceKind.Ambiguous, ChsDrgProseRules.AmbiguousGroupCode(mdc.Letter), "operating-room procedure " + _pxCodes[_operatingRoom.FirstOf(c.Procedures)], "手术室手术 " + _pxCodes[_operatingRoom.FirstOf(c.Procedures)], "ChsDrgProseRules.AmbiguousGroupCode");
                    return new DrgOutcome(DrgStatus.Ambiguous, (short)m, -1, -1, ReasonNone);
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

        return new DrgOutcome(DrgStatus.Rejected, -1, -1, -1, ReasonNone);
    }

    /// <summary>Tries ADRGs [from, to) of an MDC; returns a Rejected-status sentinel when none matches.</summary>
    [MethodImpl(KernelJit.Optimize)]
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
            var drg = adrg.Choose(level);
            if (drg < 0)
            {
                trace?.Add(DrgTraceKind.Ungroupable, DrgIssueCodes.NoDrg, adrg.Rule.Code + " level " + ((ComplicationLevel)level), adrg.Rule.Code + " 无 " + LevelZh(level) + " 对应的DRG");
                return new DrgOutcome(DrgStatus.Ungroupable, (short)m, (short)a, -1, ReasonNoDrg);
            }

            if (trace is not null)
            {
                var rule = Pack.Drgs[drg];
                trace.Add(DrgTraceKind.DrgChosen, rule.Code, "split " + rule.Split + ", highest counted level " + ((ComplicationLevel)level), "细分位 " + rule.Code[3] + "，计入的最高级别：" + LevelZh(level), rule.Source.ToString());
            }

            return new DrgOutcome(DrgStatus.Grouped, (short)m, (short)a, (short)drg, ReasonNone);
        }

        return new DrgOutcome(DrgStatus.Rejected, -1, -1, -1, ReasonNone);
    }

    [MethodImpl(KernelJit.Optimize)]
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

    [MethodImpl(KernelJit.Optimize)]
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
                var rule = Pack.Complications[_dxCodes[id]];
                if (excluded)
                {
                    trace.Add(DrgTraceKind.ComplicationExcluded, _dxCodes[id], (ComplicationLevel)level + ", main diagnosis " + _dxCodes[main] + " is in 表 " + tableId, LevelZh(level) + "，主要诊断 " + _dxCodes[main] + " 在排除表 表 " + tableId + " 内", Pack.ExclusionTables[tableId!].Source.ToString());
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
    [MethodImpl(KernelJit.Optimize)]
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

    private sealed class CompiledMdc
    {
        public CompiledMdc(MdcRule rule, int[] adrgs, int medicalStart)
        {
            Rule = rule;
            Letter = rule.Letter;
            Adrgs = adrgs;
            MedicalStart = medicalStart;
        }

        public MdcRule Rule { get; }

        public char Letter { get; }

        public int[] Adrgs { get; }

        public int MedicalStart { get; }
    }

    private sealed class CompiledAdrg
    {
        private readonly int _mcc;
        private readonly int _cc;
        private readonly int _none;
        private readonly int _notSplit;

        public CompiledAdrg(AdrgRule rule, int mdc, Dictionary<string, int> dxIds, Dictionary<string, int> pxIds, int nDx, int nPx, IReadOnlyList<DrgRule> drgs)
        {
            Rule = rule;
            Mdc = mdc;
            MainDiagnoses = Bitset.Of(rule.MainDiagnoses, dxIds, nDx);
            AnyDiagnoses = Bitset.Of(rule.AnyDiagnoses, dxIds, nDx);
            MainProcedures = Bitset.Of(rule.MainProcedures, pxIds, nPx);
            Tables = rule.ProcedureTables.ToDictionary(t => t.Number, t => Bitset.Of(t.Codes, pxIds, nPx) ?? new Bitset(0));
            Combinations = rule.TableCombinations.Select(c => c.Select(n => Tables.TryGetValue(n, out var t) ? t : new Bitset(0)).ToArray()).ToArray();
            AgeBounded = rule.AgeBand.IsBounded;
            WeightBounded = rule.BirthWeightBand.IsBounded;
            _mcc = _cc = _none = _notSplit = -1;
            for (var d = 0; d < drgs.Count; d++)
            {
                if (!string.Equals(drgs[d].Adrg, rule.Code, StringComparison.Ordinal))
                {
                    continue;
                }

                switch (drgs[d].Split)
                {
                    case DrgSplit.WithMcc: _mcc = d; break;
                    case DrgSplit.WithCc: _cc = d; break;
                    case DrgSplit.WithoutCc: _none = d; break;
                    case DrgSplit.NotSplit: _notSplit = d; break;
                }
            }
        }

        public AdrgRule Rule { get; }

        public int Mdc { get; }

        public Bitset? MainDiagnoses { get; }

        public Bitset? AnyDiagnoses { get; }

        public Bitset? MainProcedures { get; }

        public Dictionary<int, Bitset> Tables { get; }

        public Bitset[][] Combinations { get; }

        public bool AgeBounded { get; }

        public bool WeightBounded { get; }

        [MethodImpl(KernelJit.Optimize)]
        public bool TablesSatisfied(int[] procedures)
        {
            for (var c = 0; c < Combinations.Length; c++)
            {
                var all = true;
                var combo = Combinations[c];
                for (var t = 0; t < combo.Length && all; t++)
                {
                    all = combo[t].ContainsAny(procedures);
                }

                if (all)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>DRG split (3_DRG.txt fourth character): 9 not split; 1 with MCC; 3 with CC (or MCC when there is no 1); 5 otherwise.</summary>
        [MethodImpl(KernelJit.Optimize)]
        public int Choose(int level)
        {
            if (_notSplit >= 0)
            {
                return _notSplit;
            }

            if (level >= (int)ComplicationLevel.Mcc && _mcc >= 0)
            {
                return _mcc;
            }

            if (level >= (int)ComplicationLevel.Cc && _cc >= 0)
            {
                return _cc;
            }

            return _none;
        }

        public string Describe(bool chinese)
        {
            string N(int n) => n.ToString(CultureInfo.InvariantCulture);
            var parts = new List<string>();
            if (Rule.MainDiagnoses.Count > 0)
            {
                parts.Add(chinese ? "主要诊断在主要诊断表内（" + N(Rule.MainDiagnoses.Count) + "个）" : "main diagnosis in list (" + N(Rule.MainDiagnoses.Count) + ")");
            }

            if (Rule.AnyDiagnoses.Count > 0)
            {
                parts.Add(chinese ? "主要或其他诊断在诊断表内（" + N(Rule.AnyDiagnoses.Count) + "个）" : "a diagnosis in list (" + N(Rule.AnyDiagnoses.Count) + ")");
            }

            if (Rule.MainProcedures.Count > 0)
            {
                parts.Add(chinese ? "主要手术在手术表内（" + N(Rule.MainProcedures.Count) + "个）" : "main procedure in list (" + N(Rule.MainProcedures.Count) + ")");
            }

            if (Rule.TableCombinations.Count > 0)
            {
                var combos = string.Join(" or ", Rule.TableCombinations.Select(c => string.Join("+", c)));
                parts.Add(chinese ? "同时包含手术表 " + combos.Replace(" or ", " 或 ") : "procedure tables " + combos);
            }

            if (Rule.RequiresOperatingRoomProcedure)
            {
                parts.Add(chinese ? "主要手术为手术室手术" : "main procedure is an operating-room procedure");
            }

            if (Rule.RequiresNoProcedure)
            {
                parts.Add(chinese ? "无手术室手术" : "no operating-room procedure");
            }

            if (AgeBounded)
            {
                parts.Add((chinese ? "年龄 " : "age ") + Rule.AgeBand);
            }

            if (WeightBounded)
            {
                parts.Add((chinese ? "出生体重 " : "birth weight ") + Rule.BirthWeightBand);
            }

            return string.Join(chinese ? "；" : "; ", parts);
        }
    }
}
