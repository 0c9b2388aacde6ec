using System.Collections.Generic;
using MedInsurance.Payment.Cases;
using MedInsurance.Payment.Dip;

namespace MedInsurance.Payment.Hosting;

/// <summary>
/// DIP分值服务 — scores settlement-list cases with the region's DIP catalog and policy profile (loaded once); the
/// hospital comes from the case's <c>HospitalId</c>. Thread-safe; register as a singleton.
/// </summary>
public interface IDipScoringService
{
    /// <summary>病种目录 — the loaded catalog.</summary>
    DipCatalog Catalog { get; }

    /// <summary>Scores one case.</summary>
    /// <param name="inpatientCase">The case.</param>
    /// <returns>The case result (scored, unmatched or rejected) with its trace.</returns>
    DipCaseResult Score(InpatientCase inpatientCase);

    /// <summary>Scores a batch: one result per case, in input order.</summary>
    /// <param name="cases">The cases.</param>
    /// <returns>The results.</returns>
    IReadOnlyList<DipCaseResult> ScoreBatch(IReadOnlyList<InpatientCase> cases);

    /// <summary>预计支付 — case score × start-of-year point value, rounded to the fen; null without a point value or a score.</summary>
    /// <param name="result">A case result.</param>
    /// <returns>The expected payment.</returns>
    Money? ExpectedPayment(DipCaseResult result);

    /// <summary>
    /// 结算行 — the case's settlement line for clearing (<c>IClearingService.RunYear</c>): its case score as points in
    /// the DIP point system, with the profile's rule for unmatched cases applied; or the coded reasons it has none.
    /// </summary>
    /// <param name="inpatientCase">The case.</param>
    /// <param name="result">Its DIP result from <see cref="Score"/>.</param>
    /// <returns>The pricing result.</returns>
    DipPricingResult Price(InpatientCase inpatientCase, DipCaseResult result);
}
