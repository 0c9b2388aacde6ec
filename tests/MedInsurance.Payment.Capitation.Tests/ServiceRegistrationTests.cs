using System;
using System.Collections.Generic;
using MedInsurance.Payment.Consortium;
using MedInsurance.Payment.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static MedInsurance.Payment.TestSupport.PaymentHost;

namespace MedInsurance.Payment.Capitation.Tests;

/// <summary><c>builder.AddCapitation(…)</c> and <c>.AddConsortium(…)</c>: the services over their policies, loaded and validated at start.</summary>
public sealed class ServiceRegistrationTests
{
    private static readonly string CapitationFile = DemoData("capitation-policy.json");
    private static readonly string ConsortiumFile = DemoData("consortium-policy.json");

    [Fact]
    public void Policies_named_in_code_give_both_services()
    {
        using var provider = Build(b => b.AddCapitation(o => o.PolicyFile = CapitationFile).AddConsortium(o => o.PolicyFile = ConsortiumFile));
        Start(provider);
        var capitation = provider.GetRequiredService<ICapitationService>();
        Assert.Equal("demo-capitation-2026", capitation.Policy.Id);
        Assert.Same(capitation, provider.GetRequiredService<ICapitationService>());
        Assert.Equal("demo-consortium-2026", provider.GetRequiredService<IConsortiumService>().Policy.Id);
    }

    [Fact]
    public void Policy_files_bind_from_the_configuration_sections()
    {
        using var provider = Build(
            new Dictionary<string, string?>
            {
                ["MedInsurancePayment:Capitation:PolicyFile"] = CapitationFile,
                ["MedInsurancePayment:Consortium:PolicyFile"] = ConsortiumFile,
            },
            b => b.AddCapitation().AddConsortium());
        Start(provider);
        Assert.Equal(CapitationFile, provider.GetRequiredService<IOptions<CapitationOptions>>().Value.PolicyFile);
        Assert.Equal(ConsortiumFile, provider.GetRequiredService<IOptions<ConsortiumOptions>>().Value.PolicyFile);
        Assert.Equal("demo-capitation-2026", provider.GetRequiredService<ICapitationService>().Policy.Id);
        Assert.Equal("demo-consortium-2026", provider.GetRequiredService<IConsortiumService>().Policy.Id);
    }

    [Fact]
    public void A_missing_policy_stops_the_start_with_the_key()
    {
        using var capitation = Build(b => b.AddCapitation());
        var error = StartFailure(capitation);
        Assert.Contains("MedInsurancePayment:Capitation: ", error, StringComparison.Ordinal);
        Assert.Contains("PolicyFile is required", error, StringComparison.Ordinal);

        using var consortium = Build(b => b.AddConsortium(o => o.PolicyFile = "/no/such/consortium.json"));
        Assert.Contains("MedInsurancePayment:Consortium: PolicyFile: file not found: /no/such/consortium.json", StartFailure(consortium), StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_policy_stops_the_start_with_the_key_the_file_and_the_line()
    {
        var file = WriteTemp("policy.json", "{\n  \"id\": [1],\n  \"version\": \"1\"\n}\n");
        using var capitation = Build(b => b.AddCapitation(o => o.PolicyFile = file));
        Assert.Contains("MedInsurancePayment:Capitation: the configured files do not load: " + file + ": line 2, field $.id", StartFailure(capitation), StringComparison.Ordinal);
        Assert.Throws<OptionsValidationException>(() => capitation.GetRequiredService<ICapitationService>());

        using var consortium = Build(b => b.AddConsortium(o => o.PolicyFile = file));
        Assert.Contains("MedInsurancePayment:Consortium: the configured files do not load: " + file + ": line 2, field $.id", StartFailure(consortium), StringComparison.Ordinal);
    }

    [Fact]
    public void Adding_the_parts_twice_keeps_one_service_each_and_host_built_policies_can_be_registered()
    {
        var services = new ServiceCollection();
        services.AddMedInsurancePayment().AddCapitation(o => o.PolicyFile = CapitationFile).AddConsortium(o => o.PolicyFile = ConsortiumFile);
        services.AddMedInsurancePayment().AddCapitation(o => o.PolicyFile = CapitationFile).AddConsortium(o => o.PolicyFile = ConsortiumFile);
        Assert.Equal(1, Count(services, typeof(ICapitationService)));
        Assert.Equal(1, Count(services, typeof(IConsortiumService)));
        Assert.Equal(1, Count(services, typeof(IValidateOptions<CapitationOptions>)));
        Assert.Equal(1, Count(services, typeof(IValidateOptions<ConsortiumOptions>)));

        var capitation = CapitationPolicyLoader.LoadFile(CapitationFile);
        var consortium = ConsortiumPolicyLoader.LoadFile(ConsortiumFile);
        using var provider = Build(b => b.AddCapitation(capitation).AddConsortium(consortium));
        Assert.Same(capitation, provider.GetRequiredService<ICapitationService>().Policy);
        Assert.Same(consortium, provider.GetRequiredService<IConsortiumService>().Policy);
    }
}
