using System.IO;
using System.Linq;
using MedInsurance.Payment.Cases;
using MedInsurance.Payment.Interchange;
using MedInsurance.Payment.Settlement;

namespace MedInsurance.Payment.Core.Tests;

/// <summary>Formula-injection protection of written CSV (issue 13): escaped on the way out, unescaped on the way in.</summary>
public sealed class CsvCellSafetyTests
{
    [Theory]
    [InlineData("=1+2", "'=1+2")]
    [InlineData("+86 123", "'+86 123")]
    [InlineData("-abc", "'-abc")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tx", "'\tx")]
    [InlineData("\rx", "'\rx")]
    [InlineData("-12.50", "-12.50")]
    [InlineData("+3", "+3")]
    [InlineData("-", "'-")]
    [InlineData("-1.", "'-1.")]
    [InlineData("H1", "H1")]
    [InlineData("", "")]
    public void Cells_a_spreadsheet_would_run_get_an_apostrophe_and_plain_numbers_do_not(string cell, string written)
    {
        Assert.Equal(written, CsvCellSafety.Escape(cell));
        Assert.Equal(cell, CsvCellSafety.Unescape(written));
    }

    [Fact]
    public void An_apostrophe_not_before_a_trigger_is_data_and_stays()
    {
        Assert.Equal("'abc", CsvCellSafety.Unescape("'abc"));
        Assert.Equal("'-5", CsvCellSafety.Unescape("'-5")); // a number is never escaped, so this apostrophe is the data's own
    }

    [Fact]
    public void Settlement_lines_with_formula_like_ids_round_trip_escaped_and_raw_writes_them_as_given()
    {
        var line = new SettlementLine("=HYPERLINK(\"x\")", "@H1", InsuranceFund.Employee, 3, SettlementMethods.Drg, SettlementBasis.OfPoints("DRG", 1.5m), Money.FromYuan(100m), Money.FromYuan(20m), null, Money.Zero, SpecialReviewStatus.None, Money.Zero);
        var safe = new StringWriter();
        SettlementLineCsv.Write(safe, new[] { line });
        var row = safe.ToString().Split('\n')[1];
        Assert.StartsWith("\"'=HYPERLINK(\"\"x\"\")\",'@H1,", row, System.StringComparison.Ordinal);

        var back = SettlementLineCsv.Read(new StringReader(safe.ToString())).Single();
        Assert.False(back.IsRejected);
        Assert.Equal(("=HYPERLINK(\"x\")", "@H1"), (back.Value!.Line.LineId, back.Value.Line.HospitalId));

        var raw = new StringWriter();
        SettlementLineCsv.Write(raw, new[] { line }, raw: true);
        Assert.StartsWith("\"=HYPERLINK(\"\"x\"\")\",@H1,", raw.ToString().Split('\n')[1], System.StringComparison.Ordinal);
    }

    [FsCheck.Xunit.Property(MaxTest = 500)]
    public void Cells_are_quoted_exactly_when_CsvHelpers_default_rule_quotes_them(string[] cells)
    {
        // SafeCsvWriter decides quoting in one scan; with --raw its output must be CsvHelper's own, cell for cell.
        using var ours = new StringWriter();
        using var theirs = new StringWriter();
        using (var safe = new SafeCsvWriter(ours, leaveOpen: true, raw: true))
        using (var plain = new CsvHelper.CsvWriter(theirs, System.Globalization.CultureInfo.InvariantCulture, leaveOpen: true))
        {
            foreach (var cell in (cells ?? System.Array.Empty<string>()).Concat(new[] { " a", "a ", "a,b", "a\"b", "a\rb", "a\nb", "\t", string.Empty, "plain" }))
            {
                safe.WriteField(cell);
                plain.WriteField(cell);
            }

            safe.NextRecord();
            plain.NextRecord();
        }

        Assert.Equal(theirs.ToString(), ours.ToString());
    }
}
