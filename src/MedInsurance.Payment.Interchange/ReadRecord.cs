using System;
using System.Collections.Generic;
using System.Linq;
using MedInsurance.Payment.Validation;

namespace MedInsurance.Payment.Interchange;

/// <summary>
/// 读入记录 — one input row read from a file: its row number, its id as written, the value when it could be
/// built, and every issue found. A reader yields one <see cref="ReadRecord{T}"/> per data row, never fewer.
/// </summary>
/// <typeparam name="T">The record type.</typeparam>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class ReadRecord<T>
    where T : class
{
    /// <summary>Creates a record.</summary>
    /// <param name="rowNumber">The 1-based data row number (the header is row 0).</param>
    /// <param name="id">The id as written (may be empty).</param>
    /// <param name="value">The value, when it could be built.</param>
    /// <param name="issues">The issues found.</param>
    public ReadRecord(int rowNumber, string id, T? value, IReadOnlyList<ValidationIssue> issues)
    {
        RowNumber = rowNumber;
        Id = id ?? string.Empty;
        Value = value;
        Issues = issues?.ToArray() ?? throw new ArgumentNullException(nameof(issues));
        _rejected = value is null || Issues.Any(i => i.IsError);
    }

    private readonly bool _rejected;

    /// <summary>行号 — the 1-based data row number (the header is row 0).</summary>
    public int RowNumber { get; }

    /// <summary>The id as written in the row (case id, hospital id).</summary>
    public string Id { get; }

    /// <summary>The value, when the row could be built into one (it may still carry errors).</summary>
    public T? Value { get; }

    /// <summary>问题 — every issue found in the row.</summary>
    public IReadOnlyList<ValidationIssue> Issues { get; }

    /// <summary>Whether the row is rejected: no value, or at least one error.</summary>
    public bool IsRejected => _rejected;
}
