using System;
using MedInsurance.Payment.Accounts;

namespace MedInsurance.Payment.Demo;

/// <summary>
/// 示例地区个人账户政策 — the demo region's personal-account and outpatient mutual-aid profile (embedded
/// <c>accounts-policy.json</c>): the 2022-10-01 and 2023-01-01 steps of payment-rules.md §4 with this project's demo
/// pre-reform rates, average pension and pooling amounts. Not any region's data.
/// </summary>
public static class DemoAccounts
{
    private static readonly Lazy<AccountPolicy> Loaded = new(() => AccountPolicyLoader.Parse(PolicyJson, "embedded demo accounts-policy.json"));

    /// <summary>The profile's JSON text (write it to a file for <c>medpay accounts</c>).</summary>
    public static string PolicyJson => EmbeddedData.ReadText("accounts-policy.json");

    /// <summary>The profile, loaded once.</summary>
    public static AccountPolicy Policy => Loaded.Value;
}
