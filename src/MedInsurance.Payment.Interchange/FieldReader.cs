using System;
using System.Collections.Generic;
using System.Globalization;
using MedInsurance.Payment.Validation;

namespace MedInsurance.Payment.Interchange;

/// <summary>
/// Reads typed fields out of one CSV row, collecting a coded issue (naming the column) for each bad value.
/// </summary>
internal sealed class FieldReader
{
    private readonly Func<string, string?> _get;

    public FieldReader(Func<string, string?> get, List<ValidationIssue> issues)
    {
        _get = get;
        Issues = issues;
    }

    public List<ValidationIssue> Issues { get; }

    public string Text(string column) => _get(column)?.Trim() ?? string.Empty;

    public int? OptionalInt(string column, int min, int max)
    {
        var text = Text(column);
        if (text.Length == 0)
        {
            return null;
        }

        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            Invalid(column, text, "整数", "a whole number");
            return null;
        }

        if (value < min || value > max)
        {
            Issues.Add(ValidationIssue.Error(
                IssueCodes.FieldOutOfRange,
                column,
                column + "超出范围" + Range(min, max),
                column + " is outside " + Range(min, max) + "."));
            return null;
        }

        return value;
    }

    public int Int(string column, int min, int max, int fallback) => OptionalInt(column, min, max) ?? fallback;

    public Money Money(string column)
    {
        var text = Text(column);
        if (text.Length == 0)
        {
            return Payment.Money.Zero;
        }

        if (!Payment.Money.TryParseYuan(text, out var value))
        {
            Invalid(column, text, "精确到分的金额（元）", "an amount in yuan exact to the fen");
        }

        return value;
    }

    public CalendarDate? Date(string column)
    {
        var text = Text(column);
        if (text.Length == 0)
        {
            return null;
        }

        foreach (var format in DateFormats)
        {
            if (DateTime.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
#if NET
                return DateOnly.FromDateTime(parsed);
#else
                return parsed.Date;
#endif
            }
        }

        Invalid(column, text, "日期（yyyy-MM-dd）", "a date (yyyy-MM-dd)");
        return null;
    }

    public void Invalid(string column, string text, string expectedZh, string expectedEn) =>
        Issues.Add(ValidationIssue.Error(
            IssueCodes.FieldInvalid,
            column,
            column + "的值无效，应为" + expectedZh,
            column + " is invalid: expected " + expectedEn + "."));

    private static readonly string[] DateFormats = { "yyyy-MM-dd", "yyyy/MM/dd", "yyyyMMdd", "yyyy-M-d", "yyyy/M/d" };

    private static string Range(int min, int max) =>
        "[" + min.ToString(CultureInfo.InvariantCulture) + ", " + max.ToString(CultureInfo.InvariantCulture) + "]";
}
