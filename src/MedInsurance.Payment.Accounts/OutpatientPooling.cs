using System;
using System.Globalization;
using MedInsurance.Payment.Validation;

namespace MedInsurance.Payment.Accounts;

/// <summary>
/// 普通门诊统筹支付 — the fund's share of an eligible outpatient amount (政策范围内费用), one claim at a time in date order:
/// fund = min(outpatient ceiling left, annual ceiling left, round((eligible − deductible left)⁺ × ratio)), the ratio by the
/// holder's status; the person pays the rest. Inpatient pooled payments are recorded with <see cref="RecordInpatient"/>
/// so the annual ceiling counts both ("门诊统筹最高支付限额纳入统筹基金年度最高支付限额", payment-rules.md §4).
/// </summary>
/// <remarks>Pure and thread-safe: the host keeps one <see cref="PoolingYear"/> per person and year.</remarks>
public static class OutpatientPooling
{
    /// <summary>Pays one claim.</summary>
    /// <param name="policy">The profile (needs <see cref="AccountPolicy.OutpatientPooling"/>).</param>
    /// <param name="state">The person's year before (a claim of a later year starts a new year).</param>
    /// <param name="claimYear">The claim's year.</param>
    /// <param name="status">在职 or 退休.</param>
    /// <param name="eligible">政策范围内费用 of the claim.</param>
    /// <returns>The result; rejected (state unchanged) when the profile has no pooling, the amount is invalid or the year is earlier than the state's.</returns>
    public static PoolingResult Pay(AccountPolicy policy, PoolingYear state, int claimYear, AccountHolderStatus status, Money eligible)
    {
        if (policy is null)
        {
            throw new ArgumentNullException(nameof(policy));
        }

        if (policy.OutpatientPooling is not { } rule)
        {
            return Rejected(AccountIssueCodes.PoolingNotConfigured, "policy", "政策未设普通门诊统筹", "The profile has no outpatient pooling rule.");
        }

        if (eligible.IsNegative || eligible > AccountPosting.MaximumPosting)
        {
            return Rejected(AccountIssueCodes.AmountInvalid, "eligible", "政策范围内费用须在0至10亿元之间", "The eligible amount must be 0 to 1 000 000 000 yuan.");
        }

        if (claimYear < state.Year)
        {
            return Rejected(AccountIssueCodes.PostingOutOfOrder, "date", "门诊费用年度早于该人员已记账年度", "The claim's year is before the person's current year.");
        }

        var year = claimYear > state.Year ? PoolingYear.Start(state.PersonId, claimYear) : state;
        var deductibleLeft = rule.Deductible - year.DeductibleUsed;
        var towardsDeductible = Money.Min(eligible, Money.Max(Money.Zero, deductibleLeft));
        var ratio = rule.RatioFor(status).Value;
        var byRatio = (eligible - towardsDeductible).Multiply(ratio).Round(RoundingRule.Default);
        var outpatientLeft = Money.Max(Money.Zero, rule.OutpatientCeiling - year.OutpatientPaid);
        var annualLeft = Money.Max(Money.Zero, rule.AnnualCeiling - year.AnnualPaid);
        var fund = Money.Min(byRatio, Money.Min(outpatientLeft, annualLeft));
        var after = new PoolingYear(year.PersonId, year.Year, year.DeductibleUsed + towardsDeductible, year.OutpatientPaid + fund, year.AnnualPaid + fund);
        var formula = string.Format(
            CultureInfo.InvariantCulture,
            "min(门诊限额余 {0}, 年度限额余 {1}, ({2} − 起付余 {3}) × {4} = {5}) = {6}",
            outpatientLeft,
            annualLeft,
            eligible,
            towardsDeductible,
            ratio.ToString("0.####", CultureInfo.InvariantCulture),
            byRatio,
            fund);
        var issues = fund < byRatio
            ? new[] { ValidationIssue.Warning(AccountIssueCodes.PoolingCeilingReached, "eligible", "达到门诊统筹或统筹基金年度最高支付限额，超出部分由个人负担", "The outpatient or annual ceiling was reached; the rest is the person's.") }
            : Array.Empty<ValidationIssue>();
        return new PoolingResult(after, fund, eligible - fund, formula, issues);

        PoolingResult Rejected(string code, string field, string zh, string en) =>
            new(state, Money.Zero, Money.Zero, string.Empty, new[] { ValidationIssue.Error(code, field, zh, en) });
    }

    /// <summary>Counts an inpatient pooled payment inside the annual ceiling.</summary>
    /// <param name="state">The person's year before.</param>
    /// <param name="claimYear">The stay's year.</param>
    /// <param name="fundPaid">统筹基金支付 of the stay, ≥ 0.</param>
    /// <returns>The year after.</returns>
    /// <exception cref="ArgumentException">When the amount is negative or the year earlier than the state's.</exception>
    public static PoolingYear RecordInpatient(PoolingYear state, int claimYear, Money fundPaid)
    {
        if (fundPaid.IsNegative || claimYear < state.Year)
        {
            throw new ArgumentException("The inpatient payment must not be negative nor of an earlier year.", nameof(fundPaid));
        }

        var year = claimYear > state.Year ? PoolingYear.Start(state.PersonId, claimYear) : state;
        return new PoolingYear(year.PersonId, year.Year, year.DeductibleUsed, year.OutpatientPaid, year.AnnualPaid + fundPaid);
    }
}
