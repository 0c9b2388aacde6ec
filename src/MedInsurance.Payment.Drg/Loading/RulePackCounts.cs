using MedInsurance.Payment.Drg.Rules;

namespace MedInsurance.Payment.Drg.Loading;

/// <summary>规则包表计数 — how many records of each table a rule pack holds.</summary>
/// <param name="Mdc">MDCs (1_MDC).</param>
/// <param name="Adrg">ADRGs with conditions (4_ADRG_DETAIL).</param>
/// <param name="Drg">DRGs (3_DRG).</param>
/// <param name="Mcc">MCC codes (5_MCC).</param>
/// <param name="Cc">CC codes (6_CC).</param>
/// <param name="ExclusionTables">Exclusion tables (7_CCE).</param>
public sealed record RulePackCounts(int Mdc, int Adrg, int Drg, int Mcc, int Cc, int ExclusionTables)
{
    /// <summary>The counts of a loaded pack.</summary>
    /// <param name="pack">The pack.</param>
    /// <returns>The counts.</returns>
    public static RulePackCounts Of(RulePack pack)
    {
        var mcc = 0;
        var cc = 0;
        foreach (var c in (pack ?? throw new System.ArgumentNullException(nameof(pack))).Complications.Values)
        {
            if (c.Level == ComplicationLevel.Mcc)
            {
                mcc++;
            }
            else
            {
                cc++;
            }
        }

        return new RulePackCounts(pack.Mdcs.Count, pack.Adrgs.Count, pack.Drgs.Count, mcc, cc, pack.ExclusionTables.Count);
    }
}
