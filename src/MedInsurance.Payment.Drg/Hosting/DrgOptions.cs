using System.Collections.Generic;
using System.ComponentModel.DataAnnotations;

namespace MedInsurance.Payment.Hosting;

/// <summary>
/// DRG分组配置 — where the CHS-DRG rule pack and the payment table come from (configuration section
/// <c>MedInsurancePayment:Drg</c>); checked by a source-generated validator and loaded when the host starts.
/// </summary>
public sealed class DrgOptions : IValidatableObject
{
    /// <summary>规则文本目录 — the folder holding 1_MDC.txt … 7_CCE.txt of the region's CHS-DRG edition, or a compiled
    /// rule pack (<c>.json</c>, written by <c>medpay drg rules --save-compiled</c>).</summary>
    [Required(ErrorMessage = "RulesFolder is required: the folder holding 1_MDC.txt … 7_CCE.txt, or a compiled rule pack (.json).")]
    public string? RulesFolder { get; set; }

    /// <summary>分组方案版本 — the edition id recorded in results, e.g. <c>chs-drg-1.1</c>.</summary>
    [Required(ErrorMessage = "Edition is required (e.g. chs-drg-1.1).")]
    public string Edition { get; set; } = "chs-drg-1.1";

    /// <summary>歧义组检查 — whether the ambiguous-group (QY) check runs; null keeps the national default (on).</summary>
    public bool? AmbiguousGroupCheck { get; set; }

    /// <summary>DRG权重表 — optional CSV <c>drg,weight</c> for expected payments.</summary>
    [ExistingFile]
    public string? WeightsFile { get; set; }

    /// <summary>费率 — yuan per unit of weight for expected payments; required with <see cref="WeightsFile"/>.</summary>
    public decimal? BaseRate { get; set; }

    /// <summary>The checks across fields: the rules path exists (folder or file), a base rate comes with a weight table and is positive.</summary>
    /// <param name="validationContext">The validation context.</param>
    /// <returns>The failures.</returns>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(RulesFolder) && !System.IO.Directory.Exists(RulesFolder) && !System.IO.File.Exists(RulesFolder))
        {
            yield return new ValidationResult("folder (or compiled pack) not found: " + RulesFolder, new[] { nameof(RulesFolder) });
        }

        if (WeightsFile is not null && BaseRate is null)
        {
            yield return new ValidationResult("BaseRate is required with WeightsFile (yuan per unit of weight).", new[] { nameof(BaseRate) });
        }

        if (BaseRate is <= 0)
        {
            yield return new ValidationResult("BaseRate must be positive.", new[] { nameof(BaseRate) });
        }
    }
}
