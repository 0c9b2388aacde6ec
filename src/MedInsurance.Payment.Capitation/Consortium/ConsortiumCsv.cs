using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using MedInsurance.Payment.Interchange;
using MedInsurance.Payment.Settlement;
using MedInsurance.Payment.Validation;

namespace MedInsurance.Payment.Consortium;

/// <summary>
/// 医共体CSV — reads members (<c>member_id,consortium_id,name,share,supplied_amount</c>) and outside claims
/// (<c>claim_id,consortium_id,date,fund_amount</c>), and writes statements in the <c>settle year</c> shapes.
/// Every data row yields one record with coded issues naming the column.
/// </summary>
/// <remarks>Thread-safe.</remarks>
public static class ConsortiumCsv
{
    /// <summary>Reads the members file from decoded text.</summary>
    /// <param name="reader">The CSV text.</param>
    /// <returns>One record per data row.</returns>
    public static IReadOnlyList<ReadRecord<ConsortiumMember>> ReadMembers(TextReader reader) =>
        MemberIterator(CsvRows.Open(reader), null).ToList();

    /// <summary>Reads the members file from bytes in the encoding of <paramref name="options"/>.</summary>
    /// <param name="stream">The bytes (left open).</param>
    /// <param name="options">The encoding and the field and row limits.</param>
    /// <param name="completed">Called once at the end with the rows in and out and the encoding used.</param>
    /// <returns>One record per data row.</returns>
    public static IReadOnlyList<ReadRecord<ConsortiumMember>> ReadMembers(Stream stream, CsvReadOptions options, Action<CsvReadReport>? completed) =>
        MemberIterator(CsvRows.Open(stream, options), completed).ToList();

    private static IEnumerable<ReadRecord<ConsortiumMember>> MemberIterator(CsvInput input, Action<CsvReadReport>? completed)
    {
        foreach (var (row, fields, issues) in CsvRows.Read(input, ["member_id", "consortium_id"], completed))
        {
            if (fields is null)
            {
                yield return new ReadRecord<ConsortiumMember>(row, string.Empty, null, CsvRows.Snapshot(issues));
                continue;
            }

            decimal? share = null;
            var shareText = fields.Get("share") ?? string.Empty;
            if (shareText.Length > 0)
            {
                if (decimal.TryParse(shareText, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var s))
                {
                    share = s;
                }
                else
                {
                    issues.Add(Invalid("share", "非负数", "a non-negative number").WithValue(shareText));
                }
            }

            var supplied = fields.Yuan("supplied_amount", ConsortiumIssueCodes.FieldInvalid, issues);
            var member = new ConsortiumMember(fields.Get("member_id") ?? string.Empty, fields.Get("consortium_id") ?? string.Empty, fields.Get("name") ?? string.Empty, share, supplied);
            yield return new ReadRecord<ConsortiumMember>(row, member.MemberId, member, CsvRows.Snapshot(issues));
        }
    }

    /// <summary>Reads outside claims from decoded text lazily.</summary>
    /// <param name="reader">The CSV text.</param>
    /// <returns>One record per data row; a row with an error is not to be added.</returns>
    public static IEnumerable<ReadRecord<OutsideClaimRow>> ReadOutside(TextReader reader) => OutsideIterator(CsvRows.Open(reader), null);

    /// <summary>Reads outside claims from bytes lazily, in the encoding of <paramref name="options"/>.</summary>
    /// <param name="stream">The bytes (left open).</param>
    /// <param name="options">The encoding and the field and row limits.</param>
    /// <param name="completed">Called once at the end with the rows in and out and the encoding used.</param>
    /// <returns>One record per data row; a row with an error is not to be added.</returns>
    public static IEnumerable<ReadRecord<OutsideClaimRow>> ReadOutside(Stream stream, CsvReadOptions options, Action<CsvReadReport>? completed) =>
        OutsideIterator(CsvRows.Open(stream, options), completed);

