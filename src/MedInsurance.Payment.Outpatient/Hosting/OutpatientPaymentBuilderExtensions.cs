using System;
using MedInsurance.Payment.Hosting;
using MedInsurance.Payment.Outpatient;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// 门诊支付注册 — <c>services.AddMedInsurancePayment().AddTreatmentCombinations(o =&gt; …)</c> (按诊疗组合: a
/// <see cref="CombinationGrouper"/> and its <see cref="CombinationTable"/>, section <c>MedInsurancePayment:TreatmentCombinations</c>)
/// and <c>.AddChronicDiseases(o =&gt; …)</c> (门诊慢特病: a <see cref="ChronicCalculator"/> and its <see cref="ChronicPolicy"/>,
/// section <c>MedInsurancePayment:ChronicDiseases</c>); all thread-safe singletons loaded when the host starts.
/// </summary>
public static class OutpatientPaymentBuilderExtensions
{
    /// <summary>Adds <see cref="CombinationGrouper"/> and <see cref="CombinationTable"/>; the table and the hospitals load when
    /// the host starts (a bad table or hospital row stops the start with the file, line or row and field).</summary>
    /// <param name="builder">The builder from <c>AddMedInsurancePayment</c>.</param>
    /// <param name="configure">Sets the options in code (after the configuration), or null.</param>
    /// <returns>The same builder.</returns>
    public static IMedInsurancePaymentBuilder AddTreatmentCombinations(this IMedInsurancePaymentBuilder builder, Action<TreatmentCombinationOptions>? configure = null)
    {
        builder.AddPart<TreatmentCombinationOptions, TreatmentCombinationOptionsValidator, CombinationGrouper>("TreatmentCombinations", configure, OutpatientServiceLoader.LoadCombinations);
        builder.Services.TryAddSingleton(sp => sp.GetRequiredService<CombinationGrouper>().Table);
        return builder;
    }

    /// <summary>Adds <see cref="ChronicCalculator"/> and <see cref="ChronicPolicy"/>; the policy and the certifications load
    /// when the host starts (a bad policy or certification row stops the start with the file, line or row and field).</summary>
    /// <param name="builder">The builder from <c>AddMedInsurancePayment</c>.</param>
    /// <param name="configure">Sets the options in code (after the configuration), or null.</param>
    /// <returns>The same builder.</returns>
    public static IMedInsurancePaymentBuilder AddChronicDiseases(this IMedInsurancePaymentBuilder builder, Action<ChronicDiseaseOptions>? configure = null)
    {
        builder.AddPart<ChronicDiseaseOptions, ChronicDiseaseOptionsValidator, ChronicCalculator>("ChronicDiseases", configure, OutpatientServiceLoader.LoadChronic);
        builder.Services.TryAddSingleton(sp => sp.GetRequiredService<ChronicCalculator>().Policy);
        return builder;
    }
}
