using System;
using System.Collections.Generic;
using MedInsurance.Payment.Validation;

namespace MedInsurance.Payment.QualityControl;

/// <summary>质控结果 — the issues of one case under a profile, with its status and counts.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class QcCaseResult
{
    private static readonly IReadOnlyList<ValidationIssue> None = Array.Empty<ValidationIssue>();

    internal QcCaseResult(IReadOnlyList<ValidationIssue>? issues)
    {
        Issues = issues ?? None;
        for (var i = 0; i < Issues.Count; i++) // indexed: no enumerator to allocate for each case with issues
        {
            var severity = Issues[i].Severity;
            ErrorCount += severity == IssueSeverity.Error ? 1 : 0;
            WarningCount += severity == IssueSeverity.Warning ? 1 : 0;
        }

        Status = ErrorCount > 0 ? QcStatus.Rejected : WarningCount > 0 ? QcStatus.Warning : QcStatus.Accepted;
    }

    /// <summary>The result of issues found elsewhere (e.g. by the case reader alone), graded as they are.</summary>
    /// <param name="issues">The issues.</param>
    /// <returns>The result.</returns>
    public static QcCaseResult FromIssues(IReadOnlyList<ValidationIssue> issues) =>
        new(issues is null ? throw new ArgumentNullException(nameof(issues)) : issues.Count == 0 ? null : issues);

    /// <summary>问题 — the issues, severities as the profile sets them, basic checks first.</summary>
    public IReadOnlyList<ValidationIssue> Issues { get; }

    /// <summary>结论 — rejected with an error, warning with a warning, else accepted (info issues do not count).</summary>
    public QcStatus Status { get; }

    /// <summary>错误数 — errors.</summary>
    public int ErrorCount { get; }

    /// <summary>警告数 — warnings.</summary>
    public int WarningCount { get; }

    /// <summary>The status as written in issues.csv: <c>accepted</c>, <c>warning</c> or <c>rejected</c>.</summary>
    public string StatusText => StatusName(Status);

    /// <summary>The text of a status.</summary>
    /// <param name="status">The status.</param>
    /// <returns><c>accepted</c>, <c>warning</c> or <c>rejected</c>.</returns>
    public static string StatusName(QcStatus status) => status switch
    {
        QcStatus.Rejected => "rejected",
        QcStatus.Warning => "warning",
        _ => "accepted",
    };
}
