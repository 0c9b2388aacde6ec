using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using MedInsurance.Payment.TestSupport;

namespace MedInsurance.Payment.Reporting.Tests;

/// <summary>
/// Every HTML page the reporting package produces, rendered in a real headless Chromium at 1 366 × 900 (the most
/// common laptop screen): no console error, no script error, and no table beyond the viewport unless it sits in a
/// horizontally scrolling container. The pages are the ones <c>medpay</c> writes — <c>settle year --html</c> (the README
/// sample, <c>dip score</c> output, <c>drg price</c> output, a 40-hospital region with amounts in the billions),
/// <c>capitation settle --html</c>, <c>consortium settle --html</c> — and the library's clearing report with the
/// capitation and consortium sections (<see cref="ClearingHtmlReport"/>, <see cref="PackageHtmlReport"/>).
/// </summary>
/// <remarks>Needs Chromium (<see cref="HeadlessChromium"/>): fails under CI without it, skips with the reason elsewhere.</remarks>
public sealed class RenderedPagesTests : IClassFixture<RenderedPagesTests.Pages>
{
    private readonly Pages _pages;

    public RenderedPagesTests(Pages pages) => _pages = pages;

    public static TheoryData<string> PageNames => new(Pages.Expected.Keys.Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(PageNames))]
    public void The_page_has_no_console_error_and_no_table_beyond_a_1366_px_screen(string page)
    {
        HeadlessChromium.Require();
        var rendered = HeadlessChromium.Render(_pages.Path(page));
        Assert.True(rendered.Problems.Count == 0, page + ":\n" + string.Join("\n", rendered.Problems));
        // Every table the page should have was measured (a page without them would pass for nothing).
        Assert.Equal(Pages.Expected[page], rendered.Tables.Select(t => t.Id).ToArray());
    }

    [Fact]
    public void The_wide_hospital_table_is_wider_than_the_screen_and_stays_inside_it_only_by_scrolling()
    {
        HeadlessChromium.Require();
        var rendered = HeadlessChromium.Render(_pages.Path("settle-year-large-region.html"));
        var table = rendered.Tables.Single(t => t.Id == "hospital-table");
        // 21 columns of amounts in the billions do not fit 1 366 px: the scroll container is what keeps the page usable.
        Assert.True(table.Width > rendered.ViewportWidth, table.Width.ToString(CultureInfo.InvariantCulture) + " px ≤ viewport " + rendered.ViewportWidth.ToString(CultureInfo.InvariantCulture) + " px");
        Assert.Empty(rendered.Problems);
    }

    [Fact]
    public void The_probe_reports_a_console_error_a_script_error_and_an_overflowing_table()
    {
        HeadlessChromium.Require();
        var file = Path.Combine(_pages.Folder, "broken.html");
        File.WriteAllText(file, """
            <!DOCTYPE html><html><head><meta charset="utf-8"><title>broken</title></head><body>
            <div style="overflow-x:auto"><table id="scrolled" style="width:3000px"><tr><td>in a scroll container</td></tr></table></div>
            <table id="cut" style="width:3000px"><tr><td>cut off</td></tr></table>
            <script>console.error('deliberate'); undefinedFunction();</script>
            </body></html>
            """, new UTF8Encoding(false));
        var rendered = HeadlessChromium.Render(file);
        Assert.Contains(rendered.Problems, p => p.StartsWith("console.error: deliberate", StringComparison.Ordinal));
        Assert.Contains(rendered.Problems, p => p.StartsWith("error: ", StringComparison.Ordinal) && p.Contains("undefinedFunction", StringComparison.Ordinal));
        Assert.Contains(rendered.Problems, p => p.StartsWith("overflow: cut: 3000 px wide", StringComparison.Ordinal));
        Assert.DoesNotContain(rendered.Problems, p => p.Contains("scrolled", StringComparison.Ordinal));
        Assert.Equal(["scrolled", "cut"], rendered.Tables.Select(t => t.Id).ToArray());
    }

    /// <summary>The pages, written once per test run into a temporary folder (by <c>medpay</c> where the CLI writes them).</summary>
    public sealed class Pages : IDisposable
    {
        private static readonly string[] ClearingTables = ["pool-table", "summary-table", "hospital-table"];

        /// <summary>Page → the ids of its tables in document order.</summary>
        public static readonly IReadOnlyDictionary<string, string[]> Expected = new Dictionary<string, string[]>(StringComparer.Ordinal)
        {
            ["settle-year-sample.html"] = ClearingTables,
            ["settle-year-dip-scored.html"] = ClearingTables,
            ["settle-year-drg-priced.html"] = ClearingTables,
            ["settle-year-large-region.html"] = ClearingTables,
            ["capitation.html"] = ["capitation-table"],
            ["consortium.html"] = ["consortium-table", "consortium-members"],
            ["clearing-with-sections.html"] = [.. ClearingTables, "capitation-table", "consortium-table", "consortium-members"],
        };

        private readonly Lazy<string> _written;

        public Pages()
        {
            Folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "medpay-pages-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Folder);
            _written = new Lazy<string>(Write);
        }

        public string Folder { get; }

        public string Path(string page)
        {
            _ = _written.Value;
            return System.IO.Path.Combine(Folder, page);
        }

        public void Dispose()
        {
            if (Directory.Exists(Folder))
            {
                Directory.Delete(Folder, recursive: true);
            }
        }

        private static void Run(params string[] arguments)
        {
            var run = MedpayProcess.Run(arguments);
            Assert.True(run.Exit == 0, string.Join(" ", arguments) + "\n" + run.Err);
        }

        private string P(params string[] parts) => System.IO.Path.Combine([Folder, .. parts]);

        private string Write()
        {
            // settle year: the README's sample (plain lines, no deviation data), dip score and drg price outputs.
            Run(
                "settle", "year",
                "--policy", System.IO.Path.Combine(SampleRuns.Samples, "policy.json"),
                "--hospitals", System.IO.Path.Combine(SampleRuns.Samples, "hospitals.csv"),
                "--lines", System.IO.Path.Combine(SampleRuns.Samples, "lines.csv"),
                "--monthly", System.IO.Path.Combine(SampleRuns.Samples, "monthly.csv"),
                "--output", P("out-sample"), "--html", P("settle-year-sample.html"), "--region-name", "示例市");
            SampleRuns.WriteDipScored(P("dip"));
            Run([.. SampleRuns.YearArguments(P("dip"), P("out-dip")), "--html", P("settle-year-dip-scored.html")]);
            SampleRuns.WriteDrgPriced(P("drg"));
            Run([.. SampleRuns.YearArguments(P("drg"), P("out-drg")), "--html", P("settle-year-drg-priced.html")]);
            WriteLargeRegion(P("large"));
            Run(
                "settle", "year", "--policy", P("large", "policy.json"), "--hospitals", P("large", "hospitals.csv"), "--lines", P("large", "lines.csv"),
                "--output", P("out-large"), "--html", P("settle-year-large-region.html"), "--region-name", "某省某市（示例统筹区）");

            // capitation and consortium settle (the inputs of the capitation package's CLI tests).
            Directory.CreateDirectory(P("cap"));
            File.WriteAllText(P("cap", "policy.json"), """
                { "id": "cli", "version": "1", "year": 2026,
                  "classes": [ { "code": "resident", "name": "居民", "fund": "resident", "standard": 100 } ],
                  "referral": { "mode": "fee", "fee": 50 },
                  "riskSharing": { "surplus": [ { "upTo": 0.1, "share": 1 }, { "share": 0 } ], "overspend": [ { "upTo": 0.1, "share": 0.5 }, { "share": 0 } ] } }
                """);
            File.WriteAllText(P("cap", "roster.csv"), "person_id,class,institution_id,from_month,to_month,signed\n"
                + string.Concat(Enumerable.Range(0, 120).Select(i => "P" + i + ",resident," + (i % 2 == 0 ? "A" : "乡镇卫生院B") + ",1,12,yes\n")));
            File.WriteAllText(P("cap", "claims.csv"), "claim_id,person_id,institution_id,date,fund_amount,referral,referral_target\n"
                + "C1,P0,A,2026-02-03,6880.00,,\nC2,P1,乡镇卫生院B,2026-05-03,300.00,yes,H-UP\n");
            Run("capitation", "settle", "--policy", P("cap", "policy.json"), "--roster", P("cap", "roster.csv"), "--claims", P("cap", "claims.csv"),
                "-o", P("out-cap"), "--html", P("capitation.html"), "--region-name", "示例市");

            Directory.CreateDirectory(P("gc"));
            File.WriteAllText(P("gc", "policy.json"), """
                { "id": "gc", "version": "1", "year": 2026, "pointValues": { "DIP": 10 },
                  "consortia": [ { "id": "GC", "name": "示例县医共体",
                    "base": { "inpatient": 60000, "outpatient": 30000, "outside": 10000, "source": "2025 结算数据" },
                    "growth": { "rate": 0.05, "source": "谈判纪要" }, "split": { "method": "lines" } } ] }
                """);
            File.WriteAllText(P("gc", "members.csv"), "member_id,consortium_id,name\nH,GC,县医院\nT,GC,乡镇卫生院\nV,GC,村卫生室\n");
            File.WriteAllText(P("gc", "lines.csv"), string.Join(",", Interchange.SettlementLineCsv.Header) + "\n"
                + "H1,H,employee,3,DIP,DIP,5000,,60000.00,10000.00,,,,\n"
                + "T1,T,resident,3,CAPITATION,,,30000.00,,,,,,\n"
                + "V1,V,resident,3,CAPITATION,,,15000.00,,,,,,\n");
            File.WriteAllText(P("gc", "outside.csv"), "claim_id,consortium_id,date,fund_amount\nO1,GC,2026-07-01,12000.00\n");
            Run("consortium", "settle", "--policy", P("gc", "policy.json"), "--members", P("gc", "members.csv"), "--lines", P("gc", "lines.csv"),
                "--outside", P("gc", "outside.csv"), "-o", P("out-gc"), "--html", P("consortium.html"), "--region-name", "示例县");

            // The library's clearing report with both sections (the CLI does not combine them).
            var result = Scenario.Run();
            var options = Scenario.Options(result).WithCapitation(CapitationScenario.Capitation()).WithConsortium(CapitationScenario.Consortium());
            File.WriteAllText(P("clearing-with-sections.html"), ClearingHtmlReport.Render(result, options), new UTF8Encoding(false));
            return Folder;
        }

        /// <summary>
        /// 40 hospitals with long names, 12 DIP lines each with costs in the tens of millions and a budget of
        /// 35 billion yuan: the 21-column hospital table is far wider than 1 366 px.
        /// </summary>
        private static void WriteLargeRegion(string folder)
        {
            Directory.CreateDirectory(folder);
            var policy = File.ReadAllText(System.IO.Path.Combine(SampleRuns.Samples, "policy.json"), Encoding.UTF8)
                .Replace("\"amount\": 288000", "\"amount\": 35000000000", StringComparison.Ordinal);
            Assert.Contains("35000000000", policy, StringComparison.Ordinal);
            File.WriteAllText(System.IO.Path.Combine(folder, "policy.json"), policy, new UTF8Encoding(false));
            var hospitals = new StringBuilder("hospital_id,name,level,type,assessment_score,annual_deduction,working_advance,prior_year_fund_paid\n");
            var lines = new StringBuilder(string.Join(",", Interchange.SettlementLineCsv.Header) + "\n");
            for (var h = 1; h <= 40; h++)
            {
                var id = "H" + h.ToString("D2", CultureInfo.InvariantCulture);
                hospitals.Append(CultureInfo.InvariantCulture, $"{id},某市第{h}人民医院（城东院区·国家区域医疗中心）,{(h % 3 == 0 ? "二级甲等" : "三级甲等")},general,{70 + (h % 30)},1234567.89,,{500_000_000 + (h * 1_234_567)}.00\n");
                for (var month = 1; month <= 12; month++)
                {
                    lines.Append(CultureInfo.InvariantCulture, $"{id}-{month},{id},{(month % 2 == 0 ? "employee" : "resident")},{month},DIP,DIP,{150_000 + (h * 1_000) + month},,{90_000_000 + (h * 12_345)}.00,{9_000_000 + h}.00,{70_000_000 + (h * 54_321)}.00,,,\n");
                }
            }

            File.WriteAllText(System.IO.Path.Combine(folder, "hospitals.csv"), hospitals.ToString(), new UTF8Encoding(false));
            File.WriteAllText(System.IO.Path.Combine(folder, "lines.csv"), lines.ToString(), new UTF8Encoding(false));
        }
    }
}
