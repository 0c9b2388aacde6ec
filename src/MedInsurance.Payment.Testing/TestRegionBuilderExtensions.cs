using System;
using MedInsurance.Payment.Hosting;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// 测试宿主注册 — <c>services.AddMedInsurancePayment().AddTestRegion()</c>: the DRG, DIP and settlement parts on the demo
/// region's files, as a host's own tests register them (the same start-up validation and loading as production).
/// </summary>
public static class TestRegionBuilderExtensions
{
    /// <summary>Adds the demo region and the DRG, DIP and settlement parts; later calls (e.g. <c>.AddDip(o =&gt; …)</c>) may change their options.</summary>
    /// <param name="builder">The builder from <c>AddMedInsurancePayment</c>.</param>
    /// <returns>The same builder.</returns>
    public static IMedInsurancePaymentBuilder AddTestRegion(this IMedInsurancePaymentBuilder builder)
    {
        if (builder is null)
        {
            throw new ArgumentNullException(nameof(builder));
        }

        return builder.AddDemoRegion().AddDrg().AddDip().AddSettlement();
    }
}
