using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using MedInsurance.Payment.Cases;
using MedInsurance.Payment.Interchange;
using MedInsurance.Payment.Validation;

namespace MedInsurance.Payment.Accounts;

/// <summary>One person-month to credit (a row of the months file).</summary>
internal readonly record struct AccountMonthRow(string AccountId, int Year, int Month, AccountHolderStatus Status, Money? ContributionBase);

/// <summary>One credit already computed (a row of the credits file written by <c>medpay accounts credit</c>).</summary>
internal readonly record struct AccountCreditRow(string AccountId, int Year, int Month, Money Amount);

/// <summary>A data row read: its number, the value when the row is usable, its issues (copied).</summary>
internal readonly record struct AccountRecord<T>(int Row, string Id, T Value, bool IsRejected, IReadOnlyList<ValidationIssue> Issues);

/// <summary>
/// The account files on the byte-level CSV reader of Interchange (strict decoding and amounts, a broken row rejected with
/// its line, reading goes on): months to credit, credits written by the credit command, spends, opening balances. Formats
/// in docs/accounts.md.
/// </summary>
internal static class AccountFiles
{
    public static IEnumerable<AccountRecord<AccountMonthRow>> ReadMonths(Stream stream, CsvReadOptions options, Action<CsvReadReport>? completed)
    {
        foreach (var (row, fields, issues) in CsvRows.Read(CsvRows.Open(stream, options), ["account_id", "month", "status"], completed))
        {
            if (fields is null)
            {
                yield return Rejected<AccountMonthRow>(row, string.Empty, issues);
                continue;
            }

            var id = fields.Get("account_id") ?? string.Empty;
            Required(id, "account_id", issues);
            var hasMonth = Month(fields.Get("month"), out var year, out var month);
            if (!hasMonth)
            {
                issues.Add(Invalid("month", "月份须为yyyy-MM", "The month must be yyyy-MM.").WithValue(fields.ValueOf("month")));
            }

            var status = (fields.Get("status") ?? string.Empty).ToUpperInvariant() switch
            {
                "ACTIVE" or "在职" or "1" => AccountHolderStatus.Active,
                "RETIRED" or "退休" or "2" => AccountHolderStatus.Retired,
                _ => (AccountHolderStatus)0,
            };
            if (status == 0)
            {
                issues.Add(Invalid("status", "参保状态须为active/在职或retired/退休", "The status must be active (在职) or retired (退休).").WithValue(fields.ValueOf("status")));
            }

            var basis = fields.Yuan("contribution_base", AccountIssueCodes.FieldInvalid, issues);
            var rejected = issues.Exists(i => i.IsError);
            yield return new AccountRecord<AccountMonthRow>(row, id, new AccountMonthRow(id, year, month, status, basis), rejected, CsvRows.Snapshot(issues));
        }
    }

    public static IEnumerable<AccountRecord<AccountCreditRow>> ReadCredits(Stream stream, CsvReadOptions options, Action<CsvReadReport>? completed)
    {
        foreach (var (row, fields, issues) in CsvRows.Read(CsvRows.Open(stream, options), ["account_id", "month", "amount", "status"], completed))
        {
            if (fields is null)
            {
                yield return Rejected<AccountCreditRow>(row, string.Empty, issues);
                continue;
            }

            var id = fields.Get("account_id") ?? string.Empty;
            if (!string.Equals(fields.Get("status"), "accepted", StringComparison.Ordinal))
            {
                // A credit the credit command rejected carries no amount: skipped, and counted as such.
                yield return new AccountRecord<AccountCreditRow>(row, id, default, true, [ValidationIssue.Warning(AccountIssueCodes.FieldInvalid, "status", "该计入行已被拒绝，不记账", "The credit row was rejected; not posted.")]);
                continue;
            }

            Required(id, "account_id", issues);
            if (!Month(fields.Get("month"), out var year, out var month))
            {
                issues.Add(Invalid("month", "月份须为yyyy-MM", "The month must be yyyy-MM.").WithValue(fields.ValueOf("month")));
            }

            var amount = fields.Yuan("amount", AccountIssueCodes.FieldInvalid, issues);
            if (amount is null || amount.Value.IsNegative)
            {
                issues.Add(Invalid("amount", "计入金额缺失或为负", "The credit amount is missing or negative."));
            }

            var rejected = issues.Exists(i => i.IsError);
            yield return new AccountRecord<AccountCreditRow>(row, id, new AccountCreditRow(id, year, month, amount ?? Money.Zero), rejected, CsvRows.Snapshot(issues));
        }
    }

