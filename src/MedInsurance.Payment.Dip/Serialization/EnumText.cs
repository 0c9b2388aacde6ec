using System;
using System.Linq;

namespace MedInsurance.Payment.Dip.Serialization;

/// <summary>snake_case / camelCase text for enums in the DIP formats.</summary>
internal static class EnumText
{
    public static string Snake<T>(T value)
        where T : struct, Enum
    {
        var name = value.ToString();
        var chars = name.SelectMany((c, i) => char.IsUpper(c) && i > 0 ? new[] { '_', char.ToLowerInvariant(c) } : new[] { char.ToLowerInvariant(c) });
        return new string(chars.ToArray());
    }

    public static T[] Values<T>()
        where T : struct, Enum
    {
#if NET
        return Enum.GetValues<T>();
#else
        return Enum.GetValues(typeof(T)).Cast<T>().ToArray();
#endif
    }

    public static bool TryParse<T>(string? text, out T value)
        where T : struct, Enum
    {
        var normalized = new string((text ?? string.Empty).Trim().Where(c => c != '_' && c != '-').ToArray());
        foreach (var candidate in Values<T>())
        {
            if (string.Equals(candidate.ToString(), normalized, StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }

    public static T Parse<T>(string? text, T fallback, string source, string field)
        where T : struct, Enum
    {
        if (text is null)
        {
            return fallback;
        }

        if (TryParse<T>(text, out var value))
        {
            return value;
        }

        var allowed = string.Join(", ", Values<T>().Select(Snake));
        throw new FormatException(source + ": field '" + field + "' has '" + text + "'; expected one of " + allowed + ".");
    }
}
