using System;
using System.Globalization;
using System.IO;
using System.Linq;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MedInsurance.Payment.Settlement;
using MedInsurance.Payment.TestSupport;

namespace MedInsurance.Payment.Reporting.Tests;

/// <summary>The HTML report, parsed back with AngleSharp: structure, exact amounts, charts, encoding, determinism.</summary>
public sealed class ClearingHtmlReportTests
{
    private static readonly (string Col, Func<HospitalStatement, Money> Amount)[] MoneyColumns =
    [
        ("annual-payable", s => s.AnnualPayable),
        ("fee-for-service", s => s.FeeForService),
        ("surplus-kept", s => s.SurplusKept),
        ("overspend-shared", s => s.OverspendShared),
        ("overspend-borne", s => s.OverspendBorne),
        ("after-risk-sharing", s => s.AfterRiskSharing),
        ("annual-settled", s => s.AnnualSettled),
        ("monthly-pre-settlements", s => s.MonthlyPreSettlements),
        ("deposit-withheld", s => s.DepositWithheld),
        ("deposit-released", s => s.DepositReleased),
        ("working-advance", s => s.WorkingAdvance),
        ("amount-due", s => s.AmountDue),
        ("clearing-transfer", s => s.ClearingTransfer),
    ];

    private static IHtmlDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    private static Money Amount(IElement cell)
    {
        Assert.True(Money.TryParseYuan(cell.TextContent.Replace(",", string.Empty, StringComparison.Ordinal), out var money), "not an amount: " + cell.TextContent);
        return money;
    }

    private static IElement Cell(IElement row, string col) => row.QuerySelector("td[data-col=\"" + col + "\"]") ?? throw new InvalidOperationException("no cell " + col);

    [Fact]
    public void The_scenario_exercises_every_part_of_the_report()
    {
        // Guards the other tests: the scenario has surplus and overspend, a rejected case and non-zero deposits.
        var result = Scenario.Run();
        Assert.Equal(3, result.Statements.Count);
        Assert.Contains(result.Statements, s => !s.SurplusKept.IsZero);
        Assert.Contains(result.Statements, s => !s.OverspendShared.IsZero);
        Assert.Contains(result.LineIssues, i => i.Id == "Z99-4" && i.Issue.IsError);
        Assert.All(result.Statements, s => Assert.False(s.DepositWithheld.IsZero));
    }

    [Fact]
    public void One_table_row_per_hospital_in_statement_order()
    {
        var result = Scenario.Run();
        var doc = Parse(ClearingHtmlReport.Render(result, Scenario.Options(result)));
        var rows = doc.QuerySelectorAll("#hospital-table tbody tr");
        Assert.Equal(["A01", "B02", "C03"], rows.Select(r => r.GetAttribute("data-hospital")).ToArray());
        Assert.Equal(result.Statements.Select(s => s.Hospital.Name), rows.Select(r => Cell(r, "hospital-name").TextContent));
        Assert.Equal(["三级甲等", "二级甲等", "三级乙等"], rows.Select(r => Cell(r, "level").TextContent).ToArray());
        Assert.Equal(["4", "4", "4"], rows.Select(r => Cell(r, "cases").TextContent).ToArray());
        // Every header cell has a Chinese and an English part; one header per data column.
        var headers = doc.QuerySelectorAll("#hospital-table thead th");
        Assert.Equal(rows[0].QuerySelectorAll("td").Length, headers.Length);
        Assert.All(headers, h => Assert.False(string.IsNullOrWhiteSpace(h.QuerySelector("span.en")?.TextContent)));
    }

    [Fact]
    public void Table_amounts_equal_the_statement_amounts_to_the_fen()
    {
        var result = Scenario.Run();
        var rows = Parse(ClearingHtmlReport.Render(result, Scenario.Options(result))).QuerySelectorAll("#hospital-table tbody tr");
        for (var i = 0; i < result.Statements.Count; i++)
        {
            foreach (var (col, amount) in MoneyColumns)
            {
                Assert.Equal(amount(result.Statements[i]), Amount(Cell(rows[i], col)));
            }
        }
    }

