using System;

namespace MedInsurance.Payment.Interchange;

/// <summary>The outcome of reading a number from a field.</summary>
internal enum ValueStatus
{
    Ok = 0,

    /// <summary>Not written as the value type is written.</summary>
    Malformed,

    /// <summary>Written correctly, but too large (or small) to be a plausible value.</summary>
    OutOfRange,
}

/// <summary>
/// Strict parsers for field bytes (ASCII; anything else is malformed): amounts in yuan, whole numbers and dates.
/// No culture, no exponents, no white space inside, no allocation.
/// </summary>
internal static class CsvValues
{
    /// <summary>
    /// 金额上限 — the largest amount a field may hold: 999 999 999 999.99 yuan (under 1 万亿元). Larger amounts are not
    /// plausible for a case or a settlement line, and keeping them out leaves room to add up 90 000 extreme lines
    /// without overflowing a <see cref="long"/> of fen.
    /// </summary>
    public const long MaxYuanIntegerPart = 999_999_999_999L;

    /// <summary>
    /// Reads an amount in yuan: an optional sign, digits (or groups of three separated by commas, as in
    /// <c>1,234,567.89</c>), then optionally a point and one or two decimals. <c>1,5</c>, <c>1,2,3,4</c>, <c>1.234</c>,
    /// <c>.5</c>, <c>5.</c> and <c>1e5</c> are malformed.
    /// </summary>
    public static ValueStatus ParseYuan(ReadOnlySpan<byte> s, out long fen)
    {
        // The common form first, in one pass: up to 12 digits (within MaxYuanIntegerPart), then nothing or a point and one
        // or two digits. Anything else (a sign, commas, a malformed or too large amount) is read by the full rule below.
        long whole = 0;
        var i = 0;
        var end = Math.Min(s.Length, 12);
        while (i < end && IsDigit(s[i]))
        {
            whole = (whole * 10) + (s[i] - '0');
            i++;
        }

        if (i > 0)
        {
            if (i == s.Length)
            {
                fen = whole * 100;
                return ValueStatus.Ok;
            }

            if (s[i] == '.' && s.Length - i is 2 or 3 && IsDigit(s[i + 1]) && (s.Length - i == 2 || IsDigit(s[i + 2])))
            {
                fen = (whole * 100) + ((s[i + 1] - '0') * 10) + (s.Length - i == 3 ? s[i + 2] - '0' : 0);
                return ValueStatus.Ok;
            }
        }

        return ParseYuanByRule(s, out fen);
    }

    /// <summary><see cref="ParseYuan"/>'s full rule (every form it takes or refuses); the common form is read before it.</summary>
    internal static ValueStatus ParseYuanByRule(ReadOnlySpan<byte> s, out long fen)
    {
        fen = 0;
        var i = 0;
        var negative = false;
        if (s.Length > 0 && s[0] is (byte)'+' or (byte)'-')
        {
            negative = s[0] == '-';
            i = 1;
        }

        var firstGroup = CountDigits(s, i);
        if (firstGroup == 0)
        {
            return ValueStatus.Malformed;
        }

        var tooLarge = false;
        long whole = 0;
        Accumulate(s, i, firstGroup, ref whole, ref tooLarge);
        i += firstGroup;
        if (i < s.Length && s[i] == ',')
        {
            if (firstGroup > 3)
            {
                return ValueStatus.Malformed;
            }

            while (i < s.Length && s[i] == ',')
            {
                if (CountDigits(s, i + 1) != 3)
                {
                    return ValueStatus.Malformed;
                }

                Accumulate(s, i + 1, 3, ref whole, ref tooLarge);
                i += 4;
            }
        }

        long cents = 0;
        if (i < s.Length && s[i] == '.')
        {
            var decimals = CountDigits(s, i + 1);
            if (decimals is < 1 or > 2)
            {
                return ValueStatus.Malformed;
            }

            cents = (s[i + 1] - '0') * 10 + (decimals == 2 ? s[i + 2] - '0' : 0);
            i += 1 + decimals;
        }

        if (i != s.Length)
        {
            return ValueStatus.Malformed;
        }

        if (tooLarge || whole > MaxYuanIntegerPart)
        {
            return ValueStatus.OutOfRange;
        }

        fen = (whole * 100) + cents;
        if (negative)
        {
            fen = -fen;
        }

        return ValueStatus.Ok;
    }

