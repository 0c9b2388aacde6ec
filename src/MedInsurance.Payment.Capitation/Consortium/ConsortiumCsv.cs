using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using MedInsurance.Payment.Capitation;
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
    /// <summary>Reads the members file.</summary>
    /// <param name="reader">The CSV text.</param>
    /// <returns>One record per data row.</returns>
    public static IReadOnlyList<ReadRecord<ConsortiumMember>> ReadMembers(TextReader reader)
    {
        var result = new List<ReadRecord<ConsortiumMember>>();
        foreach (var (row, get, issues) in CsvRows.Read(reader, ["member_id", "consortium_id"]))
        {
            if (get is null)
            {
                result.Add(new ReadRecord<ConsortiumMember>(row, string.Empty, null, issues));
                continue;
            }

            decimal? share = null;
            var shareText = get("share") ?? string.Empty;
            if (shareText.Length > 0)
            {
                if (decimal.TryParse(shareText, NumberStyles.Number, CultureInfo.InvariantCulture, out var s) && s >= 0m)
                {
                    share = s;
                }
                else
                {
                    issues.Add(Invalid("share", "非负数", "a non-negative number"));
                }
            }

            Money? supplied = null;
            var suppliedText = get("supplied_amount") ?? string.Empty;
            if (suppliedText.Length > 0)
            {
                if (Money.TryParseYuan(suppliedText, out var m))
                {
                    supplied = m;
                }
                else
                {
                    issues.Add(Invalid("supplied_amount", "精确到分的金额（元）", "an amount in yuan exact to the fen"));
                }
            }

            var member = new ConsortiumMember(get("member_id") ?? string.Empty, get("consortium_id") ?? string.Empty, get("name") ?? string.Empty, share, supplied);
            result.Add(new ReadRecord<ConsortiumMember>(row, member.MemberId, member, issues));
        }

        return result;
    }

    /// <summary>Reads outside claims lazily.</summary>
    /// <param name="reader">The CSV text.</param>
    /// <returns>One (row, claim, issues) per data row; a row with an error is not to be added.</returns>
    public static IEnumerable<ReadRecord<OutsideClaimRow>> ReadOutside(TextReader reader)
    {
        foreach (var (row, get, issues) in CsvRows.Read(reader, ["consortium_id", "date", "fund_amount"]))
        {
            if (get is null)
            {
                yield return new ReadRecord<OutsideClaimRow>(row, string.Empty, null, issues);
                continue;
            }

            var year = 0;
            var month = 0;
            if (!CapitationCsv.TryDate(get("date") ?? string.Empty, out year, out month))
            {
                issues.Add(Invalid("date", "日期（yyyy-MM-dd）", "a date (yyyy-MM-dd)"));
            }

            if (!Money.TryParseYuan(get("fund_amount") ?? string.Empty, out var amount))
            {
                issues.Add(Invalid("fund_amount", "精确到分的金额（元）", "an amount in yuan exact to the fen"));
            }

            var id = get("claim_id") ?? "row " + row.ToString(CultureInfo.InvariantCulture);
            yield return new ReadRecord<OutsideClaimRow>(row, id, new OutsideClaimRow(new OutsideClaim(id, get("consortium_id") ?? string.Empty, year, month, amount)), issues);
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
