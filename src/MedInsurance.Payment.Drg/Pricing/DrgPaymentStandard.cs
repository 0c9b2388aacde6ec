namespace MedInsurance.Payment.Drg.Pricing;

/// <summary>
/// 支付标准 — the DRG payment standard of a group at a hospital: relative weight (权重, RW) × base rate (费率) ×
/// adjustment coefficient (调整系数: hospital level or other), payment-rules.md §2. The one place this formula lives.
/// </summary>
/// <remarks>
/// <para>Worked example: RW 1.5 × base rate 10 000 × coefficient 1.1 = 16 500.00 yuan.</para>
/// <para>The result is exact (<see cref="UnroundedMoney"/>); the caller rounds it at its own named step. Pure and
/// thread-safe.</para>
/// </remarks>
public static class DrgPaymentStandard
{
    /// <summary>Computes the payment standard RW × base rate × adjustment coefficient, not rounded.</summary>
    /// <param name="weight">权重 — the group's relative weight (RW).</param>
    /// <param name="baseRate">费率 — yuan per unit of weight.</param>
    /// <param name="coefficient">调整系数 — the hospital's adjustment coefficient (<see cref="Coefficient.One"/> for none).</param>
    /// <returns>支付标准 — the exact payment standard in yuan.</returns>
    /// <exception cref="System.OverflowException">When the product does not fit in a <see cref="decimal"/>.</exception>
    public static UnroundedMoney Compute(RelativeWeight weight, PointValue baseRate, Coefficient coefficient) =>
        new(weight.Value * baseRate.Yuan * coefficient.Value);
}
