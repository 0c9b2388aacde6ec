using MedInsurance.Payment.Drg.Rules;

namespace MedInsurance.Payment.Drg.Grouping;

/// <summary>An MDC in kernel form: its rule, letter, ADRG indexes in text order, and where the medical ADRGs (R–Z) start.</summary>
internal sealed class CompiledMdc
{
    public CompiledMdc(MdcRule rule, int[] adrgs, int medicalStart)
    {
        Rule = rule;
        Letter = rule.Letter;
        Adrgs = adrgs;
        MedicalStart = medicalStart;
    }

    public MdcRule Rule { get; }

    public char Letter { get; }

    public int[] Adrgs { get; }

    public int MedicalStart { get; }
}
