using System;
using System.Collections.Generic;
using System.Linq;

namespace MedInsurance.Payment.Settlement;

/// <summary>历史病例 — one historical case for value and weight derivation: group, year weight slot, units and cost.</summary>
/// <param name="Group">The DRG or DIP group code.</param>
/// <param name="YearIndex">0 for the oldest of the history years, 1 for the next, …</param>
/// <param name="Units">The case score (DIP) or weight (unused for DRG weight derivation).</param>
/// <param name="Cost">The total cost.</param>
public readonly record struct HistoricalCase(string Group, int YearIndex, decimal Units, Money Cost);

/// <summary>截尾规则 — percentile trimming: values outside [<see cref="Lower"/>, <see cref="Upper"/>] percentiles (nearest rank) are dropped.</summary>
/// <param name="Lower">The lower percentile, e.g. 2.5.</param>
/// <param name="Upper">The upper percentile, e.g. 97.5.</param>
public readonly record struct Trimming(decimal Lower, decimal Upper)
{
    /// <summary>No trimming.</summary>
    public static Trimming None => new(0m, 100m);

    /// <summary>The default 2.5–97.5 percentile trimming of payment-rules.md §2 [?].</summary>
    public static Trimming Default => new(2.5m, 97.5m);

    /// <summary>Keeps the values between the percentiles (nearest-rank: P_p = the value at rank ⌈p/100 × n⌉).</summary>
    /// <param name="sorted">The values, sorted ascending.</param>
    /// <returns>The bounds (inclusive).</returns>
    internal (decimal Low, decimal High) Bounds(IReadOnlyList<decimal> sorted)
    {
        var n = sorted.Count;
        static int Rank(decimal p, int n) => Math.Max(1, Math.Min(n, (int)decimal.Ceiling(p / 100m * n)));
        var low = Lower <= 0m ? sorted[0] : sorted[Rank(Lower, n) - 1];
        var high = Upper >= 100m ? sorted[n - 1] : sorted[Rank(Upper, n) - 1];
        return (low, high);
    }
}

/// <summary>
/// 点值与费率 — DIP point values and DRG base rates and weights (payment-rules.md §2, §3; DIP 3.0 draft ch. 7).
/// </summary>
/// <remarks>Pure functions over exact decimals; thread-safe.</remarks>
public static class PointValueFormulas
{
    /// <summary>
    /// 结算点值 — settlement point value = (DIP fund ÷ fund payment ratio) ÷ current-year total score (payment-rules.md §3).
    /// Example: 800 000 000 ÷ 0.8 ÷ 100 000 000 = 10 yuan per point. Also the DRG budget-form base rate
    /// (DRG fund ÷ fund payment ratio) ÷ Σ(RW × cases) (payment-rules.md §2).
    /// </summary>
    /// <param name="fund">The fund (DIP or DRG total).</param>
    /// <param name="fundPaymentRatio">The fund payment ratio, positive.</param>
    /// <param name="totalUnits">The total score or weight, positive.</param>
    /// <returns>The exact value in yuan per unit.</returns>
    public static PointValue Settlement(Money fund, Ratio fundPaymentRatio, decimal totalUnits)
    {
        if (fundPaymentRatio.Value <= 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(fundPaymentRatio), fundPaymentRatio.Value, "The fund payment ratio must be positive.");
        }

