using System;
using System.Collections.Generic;

namespace MedInsurance.Payment.Drg.Rules;

/// <summary>排除表 — a CC exclusion table (表 7-N, 7_CCE.txt): the main diagnoses for which a CC/MCC of this table does not count.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class ExclusionTable
{
    /// <summary>Creates a table.</summary>
    /// <param name="id">The id, e.g. <c>7-1</c>.</param>
    /// <param name="mainDiagnoses">The main diagnoses.</param>
    /// <param name="source">Where the table header was read.</param>
    public ExclusionTable(string id, IEnumerable<string> mainDiagnoses, SourceLocation source)
    {
        Id = id ?? throw new ArgumentNullException(nameof(id));
        MainDiagnoses = CodeLists.Freeze(mainDiagnoses ?? throw new ArgumentNullException(nameof(mainDiagnoses)));
        Source = source;
    }

    /// <summary>表号 — the id, e.g. <c>7-1</c>.</summary>
    public string Id { get; }

    /// <summary>主要诊断 — the main diagnoses that cancel CCs of this table, sorted.</summary>
    public IReadOnlyList<string> MainDiagnoses { get; }

    /// <summary>出处 — where the table header was read.</summary>
    public SourceLocation Source { get; }
}
