using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using MedInsurance.Payment.Interchange;
using MedInsurance.Payment.Validation;

namespace MedInsurance.Payment.Capitation;

/// <summary>门诊结算记录读入结果 — one claim row: its row number, the claim when readable, and its read issues.</summary>
/// <remarks>An immutable value; thread-safe.</remarks>
public readonly struct ClaimRecord
{
    /// <summary>Creates a record.</summary>
    /// <param name="rowNumber">The 1-based data row number.</param>
    /// <param name="claim">The claim (meaningful only when <see cref="IsRejected"/> is false).</param>
    /// <param name="issues">The issues found while reading.</param>
    public ClaimRecord(int rowNumber, OutpatientClaim claim, IReadOnlyList<ValidationIssue> issues)
    {
        RowNumber = rowNumber;
        Claim = claim;
        Issues = issues ?? throw new ArgumentNullException(nameof(issues));
    }

    /// <summary>行号.</summary>
    public int RowNumber { get; }

    /// <summary>The claim.</summary>
    public OutpatientClaim Claim { get; }

    /// <summary>问题.</summary>
    public IReadOnlyList<ValidationIssue> Issues { get; }

    /// <summary>Whether the row could not be read (an error among <see cref="Issues"/>).</summary>
    public bool IsRejected => ValidationIssue.AnyError(Issues);
}

/// <summary>
/// 按人头付费CSV — reads the roster (<c>person_id,class,institution_id,from_month,to_month,signed</c>) and the outpatient
/// claims (<c>claim_id,person_id,institution_id,date,fund_amount,referral,referral_target</c>); formats in
/// <c>docs/capitation.md</c>. Every data row yields one record, in file order, with coded issues naming the column.
/// </summary>
/// <remarks>The claim reader streams (one row in memory). Thread-safe (no shared state).</remarks>
public static class CapitationCsv
{
    /// <summary>The roster columns.</summary>
    public static IReadOnlyList<string> RosterHeader { get; } = new[] { "person_id", "class", "institution_id", "from_month", "to_month", "signed" };

    /// <summary>The claim columns.</summary>
    public static IReadOnlyList<string> ClaimHeader { get; } = new[] { "claim_id", "person_id", "institution_id", "date", "fund_amount", "referral", "referral_target" };

    private static readonly ValidationIssue[] NoIssues = [];

    /// <summary>Reads a roster from decoded text.</summary>
    /// <param name="reader">The CSV text.</param>
    /// <returns>One record per data row.</returns>
    public static IReadOnlyList<ReadRecord<RosterEntry>> ReadRoster(TextReader reader) =>
        RosterIterator(CsvRows.Open(reader), null).ToList();

    /// <summary>Reads a roster from bytes lazily, in the encoding of <paramref name="options"/> (auto: BOM, else UTF-8 when valid, else GB18030).</summary>
    /// <param name="stream">The bytes (left open).</param>
    /// <param name="options">The encoding and the field and row limits.</param>
    /// <param name="completed">Called once at the end with the rows in and out and the encoding used.</param>
    /// <returns>One record per data row, in order (feed them to <see cref="CapitationRoster.Build"/> as they come).</returns>
    public static IEnumerable<ReadRecord<RosterEntry>> ReadRoster(Stream stream, CsvReadOptions options, Action<CsvReadReport>? completed) =>
        RosterIterator(CsvRows.Open(stream, options), completed);

    private static IEnumerable<ReadRecord<RosterEntry>> RosterIterator(CsvInput input, Action<CsvReadReport>? completed)
    {
        int person = -1, classCode = -1, institution = -1, from = -1, to = -1, signed = -1;
        foreach (var (row, fields, issues) in CsvRows.Read(input, ["person_id", "class", "institution_id", "from_month", "to_month"], completed))
        {
            if (fields is null)
            {
                yield return new ReadRecord<RosterEntry>(row, string.Empty, null, CsvRows.Snapshot(issues));
                continue;
            }

            if (person < 0)
            {
                (person, classCode, institution, from, to, signed) = (fields.IndexOf("person_id"), fields.IndexOf("class"), fields.IndexOf("institution_id"), fields.IndexOf("from_month"), fields.IndexOf("to_month"), fields.IndexOf("signed"));
            }

            var fromMonth = Month(fields, from, "from_month", issues);
            var toMonth = Month(fields, to, "to_month", issues);
            var isSigned = signed >= 0 && (fields.IsBit(signed, out var bit) ? bit : YesNo(fields.Text(signed), "signed", issues));
            var entry = new RosterEntry(fields.Text(person), fields.SharedText(classCode), fields.SharedText(institution), fromMonth, toMonth, isSigned);
            yield return new ReadRecord<RosterEntry>(row, entry.PersonId, entry, CsvRows.Snapshot(issues));
        }
    }

    /// <summary>Reads claims from decoded text lazily, one row at a time.</summary>
    /// <param name="reader">The CSV text.</param>
    /// <returns>One record per data row, in order.</returns>
    public static IEnumerable<ClaimRecord> ReadClaims(TextReader reader) => ClaimIterator(CsvRows.Open(reader), null);

