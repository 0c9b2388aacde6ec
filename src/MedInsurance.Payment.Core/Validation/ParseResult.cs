using System;
using System.Collections.Generic;
using System.Linq;

namespace MedInsurance.Payment.Validation;

/// <summary>
/// 解析结果 — the result of reading untrusted input: a value, or the issues that explain why there is none.
/// Warnings may accompany a successful value.
/// </summary>
/// <typeparam name="T">The value type.</typeparam>
/// <remarks>Modelled on NodaTime's <c>ParseResult&lt;T&gt;</c>. Immutable and thread-safe when <typeparamref name="T"/> is.</remarks>
public sealed class ParseResult<T>
{
    private static readonly IReadOnlyList<ValidationIssue> NoIssues = Array.Empty<ValidationIssue>();
    private readonly T? _value;

    private ParseResult(T? value, bool success, IReadOnlyList<ValidationIssue> issues)
    {
        _value = value;
        Success = success;
        Issues = issues;
    }

    /// <summary>Whether a value was read.</summary>
    public bool Success { get; }

    /// <summary>问题 — the issues (errors when <see cref="Success"/> is false; possibly warnings otherwise).</summary>
    public IReadOnlyList<ValidationIssue> Issues { get; }

    /// <summary>The value.</summary>
    /// <exception cref="InvalidOperationException">When there is no value; read <see cref="Issues"/> first.</exception>
    public T Value => Success ? _value! : throw new InvalidOperationException("No value: " + Describe());

    /// <summary>A successful result.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The result.</returns>
    public static ParseResult<T> Ok(T value) => new(value, true, NoIssues);

    /// <summary>A successful result with warnings.</summary>
    /// <param name="value">The value.</param>
    /// <param name="warnings">Non-error issues.</param>
    /// <returns>The result.</returns>
    public static ParseResult<T> Ok(T value, IReadOnlyList<ValidationIssue> warnings) =>
        new(value, true, warnings?.ToArray() ?? throw new ArgumentNullException(nameof(warnings)));

    /// <summary>A failed result.</summary>
    /// <param name="issues">At least one issue explaining the failure.</param>
    /// <returns>The result.</returns>
    public static ParseResult<T> Fail(IReadOnlyList<ValidationIssue> issues)
    {
        if (issues is null || issues.Count == 0)
        {
            throw new ArgumentException("A failed result needs at least one issue.", nameof(issues));
        }

        return new ParseResult<T>(default, false, issues.ToArray());
    }

    /// <summary>A failed result with one issue.</summary>
    /// <param name="issue">The issue.</param>
    /// <returns>The result.</returns>
    public static ParseResult<T> Fail(ValidationIssue issue) =>
        Fail(new[] { issue ?? throw new ArgumentNullException(nameof(issue)) });

    /// <summary>The value, or an exception that lists every issue (for callers who prefer exceptions).</summary>
    /// <returns>The value.</returns>
    /// <exception cref="FormatException">When there is no value.</exception>
    public T GetValueOrThrow() => Success ? _value! : throw new FormatException(Describe());

    /// <summary>Tries to get the value.</summary>
    /// <param name="value">The value when successful.</param>
    /// <returns>Whether there is a value.</returns>
    public bool TryGetValue(out T value)
    {
        value = _value!;
        return Success;
    }

    private string Describe() => string.Join("; ", Issues.Select(i => i.ToCompactString() + ": " + i.MessageEn));
}
