using System.Text;

namespace MedInsurance.Payment.Interchange;

/// <summary>
/// 数值单元格文本 — the exact decimal text of a number cell of an .xlsx sheet. Excel keeps numbers as binary doubles and
/// writes the shortest text that reads back to the same double (<c>1234.5</c>), or, in older versions and other
/// writers, up to 17 significant digits (<c>1234.4999999999999</c>, <c>0.30000000000000004</c> for =0.1+0.2). Excel itself
/// keeps only 15 significant digits of what is typed into a cell, and every decimal of at most 15 significant digits
/// reads back from its double unchanged; so the stored text is rounded to 15 significant digits, half away from zero,
/// on its decimal digits (never through a double), and written plainly: no exponent, no trailing zeros, no grouping,
/// <c>-0</c> as <c>0</c>. <c>1234.4999999999999</c> → <c>1234.5</c>, <c>0.30000000000000004</c> → <c>0.3</c>,
/// <c>1E-3</c> → <c>0.001</c>, <c>1.5E+20</c> → <c>150000000000000000000</c>.
/// </summary>
/// <remarks>Text that is not a number (a damaged file) is returned unchanged, so the table's reader rejects it.</remarks>
internal static class XlsxNumberText
{
    /// <summary>The significant digits kept: Excel's own precision.</summary>
    public const int SignificantDigits = 15;

    /// <summary>The largest exponent written out (doubles end at about 1.8E+308).</summary>
    private const int MaxExponent = 400;

    /// <summary>
    /// Whether the stored text is already the plain form (the common case, <c>1.05</c>, <c>45658</c>): digits with an
    /// optional minus and one point, at most 15 significant digits, no leading zero before other digits, no trailing zero
    /// after the point, not <c>-0</c>.
    /// </summary>
    private static bool IsPlain(string text)
    {
        if (text.Length == 0 || text.Length > SignificantDigits + 3)
        {
            return false;
        }

        var i = text[0] == '-' ? 1 : 0;
        var start = i;
        var point = -1;
        var significant = 0;
        var leadingZero = i < text.Length && text[i] == '0';
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '.' && point < 0)
            {
                point = i;
            }
            else if (c is >= '0' and <= '9')
            {
                if (significant > 0 || c != '0')
                {
                    significant++;
                }
            }
            else
            {
                return false;
            }
        }

        var digits = text.Length - start - (point < 0 ? 0 : 1);
        return digits > 0 && significant <= SignificantDigits && significant > 0
            && point != start && point != text.Length - 1
            && !(leadingZero && (point < 0 ? digits > 1 : point != start + 1))
            && !(point >= 0 && text[text.Length - 1] == '0');
    }

    /// <summary>The cell's stored number as exact decimal text (see the type's remarks).</summary>
    public static string Normalize(string stored)
    {
        if (IsPlain(stored))
        {
            return stored;
        }

        var text = stored.Trim();
        var i = 0;
        var negative = false;
        if (i < text.Length && text[i] is '-' or '+')
        {
            negative = text[i] == '-';
            i++;
        }

        // Every digit, and where the point stands among them (digits before it); leading zeros dropped.
        var digits = new StringBuilder(24);
        var point = -1;
        var any = false;
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (c is >= '0' and <= '9')
            {
                any = true;
                digits.Append(c);
            }
            else if (c == '.' && point < 0)
            {
                point = digits.Length;
            }
            else
            {
                break;
            }
        }

        if (point < 0)
        {
            point = digits.Length;
        }

        var zeros = 0;
        while (zeros < digits.Length && digits[zeros] == '0')
        {
            zeros++;
        }

        digits.Remove(0, zeros);
        point -= zeros;

        var exponent = 0;
        if (i < text.Length && text[i] is 'e' or 'E')
        {
            i++;
            var expNegative = false;
            if (i < text.Length && text[i] is '-' or '+')
            {
                expNegative = text[i] == '-';
                i++;
            }

            var expStart = i;
            for (; i < text.Length && text[i] is >= '0' and <= '9'; i++)
            {
                if (exponent < 10_000)
                {
                    exponent = (exponent * 10) + (text[i] - '0');
                }
            }

            if (i == expStart)
            {
                return stored;
            }

            exponent = expNegative ? -exponent : exponent;
        }

        if (!any || i != text.Length || exponent > MaxExponent || exponent < -MaxExponent)
        {
            return stored;
        }

        if (digits.Length == 0)
        {
            return "0";
        }

        point += exponent;
        if (digits.Length > SignificantDigits)
        {
            var roundUp = digits[SignificantDigits] >= '5';
            digits.Length = SignificantDigits;
            if (roundUp)
            {
                var k = digits.Length - 1;
                while (k >= 0 && digits[k] == '9')
                {
                    digits[k] = '0';
                    k--;
                }

                if (k >= 0)
                {
                    digits[k]++;
                }
                else
                {
                    digits.Insert(0, '1');
                    point++;
                }
            }
        }

        var end = digits.Length;
        while (end > 0 && digits[end - 1] == '0' && end > point)
        {
            end--;
        }

        digits.Length = end;
        var result = new StringBuilder(digits.Length + 8);
        if (negative)
        {
            result.Append('-');
        }

        if (point <= 0)
        {
            result.Append("0.").Append('0', -point).Append(digits);
        }
        else if (point >= digits.Length)
        {
            result.Append(digits).Append('0', point - digits.Length);
        }
        else
        {
            result.Append(digits.ToString(0, point)).Append('.').Append(digits.ToString(point, digits.Length - point));
        }

        return result.ToString();
    }
}
