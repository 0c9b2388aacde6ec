using System.Collections.Generic;

namespace MedInsurance.Payment.Settlement;

/// <summary>年度应付结果 — each hospital's payable, the pools' summaries and what was paid outside every pool.</summary>
internal sealed record PayableResult(Money[] Payable, IReadOnlyList<PoolSummary> Pools, Money OutsidePools);

/// <summary>
/// 年度应付 — values every pool (<see cref="PoolValuation"/>) and turns each hospital's share into its payable
/// (payment-rules.md §2, §3): standard amount − patients' share of the point lines (or × the fund payment ratio), plus
/// approved special-review payments and the money lines drawn on the pool; money lines outside every pool are added as
/// computed. Writes the pool lines of every statement.
/// </summary>
internal static class PayableStep
{
    public static PayableResult Apply(ClearingYear year)
    {
        var policy = year.Policy;
        var n = year.Count;
        var pools = policy.Pools.Count;
        var recorder = year.Recorder;
        var payable = new Money[n];
        var summaries = new List<PoolSummary>();
        for (var p = 0; p < pools; p++)
        {
            var pool = policy.Pools[p];
            var label = "（" + pool.Key + "）";
            var tag = "." + pool.Key;
            var points = new decimal[n];
            var specialTotal = Money.Zero;
            var moneyTotal = Money.Zero;
            for (var h = 0; h < n; h++)
            {
                points[h] = (decimal)year.Points[h, p] / year.Scale;
                specialTotal += year.Special[h, p];
                moneyTotal += Money.FromFen(year.MoneyLines[h, p]);
            }

            var valued = PoolValuation.Value(policy, p, year.Hospitals, points, specialTotal + moneyTotal, year.Issues);
            var ratio = pool.FundPaymentRatio.Value;
            var poolPayable = Money.Zero;
            for (var h = 0; h < n; h++)
            {
                var special = year.Special[h, p];
                var drawn = Money.FromFen(year.MoneyLines[h, p]);
                if (points[h] == 0m && special.IsZero && drawn.IsZero)
                {
                    continue;
                }

                Money pay;
                string formula;
                if (valued.UsesFundSide)
                {
                    pay = valued.FundSide[h];
                    formula = valued.GrossFormula[h];
                }
                else if (policy.PayableForm == PayableForm.FundPaymentRatio)
                {
                    pay = valued.Gross[h].Multiply(ratio).Round(year.PayRule);
                    formula = "标准金额 " + valued.Gross[h] + " × 基金支付比例 " + ClearingYear.N(ratio);
                }
                else
                {
                    var patients = Money.FromFen(year.PointsPatient[h, p]);
                    pay = valued.Gross[h] - patients;
                    formula = "标准金额 " + valued.Gross[h] + " − 个人支付 " + patients;
                }

                pay += special + drawn;
                poolPayable += pay;
                payable[h] += pay;
                recorder.Quantity(h, "points" + tag, "总点数" + label, points[h], "Σ结算行点数（不含特例单议核准行）");
                recorder.Quantity(h, "value" + tag, "结算点值" + label, valued.Value.Yuan, valued.ValueFormula);
                if (!valued.UsesFundSide)
                {
                    recorder.Money(h, "standard" + tag, "按点数标准金额" + label, valued.Gross[h], valued.GrossFormula[h]);
                }

                if (!special.IsZero)
                {
                    recorder.Money(h, "special" + tag, "特例单议核准支付" + label, special, policy.PayableForm == PayableForm.FundPaymentRatio ? "Σ核准金额 × 基金支付比例" : "Σ(核准金额 − 个人支付)");
                }

                if (!drawn.IsZero)
                {
                    recorder.Money(h, "money" + tag, "金额行（由本资金池支付）" + label, drawn, "Σ金额行");
                }

                recorder.Money(h, "payable" + tag, "年度应付" + label, pay, formula + (special.IsZero ? string.Empty : " + 特例单议 " + special) + (drawn.IsZero ? string.Empty : " + 金额行 " + drawn));
            }

            summaries.Add(new PoolSummary
            {
                PointSystem = pool.PointSystem,
                Fund = pool.Fund,
                Key = pool.Key,
                Budget = valued.Budget,
                SpecialReviewPaid = specialTotal,
                MoneyLinesPaid = moneyTotal,
                TotalPoints = valued.TotalPoints,
                Value = valued.Value,
                Payable = poolPayable,
            });
        }

        var outside = Money.Zero;
        for (var h = 0; h < n; h++)
        {
            var special = year.Special[h, pools];
            var amount = Money.FromFen(year.MoneyLines[h, pools]) + special;
            if (amount.IsZero)
            {
                continue;
            }

            outside += amount;
            payable[h] += amount;
            recorder.Money(h, "money.outside", "金额行（资金池外）", amount, "Σ不计入资金池的金额行" + (special.IsZero ? string.Empty : "（含特例单议核准 " + special + "）"));
        }

        return new PayableResult(payable, summaries, outside);
    }
}
