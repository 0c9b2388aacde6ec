using System;
using MedInsurance.Payment.Hosting;
using MedInsurance.Payment.PerDiem;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// 按床日注册 — <c>services.AddMedInsurancePayment().AddPerDiem(o =&gt; o.Policy = "/data/perdiem-2026.json")</c>: the
/// per-diem policy as <see cref="PerDiemPolicy"/> and its <see cref="PerDiemCalculator"/> (both immutable, thread-safe
/// singletons), from the section <c>MedInsurancePayment:PerDiem</c> and/or code.
/// </summary>
public static class PerDiemPaymentBuilderExtensions
{
    /// <summary>Adds <see cref="PerDiemPolicy"/> and <see cref="PerDiemCalculator"/> with the options from the configuration section only; the policy loads and is validated when
    /// the host starts (a bad policy stops the start with the file, line and field).</summary>
    /// <param name="builder">The builder from <c>AddMedInsurancePayment</c>.</param>
    /// <returns>The same builder.</returns>
    public static IMedInsurancePaymentBuilder AddPerDiem(this IMedInsurancePaymentBuilder builder) => builder.AddPerDiem(configure: null);

    /// <summary>Adds <see cref="PerDiemPolicy"/> and <see cref="PerDiemCalculator"/>; the policy loads and is validated when
    /// the host starts (a bad policy stops the start with the file, line and field).</summary>
    /// <param name="builder">The builder from <c>AddMedInsurancePayment</c>.</param>
    /// <param name="configure">Sets the options in code (after the configuration), or null.</param>
    /// <returns>The same builder.</returns>
    public static IMedInsurancePaymentBuilder AddPerDiem(this IMedInsurancePaymentBuilder builder, Action<PerDiemOptions>? configure)
    {
        builder.AddPart<PerDiemOptions, PerDiemOptionsValidator, PerDiemPolicy>("PerDiem", configure, o => PerDiemPolicyLoader.Load(o.Policy!));
        builder.Services.TryAddSingleton(sp => new PerDiemCalculator(sp.GetRequiredService<PerDiemPolicy>()));
        return builder;
    }

    /// <summary>Adds a per-diem policy the host built or loaded itself, and its calculator (TryAdd: the first
    /// registration of the policy wins).</summary>
    /// <param name="builder">The builder from <c>AddMedInsurancePayment</c>.</param>
    /// <param name="policy">The policy.</param>
    /// <returns>The same builder.</returns>
    public static IMedInsurancePaymentBuilder AddPerDiem(this IMedInsurancePaymentBuilder builder, PerDiemPolicy policy)
    {
        if (builder is null)
        {
            throw new ArgumentNullException(nameof(builder));
        }

        builder.Services.TryAddSingleton(policy ?? throw new ArgumentNullException(nameof(policy)));
        builder.Services.TryAddSingleton(sp => new PerDiemCalculator(sp.GetRequiredService<PerDiemPolicy>()));
        return builder;
    }
}