    public static IEnumerable<AccountRecord<AccountSpend?>> ReadSpends(Stream stream, CsvReadOptions options, Action<CsvReadReport>? completed)
    {
        foreach (var (row, fields, issues) in CsvRows.Read(CsvRows.Open(stream, options), ["spend_id", "account_id", "date", "relation", "use", "amount"], completed))
        {
            if (fields is null)
            {
                yield return Rejected<AccountSpend?>(row, string.Empty, issues);
                continue;
            }

            var id = fields.Get("spend_id") ?? string.Empty;
            var account = fields.Get("account_id") ?? string.Empty;
            Required(id, "spend_id", issues);
            Required(account, "account_id", issues);
            var date = Date(fields.Get("date"));
            if (date is null)
            {
                issues.Add(Invalid("date", "日期须为yyyy-MM-dd", "The date must be yyyy-MM-dd.").WithValue(fields.ValueOf("date")));
            }

            var relation = Relation(fields.Get("relation"));
            if (relation is null)
            {
                issues.Add(Invalid("relation", "使用人关系须为self/本人、spouse/配偶、parent/父母、child/子女或other/其他", "The relation must be self, spouse, parent, child or other.").WithValue(fields.ValueOf("relation")));
            }

            var use = Use(fields.Get("use"));
            if (use is null)
            {
                issues.Add(Invalid("use", "用途不是已定义的用途代码", "The use is not a defined use code.").WithValue(fields.ValueOf("use")));
            }

            var amount = fields.Yuan("amount", AccountIssueCodes.FieldInvalid, issues);
            if (amount is null && !issues.Exists(i => i.Field == "amount"))
            {
                issues.Add(Invalid("amount", "缺少支出金额", "The amount is missing."));
            }

            var rejected = issues.Exists(i => i.IsError);
            var spend = rejected ? null : new AccountSpend(id, account, date!.Value, relation!.Value, use!.Value, amount!.Value);
            yield return new AccountRecord<AccountSpend?>(row, id, spend, rejected, CsvRows.Snapshot(issues));
        }
    }

    public static bool Month(string? text, out int year, out int month)
    {
        year = month = 0;
        if (text is not { Length: 7 } || text[4] != '-')
        {
            return false;
        }

        for (var i = 0; i < 7; i++)
        {
            if (i != 4 && text[i] is < '0' or > '9')
            {
                return false;
            }
        }

        year = ((text[0] - '0') * 1000) + ((text[1] - '0') * 100) + ((text[2] - '0') * 10) + (text[3] - '0');
        month = ((text[5] - '0') * 10) + (text[6] - '0');
        return year is >= 1900 and <= 2999 && month is >= 1 and <= 12;
    }

    public static string MonthText(int year, int month) => year.ToString("0000", CultureInfo.InvariantCulture) + "-" + month.ToString("00", CultureInfo.InvariantCulture);

    private static CalendarDate? Date(string? text) => IsoDate.TryParse(text, out var date) ? date : null;

    private static AccountRelation? Relation(string? text) => (text ?? string.Empty).ToUpperInvariant() switch
    {
        "SELF" or "本人" => AccountRelation.Self,
        "SPOUSE" or "配偶" => AccountRelation.Spouse,
        "PARENT" or "父母" => AccountRelation.Parent,
        "CHILD" or "子女" => AccountRelation.Child,
        "OTHER" or "其他" => AccountRelation.Other,
        _ => null,
    };

    private static AccountUse? Use(string? text) =>
        Enum.TryParse<AccountUse>(text, ignoreCase: true, out var use) && AccountEnums.IsDefined(use) && !int.TryParse(text, out _) ? use : null;

    private static void Required(string value, string field, List<ValidationIssue> issues)
    {
        if (value.Length == 0)
        {
            issues.Add(ValidationIssue.Error(AccountIssueCodes.FieldInvalid, field, "缺少" + field, "The field " + field + " is missing."));
        }
    }

    private static ValidationIssue Invalid(string field, string zh, string en) => ValidationIssue.Error(AccountIssueCodes.FieldInvalid, field, zh, en);

    private static AccountRecord<T> Rejected<T>(int row, string id, List<ValidationIssue> issues) => new(row, id, default!, true, CsvRows.Snapshot(issues));
}
