using System;
using MedInsurance.Payment.Hosting;
using MedInsurance.Payment.QualityControl;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// 结算清单质控注册 — <c>services.AddMedInsurancePayment().AddSettlementListQualityControl(o =&gt; { o.ProfileFile = …;
/// o.DictionaryFolder = …; })</c>: the settlement-list checker as a <see cref="QcChecker"/> singleton (immutable,
/// thread-safe), from the section <c>MedInsurancePayment:QualityControl</c> and/or code.
/// </summary>
public static class QualityControlPaymentBuilderExtensions
{
    /// <summary>Adds <see cref="QcChecker"/> with the options from the configuration section only; the profile, its lists and
    /// the dictionary load when the host starts.</summary>
    /// <param name="builder">The builder from <c>AddMedInsurancePayment</c>.</param>
    /// <returns>The same builder.</returns>
    public static IMedInsurancePaymentBuilder AddSettlementListQualityControl(this IMedInsurancePaymentBuilder builder) => builder.AddSettlementListQualityControl(configure: null);

    /// <summary>Adds <see cref="QcChecker"/>; the profile, its lists and the dictionary load when the host starts (a corrupt
    /// file stops the start with the file, line and field).</summary>
    /// <param name="builder">The builder from <c>AddMedInsurancePayment</c>.</param>
    /// <param name="configure">Sets the options in code (after the configuration), or null.</param>
    /// <returns>The same builder.</returns>
    public static IMedInsurancePaymentBuilder AddSettlementListQualityControl(this IMedInsurancePaymentBuilder builder, Action<QualityControlOptions>? configure) =>
        builder.AddPart<QualityControlOptions, QualityControlOptionsValidator, QcChecker>("QualityControl", configure, Load);

    /// <summary>Adds a checker the host built itself (TryAdd: the first registration wins).</summary>
    /// <param name="builder">The builder from <c>AddMedInsurancePayment</c>.</param>
    /// <param name="checker">The checker.</param>
    /// <returns>The same builder.</returns>
    public static IMedInsurancePaymentBuilder AddSettlementListQualityControl(this IMedInsurancePaymentBuilder builder, QcChecker checker)
    {
        if (builder is null)
        {
            throw new ArgumentNullException(nameof(builder));
        }

        builder.Services.TryAddSingleton(checker ?? throw new ArgumentNullException(nameof(checker)));
        return builder;
    }

    private static QcChecker Load(QualityControlOptions options) =>
        new(QcProfile.Load(options.ProfileFile!), options.DictionaryFolder is { Length: > 0 } folder ? QcCodeDictionary.Load(folder, options.Edition) : null);
}
