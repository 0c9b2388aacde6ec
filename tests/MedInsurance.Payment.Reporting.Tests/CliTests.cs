using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using AngleSharp.Html.Parser;
using MedInsurance.Payment.Cli;
using MedInsurance.Payment.Interchange;
using MedInsurance.Payment.Settlement;
using MedInsurance.Payment.TestSupport;
using Spectre.Console;

namespace MedInsurance.Payment.Reporting.Tests;

/// <summary>
/// <c>medpay settle year --html</c> run as a process on the repository's sample inputs (stdout and stderr redirected),
/// and <see cref="BatchProgress"/> with and without a terminal.
/// </summary>
public sealed class CliTests
{
    private static readonly string Samples = Path.Combine(SharedData.RepoRoot, "samples", "settlement");

    private static (int ExitCode, string Stdout, string Stderr) Medpay(params string[] arguments) => MedpayProcess.Run(arguments) is var r ? (r.Exit, r.Out, r.Err) : default;

    private static string[] YearArguments(string output) =>
    [
        "settle", "year",
        "--policy", Path.Combine(Samples, "policy.json"),
        "--hospitals", Path.Combine(Samples, "hospitals.csv"),
        "--lines", Path.Combine(Samples, "lines.csv"),
        "--monthly", Path.Combine(Samples, "monthly.csv"),
        "--output", output,
    ];

