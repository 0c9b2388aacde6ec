using System.Collections.Generic;
using System.ComponentModel.DataAnnotations;

namespace MedInsurance.Payment.Hosting;

/// <summary>
/// 结算清单质控配置 — the QC profile and the code dictionary (configuration section
/// <c>MedInsurancePayment:QualityControl</c>); checked by a source-generated validator and loaded when the host starts.
/// </summary>
public sealed class QualityControlOptions : IValidatableObject
{
    /// <summary>质控配置 — the QC profile JSON (docs/quality-control.md); its lists are read beside it.</summary>
    [Required(ErrorMessage = "ProfileFile is required: the QC profile JSON file.")]
    [ExistingFile]
    public string? ProfileFile { get; set; }

    /// <summary>编码字典目录 — the folder of the edition's national dictionary files, or null to check without a dictionary.</summary>
    [ExistingFolder]
    public string? DictionaryFolder { get; set; }

    /// <summary>医保版 — the dictionary edition: <c>yb2.0</c> (医保版 2.0, with gray codes and crosswalks) or <c>yb1.0</c>.</summary>
    [Required(ErrorMessage = "Edition is required: yb2.0 or yb1.0.")]
    public string Edition { get; set; } = "yb2.0";

    /// <summary>The check across fields: the edition is one the dictionary reads.</summary>
    /// <param name="validationContext">The validation context.</param>
    /// <returns>The failures.</returns>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(Edition) && Edition != "yb2.0" && Edition != "yb1.0")
        {
            yield return new ValidationResult("Edition '" + Edition + "' is neither yb2.0 nor yb1.0.", new[] { nameof(Edition) });
        }
    }
}
