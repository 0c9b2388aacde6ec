namespace MedInsurance.Payment.Monitoring;

/// <summary>
/// 病情严重程度结构偏移 — the upcoding signal of one hospital, which does not accuse: the share of its cases in DRGs with
/// complications (细分位 1 MCC or 3 CC, against 5) compared with what its own ADRG mix would show at its level's peers'
/// severity shares (indirect standardisation), and at its own previous year's shares; z from the binomial variance of
/// the expected counts. The ADRGs that drive it are listed; their cases go to review (复核病例). Immutable.
/// </summary>
public sealed class SeverityShiftRow
{
    internal SeverityShiftRow(string hospitalId, string level, long cases, long observedSevere, decimal expectedSevere, decimal? zPeers,
        long previousCases, long previousObservedSevere, decimal? previousExpectedSevere, decimal? zPrevious, string drivers)
    {
        HospitalId = hospitalId;
        Level = level;
        Cases = cases;
        ObservedSevere = observedSevere;
        ExpectedSevere = expectedSevere;
        ZPeers = zPeers;
        PreviousCases = previousCases;
        PreviousObservedSevere = previousObservedSevere;
        PreviousExpectedSevere = previousExpectedSevere;
        ZPrevious = zPrevious;
        Drivers = drivers;
    }

    /// <summary>医疗机构 — the hospital id.</summary>
    public string HospitalId { get; }

    /// <summary>级别 — the level.</summary>
    public string Level { get; }

    /// <summary>病例数 — the hospital's cases in split ADRGs that its peers also treat.</summary>
    public long Cases { get; }

    /// <summary>实际伴并发症例数 — of those, cases in a DRG ending 1 or 3.</summary>
    public long ObservedSevere { get; }

    /// <summary>期望伴并发症例数 — Σ over ADRGs of cases × the peers' severe share (the hospital itself left out).</summary>
    public decimal ExpectedSevere { get; }

    /// <summary>Z值（同级） — (observed − expected) ÷ √Σ cases × p × (1 − p); null when the variance is zero.</summary>
    public decimal? ZPeers { get; }

    /// <summary>可比病例数（本年） — this year's cases in ADRGs the hospital also had last year.</summary>
    public long PreviousCases { get; }

    /// <summary>实际伴并发症例数（可比） — of those, severe.</summary>
    public long PreviousObservedSevere { get; }

    /// <summary>期望伴并发症例数（上年结构） — expected at the hospital's own previous-year shares, or null without a previous year.</summary>
    public decimal? PreviousExpectedSevere { get; }

    /// <summary>Z值（上年） — against its own previous year, or null.</summary>
    public decimal? ZPrevious { get; }

    /// <summary>驱动病组 — the ADRGs with the largest excess (observed − expected), <c>ADRG:+excess</c> joined by <c>|</c>.</summary>
    public string Drivers { get; }
}