    /// <summary>
    /// Reads claims from bytes lazily, one row at a time, in the encoding of <paramref name="options"/> (auto: BOM,
    /// else UTF-8 when valid, else GB18030). Amounts are read strictly; a row that cannot be split or decoded is
    /// rejected with its line numbers and reading goes on at the next line.
    /// </summary>
    /// <param name="stream">The bytes (left open).</param>
    /// <param name="options">The encoding and the field and row limits.</param>
    /// <param name="completed">Called once at the end with the rows in, read without an error, and rejected by the reader.</param>
    /// <returns>One record per data row, in order.</returns>
    public static IEnumerable<ClaimRecord> ReadClaims(Stream stream, CsvReadOptions options, Action<CsvReadReport>? completed) =>
        ClaimIterator(CsvRows.Open(stream, options), completed);

    private static IEnumerable<ClaimRecord> ClaimIterator(CsvInput input, Action<CsvReadReport>? completed)
    {
        using (input)
        {
            var header = CsvRows.ReadHeader(input);
            if (header is null)
            {
                completed?.Invoke(CsvRows.Report(input, 0, 0));
                yield break;
            }

            var at = new int[ClaimHeader.Count];
            for (var c = 0; c < at.Length; c++)
            {
                at[c] = header.IndexOf(ClaimHeader[c]);
            }

            var missing = new List<ValidationIssue>();
            foreach (var required in new[] { 1, 2, 3, 4 })
            {
                if (at[required] < 0)
                {
                    missing.Add(ValidationIssue.Error(CapitationIssueCodes.FieldRequired, ClaimHeader[required], "表头缺少必需列" + ClaimHeader[required], "The header lacks the required column '" + ClaimHeader[required] + "'."));
                }
            }

            var rows = input.Rows;
            var row = 0;
            long accepted = 0;
            while (input.MoveNext())
            {
                row++;
                if (missing.Count > 0)
                {
                    yield return new ClaimRecord(row, default, missing);
                    continue;
                }

                if (CsvRows.RowProblem(input, header) is { } problem)
                {
                    yield return new ClaimRecord(row, default, [problem]);
                    continue;
                }

                List<ValidationIssue>? issues = null;
                var person = input.Text(at[1]);
                var institution = input.SharedText(at[2]);
                int year = 0, month = 0;
                var date = rows.Field(at[3]);
                if (date.IsEmpty)
                {
                    (issues ??= []).Add(Required("date"));
                }
                else if (!CsvValues.TryParseDate(date, out year, out month, out _))
                {
                    year = month = 0;
                    (issues ??= []).Add(Invalid("date", "日期（yyyy-MM-dd）", "a date (yyyy-MM-dd)").WithValue(input.Text(at[3])));
                }

                long fen = 0;
                if (rows.Field(at[4]).IsEmpty)
                {
                    (issues ??= []).Add(Required("fund_amount"));
                }
                else if (CsvRows.Yuan(input, at[4], "fund_amount", CapitationIssueCodes.FieldInvalid, out fen) is { } bad)
                {
                    (issues ??= []).Add(bad);
                }

                var referral = false;
                if (at[5] >= 0)
                {
                    var flag = rows.Field(at[5]);
                    if (flag.Length == 1 && flag[0] is (byte)'0' or (byte)'1')
                    {
                        referral = flag[0] == '1';
                    }
                    else if (!flag.IsEmpty)
                    {
                        var flagIssues = new List<ValidationIssue>(1);
                        referral = YesNo(input.Text(at[5]), "referral", flagIssues);
                        if (flagIssues.Count > 0)
                        {
                            (issues ??= []).AddRange(flagIssues);
                        }
                    }
                }

                var target = at[6] >= 0 && !rows.Field(at[6]).IsEmpty ? input.SharedText(at[6]) : null;
                var claimId = at[0] >= 0 ? input.Text(at[0]) : CsvRows.RowId(row);
                var claim = new OutpatientClaim(claimId, person, institution, year, month, Money.FromFen(fen), referral, target);
                accepted += issues is null || !issues.Exists(i => i.IsError) ? 1 : 0;
                yield return new ClaimRecord(row, claim, (IReadOnlyList<ValidationIssue>?)issues ?? NoIssues);
            }

            completed?.Invoke(CsvRows.Report(input, row, accepted));
        }
    }

    internal static bool YesNo(string? text, string column, List<ValidationIssue> issues)
    {
        switch ((text ?? string.Empty).Trim().ToUpperInvariant())
        {
            case "": case "0": case "N": case "NO": case "FALSE": case "否": return false;
            case "1": case "Y": case "YES": case "TRUE": case "是": return true;
            default:
                issues.Add(Invalid(column, "是/否（yes/no、1/0）", "yes or no (1/0)"));
                return false;
        }
    }

    private static int Month(CsvRow fields, int index, string column, List<ValidationIssue> issues)
    {
        var month = fields.Int(index, out var malformed);
        if (month is { } m)
        {
            return m;
        }

        issues.Add(malformed ? Invalid(column, "月份 1–12", "a month 1–12").WithValue(fields.Text(index)) : Required(column));
        return 0;
    }

    private static ValidationIssue Required(string column) =>
        ValidationIssue.Error(CapitationIssueCodes.FieldRequired, column, "缺少必填字段" + column, "The required field '" + column + "' is empty.");

    private static ValidationIssue Invalid(string column, string zh, string en) =>
        ValidationIssue.Error(CapitationIssueCodes.FieldInvalid, column, column + "的值无效，应为" + zh, column + " is invalid: expected " + en + ".");
}
