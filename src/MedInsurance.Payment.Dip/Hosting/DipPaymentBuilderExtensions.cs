using System;
using MedInsurance.Payment.Hosting;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// DIP注册 — <c>services.AddMedInsurancePayment().AddDip(o =&gt; …)</c>: DIP grouping and case scores as
/// <see cref="IDipScoringService"/>, from the section <c>MedInsurancePayment:Dip</c> and/or code.
/// </summary>
public static class DipPaymentBuilderExtensions
{
    /// <summary>Adds <see cref="IDipScoringService"/>; its catalog, profile, lists and hospitals load when the host starts.</summary>
    /// <param name="builder">The builder from <c>AddMedInsurancePayment</c>.</param>
    /// <param name="configure">Sets the options in code (after the configuration), or null.</param>
    /// <returns>The same builder.</returns>
    public static IMedInsurancePaymentBuilder AddDip(this IMedInsurancePaymentBuilder builder, Action<DipOptions>? configure = null) =>
        builder.AddPart<DipOptions, DipOptionsValidator, IDipScoringService>("Dip", configure, DipServiceLoader.Load);
}
