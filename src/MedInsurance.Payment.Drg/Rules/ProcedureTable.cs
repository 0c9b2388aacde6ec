using System;
using System.Collections.Generic;

namespace MedInsurance.Payment.Drg.Rules;

/// <summary>手术表 — one numbered procedure table of an ADRG whose condition needs procedures from several tables.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class ProcedureTable
{
    /// <summary>Creates a table.</summary>
    /// <param name="number">The 1-based table number.</param>
    /// <param name="codes">The procedure codes.</param>
    public ProcedureTable(int number, IEnumerable<string> codes)
    {
        Number = number;
        Codes = CodeLists.Freeze(codes ?? throw new ArgumentNullException(nameof(codes)));
    }

    /// <summary>表号 — the 1-based table number.</summary>
    public int Number { get; }

    /// <summary>手术编码 — the procedure codes, sorted.</summary>
    public IReadOnlyList<string> Codes { get; }
}
