using System.ComponentModel.DataAnnotations;

namespace MedInsurance.Payment.Hosting;

/// <summary>
/// 个人账户配置 — the employee personal-account profile (configuration section <c>MedInsurancePayment:Accounts</c>);
/// checked by a source-generated validator and loaded when the host starts.
/// </summary>
public sealed class PersonalAccountsOptions
{
    /// <summary>个人账户方案 — the profile JSON file (docs/accounts.md).</summary>
    [Required(ErrorMessage = "PolicyFile is required: the personal-account profile JSON file.")]
    [ExistingFile]
    public string? PolicyFile { get; set; }
}
