using System.Text;

namespace MedInsurance.Payment;

/// <summary>
/// Normalization shared by the code types: trims, folds full-width characters (全角) to ASCII, drops
/// white space and the dagger mark, upper-cases letters and restores the lower-case extension mark <c>x</c>.
/// </summary>
internal static class CodeText
{
    /// <summary>Normalizes raw code text. Returns an empty string for null or blank input.</summary>
    /// <param name="raw">The raw text.</param>
    /// <param name="firstIsLetter">Whether the code (and a star code after '+') starts with a chapter letter that stays upper case.</param>
    /// <param name="dotAfter">Where the dot belongs (3 for ICD-10, 2 for ICD-9-CM-3); inserted when missing.</param>
    public static string Normalize(string? raw, bool firstIsLetter, int dotAfter)
    {
        if (raw is null)
        {
            return string.Empty;
        }

        var builder = new StringBuilder(raw.Length + 1);
        var segmentStart = 0;
        foreach (var original in raw)
        {
            var c = Fold(original);
            if (char.IsWhiteSpace(c) || c == '\u2020' || c == '\uFEFF')
            {
                continue;
            }

            if (c == '+')
            {
                builder.Append('+');
                segmentStart = builder.Length;
                continue;
            }

            if (c >= 'a' && c <= 'z')
            {
                c = (char)(c - 32);
            }

            var position = builder.Length - segmentStart;
            if (c == 'X' && !(firstIsLetter && position == 0))
            {
                c = 'x';
            }

            if (position == dotAfter && c != '.' && c != '*')
            {
                builder.Append('.');
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    private static char Fold(char c)
    {
        if (c >= '\uFF01' && c <= '\uFF5E')
        {
            return (char)(c - 0xFEE0);
        }

        return c switch
        {
            '\u3000' => ' ',
            '\u3002' => '.', // 。 ideographic full stop
            '\u00B7' => '.', // · middle dot, a common typo for the dot
            _ => c,
        };
    }

    public static bool IsDigit(char c) => c >= '0' && c <= '9';

    public static bool IsUpper(char c) => c >= 'A' && c <= 'Z';

    /// <summary>Length of a trailing extension <c>x</c> + 3 to <paramref name="maxDigits"/> digits in text[start..end), or 0.</summary>
    public static int ExtensionLength(string text, int start, int end, int minBodyLength, int maxDigits)
    {
        for (var digits = 3; digits <= maxDigits; digits++)
        {
            var extLength = digits + 1;
            var xAt = end - extLength;
            if (xAt - start < minBodyLength || text[xAt] != 'x')
            {
                continue;
            }

            var allDigits = true;
            for (var i = xAt + 1; i < end; i++)
            {
                allDigits &= IsDigit(text[i]);
            }

            if (allDigits)
            {
                return extLength;
            }
        }

        return 0;
    }
}
