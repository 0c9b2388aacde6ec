using System;

namespace MedInsurance.Payment.Outpatient;

/// <summary>A table code: exact (<c>86.3x00</c>, case-insensitive) or a prefix (<c>86.3*</c>).</summary>
internal static class CodePattern
{
    public static bool IsPrefix(string pattern) => pattern.Length > 0 && pattern[pattern.Length - 1] == '*';

    public static bool Matches(string pattern, string code) => IsPrefix(pattern)
        ? code.Length >= pattern.Length - 1 && string.Compare(code, 0, pattern, 0, pattern.Length - 1, StringComparison.OrdinalIgnoreCase) == 0
        : string.Equals(pattern, code, StringComparison.OrdinalIgnoreCase);
}
