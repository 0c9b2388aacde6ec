using System;
using System.Globalization;

namespace MedInsurance.Payment.Cli;

/// <summary>
/// The numbers of <c>medpay monitor</c>'s tables: a decimal rounded half away from zero to 6 places and written without
/// trailing zeros, a whole number as it is; an absent value is an empty cell. One rule for the tables written as text
/// cells and for the large ones formatted into a character buffer (<see cref="CsvRowText"/>).
/// </summary>
internal static class IndicatorNumber
{
    private const string Format = "0.######";

    /// <summary>The cell text of a decimal (empty when absent).</summary>
    public static string Text(decimal? value) => value is { } v ? Round(v).ToString(Format, CultureInfo.InvariantCulture) : string.Empty;

    /// <summary>The cell text of a whole number (empty when absent).</summary>
    public static string Text(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;

    /// <summary>Appends a decimal cell as <see cref="Text(decimal?)"/> writes it.</summary>
    public static void Write(CsvRowText row, decimal? value)
    {
        if (value is { } v)
        {
            row.WriteNumber(Round(v), Format);
        }
        else
        {
            row.WriteField(null);
        }
    }

    /// <summary>Appends a whole-number cell as <see cref="Text(long?)"/> writes it.</summary>
    public static void Write(CsvRowText row, long? value)
    {
        if (value is { } v)
        {
            row.WriteNumber(v);
        }
        else
        {
            row.WriteField(null);
        }
    }

    private static decimal Round(decimal value) => Math.Round(value, 6, MidpointRounding.AwayFromZero);
}
