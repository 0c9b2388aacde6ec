using System;
using System.Collections.Generic;
using System.Linq;
using MedInsurance.Payment.Statistics;

namespace MedInsurance.Payment.Drg.Pricing;

/// <summary>
/// DRG权重测算 — derives DRG relative weights from history: RW_g = time-weighted mean cost of group g ÷ time-weighted mean
/// cost of all cases, each group-year trimmed at the percentiles before averaging (payment-rules.md §2: three years
/// weighted 1:2:7, trimmed to 2.5–97.5 [?]).
/// </summary>
/// <remarks>
/// The time-weighted mean is <see cref="TimeWeightedMean.Of"/> and the trimming <see cref="PercentileTrimming"/>, the
/// same definitions as the DIP catalog builder. Pure; thread-safe; exact decimals.
/// </remarks>
public static class DrgWeightDerivation
{
    /// <summary>
    /// DRG权重 — every group's RW from its history: the cases of each (group, year) are trimmed on their cost, then
    /// RW_g = Σᵧ wᵧ·mean_{g,y} ÷ Σᵧ wᵧ (years where g has cases) over the same mean of all kept cases; rounded by
    /// <paramref name="rounding"/>.
    /// </summary>
    /// <param name="history">历史病例 — the historical cases (group, year index, cost; units unused).</param>
    /// <param name="yearWeights">年度权重 — the year weights, oldest first (e.g. 1, 2, 7).</param>
    /// <param name="trimming">分位数裁剪 — the trimming of each group-year's costs (<see cref="PercentileTrimming.Default"/>: 2.5–97.5).</param>
    /// <param name="rounding">舍入规则 — the rule for the published weights (e.g. 4 decimals, half away from zero).</param>
    /// <returns>The weight of every group, by group code (ordinal order); a group whose cases all fall in years of weight 0 has none.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The history is empty, a case's year has no weight, a weight is negative, or the mean of all cases is not positive.</exception>
    public static IReadOnlyDictionary<string, RelativeWeight> FromHistory(IEnumerable<HistoricalCase> history, IReadOnlyList<decimal> yearWeights, PercentileTrimming trimming, RoundingRule rounding)
    {
        if (history is null)
        {
            throw new ArgumentNullException(nameof(history));
        }

        if (yearWeights is null)
        {
            throw new ArgumentNullException(nameof(yearWeights));
        }

        var years = yearWeights.Count;
        var all = new YearTotals(years);
        var groups = new SortedDictionary<string, YearTotals>(StringComparer.Ordinal);
        foreach (var groupYear in history.GroupBy(c => (c.Group, c.YearIndex)))
        {
            var year = groupYear.Key.YearIndex;
            if (year < 0 || year >= years)
            {
                throw new ArgumentException("Year index " + year + " has no weight.", nameof(yearWeights));
            }

            if (!groups.TryGetValue(groupYear.Key.Group, out var totals))
            {
                totals = new YearTotals(years);
                groups.Add(groupYear.Key.Group, totals);
            }

            foreach (var kept in trimming.Keep(groupYear, c => c.Cost.Yuan))
            {
                totals.Add(year, kept.Cost.Yuan);
                all.Add(year, kept.Cost.Yuan);
            }
        }

        var allMean = all.Mean(yearWeights) ?? throw new ArgumentException("The history is empty (or no year with cases has a weight).", nameof(history));
        if (allMean <= 0m)
        {
            throw new ArgumentException("The mean cost of all cases must be positive.", nameof(history));
        }

        var result = new Dictionary<string, RelativeWeight>(StringComparer.Ordinal);
        foreach (var pair in groups)
        {
            if (pair.Value.Mean(yearWeights) is decimal groupMean)
            {
                result.Add(pair.Key, new RelativeWeight(rounding.Round(groupMean / allMean)));
            }
        }

        return result;
    }

    /// <summary>Per-year cost sums and counts; the time-weighted mean of the yearly means.</summary>
    private sealed class YearTotals
    {
        private readonly decimal[] _sums;
        private readonly int[] _counts;

        public YearTotals(int years)
        {
            _sums = new decimal[years];
            _counts = new int[years];
        }

        public void Add(int year, decimal cost)
        {
            _sums[year] += cost;
            _counts[year]++;
        }

        public decimal? Mean(IReadOnlyList<decimal> weights)
        {
            var means = new decimal?[_sums.Length];
            for (var y = 0; y < means.Length; y++)
            {
                means[y] = _counts[y] == 0 ? null : _sums[y] / _counts[y];
            }

            return TimeWeightedMean.Of(means, weights);
        }
    }
}
