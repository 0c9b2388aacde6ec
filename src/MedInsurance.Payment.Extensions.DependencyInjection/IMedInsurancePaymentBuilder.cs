using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace MedInsurance.Payment.Hosting;

/// <summary>
/// 医保支付注册构建器 — what <c>services.AddMedInsurancePayment()</c> returns. Each package adds its own part to it in one
/// call (<c>.AddDrg(…)</c> in MedInsurance.Payment.Drg, <c>.AddDip(…)</c> in MedInsurance.Payment.Dip,
/// <c>.AddSettlement(…)</c> in MedInsurance.Payment.Settlement, …) through <see cref="PaymentPartRegistration.AddPart{TOptions, TValidator, TService}"/>.
/// </summary>
public interface IMedInsurancePaymentBuilder
{
    /// <summary>The host's services.</summary>
    IServiceCollection Services { get; }

    /// <summary>配置节 — the configuration section each part binds its own sub-section from (e.g. <c>MedInsurancePayment</c>,
    /// whose <c>Drg</c> sub-section binds the DRG options), or null when everything is configured in code.</summary>
    IConfiguration? Configuration { get; }

    /// <summary>配置键前缀 — the key that start-up messages name before a part's section, e.g. <c>MedInsurancePayment</c>
    /// (the configuration section's path, or <c>MedInsurancePayment</c> when configured in code).</summary>
    string SectionPath { get; }
}
