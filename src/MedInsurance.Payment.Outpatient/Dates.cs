using System.Globalization;

namespace MedInsurance.Payment.Outpatient;

/// <summary>Dates as <c>yyyyMMdd</c> integers: ordered like the dates, the same on every target framework.</summary>
internal static class Dates
{
    public static int Key(int year, int month, int day) => (year * 10_000) + (month * 100) + day;

    public static int Year(int key) => key / 10_000;

    public static string Text(int key) => key <= 0
        ? string.Empty
        : (key / 10_000).ToString("0000", CultureInfo.InvariantCulture) + "-" + (key / 100 % 100).ToString("00", CultureInfo.InvariantCulture) + "-" + (key % 100).ToString("00", CultureInfo.InvariantCulture);

    /// <summary>Parses <c>yyyy-MM-dd</c> (the policy files' spelling); 0 when not a date.</summary>
    public static int Parse(string? text)
    {
        if (text is null || !System.DateTime.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return 0;
        }

        return Key(date.Year, date.Month, date.Day);
    }
}
