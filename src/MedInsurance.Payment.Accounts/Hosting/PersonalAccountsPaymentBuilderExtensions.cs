using System;
using MedInsurance.Payment.Accounts;
using MedInsurance.Payment.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// 个人账户注册 — <c>services.AddMedInsurancePayment().AddPersonalAccounts(o =&gt; o.PolicyFile = "/data/accounts.json")</c>:
/// the profile as an <see cref="AccountPolicy"/> singleton (immutable), from the section <c>MedInsurancePayment:Accounts</c>
/// and/or code. The host calls the pure functions (<see cref="AccountCreditFormulas"/>, <see cref="AccountPosting"/>,
/// <see cref="OutpatientPooling"/>) with it.
/// </summary>
public static class PersonalAccountsPaymentBuilderExtensions
{
    /// <summary>Adds <see cref="AccountPolicy"/> with the options from the configuration section only; the profile loads
    /// and is validated when the host starts.</summary>
    /// <param name="builder">The builder from <c>AddMedInsurancePayment</c>.</param>
    /// <returns>The same builder.</returns>
    public static IMedInsurancePaymentBuilder AddPersonalAccounts(this IMedInsurancePaymentBuilder builder) => builder.AddPersonalAccounts(configure: null);

    /// <summary>Adds <see cref="AccountPolicy"/>; the profile loads and is validated when the host starts (a bad profile
    /// stops the start with the file, line and field).</summary>
    /// <param name="builder">The builder from <c>AddMedInsurancePayment</c>.</param>
    /// <param name="configure">Sets the options in code (after the configuration), or null.</param>
    /// <returns>The same builder.</returns>
    public static IMedInsurancePaymentBuilder AddPersonalAccounts(this IMedInsurancePaymentBuilder builder, Action<PersonalAccountsOptions>? configure) =>
        builder.AddPart<PersonalAccountsOptions, PersonalAccountsOptionsValidator, AccountPolicy>("Accounts", configure, o => AccountPolicyLoader.LoadFile(o.PolicyFile!));

    /// <summary>Adds a profile the host built or loaded itself (TryAdd: the first registration wins).</summary>
    /// <param name="builder">The builder from <c>AddMedInsurancePayment</c>.</param>
    /// <param name="policy">The profile.</param>
    /// <returns>The same builder.</returns>
    public static IMedInsurancePaymentBuilder AddPersonalAccounts(this IMedInsurancePaymentBuilder builder, AccountPolicy policy)
    {
        if (builder is null)
        {
            throw new ArgumentNullException(nameof(builder));
        }

        builder.Services.TryAddSingleton(policy ?? throw new ArgumentNullException(nameof(policy)));
        return builder;
    }
}
