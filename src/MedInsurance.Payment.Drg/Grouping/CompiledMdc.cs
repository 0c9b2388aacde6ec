using MedInsurance.Payment.Cases;
using MedInsurance.Payment.Drg.Rules;

namespace MedInsurance.Payment.Drg.Grouping;

/// <summary>An MDC in kernel form: its rule, ADRG indexes in text order, where the medical ADRGs start, and the edition's
/// prose rules for it (<see cref="EditionConventions"/>) resolved once.</summary>
internal sealed class CompiledMdc
{
    public CompiledMdc(MdcRule rule, int[] adrgs, int medicalStart, EditionConventions conventions)
    {
        Rule = rule;
        Adrgs = adrgs;
        MedicalStart = medicalStart;
        ProcedureOnly = System.Linq.Enumerable.Contains(conventions.ProcedureOnlyMdcs, rule.Code);
        RequiredSex = conventions.RequiredSex.TryGetValue(rule.Code, out var required) ? required : Sex.Unknown;
        ImpliedSex = conventions.ImpliedSex.TryGetValue(rule.Code, out var implied) ? implied : Sex.Unknown;
        InfantOnly = System.Linq.Enumerable.Contains(conventions.InfantMdcs, rule.Code);
        MinimumTraumaRegions = string.Equals(conventions.MultipleTraumaMdc, rule.Code, System.StringComparison.Ordinal) ? conventions.MultipleTraumaMinimumRegions : 0;
        AmbiguousCode = conventions.AmbiguousGroupCode(rule.Code);
    }

    public MdcRule Rule { get; }

    public int[] Adrgs { get; }

    public int MedicalStart { get; }

    /// <summary>No main-diagnosis table: decided by procedures alone (MDCA in 1.1).</summary>
    public bool ProcedureOnly { get; }

    public Sex RequiredSex { get; }

    public Sex ImpliedSex { get; }

    /// <summary>Admits age 0 years only (MDCP in 1.1).</summary>
    public bool InfantOnly { get; }

    /// <summary>Trauma regions needed (MDCZ in 1.1: 2); 0 when the MDC is not the multiple-trauma one.</summary>
    public int MinimumTraumaRegions { get; }

    public string AmbiguousCode { get; }
}