    /// <summary>Reads a whole number: an optional sign and digits.</summary>
    public static ValueStatus ParseInt(ReadOnlySpan<byte> s, out int value)
    {
        value = 0;
        var i = 0;
        var negative = false;
        if (s.Length > 0 && s[0] is (byte)'+' or (byte)'-')
        {
            negative = s[0] == '-';
            i = 1;
        }

        var digits = CountDigits(s, i);
        if (digits == 0 || i + digits != s.Length)
        {
            return ValueStatus.Malformed;
        }

        long n = 0;
        for (var k = i; k < s.Length; k++)
        {
            n = (n * 10) + (s[k] - '0');
            if (n > int.MaxValue)
            {
                return ValueStatus.OutOfRange;
            }
        }

        value = negative ? (int)-n : (int)n;
        return ValueStatus.Ok;
    }

    /// <summary>
    /// Reads a date written <c>yyyy-MM-dd</c>, <c>yyyy/MM/dd</c>, <c>yyyyMMdd</c>, <c>yyyy-M-d</c> or <c>yyyy/M/d</c>,
    /// optionally followed by a time of day (<c>2026-03-01 10:30:00</c>, <c>2026-03-01T10:30</c>: the settlement list's
    /// 入院时间/出院时间), which is checked and dropped.
    /// </summary>
    public static bool TryParseDate(ReadOnlySpan<byte> s, out int year, out int month, out int day)
    {
        year = month = day = 0;
        var timeAt = s.Length > 8 ? s.Slice(8).IndexOfAny((byte)' ', (byte)'T') : -1;
        if (timeAt >= 0)
        {
            if (!IsTimeOfDay(s.Slice(8 + timeAt + 1)))
            {
                return false;
            }

            s = s.Slice(0, 8 + timeAt);
        }

        if (s.Length < 8 || CountDigits(s, 0) < 4)
        {
            return false;
        }

        year = Number(s, 0, 4);
        if (s.Length == 8 && CountDigits(s, 0) == 8)
        {
            month = Number(s, 4, 2);
            day = Number(s, 6, 2);
        }
        else
        {
            var separator = s[4];
            if (separator is not ((byte)'-' or (byte)'/'))
            {
                return false;
            }

            var monthDigits = CountDigits(s, 5);
            var at = 5 + monthDigits;
            if (monthDigits is < 1 or > 2 || at >= s.Length || s[at] != separator)
            {
                return false;
            }

            var dayDigits = CountDigits(s, at + 1);
            if (dayDigits is < 1 or > 2 || at + 1 + dayDigits != s.Length)
            {
                return false;
            }

            month = Number(s, 5, monthDigits);
            day = Number(s, at + 1, dayDigits);
        }

        return year >= 1 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);
    }

    /// <summary><c>H:mm</c>, <c>HH:mm</c> or <c>HH:mm:ss</c> with hours 0–23, minutes and seconds 0–59.</summary>
    private static bool IsTimeOfDay(ReadOnlySpan<byte> s)
    {
        var hourDigits = CountDigits(s, 0);
        if (hourDigits is < 1 or > 2 || hourDigits >= s.Length || s[hourDigits] != ':' || Number(s, 0, hourDigits) > 23)
        {
            return false;
        }

        var at = hourDigits + 1;
        if (CountDigits(s, at) != 2 || Number(s, at, 2) > 59)
        {
            return false;
        }

        at += 2;
        if (at == s.Length)
        {
            return true;
        }

        return s[at] == ':' && at + 3 == s.Length && CountDigits(s, at + 1) == 2 && Number(s, at + 1, 2) <= 59;
    }

    private static bool IsDigit(byte b) => b is >= (byte)'0' and <= (byte)'9';

    private static int CountDigits(ReadOnlySpan<byte> s, int start)
    {
        var i = start;
        while (i < s.Length && s[i] >= '0' && s[i] <= '9')
        {
            i++;
        }

        return i - start;
    }

    private static void Accumulate(ReadOnlySpan<byte> s, int start, int count, ref long whole, ref bool tooLarge)
    {
        for (var k = start; k < start + count; k++)
        {
            if (whole > MaxYuanIntegerPart)
            {
                tooLarge = true;
                return;
            }

            whole = (whole * 10) + (s[k] - '0');
        }
    }

    private static int Number(ReadOnlySpan<byte> s, int start, int count)
    {
        var n = 0;
        for (var k = start; k < start + count; k++)
        {
            n = (n * 10) + (s[k] - '0');
        }

        return n;
    }
}
