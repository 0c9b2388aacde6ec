using System;
using System.Collections.Generic;
using System.IO;
using MedInsurance.Payment.Hosting;
using MedInsurance.Payment.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static MedInsurance.Payment.TestSupport.PaymentHost;

namespace MedInsurance.Payment.Monitoring.Tests;

/// <summary><c>builder.AddMonitoring(…)</c>: the thresholds as a <see cref="MonitoringProfile"/>, loaded and checked at start.</summary>
public sealed class ServiceRegistrationTests
{
    private static string DefaultJson => File.ReadAllText(Path.Combine(SharedData.RepoRoot, "src", "MedInsurance.Payment.Monitoring", "Profiles", "monitoring-default.json"));

    [Fact]
    public void Without_options_the_national_default_is_registered()
    {
        using var provider = Build(b => b.AddMonitoring());
        Start(provider);
        var profile = provider.GetRequiredService<MonitoringProfile>();
        Assert.Same(MonitoringProfile.Default, profile);
        Assert.Equal("national-default", profile.Name);
    }

    [Fact]
    public void A_profile_file_named_in_code_or_in_the_configuration_section_is_loaded()
    {
        var file = WriteTemp("monitoring.json", DefaultJson.Replace("\"national-default\"", "\"region-2026\"", StringComparison.Ordinal));
        using var code = Build(b => b.AddMonitoring(o => o.Profile = file));
        Start(code);
        Assert.Equal("region-2026", code.GetRequiredService<MonitoringProfile>().Name);

        using var configured = Build(new Dictionary<string, string?> { ["MedInsurancePayment:Monitoring:Profile"] = file }, b => b.AddMonitoring());
        Start(configured);
        Assert.Equal(file, configured.GetRequiredService<IOptions<MonitoringOptions>>().Value.Profile);
        Assert.Equal("region-2026", configured.GetRequiredService<MonitoringProfile>().Name);
    }

    [Fact]
    public void An_empty_or_unknown_profile_stops_the_start_with_the_key()
    {
        using var empty = Build(b => b.AddMonitoring(o => o.Profile = null));
        var error = StartFailure(empty);
        Assert.Contains("MedInsurancePayment:Monitoring: ", error, StringComparison.Ordinal);
        Assert.Contains("Profile is required", error, StringComparison.Ordinal);

        using var unknown = Build(b => b.AddMonitoring(o => o.Profile = "/no/such/monitoring.json"));
        Assert.Contains("MedInsurancePayment:Monitoring: Profile: Profile '/no/such/monitoring.json' is neither national-default nor an existing file.", StartFailure(unknown), StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_profile_stops_the_start_with_the_key_the_file_and_the_field()
    {
        var file = WriteTemp("monitoring.json", "{\n  \"name\": \"x\",\n  \"colour\": 1\n}\n");
        using var provider = Build(b => b.AddMonitoring(o => o.Profile = file));
        var error = StartFailure(provider);
        Assert.Contains("MedInsurancePayment:Monitoring: the configured files do not load: monitoring.json, colour: unknown field", error, StringComparison.Ordinal);
        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<MonitoringProfile>());
    }

    [Fact]
    public void Adding_the_part_twice_keeps_one_profile()
    {
        var services = new ServiceCollection();
        services.AddMedInsurancePayment().AddMonitoring();
        services.AddMedInsurancePayment().AddMonitoring();
        Assert.Equal(1, Count(services, typeof(MonitoringProfile)));
        Assert.Equal(1, Count(services, typeof(IValidateOptions<MonitoringOptions>)));
    }
}
