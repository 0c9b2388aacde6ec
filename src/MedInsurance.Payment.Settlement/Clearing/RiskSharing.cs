using System;
using System.Collections.Generic;
using System.Linq;

namespace MedInsurance.Payment.Settlement;

/// <summary>风险分担结果 — what 结余留用、合理超支分担 made of one hospital's (or institution's, consortium's) payable.</summary>
/// <param name="Payable">年度应付 — the payable by the payment method.</param>
/// <param name="ItemBasedFundAmount">按项目基金支付 — what the fund would have paid by item, or null when not known.</param>
/// <param name="Applied">Whether risk sharing applied (false when the item-based amount is not known: the payable is paid as computed).</param>
/// <param name="SurplusKept">结余留用 — surplus kept by the hospital.</param>
/// <param name="SurplusReclaimed">结余收回 — surplus returned to the fund.</param>
/// <param name="OverspendShared">合理超支分担 — overspend borne by the fund.</param>
/// <param name="OverspendBorne">超支自担 — overspend borne by the hospital.</param>
/// <param name="AfterRiskSharing">风险分担后应付 — item-based + kept (surplus), payable + shared (overspend), or the payable when not applied.</param>
public sealed record RiskSharingOutcome(
    Money Payable,
    Money? ItemBasedFundAmount,
    bool Applied,
    Money SurplusKept,
    Money SurplusReclaimed,
    Money OverspendShared,
    Money OverspendBorne,
    Money AfterRiskSharing);

/// <summary>
/// 结余留用、合理超支分担 — risk sharing between the fund and a hospital (payment-rules.md §0, §5). Usable on its own:
/// capitation and consortium budgets call it with their budget as the payable.
/// </summary>
/// <remarks>
/// Deviation = payable − item-based fund amount. A surplus is kept band by band (bounds are shares of the payable);
/// <b>with no surplus bands stated the hospital keeps its whole surplus</b> (结余留用: the payable stays paid). An overspend is
/// shared band by band; with no overspend bands the hospital bears it. Pure; thread-safe.
/// </remarks>
public static class RiskSharing
{
    /// <summary>Applies the rule to one payable.</summary>
    /// <param name="rule">The bands.</param>
    /// <param name="payable">The payable.</param>
    /// <param name="itemBasedFundAmount">The item-based fund amount, or null when not known (risk sharing then does not apply).</param>
    /// <param name="rounding">The rule of the <see cref="RoundingStep.RiskSharing"/> step.</param>
    /// <returns>The outcome.</returns>
    public static RiskSharingOutcome Apply(RiskSharingRule rule, Money payable, Money? itemBasedFundAmount, RoundingRule rounding)
    {
        if (rule is null)
        {
            throw new ArgumentNullException(nameof(rule));
        }

        if (itemBasedFundAmount is not { } fee)
        {
            return new RiskSharingOutcome(payable, null, false, Money.Zero, Money.Zero, Money.Zero, Money.Zero, payable);
        }

        var deviation = payable - fee;
        if (deviation >= Money.Zero)
        {
            var kept = rule.Surplus.Count == 0 ? deviation : Banded(rule.Surplus, deviation, payable).Round(rounding);
            return new RiskSharingOutcome(payable, fee, true, kept, deviation - kept, Money.Zero, Money.Zero, fee + kept);
        }

        var shared = Banded(rule.Overspend, -deviation, payable).Round(rounding);
        return new RiskSharingOutcome(payable, fee, true, Money.Zero, Money.Zero, shared, -deviation - shared, payable + shared);
    }

    /// <summary>
    /// 超支分担资金池 — caps the fund's total shared overspend at a fixed pool (e.g. 区域调节金): when the shares exceed it, the
    /// pool is distributed in proportion to them (largest remainder, exact to the fen) and the rest is borne by the hospitals.
    /// </summary>
    /// <param name="outcomes">The outcomes, in a fixed order (hospital id).</param>
    /// <param name="pool">The pool.</param>
    /// <returns>The outcomes after the cap (the same instances when the pool suffices).</returns>
    public static IReadOnlyList<RiskSharingOutcome> CapOverspend(IReadOnlyList<RiskSharingOutcome> outcomes, Money pool)
    {
        if (outcomes is null)
        {
            throw new ArgumentNullException(nameof(outcomes));
        }

        var total = Money.Sum(outcomes.Select(o => o.OverspendShared));
        if (total <= pool)
        {
            return outcomes;
        }

        var capped = PoolAllocation.ByLargestRemainder(pool, outcomes.Select(o => o.OverspendShared.Yuan).ToArray());
        return outcomes.Select((o, i) => o with
        {
            OverspendShared = capped[i],
            OverspendBorne = o.OverspendBorne + (o.OverspendShared - capped[i]),
            AfterRiskSharing = o.AfterRiskSharing - (o.OverspendShared - capped[i]),
        }).ToArray();
    }

    /// <summary>Σ over bands of share × the part of <paramref name="deviation"/> inside the band; bounds are shares of <paramref name="payable"/>.</summary>
    internal static UnroundedMoney Banded(IReadOnlyList<RiskSharingBand> bands, Money deviation, Money payable)
    {
        var rest = deviation.Yuan;
        var lower = 0m;
        var total = 0m;
        foreach (var band in bands)
        {
            var upper = band.UpTo is { } u ? Math.Max(0m, payable.Yuan) * u.Value : decimal.MaxValue;
            var part = Math.Min(rest, Math.Max(0m, upper - lower));
            total += part * band.Share.Value;
            rest -= part;
            lower = Math.Max(lower, upper);
            if (rest <= 0m)
            {
                break;
            }
        }

        return new UnroundedMoney(total);
    }
}
