using System;

namespace MedInsurance.Payment.Cases;

/// <summary>
/// Which code lists of a case hold one string instance per code text (a reader that took every code of the list from one
/// dictionary table, whose entries each keep their own text): in such a list two codes are equal exactly when their texts
/// are the same object, so <see cref="InpatientCaseValidator"/> finds a repeated code by reference, without reading the
/// texts (docs/performance.md, change 43).
/// </summary>
[Flags]
internal enum InternedCodes
{
    /// <summary>Equal codes may be different strings: compared by value.</summary>
    None = 0,

    /// <summary>The main and secondary diagnoses.</summary>
    Diagnoses = 1,

    /// <summary>The main and other procedures.</summary>
    Procedures = 2,
}
