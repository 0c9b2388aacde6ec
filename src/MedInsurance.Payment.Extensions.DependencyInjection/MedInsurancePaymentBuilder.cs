using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace MedInsurance.Payment.Hosting;

/// <summary>The builder <c>AddMedInsurancePayment</c> returns: the services and where the parts' options come from.</summary>
internal sealed class MedInsurancePaymentBuilder : IMedInsurancePaymentBuilder
{
    public MedInsurancePaymentBuilder(IServiceCollection services, IConfiguration? configuration, string sectionPath)
    {
        Services = services;
        Configuration = configuration;
        SectionPath = sectionPath;
    }

    public IServiceCollection Services { get; }

    public IConfiguration? Configuration { get; }

    public string SectionPath { get; }
}
