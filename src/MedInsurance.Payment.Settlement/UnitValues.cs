namespace MedInsurance.Payment.Settlement;

/// <summary>
/// The former name of <see cref="PointValueFormulas"/>, kept internal only because <c>ClearingEngine</c> (being rewritten
/// on another branch) still calls <c>UnitValues.Settlement</c>. Delete this file when the clearing calls
/// <see cref="PointValueFormulas.Settlement"/>.
/// </summary>
internal static class UnitValues
{
    /// <summary>Forwards to <see cref="PointValueFormulas.Settlement"/>.</summary>
    /// <param name="fund">The fund.</param>
    /// <param name="fundPaymentRatio">The fund payment ratio.</param>
    /// <param name="totalUnits">The total points.</param>
    /// <returns>The point value.</returns>
    internal static PointValue Settlement(Money fund, Ratio fundPaymentRatio, decimal totalUnits) =>
        PointValueFormulas.Settlement(fund, fundPaymentRatio, totalUnits);
}
