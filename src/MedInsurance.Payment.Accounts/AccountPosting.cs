using System;
using MedInsurance.Payment.Validation;

namespace MedInsurance.Payment.Accounts;

/// <summary>
/// 个人账户记账 — credits and debits of one account as pure functions of its state: a credit adds its amount; a debit
/// pays min(request, balance) when the relation and use are allowed (国办发〔2021〕14号 "规范个人账户使用范围"), the rest is paid
/// by the person with a warning; postings are taken in date order. The balance never goes negative and always equals
/// credited − debited.
/// </summary>
/// <remarks>Pure and thread-safe: the host keeps the state (one per account) and the results (its ledger).</remarks>
public static class AccountPosting
{
    /// <summary>Largest single posting: 1 000 000 000 yuan.</summary>
    public static readonly Money MaximumPosting = Money.FromYuan(1_000_000_000m);

    /// <summary>Adds a month's credit, dated <paramref name="date"/>.</summary>
    /// <param name="state">The account before.</param>
    /// <param name="credit">The credit (a rejected one changes nothing).</param>
    /// <param name="date">The posting date (e.g. the first day of the credited month).</param>
    /// <returns>The account after.</returns>
    /// <exception cref="ArgumentException">When the credit is for another account.</exception>
    public static AccountBalance Credit(AccountBalance state, AccountCredit credit, CalendarDate date)
    {
        if (credit is null)
        {
            throw new ArgumentNullException(nameof(credit));
        }

        if (!string.Equals(state.AccountId, credit.AccountId, StringComparison.Ordinal))
        {
            throw new ArgumentException("The credit belongs to another account.", nameof(credit));
        }

        if (credit.IsRejected || credit.Amount.IsZero)
        {
            return state;
        }

        var last = state.LastPosting is { } d && d > date ? d : date;
        return new AccountBalance(state.AccountId, state.Credited + credit.Amount, state.Debited, last);
    }

    /// <summary>Pays a request from the account.</summary>
    /// <param name="policy">The profile (who may spend on what).</param>
    /// <param name="state">The account before.</param>
    /// <param name="spend">The request.</param>
    /// <returns>The result: paid from the account, by the person, the account after, issues.</returns>
    /// <exception cref="ArgumentException">When the request is for another account.</exception>
    public static AccountSpendResult Spend(AccountPolicy policy, AccountBalance state, AccountSpend spend)
    {
        if (policy is null || spend is null)
        {
            throw new ArgumentNullException(policy is null ? nameof(policy) : nameof(spend));
        }

        if (!string.Equals(state.AccountId, spend.AccountId, StringComparison.Ordinal))
        {
            throw new ArgumentException("The request belongs to another account.", nameof(spend));
        }

        if (spend.Amount.IsNegative || spend.Amount.IsZero || spend.Amount > MaximumPosting)
        {
            return Rejected(AccountIssueCodes.AmountInvalid, "amount", "支出金额须大于0且不超过10亿元", "The amount must be above 0 and at most 1 000 000 000 yuan.", Money.Zero);
        }

        if (state.LastPosting is { } last && spend.Date < last)
        {
            return Rejected(AccountIssueCodes.PostingOutOfOrder, "date", "支出日期早于该账户上一笔记账日期", "The date is before the account's last posting.", spend.Amount);
        }

        if (spend.Relation == AccountRelation.Other || !AccountEnums.IsDefined(spend.Relation))
        {
            return Rejected(AccountIssueCodes.RelationNotAllowed, "relation", "个人账户仅限本人及配偶、父母、子女使用", "Only the insured person, spouse, parents and children may use the account.", spend.Amount);
        }

        if (!policy.Allows(spend.Relation, spend.Use))
        {
            return Rejected(AccountIssueCodes.UseNotAllowed, "use", "政策不允许该使用人将个人账户用于此用途", "The profile does not allow this relation to pay this use from the account.", spend.Amount);
        }

        var paid = Money.Min(spend.Amount, state.Balance);
        var after = new AccountBalance(state.AccountId, state.Credited, state.Debited + paid, spend.Date);
        var issues = paid == spend.Amount
            ? Array.Empty<ValidationIssue>()
            : new[] { ValidationIssue.Warning(AccountIssueCodes.BalanceInsufficient, "amount", "个人账户余额不足，余额已支付，其余由个人现金支付", "The balance did not cover the amount: the account paid its balance and the person pays the rest.") };
        return new AccountSpendResult(after, paid, spend.Amount - paid, issues);

        AccountSpendResult Rejected(string code, string field, string zh, string en, Money byPerson) =>
            new(state, Money.Zero, byPerson, new[] { ValidationIssue.Error(code, field, zh, en) });
    }
}
