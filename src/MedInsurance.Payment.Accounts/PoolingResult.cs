using System.Collections.Generic;
using MedInsurance.Payment.Validation;

namespace MedInsurance.Payment.Accounts;

/// <summary>门诊统筹支付结果 — the fund's share of one outpatient claim, the person's share, the year after, the formula.</summary>
/// <remarks>Immutable. Fund + person = the eligible amount.</remarks>
public sealed class PoolingResult
{
    /// <summary>Creates a result.</summary>
    /// <param name="after">The person's year after the claim.</param>
    /// <param name="fundPaid">统筹基金支付.</param>
    /// <param name="personPaid">个人负担 (to be paid from the account or in cash).</param>
    /// <param name="formula">计算式 with the numbers.</param>
    /// <param name="issues">Issues; an error means rejected (the year unchanged).</param>
    public PoolingResult(PoolingYear after, Money fundPaid, Money personPaid, string formula, IReadOnlyList<ValidationIssue> issues)
    {
        After = after;
        FundPaid = fundPaid;
        PersonPaid = personPaid;
        Formula = formula;
        Issues = issues;
    }

    /// <summary>The person's year after the claim.</summary>
    public PoolingYear After { get; }

    /// <summary>统筹基金支付.</summary>
    public Money FundPaid { get; }

    /// <summary>个人负担.</summary>
    public Money PersonPaid { get; }

    /// <summary>计算式.</summary>
    public string Formula { get; }

    /// <summary>Issues.</summary>
    public IReadOnlyList<ValidationIssue> Issues { get; }
}
