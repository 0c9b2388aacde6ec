using System;
using System.Collections.Generic;
using MedInsurance.Payment.Validation;

namespace MedInsurance.Payment.QualityControl;

/// <summary>按规则汇总 — one code's counts in a <see cref="QcTally"/>.</summary>
public sealed class QcRuleTally
{
    internal QcRuleTally(string code, long cases, long issues, IReadOnlyList<IssueSeverity> severities)
    {
        Code = code;
        Cases = cases;
        Issues = issues;
        Severities = severities;
    }

    /// <summary>规则编码 — the code (a rule's of <see cref="QcRules"/>, or a reader's such as FIELD_INVALID).</summary>
    public string Code { get; }

    /// <summary>病例数 — cases with at least one issue of the code.</summary>
    public long Cases { get; }

    /// <summary>问题数 — issues of the code.</summary>
    public long Issues { get; }

    /// <summary>严重程度 — the severities its issues had (error, warning, info, in that order): one, unless the code's
    /// severity varies (a reader's code by field).</summary>
    public IReadOnlyList<IssueSeverity> Severities { get; }

    /// <summary>The severities in lower case joined by <c>|</c> (<c>error</c>, <c>warning|info</c>).</summary>
    public string SeverityText => string.Join("|", Names(Severities));

    private static IEnumerable<string> Names(IReadOnlyList<IssueSeverity> severities)
    {
        foreach (var severity in severities)
        {
            yield return severity switch
            {
                IssueSeverity.Error => "error",
                IssueSeverity.Warning => "warning",
                IssueSeverity.Info => "info",
                _ => throw new ArgumentOutOfRangeException(nameof(severities)),
            };
        }
    }
}
