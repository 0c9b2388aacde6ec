using System.ComponentModel.DataAnnotations;

namespace MedInsurance.Payment.Hosting;

/// <summary>
/// 医共体打包付费配置 — the consortium policy (configuration section <c>MedInsurancePayment:Consortium</c>); checked by a
/// source-generated validator and loaded when the host starts.
/// </summary>
public sealed class ConsortiumOptions
{
    /// <summary>医共体政策 — the consortium policy JSON file (docs/capitation.md).</summary>
    [Required(ErrorMessage = "PolicyFile is required: the consortium policy JSON file.")]
    [ExistingFile]
    public string? PolicyFile { get; set; }
}
