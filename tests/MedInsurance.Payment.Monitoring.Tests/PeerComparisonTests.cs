using System.Linq;
using FsCheck.Xunit;

namespace MedInsurance.Payment.Monitoring.Tests;

/// <summary>The peer comparison's mid-rank percentile (同级比较) against its definition, counted pass by pass.</summary>
public sealed class PeerComparisonTests
{
    /// <summary>Values with many ties, some written with another scale (2 and 2.00 are equal): each row's rank is
    /// (peers below + half the peers equal, itself included) ÷ peers × 100, peers being the rows of its indicator,
    /// period and level.</summary>
    [Property(MaxTest = 200)]
    public void Percentile_rank_counts_the_peers_below_and_half_the_equal_ones(int[] draws)
    {
        var rows = (draws ?? []).Select((d, i) => new IndicatorRow(
            "H" + i, (d & 1) == 0 ? "三级" : "二级", "2026", "cmi",
            (d % 7) * ((d & 2) == 0 ? 1m : 1.00m), 0m, 1m)).ToList();

        PeerComparison.Fill(rows);

        foreach (var row in rows)
        {
            var peers = rows.Where(r => r.Level == row.Level).ToList();
            var below = peers.Count(r => r.Value < row.Value);
            var equal = peers.Count(r => r.Value == row.Value);
            Assert.Equal((below + (equal / 2m)) / peers.Count * 100m, row.PercentileRank);
            Assert.Equal(peers.Count, row.LevelHospitals);
        }
    }

    /// <summary>A hand-counted case: values 1, 2, 2, 3 — the 2s have one below and two equal: (1 + 1) ÷ 4 = 50 %.</summary>
    [Fact]
    public void Ties_take_the_mid_rank()
    {
        var rows = new[] { 1m, 2m, 2.0m, 3m }.Select((v, i) => new IndicatorRow("H" + i, "三级", "2026", "cmi", v, v, 1m)).ToList();

        PeerComparison.Fill(rows);

        Assert.Equal(new decimal?[] { 12.5m, 50m, 50m, 87.5m }, rows.Select(r => r.PercentileRank).ToArray());
    }
}
