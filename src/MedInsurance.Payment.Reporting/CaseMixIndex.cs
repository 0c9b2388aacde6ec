using System;
using System.Linq;
using MedInsurance.Payment.Settlement;

namespace MedInsurance.Payment.Reporting;

/// <summary>
/// 病例组合指数 (CMI, case-mix index) — the one definition of the report's CMI, per payment method:
/// <list type="bullet">
/// <item><description><b>DRG</b>: CMI = Σ RW ÷ cases, the mean relative weight (相对权重) of the hospital's DRG cases —
/// the weights of the groups, before the hospital coefficient (CHS-DRG 分组与付费技术规范: CMI = Σ(DRG 权重 × 该 DRG 病例数) ÷
/// 总病例数). A region's CMI is about 1 when its weights were calibrated on it.</description></item>
/// <item><description><b>DIP</b>: CMI = (the hospital's Σ case score ÷ its cases) ÷ (the region's Σ case score ÷ the
/// region's cases), the hospital's mean case score (例均分值) over the region's, so the region is exactly 1 and a
/// hospital treating heavier cases than the region's average is above 1. DIP scores have no common scale across
/// regions (a mean score of 1 113 says nothing alone); the ratio to the region's mean does.</description></item>
/// </list>
/// </summary>
/// <remarks>Pure decimal arithmetic, no rounding (the report prints 4 decimals). Thread-safe.</remarks>
public static class CaseMixIndex
{
    /// <summary>
    /// 病例组合指数 — the CMI of one hospital by the definition of <paramref name="method"/> (see the type's summary).
    /// </summary>
    /// <param name="method">DRG or DIP.</param>
    /// <param name="hospitalUnits">The hospital's Σ units over its counted cases: Σ RW (DRG) or Σ case score (DIP).</param>
    /// <param name="hospitalCases">The hospital's counted cases.</param>
    /// <param name="regionUnits">The region's Σ units over every counted case of every hospital (used by DIP only).</param>
    /// <param name="regionCases">The region's counted cases (used by DIP only).</param>
    /// <returns>The CMI, or null without cases (or, for DIP, when the region's mean score is 0).</returns>
    public static decimal? Compute(CaseMixMethod method, decimal hospitalUnits, int hospitalCases, decimal regionUnits, int regionCases)
    {
        if (hospitalCases <= 0)
        {
            return null;
        }

        var hospitalMean = hospitalUnits / hospitalCases;
        if (method == CaseMixMethod.Drg)
        {
            return hospitalMean;
        }

        if (regionCases <= 0 || regionUnits <= 0m)
        {
            return null;
        }

        return hospitalMean / (regionUnits / regionCases);
    }

    /// <summary>The definition as printed beside the report's table, in Chinese (病例组合指数定义).</summary>
    /// <param name="method">DRG or DIP.</param>
    /// <returns>One sentence.</returns>
    public static string DefinitionChinese(CaseMixMethod method) => method == CaseMixMethod.Drg
        ? "CMI（病例组合指数）= 本院DRG病例的平均相对权重（Σ RW ÷ 病例数；权重为病组权重，不乘医院系数）。"
        : "CMI（病例组合指数）= 本院DIP病例例均分值 ÷ 本统筹区全部DIP病例例均分值（统筹区 = 1；分值为结算时的病例分值）。";

    /// <summary>The definition as printed beside the report's table, in English.</summary>
    /// <param name="method">DRG or DIP.</param>
    /// <returns>One sentence.</returns>
    public static string DefinitionEnglish(CaseMixMethod method) => method == CaseMixMethod.Drg
        ? "CMI (case-mix index) = the mean relative weight (RW) of the hospital's DRG cases (Σ RW ÷ cases; the groups' weights, before the hospital coefficient)."
        : "CMI (case-mix index) = the hospital's mean DIP case score ÷ the mean DIP case score of every case in the region (the region is 1; scores as settled).";

    /// <summary>
    /// The method whose CMI a clearing run reports: DRG when every pool's point system is DRG (the report then shows
    /// weights and base rates), otherwise DIP.
    /// </summary>
    /// <param name="result">The clearing result.</param>
    /// <returns>The method.</returns>
    public static CaseMixMethod MethodOf(ClearingResult result)
    {
        if (result is null)
        {
            throw new ArgumentNullException(nameof(result));
        }

        return result.Pools.Count > 0 && result.Pools.All(p => string.Equals(p.PointSystem, SettlementMethods.Drg, StringComparison.OrdinalIgnoreCase))
            ? CaseMixMethod.Drg
            : CaseMixMethod.Dip;
    }
}
