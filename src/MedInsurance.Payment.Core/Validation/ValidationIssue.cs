using System;
using System.Collections.Generic;
using System.Globalization;

namespace MedInsurance.Payment.Validation;

/// <summary>
/// 校验问题 — one problem found in input data: a stable machine code (e.g. <c>DX_MAIN_MISSING</c>), the field it
/// concerns, a message in Chinese and in English, and a severity.
/// </summary>
/// <remarks>
/// <para>Data problems are reported as issues and never thrown. Codes are stable across versions and listed in
/// <see cref="IssueCodes"/> (and in the layer-specific code classes). Immutable and thread-safe.</para>
/// <para><b>Privacy</b>: the messages and <see cref="ToString"/> never carry the offending value (a diagnosis, an age,
/// a cost), so a host may log them; the value, when the check has one, is the separate <see cref="Value"/>, which a
/// host logs only if it chooses to.</para>
/// </remarks>
public sealed class ValidationIssue : IEquatable<ValidationIssue>
{
    private string? _compact;

    /// <summary>Creates an issue.</summary>
    /// <param name="code">The stable code, upper snake case.</param>
    /// <param name="field">The field (column, property or path) the issue concerns.</param>
    /// <param name="severity">The severity.</param>
    /// <param name="messageZh">中文说明 — the message in Chinese.</param>
    /// <param name="messageEn">The message in English.</param>
    /// <exception cref="ArgumentException">When <paramref name="code"/> is empty.</exception>
    public ValidationIssue(string code, string field, IssueSeverity severity, string messageZh, string messageEn)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            throw new ArgumentException("An issue needs a code.", nameof(code));
        }

        Code = code;
        Field = field ?? string.Empty;
        Severity = severity;
        MessageZh = messageZh ?? string.Empty;
        MessageEn = messageEn ?? string.Empty;
    }

    /// <summary>Creates an issue that keeps the offending value apart from its messages.</summary>
    /// <param name="code">The stable code, upper snake case.</param>
    /// <param name="field">The field.</param>
    /// <param name="severity">The severity.</param>
    /// <param name="messageZh">中文说明 — without the value.</param>
    /// <param name="messageEn">The English message — without the value.</param>
    /// <param name="value">取值 — the value that was checked, or null.</param>
    /// <exception cref="ArgumentException">When <paramref name="code"/> is empty.</exception>
    public ValidationIssue(string code, string field, IssueSeverity severity, string messageZh, string messageEn, string? value)
        : this(code, field, severity, messageZh, messageEn)
    {
        Value = value;
    }

    /// <summary>问题代码 — the stable machine-readable code.</summary>
    public string Code { get; }

    /// <summary>字段 — the field the issue concerns (e.g. <c>diagnoses[0]</c>, <c>birth_weight_g</c>).</summary>
    public string Field { get; }

    /// <summary>级别 — the severity.</summary>
    public IssueSeverity Severity { get; }

    /// <summary>中文说明 — the message in Chinese.</summary>
    public string MessageZh { get; }

    /// <summary>The message in English.</summary>
    public string MessageEn { get; }

    /// <summary>
    /// 取值 — the value that failed the check (e.g. the malformed code), or null. Never part of the messages or
    /// <see cref="ToString"/>: it may be a patient's data.
    /// </summary>
    public string? Value { get; }

    /// <summary>Whether this issue rejects the record.</summary>
    public bool IsError => Severity == IssueSeverity.Error;

    /// <summary>Creates an error.</summary>
    /// <param name="code">The stable code.</param>
    /// <param name="field">The field.</param>
    /// <param name="messageZh">The Chinese message.</param>
    /// <param name="messageEn">The English message.</param>
    /// <returns>The issue.</returns>
    public static ValidationIssue Error(string code, string field, string messageZh, string messageEn) =>
        new(code, field, IssueSeverity.Error, messageZh, messageEn);

    /// <summary>Creates a warning.</summary>
    /// <param name="code">The stable code.</param>
    /// <param name="field">The field.</param>
    /// <param name="messageZh">The Chinese message.</param>
    /// <param name="messageEn">The English message.</param>
    /// <returns>The issue.</returns>
    public static ValidationIssue Warning(string code, string field, string messageZh, string messageEn) =>
        new(code, field, IssueSeverity.Warning, messageZh, messageEn);

    /// <summary>是否有错误 — whether any of <paramref name="issues"/> is an error (a rejected row or result). Does not allocate.</summary>
    /// <param name="issues">The issues (null counts as none).</param>
    /// <returns>True when at least one issue is an error.</returns>
    public static bool AnyError(IReadOnlyList<ValidationIssue>? issues)
    {
        if (issues is null)
        {
            return false;
        }

        for (var i = 0; i < issues.Count; i++)
        {
            if (issues[i].IsError)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The same issue with its field placed under <paramref name="prefix"/> (e.g. a column or row).</summary>
    /// <param name="prefix">The prefix.</param>
    /// <returns>A new issue.</returns>
    public ValidationIssue WithField(string prefix) => new(Code, prefix, Severity, MessageZh, MessageEn, Value);

    /// <summary>The same issue carrying the value that failed the check (kept out of the messages).</summary>
    /// <param name="value">The value.</param>
    /// <returns>A new issue.</returns>
    public ValidationIssue WithValue(string? value) => new(Code, Field, Severity, MessageZh, MessageEn, value);

    /// <summary>Compact text: <c>CODE(field)</c>, the form used in result CSV files.</summary>
    /// <returns>The text.</returns>
    public string ToCompactString() => _compact ??= Field.Length == 0 ? Code : Code + "(" + Field + ")"; // kept: result files write shared issues millions of times

    /// <inheritdoc />
    public bool Equals(ValidationIssue? other) => other is not null
        && string.Equals(Code, other.Code, StringComparison.Ordinal)
        && string.Equals(Field, other.Field, StringComparison.Ordinal)
        && Severity == other.Severity
        && string.Equals(MessageZh, other.MessageZh, StringComparison.Ordinal)
        && string.Equals(MessageEn, other.MessageEn, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ValidationIssue);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Code) ^ StringComparer.Ordinal.GetHashCode(Field);

    /// <inheritdoc />
    public override string ToString() => string.Format(
        CultureInfo.InvariantCulture, "{0} {1} [{2}]: {3} / {4}", Severity, Code, Field, MessageZh, MessageEn);
}
