using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using MedInsurance.Payment.Validation;

namespace MedInsurance.Payment.Interchange;

/// <summary>The shared pieces of the readers: opening input, the row-level issues and the read report.</summary>
internal static class CsvTables
{
    public static ValidationIssue MissingColumn(string column) => ValidationIssue.Error(
        IssueCodes.ColumnMissing, column, "表头缺少必需列" + column, "The header lacks the required column '" + column + "'.");

    /// <summary>
    /// The issues of a row that could not be split or decoded (none when it is fine): they name its lines and, where
    /// known, the column — never its values.
    /// </summary>
    public static ValidationIssue? RowProblem(CsvInput input, HeaderIndex header, out bool undecodable)
    {
        undecodable = false;
        var rows = input.Rows;
        if (rows.Problem == CsvRowProblem.None)
        {
            var bad = input.FindUndecodable();
            if (bad < 0)
            {
                return null;
            }

            undecodable = true;
            var field = bad < rows.FieldCount ? header.NameAt(bad) : Lines(rows);
            return ValidationIssue.Error(
                IssueCodes.TextEncodingInvalid,
                field,
                "文件" + LinesZh(rows) + "含有不符合" + input.EncodingName + "编码的字节（请用 --encoding 指定文件编码：auto、utf-8 或 gb18030）",
                "The row on " + Lines(rows) + " has bytes that are not valid " + input.EncodingName + " (give the file's encoding: auto, utf-8 or gb18030).");
        }

        var lines = Lines(rows);
        var linesZh = LinesZh(rows);
        return rows.Problem switch
        {
            CsvRowProblem.UnterminatedQuote => ValidationIssue.Error(IssueCodes.RowMalformed, lines, "文件" + linesZh + "引号未闭合，本行被拒绝，从下一行继续读取", "The quote opened on " + lines + " is not closed; the line is rejected and reading resumes at the next line."),
            CsvRowProblem.StrayQuote => ValidationIssue.Error(IssueCodes.RowMalformed, lines, "文件" + linesZh + "CSV格式错误（字段中有多余引号）", "The row on " + lines + " is not well-formed CSV (a stray quote inside a field)."),
            CsvRowProblem.FieldTooLong => ValidationIssue.Error(IssueCodes.FieldTooLong, header.NameAt(rows.ProblemField), "文件" + linesZh + "的字段超过长度上限", "A field on " + lines + " is longer than the field limit."),
            CsvRowProblem.RowTooWide => ValidationIssue.Error(IssueCodes.RowTooWide, lines, "文件" + linesZh + "超过行宽上限，本行被拒绝，从下一行继续读取", "The row on " + lines + " is wider than the row limit; it is rejected and reading resumes at the next line."),
            _ => ValidationIssue.Error(IssueCodes.RowTooWide, lines, "文件" + linesZh + "的字段数超过列数上限", "The row on " + lines + " has more fields than the column limit."),
        };
    }

    private static string Lines(CsvByteReader rows) => rows.FirstLine == rows.LastLine
        ? "line " + N(rows.FirstLine)
        : "lines " + N(rows.FirstLine) + "-" + N(rows.LastLine);

    private static string LinesZh(CsvByteReader rows) => rows.FirstLine == rows.LastLine
        ? "第" + N(rows.FirstLine) + "行"
        : "第" + N(rows.FirstLine) + "–" + N(rows.LastLine) + "行";

    /// <summary>
    /// Opens a file for a reader (the file is closed when the input is): a CSV file as bytes in the encoding of
    /// <paramref name="options"/>, or a workbook's sheet (<see cref="TableFiles"/>) as CSV text, line N being worksheet row N.
    /// </summary>
    public static CsvInput OpenFile(string path, CsvReadOptions options) => TableFiles.IsWorkbook(path)
        ? CsvInput.Open(TableFiles.OpenText(path), options, ownsReader: true)
        : CsvInput.Open(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16), options, ownsStream: true);

    /// <summary>Reads the header record; null when the input has none.</summary>
    public static HeaderIndex? ReadHeader(CsvInput input)
    {
        if (!input.MoveNext())
        {
            return null;
        }

        var names = new string[input.Rows.FieldCount];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = input.Text(i);
        }

        return new HeaderIndex(names);
    }

    public static CsvReadReport Report(CsvInput input, long rows, long accepted) =>
        new(input.EncodingName, input.EncodingDetected, input.Rows.Lines, input.Rows.BlankLines, rows, accepted, rows - accepted);

    public static IReadOnlyList<ValidationIssue> Snapshot(List<ValidationIssue> issues) =>
        issues.Count == 0 ? Array.Empty<ValidationIssue>() : issues.ToArray();

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);
}
