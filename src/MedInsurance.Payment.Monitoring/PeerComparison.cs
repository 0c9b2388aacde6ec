using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;

namespace MedInsurance.Payment.Monitoring;

/// <summary>
/// 同级比较 — fills the comparison of each indicator row with the rows of the same indicator, period and level: the
/// level mean (unweighted over hospitals), difference, ratio, z-score (population SD) and mid-rank percentile.
/// </summary>
internal static class PeerComparison
{
    /// <summary>Fills each row's comparison with the rows of its indicator, period and level (the rows are changed in place).</summary>
    /// <param name="rows">Every hospital indicator row of the report.</param>
    [MethodImpl(JitHints.Optimize)]
    public static void Fill(IEnumerable<IndicatorRow> rows)
    {
        foreach (var peers in rows.GroupBy(r => (r.Indicator, r.Period, r.Level)))
        {
            var list = peers.ToList();
            var n = list.Count;
            var mean = list.Sum(r => r.Value) / n;
            var variance = list.Sum(r => (r.Value - mean) * (r.Value - mean)) / n;
            var sd = (decimal)Math.Sqrt((double)variance);

            // The peers' values in order: a row's rank counts are two binary searches, not two passes over its peers
            // (docs/performance.md, change 58); the same counts, compared as decimals (1.0 equals 1.00).
            var sorted = new decimal[n];
            for (var i = 0; i < n; i++)
            {
                sorted[i] = list[i].Value;
            }

            Array.Sort(sorted);
            foreach (var row in list)
            {
                row.LevelHospitals = n;
                row.LevelMean = mean;
                row.Difference = row.Value - mean;
                row.Ratio = mean == 0m ? null : row.Value / mean;
                row.ZScore = n < 2 || sd == 0m ? null : (row.Value - mean) / sd;
                var below = CountBelow(sorted, row.Value, inclusive: false);
                var equal = CountBelow(sorted, row.Value, inclusive: true) - below;
                row.PercentileRank = (below + (equal / 2m)) / n * 100m;
            }
        }
    }

    /// <summary>How many of the ascending <paramref name="sorted"/> are less than <paramref name="value"/> (at most
    /// <paramref name="value"/> when <paramref name="inclusive"/>): a binary search, decimals compared by value.</summary>
    private static int CountBelow(decimal[] sorted, decimal value, bool inclusive)
    {
        var low = 0;
        var high = sorted.Length;
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (sorted[middle] < value || (inclusive && sorted[middle] == value))
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }
}
