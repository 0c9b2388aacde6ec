using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using CsvHelper;
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
    public bool IsRejected
    {
        get
        {
            foreach (var issue in Issues)
            {
                if (issue.IsError)
                {
                    return true;
                }
            }

            return false;
        }
    }
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

    /// <summary>Reads a roster.</summary>
    /// <param name="reader">The CSV text.</param>
    /// <returns>One record per data row.</returns>
    public static IReadOnlyList<ReadRecord<RosterEntry>> ReadRoster(TextReader reader)
    {
        var result = new List<ReadRecord<RosterEntry>>();
        foreach (var (row, get, issues) in CsvRows.Read(reader, ["person_id", "class", "institution_id", "from_month", "to_month"]))
        {
            if (get is null)
            {
                result.Add(new ReadRecord<RosterEntry>(row, string.Empty, null, issues));
                continue;
            }

            var from = Month(get("from_month"), "from_month", issues);
            var to = Month(get("to_month"), "to_month", issues);
            var signed = YesNo(get("signed"), "signed", issues);
            var entry = new RosterEntry(get("person_id") ?? string.Empty, get("class") ?? string.Empty, get("institution_id") ?? string.Empty, from, to, signed);
            result.Add(new ReadRecord<RosterEntry>(row, entry.PersonId, entry, issues));
        }

        return result;
    }

    /// <summary>Reads claims lazily, one row at a time.</summary>
    /// <param name="reader">The CSV text.</param>
    /// <returns>One record per data row, in order.</returns>
    public static IEnumerable<ClaimRecord> ReadClaims(TextReader reader)
    {
        if (reader is null)
        {
            throw new ArgumentNullException(nameof(reader));
        }

        return ClaimIterator(reader);
    }

    private static IEnumerable<ClaimRecord> ClaimIterator(TextReader reader)
    {
        var badData = false;
        using var parser = new CsvParser(reader, CsvRows.Configuration(() => badData = true));
        if (!parser.Read())
        {
            yield break;
        }

        var header = parser.Record ?? Array.Empty<string>();
        var at = new int[ClaimHeader.Count];
        for (var c = 0; c < at.Length; c++)
        {
            at[c] = Array.FindIndex(header, h => string.Equals(h.Trim().TrimStart('\uFEFF'), ClaimHeader[c], StringComparison.OrdinalIgnoreCase));
        }

        var missing = new List<ValidationIssue>();
        foreach (var required in new[] { 1, 2, 3, 4 })
        {
            if (at[required] < 0)
            {
                missing.Add(ValidationIssue.Error(CapitationIssueCodes.FieldRequired, ClaimHeader[required], "表头缺少必需列" + ClaimHeader[required], "The header lacks the required column '" + ClaimHeader[required] + "'."));
            }
        }

        var row = 0;
        while (parser.Read())
        {
            row++;
            if (missing.Count > 0)
            {
                yield return new ClaimRecord(row, default, missing);
                continue;
            }

            List<ValidationIssue>? issues = null;
            if (badData)
            {
                badData = false;
                issues = [ValidationIssue.Error(IssueCodes.RowMalformed, "row " + row.ToString(CultureInfo.InvariantCulture), "CSV格式错误", "The row is not well-formed CSV.")];
                yield return new ClaimRecord(row, default, issues);
                continue;
            }

            string Field(int column) => at[column] >= 0 && at[column] < parser.Count ? parser[at[column]].Trim() : string.Empty;
            var person = Field(1);
            var institution = Field(2);
            var dateText = Field(3);
            var amountText = Field(4);
            int year = 0, month = 0;
            if (dateText.Length == 0)
            {
                (issues ??= []).Add(Required("date"));
            }
            else if (!TryDate(dateText, out year, out month))
            {
                (issues ??= []).Add(Invalid("date", "日期（yyyy-MM-dd）", "a date (yyyy-MM-dd)"));
            }

            var amount = Money.Zero;
            if (amountText.Length == 0)
            {
                (issues ??= []).Add(Required("fund_amount"));
            }
            else if (!Money.TryParseYuan(amountText, out amount))
            {
                (issues ??= []).Add(Invalid("fund_amount", "精确到分的金额（元）", "an amount in yuan exact to the fen"));
            }

            var flagIssues = new List<ValidationIssue>(0);
            var referral = at[5] >= 0 && YesNo(Field(5), "referral", flagIssues);
            if (flagIssues.Count > 0)
            {
                (issues ??= []).AddRange(flagIssues);
            }

            var claim = new OutpatientClaim(at[0] >= 0 ? Field(0) : "row " + row.ToString(CultureInfo.InvariantCulture), person, institution, year, month, amount, referral, at[6] >= 0 ? Field(6) : null);
            yield return new ClaimRecord(row, claim, (IReadOnlyList<ValidationIssue>?)issues ?? NoIssues);
        }
    }


    internal static bool TryDate(string text, out int year, out int month)
    {
        year = 0;
        month = 0;
        if (text.Length == 10 && text[4] is '-' or '/' && text[7] == text[4]
            && Digits(text, 0, 4, out var y) && Digits(text, 5, 2, out var m) && Digits(text, 8, 2, out var d)
            && m is >= 1 and <= 12 && y is >= 1 and <= 9999 && d >= 1 && d <= DateTime.DaysInMonth(y, m))
        {
            year = y;
            month = m;
            return true;
        }

        if (DateTime.TryParseExact(text, OtherDateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            year = parsed.Year;
            month = parsed.Month;
            return true;
        }

        return false;
    }

    private static readonly string[] OtherDateFormats = { "yyyyMMdd", "yyyy-M-d", "yyyy/M/d" };

    private static bool Digits(string text, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            var c = text[i] - '0';
            if (c is < 0 or > 9)
            {
                return false;
            }

            value = (value * 10) + c;
        }

        return true;
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

    private static int Month(string? text, string column, List<ValidationIssue> issues)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            issues.Add(Required(column));
            return 0;
        }

        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var month))
        {
            issues.Add(Invalid(column, "月份 1–12", "a month 1–12"));
            return 0;
        }

        return month;
    }

    private static ValidationIssue Required(string column) =>
        ValidationIssue.Error(CapitationIssueCodes.FieldRequired, column, "缺少必填字段" + column, "The required field '" + column + "' is empty.");

    private static ValidationIssue Invalid(string column, string zh, string en) =>
        ValidationIssue.Error(CapitationIssueCodes.FieldInvalid, column, column + "的值无效，应为" + zh, column + " is invalid: expected " + en + ".");
}