    [Fact]
    public void Totals_and_region_summary_equal_the_clearing_summary()
    {
        var result = Scenario.Run();
        var doc = Parse(ClearingHtmlReport.Render(result, Scenario.Options(result)));
        var s = result.Summary;
        var footer = doc.QuerySelector("#hospital-table tfoot tr")!;
        Assert.Equal(s.AnnualPayable, Amount(Cell(footer, "annual-payable")));
        Assert.Equal(s.ClearingTransfer, Amount(Cell(footer, "clearing-transfer")));
        Assert.Equal(Money.Sum(result.Statements.Select(x => x.AmountDue)), Amount(Cell(footer, "amount-due")));
        Money Summary(string code) => Amount(doc.QuerySelector("#summary-table tr[data-code=\"" + code + "\"] td")!);
        Assert.Equal(s.Budget, Summary("budget"));
        Assert.Equal(s.AnnualPayable, Summary("annual-payable"));
        Assert.Equal(s.SurplusKept, Summary("surplus-kept"));
        Assert.Equal(s.OverspendShared, Summary("overspend-shared"));
        Assert.Equal(s.OverspendBorne, Summary("overspend-borne"));
        Assert.Equal(s.MonthlyPreSettlements, Summary("monthly-pre-settlements"));
        Assert.Equal(s.ClearingTransfer, Summary("clearing-transfer"));
        // Budget 100 000.01 ÷ 0.8 ÷ 10 609 points = 11.78245004…: printed with 10 decimals, as in the CSV/JSON export.
        var value = decimal.Parse(doc.QuerySelector("#summary-table tr[data-code=\"value\"] td")!.TextContent.Replace(",", string.Empty, StringComparison.Ordinal), CultureInfo.InvariantCulture);
        Assert.Equal(decimal.Round(result.Pools[0].Value.Yuan, 10, MidpointRounding.AwayFromZero), value);
        Assert.Equal(11.7824500424m, value);
        Assert.Equal("10,609", doc.QuerySelector("#summary-table tr[data-code=\"total-units\"] td")!.TextContent);
    }

    [Fact]
    public void Units_cmi_and_deviation_share_per_hospital()
    {
        var result = Scenario.Run();
        var rows = Parse(ClearingHtmlReport.Render(result, Scenario.Options(result))).QuerySelectorAll("#hospital-table tbody tr");
        // Σ scores 4 000 / 1 775 / 4 834 over 4 cases each (the Z99 case is rejected and not counted).
        Assert.Equal(["4,000", "1,775", "4,834"], rows.Select(r => Cell(r, "units").TextContent).ToArray());
        // DIP CMI = mean score ÷ the region's mean score 10 609 ÷ 12: 12 000 ÷ 10 609, 5 325 ÷ 10 609, 14 502 ÷ 10 609.
        Assert.Equal(["1.1311", "0.5019", "1.3670"], rows.Select(r => Cell(r, "cmi").TextContent).ToArray());
        Assert.Equal(["25.00%", "0.00%", "50.00%"], rows.Select(r => Cell(r, "deviation-share").TextContent).ToArray());
    }

    [Fact]
    public void Without_case_mix_the_cmi_and_deviation_cells_show_a_dash_and_no_deviation_chart()
    {
        var doc = Parse(ClearingHtmlReport.Render(Scenario.Run()));
        Assert.All(doc.QuerySelectorAll("#hospital-table tbody td[data-col=\"cmi\"], #hospital-table tbody td[data-col=\"deviation-share\"]"), c => Assert.Equal("—", c.TextContent));
        Assert.Null(doc.QuerySelector("#chart-deviation"));
        Assert.Equal(3, doc.QuerySelectorAll("#chart-units rect.bar").Length);
    }

    [Fact]
    public void Charts_have_one_bar_per_hospital_and_series_scaled_to_the_largest_value()
    {
        var result = Scenario.Run();
        var doc = Parse(ClearingHtmlReport.Render(result, Scenario.Options(result)));
        var payable = doc.QuerySelectorAll("#chart-payable rect.bar.payable");
        var ffs = doc.QuerySelectorAll("#chart-payable rect.bar.ffs");
        var units = doc.QuerySelectorAll("#chart-units rect.bar");
        var deviation = doc.QuerySelectorAll("#chart-deviation rect.bar");
        Assert.All(new[] { payable, ffs, units, deviation }, bars => Assert.Equal(3, bars.Length));

        // Units 4 000 / 1 775 / 4 834: the largest bar spans the plot (440), the others in proportion.
        decimal Width(IElement e) => decimal.Parse(e.GetAttribute("width")!, CultureInfo.InvariantCulture);
        Assert.Equal([440m * 4_000m / 4_834m, 440m * 1_775m / 4_834m, 440m], units.Select(Width).ToArray(), (a, b) => Math.Abs(a - b) <= 0.005m);
        // Deviation 25% / 0% / 50%.
        Assert.Equal([220m, 0m, 440m], deviation.Select(Width).ToArray());
        // Payable and fee-for-service bars share one scale: the longest of all six spans the plot.
        var amounts = result.Statements.SelectMany(s => new[] { s.AnnualPayable.Yuan, s.FeeForService.Yuan }).ToArray();
        var widths = payable.Zip(ffs, (p, f) => new[] { Width(p), Width(f) }).SelectMany(x => x).ToArray();
        Assert.Equal(440m, widths.Max());
        Assert.Equal(Array.IndexOf(amounts, amounts.Max()), Array.IndexOf(widths, widths.Max()));
        // Each bar's tooltip names its hospital and the exact amount.
        Assert.Equal(result.Statements[1].Hospital.Name + " — 年度应付 Annual payable: " + result.Statements[1].AnnualPayable, payable[1].QuerySelector("title")!.TextContent);
    }

