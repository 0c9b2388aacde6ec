using System;
using MedInsurance.Payment.Accounts;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// 个人账户依赖注入 — registers the personal-account profile in a host: <c>services.AddPersonalAccounts("/data/accounts.json")</c>.
/// The host gets the <see cref="AccountPolicy"/> as a singleton (TryAdd: the first registration wins) and calls the pure
/// functions (<see cref="AccountCreditFormulas"/>, <see cref="AccountPosting"/>, <see cref="OutpatientPooling"/>) with it.
/// The profile is loaded and validated when first resolved.
/// </summary>
public static class AccountsServiceCollectionExtensions
{
    /// <summary>Adds the personal-account profile from a JSON file.</summary>
    /// <param name="services">The services.</param>
    /// <param name="policyFile">The profile file (docs/accounts.md).</param>
    /// <returns>The same services.</returns>
    public static IServiceCollection AddPersonalAccounts(this IServiceCollection services, string policyFile)
    {
        if (services is null)
        {
            throw new ArgumentNullException(nameof(services));
        }

        if (string.IsNullOrWhiteSpace(policyFile))
        {
            throw new ArgumentException("An account profile file is required.", nameof(policyFile));
        }

        services.TryAddSingleton(_ => AccountPolicyLoader.LoadFile(policyFile));
        return services;
    }

    /// <summary>Adds a personal-account profile built or loaded by the host.</summary>
    /// <param name="services">The services.</param>
    /// <param name="policy">The profile.</param>
    /// <returns>The same services.</returns>
    public static IServiceCollection AddPersonalAccounts(this IServiceCollection services, AccountPolicy policy)
    {
        if (services is null)
        {
            throw new ArgumentNullException(nameof(services));
        }

        services.TryAddSingleton(policy ?? throw new ArgumentNullException(nameof(policy)));
        return services;
    }
}
