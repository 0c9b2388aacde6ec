using System;
using System.Globalization;

namespace MedInsurance.Payment.Cases;

/// <summary>
/// ISO 日期 — the one strict reading of a <c>yyyy-MM-dd</c> date in policy and catalog files (effective dates, credit
/// periods): exactly that form, a real calendar day, nothing else (no time, no other separator).
/// </summary>
/// <remarks>Pure and thread-safe.</remarks>
public static class IsoDate
{
    /// <summary>Reads <paramref name="text"/> as <c>yyyy-MM-dd</c>.</summary>
    /// <param name="text">The text (null or anything else fails).</param>
    /// <param name="date">The date when read.</param>
    /// <returns>Whether the text is an ISO date.</returns>
    public static bool TryParse(string? text, out CalendarDate date)
    {
        if (text is not null && DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            date = new CalendarDate(d.Year, d.Month, d.Day);
            return true;
        }

        date = default;
        return false;
    }
}
