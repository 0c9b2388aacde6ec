using System;
using System.Collections.Generic;

namespace MedInsurance.Payment.Statistics;

/// <summary>
/// 时间加权均值 — the time-weighted mean of yearly means: Σ wᵧ·meanᵧ ÷ Σ wᵧ over the years present
/// (payment-rules.md §3: costs are three-year weighted 1:2:7; 9 000, 9 500, 10 000 at 1:2:7 give 9 800).
/// The one definition used by the DIP catalog builder (group means, regional mean, coefficients) and the DRG weight
/// derivation.
/// </summary>
/// <remarks>
/// Exact <see cref="decimal"/> arithmetic: the products and sums are exact for every realistic cost and weight, and the
/// one division is rounded to 28 significant digits. A year without data (null) is left out and the remaining weights
/// are renormalised, so a group that has cases in only two of the three years is the weighted mean of those two.
/// Pure; thread-safe.
/// </remarks>
public static class TimeWeightedMean
{
    /// <summary>
    /// 时间加权均值 — Σ wᵧ·meanᵧ ÷ Σ wᵧ over the years whose mean is not null.
    /// </summary>
    /// <param name="yearlyMeans">各年均值 — the yearly means from the oldest to the newest year; null where a year has no data.</param>
    /// <param name="yearWeights">年度权重 — the weights in the same order (e.g. 1, 2, 7); zero or more.</param>
    /// <returns>The weighted mean, or null when no year with a positive weight has data.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The lists differ in length, or a weight is negative.</exception>
    public static decimal? Of(IReadOnlyList<decimal?> yearlyMeans, IReadOnlyList<decimal> yearWeights)
    {
        if (yearlyMeans is null)
        {
            throw new ArgumentNullException(nameof(yearlyMeans));
        }

        if (yearWeights is null)
        {
            throw new ArgumentNullException(nameof(yearWeights));
        }

        if (yearlyMeans.Count != yearWeights.Count)
        {
            throw new ArgumentException("Give one weight per year (" + yearlyMeans.Count + " means, " + yearWeights.Count + " weights).", nameof(yearWeights));
        }

        decimal sum = 0m, weightSum = 0m;
        for (var i = 0; i < yearlyMeans.Count; i++)
        {
            var weight = yearWeights[i];
            if (weight < 0m)
            {
                throw new ArgumentException("Year weights must not be negative.", nameof(yearWeights));
            }

            if (yearlyMeans[i] is decimal mean)
            {
                sum += mean * weight;
                weightSum += weight;
            }
        }

        return weightSum == 0m ? null : sum / weightSum;
    }
}
