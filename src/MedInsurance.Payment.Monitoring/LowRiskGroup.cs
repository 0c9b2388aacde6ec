namespace MedInsurance.Payment.Monitoring;

/// <summary>
/// 低风险组 — a group of the region with its mortality and whether it is low-risk: no deaths, or ln(mortality) below the
/// mean minus k SDs of the ln(mortality) of the groups with deaths. Immutable.
/// </summary>
public sealed class LowRiskGroup
{
    internal LowRiskGroup(string group, long cases, long deaths, bool lowRisk)
    {
        Group = group;
        Cases = cases;
        Deaths = deaths;
        LowRisk = lowRisk;
    }

    /// <summary>病组 — the group.</summary>
    public string Group { get; }

    /// <summary>病例数 — the region's cases.</summary>
    public long Cases { get; }

    /// <summary>死亡数 — the region's deaths.</summary>
    public long Deaths { get; }

    /// <summary>死亡率 — deaths ÷ cases.</summary>
    public decimal Mortality => Cases == 0 ? 0m : (decimal)Deaths / Cases;

    /// <summary>是否低风险组.</summary>
    public bool LowRisk { get; }
}
