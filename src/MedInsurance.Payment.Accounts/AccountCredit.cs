using System.Collections.Generic;
using MedInsurance.Payment.Validation;

namespace MedInsurance.Payment.Accounts;

/// <summary>个人账户月度计入 — one month's credit of one account, with the formula and numbers that produced it.</summary>
/// <remarks>Immutable. <see cref="IsRejected"/> credits carry no amount.</remarks>
public sealed class AccountCredit
{
    /// <summary>Creates a credit result.</summary>
    /// <param name="accountId">个人账户/人员编号.</param>
    /// <param name="year">年.</param>
    /// <param name="month">月.</param>
    /// <param name="amount">计入金额 (zero when rejected).</param>
    /// <param name="formula">计算式, with the rule's source.</param>
    /// <param name="issues">Issues; an error rejects the credit.</param>
    public AccountCredit(string accountId, int year, int month, Money amount, string formula, IReadOnlyList<ValidationIssue> issues)
    {
        AccountId = accountId;
        Year = year;
        Month = month;
        Amount = amount;
        Formula = formula;
        Issues = issues;
    }

    /// <summary>个人账户/人员编号.</summary>
    public string AccountId { get; }

    /// <summary>年.</summary>
    public int Year { get; }

    /// <summary>月, 1–12.</summary>
    public int Month { get; }

    /// <summary>计入金额.</summary>
    public Money Amount { get; }

    /// <summary>计算式.</summary>
    public string Formula { get; }

    /// <summary>Issues.</summary>
    public IReadOnlyList<ValidationIssue> Issues { get; }

    /// <summary>Whether an error rejected the credit.</summary>
    public bool IsRejected => ValidationIssue.AnyError(Issues);
}
