using System;
using MedInsurance.Payment.Hosting;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// DRG注册 — <c>services.AddMedInsurancePayment().AddDrg(o =&gt; …)</c>: CHS-DRG grouping and payment standards as
/// <see cref="IDrgGroupingService"/>, from the section <c>MedInsurancePayment:Drg</c> and/or code.
/// </summary>
public static class DrgPaymentBuilderExtensions
{
    /// <summary>Adds <see cref="IDrgGroupingService"/>; its rule pack and weight table load when the host starts.</summary>
    /// <param name="builder">The builder from <c>AddMedInsurancePayment</c>.</param>
    /// <param name="configure">Sets the options in code (after the configuration), or null.</param>
    /// <returns>The same builder.</returns>
    public static IMedInsurancePaymentBuilder AddDrg(this IMedInsurancePaymentBuilder builder, Action<DrgOptions>? configure = null) =>
        builder.AddPart<DrgOptions, DrgOptionsValidator, IDrgGroupingService>("Drg", configure, DrgServiceLoader.Load);
}
