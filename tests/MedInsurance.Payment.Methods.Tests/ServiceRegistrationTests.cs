using System;
using System.Collections.Generic;
using MedInsurance.Payment.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static MedInsurance.Payment.TestSupport.PaymentHost;

namespace MedInsurance.Payment.Methods.Tests;

/// <summary><c>builder.AddMethodMix(…)</c>: the mix, its router and its pricing, loaded and validated at start.</summary>
public sealed class ServiceRegistrationTests
{
    private const string Example = "example-mix-2025";

    [Fact]
    public void An_embedded_mix_named_in_code_gives_the_mix_router_and_pricing()
    {
        using var provider = Build(b => b.AddMethodMix(o => o.Mix = Example));
        Start(provider);
        var mix = provider.GetRequiredService<MethodMixPolicy>();
        Assert.Equal(Example, mix.Id);
        Assert.Same(mix, provider.GetRequiredService<MethodRouter>().Policy);
        Assert.Same(mix, provider.GetRequiredService<MethodPricing>().Policy);
    }

    [Fact]
    public void A_mix_file_binds_from_the_configuration_section()
    {
        var file = WriteTemp("mix.json", MethodMixPolicyLoader.Embedded.Read(Example)!.Replace("\"id\": \"" + Example + "\"", "\"id\": \"from-file\"", StringComparison.Ordinal));
        using var provider = Build(new Dictionary<string, string?> { ["MedInsurancePayment:MethodMix:Mix"] = file }, b => b.AddMethodMix());
        Start(provider);
        Assert.Equal(file, provider.GetRequiredService<IOptions<MethodMixOptions>>().Value.Mix);
        Assert.Equal("from-file", provider.GetRequiredService<MethodMixPolicy>().Id);
    }

    [Fact]
    public void A_missing_or_unknown_mix_stops_the_start_with_the_key()
    {
        using var missing = Build(b => b.AddMethodMix());
        var error = StartFailure(missing);
        Assert.Contains("MedInsurancePayment:MethodMix: ", error, StringComparison.Ordinal);
        Assert.Contains("Mix is required", error, StringComparison.Ordinal);

        using var unknown = Build(b => b.AddMethodMix(o => o.Mix = "/no/such/mix.json"));
        Assert.Contains("MedInsurancePayment:MethodMix: Mix: Mix '/no/such/mix.json' is neither an embedded example", StartFailure(unknown), StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_mix_stops_the_start_with_the_key_the_file_and_the_line()
    {
        var file = WriteTemp("mix.json", "{\n  \"id\": [1],\n  \"version\": \"1\"\n}\n");
        using var provider = Build(b => b.AddMethodMix(o => o.Mix = file));
        var error = StartFailure(provider);
        Assert.Contains("MedInsurancePayment:MethodMix: the configured files do not load: " + file + ": line 2, field $.id", error, StringComparison.Ordinal);
        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<MethodRouter>());
    }

    [Fact]
    public void Adding_the_part_twice_keeps_one_service_and_a_host_built_mix_can_be_registered()
    {
        var services = new ServiceCollection();
        services.AddMedInsurancePayment().AddMethodMix(o => o.Mix = Example);
        services.AddMedInsurancePayment().AddMethodMix(o => o.Mix = Example);
        Assert.Equal(1, Count(services, typeof(MethodMixPolicy)));
        Assert.Equal(1, Count(services, typeof(MethodRouter)));
        Assert.Equal(1, Count(services, typeof(MethodPricing)));
        Assert.Equal(1, Count(services, typeof(IValidateOptions<MethodMixOptions>)));

        var own = MethodMixPolicyLoader.Load(Example);
        using var provider = Build(b => b.AddMethodMix(own));
        Assert.Same(own, provider.GetRequiredService<MethodRouter>().Policy);
    }
}