    private static IEnumerable<ReadRecord<OutsideClaimRow>> OutsideIterator(CsvInput input, Action<CsvReadReport>? completed)
    {
        foreach (var (row, fields, issues) in CsvRows.Read(input, ["consortium_id", "date", "fund_amount"], completed))
        {
            if (fields is null)
            {
                yield return new ReadRecord<OutsideClaimRow>(row, string.Empty, null, CsvRows.Snapshot(issues));
                continue;
            }

            if (!fields.YearMonth("date", out var year, out var month))
            {
                issues.Add(Invalid("date", "日期（yyyy-MM-dd）", "a date (yyyy-MM-dd)").WithValue(fields.ValueOf("date")));
            }

            var amount = fields.Yuan("fund_amount", ConsortiumIssueCodes.FieldInvalid, issues);
            if (amount is null && (fields.Get("fund_amount") ?? string.Empty).Length == 0)
            {
                issues.Add(Invalid("fund_amount", "精确到分的金额（元）", "an amount in yuan exact to the fen"));
            }

            var id = fields.Get("claim_id") ?? CsvRows.RowId(row);
            yield return new ReadRecord<OutsideClaimRow>(row, id, new OutsideClaimRow(new OutsideClaim(id, fields.Get("consortium_id") ?? string.Empty, year, month, amount ?? Money.Zero)), CsvRows.Snapshot(issues));
        }
    }

    /// <summary>Writes consortium and member statement lines as CSV (<c>hospital_id</c> is the consortium or member id).</summary>
    /// <param name="result">The result.</param>
    /// <param name="writer">The output.</param>
    public static void WriteStatementsCsv(ConsortiumResult result, TextWriter writer)
    {
        if (result is null)
        {
            throw new ArgumentNullException(nameof(result));
        }

        StatementTables.WriteStatementsCsv(
            result.Statements.SelectMany(s => new[] { (s.Package.Id, s.Package.Name, s.Lines) }.Concat(s.Members.Select(m => (m.Member.MemberId, m.Member.Name, m.Lines)))),
            writer);
    }

    /// <summary>Writes the result as indented JSON.</summary>
    /// <param name="result">The result.</param>
    /// <param name="stream">The output.</param>
    public static void WriteJson(ConsortiumResult result, Stream stream)
    {
        if (result is null || stream is null)
        {
            throw new ArgumentNullException(result is null ? nameof(result) : nameof(stream));
        }

        using var w = StatementTables.JsonWriter(stream);
        w.WriteStartObject();
        w.WriteString("method", Settlement.SettlementMethods.Consortium);
        w.WriteString("policy", result.Policy.Id);
        w.WriteString("policyVersion", result.Policy.Version);
        w.WriteNumber("year", result.Policy.Year);
        w.WriteStartArray("statements");
        foreach (var s in result.Statements)
        {
            w.WriteStartObject();
            w.WriteString("consortiumId", s.Package.Id);
            w.WriteString("name", s.Package.Name);
            w.WriteString("target", s.Target.ToString());
            w.WriteString("spend", s.Spend.ToString());
            w.WriteString("fundPays", s.FundPays.ToString());
            w.WriteString("result", s.Result.ToString());
            w.WriteString("split", s.SplitUsed.ToString());
            StatementTables.WriteLines(w, s.Lines);
            w.WriteStartArray("members");
            foreach (var m in s.Members)
            {
                w.WriteStartObject();
                w.WriteString("memberId", m.Member.MemberId);
                w.WriteString("name", m.Member.Name);
                w.WriteString("linePayments", m.LinePayments.ToString());
                w.WriteString("allocated", m.Allocated.ToString());
                w.WriteString("yearEndAdjustment", m.YearEndAdjustment.ToString());
                StatementTables.WriteLines(w, m.Lines);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }


    private static ValidationIssue Invalid(string column, string zh, string en) =>
        ValidationIssue.Error(ConsortiumIssueCodes.FieldInvalid, column, column + "的值无效，应为" + zh, column + " is invalid: expected " + en + ".");
}

/// <summary>A read outside claim (a class so it fits <see cref="ReadRecord{T}"/>).</summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed class OutsideClaimRow
{
    /// <summary>Wraps a claim.</summary>
    /// <param name="claim">The claim.</param>
    public OutsideClaimRow(OutsideClaim claim) => Claim = claim;

    /// <summary>The claim.</summary>
    public OutsideClaim Claim { get; }
}
