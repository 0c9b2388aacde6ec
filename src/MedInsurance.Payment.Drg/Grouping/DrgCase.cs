using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;
using MedInsurance.Payment.Cases;
using MedInsurance.Payment.Validation;

namespace MedInsurance.Payment.Drg.Grouping;

/// <summary>
/// 已编码病例 — a case prepared for one grouper: codes interned to the kernel's integer ids, duplicates removed, input
/// issues found. Prepare once (<see cref="DrgGrouper.Prepare(MedInsurance.Payment.Cases.InpatientCase)"/>), group many times without allocating.
/// </summary>
/// <remarks>Immutable and thread-safe. Valid only with the grouper that prepared it.</remarks>
public sealed class DrgCase
{
    internal DrgCase(
        DrgGrouper owner,
        InpatientCase source,
        int mainDiagnosis,
        int[] diagnoses,
        int mainProcedure,
        int[] procedures,
        IReadOnlyList<ValidationIssue> issues)
    {
        Owner = owner;
        Source = source;
        MainDiagnosis = mainDiagnosis;
        Diagnoses = diagnoses;
        MainProcedure = mainProcedure;
        Procedures = procedures;
        Issues = issues.Count == 0 ? NoIssues : new ReadOnlyCollection<ValidationIssue>(issues.ToArray());
        for (var i = 0; i < issues.Count && !IsRejected; i++)
        {
            IsRejected = issues[i].IsError;
        }
        Sex = source.Sex;
        AgeYears = source.AgeYears;
        AgeDays = source.AgeDays ?? -1;
        BirthWeight = source.BirthWeightGrams ?? -1;
    }

    /// <summary>The one empty issue list of cases and results without issues (immutable, shared).</summary>
    internal static readonly ReadOnlyCollection<ValidationIssue> NoIssues = new(Array.Empty<ValidationIssue>());

    /// <summary>病例 — the case as read.</summary>
    public InpatientCase Source { get; }

    /// <summary>病例号 — the case id.</summary>
    public string CaseId => Source.CaseId;

    /// <summary>输入问题 — issues found while preparing; errors reject the case.</summary>
    public IReadOnlyList<ValidationIssue> Issues { get; }

    /// <summary>是否拒收 — whether the input has errors, so the case is not grouped.</summary>
    public bool IsRejected { get; }

    internal DrgGrouper Owner { get; }

    internal int MainDiagnosis { get; }

    /// <summary>All known diagnosis ids, main first, without duplicates.</summary>
    internal int[] Diagnoses { get; }

    internal int MainProcedure { get; }

    /// <summary>All known procedure ids, main first, without duplicates.</summary>
    internal int[] Procedures { get; }

    internal Sex Sex { get; }

    internal int AgeYears { get; }

    internal int AgeDays { get; }

    internal int BirthWeight { get; }
}
