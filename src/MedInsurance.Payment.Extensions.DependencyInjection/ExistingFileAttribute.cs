using System;
using System.ComponentModel.DataAnnotations;
using System.IO;

namespace MedInsurance.Payment.Hosting;

/// <summary>
/// 文件须存在 — an options property naming a file that must exist when it is set (add <c>[Required]</c> when it must be
/// set). A workbook with a sheet, <c>table.xlsx#Sheet2</c>, exists when <c>table.xlsx</c> does. The message names the
/// property and the path, never a file's content.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, AllowMultiple = false)]
public sealed class ExistingFileAttribute : ValidationAttribute
{
    /// <inheritdoc/>
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        if (value is not string path || path.Length == 0 || File.Exists(path) || File.Exists(WorkbookPath(path)))
        {
            return ValidationResult.Success;
        }

        var member = validationContext?.MemberName ?? "value";
        return new ValidationResult("file not found: " + path, new[] { member });
    }

    /// <summary>The workbook of <c>table.xlsx#Sheet</c> (as Interchange's TableFiles.FilePath reads it), else the path.</summary>
    private static string WorkbookPath(string path)
    {
        foreach (var extension in new[] { ".xlsx#", ".xlsm#" })
        {
            var at = path.IndexOf(extension, StringComparison.OrdinalIgnoreCase);
            if (at >= 0)
            {
                return path.Substring(0, at + extension.Length - 1);
            }
        }

        return path;
    }
}
