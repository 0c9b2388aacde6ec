using System;
using MedInsurance.Payment.Methods;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// 支付方式组合依赖注入 — registers a method mix in a host: <c>services.AddMethodMix("/data/mix-2026.json")</c>. The host
/// gets <see cref="MethodMixPolicy"/>, <see cref="MethodRouter"/> and <see cref="MethodPricing"/> as singletons (TryAdd:
/// the first registration wins). The mix is loaded and validated when first resolved.
/// </summary>
public static class MethodsServiceCollectionExtensions
{
    /// <summary>Adds the method mix from a file or an embedded mix name.</summary>
    /// <param name="services">The services.</param>
    /// <param name="mixFileOrName">The mix JSON file, or an embedded name (<see cref="MethodMixPolicyLoader.EmbeddedNames"/>).</param>
    /// <returns>The same services.</returns>
    public static IServiceCollection AddMethodMix(this IServiceCollection services, string mixFileOrName)
    {
        if (services is null)
        {
            throw new ArgumentNullException(nameof(services));
        }

        if (string.IsNullOrWhiteSpace(mixFileOrName))
        {
            throw new ArgumentException("A method-mix file or embedded name is required.", nameof(mixFileOrName));
        }

        services.TryAddSingleton(_ => MethodMixPolicyLoader.Load(mixFileOrName));
        services.TryAddSingleton(sp => new MethodRouter(sp.GetRequiredService<MethodMixPolicy>()));
        services.TryAddSingleton(sp => new MethodPricing(sp.GetRequiredService<MethodMixPolicy>()));
        return services;
    }
}
