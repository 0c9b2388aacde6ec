namespace MedInsurance.Payment.Settlement;

/// <summary>
/// 预拨条款 — the monthly pre-settlement terms: advance ratio, quality deposit rate and form, and the rounding rules of
/// the two named steps. Taken from a policy with <see cref="SettlementPolicy.AdvanceTerms"/>, or built directly by a
/// method (capitation, a consortium) that pays monthly on its own.
/// </summary>
/// <param name="AdvanceRatio">预拨比例 — e.g. 0.9, or 1 for "pay the full amount less the deposit".</param>
/// <param name="DepositRate">质量保证金比例 — withheld from the advance (0 with <see cref="DepositForm.UnpaidRemainder"/>).</param>
/// <param name="Form">The deposit form.</param>
/// <param name="PreSettlementRounding">The rule of the <see cref="RoundingStep.MonthlyPreSettlement"/> step.</param>
/// <param name="DepositRounding">The rule of the <see cref="RoundingStep.QualityDeposit"/> step.</param>
public sealed record AdvanceTerms(Ratio AdvanceRatio, Ratio DepositRate, DepositForm Form, RoundingRule PreSettlementRounding, RoundingRule DepositRounding);
