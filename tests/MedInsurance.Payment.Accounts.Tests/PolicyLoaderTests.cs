using System;
using System.IO;
using System.Linq;
using MedInsurance.Payment.Demo;

namespace MedInsurance.Payment.Accounts.Tests;

/// <summary>The profile loader refuses corrupt or implausible profiles with the file and the field (or line).</summary>
public sealed class PolicyLoaderTests
{
    private static string Demo => DemoAccounts.PolicyJson;

    [Fact]
    public void The_demo_profile_loads_with_three_periods_sorted_and_family_uses()
    {
        var policy = DemoAccounts.Policy;
        Assert.Equal(("demo-accounts", "2023.1"), (policy.Id, policy.Version));
        Assert.Equal(new[] { new CalendarDate(2021, 1, 1), new CalendarDate(2022, 10, 1), new CalendarDate(2023, 1, 1) }, policy.Periods.Select(p => p.From));
        Assert.True(policy.Allows(AccountRelation.Parent, AccountUse.ResidentInsuranceContribution));
        Assert.False(policy.Allows(AccountRelation.Self, AccountUse.ResidentInsuranceContribution));
        Assert.Equal(Money.FromYuan(3_000m), policy.AveragePension);
        Assert.Same(policy.Periods[1], policy.PeriodOf(2022, 12));
        Assert.Null(policy.PeriodOf(2020, 12));
    }

    [Theory]
    [InlineData("\"2022-10-01\"", "\"2022-10-15\"", "creditPeriods[1]")]
    [InlineData("\"retireeShareOfBasis\": 0.03,", "\"retireeShareOfBasis\": 0.03, \"retireeFixed\": 90,", "creditPeriods[1]")]
    [InlineData("\"activeOwnRate\": 0.02, \"activeEmployerRate\": 0.015", "\"activeOwnRate\": 2, \"activeEmployerRate\": 0.015", "creditPeriods[0].activeOwnRate")]
    [InlineData("\"designatedProviderOwnPay\", \"designatedPharmacyPurchase\" ]", "\"designatedProviderOwnPay\", \"fitness\" ]", "$")]
    [InlineData("\"self\":", "\"neighbour\":", "allowedUses.neighbour")]
    [InlineData("\"deductible\": 200", "\"deductible\": 200.001", "outpatientPooling.deductible")]
    [InlineData("\"annualCeiling\": 300000", "\"annualCeiling\": 2000", "outpatientPooling")]
    [InlineData("\"2023-01-01\"", "\"2022-10-01\"", "$")]
    public void A_broken_profile_is_refused_with_its_field(string find, string replace, string field)
    {
        Assert.Contains(find, Demo, StringComparison.Ordinal);
        var ex = Assert.Throws<InvalidDataException>(() => AccountPolicyLoader.Parse(Demo.Replace(find, replace, StringComparison.Ordinal), "p.json"));
        Assert.StartsWith("p.json: field " + field + ":", ex.Message, StringComparison.Ordinal);
        Assert.EndsWith("(" + AccountPolicyLoader.PolicyInvalid + ").", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Broken_json_and_unknown_fields_are_refused_with_the_line()
    {
        var truncated = Assert.Throws<InvalidDataException>(() => AccountPolicyLoader.Parse(Demo.Substring(0, Demo.Length / 2), "p.json"));
        Assert.Matches(@"^p\.json: line \d+, field ", truncated.Message);
        var unknown = Assert.Throws<InvalidDataException>(() => AccountPolicyLoader.Parse(Demo.Replace("\"version\"", "\"versoin\"", StringComparison.Ordinal), "p.json"));
        Assert.Contains("versoin", unknown.Message, StringComparison.Ordinal);
        var empty = Assert.Throws<InvalidDataException>(() => AccountPolicyLoader.Parse("null", "p.json"));
        Assert.Contains("empty", empty.Message, StringComparison.Ordinal);
    }
}
