using MedInsurance.Payment.Drg.Grouping;

namespace MedInsurance.Payment.Hosting;

/// <summary>
/// DRG支付标准测算 — a case's DRG, its weight and its payment standard (RW × base rate × coefficient, rounded to the
/// fen once, 四舍五入).
/// </summary>
/// <param name="Grouping">The grouping result with its trace.</param>
/// <param name="Weight">权重 — the DRG's relative weight, or null when the DRG has none in the weight table (not listed, or listed with an empty weight).</param>
/// <param name="PaymentStandard">支付标准 — the payment standard, or null without a weight or base rate.</param>
public sealed record DrgPaymentEstimate(DrgResult Grouping, RelativeWeight? Weight, Money? PaymentStandard);
