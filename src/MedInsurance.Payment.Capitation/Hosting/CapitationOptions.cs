using System.ComponentModel.DataAnnotations;

namespace MedInsurance.Payment.Hosting;

/// <summary>
/// 按人头付费配置 — the capitation policy (configuration section <c>MedInsurancePayment:Capitation</c>); checked by a
/// source-generated validator and loaded when the host starts.
/// </summary>
public sealed class CapitationOptions
{
    /// <summary>按人头付费政策 — the policy JSON file (docs/capitation.md).</summary>
    [Required(ErrorMessage = "PolicyFile is required: the capitation policy JSON file.")]
    [ExistingFile]
    public string? PolicyFile { get; set; }
}
