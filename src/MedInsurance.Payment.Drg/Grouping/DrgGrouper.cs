using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using MedInsurance.Payment.Cases;
using MedInsurance.Payment.Drg.Editions;
using MedInsurance.Payment.Drg.Rules;
using MedInsurance.Payment.Interchange;
using MedInsurance.Payment.Validation;

namespace MedInsurance.Payment.Drg.Grouping;

/// <summary>
/// CHS-DRG分组器 — a rule pack compiled into an immutable, thread-safe kernel: codes are interned to integer ids, tables
/// become bit sets, and grouping a prepared case (<see cref="Group(DrgCase)"/>) allocates nothing.
/// </summary>
/// <remarks>
/// <para>The edition's prose rules come from the pack (<see cref="RulePack.Conventions"/>; CHS-DRG 1.1's by default, see
/// <see cref="ChsDrgProseRules"/>). Order under 1.1: MDCA, MDCP, MDCY, MDCZ, MDCM, MDCN, then the other MDCs by code. An
/// MDC admits a case when its main diagnosis is in the MDC's main-diagnosis table or in the main-diagnosis list of one of
/// the MDC's ADRGs (docs/drg/peer-differences.md, D1). Within an MDC the ADRGs are tried in rule-text order; the QY check
/// (policy switch) runs between the procedure ADRGs (A–Q under 1.1) and the medical ones (R–Z). When no ADRG of an
/// admitting MDC matches, the next MDC is tried. The DRG is the first of the ADRG's DRGs, in the order of the edition's
/// split rules (<see cref="EditionConventions.Splits"/>), whose minimum CC/MCC level (and age range) the case meets; the
/// level is the highest that counts after the main diagnosis's exclusion tables.</para>
/// <para>Pure: the same case and pack always give the same result, on any thread.</para>
/// </remarks>
public sealed class DrgGrouper
{
    private readonly KernelTables _tables;
    private readonly CasePreparer _preparer;
    private readonly GroupingKernel _kernel;
    private readonly ResultDescriber _describer;

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
        _tables = new KernelTables(pack, OperatingRoom);
        _preparer = new CasePreparer(pack.Edition, _tables);
        _kernel = new GroupingKernel(pack, Policy, _tables);
        _describer = new ResultDescriber(pack, _tables);
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
        procedureCode is not null && _tables.PxIds.TryGetValue(procedureCode, out var id) && _tables.OperatingRoom.Contains(id);

    /// <summary>Prepares a case: interns its codes, removes duplicates and checks the input (issues, never exceptions).</summary>
    /// <param name="inpatientCase">The case.</param>
    /// <returns>The prepared case.</returns>
    public DrgCase Prepare(InpatientCase inpatientCase)
    {
        if (inpatientCase is null)
        {
            throw new ArgumentNullException(nameof(inpatientCase));
        }

        return _preparer.Prepare(this, inpatientCase, null);
    }

    /// <summary>
    /// Prepares a case the case reader has read and accepted (<see cref="CaseCsvReader"/>). The reader has already run
    /// the basic checks (<see cref="InpatientCaseValidator"/>) on it, so they are not run again: the record's issues —
    /// the reader's and the basic checks' — are the prepared case's first issues, followed by the preparation's own
    /// (<see cref="Prepare(InpatientCase)"/> gives the basic checks' issues and the same preparation's).
    /// </summary>
    /// <param name="record">A record with a case (<see cref="ReadRecord{T}.Value"/> not null).</param>
    /// <returns>The prepared case.</returns>
    public DrgCase Prepare(ReadRecord<InpatientCase> record)
    {
        if (record is null)
        {
            throw new ArgumentNullException(nameof(record));
        }

        if (record.Value is null)
        {
            throw new ArgumentException("The record has no case: the reader rejected the row.", nameof(record));
        }

        return _preparer.Prepare(this, record.Value, record.Issues);
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

        return _kernel.Run(drgCase, null);
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

        var outcome = _kernel.Run(drgCase, trace);
        var issues = earlierIssues.Concat(drgCase.Issues).ToList();
        var reason = ResultDescriber.ReasonIssue(outcome);
        if (reason is not null)
        {
            issues.Add(reason);
        }

        return _describer.ToResult(drgCase.CaseId, outcome, issues, trace.Complications, new DrgTrace(trace.Steps));
    }

