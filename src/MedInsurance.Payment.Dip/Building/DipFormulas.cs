using System;

namespace MedInsurance.Payment.Dip;

/// <summary>
/// DIP公式 — the catalog formulas as pure functions, each citing the rule it implements (payment-rules.md §3;
/// DIP 3.0 draft ch. 3 and 5). The builder uses exactly these, and the time-weighted mean and the percentile trimming
/// of <see cref="Statistics.TimeWeightedMean"/> and <see cref="Statistics.PercentileTrimming"/>.
/// </summary>
public static class DipFormulas
{
    /// <summary>
    /// 病种分值 — RW_i = m_i ÷ M × scale (payment-rules.md §3, score: scale 1000 in the average-cost method, 1 in the
    /// standard-quota form; K35.9 means 4 099 / 9 173 / 13 385 with M = 10 000 score 409.9 / 917.3 / 1 338.5).
    /// </summary>
    /// <param name="groupMean">m_i.</param>
    /// <param name="referenceMean">M (all cases, or the benchmark group).</param>
    /// <param name="scale">1000 or 1 (or the benchmark group's score).</param>
    /// <returns>The unrounded score.</returns>
    public static Score GroupScore(decimal groupMean, decimal referenceMean, decimal scale)
    {
        if (referenceMean <= 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(referenceMean), referenceMean, "The reference mean cost must be positive.");
        }

        return new Score(groupMean / referenceMean * scale);
    }

    /// <summary>
    /// 相关手术操作成组 — whether a related procedure forms its own group: only when it raises the mean cost by at
    /// least <paramref name="minimumIncrease"/> (payment-rules.md §3; DIP 3.0 draft ch. 3: ≥ 10%; e.g. 28 033 →
    /// 28 849 is +2.91%, no new group; 28 033 → 44 003 is +56.97%, a new group).
    /// </summary>
    /// <param name="baseMean">The mean of diagnosis + main procedure alone.</param>
    /// <param name="withRelatedMean">The mean with the related procedure(s).</param>
    /// <param name="minimumIncrease">The minimum relative increase (0.10).</param>
    /// <returns>Whether the combination splits off.</returns>
    public static bool RelatedProcedureSplits(decimal baseMean, decimal withRelatedMean, decimal minimumIncrease) =>
        baseMean > 0m && withRelatedMean >= baseMean * (1m + minimumIncrease);

    /// <summary>变异系数 — CV = population standard deviation ÷ mean, from count, Σx and Σx².</summary>
    /// <param name="count">n.</param>
    /// <param name="sum">Σx.</param>
    /// <param name="sumOfSquares">Σx².</param>
    /// <returns>The coefficient of variation (0 for fewer than two values or a zero mean).</returns>
    public static decimal CoefficientOfVariation(long count, decimal sum, decimal sumOfSquares)
    {
        if (count < 2 || sum <= 0m)
        {
            return 0m;
        }

        var mean = sum / count;
        var variance = (sumOfSquares / count) - (mean * mean);
        return variance <= 0m ? 0m : Sqrt(variance) / mean;
    }

    /// <summary>
    /// 辅助分型系数 — subtype mean ÷ group mean, when the trigger conditions hold (payment-rules.md §3, auxiliary types):
    /// enough group and subtype cases and the subtype's CV at most (1 − reduction) × the group's CV.
    /// </summary>
    /// <param name="subtypeMean">The subtype mean cost.</param>
    /// <param name="groupMean">The group mean cost.</param>
    /// <param name="subtypeCv">The subtype CV.</param>
    /// <param name="groupCv">The group CV.</param>
    /// <param name="minimumCvReduction">The minimum relative CV reduction (0.20).</param>
    /// <returns>The coefficient, or null when it does not apply.</returns>
    public static Coefficient? AuxiliaryCoefficient(decimal subtypeMean, decimal groupMean, decimal subtypeCv, decimal groupCv, decimal minimumCvReduction)
    {
        if (groupMean <= 0m || groupCv <= 0m || subtypeCv > groupCv * (1m - minimumCvReduction))
        {
            return null;
        }

        return new Coefficient(subtypeMean / groupMean);
    }

    /// <summary>Square root of a non-negative decimal by Newton's method (to decimal precision).</summary>
    internal static decimal Sqrt(decimal value)
    {
        if (value < 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(value));
        }

        if (value == 0m)
        {
            return 0m;
        }

        // Start from a power of ten near the root, then iterate.
        var x = value > 1m ? value / 2m : 1m;
        for (var i = 0; i < 200; i++)
        {
            var next = (x + (value / x)) / 2m;
            if (next == x || Math.Abs(next - x) <= 0.0000000000000000000001m * next)
            {
                return next;
            }

            x = next;
        }

        return x;
    }
}
