using System.Collections.Generic;
using System.ComponentModel.DataAnnotations;
using System.IO;
using MedInsurance.Payment.Dip;

namespace MedInsurance.Payment.Hosting;

/// <summary>
/// DIP配置 — the region's DIP catalog, policy profile, procedure attributes and hospitals (configuration section
/// <c>MedInsurancePayment:Dip</c>); checked by a source-generated validator and loaded when the host starts.
/// </summary>
public sealed class DipOptions : IValidatableObject
{
    /// <summary>病种目录 — the catalog file (<c>.json</c> or <c>.csv</c>).</summary>
    [Required(ErrorMessage = "CatalogFile is required: the region's DIP catalog (.json or .csv).")]
    [ExistingFile]
    public string? CatalogFile { get; set; }

    /// <summary>政策配置 — a built-in profile name (<c>national-dip-1.0</c>, <c>national-dip-3.0</c>, <c>guangzhou</c>,
    /// <c>jining</c>) or a profile JSON file.</summary>
    [Required(ErrorMessage = "Profile is required: a built-in profile name or a profile JSON file.")]
    public string Profile { get; set; } = "national-dip-1.0";

    /// <summary>手术操作属性表 — optional CSV <c>procedure,attribute</c> for comprehensive groups.</summary>
    [ExistingFile]
    public string? ProcedureAttributesFile { get; set; }

    /// <summary>辅助分型清单 — optional auxiliary-typing lists (JSON: <c>cc</c>, <c>mcc</c>, <c>tumour</c>, <c>metastasis</c>,
    /// <c>radiotherapy</c>, <c>chemotherapy</c>, <c>shortStayDays</c>); without it only the death, age and ICU triggers apply.</summary>
    [ExistingFile]
    public string? AuxiliaryListsFile { get; set; }

    /// <summary>医疗机构 — the hospital CSV (<c>hospital_id,name,level,type</c>, optional <c>coefficient</c> and
    /// <c>coefficient_bonus</c> (加成系数)).</summary>
    [Required(ErrorMessage = "HospitalsFile is required: the hospital CSV (hospital_id,name,level,type).")]
    [ExistingFile]
    public string? HospitalsFile { get; set; }

    /// <summary>年初点值 — optional start-of-year point value (yuan per point) for expected payments and for profiles
    /// whose deviation ratio is measured against the payment standard.</summary>
    public decimal? PointValue { get; set; }

    /// <summary>The checks across fields: the profile is a built-in name or an existing file; the point value is positive.</summary>
    /// <param name="validationContext">The validation context.</param>
    /// <returns>The failures.</returns>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(Profile) && !DipPolicyProfiles.TryGetBuiltIn(Profile, out _) && !File.Exists(Profile))
        {
            yield return new ValidationResult("Profile '" + Profile + "' is neither a built-in profile (" + string.Join(", ", DipPolicyProfiles.BuiltInNames) + ") nor an existing file.", new[] { nameof(Profile) });
        }

        if (PointValue is <= 0)
        {
            yield return new ValidationResult("PointValue must be positive.", new[] { nameof(PointValue) });
        }
    }
}
