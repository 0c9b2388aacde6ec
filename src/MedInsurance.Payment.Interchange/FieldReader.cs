using System;
using System.Collections.Generic;
using System.Globalization;
using System.Runtime.CompilerServices;
using MedInsurance.Payment.Validation;

namespace MedInsurance.Payment.Interchange;

/// <summary>
/// Reads typed fields out of the current row of a <see cref="CsvInput"/>, straight from its bytes, collecting a coded
/// issue (naming the column, never the value) for each bad one. Columns are given by position (fast) or by name
/// (resolved through the reader's mapping). One per file; <see cref="Issues"/> is cleared per row by the reader.
/// </summary>
internal sealed class FieldReader
{
    private readonly CsvInput _input;
    private readonly Func<string, int> _indexOf;
    private IsoDateCache? _dates; // made at the first date read

    public FieldReader(CsvInput input, Func<string, int> indexOf)
    {
        _input = input;
        _indexOf = indexOf;
    }

    public List<ValidationIssue> Issues { get; } = new();

    public CsvInput Input => _input;

    public string Text(string column) => _input.Text(_indexOf(column));

    public string Text(int index) => _input.Text(index);

    public bool IsEmpty(int index) => _input.Rows.Field(index).IsEmpty;

    public int? OptionalInt(string column, int min, int max) => OptionalInt(_indexOf(column), column, min, max);

    /// <summary>A whole number between <paramref name="min"/> and <paramref name="max"/>, or null when the column is absent
    /// or the value empty. A column absent from the header is answered here, inlined into the caller, without a call
    /// (docs/performance.md, change 63).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int? OptionalInt(int index, string column, int min, int max) => index < 0 ? null : ReadOptionalInt(index, column, min, max);

    private int? ReadOptionalInt(int index, string column, int min, int max)
    {
        var bytes = _input.Rows.Field(index);
        if (bytes.IsEmpty)
        {
            return null;
        }

        switch (CsvValues.ParseInt(bytes, out var value))
        {
            case ValueStatus.Malformed:
                Invalid(column, _input.Text(index), "整数", "a whole number");
                return null;
            case ValueStatus.OutOfRange:
                OutOfRange(column, min, max, _input.Text(index));
                return null;
        }

        if (value < min || value > max)
        {
            OutOfRange(column, min, max, _input.Text(index));
            return null;
        }

        return value;
    }

    public int Int(string column, int min, int max, int fallback) => OptionalInt(column, min, max) ?? fallback;

    public int Int(int index, string column, int min, int max, int fallback) => OptionalInt(index, column, min, max) ?? fallback;

    public Money Money(string column) => Money(_indexOf(column), column);

    /// <summary>An amount in yuan, strictly (see <see cref="CsvValues.ParseYuan"/>); zero when absent, empty or bad (an
    /// absent column answered inlined, as <see cref="OptionalInt(int, string, int, int)"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Money Money(int index, string column) => index < 0 ? Payment.Money.Zero : ReadMoney(index, column);

    private Money ReadMoney(int index, string column)
    {
        var bytes = _input.Rows.Field(index);
        if (bytes.IsEmpty)
        {
            return Payment.Money.Zero;
        }

        switch (CsvValues.ParseYuan(bytes, out var fen))
        {
            case ValueStatus.Ok:
                return Payment.Money.FromFen(fen);
            case ValueStatus.OutOfRange:
                Issues.Add(ValidationIssue.Error(
                    IssueCodes.FieldOutOfRange,
                    column,
                    column + "的金额超出可处理范围（绝对值不超过999999999999.99元）",
                    column + " is beyond the amounts that can be processed (at most 999,999,999,999.99 yuan either way).").WithValue(_input.Text(index)));
                return Payment.Money.Zero;
            default:
                Invalid(column, _input.Text(index), "精确到分的金额（元），如1234.56或1,234.56", "an amount in yuan exact to the fen, such as 1234.56 or 1,234.56");
                return Payment.Money.Zero;
        }
    }

    public CalendarDate? Date(string column) => Date(_indexOf(column), column);

    /// <summary>A date written <c>yyyy-MM-dd</c>, or null when absent or empty (an absent column answered inlined, as
    /// <see cref="OptionalInt(int, string, int, int)"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public CalendarDate? Date(int index, string column) => index < 0 ? null : ReadDate(index, column);

    private CalendarDate? ReadDate(int index, string column)
    {
        var bytes = _input.Rows.Field(index);
        if (bytes.IsEmpty)
        {
            return null;
        }

        if ((_dates ??= new IsoDateCache()).TryParse(bytes, out var date))
        {
            return date;
        }

        Invalid(column, _input.Text(index), "日期（yyyy-MM-dd）", "a date (yyyy-MM-dd)");
        return null;
    }

    /// <summary>Adds a <c>FIELD_INVALID</c> issue for <paramref name="column"/>; <paramref name="text"/> is its <see cref="ValidationIssue.Value"/>, never part of the message (privacy).</summary>
    public void Invalid(string column, string text, string expectedZh, string expectedEn) =>
        Issues.Add(ValidationIssue.Error(
            IssueCodes.FieldInvalid,
            column,
            column + "的值无效，应为" + expectedZh,
            column + " is invalid: expected " + expectedEn + ".").WithValue(text));

    private void OutOfRange(string column, int min, int max, string text) =>
        Issues.Add(ValidationIssue.Error(
            IssueCodes.FieldOutOfRange,
            column,
            column + "超出范围" + Range(min, max),
            column + " is outside " + Range(min, max) + ".").WithValue(text));

    private static string Range(int min, int max) =>
        "[" + min.ToString(CultureInfo.InvariantCulture) + ", " + max.ToString(CultureInfo.InvariantCulture) + "]";
}
