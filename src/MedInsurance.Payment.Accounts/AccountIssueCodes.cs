namespace MedInsurance.Payment.Accounts;

/// <summary>个人账户问题代码 — the stable codes of account credits, debits and outpatient pooling.</summary>
public static class AccountIssueCodes
{
    /// <summary>计入月份早于政策生效 — the month is before the first credit period of the profile.</summary>
    public const string CreditBeforeEffective = "ACCOUNT_CREDIT_BEFORE_EFFECTIVE";

    /// <summary>缴费基数缺失或无效 — an active employee's credit needs a contribution base ≥ 0.</summary>
    public const string ContributionBaseInvalid = "ACCOUNT_CONTRIBUTION_BASE_INVALID";

    /// <summary>使用人关系不允许 — only the insured, spouse, parents and children may use the account.</summary>
    public const string RelationNotAllowed = "ACCOUNT_RELATION_NOT_ALLOWED";

    /// <summary>用途不允许 — the profile does not allow this use for this relation.</summary>
    public const string UseNotAllowed = "ACCOUNT_USE_NOT_ALLOWED";

    /// <summary>金额无效 — the amount must be above 0 and at most 1 000 000 000 yuan.</summary>
    public const string AmountInvalid = "ACCOUNT_AMOUNT_INVALID";

    /// <summary>余额不足 (warning) — the account paid its balance; the rest is paid by the person.</summary>
    public const string BalanceInsufficient = "ACCOUNT_BALANCE_INSUFFICIENT";

    /// <summary>记账顺序错误 — a posting dated before the account's last posting (or a pooling claim of an earlier year).</summary>
    public const string PostingOutOfOrder = "ACCOUNT_POSTING_OUT_OF_ORDER";

    /// <summary>字段缺失或无效 — a required field is missing or unreadable.</summary>
    public const string FieldInvalid = "ACCOUNT_FIELD_INVALID";

    /// <summary>重复计入 — a second credit for the same account and month.</summary>
    public const string CreditDuplicated = "ACCOUNT_CREDIT_DUPLICATED";

    /// <summary>门诊统筹达到限额 (warning) — the outpatient or the annual ceiling stopped the fund's share.</summary>
    public const string PoolingCeilingReached = "ACCOUNT_POOLING_CEILING_REACHED";

    /// <summary>政策未设门诊统筹 — the profile has no outpatient pooling rule.</summary>
    public const string PoolingNotConfigured = "ACCOUNT_POOLING_NOT_CONFIGURED";
}
