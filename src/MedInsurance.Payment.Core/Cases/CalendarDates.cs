namespace MedInsurance.Payment.Cases;

/// <summary>
/// Date arithmetic that reads the same on both target frameworks: <c>CalendarDate</c> is
/// <c>System.DateOnly</c> on .NET and a date-only <c>System.DateTime</c> on .NET Standard 2.0.
/// </summary>
internal static class CalendarDates
{
    /// <summary>Whole days from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static int DaysBetween(CalendarDate from, CalendarDate to)
    {
#if NET
        return to.DayNumber - from.DayNumber;
#else
        return (int)(to.Date - from.Date).TotalDays;
#endif
    }
}
