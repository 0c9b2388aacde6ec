using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;
using MedInsurance.Payment.Validation;

namespace MedInsurance.Payment.Drg.Grouping;

/// <summary>
/// 分组结果 — the full result of grouping one case: status, MDC, ADRG, DRG, the CC/MCC that counted and those excluded
/// (with their table), coded issues and the trace of every decision.
/// </summary>
/// <remarks>Immutable.</remarks>
public sealed class DrgResult
{
    internal DrgResult(
        string edition,
        string caseId,
        DrgStatus status,
        string mdc,
        string adrg,
        string drg,
        IEnumerable<ValidationIssue> issues,
        IEnumerable<ComplicationFinding> complications,
        DrgTrace trace)
    {
        Edition = edition;
        CaseId = caseId;
        Status = status;
        Mdc = mdc;
        Adrg = adrg;
        Drg = drg;
        var issueArray = issues.ToArray();
        Issues = issueArray.Length == 0 ? DrgCase.NoIssues : new ReadOnlyCollection<ValidationIssue>(issueArray);
        var all = complications.ToArray();
        if (all.Length == 0)
        {
            // Most results of a batch run (Describe): no findings; the empty lists are shared, not made per case.
            Counted = NoFindings;
            Excluded = NoFindings;
        }
        else
        {
            Counted = new ReadOnlyCollection<ComplicationFinding>(all.Where(c => !c.Excluded).ToArray());
            Excluded = new ReadOnlyCollection<ComplicationFinding>(all.Where(c => c.Excluded).ToArray());
        }

        Trace = trace;
    }

    private static readonly ReadOnlyCollection<ComplicationFinding> NoFindings = new(Array.Empty<ComplicationFinding>());

    /// <summary>分组版本 — the edition of the pack that grouped the case (empty when no edition applied).</summary>
    public string Edition { get; }

    /// <summary>病例号 — the case id.</summary>
    public string CaseId { get; }

    /// <summary>状态 — grouped, ambiguous, ungroupable or rejected.</summary>
    public DrgStatus Status { get; }

    /// <summary>MDC — e.g. <c>MDCF</c>; empty when no MDC admitted the case.</summary>
    public string Mdc { get; }

    /// <summary>ADRG — e.g. <c>FM1</c>; <c>xQY</c> when ambiguous; empty when none.</summary>
    public string Adrg { get; }

    /// <summary>DRG — e.g. <c>FM19</c>; <c>xQY</c> when ambiguous; <c>0000</c> when ungroupable; empty when rejected.</summary>
    public string Drg { get; }

    /// <summary>问题 — input issues and, for ungroupable/ambiguous cases, the reason.</summary>
    public IReadOnlyList<ValidationIssue> Issues { get; }

    /// <summary>计入的CC/MCC — the secondary diagnoses that counted.</summary>
    public IReadOnlyList<ComplicationFinding> Counted { get; }

    /// <summary>被排除的CC/MCC — the secondary diagnoses cancelled by the main diagnosis's exclusion table.</summary>
    public IReadOnlyList<ComplicationFinding> Excluded { get; }

    /// <summary>追踪 — every decision, in order.</summary>
    public DrgTrace Trace { get; }

    /// <summary>The status as written in result files: <c>grouped|ambiguous|ungroupable|rejected</c>.</summary>
    public string StatusText => StatusName(Status);

    /// <summary>The status as written in result files.</summary>
    /// <param name="status">The status.</param>
    /// <returns><c>grouped</c>, <c>ambiguous</c>, <c>ungroupable</c> or <c>rejected</c>.</returns>
    public static string StatusName(DrgStatus status) => status switch
    {
        DrgStatus.Grouped => "grouped",
        DrgStatus.Ambiguous => "ambiguous",
        DrgStatus.Ungroupable => "ungroupable",
        DrgStatus.Rejected => "rejected",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };
}
