using System;
using System.Linq;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using MedInsurance.Payment.TestSupport;

namespace MedInsurance.Payment.Reporting.Tests;

/// <summary>The capitation and consortium sections of the report, against hand-computed amounts.</summary>
public sealed class CapitationSectionsTests
{
    private static string Cell(IElement row, string col) =>
        (row.QuerySelector("td[data-col=\"" + col + "\"]") ?? throw new InvalidOperationException("no cell " + col)).TextContent.Replace(",", string.Empty, StringComparison.Ordinal); // the page groups digits (千分位)

    [Fact]
    public void Capitation_rows_show_budget_spend_band_and_fund_pays_by_hand()
    {
        var doc = new HtmlParser().ParseDocument(CapitationScenario.Render());
        var rows = doc.QuerySelectorAll("#capitation-table tbody tr");
        Assert.Equal(["A", "B<&>"], rows.Select(r => r.GetAttribute("data-institution")).ToArray());

        // A: 10 000 × 100 = 1 000 000.00; spend 1 080 000.00 → overspend 8%, 80 000 × 50% = 40 000 shared → pays 1 040 000.00.
        Assert.Equal("10000", Cell(rows[0], "persons"));
        Assert.Equal("1000000.00", Cell(rows[0], "budget"));
        Assert.Equal("1080000.00", Cell(rows[0], "spend"));
        Assert.Equal("-8.00%", Cell(rows[0], "deviation"));
        Assert.Equal("40000.00", Cell(rows[0], "overspend-shared"));
        Assert.Equal("40000.00", Cell(rows[0], "overspend-borne"));
        Assert.Equal("1040000.00", Cell(rows[0], "fund-pays"));

        // B: 1 000 × 100 = 100 000.00; spend 90 000.00 → surplus 10% kept whole → pays 100 000.00.
        Assert.Equal("100000.00", Cell(rows[1], "budget"));
        Assert.Equal("+10.00%", Cell(rows[1], "deviation"));
        Assert.Equal("10000.00", Cell(rows[1], "surplus-kept"));
        Assert.Equal("100000.00", Cell(rows[1], "fund-pays"));

        // Totals: 1 100 000.00 budget, 1 170 000.00 spend, 1 140 000.00 paid.
        var total = doc.QuerySelector("#capitation-table tfoot tr")!;
        Assert.Equal("1100000.00", Cell(total, "budget"));
        Assert.Equal("1170000.00", Cell(total, "spend"));
        Assert.Equal("1140000.00", Cell(total, "fund-pays"));
        Assert.Equal("11000", Cell(total, "persons"));
    }

    [Fact]
    public void Consortium_rows_show_target_result_and_members_summing_to_it()
    {
        var doc = new HtmlParser().ParseDocument(CapitationScenario.Render());
        var package = doc.QuerySelector("#consortium-table tbody tr[data-consortium=\"GC\"]")!;
        Assert.Equal("10600000.00", Cell(package, "target"));        // 10 000 000 × 1.05 + 200 000 − 100 000
        Assert.Equal("8500000.00", Cell(package, "member-payments")); // 4 000 000 + 3 000 000 + 1 500 000
        Assert.Equal("9700000.00", Cell(package, "spend"));           // + outside 1 200 000
        Assert.Equal("900000.00", Cell(package, "surplus-kept"));
        Assert.Equal("9400000.00", Cell(package, "result"));          // 10 600 000 − 1 200 000

        var members = doc.QuerySelectorAll("#consortium-members tbody tr");
        Assert.Equal(["4423529.41", "3317647.06", "1658823.53"], members.Select(r => Cell(r, "allocated")).ToArray());
        Assert.Equal(["423529.41", "317647.06", "158823.53"], members.Select(r => Cell(r, "adjustment")).ToArray());
        Assert.Equal("9400000.00", Cell(doc.QuerySelector("#consortium-members tfoot tr")!, "allocated"));
    }

    [Fact]
    public void Without_results_there_are_no_sections()
    {
        var doc = new HtmlParser().ParseDocument(Scenario.Render());
        Assert.Null(doc.QuerySelector("#capitation"));
        Assert.Null(doc.QuerySelector("#consortium"));
    }

    [Fact]
    public void Approved_sections() => Approvals.Verify(Sections(CapitationScenario.Render()), "sections");

    // The two sections only: the rest of the page has its own approved file.
    private static string Sections(string html) => html.Substring(
        html.IndexOf("<section id=\"capitation\">", StringComparison.Ordinal),
        html.IndexOf("<footer>", StringComparison.Ordinal) - html.IndexOf("<section id=\"capitation\">", StringComparison.Ordinal));
}
