using System;
using MedInsurance.Payment.PerDiem;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// 按床日依赖注入 — registers per-diem payment in a host: <c>services.AddPerDiemPayment("/data/perdiem-2026.json")</c>.
/// The host gets <see cref="PerDiemPolicy"/> and <see cref="PerDiemCalculator"/> as singletons (TryAdd: the first
/// registration wins). The policy is loaded and validated when the calculator is first resolved.
/// </summary>
public static class PerDiemServiceCollectionExtensions
{
    /// <summary>Adds per-diem payment from a policy file or an embedded policy name.</summary>
    /// <param name="services">The services.</param>
    /// <param name="policyFileOrName">The policy JSON file, or an embedded name (<see cref="PerDiemPolicyLoader.EmbeddedNames"/>).</param>
    /// <returns>The same services.</returns>
    public static IServiceCollection AddPerDiemPayment(this IServiceCollection services, string policyFileOrName)
    {
        if (services is null)
        {
            throw new ArgumentNullException(nameof(services));
        }

        if (string.IsNullOrWhiteSpace(policyFileOrName))
        {
            throw new ArgumentException("A per-diem policy file or embedded name is required.", nameof(policyFileOrName));
        }

        services.TryAddSingleton(_ => PerDiemPolicyLoader.Load(policyFileOrName));
        services.TryAddSingleton(sp => new PerDiemCalculator(sp.GetRequiredService<PerDiemPolicy>()));
        return services;
    }

    /// <summary>Adds per-diem payment with a policy built or loaded by the host.</summary>
    /// <param name="services">The services.</param>
    /// <param name="policy">The policy.</param>
    /// <returns>The same services.</returns>
    public static IServiceCollection AddPerDiemPayment(this IServiceCollection services, PerDiemPolicy policy)
    {
        if (services is null)
        {
            throw new ArgumentNullException(nameof(services));
        }

        if (policy is null)
        {
            throw new ArgumentNullException(nameof(policy));
        }

        services.TryAddSingleton(policy);
        services.TryAddSingleton(sp => new PerDiemCalculator(sp.GetRequiredService<PerDiemPolicy>()));
        return services;
    }
}
