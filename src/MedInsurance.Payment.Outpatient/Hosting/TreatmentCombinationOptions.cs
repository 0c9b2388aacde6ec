using System.ComponentModel.DataAnnotations;

namespace MedInsurance.Payment.Hosting;

/// <summary>
/// 按诊疗组合配置 — the region's treatment-combination table and the institutions' levels (configuration section
/// <c>MedInsurancePayment:TreatmentCombinations</c>); checked by a source-generated validator and loaded when the host starts.
/// </summary>
public sealed class TreatmentCombinationOptions
{
    /// <summary>诊疗组合表 — the combination table JSON (docs/outpatient.md).</summary>
    [Required(ErrorMessage = "TableFile is required: the treatment-combination table JSON file.")]
    [ExistingFile]
    public string? TableFile { get; set; }

    /// <summary>医疗机构 — the hospital CSV (<c>hospital_id,name,level,type</c>) giving each institution's level; an
    /// institution not listed falls back to fee-for-service.</summary>
    [Required(ErrorMessage = "HospitalsFile is required: the hospital CSV (hospital_id,name,level,type).")]
    [ExistingFile]
    public string? HospitalsFile { get; set; }
}
