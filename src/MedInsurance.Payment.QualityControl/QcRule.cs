using System;
using MedInsurance.Payment.Validation;

namespace MedInsurance.Payment.QualityControl;

/// <summary>
/// 质控规则 — one settlement-list quality-control rule: a stable code, its family, default severity, the field it names,
/// its source and a message in Chinese and English that never carries a patient's value.
/// </summary>
/// <remarks>Immutable and thread-safe. The catalog is <see cref="QcRules.All"/>; a <see cref="QcProfile"/> switches a rule
/// off or changes its severity.</remarks>
public sealed class QcRule
{
    /// <summary>Creates a rule.</summary>
    /// <param name="code">规则代码 — stable, upper snake case.</param>
    /// <param name="family">类别.</param>
    /// <param name="severity">默认级别.</param>
    /// <param name="field">字段 — the column the rule names (an index is added per code, e.g. <c>diagnoses[2]</c>).</param>
    /// <param name="source">来源.</param>
    /// <param name="citation">出处 — the rule text or list it implements.</param>
    /// <param name="messageZh">中文说明.</param>
    /// <param name="messageEn">English message.</param>
    public QcRule(string code, QcRuleFamily family, IssueSeverity severity, string field, QcRuleSource source, string citation, string messageZh, string messageEn)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            throw new ArgumentException("A rule needs a code.", nameof(code));
        }

        Code = code;
        Family = family;
        Severity = severity;
        Field = field ?? string.Empty;
        Source = source;
        Citation = citation ?? string.Empty;
        MessageZh = messageZh ?? string.Empty;
        MessageEn = messageEn ?? string.Empty;
    }

    /// <summary>规则代码 — the stable code (the issue code it reports).</summary>
    public string Code { get; }

    /// <summary>类别 — the family.</summary>
    public QcRuleFamily Family { get; }

    /// <summary>默认级别 — the severity when no profile changes it.</summary>
    public IssueSeverity Severity { get; }

    /// <summary>字段 — the field the rule names.</summary>
    public string Field { get; }

    /// <summary>来源 — where the rule comes from.</summary>
    public QcRuleSource Source { get; }

    /// <summary>出处 — the rule text or list it implements.</summary>
    public string Citation { get; }

    /// <summary>中文说明 — the message in Chinese (no patient values).</summary>
    public string MessageZh { get; }

    /// <summary>The message in English (no patient values).</summary>
    public string MessageEn { get; }

    /// <summary>An issue of this rule at <paramref name="severity"/>.</summary>
    /// <param name="severity">The severity (the profile's).</param>
    /// <param name="field">The field, e.g. <c>diagnoses[1]</c>.</param>
    /// <param name="value">The checked value, kept out of the messages (may be null).</param>
    /// <returns>The issue.</returns>
    public ValidationIssue Issue(IssueSeverity severity, string field, string? value) =>
        new(Code, field, severity, MessageZh, MessageEn, value);
}
