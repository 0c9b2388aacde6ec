using System;
using System.IO;
using System.Linq;
using System.Text;

namespace MedInsurance.Payment.Monitoring.Tests;

/// <summary>
/// The results file as the monitor joins it: rows with the same result columns share one parsed result, and every row is
/// still counted (unreadable columns too); the read-ahead compares each row's id with the case's id exactly, whatever the
/// id's characters.
/// </summary>
public sealed class ResultsReadingTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "medpay-results-" + Guid.NewGuid().ToString("N"));

    public ResultsReadingTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string text)
    {
        var path = Path.Combine(_folder, Guid.NewGuid().ToString("N") + ".csv");
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }

    [Fact]
    public void Rows_with_the_same_result_columns_share_one_result_and_each_row_is_counted()
    {
        var path = Write(
            "line_id,drg,weight,points,outlier,review_candidate\n" +
            "C1,AB11,1.40,1.4,normal,0\n" +
            "C2,AB11,1.40,1.4,normal,0\n" +
            "C3,AB11,x,1.4,strange,0\n" +
            "C4,AB11,x,1.4,strange,0\n" +
            "C5,0000,,,,\n" +
            "C6,AB11,1.40,1.4,high,1\n");
        using var file = ResultsFile.Open(path, out var problem)!;
        Assert.Null(problem);
        var rows = new (string Id, CaseResult Result)[6];
        for (var i = 0; i < rows.Length; i++)
        {
            Assert.True(file.Next(out var id, out var result));
            rows[i] = (id, result);
        }

        Assert.False(file.Next(out _, out _));
        Assert.Equal(new[] { "C1", "C2", "C3", "C4", "C5", "C6" }, rows.Select(r => r.Id).ToArray());
        Assert.Same(rows[0].Result, rows[1].Result);
        Assert.Same(rows[2].Result, rows[3].Result);
        Assert.Equal("AB11", rows[0].Result.Group);
        Assert.Equal(new[] { 140, 0, 0, 131072 }, decimal.GetBits(rows[0].Result.Weight!.Value)); // 1.40: the scale kept
        Assert.Equal(1.4m, rows[0].Result.Points);
        Assert.False(rows[0].Result.Deviation);
        Assert.False(rows[0].Result.SpecialReview);
        Assert.Null(rows[2].Result.Weight);
        Assert.Null(rows[2].Result.Deviation);
        Assert.Equal(string.Empty, rows[4].Result.Group);
        Assert.Null(rows[4].Result.Points);
        Assert.True(rows[5].Result.Deviation);
        Assert.True(rows[5].Result.SpecialReview);
        Assert.Equal(6, file.Rows);
        Assert.Equal(2, file.WeightUnreadable); // C3 and C4: the second from the shared result, counted again
        Assert.Equal(2, file.OutlierUnreadable);
        Assert.Equal(0, file.PointsUnreadable);
    }

    [Fact]
    public void The_read_ahead_joins_ids_exactly_escaped_and_not_ascii_included()
    {
        var path = Write(
            "line_id,drg\n" +
            "C1,AB11\n" +
            "'=2,AB11\n" +
            "病例3,AB13\n" +
            "C4,AB15\n" +
            "C10,AB15\n");
        using var ahead = new ResultsReadAhead(ResultsFile.Open(path, out _)!);
        Assert.True(ahead.Next("C1", out var same, out var result));
        Assert.True(same);
        Assert.Equal("AB11", result.Group);
        Assert.True(ahead.Next("=2", out same, out _)); // the reader unescapes '= as it does for every cell
        Assert.True(same);
        Assert.True(ahead.Next("病例3", out same, out result));
        Assert.True(same);
        Assert.Equal("AB13", result.Group);
        Assert.True(ahead.Next("C5", out same, out _));
        Assert.False(same);
        Assert.True(ahead.Next("C1", out same, out _)); // C10: a prefix is not the id
        Assert.False(same);
        Assert.False(ahead.Next("C6", out same, out _));
        Assert.False(same);
    }

    [Fact]
    public void The_read_ahead_joins_rows_over_many_blocks_in_order()
    {
        var text = new StringBuilder("line_id,drg\n");
        var rows = (ResultsReadAhead.BlockRows * 3) + 17;
        for (var i = 0; i < rows; i++)
        {
            text.Append("case-").Append(i).Append(",G").Append(i % 7).Append('\n');
        }

        using var ahead = new ResultsReadAhead(ResultsFile.Open(Write(text.ToString()), out _)!);
        for (var i = 0; i < rows; i++)
        {
            Assert.True(ahead.Next("case-" + i, out var same, out var result));
            Assert.True(same, "row " + i);
            Assert.Equal("G" + (i % 7), result.Group);
        }

        Assert.False(ahead.Next("case-x", out _, out _));
    }
}
