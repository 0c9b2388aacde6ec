using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using CsvHelper;
using MedInsurance.Payment.Interchange;
using MedInsurance.Payment.Settlement;
using MedInsurance.Payment.Validation;

namespace MedInsurance.Payment.Cli;

/// <summary>Writes result CSV files (UTF-8, header row, issues as <c>CODE(field)</c> joined by <c>|</c>).</summary>
internal static class ResultCsv
{
    public static string Issues(IEnumerable<ValidationIssue> issues) =>
        issues is IReadOnlyCollection<ValidationIssue> { Count: 0 } ? string.Empty : string.Join("|", issues.Select(i => i.ToCompactString()));

    /// <summary>The issues of three lists, in order, as <see cref="Issues(IEnumerable{ValidationIssue})"/> writes them; no
    /// allocation when there are none or one (most rows of a result file).</summary>
    public static string Issues(IReadOnlyList<ValidationIssue> first, IReadOnlyList<ValidationIssue> second, IReadOnlyList<ValidationIssue> third)
    {
        var count = first.Count + second.Count + third.Count;
        if (count == 0)
        {
            return string.Empty;
        }

        if (count == 1)
        {
            return (first.Count == 1 ? first[0] : second.Count == 1 ? second[0] : third[0]).ToCompactString();
        }

        var text = new StringBuilder();
        foreach (var list in new[] { first, second, third })
        {
            for (var i = 0; i < list.Count; i++)
            {
                text.Append(text.Length == 0 ? string.Empty : "|").Append(list[i].ToCompactString());
            }
        }

        return text.ToString();
    }

    /// <summary>Writes <c>row,id,status,issues</c> rows one record at a time (the header first).</summary>
    internal sealed class IssueWriter : System.IDisposable
    {
        private readonly CsvWriter _csv;

        public IssueWriter(TextWriter writer)
        {
            _csv = CliOutput.Csv(writer, leaveOpen: true);
            foreach (var header in new[] { "row", "id", "status", "issues" })
            {
                _csv.WriteField(header);
            }

            _csv.NextRecord();
        }

        public void Write<T>(ReadRecord<T> record)
            where T : class
        {
            _csv.WriteField(record.RowNumber.ToString(CultureInfo.InvariantCulture));
            _csv.WriteField(record.Id);
            _csv.WriteField(record.IsRejected ? "rejected" : "accepted");
            _csv.WriteField(Issues(record.Issues));
            _csv.NextRecord();
        }

        public void Dispose() => _csv.Dispose();
    }

    /// <summary>Writes the settlement-line columns of one output row (see the generic overload) with a CSV writer.</summary>
    public static void WriteLineCells(CsvWriter csv, SettlementLine? line, string id, string? hospitalId) =>
        WriteLineCells(new CsvWriterCells(csv), line, id, hospitalId);

    /// <summary>
    /// Writes the settlement-line columns of one output row: the line's cells when the row was priced, otherwise the
    /// line id and hospital id with the other line columns blank (so the row reads back as rejected, never lost).
    /// </summary>
    public static void WriteLineCells<TCells>(TCells csv, SettlementLine? line, string id, string? hospitalId)
        where TCells : ICsvCells
    {
        if (line is { } priced)
        {
            foreach (var cell in SettlementLineCsv.Cells(priced))
            {
                csv.WriteField(cell);
            }

            return;
        }

        csv.WriteField(id);
        csv.WriteField(hospitalId ?? string.Empty);
        for (var i = 2; i < SettlementLineCsv.Header.Count; i++)
        {
            csv.WriteField(string.Empty);
        }
    }

    /// <summary>A CsvHelper writer as <see cref="ICsvCells"/>.</summary>
    private readonly struct CsvWriterCells : ICsvCells
    {
        private readonly CsvWriter _csv;

        public CsvWriterCells(CsvWriter csv) => _csv = csv;

        public void WriteField(string? cell) => _csv.WriteField(cell);
    }
}
