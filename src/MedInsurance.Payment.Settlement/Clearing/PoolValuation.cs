using System;
using System.Collections.Generic;
using System.Linq;
using MedInsurance.Payment.Validation;

namespace MedInsurance.Payment.Settlement;

/// <summary>One pool valued: its budget, what it pays first, its point value and each hospital's standard amount.</summary>
internal sealed class PoolValuationResult
{
    public required BudgetDerivation Budget { get; init; }

    public required Money PaidFirst { get; init; }

    public required Money Available { get; init; }

    public required decimal TotalPoints { get; init; }

    public required PointValue Value { get; init; }

    public required string ValueFormula { get; init; }

    /// <summary>Standard amount (points × value) per hospital, before the patients' share or the fund ratio.</summary>
    public required Money[] Gross { get; init; }

    /// <summary>When true, <see cref="FundSide"/> already is the fund's share (floating, fund-payment-ratio form).</summary>
    public required bool UsesFundSide { get; init; }

    public required Money[] FundSide { get; init; }

    public required string[] GrossFormula { get; init; }
}

/// <summary>
/// 点值确定 — values one pool (fund × point system) by its method (payment-rules.md §2, §3; DIP 3.0 draft ch. 4):
/// fixed (the preset value is final); floating (value = (budget − paid first) ÷ fund payment ratio ÷ total points, the
/// pool distributed exactly by largest remainder); elastic (each hospital's base points — given, or last year's points ×
/// the reasonable-volume share — at the preset value; the increment pool = budget ÷ ratio − base total at a floating
/// value, optionally capped). Special-review payments and money lines drawing on the pool are paid from it first.
/// </summary>
internal static class PoolValuation
{
    public static PoolValuationResult Value(SettlementPolicy policy, int p, SettlementHospital[] hospitals, decimal[] points, Money paidFirst, List<LineIssue> issues)
    {
        var pool = policy.Pools[p];
        var n = hospitals.Length;
        var payRule = policy.MoneyRule(RoundingStep.AnnualPayable);
        var budget = RegionalBudget.Derive(pool, policy.MoneyRule(RoundingStep.Budget));
        var total = points.Sum();
        var ratio = pool.FundPaymentRatio.Value;
        var available = Money.Max(Money.Zero, budget.Total - paidFirst);
        var gross = new Money[n];
        var fundSide = new Money[n];
        var formula = new string[n];
        var usesFundSide = false;
        var first = paidFirst.IsZero ? string.Empty : " − 先行支付 " + paidFirst;
        PointValue value;
        string valueFormula;
        switch (policy.ValueMethodOf(p))
        {
            case ValueMethod.Fixed:
                value = pool.PresetValue;
                valueFormula = "固定点值";
                for (var h = 0; h < n; h++)
                {
                    gross[h] = new UnroundedMoney(points[h] * value.Yuan).Round(payRule);
                    formula[h] = N(points[h]) + " × 点值 " + N(value.Yuan);
                }

                break;
            case ValueMethod.Floating when total > 0m:
                value = Round(policy, PointValueFormulas.Settlement(available, pool.FundPaymentRatio, total));
                valueFormula = "浮动点值 = (" + budget.Total + first + ") ÷ " + N(ratio) + " ÷ " + N(total);
                if (policy.PayableForm == PayableForm.FundPaymentRatio)
                {
                    fundSide = PoolAllocation.ByLargestRemainder(available, points);
                    usesFundSide = true;
                    for (var h = 0; h < n; h++)
                    {
                        formula[h] = "按点数占比分配(最大余数法) " + available + " × " + N(points[h]) + " ÷ " + N(total);
                    }
                }
                else
                {
                    var grossPool = available.Divide(ratio).Round(payRule);
                    gross = PoolAllocation.ByLargestRemainder(grossPool, points);
                    for (var h = 0; h < n; h++)
                    {
                        formula[h] = "总额 " + grossPool + " × " + N(points[h]) + " ÷ " + N(total) + "（按点数占比分配，最大余数法）";
                    }
                }

                break;
            case ValueMethod.Elastic:
                {
                    var baseUnits = new decimal[n];
                    var incrementUnits = new decimal[n];
                    var baseTotal = Money.Zero;
                    for (var h = 0; h < n; h++)
                    {
                        var (basePoints, source) = points[h] == 0m ? (0m, "无点数") : BasePoints(policy, pool, hospitals[h], issues);
                        baseUnits[h] = Math.Min(points[h], basePoints);
                        incrementUnits[h] = points[h] - baseUnits[h];
                        gross[h] = new UnroundedMoney(baseUnits[h] * pool.PresetValue.Yuan).Round(payRule);
                        baseTotal += gross[h];
                        formula[h] = "基准 min(" + N(points[h]) + ", " + source + ") = " + N(baseUnits[h]) + " × 基准点值 " + N(pool.PresetValue.Yuan) + " = " + gross[h];
                    }

                    var increment = Money.Max(Money.Zero, available.Divide(ratio).Round(payRule) - baseTotal);
                    var incrementTotal = incrementUnits.Sum();
                    var floating = incrementTotal > 0m ? increment.Yuan / incrementTotal : 0m;
                    var capped = pool.IncrementValueCap is { } cap && floating > cap.Yuan;
                    value = Round(policy, new PointValue(capped ? pool.IncrementValueCap!.Value.Yuan : floating));
                    valueFormula = "弹性：基准点值 " + N(pool.PresetValue.Yuan) + "，增量点值 = ((" + budget.Total + first + ") ÷ " + N(ratio) + " − 基准总额 " + baseTotal + ") ÷ 增量点数 " + N(incrementTotal) + (capped ? "（封顶）" : string.Empty);
                    var shares = capped || incrementTotal == 0m
                        ? incrementUnits.Select(u => new UnroundedMoney(u * value.Yuan).Round(payRule)).ToArray()
                        : PoolAllocation.ByLargestRemainder(increment, incrementUnits);
                    for (var h = 0; h < n; h++)
                    {
                        gross[h] += shares[h];
                        formula[h] += "；增量 " + N(incrementUnits[h]) + " × 增量点值 = " + shares[h];
                    }

                    break;
                }

            default:
                value = new PointValue(0m);
                valueFormula = "总点数为0，无法计算浮动点值";
                if (!budget.Total.IsZero)
                {
                    issues.Add(new LineIssue(-1, string.Empty, ValidationIssue.Warning(SettlementIssueCodes.PoolWithoutUnits, "pools." + pool.Key, "资金池没有点数", "The pool has no points.")));
                }

                for (var h = 0; h < n; h++)
                {
                    formula[h] = "—";
                }

                break;
        }

        return new PoolValuationResult
        {
            Budget = budget,
            PaidFirst = paidFirst,
            Available = available,
            TotalPoints = total,
            Value = value,
            ValueFormula = valueFormula,
            Gross = gross,
            UsesFundSide = usesFundSide,
            FundSide = fundSide,
            GrossFormula = formula,
        };
    }

