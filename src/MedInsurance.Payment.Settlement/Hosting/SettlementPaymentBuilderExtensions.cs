using System;
using MedInsurance.Payment.Hosting;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// 清算注册 — <c>services.AddMedInsurancePayment().AddSettlement(o =&gt; …)</c>: the annual clearing as
/// <see cref="IClearingService"/>, from the section <c>MedInsurancePayment:Settlement</c> and/or code.
/// </summary>
public static class SettlementPaymentBuilderExtensions
{
    /// <summary>Adds <see cref="IClearingService"/>; its policy and hospitals load when the host starts.</summary>
    /// <param name="builder">The builder from <c>AddMedInsurancePayment</c>.</param>
    /// <param name="configure">Sets the options in code (after the configuration), or null.</param>
    /// <returns>The same builder.</returns>
    public static IMedInsurancePaymentBuilder AddSettlement(this IMedInsurancePaymentBuilder builder, Action<SettlementOptions>? configure = null) =>
        builder.AddPart<SettlementOptions, SettlementOptionsValidator, IClearingService>("Settlement", configure, ClearingServiceLoader.Load);
}
