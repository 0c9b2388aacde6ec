namespace MedInsurance.Payment.Capitation;

/// <summary>
/// 人员编号的定长键 — a person id packed losslessly into 128 bits, so that the roster's person table compares two
/// integers instead of two strings (no pointer to follow per claim).
/// </summary>
/// <remarks>
/// Two packings, told apart by the top bit of <see cref="High"/>: an id of at most 18 characters, each in U+0001–U+007F,
/// as 7 bits a character (the characters are never 0, so the length is recoverable); or an id of 19–34 decimal digits
/// (such as a 20-digit 医保人员编码) as its length, its leading digits and its last 18 digits. Both are injective, so equal
/// keys mean equal ids. Any other id (longer, or with a non-ASCII character) does not pack and is looked up by string.
/// </remarks>
internal readonly struct PersonKey
{
    private const int AsciiChars = 18;
    private const int MaxDigits = 34;
    private const ulong NumericTag = 1UL << 63;

    private PersonKey(ulong low, ulong high)
    {
        Low = low;
        High = high;
    }

    /// <summary>The key whose words are <paramref name="low"/> and <paramref name="high"/> (as a table stored them).</summary>
    /// <param name="low">The low 64 bits.</param>
    /// <param name="high">The high 64 bits.</param>
    /// <returns>The key.</returns>
    public static PersonKey FromWords(ulong low, ulong high) => new(low, high);

    /// <summary>The low 64 bits.</summary>
    public ulong Low { get; }

    /// <summary>The high 64 bits.</summary>
    public ulong High { get; }

    /// <summary>Packs an id; false when it has no packing (then it is looked up by string).</summary>
    /// <param name="id">The id (as given: not trimmed here).</param>
    /// <param name="key">The key.</param>
    /// <returns>Whether the id packs.</returns>
    public static bool TryPack(string id, out PersonKey key)
    {
        key = default;
        var n = id.Length;
        if (n == 0)
        {
            return false;
        }

        unchecked
        {
            if (n <= AsciiChars)
            {
                ulong low = 0, high = 0;
                for (var i = 0; i < n; i++)
                {
                    var c = id[i];
                    if (c == 0 || c > 0x7F)
                    {
                        return false;
                    }

                    if (i < 9)
                    {
                        low |= (ulong)c << (7 * i);
                    }
                    else
                    {
                        high |= (ulong)c << (7 * (i - 9));
                    }
                }

                key = new PersonKey(low, high);
                return true;
            }

            if (n > MaxDigits)
            {
                return false;
            }

            ulong leading = 0, trailing = 0;
            var split = n - 18;
            for (var i = 0; i < n; i++)
            {
                var d = (uint)(id[i] - '0');
                if (d > 9)
                {
                    return false;
                }

                if (i < split)
                {
                    leading = (leading * 10) + d;
                }
                else
                {
                    trailing = (trailing * 10) + d;
                }
            }

            key = new PersonKey(trailing, NumericTag | ((ulong)n << 56) | leading);
            return true;
        }
    }

    /// <summary>A well-mixed 64-bit hash of the key (the table takes its slot from the low bits and a check from the high).</summary>
    /// <returns>The hash.</returns>
    public ulong Hash()
    {
        unchecked
        {
            var h = (Low * 0x9E3779B97F4A7C15UL) ^ (High * 0xC2B2AE3D27D4EB4FUL);
            h ^= h >> 31;
            h *= 0xBF58476D1CE4E5B9UL;
            h ^= h >> 29;
            return h;
        }
    }
}
