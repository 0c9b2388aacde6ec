using System;
using System.Globalization;

namespace MedInsurance.Payment.Settlement;

/// <summary>月度预结算结果 — one month of one hospital: the pre-settlement, the deposit held back, and what is paid.</summary>
/// <param name="PreSettlement">月度预结算 — the amount the month counts towards the year (after audit deductions, before the deposit).</param>
/// <param name="DepositWithheld">预留质量保证金 — the part of it held back as quality deposit.</param>
/// <param name="Paid">当月拨付 — <paramref name="PreSettlement"/> − <paramref name="DepositWithheld"/>.</param>
/// <param name="Formula">The formula with its numbers.</param>
public sealed record MonthAmounts(Money PreSettlement, Money DepositWithheld, Money Paid, string Formula);

/// <summary>
/// 月度预结算 — payment-rules.md §2: 医疗机构月度预结费用 = (月度标准金额 − 该月患者支付) × 预拨比例 − 该月审核扣款 (DIP 3.0
/// draft ch. 7 §2; example 1 000 × 10 000 − 2 000 000 = 8 000 000, × 0.9 = 7 200 000, − 50 000 = 7 150 000), with
/// the quality deposit in either form of <see cref="DepositForm"/> (2025 handling rules art. 26; DIP 3.0 draft ch. 7 §2).
/// </summary>
/// <remarks>A pure function, usable on its own by any method that pays monthly. Thread-safe.</remarks>
public static class MonthlyPreSettlement
{
    /// <summary>Computes one month.</summary>
    /// <param name="basisYuan">The month's amount before the advance ratio: standard amount − patients' share (or × fund ratio), exact.</param>
    /// <param name="auditDeduction">The month's audit deductions.</param>
    /// <param name="terms">The advance and deposit terms.</param>
    /// <returns>The month's amounts.</returns>
    /// <remarks>
    /// <see cref="DepositForm.WithheldFromAdvance"/>: pre-settlement = round(basis × advance ratio) − audit; deposit =
    /// round(basis × deposit rate); paid = pre-settlement − deposit (0.9 and 0.05 pay 85%; 1 and 0.05 pay 95%; 0.9 and 0 pay 90%).
    /// <see cref="DepositForm.UnpaidRemainder"/>: pre-settlement = round(basis) − audit; deposit = round(basis) − round(basis
    /// × advance ratio), so paid = round(basis × advance ratio) − audit (pay 90%, the unpaid 10% is the deposit).
    /// </remarks>
    public static MonthAmounts Compute(decimal basisYuan, Money auditDeduction, AdvanceTerms terms)
    {
        if (terms is null)
        {
            throw new ArgumentNullException(nameof(terms));
        }

        var basis = N(basisYuan);
        var advance = new UnroundedMoney(basisYuan * terms.AdvanceRatio.Value).Round(terms.PreSettlementRounding);
        if (terms.Form == DepositForm.UnpaidRemainder)
        {
            var full = new UnroundedMoney(basisYuan).Round(terms.PreSettlementRounding);
            var remainder = full - advance;
            var pre = full - auditDeduction;
            return new MonthAmounts(
                pre,
                remainder,
                pre - remainder,
                "月度金额 " + basis + " − 审核扣款 " + auditDeduction + " = " + pre + "；按 " + N(terms.AdvanceRatio.Value) + " 拨付，未拨部分 " + full + " − " + advance + " = " + remainder + " 为质量保证金");
        }

        var preSettlement = advance - auditDeduction;
        var deposit = new UnroundedMoney(basisYuan * terms.DepositRate.Value).Round(terms.DepositRounding);
        return new MonthAmounts(
            preSettlement,
            deposit,
            preSettlement - deposit,
            basis + " × 预拨比例 " + N(terms.AdvanceRatio.Value) + " − 审核扣款 " + auditDeduction + " = " + preSettlement + "；预留保证金 " + basis + " × " + N(terms.DepositRate.Value) + " = " + deposit);
    }

    internal static string N(decimal value) => value.ToString("0.##########", CultureInfo.InvariantCulture);
}
