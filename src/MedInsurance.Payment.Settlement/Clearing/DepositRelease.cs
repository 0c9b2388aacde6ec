namespace MedInsurance.Payment.Settlement;

/// <summary>年终清拨 — the amount due, the deposit released and the clearing transfer of one hospital.</summary>
/// <param name="AmountDue">清算应拨 — annual settled − Σ monthly pre-settlements − working advance.</param>
/// <param name="Released">返还质量保证金 — round(Σ deposit × release share).</param>
/// <param name="Forfeited">扣留质量保证金 — Σ deposit − released.</param>
/// <param name="Transfer">清算拨付 — amount due + released (negative: the hospital refunds).</param>
public sealed record ClearingTransferOutcome(Money AmountDue, Money Released, Money Forfeited, Money Transfer);

/// <summary>
/// 保证金返还与清算拨付 — payment-rules.md §5: amount due = annual payable − monthly pre-settlements − advances; release the
/// quality deposit by the assessment score (2025 handling rules art. 26 "结合考核评价情况在年度清算进行拨付"). Over the year
/// a hospital then receives Σ(pre-settlement − deposit) + advance + transfer = annual settled − forfeited. Usable on its own.
/// </summary>
/// <remarks>Pure; thread-safe.</remarks>
public static class DepositRelease
{
    /// <summary>Computes the year-end transfer.</summary>
    /// <param name="annualSettled">年度清算应付.</param>
    /// <param name="monthlyPreSettlements">Σ monthly pre-settlements (before the deposit).</param>
    /// <param name="workingAdvance">预付周转金.</param>
    /// <param name="depositWithheld">Σ deposit held back.</param>
    /// <param name="releaseShare">The share released for the assessment score.</param>
    /// <param name="rounding">The rule of the <see cref="RoundingStep.DepositRelease"/> step.</param>
    /// <returns>The outcome.</returns>
    public static ClearingTransferOutcome Apply(Money annualSettled, Money monthlyPreSettlements, Money workingAdvance, Money depositWithheld, Ratio releaseShare, RoundingRule rounding)
    {
        var due = annualSettled - monthlyPreSettlements - workingAdvance;
        var released = depositWithheld.Multiply(releaseShare.Value).Round(rounding);
        return new ClearingTransferOutcome(due, released, depositWithheld - released, due + released);
    }
}
