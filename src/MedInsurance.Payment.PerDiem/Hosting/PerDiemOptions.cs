using System.Collections.Generic;
using System.ComponentModel.DataAnnotations;
using System.IO;
using MedInsurance.Payment.PerDiem;

namespace MedInsurance.Payment.Hosting;

/// <summary>
/// 按床日配置 — the region's per-diem policy (configuration section <c>MedInsurancePayment:PerDiem</c>); checked by a
/// source-generated validator and loaded when the host starts.
/// </summary>
public sealed class PerDiemOptions : IValidatableObject
{
    /// <summary>按床日政策 — a policy JSON file (docs/perdiem.md), or the name of an embedded example
    /// (<see cref="PerDiemPolicyLoader.EmbeddedNames"/>, e.g. <c>example-perdiem-2025</c>).</summary>
    [Required(ErrorMessage = "Policy is required: a per-diem policy JSON file or an embedded example name.")]
    public string? Policy { get; set; }

    /// <summary>The check across fields: the policy is an embedded name or an existing file.</summary>
    /// <param name="validationContext">The validation context.</param>
    /// <returns>The failures.</returns>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(Policy) && !PerDiemPolicyLoader.Embedded.Contains(Policy) && !File.Exists(Policy))
        {
            yield return new ValidationResult("Policy '" + Policy + "' is neither an embedded example (" + string.Join(", ", PerDiemPolicyLoader.EmbeddedNames) + ") nor an existing file.", new[] { nameof(Policy) });
        }
    }
}
