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

            // --region names the region in the title (统筹地区).
            var regional = Path.Combine(root, "regional.html");
            Assert.Equal(0, Medpay([.. YearArguments(Path.Combine(root, "regional")), "--html", regional, "--region", "示例市"]).ExitCode);
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
