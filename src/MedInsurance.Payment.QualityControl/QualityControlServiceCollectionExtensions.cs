using System;
using MedInsurance.Payment.QualityControl;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// 结算清单质控依赖注入 — registers the settlement-list checker in a host:
/// <c>services.AddSettlementListQualityControl("/data/qc-profile.json", "/data/codes-2.0", "yb2.0")</c>. The host gets the
/// <see cref="QcChecker"/> (immutable, thread-safe) as a singleton (TryAdd: the first registration wins); the profile, its
/// lists and the dictionary are loaded and validated when it is first resolved.
/// </summary>
public static class QualityControlServiceCollectionExtensions
{
    /// <summary>Adds the checker from a QC profile file and, optionally, a dictionary folder.</summary>
    /// <param name="services">The services.</param>
    /// <param name="profileFile">The QC profile JSON (docs/quality-control.md); its lists are read beside it.</param>
    /// <param name="dictionaryFolder">The folder of the edition's dictionaries, or null to check without a dictionary.</param>
    /// <param name="edition"><c>yb2.0</c> (医保版 2.0, with gray codes and crosswalks) or <c>yb1.0</c>.</param>
    /// <returns>The same services.</returns>
    public static IServiceCollection AddSettlementListQualityControl(this IServiceCollection services, string profileFile, string? dictionaryFolder, string edition)
    {
        if (services is null)
        {
            throw new ArgumentNullException(nameof(services));
        }

        if (string.IsNullOrWhiteSpace(profileFile))
        {
            throw new ArgumentException("A QC profile file is required.", nameof(profileFile));
        }

        services.TryAddSingleton(_ => new QcChecker(QcProfile.Load(profileFile), dictionaryFolder is null ? null : QcCodeDictionary.Load(dictionaryFolder, edition)));
        return services;
    }

    /// <summary>Adds a checker built by the host.</summary>
    /// <param name="services">The services.</param>
    /// <param name="checker">The checker.</param>
    /// <returns>The same services.</returns>
    public static IServiceCollection AddSettlementListQualityControl(this IServiceCollection services, QcChecker checker)
    {
        if (services is null)
        {
            throw new ArgumentNullException(nameof(services));
        }

        services.TryAddSingleton(checker ?? throw new ArgumentNullException(nameof(checker)));
        return services;
    }
}
