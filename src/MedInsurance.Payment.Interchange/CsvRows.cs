using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using MedInsurance.Payment.Validation;

namespace MedInsurance.Payment.Interchange;

/// <summary>
/// The row reader the capitation (roster, claim, member, outside-claim) and outpatient (item line) files share, on the byte-level CSV reader of
/// Interchange: strict decoding (a row with bytes invalid in the file's encoding is rejected, never read with
/// replacement characters), a quote left open rejects its line only, limits on field and row size, and the rows in and
/// out counted (<see cref="CsvReadReport"/>). One entry per data row: its number, the row's fields (null when the row
/// could not be split or decoded, or a required column is missing) and its issues.
/// </summary>
internal static class CsvRows
{
    /// <summary>Opens text (already decoded; it is read as UTF-8 bytes).</summary>
    public static CsvInput Open(TextReader reader) =>
        CsvInput.Open(reader ?? throw new ArgumentNullException(nameof(reader)), CsvReadOptions.Default);

    /// <summary>Opens bytes in the encoding of <paramref name="options"/> (the stream is left open).</summary>
    public static CsvInput Open(Stream stream, CsvReadOptions options) =>
        CsvInput.Open(stream ?? throw new ArgumentNullException(nameof(stream)), options ?? throw new ArgumentNullException(nameof(options)), ownsStream: false);

    /// <summary>
    /// Every data row of <paramref name="input"/> (disposed at the end); <paramref name="completed"/> gets the counts. The
    /// issue list is one list, cleared for each row: the caller adds the row's own issues to it and keeps a copy
    /// (<see cref="Snapshot"/>) before asking for the next row.
    /// </summary>
    /// <param name="input">The opened file.</param>
    /// <param name="required">The columns every row needs (a missing one rejects every row).</param>
    /// <param name="completed">Called once at the end with rows in, accepted (rows without an error) and rejected.</param>
    public static IEnumerable<(int Row, CsvRow? Fields, List<ValidationIssue> Issues)> Read(CsvInput input, string[] required, Action<CsvReadReport>? completed)
    {
        using (input)
        {
            var header = ReadHeader(input);
            if (header is null)
            {
                completed?.Invoke(Report(input, 0, 0));
                yield break;
            }

            var fields = new CsvRow(input, header);
            var issues = new List<ValidationIssue>();
            var row = 0;
            long accepted = 0;
            while (input.MoveNext())
            {
                row = checked(row + 1); // this project is compiled unchecked: a row count past int.MaxValue must not wrap
                issues.Clear();
                if (RowProblem(input, header) is { } problem)
                {
                    issues.Add(problem);
                    yield return (row, null, issues);
                    continue;
                }

                foreach (var column in required)
                {
                    if (!header.Has(column))
                    {
                        issues.Add(ValidationIssue.Error(IssueCodes.ColumnMissing, column, "表头缺少必需列" + column, "The header lacks the required column '" + column + "'."));
                    }
                }

                // The caller adds its own issues to the list before asking for the next row, so they are counted here.
                yield return (row, issues.Count > 0 ? null : fields, issues);
                accepted += issues.Exists(i => i.IsError) ? 0 : 1;
            }

            completed?.Invoke(Report(input, row, accepted));
        }
    }

    /// <summary>The issues as kept with a record (the shared empty list when there are none).</summary>
    public static IReadOnlyList<ValidationIssue> Snapshot(List<ValidationIssue> issues) => CsvTables.Snapshot(issues);

    /// <summary>The header record; null when the input has none.</summary>
    public static HeaderIndex? ReadHeader(CsvInput input) => CsvTables.ReadHeader(input);

    /// <summary>The issue of a row that could not be split or decoded, or null.</summary>
    public static ValidationIssue? RowProblem(CsvInput input, HeaderIndex header) => CsvTables.RowProblem(input, header, out _);

    /// <summary>The read report.</summary>
    public static CsvReadReport Report(CsvInput input, long rows, long accepted) => CsvTables.Report(input, rows, accepted);

    /// <summary>
    /// 严格金额 — an amount in yuan read strictly from the field's bytes (digits, one optional decimal point, at most two
    /// decimals, grouping only as <c>1,234.56</c>; within ±999 999 999 999.99): the issue when it is not one (naming the
    /// column; the text is the issue's value, never its message).
    /// </summary>
    /// <param name="input">The file, at the row.</param>
    /// <param name="index">The column's position.</param>
    /// <param name="column">The column's name.</param>
    /// <param name="invalidCode">The code of a malformed amount (the reader's own FIELD_INVALID).</param>
    /// <param name="fen">The amount in fen (0 when not read).</param>
    /// <returns>Null when read; otherwise the issue.</returns>
    public static ValidationIssue? Yuan(CsvInput input, int index, string column, string invalidCode, out long fen)
    {
        switch (CsvValues.ParseYuan(input.Rows.Field(index), out fen))
        {
            case ValueStatus.Ok:
                return null;
            case ValueStatus.OutOfRange:
                fen = 0;
                return ValidationIssue.Error(
                    IssueCodes.FieldOutOfRange,
                    column,
                    column + "的金额超出可处理范围（绝对值不超过999999999999.99元）",
                    column + " is beyond the amounts that can be processed (at most 999,999,999,999.99 yuan either way).").WithValue(input.Text(index));
            default:
                fen = 0;
                return ValidationIssue.Error(
                    invalidCode,
                    column,
                    column + "的值无效，应为精确到分的金额（元），如1234.56或1,234.56",
                    column + " is invalid: expected an amount in yuan exact to the fen, such as 1234.56 or 1,234.56.").WithValue(input.Text(index));
        }
    }

    /// <summary>Row N as an id, for rows without one.</summary>
    public static string RowId(int row) => "row " + row.ToString(CultureInfo.InvariantCulture);
}
