using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using MedInsurance.Payment.Validation;

namespace MedInsurance.Payment.Settlement;

/// <summary>特例单议汇总 — one method's special review in the pooling region.</summary>
/// <param name="Method">The method code.</param>
/// <param name="RegionLines">The region's accepted lines of the method (the cap's base).</param>
/// <param name="Cap">⌊lines × cap share⌋.</param>
/// <param name="Approved">Approved lines paid by their approved amount.</param>
public sealed record SpecialReviewSummary(string Method, int RegionLines, int Cap, int Approved)
{
    /// <summary>Whether the agency approved more lines than the regional cap.</summary>
    public bool OverCap => Approved > Cap;
}

/// <summary>
/// 特例单议 — applies the agency's approvals. The cap is counted on the whole pooling region, never per hospital: at most
/// 5% of the region's DRG discharges (医疗保障按病种付费管理暂行办法 2025) or 5‰ of its DIP discharges (DIP 3.0 draft ch. 6
/// §2: "特例单议病例数量原则上不超过统筹地区 DIP 出院总病例的5‰ … 不能以每家医疗机构的病例数为基数计算5‰的数量"). The agency
/// decides approvals; every approved line is paid by its approved amount (approved − patients' share, or × the fund
/// payment ratio) and its basis leaves the pool; approvals beyond the cap are reported, never silently refused.
/// </summary>
internal static class SpecialReviewStep
{
    public static IReadOnlyList<SpecialReviewSummary> Apply(ClearingYear year)
    {
        var policy = year.Policy;
        var ledger = year.Ledger;
        var issues = year.Issues;
        var annualPoints = year.Points;
        var annualPatient = year.PointsPatient;
        var annualMoney = year.MoneyLines;
        var specialPay = new decimal[year.Count, policy.Pools.Count + 1];
        var specialCount = new int[year.Count];
        var approved = new Dictionary<string, int>(System.StringComparer.Ordinal);
        foreach (var s in ledger.Special)
        {
            if (!policy.SpecialReviewCaps.ContainsKey(s.Method))
            {
                issues.Add(new LineIssue(s.Index, s.LineId, ValidationIssue.Warning(SettlementIssueCodes.SpecialReviewNotApplicable, "special_review", "政策未对该支付方式设置特例单议，按结算依据支付", "The policy sets no special review for this method; the line is paid by its basis.")));
                continue;
            }

            approved[s.Method] = (approved.TryGetValue(s.Method, out var n) ? n : 0) + 1;
            specialCount[s.Hospital]++;
            var inPool = s.Slot < ledger.Pools;
            if (s.IsPoints)
            {
                annualPoints[s.Hospital, s.Slot] -= s.Points;
                annualPatient[s.Hospital, s.Slot] -= s.PatientPaid.Fen;
            }
            else
            {
                annualMoney[s.Hospital, s.Slot] -= s.Amount.Fen;
            }

            specialPay[s.Hospital, s.Slot] += inPool && policy.PayableForm == PayableForm.FundPaymentRatio
                ? s.Approved.Yuan * policy.Pools[s.Slot].FundPaymentRatio.Value
                : (s.Approved - s.PatientPaid).Yuan;
        }

        var special = new Money[year.Count, policy.Pools.Count + 1];
        for (var h = 0; h < year.Count; h++)
        {
            for (var slot = 0; slot <= policy.Pools.Count; slot++)
            {
                special[h, slot] = new UnroundedMoney(specialPay[h, slot]).Round(year.PayRule);
            }
        }

        year.Special = special;
        year.SpecialCount = specialCount;
        var summaries = new List<SpecialReviewSummary>();
        foreach (var pair in policy.SpecialReviewCaps.OrderBy(p => p.Key, System.StringComparer.Ordinal))
        {
            var lines = ledger.MethodCounts.TryGetValue(pair.Key, out var c) ? c : 0;
            var count = approved.TryGetValue(pair.Key, out var a) ? a : 0;
            if (lines == 0 && count == 0)
            {
                continue;
            }

            var cap = (int)decimal.Floor(lines * pair.Value.Value);
            var summary = new SpecialReviewSummary(pair.Key, lines, cap, count);
            summaries.Add(summary);
            if (summary.OverCap)
            {
                var text = count.ToString(CultureInfo.InvariantCulture) + " > " + cap.ToString(CultureInfo.InvariantCulture) + " = ⌊" + lines.ToString(CultureInfo.InvariantCulture) + " × " + MonthlyPreSettlement.N(pair.Value.Value) + "⌋";
                issues.Add(new LineIssue(-1, string.Empty, ValidationIssue.Warning(
                    SettlementIssueCodes.SpecialReviewOverRegionalCap,
                    "special_review." + pair.Key,
                    "特例单议核准数超过统筹地区比例上限（" + text + "），已按核准支付，请经办机构复核",
                    "Approved special-review lines exceed the regional cap (" + text + "); paid as approved, for the agency to review.")));
            }
        }

        return summaries;
    }
}
