using System;
using System.Collections.Generic;
using System.ComponentModel.DataAnnotations;
using System.IO;

namespace MedInsurance.Payment.Hosting;

/// <summary>
/// 监测规则配置 — the supervision indicators' thresholds (configuration section <c>MedInsurancePayment:Monitoring</c>);
/// checked by a source-generated validator and loaded when the host starts.
/// </summary>
public sealed class MonitoringOptions : IValidatableObject
{
    /// <summary>The name of the embedded national default profile, <c>national-default</c>.</summary>
    public const string DefaultProfile = "national-default";

    /// <summary>监测规则 — <c>national-default</c> (the embedded national default, which cites its sources) or a profile
    /// JSON file (docs/monitoring.md).</summary>
    [Required(ErrorMessage = "Profile is required: national-default or a monitoring profile JSON file.")]
    public string? Profile { get; set; } = DefaultProfile;

    /// <summary>The check across fields: the profile is the default or an existing file.</summary>
    /// <param name="validationContext">The validation context.</param>
    /// <returns>The failures.</returns>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(Profile) && !string.Equals(Profile, DefaultProfile, StringComparison.Ordinal) && !File.Exists(Profile))
        {
            yield return new ValidationResult("Profile '" + Profile + "' is neither " + DefaultProfile + " nor an existing file.", new[] { nameof(Profile) });
        }
    }
}