    /// <summary>
    /// 编码版本映射 — maps the codes of a case coded in another code edition (医保版1.0, 国临版): every diagnosis or procedure
    /// code this pack does not know is looked up in the crosswalks in order, and replaced when one maps it to a code the pack
    /// knows (<c>DRG_CODE_MAPPED</c> warning naming the field); a code a crosswalk lists with several targets, unless the file
    /// states <c># one-to-many: first</c>, is kept (<c>DRG_CODE_MAP_AMBIGUOUS</c>). Codes the pack knows are never mapped.
    /// </summary>
    /// <param name="inpatientCase">The case.</param>
    /// <param name="crosswalks">The crosswalks, tried in order.</param>
    /// <returns>The case with mapped codes, the mappings and the issues.</returns>
    public CrosswalkResult MapCodes(InpatientCase inpatientCase, IReadOnlyList<CodeEditionCrosswalk> crosswalks)
    {
        if (inpatientCase is null || crosswalks is null)
        {
            throw new ArgumentNullException(inpatientCase is null ? nameof(inpatientCase) : nameof(crosswalks));
        }

        return CodeEditionMapper.Map(inpatientCase, crosswalks, _tables.DxIds.ContainsKey, _tables.PxIds.ContainsKey, Pack.Edition);
    }

    /// <summary>Maps a case's codes of other code editions (<see cref="MapCodes"/>), then prepares and groups it; the trace
    /// starts with one crosswalk step per mapped code.</summary>
    /// <param name="inpatientCase">The case.</param>
    /// <param name="crosswalks">The crosswalks, tried in order.</param>
    /// <returns>The result.</returns>
    public DrgResult Group(InpatientCase inpatientCase, IReadOnlyList<CodeEditionCrosswalk> crosswalks)
    {
        var mapped = MapCodes(inpatientCase, crosswalks);
        var steps = mapped.Mappings.Select(m => new DrgTraceStep(DrgTraceKind.Crosswalk, m.Field, m.From + " → " + m.To + " (" + m.Crosswalk + ")", m.From + " → " + m.To + "（" + m.Crosswalk + "）", m.Crosswalk));
        return Explain(Prepare(mapped.Case), steps, mapped.Issues);
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

        var reason = ResultDescriber.ReasonIssue(outcome);
        IEnumerable<ValidationIssue> issues = reason is null ? drgCase.Issues : drgCase.Issues.Concat(new[] { reason });
        return _describer.ToResult(drgCase.CaseId, outcome, issues, Array.Empty<ComplicationFinding>(), DrgTrace.None);
    }

    /// <summary>The MDC code of an outcome, or empty.</summary>
    /// <param name="outcome">The outcome.</param>
    /// <returns>The code.</returns>
    public string MdcCode(DrgOutcome outcome) => _describer.MdcCode(outcome);

    /// <summary>The ADRG code of an outcome (<c>xQY</c> when ambiguous), or empty.</summary>
    /// <param name="outcome">The outcome.</param>
    /// <returns>The code.</returns>
    public string AdrgCode(DrgOutcome outcome) => _describer.AdrgCode(outcome);

    /// <summary>The DRG code of an outcome: the DRG, <c>xQY</c>, <c>0000</c> when ungroupable, empty when rejected.</summary>
    /// <param name="outcome">The outcome.</param>
    /// <returns>The code.</returns>
    public string DrgCode(DrgOutcome outcome) => _describer.DrgCode(outcome);
}
