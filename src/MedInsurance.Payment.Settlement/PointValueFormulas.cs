using System;
using System.Collections.Generic;
using System.Linq;
using MedInsurance.Payment.Statistics;

namespace MedInsurance.Payment.Settlement;

/// <summary>
/// 点值公式 — the point-value formulas of the point method (区域点数法): the settlement point value (结算点值, also the
/// DRG budget-form base rate 费率) and the start-of-year point value (年初点值) (payment-rules.md §2, §3; DIP 3.0 draft
/// ch. 5 §4–§5).
/// </summary>
/// <remarks>Pure functions over exact decimals; thread-safe. Each formula lives here and nowhere else.</remarks>
public static class PointValueFormulas
{
    /// <summary>
    /// 结算点值 — settlement point value = (fund ÷ fund payment ratio) ÷ total points of the year (payment-rules.md §3:
    /// 800 000 000 ÷ 0.8 ÷ 100 000 000 = 10 yuan per point). The same formula gives the DRG budget-form base rate
    /// (DRG fund ÷ fund payment ratio) ÷ Σ(RW × cases) (payment-rules.md §2).
    /// </summary>
    /// <param name="fund">可用于支付的基金 — the fund available for the point system (DIP or DRG total).</param>
    /// <param name="fundPaymentRatio">医保支付比例 — the fund payment ratio, positive.</param>
    /// <param name="totalPoints">当年总点数 — the year's total points (score or weight), positive.</param>
    /// <returns>The exact value in yuan per point.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The ratio or the total points are not positive.</exception>
    public static PointValue Settlement(Money fund, Ratio fundPaymentRatio, decimal totalPoints)
    {
        if (fundPaymentRatio.Value <= 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(fundPaymentRatio), fundPaymentRatio.Value, "The fund payment ratio must be positive.");
        }

        if (totalPoints <= 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(totalPoints), totalPoints, "The total points must be positive.");
        }

        return new PointValue(fund.Yuan / fundPaymentRatio.Value / totalPoints);
    }

    /// <summary>
    /// 年初点值 — start-of-year point value = Σᵧ wᵧ·costᵧ ÷ Σᵧ wᵧ·scoreᵧ (weighted total cost ÷ weighted total score) over the
    /// history years, each year's cases first trimmed by their cost per point (cost ÷ score) with
    /// <paramref name="trimming"/> (payment-rules.md §3; DIP 3.0 draft ch. 5 §4, 分位数法 2.5%/97.5%). Cases without a
    /// positive score are left out (they have no cost per point).
    /// </summary>
    /// <param name="history">历史病例 — the historical cases (units = case score).</param>
    /// <param name="yearWeights">年度权重 — the year weights, oldest first (e.g. 1, 2, 7); zero or more.</param>
    /// <param name="trimming">分位数裁剪 — the trimming of each year's cost per point (<see cref="PercentileTrimming.Default"/>: 2.5–97.5).</param>
    /// <returns>The exact point value.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">A case's year has no weight, a weight is negative, or no weighted case has a score.</exception>
    public static PointValue StartOfYear(IEnumerable<HistoricalCase> history, IReadOnlyList<decimal> yearWeights, PercentileTrimming trimming) =>
        StartOfYear(history, yearWeights, trimming, StartOfYearTrimmingBasis.CostPerPoint);

    /// <summary>
    /// 年初点值 — as <see cref="StartOfYear(IEnumerable{HistoricalCase}, IReadOnlyList{decimal}, PercentileTrimming)"/>, with
    /// the value each year's cases are trimmed by named: their cost per point, or their cost as the DIP 3.0 draft says
    /// (ch. 5 §4: "采用分位数法对住院费用进行裁剪"). Trimming by cost drops the year's cheapest and dearest stays whatever
    /// their groups; by cost per point it drops the stays paid furthest from their score.
    /// </summary>
    /// <param name="history">历史病例 — the historical cases (units = case score).</param>
    /// <param name="yearWeights">年度权重 — the year weights, oldest first.</param>
    /// <param name="trimming">分位数裁剪 — the trimming.</param>
    /// <param name="basis">裁剪依据 — what the percentiles are taken of.</param>
    /// <returns>The exact point value.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">A case's year has no weight, a weight is negative, or no weighted case has a score.</exception>
    public static PointValue StartOfYear(IEnumerable<HistoricalCase> history, IReadOnlyList<decimal> yearWeights, PercentileTrimming trimming, StartOfYearTrimmingBasis basis)
    {
        if (history is null)
        {
            throw new ArgumentNullException(nameof(history));
        }

        if (yearWeights is null)
        {
            throw new ArgumentNullException(nameof(yearWeights));
        }

        if (yearWeights.Any(w => w < 0m))
        {
            throw new ArgumentException("Year weights must not be negative.", nameof(yearWeights));
        }

        decimal cost = 0m, score = 0m;
        foreach (var year in history.Where(c => c.Units > 0m).GroupBy(c => c.YearIndex))
        {
            if (year.Key < 0 || year.Key >= yearWeights.Count)
            {
                throw new ArgumentException("Year index " + year.Key + " has no weight.", nameof(yearWeights));
            }

            var kept = basis == StartOfYearTrimmingBasis.Cost
                ? trimming.Keep(year, c => c.Cost.Yuan)
                : trimming.Keep(year, c => c.Cost.Yuan / c.Units);
            cost += yearWeights[year.Key] * kept.Sum(c => c.Cost.Yuan);
            score += yearWeights[year.Key] * kept.Sum(c => c.Units);
        }

        if (score == 0m)
        {
            throw new ArgumentException("The history has no scored cases in a weighted year.", nameof(history));
        }

        return new PointValue(cost / score);
    }
}

/// <summary>年初点值裁剪依据 — what the start-of-year point value trims each year's cases by.</summary>
public enum StartOfYearTrimmingBasis
{
    /// <summary>按每分值费用 — cost ÷ score (the default; compares groups of different size).</summary>
    CostPerPoint = 0,

    /// <summary>按住院费用 — the case's cost, as the DIP 3.0 draft words it (ch. 5 §4).</summary>
    Cost = 1,
}
