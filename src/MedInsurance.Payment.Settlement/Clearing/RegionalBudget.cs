using System;
using System.Collections.Generic;
using System.Globalization;
using MedInsurance.Payment.Cases;

namespace MedInsurance.Payment.Settlement;

/// <summary>预算测算步骤 — one itemized step of a budget derivation: what it is, the formula with its numbers, the amount.</summary>
/// <param name="Code">A stable step code (e.g. <c>income</c>, <c>reserve</c>, <c>deduct.emergency</c>, <c>total</c>).</param>
/// <param name="Label">中文名称 — the step's Chinese label.</param>
/// <param name="Formula">The formula with the numbers used.</param>
/// <param name="Amount">The amount of the step (deductions are negative).</param>
public sealed record BudgetStep(string Code, string Label, string Formula, Money Amount);

/// <summary>预算测算结果 — the DRG/DIP inpatient total of one fund pool with every step that produced it.</summary>
/// <param name="Fund">The pool's fund, or null for all funds.</param>
/// <param name="Method">The method.</param>
/// <param name="Steps">The steps, in order; the last is the total.</param>
/// <param name="Total">按病种付费总额 — the DRG/DIP total.</param>
public sealed record BudgetDerivation(InsuranceFund? Fund, BudgetMethod Method, IReadOnlyList<BudgetStep> Steps, Money Total);

/// <summary>
/// 区域总额预算 — derives the DRG/DIP inpatient total of a fund pool by the three national methods of
/// payment-rules.md §5 and DIP 3.0 draft ch. 4 §2 (by items, by last year's share, by a growth rate capped by the
/// cost-growth target), itemized.
/// </summary>
/// <remarks>Pure functions; thread-safe. Rounding happens only at the <see cref="RoundingStep.Budget"/> step.</remarks>
public static class RegionalBudget
{
    /// <summary>Derives the total of <paramref name="pool"/> by its budget rule.</summary>
    /// <param name="pool">The pool.</param>
    /// <param name="rounding">The rule of the <see cref="RoundingStep.Budget"/> step.</param>
    /// <returns>The itemized derivation.</returns>
    public static BudgetDerivation Derive(FundPool pool, RoundingRule rounding)
    {
        if (pool is null)
        {
            throw new ArgumentNullException(nameof(pool));
        }

        var rule = pool.Budget;
        var steps = new List<BudgetStep>();
        Money total;
        switch (rule.Method)
        {
            case BudgetMethod.Fixed:
                total = rule.Amount;
                steps.Add(new BudgetStep("total", "按病种付费总额（给定）", "给定 " + rule.Amount, total));
                break;
            case BudgetMethod.ByItems:
                {
                    // §5 by items: income − reserve (income × reserve rate) − Σ listed deductions.
                    steps.Add(new BudgetStep("income", "基金收入", "基金收入 " + rule.Income, rule.Income));
                    var reserve = rule.ReserveRate.Of(rule.Income).Round(rounding);
                    steps.Add(new BudgetStep("reserve", "风险调剂金/区域调节金", "−基金收入 " + rule.Income + " × 调剂金比例 " + rule.ReserveRate, -reserve));
                    total = rule.Income - reserve;
                    foreach (var deduction in rule.Deductions)
                    {
                        steps.Add(new BudgetStep("deduct." + Code(deduction.Item), Label(deduction.Item), "−" + Label(deduction.Item) + " " + deduction.Amount, -deduction.Amount));
                        total -= deduction.Amount;
                    }

                    steps.Add(new BudgetStep("total", "按病种付费总额", "基金收入 − 调剂金 − Σ扣减项 = " + total, total));
                    break;
                }

            case BudgetMethod.ByLastYearShare:
                {
                    // §5 by last year's share: this year's fund budget × (last year's DRG/DIP spend ÷ last year's fund spend).
                    if (rule.LastYearFundSpend.IsZero)
                    {
                        throw new ArgumentException("The by-share budget needs last year's fund spend (lastYearFundSpend).", nameof(pool));
                    }

                    var share = rule.LastYearSpend.RatioTo(rule.LastYearFundSpend);
                    steps.Add(new BudgetStep("fundBudget", "当年基金预算", "当年基金预算 " + rule.FundBudget, rule.FundBudget));
                    total = rule.FundBudget.Multiply(share).Round(rounding);
                    steps.Add(new BudgetStep(
                        "total",
                        "按病种付费总额",
                        "当年基金预算 " + rule.FundBudget + " × (上年DRG/DIP支出 " + rule.LastYearSpend + " ÷ 上年基金支出 " + rule.LastYearFundSpend + " = " + share.ToString("0.########", CultureInfo.InvariantCulture) + ")",
                        total));
                    break;
                }

            case BudgetMethod.ByGrowthRate:
                {
                    // §5 by growth: last year's DRG/DIP spend × (1 + min(growth rate, cost-growth target)).
                    var rate = Math.Min(rule.GrowthRate.Value, rule.CostGrowthTarget.Value);
                    steps.Add(new BudgetStep("lastYearSpend", "上年按病种付费支出", "上年支出 " + rule.LastYearSpend, rule.LastYearSpend));
                    total = rule.LastYearSpend.Multiply(1m + rate).Round(rounding);
                    steps.Add(new BudgetStep(
                        "total",
                        "按病种付费总额",
                        "上年支出 " + rule.LastYearSpend + " × (1 + min(增长率 " + rule.GrowthRate + ", 费用增长控制目标 " + rule.CostGrowthTarget + "))",
                        total));
                    break;
                }

            default:
                throw new ArgumentException("Unknown budget method " + rule.Method + ".", nameof(pool));
        }

        return new BudgetDerivation(pool.Fund, rule.Method, steps, total);
    }

    private static string Code(BudgetItem item) => item switch
    {
        BudgetItem.Emergency => "emergency",
        BudgetItem.GeneralOutpatient => "generalOutpatient",
        BudgetItem.ChronicSpecialOutpatient => "chronicSpecialOutpatient",
        BudgetItem.SpecialDrugs => "specialDrugs",
        BudgetItem.OutOfRegion => "outOfRegion",
        BudgetItem.DirectlySettledDrugsAndConsumables => "directlySettledDrugsAndConsumables",
        BudgetItem.CriticalIllness => "criticalIllness",
        _ => "maternity",
    };

    private static string Label(BudgetItem item) => item switch
    {
        BudgetItem.Emergency => "急诊抢救",
        BudgetItem.GeneralOutpatient => "普通门诊",
        BudgetItem.ChronicSpecialOutpatient => "门诊慢特病",
        BudgetItem.SpecialDrugs => "特殊药品",
        BudgetItem.OutOfRegion => "异地就医",
        BudgetItem.DirectlySettledDrugsAndConsumables => "单独支付药品耗材",
        BudgetItem.CriticalIllness => "大病保险",
        _ => "生育",
    };
}
