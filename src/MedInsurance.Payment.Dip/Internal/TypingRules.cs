namespace MedInsurance.Payment.Dip.Internal;

/// <summary>
/// What a profile says about auxiliary typing (age and ICU bands, the severity scheme and the DIP 3.0 draft's stay and
/// high-cost limits), read once when a scorer is built so typing a case reads no profile properties.
/// </summary>
internal readonly struct TypingRules
{
    private TypingRules(DipAuxiliaryBands bands, DipSeverityTyping scheme, int minimumStayDays, decimal highCostMultiple, decimal highCostShare)
    {
        Bands = bands;
        Scheme = scheme;
        MinimumStayDays = minimumStayDays;
        HighCostMultiple = highCostMultiple;
        HighCostShare = highCostShare;
    }

    /// <summary>The default profile's rules: default bands, the DIP 1.0 severity scheme.</summary>
    public static TypingRules Default { get; } = Of(new DipPolicyProfile { Name = "default" });

    public DipAuxiliaryBands Bands { get; }

    public DipSeverityTyping Scheme { get; }

    public int MinimumStayDays { get; }

    public decimal HighCostMultiple { get; }

    public decimal HighCostShare { get; }

    public static TypingRules Of(DipPolicyProfile profile) =>
        new(profile.AuxiliaryBands, profile.SeverityTyping, profile.SeverityMinimumStayDays, profile.TumourHighCostMultiple, profile.TumourHighCostShare);
}
