using System;

namespace MedInsurance.Payment.Drg.Rules;

/// <summary>并发症或合并症 — a secondary diagnosis that is a CC or MCC, and the exclusion table (表 7-N) that cancels it.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class ComplicationRule
{
    /// <summary>Creates a rule.</summary>
    /// <param name="code">The diagnosis code.</param>
    /// <param name="level">CC or MCC.</param>
    /// <param name="exclusionTable">The exclusion table id such as <c>7-1</c>, or null when the text says 无.</param>
    /// <param name="source">Where it was read.</param>
    public ComplicationRule(string code, ComplicationLevel level, string? exclusionTable, SourceLocation source)
    {
        Code = code ?? throw new ArgumentNullException(nameof(code));
        Level = level;
        ExclusionTable = exclusionTable;
        Source = source;
    }

    /// <summary>诊断编码 — the diagnosis code.</summary>
    public string Code { get; }

    /// <summary>级别 — CC or MCC.</summary>
    public ComplicationLevel Level { get; }

    /// <summary>排除表 — the exclusion table id (<c>7-N</c>), or null when none.</summary>
    public string? ExclusionTable { get; }

    /// <summary>出处 — where it was read.</summary>
    public SourceLocation Source { get; }
}
