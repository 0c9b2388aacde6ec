using System.Collections.Generic;
using MedInsurance.Payment.Settlement;

namespace MedInsurance.Payment.Hosting;

/// <summary>
/// 年度清算服务 — runs a year's clearing for every hospital under the configured policy (loaded once). The run is a
/// pure function of its inputs. Thread-safe; register as a singleton.
/// </summary>
public interface IClearingService
{
    /// <summary>清算方案 — the loaded policy.</summary>
    SettlementPolicy Policy { get; }

    /// <summary>医疗机构 — the hospitals with their clearing parameters.</summary>
    IReadOnlyList<SettlementHospital> Hospitals { get; }

    /// <summary>Runs the annual clearing.</summary>
    /// <param name="lines">The year's settlement lines of every method (each method's pricing writes them, e.g.
    /// <c>DipSettlementPricing</c> for DIP results, <c>DrgSettlementPricing</c> for grouped DRG cases).</param>
    /// <param name="monthlyPayments">Pre-settlements already paid, or null to compute them.</param>
    /// <returns>Per-hospital statements, the region summary and every line's issues.</returns>
    ClearingResult RunYear(IReadOnlyList<SettlementLine> lines, IReadOnlyList<MonthlyPayment>? monthlyPayments = null);
}
