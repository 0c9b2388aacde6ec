using System;
using System.Linq;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace MedInsurance.Payment.Hosting;

/// <summary>
/// 支付部件注册 — how a package adds its part to <see cref="IMedInsurancePaymentBuilder"/> in one call: its options class
/// (bound from its configuration sub-section, then configured in code), its options validator (normally
/// source-generated with <c>[OptionsValidator]</c>), and the service loaded from the validated options. Adding a payment
/// method is one extension method in the method's own package that calls this; nothing here names a method.
/// </summary>
public static class PaymentPartRegistration
{
    /// <summary>
    /// Registers a part: binds <typeparamref name="TOptions"/> from <c>Configuration:&lt;sectionName&gt;</c> (when the builder has a
    /// configuration), applies <paramref name="configure"/>, checks the options with <typeparamref name="TValidator"/> and
    /// then loads the service with <paramref name="load"/> when the host starts (<c>ValidateOnStart</c>) — a failure of
    /// either stops the start with the key <c>SectionPath:sectionName</c> and the loader's message (file, line, field) —
    /// and registers <typeparamref name="TService"/> as a singleton built from that same load.
    /// </summary>
    /// <typeparam name="TOptions">The part's options (配置).</typeparam>
    /// <typeparam name="TValidator">The part's options validator.</typeparam>
    /// <typeparam name="TService">The service the host resolves.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <param name="sectionName">The part's configuration sub-section, e.g. <c>Drg</c>.</param>
    /// <param name="configure">Sets options in code (after the configuration), or null.</param>
    /// <param name="load">Loads the part's files into its service; throws with file, line and field on a bad file.</param>
    /// <returns>The same builder.</returns>
    public static IMedInsurancePaymentBuilder AddPart<TOptions, TValidator, TService>(
        this IMedInsurancePaymentBuilder builder, string sectionName, Action<TOptions>? configure, Func<TOptions, TService> load)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>, new()
        where TService : class
    {
        if (builder is null)
        {
            throw new ArgumentNullException(nameof(builder));
        }

        if (string.IsNullOrWhiteSpace(sectionName))
        {
            throw new ArgumentException("A part needs its configuration section name.", nameof(sectionName));
        }

        if (load is null)
        {
            throw new ArgumentNullException(nameof(load));
        }

        var services = builder.Services;
        var options = services.AddOptions<TOptions>();
        var first = !services.Any(d => d.ServiceType == typeof(PartLoad<TOptions, TService>));
        if (first && builder.Configuration is { } configuration)
        {
            options.Bind(configuration.GetSection(sectionName));
        }

        if (configure is not null)
        {
            options.Configure(configure);
        }

        if (first)
        {
            var key = builder.SectionPath + ":" + sectionName;
            options.ValidateOnStart();
            services.AddSingleton(_ => new PartLoad<TOptions, TService>(key, load));
            services.AddSingleton<IValidateOptions<TOptions>>(sp => new PartValidator<TOptions, TValidator, TService>(sp.GetRequiredService<PartLoad<TOptions, TService>>()));
            services.TryAddSingleton(sp => sp.GetRequiredService<PartLoad<TOptions, TService>>().Get(sp.GetRequiredService<IOptions<TOptions>>().Value));
        }

        return builder;
    }
}
