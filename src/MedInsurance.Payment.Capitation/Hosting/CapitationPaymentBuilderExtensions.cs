using System;
using MedInsurance.Payment.Capitation;
using MedInsurance.Payment.Consortium;
using MedInsurance.Payment.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// 按人头付费、医共体打包付费注册 — <c>services.AddMedInsurancePayment().AddCapitation(o =&gt; o.PolicyFile = …)</c> and
/// <c>.AddConsortium(o =&gt; o.PolicyFile = …)</c>: <see cref="ICapitationService"/> and <see cref="IConsortiumService"/>
/// from the sections <c>MedInsurancePayment:Capitation</c> and <c>MedInsurancePayment:Consortium</c> and/or code.
/// </summary>
public static class CapitationPaymentBuilderExtensions
{
    /// <summary>Adds <see cref="ICapitationService"/> with the options from the configuration section only; its policy loads and is validated when the host starts (a bad policy
    /// stops the start with the file, line and field).</summary>
    /// <param name="builder">The builder from <c>AddMedInsurancePayment</c>.</param>
    /// <returns>The same builder.</returns>
    public static IMedInsurancePaymentBuilder AddCapitation(this IMedInsurancePaymentBuilder builder) => builder.AddCapitation(configure: null);

    /// <summary>Adds <see cref="ICapitationService"/>; its policy loads and is validated when the host starts (a bad policy
    /// stops the start with the file, line and field).</summary>
    /// <param name="builder">The builder from <c>AddMedInsurancePayment</c>.</param>
    /// <param name="configure">Sets the options in code (after the configuration), or null.</param>
    /// <returns>The same builder.</returns>
    public static IMedInsurancePaymentBuilder AddCapitation(this IMedInsurancePaymentBuilder builder, Action<CapitationOptions>? configure) =>
        builder.AddPart<CapitationOptions, CapitationOptionsValidator, ICapitationService>(
            "Capitation", configure, o => new CapitationService(CapitationPolicyLoader.LoadFile(o.PolicyFile!)));

    /// <summary>Adds <see cref="ICapitationService"/> over a policy the host built or loaded itself (TryAdd: the first
    /// registration wins).</summary>
    /// <param name="builder">The builder from <c>AddMedInsurancePayment</c>.</param>
    /// <param name="policy">The validated policy.</param>
    /// <returns>The same builder.</returns>
    public static IMedInsurancePaymentBuilder AddCapitation(this IMedInsurancePaymentBuilder builder, CapitationPolicy policy)
    {
        if (builder is null)
        {
            throw new ArgumentNullException(nameof(builder));
        }

        builder.Services.TryAddSingleton<ICapitationService>(new CapitationService(policy ?? throw new ArgumentNullException(nameof(policy))));
        return builder;
    }

    /// <summary>Adds <see cref="IConsortiumService"/> with the options from the configuration section only; its policy loads and is validated when the host starts (a bad policy
    /// stops the start with the file, line and field).</summary>
    /// <param name="builder">The builder from <c>AddMedInsurancePayment</c>.</param>
    /// <returns>The same builder.</returns>
    public static IMedInsurancePaymentBuilder AddConsortium(this IMedInsurancePaymentBuilder builder) => builder.AddConsortium(configure: null);

    /// <summary>Adds <see cref="IConsortiumService"/>; its policy loads and is validated when the host starts (a bad policy
    /// stops the start with the file, line and field).</summary>
    /// <param name="builder">The builder from <c>AddMedInsurancePayment</c>.</param>
    /// <param name="configure">Sets the options in code (after the configuration), or null.</param>
    /// <returns>The same builder.</returns>
    public static IMedInsurancePaymentBuilder AddConsortium(this IMedInsurancePaymentBuilder builder, Action<ConsortiumOptions>? configure) =>
        builder.AddPart<ConsortiumOptions, ConsortiumOptionsValidator, IConsortiumService>(
            "Consortium", configure, o => new ConsortiumService(ConsortiumPolicyLoader.LoadFile(o.PolicyFile!)));

    /// <summary>Adds <see cref="IConsortiumService"/> over a policy the host built or loaded itself (TryAdd: the first
    /// registration wins).</summary>
    /// <param name="builder">The builder from <c>AddMedInsurancePayment</c>.</param>
    /// <param name="policy">The validated policy.</param>
    /// <returns>The same builder.</returns>
    public static IMedInsurancePaymentBuilder AddConsortium(this IMedInsurancePaymentBuilder builder, ConsortiumPolicy policy)
    {
        if (builder is null)
        {
            throw new ArgumentNullException(nameof(builder));
        }

        builder.Services.TryAddSingleton<IConsortiumService>(new ConsortiumService(policy ?? throw new ArgumentNullException(nameof(policy))));
        return builder;
    }
}
