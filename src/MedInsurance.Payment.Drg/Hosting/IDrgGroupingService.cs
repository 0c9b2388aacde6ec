using System.Collections.Generic;
using MedInsurance.Payment.Cases;
using MedInsurance.Payment.Drg.Grouping;
using MedInsurance.Payment.Drg.Pricing;

namespace MedInsurance.Payment.Hosting;

/// <summary>
/// DRG分组服务 — groups settlement-list cases with the region's CHS-DRG rule pack (loaded once) and estimates the
/// payment standard. Thread-safe; register as a singleton.
/// </summary>
public interface IDrgGroupingService
{
    /// <summary>分组方案版本 — the edition of the loaded rule pack.</summary>
    string Edition { get; }

    /// <summary>Groups one case, with its trace.</summary>
    /// <param name="inpatientCase">The case.</param>
    /// <returns>The grouping result (grouped, ambiguous, ungroupable or rejected with coded issues).</returns>
    DrgResult Group(InpatientCase inpatientCase);

    /// <summary>Groups a batch: one result per case, in input order.</summary>
    /// <param name="cases">The cases.</param>
    /// <returns>The results.</returns>
    IReadOnlyList<DrgResult> GroupBatch(IReadOnlyList<InpatientCase> cases);

    /// <summary>Groups a case and prices it: payment standard = RW × base rate × hospital coefficient.</summary>
    /// <param name="inpatientCase">The case.</param>
    /// <param name="hospitalCoefficient">医院系数 — the hospital's adjustment coefficient (1 when none).</param>
    /// <returns>The estimate; without a weight table it carries the grouping only.</returns>
    DrgPaymentEstimate Estimate(InpatientCase inpatientCase, Coefficient hospitalCoefficient);

    /// <summary>
    /// 结算行 — groups the case and writes its settlement line for clearing (<c>IClearingService.RunYear</c>): DRG
    /// points = RW × the hospital's coefficient in the DRG point system (the base rate is the pool's value at clearing);
    /// or the coded reasons it has none (not grouped, no weight, no discharge date …).
    /// </summary>
    /// <param name="inpatientCase">The case.</param>
    /// <param name="hospitalCoefficient">医院系数 — the hospital's adjustment coefficient.</param>
    /// <returns>The pricing result.</returns>
    DrgPricingResult Price(InpatientCase inpatientCase, Coefficient hospitalCoefficient);
}
