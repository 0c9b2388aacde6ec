using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using MedInsurance.Payment.Validation;

namespace MedInsurance.Payment.Settlement;

/// <summary>
/// 结余留用、合理超支分担 — applies <see cref="RiskSharing"/> to every hospital's payable against its item-based fund
/// amount (payment-rules.md §0, §5), caps the fund's shared overspend by the policy's pool, and writes the risk-sharing
/// lines. A hospital whose lines do not all state the item-based amount is paid its payable as computed, with a warning
/// and a statement line: never a silent zero.
/// </summary>
internal static class RiskSharingStep
{
    public static RiskSharingOutcome[] Apply(ClearingYear year, Money[] payable)
    {
        var policy = year.Policy;
        var ledger = year.Ledger;
        var recorder = year.Recorder;
        var n = year.Count;
        var rule = policy.MoneyRule(RoundingStep.RiskSharing);
        var outcomes = new RiskSharingOutcome[n];
        for (var h = 0; h < n; h++)
        {
            var known = ledger.FundPaidUnknown[h] == 0 ? Money.FromFen(ledger.FundPaid[h]) : (Money?)null;
            outcomes[h] = RiskSharing.Apply(policy.RiskSharing, payable[h], known, rule);
            if (known is null)
            {
                var unknown = ledger.FundPaidUnknown[h].ToString(CultureInfo.InvariantCulture);
                year.Issues.Add(new LineIssue(-1, year.Hospitals[h].Id, ValidationIssue.Warning(
                    SettlementIssueCodes.RiskSharingNotApplicable,
                    "fund_paid",
                    unknown + "条结算行缺少按项目基金支付，无法进行风险分担，按年度应付支付",
                    unknown + " lines carry no item-based fund amount: risk sharing cannot apply; the payable is paid as computed.")));
            }
        }

        var computedShared = outcomes.Select(o => o.OverspendShared).ToArray();
        var sharedTotal = Money.Sum(computedShared);
        var capped = policy.RiskSharing.OverspendPool is { } pool && sharedTotal > pool;
        if (capped)
        {
            outcomes = RiskSharing.CapOverspend(outcomes, policy.RiskSharing.OverspendPool!.Value).ToArray();
        }

        for (var h = 0; h < n; h++)
        {
            var o = outcomes[h];
            recorder.Money(h, "annual.payable", "年度应付合计", payable[h], "Σ各资金池年度应付 + 资金池外金额行");
            if (!o.Applied)
            {
                recorder.Money(h, "risk.not_applicable", "风险分担不适用", payable[h], ledger.FundPaidUnknown[h].ToString(CultureInfo.InvariantCulture) + "条结算行缺少按项目基金支付，无法比较结余或超支，按年度应付支付");
                recorder.Money(h, "after.risk", "风险分担后应付", o.AfterRiskSharing, "年度应付 " + payable[h]);
                continue;
            }

            var fee = o.ItemBasedFundAmount!.Value;
            recorder.Money(h, "ffs", "按项目基金支付", fee, "Σ结算行按项目统筹基金支付");
            if (payable[h] >= fee)
            {
                var text = policy.RiskSharing.Surplus.Count == 0 ? "未设结余区间，结余全额留用（结余留用）" : "按结余区间留用 " + Bands(policy.RiskSharing.Surplus);
                recorder.Money(h, "surplus.kept", "结余留用", o.SurplusKept, "结余 " + (payable[h] - fee) + " " + text);
                recorder.Money(h, "surplus.reclaimed", "结余收回", o.SurplusReclaimed, "结余 " + (payable[h] - fee) + " − 留用 " + o.SurplusKept);
                recorder.Money(h, "after.risk", "风险分担后应付", o.AfterRiskSharing, "按项目 " + fee + " + 结余留用 " + o.SurplusKept);
            }
            else
            {
                var text = policy.RiskSharing.Overspend.Count == 0 ? "未设超支区间，超支由医院自担" : "按超支区间分担 " + Bands(policy.RiskSharing.Overspend);
                var cap = capped ? " = " + computedShared[h] + "；分担合计 " + sharedTotal + " 超过资金池 " + policy.RiskSharing.OverspendPool!.Value + "，按比例分配（最大余数法）" : string.Empty;
                recorder.Money(h, "overspend.shared", "合理超支分担（基金）", o.OverspendShared, "超支 " + (fee - payable[h]) + " " + text + cap);
                recorder.Money(h, "overspend.borne", "超支自担（医院）", o.OverspendBorne, "超支 " + (fee - payable[h]) + " − 分担 " + o.OverspendShared);
                recorder.Money(h, "after.risk", "风险分担后应付", o.AfterRiskSharing, "年度应付 " + payable[h] + " + 超支分担 " + o.OverspendShared);
            }
        }

        return outcomes;
    }

    private static string Bands(IReadOnlyList<RiskSharingBand> bands) => "[" + string.Join(
        "; ",
        bands.Select(b => "≤" + (b.UpTo is { } u ? ClearingYear.N(u.Percent) + "%" : "∞") + ":" + ClearingYear.N(b.Share.Percent) + "%")) + "]";
}
