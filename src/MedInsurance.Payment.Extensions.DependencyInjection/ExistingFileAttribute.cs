using System;
using System.ComponentModel.DataAnnotations;
using System.IO;

namespace MedInsurance.Payment.Hosting;

/// <summary>
/// 文件须存在 — an options property naming a file that must exist when it is set (add <c>[Required]</c> when it must be
/// set). The message names the property and the path, never a file's content.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, AllowMultiple = false)]
public sealed class ExistingFileAttribute : ValidationAttribute
{
    /// <inheritdoc/>
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        if (value is not string path || path.Length == 0 || File.Exists(path))
        {
            return ValidationResult.Success;
        }

        var member = validationContext?.MemberName ?? "value";
        return new ValidationResult("file not found: " + path, new[] { member });
    }
}
