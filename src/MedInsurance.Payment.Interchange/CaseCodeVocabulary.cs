using System;
using System.Collections.Generic;

namespace MedInsurance.Payment.Interchange;

/// <summary>
/// 病例代码词表 — a dictionary's diagnosis and procedure codes with a tag each, handed to the case reader so that one
/// lookup gives both the code and its tag (<see cref="KnownCodeTable{T}"/>), and the reader notes the tags of each row's
/// codes for a checker on the same thread (<see cref="CaseCodeHints"/>). Records are the same with or without a
/// vocabulary. Immutable; one serves every converting thread.
/// </summary>
internal sealed class CaseCodeVocabulary
{
    /// <summary>Builds the vocabulary.</summary>
    /// <param name="diagnoses">Diagnosis codes and their tags.</param>
    /// <param name="procedures">Procedure codes and their tags.</param>
    public CaseCodeVocabulary(IEnumerable<KeyValuePair<string, ulong>> diagnoses, IEnumerable<KeyValuePair<string, ulong>> procedures)
    {
        Diagnoses = new KnownCodeTable<DiagnosisCode>(diagnoses ?? throw new ArgumentNullException(nameof(diagnoses)), ReadDiagnosis);
        Procedures = new KnownCodeTable<ProcedureCode>(procedures ?? throw new ArgumentNullException(nameof(procedures)), ReadProcedure);
    }

    /// <summary>The diagnosis codes.</summary>
    public KnownCodeTable<DiagnosisCode> Diagnoses { get; }

    /// <summary>The procedure codes.</summary>
    public KnownCodeTable<ProcedureCode> Procedures { get; }

    // The reader's own parse (CaseCsvReader reads each code with Read): a code is held only when it would read the same.
    private static DiagnosisCode? ReadDiagnosis(string text) => DiagnosisCode.Read(text, "diagnoses") is { Success: true } r ? r.Value : null;

    private static ProcedureCode? ReadProcedure(string text) => ProcedureCode.Read(text, "procedures") is { Success: true } r ? r.Value : null;
}
