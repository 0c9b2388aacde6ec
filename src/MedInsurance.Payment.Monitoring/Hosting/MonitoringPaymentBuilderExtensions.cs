using System;
using MedInsurance.Payment.Hosting;
using MedInsurance.Payment.Monitoring;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// 智能监管注册 — <c>services.AddMedInsurancePayment().AddMonitoring(o =&gt; o.Profile = "/data/monitoring-2026.json")</c>:
/// the thresholds as a <see cref="MonitoringProfile"/> singleton (immutable), from the section
/// <c>MedInsurancePayment:Monitoring</c> and/or code. A <see cref="SupervisionMonitor"/> is one pass over a region's cases
/// and not thread-safe, so the host creates one per run: <c>new SupervisionMonitor(profile)</c>.
/// </summary>
public static class MonitoringPaymentBuilderExtensions
{
    /// <summary>Adds <see cref="MonitoringProfile"/>; a profile file loads and is checked when the host starts (a bad file
    /// stops the start with the file and field).</summary>
    /// <param name="builder">The builder from <c>AddMedInsurancePayment</c>.</param>
    /// <param name="configure">Sets the options in code (after the configuration), or null.</param>
    /// <returns>The same builder.</returns>
    public static IMedInsurancePaymentBuilder AddMonitoring(this IMedInsurancePaymentBuilder builder, Action<MonitoringOptions>? configure = null) =>
        builder.AddPart<MonitoringOptions, MonitoringOptionsValidator, MonitoringProfile>("Monitoring", configure, Load);

    private static MonitoringProfile Load(MonitoringOptions options) =>
        string.Equals(options.Profile, MonitoringOptions.DefaultProfile, StringComparison.Ordinal) ? MonitoringProfile.Default : MonitoringProfile.Load(options.Profile!);
}
