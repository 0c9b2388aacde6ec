using System;
using MedInsurance.Payment.Hosting;
using MedInsurance.Payment.Methods;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// 支付方式组合注册 — <c>services.AddMedInsurancePayment().AddMethodMix(o =&gt; o.Mix = "/data/mix-2026.json")</c>: the
/// mix as <see cref="MethodMixPolicy"/>, with <see cref="MethodRouter"/> and <see cref="MethodPricing"/> over it (all
/// immutable, thread-safe singletons), from the section <c>MedInsurancePayment:MethodMix</c> and/or code.
/// </summary>
public static class MethodMixPaymentBuilderExtensions
{
    /// <summary>Adds <see cref="MethodMixPolicy"/>, <see cref="MethodRouter"/> and <see cref="MethodPricing"/> with the options from the configuration section only; the mix (and
    /// the per-diem policy it names) loads and is validated when the host starts (a bad file stops the start with the file,
    /// line and field).</summary>
    /// <param name="builder">The builder from <c>AddMedInsurancePayment</c>.</param>
    /// <returns>The same builder.</returns>
    public static IMedInsurancePaymentBuilder AddMethodMix(this IMedInsurancePaymentBuilder builder) => builder.AddMethodMix(configure: null);

    /// <summary>Adds <see cref="MethodMixPolicy"/>, <see cref="MethodRouter"/> and <see cref="MethodPricing"/>; the mix (and
    /// the per-diem policy it names) loads and is validated when the host starts (a bad file stops the start with the file,
    /// line and field).</summary>
    /// <param name="builder">The builder from <c>AddMedInsurancePayment</c>.</param>
    /// <param name="configure">Sets the options in code (after the configuration), or null.</param>
    /// <returns>The same builder.</returns>
    public static IMedInsurancePaymentBuilder AddMethodMix(this IMedInsurancePaymentBuilder builder, Action<MethodMixOptions>? configure)
    {
        builder.AddPart<MethodMixOptions, MethodMixOptionsValidator, MethodMixPolicy>("MethodMix", configure, o => MethodMixPolicyLoader.Load(o.Mix!));
        AddRouting(builder.Services);
        return builder;
    }

    /// <summary>Adds a mix the host built or loaded itself, with its router and pricing (TryAdd: the first registration
    /// of the mix wins).</summary>
    /// <param name="builder">The builder from <c>AddMedInsurancePayment</c>.</param>
    /// <param name="mix">The mix.</param>
    /// <returns>The same builder.</returns>
    public static IMedInsurancePaymentBuilder AddMethodMix(this IMedInsurancePaymentBuilder builder, MethodMixPolicy mix)
    {
        if (builder is null)
        {
            throw new ArgumentNullException(nameof(builder));
        }

        builder.Services.TryAddSingleton(mix ?? throw new ArgumentNullException(nameof(mix)));
        AddRouting(builder.Services);
        return builder;
    }

    private static void AddRouting(IServiceCollection services)
    {
        services.TryAddSingleton(sp => new MethodRouter(sp.GetRequiredService<MethodMixPolicy>()));
        services.TryAddSingleton(sp => new MethodPricing(sp.GetRequiredService<MethodMixPolicy>()));
    }
}
