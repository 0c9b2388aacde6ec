using System;
using MedInsurance.Payment.Hosting;
using Microsoft.Extensions.Configuration;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// 依赖注入注册 — the entry point for hosts: <c>services.AddMedInsurancePayment()</c> returns a builder to which each
/// payment package adds its part (<c>.AddDrg(o =&gt; …)</c>, <c>.AddDip(…)</c>, <c>.AddSettlement(…)</c>, …); the demo region
/// is <c>.AddDemoRegion()</c> in the package MedInsurance.Payment.Demo, never a dependency of this one.
/// </summary>
/// <remarks>
/// Every part loads its configured files once, when the host starts (<c>ValidateOnStart</c>): a missing or malformed file
/// stops the start with the configuration key, the file and its line; the services are built from that same load.
/// Registrations use TryAdd, so adding a part twice keeps one service (both configurations apply, in order).
/// </remarks>
public static class MedInsurancePaymentServiceCollectionExtensions
{
    /// <summary>The default configuration section name, <c>MedInsurancePayment</c>.</summary>
    public const string DefaultSectionName = "MedInsurancePayment";

    /// <summary>Starts the registration with every part configured in code.</summary>
    /// <param name="services">The services.</param>
    /// <returns>The builder each package adds its part to.</returns>
    public static IMedInsurancePaymentBuilder AddMedInsurancePayment(this IServiceCollection services)
    {
        if (services is null)
        {
            throw new ArgumentNullException(nameof(services));
        }

        return new MedInsurancePaymentBuilder(services, null, DefaultSectionName);
    }

    /// <summary>Starts the registration with the parts bound from a configuration section (normally
    /// <c>configuration.GetSection("MedInsurancePayment")</c>): each part binds its own sub-section (<c>Drg</c>, <c>Dip</c>,
    /// <c>Settlement</c>, …); options set in code after it override the configuration.</summary>
    /// <param name="services">The services.</param>
    /// <param name="section">The configuration section.</param>
    /// <returns>The builder each package adds its part to.</returns>
    public static IMedInsurancePaymentBuilder AddMedInsurancePayment(this IServiceCollection services, IConfiguration section)
    {
        if (services is null)
        {
            throw new ArgumentNullException(nameof(services));
        }

        if (section is null)
        {
            throw new ArgumentNullException(nameof(section));
        }

        var path = section is IConfigurationSection named && !string.IsNullOrEmpty(named.Path) ? named.Path : DefaultSectionName;
        return new MedInsurancePaymentBuilder(services, section, path);
    }
}
