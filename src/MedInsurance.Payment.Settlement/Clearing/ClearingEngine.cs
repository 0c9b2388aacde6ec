using System;
using System.Collections.Generic;
using System.Linq;

namespace MedInsurance.Payment.Settlement;

/// <summary>
/// 年度清算 — clears a year of settlement lines of every method in one regional budget (总额控制、按月预付、月预结算、
/// 年度清算, 结余留用、合理超支分担; payment-rules.md §2–§5; DIP 3.0 draft ch. 7; 2025 handling rules).
/// </summary>
/// <remarks>
/// <para>The clearing is a sequence of named steps, each in its own type, passing one <c>ClearingYear</c> along and
/// writing its statement lines through one recorder: line intake (<c>LineIntake</c>), the whole-region point conversion
/// (<c>PointConversionStep</c>), special review
/// (<c>SpecialReviewStep</c>), pool valuation and payable (<c>PoolValuation</c>, <c>PayableStep</c>), risk sharing
/// (<c>RiskSharingStep</c> over the public <see cref="RiskSharing"/>), assessment and deductions (<c>AssessmentStep</c>
/// over <see cref="AssessmentAdjustment"/>), monthly pre-settlement and deposit (<c>MonthlyStep</c> over
/// <see cref="MonthlyPreSettlement"/>), advance and deposit release (<c>ClearingTransferStep</c> over
/// <see cref="DepositRelease"/>), summary (<c>ClearingSummaryStep</c>).</para>
/// <para>The engine knows no payment method: a line is points in a named point system or a money amount. A pure
/// function: lines are summed into integer cells, so the result is identical for any line order and thread count.
/// Pools are distributed by <see cref="PoolAllocation.ByLargestRemainder"/> in hospital-id order (ordinal).</para>
/// </remarks>
public static class ClearingEngine
{
    /// <summary>Runs the clearing.</summary>
    /// <param name="policy">The policy profile.</param>
    /// <param name="hospitals">The hospitals or consortia (ids unique).</param>
    /// <param name="lines">The settlement lines of the year, of any method.</param>
    /// <param name="monthlyPayments">Monthly pre-settlements already made, replacing the computed ones for their hospital and month; may be empty.</param>
    /// <param name="maxDegreeOfParallelism">Threads for the intake (−1: all cores; otherwise ≥ 1). The result does not depend on it.</param>
    /// <returns>The statements, pools, summary and issues; bad lines are rejected with coded issues, never thrown.</returns>
    /// <exception cref="ArgumentException">When hospital ids repeat or the policy has errors (configuration, not data).</exception>
    public static ClearingResult Run(
        SettlementPolicy policy,
        IReadOnlyList<SettlementHospital> hospitals,
        IReadOnlyList<SettlementLine> lines,
        IReadOnlyList<MonthlyPayment> monthlyPayments,
        int maxDegreeOfParallelism)
    {
        if (policy is null || hospitals is null || lines is null || monthlyPayments is null)
        {
            throw new ArgumentNullException(policy is null ? nameof(policy) : hospitals is null ? nameof(hospitals) : lines is null ? nameof(lines) : nameof(monthlyPayments));
        }

        if (maxDegreeOfParallelism == 0 || maxDegreeOfParallelism < -1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxDegreeOfParallelism), maxDegreeOfParallelism, "Use −1 for all cores or a number of threads ≥ 1.");
        }

        var policyErrors = policy.Validate().Where(i => i.IsError).ToList();
        if (policyErrors.Count > 0)
        {
            throw new ArgumentException("The policy has errors: " + string.Join("; ", policyErrors.Select(e => e.Code + " " + e.Field)), nameof(policy));
        }

        var ordered = hospitals.OrderBy(h => h.Id, StringComparer.Ordinal).ToArray();
        var index = new Dictionary<string, int>(ordered.Length, StringComparer.Ordinal);
        for (var i = 0; i < ordered.Length; i++)
        {
            if (index.ContainsKey(ordered[i].Id))
            {
                throw new ArgumentException("A hospital id occurs more than once in the hospital list.", nameof(hospitals));
            }

            index.Add(ordered[i].Id, i);
        }

        var ledger = LineIntake.Take(policy, index, lines, maxDegreeOfParallelism);
        return Settle(policy, ordered, index, ledger, monthlyPayments);
    }

    private static ClearingResult Settle(SettlementPolicy policy, SettlementHospital[] hospitals, Dictionary<string, int> index, ClearingLedger ledger, IReadOnlyList<MonthlyPayment> monthlyPayments)
    {
        var year = new ClearingYear(policy, hospitals, ledger);
        PointConversionStep.Apply(year);
        var review = SpecialReviewStep.Apply(year);
        var payable = PayableStep.Apply(year);
        var risk = RiskSharingStep.Apply(year, payable.Payable);
        var assessed = AssessmentStep.Apply(year, risk);
        var months = MonthlyStep.Apply(year, index, monthlyPayments);
        var transfers = ClearingTransferStep.Apply(year, assessed, months);
        return ClearingSummaryStep.Apply(year, review, payable, risk, assessed, months, transfers);
    }
}
