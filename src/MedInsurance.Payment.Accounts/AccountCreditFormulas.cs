using System;
using System.Globalization;
using MedInsurance.Payment.Validation;

namespace MedInsurance.Payment.Accounts;

/// <summary>
/// 个人账户月度计入额 — the one place a month's credit is computed (payment-rules.md §4; 国办发〔2021〕14号 "改进个人账户计入办法"):
/// active employees: contribution base × (own rate + employer transfer rate); retirees: the period's fixed amount, or
/// the region's average basic pension × the period's share; each rounded once by the profile's credit rule.
/// </summary>
/// <remarks>Pure and thread-safe.</remarks>
public static class AccountCreditFormulas
{
    /// <summary>Largest contribution base accepted: 1 000 000 yuan a month.</summary>
    public static readonly Money MaximumContributionBase = Money.FromYuan(1_000_000m);

    /// <summary>Computes one month's credit.</summary>
    /// <param name="policy">The profile.</param>
    /// <param name="accountId">The account (人员编号).</param>
    /// <param name="status">在职 or 退休 in that month.</param>
    /// <param name="contributionBase">缴费基数 of the month (active employees; ignored for retirees).</param>
    /// <param name="year">Year.</param>
    /// <param name="month">Month, 1–12.</param>
    /// <returns>The credit, rejected with a coded issue before the first period, for an invalid month or base.</returns>
    public static AccountCredit Monthly(AccountPolicy policy, string accountId, AccountHolderStatus status, Money? contributionBase, int year, int month)
    {
        if (policy is null)
        {
            throw new ArgumentNullException(nameof(policy));
        }

        accountId ??= string.Empty;
        if (month is < 1 or > 12 || year is < 1900 or > 2999)
        {
            return Rejected(AccountIssueCodes.FieldInvalid, "month", "计入月份无效", "The month is not a valid year and month.");
        }

        if (accountId.Trim().Length == 0)
        {
            return Rejected(AccountIssueCodes.FieldInvalid, "account_id", "缺少个人账户编号", "The account id is missing.");
        }

        var period = policy.PeriodOf(year, month);
        if (period is null)
        {
            return Rejected(AccountIssueCodes.CreditBeforeEffective, "month", "计入月份早于政策规定的首个计入时段", "The month is before the profile's first credit period.");
        }

        var source = period.Source.Length == 0 ? string.Empty : "（" + period.Source + "）";
        switch (status)
        {
            case AccountHolderStatus.Active:
                if (contributionBase is not { } b || b.IsNegative || b > MaximumContributionBase)
                {
                    return Rejected(AccountIssueCodes.ContributionBaseInvalid, "contribution_base", "在职职工需要0至100万元之间的月缴费基数", "An active employee's credit needs a monthly contribution base of 0 to 1 000 000 yuan.");
                }

                var rate = period.ActiveOwnRate.Value + period.ActiveEmployerRate.Value;
                var active = b.Multiply(rate).Round(policy.CreditRounding);
                var employer = period.ActiveEmployerRate.Value == 0m ? string.Empty : " + 单位划入 " + N(period.ActiveEmployerRate.Value);
                return new AccountCredit(accountId, year, month, active, "缴费基数 " + b + " × (个人 " + N(period.ActiveOwnRate.Value) + employer + ") = " + active + source, Array.Empty<ValidationIssue>());
            case AccountHolderStatus.Retired:
                if (period.RetireeFixed is { } fixedAmount)
                {
                    return new AccountCredit(accountId, year, month, fixedAmount, "退休人员定额 " + fixedAmount + source, Array.Empty<ValidationIssue>());
                }

                var share = period.RetireeShareOfBasis!.Value.Value;
                var retired = policy.AveragePension.Multiply(share).Round(policy.CreditRounding);
                return new AccountCredit(
                    accountId,
                    year,
                    month,
                    retired,
                    policy.AveragePensionYear.ToString(CultureInfo.InvariantCulture) + "年基本养老金平均水平 " + policy.AveragePension + " × " + N(share) + " = " + retired + source,
                    Array.Empty<ValidationIssue>());
            default:
                return Rejected(AccountIssueCodes.FieldInvalid, "status", "参保状态须为在职或退休", "The status must be active or retired.");
        }

        AccountCredit Rejected(string code, string field, string zh, string en) =>
            new(accountId, year, month, Money.Zero, string.Empty, new[] { ValidationIssue.Error(code, field, zh, en) });
    }

    private static string N(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
