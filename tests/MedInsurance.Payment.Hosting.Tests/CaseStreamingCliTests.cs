using System;
using System.IO;
using System.Linq;
using System.Text;
using MedInsurance.Payment.Demo;
using MedInsurance.Payment.TestSupport;

namespace MedInsurance.Payment.Hosting.Tests;

/// <summary>
/// The commands that stream a case file in blocks (<c>drg group</c>, <c>cases check</c>): several blocks, a broken row
/// in the middle, 1 and 2 threads — one output row per input row, in order, and the rows in and out on stderr.
/// </summary>
public sealed class CaseStreamingCliTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "medpay-stream-" + Guid.NewGuid().ToString("N"));

    public CaseStreamingCliTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Drg_group_streams_several_blocks_in_order_and_an_unclosed_quote_costs_one_row()
    {
        // 5 000 rows = five blocks of 1 024; row 2 500 (line 2 501) opens a quote it never closes.
        var text = new StringBuilder("id,sex,age,los,discharge_type,diagnoses,procedures\n");
        for (var i = 1; i <= 5000; i++)
        {
            text.Append(i == 2500 ? "C2500,1,50,3,1,\"E11.900,\n" : "C" + i + ",1,65,8,1,I20.000|E11.900,36.0700\n");
        }

        var input = Path.Combine(_folder, "cases.csv");
        File.WriteAllText(input, text.ToString());
        string[] Group(int threads)
        {
            var output = Path.Combine(_folder, "results-" + threads + ".csv");
            var run = MedpayProcess.Run("drg", "group", "--rules", DemoRegion.Load().DrgRuleFolder, "--edition", DemoRegion.DrgEdition,
                "--input", input, "--output", output, "--threads", threads.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.True(run.Exit == 0, run.Err);
            Assert.Contains("reading: 5000 rows in = 4999 accepted + 1 rejected; 5001 lines (0 blank); encoding utf-8 (detected)", run.Err, StringComparison.Ordinal);
            Assert.Contains("grouping: 4999 cases in", run.Err, StringComparison.Ordinal);
            return File.ReadAllLines(output);
        }

        var one = Group(1);
        Assert.Equal(5001, one.Length);
        Assert.Equal(Enumerable.Range(1, 5000).Select(i => "C" + i), one.Skip(1).Select(l => l.Split(',')[0]));
        Assert.StartsWith("C2500,rejected,", one[2500], StringComparison.Ordinal);
        Assert.Contains("ROW_MALFORMED(line 2501)", one[2500], StringComparison.Ordinal);
        Assert.StartsWith("C2501,grouped,", one[2501], StringComparison.Ordinal);
        Assert.Equal(one, Group(2));
    }

    [Fact]
    public void Cases_check_reads_a_gb18030_export_under_auto_and_rejects_it_row_by_row_under_utf8()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var input = Path.Combine(_folder, "his.csv");
        File.WriteAllBytes(input, Encoding.GetEncoding(54936).GetBytes("id,hospital_id,fund,sex,age,los,diagnoses\n院甲001,一院,职工,男,40,3,I10\n院乙001,一院,居民,女,40,3,I10\n"));
        var issues = Path.Combine(_folder, "issues.csv");

        var auto = MedpayProcess.Run("cases", "check", "--input", input, "--output", issues);
        Assert.True(auto.Exit == 0, auto.Err + auto.Out);
        Assert.Contains("cases: 2 rows, 2 accepted (0 with warnings), 0 rejected", auto.Out, StringComparison.Ordinal);
        Assert.Contains("encoding gb18030 (detected)", auto.Err, StringComparison.Ordinal);
        Assert.Equal(new[] { "row,id,status,issues", "1,院甲001,accepted,", "2,院乙001,accepted," }, File.ReadAllLines(issues, Encoding.UTF8));

        var utf8 = MedpayProcess.Run("cases", "check", "--input", input, "--encoding", "utf-8", "--output", issues);
        Assert.Equal(1, utf8.Exit);
        Assert.Contains("cases: 2 rows, 0 accepted (0 with warnings), 2 rejected", utf8.Out, StringComparison.Ordinal);
        Assert.Equal(new[] { "row,id,status,issues", "1,,rejected,TEXT_ENCODING_INVALID(id)", "2,,rejected,TEXT_ENCODING_INVALID(id)" }, File.ReadAllLines(issues, Encoding.UTF8));

        var bad = MedpayProcess.Run("cases", "check", "--input", input, "--encoding", "latin1");
        Assert.Equal(2, bad.Exit);
        Assert.Contains("--encoding must be auto, utf-8 or gb18030", bad.Err, StringComparison.Ordinal);
    }
}
