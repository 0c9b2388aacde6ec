using System;
using System.Collections.Generic;
using System.IO;
using MedInsurance.Payment.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace MedInsurance.Payment.TestSupport;

/// <summary>
/// Builds a host from DI parts (<c>services.AddMedInsurancePayment()…</c>) and runs its start-up validation, as a host's
/// <c>ValidateOnStart</c> does; used by each package's ServiceRegistrationTests.
/// </summary>
public static class PaymentHost
{
    /// <summary>The configuration section the parts bind from.</summary>
    public const string Section = "MedInsurancePayment";

    /// <summary>A provider with the parts configured in code.</summary>
    public static ServiceProvider Build(Action<IMedInsurancePaymentBuilder> parts)
    {
        var services = new ServiceCollection();
        parts(services.AddMedInsurancePayment());
        return services.BuildServiceProvider(validateScopes: true);
    }

    /// <summary>A provider with the parts bound from in-memory configuration (keys like <c>MedInsurancePayment:PerDiem:Policy</c>).</summary>
    public static ServiceProvider Build(IDictionary<string, string?> settings, Action<IMedInsurancePaymentBuilder> parts)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        parts(services.AddMedInsurancePayment(configuration.GetSection(Section)));
        return services.BuildServiceProvider(validateScopes: true);
    }

    /// <summary>Runs the start-up validation (throws when a part fails).</summary>
    public static void Start(IServiceProvider provider) => provider.GetRequiredService<IStartupValidator>().Validate();

    /// <summary>The message the start stops with; fails the test when the start succeeds.</summary>
    public static string StartFailure(IServiceProvider provider) =>
        Assert.Throws<OptionsValidationException>(() => Start(provider)).Message;

    /// <summary>A file of the demo region's data in the repository (src/MedInsurance.Payment.Demo/Data).</summary>
    public static string DemoData(string name) => Path.Combine(SharedData.RepoRoot, "src", "MedInsurance.Payment.Demo", "Data", name);

    /// <summary>Writes a file in a new temporary folder and returns its full path.</summary>
    public static string WriteTemp(string name, string text)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("medpay-di-").FullName, name);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>How many registrations of <paramref name="serviceType"/> the collection holds.</summary>
    public static int Count(IServiceCollection services, Type serviceType)
    {
        var count = 0;
        foreach (var d in services)
        {
            if (d.ServiceType == serviceType)
            {
                count++;
            }
        }

        return count;
    }
}
