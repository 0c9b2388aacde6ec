using System;

namespace MedInsurance.Payment.Accounts;

/// <summary>个人账户支出申请 — one request to pay from an account: who spends, on what, how much, when.</summary>
/// <remarks>Immutable.</remarks>
public sealed class AccountSpend
{
    /// <summary>Creates a request.</summary>
    /// <param name="spendId">支出流水号.</param>
    /// <param name="accountId">个人账户编号.</param>
    /// <param name="date">支出日期.</param>
    /// <param name="relation">使用人关系.</param>
    /// <param name="use">用途.</param>
    /// <param name="amount">申请金额 (the own-pay amount to cover).</param>
    public AccountSpend(string spendId, string accountId, CalendarDate date, AccountRelation relation, AccountUse use, Money amount)
    {
        SpendId = spendId ?? string.Empty;
        AccountId = accountId ?? throw new ArgumentNullException(nameof(accountId));
        Date = date;
        Relation = relation;
        Use = use;
        Amount = amount;
    }

    /// <summary>支出流水号.</summary>
    public string SpendId { get; }

    /// <summary>个人账户编号.</summary>
    public string AccountId { get; }

    /// <summary>支出日期.</summary>
    public CalendarDate Date { get; }

    /// <summary>使用人关系.</summary>
    public AccountRelation Relation { get; }

    /// <summary>用途.</summary>
    public AccountUse Use { get; }

    /// <summary>申请金额.</summary>
    public Money Amount { get; }
}
