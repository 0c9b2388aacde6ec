using System.Collections.Generic;
using System.ComponentModel.DataAnnotations;
using System.IO;
using MedInsurance.Payment.Methods;

namespace MedInsurance.Payment.Hosting;

/// <summary>
/// 支付方式组合配置 — the region's method mix (多元复合式; configuration section <c>MedInsurancePayment:MethodMix</c>);
/// checked by a source-generated validator and loaded when the host starts.
/// </summary>
public sealed class MethodMixOptions : IValidatableObject
{
    /// <summary>支付方式组合 — a mix JSON file (docs/methods.md; a relative per-diem policy path in it is read beside it),
    /// or the name of an embedded example (<see cref="MethodMixPolicyLoader.EmbeddedNames"/>, e.g. <c>example-mix-2025</c>).</summary>
    [Required(ErrorMessage = "Mix is required: a method-mix JSON file or an embedded example name.")]
    public string? Mix { get; set; }

    /// <summary>The check across fields: the mix is an embedded name or an existing file.</summary>
    /// <param name="validationContext">The validation context.</param>
    /// <returns>The failures.</returns>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(Mix) && !MethodMixPolicyLoader.Embedded.Contains(Mix) && !File.Exists(Mix))
        {
            yield return new ValidationResult("Mix '" + Mix + "' is neither an embedded example (" + string.Join(", ", MethodMixPolicyLoader.EmbeddedNames) + ") nor an existing file.", new[] { nameof(Mix) });
        }
    }
}