    [Fact]
    public void The_page_references_no_external_resource()
    {
        var html = Scenario.Render();
        var doc = Parse(html);
        Assert.Empty(doc.QuerySelectorAll("script, link, iframe, img, object, embed, video, audio, source, base"));
        foreach (var element in doc.All)
        {
            foreach (var attribute in element.Attributes)
            {
                var name = attribute.LocalName.ToUpperInvariant();
                Assert.False(name is "SRC" or "HREF" or "SRCSET" or "ACTION" or "POSTER" or "DATA", element.LocalName + " has " + attribute.Name);
                Assert.DoesNotContain("http:", attribute.Value, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain("https:", attribute.Value, StringComparison.OrdinalIgnoreCase);
            }
        }

        var css = string.Concat(doc.QuerySelectorAll("style").Select(s => s.TextContent));
        Assert.DoesNotContain("url(", css, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", css, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@font-face", css, StringComparison.OrdinalIgnoreCase);
        Assert.Single(doc.QuerySelectorAll("style"));
        Assert.Equal("utf-8", doc.QuerySelector("meta[charset]")!.GetAttribute("charset"));
    }

    [Fact]
    public void Data_text_is_html_encoded()
    {
        var html = Scenario.Render();
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;二院 &quot;B&quot;", html, StringComparison.Ordinal);
        var doc = Parse(html);
        Assert.Empty(doc.QuerySelectorAll("script"));
        // The parsed text is the original name: in the table, in the bar tooltip, and (cut to 16 characters) as the chart label.
        Assert.Equal(Scenario.HostileName, Cell(doc.QuerySelectorAll("#hospital-table tbody tr")[1], "hospital-name").TextContent);
        Assert.Equal("<script>alert('…", doc.QuerySelectorAll("#chart-units text.label")[1].TextContent);
        Assert.Equal("第三医院", doc.QuerySelectorAll("#chart-units text.label")[2].TextContent);
        Assert.StartsWith(Scenario.HostileName + " — ", doc.QuerySelectorAll("#chart-units rect.bar")[1].QuerySelector("title")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("示例市 <Sample City>", doc.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Rendering_twice_gives_identical_text_and_no_timestamp_unless_given()
    {
        var first = Scenario.Render();
        Assert.Equal(first, Scenario.Render());
        Assert.DoesNotContain("Generated", first, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", first, StringComparison.Ordinal);
        var result = Scenario.Run();
        var stamped = ClearingHtmlReport.Render(result, Scenario.Options(result) with { GeneratedAt = "2026-01-05 <run 7>" });
        Assert.Contains("生成时间 Generated: 2026-01-05 &lt;run 7&gt;", stamped, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_writes_the_rendered_text()
    {
        var result = Scenario.Run();
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        ClearingHtmlReport.Write(result, writer, Scenario.Options(result));
        Assert.Equal(ClearingHtmlReport.Render(result, Scenario.Options(result)), writer.ToString());
        Assert.Throws<ArgumentNullException>(() => ClearingHtmlReport.Render(null!));
    }

    [Property(MaxTest = 25)]
    public Property The_report_does_not_depend_on_input_order_or_thread_count() => Prop.ForAll(Gen.Choose(0, int.MaxValue - 1).ToArbitrary(), seed =>
    {
        var rng = new Random(seed);
        var cases = Scenario.Cases.OrderBy(_ => rng.Next()).ToArray();
        var hospitals = Scenario.Hospitals.OrderBy(_ => rng.Next()).ToArray();
        var shuffled = ClearingEngine.Run(Scenario.Policy, hospitals, cases, [], rng.Next(1, 5));
        var options = new ClearingReportOptions
        {
            Region = "示例市 <Sample City>",
            CaseMix = HospitalCaseMix.FromLines(cases, shuffled, CaseMixMethod.Dip, c => Scenario.DeviationCaseIds.Contains(c.LineId)),
        };
        return ClearingHtmlReport.Render(shuffled, options) == Scenario.Render();
    });

    [Fact]
    public void Approved_report() => Approvals.Verify(Scenario.Render(), "report");
}
