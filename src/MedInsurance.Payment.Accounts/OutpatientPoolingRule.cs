using System;

namespace MedInsurance.Payment.Accounts;

/// <summary>
/// 普通门诊统筹（门诊共济） — the pooled fund's share of an employee's general outpatient costs in a year: a deductible
/// (起付标准), a payment ratio for active employees and a higher one for retirees ("向退休人员倾斜"), the outpatient annual
/// ceiling (门诊统筹年度最高支付限额), and the annual ceiling of the pooled fund that outpatient and inpatient payments share
/// ("门诊统筹最高支付限额纳入统筹基金年度最高支付限额" — payment-rules.md §4, Inner Mongolia 2021 opinion on 职工门诊共济).
/// </summary>
/// <remarks>Immutable and thread-safe. Amounts per calendar year.</remarks>
public sealed class OutpatientPoolingRule
{
    /// <summary>Creates the rule.</summary>
    /// <param name="deductible">起付标准 — per person and year.</param>
    /// <param name="activeRatio">在职支付比例 — the fund's share above the deductible for active employees (0–1).</param>
    /// <param name="retiredRatio">退休支付比例 — the same for retirees (0–1).</param>
    /// <param name="outpatientCeiling">门诊统筹年度最高支付限额 — the most the fund pays for general outpatient care in a year.</param>
    /// <param name="annualCeiling">统筹基金年度最高支付限额 — the most the fund pays in a year, inpatient and outpatient together.</param>
    /// <exception cref="ArgumentException">When an amount is negative, a ratio outside 0–1, or the outpatient ceiling above the annual one.</exception>
    public OutpatientPoolingRule(Money deductible, Ratio activeRatio, Ratio retiredRatio, Money outpatientCeiling, Money annualCeiling)
    {
        if (deductible.IsNegative || outpatientCeiling.IsNegative || annualCeiling.IsNegative)
        {
            throw new ArgumentException("Amounts of the outpatient pooling rule must not be negative.", nameof(deductible));
        }

        if (activeRatio.Value is < 0m or > 1m || retiredRatio.Value is < 0m or > 1m)
        {
            throw new ArgumentException("Payment ratios must be between 0 and 1.", nameof(activeRatio));
        }

        if (outpatientCeiling > annualCeiling)
        {
            throw new ArgumentException("The outpatient ceiling is counted inside the annual ceiling and cannot exceed it.", nameof(outpatientCeiling));
        }

        Deductible = deductible;
        ActiveRatio = activeRatio;
        RetiredRatio = retiredRatio;
        OutpatientCeiling = outpatientCeiling;
        AnnualCeiling = annualCeiling;
    }

    /// <summary>起付标准 — per person and year.</summary>
    public Money Deductible { get; }

    /// <summary>在职支付比例.</summary>
    public Ratio ActiveRatio { get; }

    /// <summary>退休支付比例.</summary>
    public Ratio RetiredRatio { get; }

    /// <summary>门诊统筹年度最高支付限额.</summary>
    public Money OutpatientCeiling { get; }

    /// <summary>统筹基金年度最高支付限额 (inpatient and outpatient together).</summary>
    public Money AnnualCeiling { get; }

    /// <summary>The ratio for a holder's status.</summary>
    /// <param name="status">The status.</param>
    /// <returns>The ratio.</returns>
    public Ratio RatioFor(AccountHolderStatus status) => status == AccountHolderStatus.Retired ? RetiredRatio : ActiveRatio;
}
