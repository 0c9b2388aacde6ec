using System;
using System.IO;
using MedInsurance.Payment.Demo;
using Microsoft.Extensions.DependencyInjection;

namespace MedInsurance.Payment.Accounts.Tests;

/// <summary><c>services.AddPersonalAccounts(...)</c>: the profile as a singleton, loaded and validated when resolved.</summary>
public sealed class ServiceRegistrationTests
{
    [Fact]
    public void The_profile_file_is_loaded_once_and_the_first_registration_wins()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("medpay-acc-di-").FullName, "accounts.json");
        File.WriteAllText(file, DemoAccounts.PolicyJson);
        using var provider = new ServiceCollection().AddPersonalAccounts(file).AddPersonalAccounts(DemoAccounts.Policy).BuildServiceProvider(validateScopes: true);
        var policy = provider.GetRequiredService<AccountPolicy>();
        Assert.Same(policy, provider.GetRequiredService<AccountPolicy>());
        Assert.NotSame(DemoAccounts.Policy, policy);
        Assert.Equal("demo-accounts", policy.Id);
        Assert.Equal(Money.FromYuan(120m), AccountCreditFormulas.Monthly(policy, "A", AccountHolderStatus.Active, Money.FromYuan(6_000m), 2023, 1).Amount);
    }

    [Fact]
    public void A_broken_file_fails_when_resolved_and_a_missing_name_at_registration()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("medpay-acc-di-").FullName, "accounts.json");
        File.WriteAllText(file, "{ \"id\": \"x\" }");
        using var provider = new ServiceCollection().AddPersonalAccounts(file).BuildServiceProvider();
        Assert.Throws<InvalidDataException>(() => provider.GetRequiredService<AccountPolicy>());
        Assert.Throws<ArgumentException>(() => new ServiceCollection().AddPersonalAccounts(" "));
    }
}
