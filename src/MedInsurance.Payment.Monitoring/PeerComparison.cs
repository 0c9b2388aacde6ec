using System;
using System.Collections.Generic;
using System.Linq;

namespace MedInsurance.Payment.Monitoring;

/// <summary>
/// 同级比较 — fills the comparison of each indicator row with the rows of the same indicator, period and level: the
/// level mean (unweighted over hospitals), difference, ratio, z-score (population SD) and mid-rank percentile.
/// </summary>
internal static class PeerComparison
{
    public static void Fill(IEnumerable<IndicatorRow> rows)
    {
        foreach (var peers in rows.GroupBy(r => (r.Indicator, r.Period, r.Level)))
        {
            var list = peers.ToList();
            var n = list.Count;
            var mean = list.Sum(r => r.Value) / n;
            var variance = list.Sum(r => (r.Value - mean) * (r.Value - mean)) / n;
            var sd = (decimal)Math.Sqrt((double)variance);
            foreach (var row in list)
            {
                row.LevelHospitals = n;
                row.LevelMean = mean;
                row.Difference = row.Value - mean;
                row.Ratio = mean == 0m ? null : row.Value / mean;
                row.ZScore = n < 2 || sd == 0m ? null : (row.Value - mean) / sd;
                var below = list.Count(r => r.Value < row.Value);
                var equal = list.Count(r => r.Value == row.Value);
                row.PercentileRank = (below + (equal / 2m)) / n * 100m;
            }
        }
    }
}
