using System;
using System.Collections.Generic;
using MedInsurance.Payment.Demo;
using MedInsurance.Payment.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static MedInsurance.Payment.TestSupport.PaymentHost;

namespace MedInsurance.Payment.Accounts.Tests;

/// <summary><c>builder.AddPersonalAccounts(…)</c>: the profile as a singleton, loaded and validated at start.</summary>
public sealed class ServiceRegistrationTests
{
    [Fact]
    public void A_profile_file_named_in_code_is_loaded_once_and_used_by_the_formulas()
    {
        var file = WriteTemp("accounts.json", DemoAccounts.PolicyJson);
        using var provider = Build(b => b.AddPersonalAccounts(o => o.PolicyFile = file));
        Start(provider);
        var policy = provider.GetRequiredService<AccountPolicy>();
        Assert.Same(policy, provider.GetRequiredService<AccountPolicy>());
        Assert.NotSame(DemoAccounts.Policy, policy);
        Assert.Equal("demo-accounts", policy.Id);
        // 2023: active employees are credited their own 2 % of the base: 6 000 × 0.02 = 120.
        Assert.Equal(Money.FromYuan(120m), AccountCreditFormulas.Monthly(policy, "A", AccountHolderStatus.Active, Money.FromYuan(6_000m), 2023, 1).Amount);
    }

    [Fact]
    public void A_profile_file_binds_from_the_configuration_section()
    {
        var file = WriteTemp("accounts.json", DemoAccounts.PolicyJson);
        using var provider = Build(new Dictionary<string, string?> { ["MedInsurancePayment:Accounts:PolicyFile"] = file }, b => b.AddPersonalAccounts());
        Start(provider);
        Assert.Equal(file, provider.GetRequiredService<IOptions<PersonalAccountsOptions>>().Value.PolicyFile);
        Assert.Equal("demo-accounts", provider.GetRequiredService<AccountPolicy>().Id);
    }

    [Fact]
    public void A_missing_profile_stops_the_start_with_the_key()
    {
        using var missing = Build(b => b.AddPersonalAccounts());
        var error = StartFailure(missing);
        Assert.Contains("MedInsurancePayment:Accounts: ", error, StringComparison.Ordinal);
        Assert.Contains("PolicyFile is required", error, StringComparison.Ordinal);

        using var gone = Build(b => b.AddPersonalAccounts(o => o.PolicyFile = "/no/such/accounts.json"));
        Assert.Contains("MedInsurancePayment:Accounts: PolicyFile: file not found: /no/such/accounts.json", StartFailure(gone), StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_profile_stops_the_start_with_the_key_the_file_and_the_line()
    {
        var file = WriteTemp("accounts.json", "{\n  \"id\": [1],\n  \"version\": \"1\"\n}\n");
        using var provider = Build(b => b.AddPersonalAccounts(o => o.PolicyFile = file));
        var error = StartFailure(provider);
        Assert.Contains("MedInsurancePayment:Accounts: the configured files do not load: " + file + ": line 2, field $.id", error, StringComparison.Ordinal);
        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<AccountPolicy>());
    }

    [Fact]
    public void Adding_the_part_twice_keeps_one_service_and_a_host_built_profile_can_be_registered()
    {
        var file = WriteTemp("accounts.json", DemoAccounts.PolicyJson);
        var services = new ServiceCollection();
        services.AddMedInsurancePayment().AddPersonalAccounts(o => o.PolicyFile = file);
        services.AddMedInsurancePayment().AddPersonalAccounts(o => o.PolicyFile = file).AddPersonalAccounts(DemoAccounts.Policy);
        Assert.Equal(1, Count(services, typeof(AccountPolicy)));
        Assert.Equal(1, Count(services, typeof(IValidateOptions<PersonalAccountsOptions>)));

        using var provider = Build(b => b.AddPersonalAccounts(DemoAccounts.Policy));
        Assert.Same(DemoAccounts.Policy, provider.GetRequiredService<AccountPolicy>());
    }
}
