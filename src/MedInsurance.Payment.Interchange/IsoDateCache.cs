using System;
using System.Runtime.InteropServices;

namespace MedInsurance.Payment.Interchange;

/// <summary>
/// The dates of a file's date columns written <c>yyyy-MM-dd</c> (the settlement list's form), each text parsed once: a
/// year of cases has some 730 admission and discharge dates among twenty million fields. A direct-mapped table of 4 096
/// entries (48 KB; 64 KB on .NET Framework, where a date is a DateTime) keyed by the ten bytes; a miss, or any other form, is parsed by <see cref="CsvValues.TryParseDate"/>,
/// and only a valid date is kept, so a hit returns exactly what parsing would. One per reading thread (not thread-safe).
/// </summary>
internal sealed class IsoDateCache
{
    private const int Bits = 12;

    // The key is the text's first eight bytes with its two dashes (bytes 4 and 7) replaced by the day's two digits: one
    // ulong names the whole ten-byte text. A kept key is never 0 (a valid date's text holds digits), so 0 marks an empty
    // entry — and a text whose key is 0 (NUL bytes around the dashes) is never answered from the table.
    private const ulong DashMask = (0xFFUL << 32) | (0xFFUL << 56);
    private const ulong Dashes = ((ulong)'-' << 32) | ((ulong)'-' << 56);

    private readonly ulong[] _keys = new ulong[1 << Bits];
    private readonly CalendarDate[] _dates = new CalendarDate[1 << Bits];

    /// <summary>Reads a date as <see cref="CsvValues.TryParseDate"/> does (every form it accepts), from the table when the
    /// text is a <c>yyyy-MM-dd</c> already read.</summary>
    /// <param name="s">The field's bytes.</param>
    /// <param name="date">The date, when valid.</param>
    /// <returns>Whether the text is a valid date.</returns>
    public bool TryParse(ReadOnlySpan<byte> s, out CalendarDate date)
    {
        if (s.Length != 10)
        {
            return Parse(s, out date);
        }

        var head = MemoryMarshal.Read<ulong>(s);
        if ((head & DashMask) != Dashes || !BitConverter.IsLittleEndian)
        {
            return Parse(s, out date);
        }

        var key = (head & ~DashMask) | ((ulong)s[8] << 32) | ((ulong)s[9] << 56);
        var slot = (int)(unchecked(key * 0x9E3779B97F4A7C15UL) >> (64 - Bits));
        if (key != 0 && _keys[slot] == key)
        {
            date = _dates[slot];
            return true;
        }

        if (!Parse(s, out date))
        {
            return false;
        }

        _keys[slot] = key;
        _dates[slot] = date;
        return true;
    }

    private static bool Parse(ReadOnlySpan<byte> s, out CalendarDate date)
    {
        if (CsvValues.TryParseDate(s, out var year, out var month, out var day))
        {
#if NET
            date = new DateOnly(year, month, day);
#else
            date = new DateTime(year, month, day);
#endif
            return true;
        }

        date = default;
        return false;
    }
}
