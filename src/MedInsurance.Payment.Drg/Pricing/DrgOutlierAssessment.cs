namespace MedInsurance.Payment.Drg.Pricing;

/// <summary>
/// 异常病例判定与支付 — how one priced case was classified and what it is paid, with the numbers that decided it.
/// </summary>
/// <param name="Kind">病例类型 — normal, low, high or incomplete stay.</param>
/// <param name="Rule">支付规则 — the rule that paid it (<see cref="DrgOutlierPaymentRule.Standard"/> for a normal case).</param>
/// <param name="Comparator">比较基准 — the standard or group mean in yuan the cost was compared with.</param>
/// <param name="CostRatio">费用倍率 — cost ÷ comparator, exact.</param>
/// <param name="LowThreshold">低倍界值 (yuan), or null when the policy has none.</param>
/// <param name="HighThreshold">高倍界值 (yuan), or null when the policy has none.</param>
/// <param name="Payment">支付 — in the policy's unit (yuan or points), rounded by the line rounding; for <see cref="DrgOutlierPaymentRule.ByItem"/> the total cost in yuan.</param>
/// <param name="IsMoney">Whether <paramref name="Payment"/> is money (money form, or a by-item case in either form) rather than points.</param>
/// <param name="SpecialReviewCandidate">特例单议候选 — cost at or above the extreme multiple, or a stay at or beyond the long-stay days; the agency decides.</param>
/// <param name="Formula">计算过程 — the classification and payment with their numbers (Chinese).</param>
public sealed record DrgOutlierAssessment(
    DrgCaseKind Kind,
    DrgOutlierPaymentRule Rule,
    decimal Comparator,
    decimal CostRatio,
    decimal? LowThreshold,
    decimal? HighThreshold,
    decimal Payment,
    bool IsMoney,
    bool SpecialReviewCandidate,
    string Formula);
