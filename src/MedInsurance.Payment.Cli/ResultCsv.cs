using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using CsvHelper;
using MedInsurance.Payment.Interchange;
using MedInsurance.Payment.Settlement;
using MedInsurance.Payment.Validation;

namespace MedInsurance.Payment.Cli;

/// <summary>Writes result CSV files (UTF-8, header row, issues as <c>CODE(field)</c> joined by <c>|</c>).</summary>
internal static class ResultCsv
{
    public static string Issues(IEnumerable<ValidationIssue> issues) => string.Join("|", issues.Select(i => i.ToCompactString()));

    public static void WriteIssues<T>(TextWriter writer, IEnumerable<ReadRecord<T>> records)
        where T : class
    {
        using var csv = CliOutput.Csv(writer, leaveOpen: true);
        foreach (var header in new[] { "row", "id", "status", "issues" })
        {
            csv.WriteField(header);
        }

        csv.NextRecord();
        foreach (var record in records)
        {
            csv.WriteField(record.RowNumber.ToString(CultureInfo.InvariantCulture));
            csv.WriteField(record.Id);
            csv.WriteField(record.IsRejected ? "rejected" : "accepted");
            csv.WriteField(Issues(record.Issues));
            csv.NextRecord();
        }
    }

    /// <summary>
    /// Writes the settlement-line columns of one output row: the line's cells when the row was priced, otherwise the
    /// line id and hospital id with the other line columns blank (so the row reads back as rejected, never lost).
    /// </summary>
    public static void WriteLineCells(CsvWriter csv, SettlementLine? line, string id, string? hospitalId)
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
}
