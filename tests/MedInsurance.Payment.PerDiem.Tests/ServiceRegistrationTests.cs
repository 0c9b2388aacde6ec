using System;
using System.Collections.Generic;
using MedInsurance.Payment.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static MedInsurance.Payment.TestSupport.PaymentHost;

namespace MedInsurance.Payment.PerDiem.Tests;

/// <summary><c>builder.AddPerDiem(…)</c>: the policy and its calculator, loaded and validated at start.</summary>
public sealed class ServiceRegistrationTests
{
    private const string Example = "example-perdiem-2025";

    [Fact]
    public void An_embedded_policy_named_in_code_gives_the_policy_and_its_calculator()
    {
        using var provider = Build(b => b.AddPerDiem(o => o.Policy = Example));
        Start(provider);
        var policy = provider.GetRequiredService<PerDiemPolicy>();
        Assert.Equal(Example, policy.Id);
        Assert.Same(policy, provider.GetRequiredService<PerDiemCalculator>().Policy);
        Assert.Same(policy, provider.GetRequiredService<PerDiemPolicy>());
    }

    [Fact]
    public void A_policy_file_binds_from_the_configuration_section()
    {
        var file = WriteTemp("perdiem.json", PerDiemPolicyLoader.Embedded.Read(Example)!.Replace("\"id\": \"" + Example + "\"", "\"id\": \"from-file\"", StringComparison.Ordinal));
        using var provider = Build(new Dictionary<string, string?> { ["MedInsurancePayment:PerDiem:Policy"] = file }, b => b.AddPerDiem());
        Start(provider);
        Assert.Equal(file, provider.GetRequiredService<IOptions<PerDiemOptions>>().Value.Policy);
        Assert.Equal("from-file", provider.GetRequiredService<PerDiemPolicy>().Id);
    }

    [Fact]
    public void A_missing_or_unknown_policy_stops_the_start_with_the_key()
    {
        using var missing = Build(b => b.AddPerDiem());
        var error = StartFailure(missing);
        Assert.Contains("MedInsurancePayment:PerDiem: ", error, StringComparison.Ordinal);
        Assert.Contains("Policy is required", error, StringComparison.Ordinal);

        using var unknown = Build(b => b.AddPerDiem(o => o.Policy = "/no/such/perdiem.json"));
        Assert.Contains("MedInsurancePayment:PerDiem: Policy: Policy '/no/such/perdiem.json' is neither an embedded example", StartFailure(unknown), StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_policy_stops_the_start_with_the_key_the_file_and_the_line()
    {
        var file = WriteTemp("perdiem.json", "{\n  \"id\": [1],\n  \"version\": \"1\"\n}\n");
        using var provider = Build(b => b.AddPerDiem(o => o.Policy = file));
        var error = StartFailure(provider);
        Assert.Contains("MedInsurancePayment:PerDiem: the configured files do not load: " + file + ": line 2, field $.id", error, StringComparison.Ordinal);
        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<PerDiemCalculator>());
    }

    [Fact]
    public void Adding_the_part_twice_keeps_one_service_and_a_host_built_policy_can_be_registered()
    {
        var services = new ServiceCollection();
        services.AddMedInsurancePayment().AddPerDiem(o => o.Policy = Example);
        services.AddMedInsurancePayment().AddPerDiem(o => o.Policy = Example);
        Assert.Equal(1, Count(services, typeof(PerDiemPolicy)));
        Assert.Equal(1, Count(services, typeof(PerDiemCalculator)));
        Assert.Equal(1, Count(services, typeof(IValidateOptions<PerDiemOptions>)));

        var own = PerDiemPolicyLoader.LoadEmbedded(Example);
        using var provider = Build(b => b.AddPerDiem(own));
        Assert.Same(own, provider.GetRequiredService<PerDiemPolicy>());
        Assert.Same(own, provider.GetRequiredService<PerDiemCalculator>().Policy);
    }
}
