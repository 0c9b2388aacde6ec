using System;
using MedInsurance.Payment.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// 依赖注入注册 — registers MedInsurance.Payment in a host: <c>services.AddMedInsurancePayment(o =&gt; o.Drg.RulesFolder = …)</c>
/// (the demo region: <c>services.AddDemoRegion()</c> in the package MedInsurance.Payment.Demo).
/// </summary>
/// <remarks>
/// The host sees three singletons: <see cref="IDrgGroupingService"/>, <see cref="IDipScoringService"/> and
/// <see cref="IClearingService"/>. Rule packs, catalogs and policies are loaded once from the configured files, when the host starts (ValidateOnStart): a missing or malformed file stops the start with
/// the configuration key and the file's own message (file, line or row);
/// every registration uses TryAdd, so calling the methods twice or combining them is safe.
/// </remarks>
public static class MedInsurancePaymentServiceCollectionExtensions
{
    /// <summary>Adds DRG grouping, DIP scoring and clearing, configured in code.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The same services.</returns>
    public static IServiceCollection AddMedInsurancePayment(this IServiceCollection services, Action<MedInsurancePaymentOptions> configure)
    {
        if (configure is null)
        {
            throw new ArgumentNullException(nameof(configure));
        }

        services.AddOptions<MedInsurancePaymentOptions>().Configure(configure);
        return services.AddDrgGrouping(null).AddDipScoring(null).AddClearing(null);
    }

    /// <summary>Adds DRG grouping, DIP scoring and clearing, bound from a configuration section
    /// (normally <c>configuration.GetSection("MedInsurancePayment")</c>).</summary>
    /// <param name="services">The services.</param>
    /// <param name="section">The configuration section.</param>
    /// <returns>The same services.</returns>
    public static IServiceCollection AddMedInsurancePayment(this IServiceCollection services, IConfiguration section)
    {
        if (section is null)
        {
            throw new ArgumentNullException(nameof(section));
        }

        services.AddOptions<MedInsurancePaymentOptions>().Bind(section);
        return services.AddDrgGrouping(null).AddDipScoring(null).AddClearing(null);
    }

    /// <summary>Adds <see cref="IDrgGroupingService"/> (CHS-DRG grouping and payment standards).</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options, or null when they are configured elsewhere.</param>
    /// <returns>The same services.</returns>
    public static IServiceCollection AddDrgGrouping(this IServiceCollection services, Action<MedInsurancePaymentOptions>? configure = null)
    {
        AddPart<DrgOptionsValidator>(services, configure);
        services.TryAddSingleton<IDrgGroupingService>(sp => sp.GetRequiredService<PaymentDataCache>().Drg(sp.GetRequiredService<IOptions<MedInsurancePaymentOptions>>().Value));
        return services;
    }

    /// <summary>Adds <see cref="IDipScoringService"/> (DIP grouping and case scores).</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options, or null when they are configured elsewhere.</param>
    /// <returns>The same services.</returns>
    public static IServiceCollection AddDipScoring(this IServiceCollection services, Action<MedInsurancePaymentOptions>? configure = null)
    {
        AddPart<DipOptionsValidator>(services, configure);
        services.TryAddSingleton<IDipScoringService>(sp => sp.GetRequiredService<PaymentDataCache>().Dip(sp.GetRequiredService<IOptions<MedInsurancePaymentOptions>>().Value));
        return services;
    }

    /// <summary>Adds <see cref="IClearingService"/> (annual clearing with statements).</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options, or null when they are configured elsewhere.</param>
    /// <returns>The same services.</returns>
    public static IServiceCollection AddClearing(this IServiceCollection services, Action<MedInsurancePaymentOptions>? configure = null)
    {
        AddPart<ClearingOptionsValidator>(services, configure);
        services.TryAddSingleton<IClearingService>(sp => sp.GetRequiredService<PaymentDataCache>().Clearing(sp.GetRequiredService<IOptions<MedInsurancePaymentOptions>>().Value));
        return services;
    }

    private static void AddPart<TValidator>(IServiceCollection services, Action<MedInsurancePaymentOptions>? configure)
        where TValidator : PaymentOptionsValidator
    {
        if (services is null)
        {
            throw new ArgumentNullException(nameof(services));
        }

        var builder = services.AddOptions<MedInsurancePaymentOptions>();
        if (configure is not null)
        {
            builder.Configure(configure);
        }

        builder.ValidateOnStart();
        services.TryAddSingleton<PaymentDataCache>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MedInsurancePaymentOptions>, TValidator>());
    }
}