    [Fact]
    public void Settle_year_writes_the_html_report_and_leaves_every_other_output_unchanged()
    {
        var root = Path.Combine(Path.GetTempPath(), "medpay-report-" + Guid.NewGuid().ToString("N"));
        try
        {
            var plain = Path.Combine(root, "plain");
            var withHtml = Path.Combine(root, "html");
            var htmlFile = Path.Combine(root, "report.html");
            var a = Medpay(YearArguments(plain));
            var b = Medpay([.. YearArguments(withHtml), "--html", htmlFile]);
            Assert.Equal(0, a.ExitCode);
            Assert.Equal(0, b.ExitCode);

            // stderr is redirected here, so the progress display must be silent; stdout differs only in the folder.
            Assert.Equal(string.Empty, a.Stderr);
            Assert.Equal(string.Empty, b.Stderr);
            Assert.Equal(a.Stdout.Replace(plain, withHtml, StringComparison.Ordinal), b.Stdout);
            foreach (var file in new[] { "statements.csv", "statements.json", "summary.csv", "line-results.csv" })
            {
                Assert.Equal(File.ReadAllBytes(Path.Combine(plain, file)), File.ReadAllBytes(Path.Combine(withHtml, file)));
            }

            Assert.False(File.Exists(Path.Combine(plain, "report.html")));

            // The file is exactly the library's rendering of the same inputs, with CMI from the settled cases.
            var html = File.ReadAllText(htmlFile, Encoding.UTF8);
            Assert.Equal(Expected(), html);
            var rows = new HtmlParser().ParseDocument(html).QuerySelectorAll("#hospital-table tbody tr");
            Assert.Equal(["H1", "H2", "H3"], rows.Select(r => r.GetAttribute("data-hospital")).ToArray());
            // Sample: H1 1 000 points, H2 500, H3 1 500 per case; region mean 1 000 → DIP CMI 1, 0.5, 1.5.
            Assert.Equal(["1.0000", "0.5000", "1.5000"], rows.Select(r => r.QuerySelector("td[data-col=\"cmi\"]")!.TextContent).ToArray());
            // The plain settlement-line file carries no deviation class: the page says so instead of drawing zeros.
            Assert.Contains("未提供偏差病例数据", html, StringComparison.Ordinal);
            Assert.DoesNotContain("chart-deviation", html, StringComparison.Ordinal);

            // --region names the region in the title (统筹地区).
            var regional = Path.Combine(root, "regional.html");
            Assert.Equal(0, Medpay([.. YearArguments(Path.Combine(root, "regional")), "--html", regional, "--region", "示例市"]).ExitCode); // the alias of --region-name
            Assert.Contains("示例市", new HtmlParser().ParseDocument(File.ReadAllText(regional, Encoding.UTF8)).QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
            Assert.DoesNotContain("示例市", new HtmlParser().ParseDocument(html).QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        }
        finally
        {
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }

    [Fact]
    public void Settle_year_on_dip_score_output_fills_the_deviation_share_and_chart_and_names_the_region()
    {
        var root = Path.Combine(Path.GetTempPath(), "medpay-report-" + Guid.NewGuid().ToString("N"));
        try
        {
            SampleRuns.WriteDipScored(root);
            var htmlFile = Path.Combine(root, "report.html");
            var run = Medpay([.. SampleRuns.YearArguments(root, Path.Combine(root, "out")), "--html", htmlFile, "--region-name", "示例市"]);
            Assert.True(run.ExitCode == 0, run.Stderr);
            Assert.Equal(string.Empty, run.Stderr);
            var doc = new HtmlParser().ParseDocument(File.ReadAllText(htmlFile, Encoding.UTF8));
            string[] Cells(string col) => doc.QuerySelectorAll("#hospital-table tbody td[data-col=\"" + col + "\"]").Select(c => c.TextContent).ToArray();
            Assert.Equal(["1.0000", "0.5000", "1.5000"], Cells("cmi"));
            Assert.Equal(["25.00%", "8.33%", "0.00%"], Cells("deviation-share"));
            var bars = doc.QuerySelectorAll("svg#chart-deviation rect.bar");
            Assert.Equal(3, bars.Length);
            Assert.Equal(["第一医院 — 偏差病例占比 Deviation share: 25.00%", "第二医院 — 偏差病例占比 Deviation share: 8.33%", "第三医院 — 偏差病例占比 Deviation share: 0.00%"], bars.Select(b => b.QuerySelector("title")!.TextContent).ToArray());
            Assert.Equal("0", bars[2].GetAttribute("width"));
            Assert.DoesNotContain("未提供偏差病例数据", doc.Body!.TextContent, StringComparison.Ordinal);
            Assert.StartsWith("示例市 2025年度", doc.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
            Assert.Contains("统筹地区 Region: 示例市", doc.QuerySelector("header")!.TextContent, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Settle_year_on_drg_price_output_reports_the_mean_rw_as_cmi_and_the_outlier_share()
    {
        var root = Path.Combine(Path.GetTempPath(), "medpay-report-" + Guid.NewGuid().ToString("N"));
        try
        {
            SampleRuns.WriteDrgPriced(root);
            var htmlFile = Path.Combine(root, "report.html");
            var run = Medpay([.. SampleRuns.YearArguments(root, Path.Combine(root, "out")), "--html", htmlFile]);
            Assert.True(run.ExitCode == 0, run.Stderr);
            Assert.Equal(string.Empty, run.Stderr);
            var doc = new HtmlParser().ParseDocument(File.ReadAllText(htmlFile, Encoding.UTF8));
            string[] Cells(string col) => doc.QuerySelectorAll("#hospital-table tbody td[data-col=\"" + col + "\"]").Select(c => c.TextContent).ToArray();
            Assert.Equal(["1.2000", "0.8000", "1.7500"], Cells("cmi"));
            Assert.Equal(["8.33%", "16.67%", "0.00%"], Cells("deviation-share"));
            Assert.Equal(3, doc.QuerySelectorAll("svg#chart-deviation rect.bar").Length);
            Assert.Contains("平均相对权重", doc.QuerySelector("#cmi-definition")!.TextContent, StringComparison.Ordinal);

            // An unreadable weight: that hospital's CMI is unknown ("—"), never a wrong mean; stderr says so.
            SampleRuns.WriteDrgPriced(root, unreadableWeightOf: "H3-4");
            run = Medpay([.. SampleRuns.YearArguments(root, Path.Combine(root, "out2")), "--html", htmlFile]);
            Assert.True(run.ExitCode == 0, run.Stderr);
            Assert.Contains("1 unreadable weight/outlier value(s)", run.Stderr, StringComparison.Ordinal);
            doc = new HtmlParser().ParseDocument(File.ReadAllText(htmlFile, Encoding.UTF8));
            Assert.Equal(["1.2000", "0.8000", "—"], Cells("cmi"));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Batch_progress_is_silent_without_a_console_and_returns_the_work_result()
    {
        var reported = 0;
        var value = BatchProgress.Run("grouping", 10, progress =>
        {
            for (var i = 1; i <= 10; i++)
            {
                progress.Report(i);
                reported = i;
            }

            return "done";
        }, console: null);
        Assert.Equal("done", value);
        Assert.Equal(10, reported);
    }

    [Fact]
    public void Batch_progress_draws_the_label_on_an_interactive_console()
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.Yes,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.Yes,
            Out = new AnsiConsoleOutput(output),
        });
        var value = BatchProgress.Run("reading [cases]", 3, progress =>
        {
            progress.Report(1);
            progress.Report(3);
            return 42;
        }, console);
        Assert.Equal(42, value);
        Assert.Contains("reading [cases]", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Batch_progress_passes_exceptions_through()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => BatchProgress.Run<int>("x", 1, _ => throw new InvalidOperationException("boom"), console: null));
        Assert.Equal("boom", ex.Message);
    }

    private static string Expected()
    {
        T Read<T>(string name, Func<TextReader, T> read)
        {
            using var reader = new StreamReader(Path.Combine(Samples, name), Encoding.UTF8);
            return read(reader);
        }

        var policy = SettlementPolicyLoader.LoadFile(Path.Combine(Samples, "policy.json"));
        var hospitals = Read("hospitals.csv", SettlementCsv.ReadHospitals).Where(r => !r.IsRejected).Select(r => r.Value!).ToList();
        var cases = Read("lines.csv", r => SettlementLineCsv.Read(r).Where(x => !x.IsRejected).Select(x => x.Value!.Line).ToList());
        var monthly = Read("monthly.csv", SettlementCsv.ReadMonthlyPayments).Where(r => !r.IsRejected).Select(r => r.Value!).ToList();
        var result = ClearingEngine.Run(policy, hospitals, cases, monthly, 1);
        return ClearingHtmlReport.Render(result, new ClearingReportOptions { CaseMix = HospitalCaseMix.FromLines(cases, result, CaseMixMethod.Dip) });
    }
}
