using System.ComponentModel.DataAnnotations;

namespace MedInsurance.Payment.Hosting;

/// <summary>
/// 清算配置 — the clearing policy and hospitals (configuration section <c>MedInsurancePayment:Settlement</c>); checked by
/// a source-generated validator and loaded when the host starts.
/// </summary>
public sealed class SettlementOptions
{
    /// <summary>清算方案 — a policy JSON file, or the name of an embedded example (<c>example-dip-2025</c>, <c>example-drg-2025</c>).</summary>
    [Required(ErrorMessage = "Policy is required: a policy JSON file or an embedded example name.")]
    public string? Policy { get; set; }

    /// <summary>医疗机构 — the hospital CSV with clearing columns (assessment score, prior-year fund spend…).</summary>
    [Required(ErrorMessage = "HospitalsFile is required: the hospital CSV with clearing columns.")]
    [ExistingFile]
    public string? HospitalsFile { get; set; }

    /// <summary>并行度 — threads for a clearing run (results never depend on it); 0 means all cores.</summary>
    [Range(0, 4096)]
    public int MaxDegreeOfParallelism { get; set; }
}
