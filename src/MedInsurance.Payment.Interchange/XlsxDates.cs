using System;
using System.Globalization;
using System.Text;

namespace MedInsurance.Payment.Interchange;

/// <summary>
/// 日期单元格 — which number formats of an .xlsx file show a date, and the text of a date cell. Excel stores a date as
/// a serial number of days (1 = 1900-01-01, with Excel's 1900-02-29; or from 1904-01-01 in a 1904 workbook) formatted
/// as a date; the reader writes such a cell as <c>yyyy-MM-dd</c> (the readers' date format), with <c> HH:mm:ss</c>
/// when it has a time of day. A number cell whose format is not a date stays a number.
/// </summary>
internal static class XlsxDates
{
    /// <summary>The last serial Excel shows as a date (9999-12-31).</summary>
    private const decimal MaxSerial = 2_958_465.999_999m;

    /// <summary>
    /// Whether a number format shows a date: the built-in date and time formats (14–22, 45–47, and the East Asian
    /// 27–36 and 50–58 that Chinese Excel uses for <c>yyyy年m月d日</c>), or a custom code with a y, m, d, h or s outside
    /// quotes, escapes and brackets (<c>yyyy-mm-dd</c>, <c>[$-804]yyyy"年"m"月"d"日"</c>; not <c>0.00</c>, <c>[Red]0</c>).
    /// </summary>
    public static bool IsDateFormat(int id, string? code)
    {
        if (id is (>= 14 and <= 22) or (>= 27 and <= 36) or (>= 45 and <= 47) or (>= 50 and <= 58))
        {
            return true;
        }

        if (code is null)
        {
            return false;
        }

        for (var i = 0; i < code.Length; i++)
        {
            var c = code[i];
            switch (c)
            {
                case '"':
                    i = code.IndexOf('"', i + 1);
                    if (i < 0)
                    {
                        return false;
                    }

                    break;
                case '\\' or '_' or '*':
                    i++;
                    break;
                case '[':
                    var close = code.IndexOf(']', i + 1);
                    if (close < 0)
                    {
                        return false;
                    }

                    // [h], [mm], [ss]: elapsed time.
                    var inner = code.Substring(i + 1, close - i - 1).ToLowerInvariant();
                    if (inner.Length > 0 && inner.Trim('h', 'm', 's').Length == 0)
                    {
                        return true;
                    }

                    i = close;
                    break;
                case ';':
                    // Only the first section decides.
                    return false;
                default:
                    if (char.ToLowerInvariant(c) is 'y' or 'm' or 'd' or 'h' or 's' or 'e' && !IsGeneral(code, i))
                    {
                        return c is not ('e' or 'E') || IsEraYear(code, i);
                    }

                    break;
            }
        }

        return false;
    }

    /// <summary>A date serial as <c>yyyy-MM-dd</c> (or <c>yyyy-MM-dd HH:mm:ss</c>, or <c>HH:mm:ss</c> below 1); null when it is not a date Excel can show.</summary>
    public static string? Text(string stored, bool date1904)
    {
        if (!decimal.TryParse(stored, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) || serial < 0 || serial > MaxSerial)
        {
            return null;
        }

        // To whole seconds, half up (a time typed as 10:30 is stored as 0.4375000000001); the stored digits are read as
        // decimal, never through a double.
        var seconds = (long)decimal.Floor((serial * 86_400m) + 0.5m);
        var days = seconds / 86_400;
        var timeOfDay = seconds % 86_400;
        DateTime day;
        if (date1904)
        {
            day = new DateTime(1904, 1, 1).AddDays(days);
        }
        else if (days == 0)
        {
            // Serial 0 is Excel's 1900-01-00: a time of day alone, or no date at all (the reader then rejects it).
            return timeOfDay == 0 ? "1900-01-00" : Time(timeOfDay, withSpace: false);
        }
        else if (days == 60)
        {
            // Excel's 1900-02-29 (a day that did not exist, kept for Lotus 1-2-3): shown, and rejected by the reader.
            return "1900-02-29" + Time(timeOfDay, withSpace: true);
        }
        else
        {
            day = new DateTime(1899, 12, days < 60 ? 31 : 30).AddDays(days);
        }

        return day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + Time(timeOfDay, withSpace: true);
    }

    private static string Time(long seconds, bool withSpace)
    {
        if (seconds == 0)
        {
            return string.Empty;
        }

        var text = new StringBuilder(9);
        if (withSpace)
        {
            text.Append(' ');
        }

        text.Append((seconds / 3600).ToString("00", CultureInfo.InvariantCulture)).Append(':')
            .Append((seconds / 60 % 60).ToString("00", CultureInfo.InvariantCulture)).Append(':')
            .Append((seconds % 60).ToString("00", CultureInfo.InvariantCulture));
        return text.ToString();
    }

    /// <summary>Whether position <paramref name="i"/> is inside the word <c>General</c> (which has an e but is not a date).</summary>
    private static bool IsGeneral(string code, int i)
    {
        var start = code.IndexOf("general", StringComparison.OrdinalIgnoreCase);
        return start >= 0 && i >= start && i < start + 7;
    }

    /// <summary>Whether an <c>e</c> is the era year of a date code (<c>e"年"m"月"</c>) rather than a scientific exponent (<c>0.00E+00</c>).</summary>
    private static bool IsEraYear(string code, int i) => !(i + 1 < code.Length && code[i + 1] is '+' or '-');
}