    /// <summary>
    /// 基准服务点数 — the hospital's base for an elastic pool: its given base points, or last year's points × the policy's
    /// reasonable-volume share (DIP 3.0 draft ch. 4 §3); with neither, 0 (all points are increment) and a warning.
    /// </summary>
    private static (decimal Points, string Formula) BasePoints(SettlementPolicy policy, FundPool pool, SettlementHospital hospital, List<LineIssue> issues)
    {
        var entry = hospital.ElasticBaseFor(pool);
        if (entry?.BasePoints is { } given)
        {
            return (given.Value, "基准点数 " + N(given.Value));
        }

        if (entry?.LastYearPoints is { } lastYear)
        {
            var derived = lastYear.Value * policy.ElasticLastYearShare.Value;
            return (derived, "上年点数 " + N(lastYear.Value) + " × " + N(policy.ElasticLastYearShare.Value));
        }

        issues.Add(new LineIssue(-1, hospital.Id, ValidationIssue.Warning(SettlementIssueCodes.ElasticBaseMissing, "base_points." + pool.Key, "弹性点值资金池缺少该机构的基准点数或上年点数，全部按增量点值结算", "The elastic pool has neither base points nor last year's points for this hospital; all its points are valued as increment.")));
        return (0m, "无基准 0");
    }

    private static PointValue Round(SettlementPolicy policy, PointValue value) =>
        policy.ValueRule(RoundingStep.UnitValue) is { } rule ? value.Round(rule) : value;

    private static string N(decimal value) => MonthlyPreSettlement.N(value);
}
