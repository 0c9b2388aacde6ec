namespace MedInsurance.Payment.Drg.Grouping;

/// <summary>Why a case was not grouped: the compact reason a <see cref="DrgOutcome"/> carries.</summary>
internal static class OutcomeReason
{
    public const byte None = 0;
    public const byte NoMdc = 1;
    public const byte Sex = 2;
    public const byte NoAdrg = 3;
    public const byte NoDrg = 4;
}
