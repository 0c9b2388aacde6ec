using System.Collections.Generic;
using MedInsurance.Payment.Validation;

namespace MedInsurance.Payment.Accounts;

/// <summary>个人账户支出结果 — what the account paid, what the person pays, the account after, and why.</summary>
/// <remarks>Immutable. Account + person = the requested amount when not rejected; a rejected request changes nothing.</remarks>
public sealed class AccountSpendResult
{
    /// <summary>Creates a result.</summary>
    /// <param name="after">The account after the posting (unchanged when rejected).</param>
    /// <param name="fromAccount">个人账户支付.</param>
    /// <param name="byPerson">个人现金支付 — the part the account could not or may not pay.</param>
    /// <param name="issues">Issues; an error means rejected.</param>
    public AccountSpendResult(AccountBalance after, Money fromAccount, Money byPerson, IReadOnlyList<ValidationIssue> issues)
    {
        After = after;
        FromAccount = fromAccount;
        ByPerson = byPerson;
        Issues = issues;
    }

    /// <summary>The account after the posting.</summary>
    public AccountBalance After { get; }

    /// <summary>个人账户支付.</summary>
    public Money FromAccount { get; }

    /// <summary>个人现金支付.</summary>
    public Money ByPerson { get; }

    /// <summary>Issues.</summary>
    public IReadOnlyList<ValidationIssue> Issues { get; }

    /// <summary>Whether an error rejected the request (nothing was paid from the account).</summary>
    public bool IsRejected => ValidationIssue.AnyError(Issues);
}
