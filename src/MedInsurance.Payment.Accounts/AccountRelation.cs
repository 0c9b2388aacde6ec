namespace MedInsurance.Payment.Accounts;

/// <summary>
/// 使用人与参保人关系 — who spends the account: the insured person or a close family member (国办发〔2021〕14号, "规范个人账户使用范围": "可以用于
/// 支付参保人员本人及其配偶、父母、子女…"); anyone else may not.
/// </summary>
public enum AccountRelation
{
    /// <summary>本人 — the insured person.</summary>
    Self = 1,

    /// <summary>配偶 — spouse.</summary>
    Spouse = 2,

    /// <summary>父母 — parent.</summary>
    Parent = 3,

    /// <summary>子女 — child.</summary>
    Child = 4,

    /// <summary>其他 — anyone else (never allowed).</summary>
    Other = 9,
}
