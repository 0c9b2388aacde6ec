using System.ComponentModel.DataAnnotations;

namespace MedInsurance.Payment.Hosting;

/// <summary>
/// 门诊慢特病配置 — the chronic and special outpatient disease policy and, optionally, the persons' certifications
/// (configuration section <c>MedInsurancePayment:ChronicDiseases</c>); checked by a source-generated validator and loaded
/// when the host starts.
/// </summary>
public sealed class ChronicDiseaseOptions
{
    /// <summary>慢特病政策 — the policy JSON (docs/outpatient.md).</summary>
    [Required(ErrorMessage = "PolicyFile is required: the chronic-disease policy JSON file.")]
    [ExistingFile]
    public string? PolicyFile { get; set; }

    /// <summary>慢特病认定 — optional certifications CSV (<c>person_id,disease_code,certified_on</c>); old-list
    /// certifications before the cut-over keep the old terms until the transition ends. Hosts whose certifications change
    /// while running build <c>new ChronicCalculator(policy, certifications)</c> from the registered <c>ChronicPolicy</c>.</summary>
    [ExistingFile]
    public string? CertificationsFile { get; set; }
}
