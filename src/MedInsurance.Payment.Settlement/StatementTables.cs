using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace MedInsurance.Payment.Settlement;

/// <summary>
/// 清算单表格 — the one place the statement shapes of <c>settle year</c> are written (JSON lines, statement CSV, summary
/// CSV), so clearing, capitation and the consortium write the same columns.
/// </summary>
/// <remarks>Amounts in yuan with two decimals, quantities with up to ten decimals, invariant culture. Thread-safe.</remarks>
public static class StatementTables
{
    /// <summary>An indented UTF-8 JSON writer that keeps Chinese text unescaped.</summary>
    /// <param name="stream">The output.</param>
    /// <returns>The writer.</returns>
    public static Utf8JsonWriter JsonWriter(Stream stream) =>
        new(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    /// <summary>Writes a <c>lines</c> array: code, label, amount or quantity, formula.</summary>
    /// <param name="w">The writer (inside an object).</param>
    /// <param name="lines">The statement lines.</param>
    public static void WriteLines(Utf8JsonWriter w, IReadOnlyList<StatementLine> lines)
    {
        if (w is null || lines is null)
        {
            throw new ArgumentNullException(w is null ? nameof(w) : nameof(lines));
        }

        w.WriteStartArray("lines");
        foreach (var line in lines)
        {
            w.WriteStartObject();
            w.WriteString("code", line.Code);
            w.WriteString("label", line.Label);
            if (line.Amount is { } amount)
            {
                w.WriteString("amount", amount.ToString());
            }

            if (line.Quantity is { } quantity)
            {
                w.WriteString("quantity", Num(quantity));
            }

            w.WriteString("formula", line.Formula);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    /// <summary>Writes statements as CSV: <c>hospital_id,hospital_name,seq,code,label,amount,quantity,formula</c>, one row per line.</summary>
    /// <param name="statements">Each statement's id, name and lines, in order.</param>
    /// <param name="writer">The output.</param>
    /// <param name="raw">True to write cells exactly as given; by default a cell a spreadsheet would run as a formula gets a leading apostrophe (<see cref="Interchange.CsvCellSafety"/>).</param>
    public static void WriteStatementsCsv(IEnumerable<(string Id, string Name, IReadOnlyList<StatementLine> Lines)> statements, TextWriter writer, bool raw = false)
    {
        if (statements is null || writer is null)
        {
            throw new ArgumentNullException(statements is null ? nameof(statements) : nameof(writer));
        }

        using var csv = new Interchange.SafeCsvWriter(writer, leaveOpen: true, raw: raw);
        foreach (var header in new[] { "hospital_id", "hospital_name", "seq", "code", "label", "amount", "quantity", "formula" })
        {
            csv.WriteField(header);
        }

        csv.NextRecord();
        foreach (var (id, name, lines) in statements)
        {
            var seq = 0;
            foreach (var line in lines)
            {
                csv.WriteField(id);
                csv.WriteField(name);
                csv.WriteField((++seq).ToString(CultureInfo.InvariantCulture));
                csv.WriteField(line.Code);
                csv.WriteField(line.Label);
                csv.WriteField(line.Amount?.ToString() ?? string.Empty);
                csv.WriteField(line.Quantity is { } q ? Num(q) : string.Empty);
                csv.WriteField(line.Formula);
                csv.NextRecord();
            }
        }
    }

    /// <summary>Writes summary rows as CSV: <c>code,label,value</c>.</summary>
    /// <param name="rows">The rows, in order.</param>
    /// <param name="writer">The output.</param>
    /// <param name="raw">True to write cells exactly as given; by default a cell a spreadsheet would run as a formula gets a leading apostrophe (<see cref="Interchange.CsvCellSafety"/>).</param>
    public static void WriteSummaryCsv(IEnumerable<(string Code, string Label, string Value)> rows, TextWriter writer, bool raw = false)
    {
        if (rows is null || writer is null)
        {
            throw new ArgumentNullException(rows is null ? nameof(rows) : nameof(writer));
        }

        using var csv = new Interchange.SafeCsvWriter(writer, leaveOpen: true, raw: raw);
        csv.WriteField("code");
        csv.WriteField("label");
        csv.WriteField("value");
        csv.NextRecord();
        foreach (var (code, label, value) in rows)
        {
            csv.WriteField(code);
            csv.WriteField(label);
            csv.WriteField(value);
            csv.NextRecord();
        }
    }

    /// <summary>A quantity as written: up to ten decimals, invariant culture.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The text.</returns>
    public static string Num(decimal value) => value.ToString("0.##########", CultureInfo.InvariantCulture);
}