        if (totalUnits <= 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(totalUnits), totalUnits, "The total units must be positive.");
        }

        return new PointValue(fund.Yuan / fundPaymentRatio.Value / totalUnits);
    }

    /// <summary>
    /// 年初点值 — start-of-year point value = weighted total cost ÷ weighted total score over the history years, each year
    /// trimmed by the per-point cost (cost ÷ score) percentiles (payment-rules.md §3; DIP 3.0 draft ch. 5 §4, 分位数法 2.5%/97.5% 裁剪).
    /// </summary>
    /// <param name="history">The historical cases (units = case score).</param>
    /// <param name="yearWeights">The year weights, oldest first (e.g. 1, 2, 7).</param>
    /// <param name="trimming">The trimming.</param>
    /// <returns>The exact point value.</returns>
    public static PointValue StartOfYear(IEnumerable<HistoricalCase> history, IReadOnlyList<decimal> yearWeights, Trimming trimming)
    {
        if (history is null || yearWeights is null)
        {
            throw new ArgumentNullException(history is null ? nameof(history) : nameof(yearWeights));
        }

        decimal cost = 0m, score = 0m;
        foreach (var year in history.Where(c => c.Units > 0m).GroupBy(c => c.YearIndex))
        {
            if (year.Key < 0 || year.Key >= yearWeights.Count)
            {
                throw new ArgumentException("Year index " + year.Key + " has no weight.", nameof(yearWeights));
            }

            var cases = year.ToList();
            var perPoint = cases.Select(c => c.Cost.Yuan / c.Units).OrderBy(v => v).ToList();
            var (low, high) = trimming.Bounds(perPoint);
            var kept = cases.Where(c => c.Cost.Yuan / c.Units >= low && c.Cost.Yuan / c.Units <= high).ToList();
            cost += yearWeights[year.Key] * kept.Sum(c => c.Cost.Yuan);
            score += yearWeights[year.Key] * kept.Sum(c => c.Units);
        }

        if (score == 0m)
        {
            throw new ArgumentException("The history has no scored cases.", nameof(history));
        }

        return new PointValue(cost / score);
    }

    /// <summary>
    /// 时间加权均值 — the year-weighted mean of yearly means: Σ w_y × mean_y ÷ Σ w_y over the years present
    /// (payment-rules.md §3: 9 000, 9 500, 10 000 at 1:2:7 → 9 800).
    /// </summary>
    /// <param name="yearlyMeans">The yearly means, oldest first.</param>
    /// <param name="yearWeights">The weights, oldest first.</param>
    /// <returns>The weighted mean.</returns>
    public static decimal WeightedMean(IReadOnlyList<decimal> yearlyMeans, IReadOnlyList<decimal> yearWeights)
    {
        if (yearlyMeans is null || yearWeights is null || yearlyMeans.Count != yearWeights.Count || yearlyMeans.Count == 0)
        {
            throw new ArgumentException("One weight per yearly mean is required.", nameof(yearWeights));
        }

        decimal sum = 0m, weights = 0m;
        for (var i = 0; i < yearlyMeans.Count; i++)
        {
            sum += yearlyMeans[i] * yearWeights[i];
            weights += yearWeights[i];
        }

        return sum / weights;
    }

    /// <summary>
    /// DRG权重 — RW_g = time-weighted mean cost of group g ÷ time-weighted mean cost of all cases; each group-year trimmed
    /// at the percentiles before averaging (payment-rules.md §2: 1:2:7, 2.5–97.5 [?]). Weights are rounded by <paramref name="rounding"/>.
    /// </summary>
    /// <param name="history">The historical cases (group, year, cost).</param>
    /// <param name="yearWeights">The year weights, oldest first.</param>
    /// <param name="trimming">The trimming.</param>
    /// <param name="rounding">The rule for the published weights (e.g. 4 decimals).</param>
    /// <returns>The weight of every group, by group code (ordinal order).</returns>
    public static IReadOnlyDictionary<string, RelativeWeight> DrgWeights(IEnumerable<HistoricalCase> history, IReadOnlyList<decimal> yearWeights, Trimming trimming, RoundingRule rounding)
    {
        if (history is null || yearWeights is null)
        {
            throw new ArgumentNullException(history is null ? nameof(history) : nameof(yearWeights));
        }

        var trimmed = history
            .GroupBy(c => (c.Group, c.YearIndex))
            .SelectMany(g =>
            {
                var sorted = g.Select(c => c.Cost.Yuan).OrderBy(v => v).ToList();
                var (low, high) = trimming.Bounds(sorted);
                return g.Where(c => c.Cost.Yuan >= low && c.Cost.Yuan <= high);
            })
            .ToList();
        var years = Enumerable.Range(0, yearWeights.Count).ToArray();
        decimal? Mean(IEnumerable<HistoricalCase> cases)
        {
            var means = new List<decimal>();
            var weights = new List<decimal>();
            foreach (var year in years)
            {
                var inYear = cases.Where(c => c.YearIndex == year).ToList();
                if (inYear.Count > 0)
                {
                    means.Add(inYear.Average(c => c.Cost.Yuan));
                    weights.Add(yearWeights[year]);
                }
            }

            return means.Count == 0 ? null : WeightedMean(means, weights);
        }

        var all = Mean(trimmed) ?? throw new ArgumentException("The history is empty.", nameof(history));
        return trimmed
            .GroupBy(c => c.Group, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => new RelativeWeight(rounding.Round(Mean(g)!.Value / all)), StringComparer.Ordinal);
    }

    /// <summary>
    /// 支付标准 — DRG payment standard = RW × base rate × adjustment coefficient (payment-rules.md §2), exact.
    /// </summary>
    /// <param name="weight">The group's RW.</param>
    /// <param name="baseRate">费率 — yuan per unit of weight.</param>
    /// <param name="coefficient">The hospital's adjustment coefficient.</param>
    /// <returns>The unrounded standard.</returns>
    public static UnroundedMoney PaymentStandard(RelativeWeight weight, PointValue baseRate, Coefficient coefficient) =>
        new(weight.Value * baseRate.Yuan * coefficient.Value);
}
