using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using MedInsurance.Payment.Drg.Pricing;
using MedInsurance.Payment.Interchange;

namespace MedInsurance.Payment.Drg.Tests;

/// <summary>Real-format regional DRG tables, written here in the shapes cities publish (issue 11).</summary>
public sealed class DrgRegionalTableTests
{
    private const string LevelTable =
        "DRG编码,DRG名称,RW,基础病组,一级医院系数,二级医院系数,三级医院系数,一级医院支付标准,二级医院支付标准,三级医院支付标准\r\n"
        + "AA19,心脏移植,29.7,,0.75,1.02,1.2,210170.1938,285831.4635,336272.31\r\n"
        + "GB25,胃手术,1.05,是,0.8,0.9,1.0,,,\r\n"
        + "0,未入组,,,,,,,,\r\n"
        + "\r\n"
        + "ZZ19,按项目付费组,,,,,,,,\r\n";

    private static byte[] Gb18030(string text)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(54936).GetBytes(text);
    }

    private static byte[] Utf8Bom(string text) => new byte[] { 0xEF, 0xBB, 0xBF }.Concat(new UTF8Encoding(false).GetBytes(text)).ToArray();

    [Fact]
    public void A_gb18030_table_with_crlf_level_columns_flags_blank_weights_and_ungrouped_row_reads_as_published()
    {
        var table = DrgRegionalTableReader.Read(Gb18030(LevelTable), "drg-2025.csv", new DrgTableOptions("2025", "示例市"));
        Assert.Equal("gb18030", table.Report.Encoding);
        Assert.Equal(["AA19", "GB25", "ZZ19"], table.Rows.Select(r => r.Code).ToArray());
        Assert.True(table.TryGet("AA19", out var aa));
        Assert.Equal(("心脏移植", 29.7m, DrgTableFlags.None), (aa.Name, aa.Weight!.Value.Value, aa.Flags));
        Assert.Equal(1.2m, aa.ValueAt(DrgTableValue.Coefficient, 3));
        Assert.Equal(0.75m, aa.ValueAt(DrgTableValue.Coefficient, 1));
        Assert.Equal(210170.1938m, aa.ValueAt(DrgTableValue.Standard, 1));
        Assert.Null(aa.ValueAt(DrgTableValue.Rate, 3));
        Assert.True(table.TryGet("GB25", out var gb));
        Assert.Equal(DrgTableFlags.BaseGroup, gb.Flags);
        Assert.Null(gb.ValueAt(DrgTableValue.Standard, 2));
        // Four data rows (the blank line 5 is not one); reported, not fatal: the ungrouped row (line 4) and the DRG without a weight (line 6).
        Assert.Equal((4, 2), (table.Report.RowsRead, table.Report.RowsWithWeight));
        Assert.Equal(["0@4"], table.Report.Skipped);
        Assert.Equal(["ZZ19@6"], table.Report.WithoutWeight);
        Assert.Equal(new RelativeWeight(0m), table.Weights["ZZ19"]);
        Assert.Equal(("2025", "示例市"), (table.Edition, table.Region));
    }

    [Fact]
    public void A_utf8_bom_table_with_rate_standard_and_thresholds_per_level_reads_the_same_values()
    {
        const string text = "DRG编码,DRG名称,权重,费率（三级）,支付标准（三级）,低倍临界值（三级）,高倍临界值（三级）,备注\n"
            + "AF19,肺移植,0.928,9080.56,8426.75968,2949.365888,16853.51936,x\n";
        var table = DrgRegionalTableReader.Read(Utf8Bom(text), "t.csv", new DrgTableOptions());
        Assert.Equal("utf-8", table.Report.Encoding);
        var af = Assert.Single(table.Rows);
        Assert.Equal(0.928m, af.Weight!.Value.Value);
        Assert.Equal(
            (9080.56m, 8426.75968m, 2949.365888m, 16853.51936m),
            (af.ValueAt(DrgTableValue.Rate, 3)!.Value, af.ValueAt(DrgTableValue.Standard, 3)!.Value, af.ValueAt(DrgTableValue.LowThreshold, 3)!.Value, af.ValueAt(DrgTableValue.HighThreshold, 3)!.Value));
        Assert.Equal(["备注"], table.Report.IgnoredColumns);
        // The same text as plain UTF-8 without a BOM, and decoded as GB18030 when the bytes are GB18030.
        Assert.Equal(0.928m, DrgRegionalTableReader.Read(new UTF8Encoding(false).GetBytes(text), "t.csv", new DrgTableOptions()).Rows[0].Weight!.Value.Value);
        Assert.Equal(0.928m, DrgRegionalTableReader.Read(Gb18030(text), "t.csv", new DrgTableOptions()).Rows[0].Weight!.Value.Value);
    }

    [Theory]
    [InlineData("\"1,5\"", "the value is not a non-negative number")]
    [InlineData("\"1,2,3,4\"", "the value is not a non-negative number")]
    [InlineData("1e3", "the value is not a non-negative number")]
    [InlineData("\" 9223372036854775807 \"", "the amount is beyond 999 999 999 999.99 yuan")] // cells are trimmed
    [InlineData("9223372036854775807", "the amount is beyond 999 999 999 999.99 yuan")]
    [InlineData("-5", "the value is not a non-negative number")]
    public void A_table_amount_that_is_not_a_plain_number_in_range_refuses_the_table_naming_file_line_and_column(string cell, string reason)
    {
        var text = "DRG编码,DRG名称,权重,支付标准（三级）\nAF19,肺移植,0.928,9080.56\nGD25,阑尾,0.986," + cell + "\n";
        var error = Assert.Throws<InvalidDataException>(() => DrgRegionalTableReader.Read(Encoding.UTF8.GetBytes(text), "t.csv", new DrgTableOptions()));
        Assert.Equal("t.csv line 3, column 支付标准（三级）: " + reason + ".", error.Message);
    }

    [Fact]
    public void Header_aliases_and_a_column_map_for_a_citys_own_names()
    {
        var aliases = DrgRegionalTableReader.Read(Encoding.UTF8.GetBytes("分组编码,分组名称,初始权重\nGD25,阑尾切除术,0.986\n"), "a.csv", new DrgTableOptions());
        Assert.Equal(0.986m, aliases.Rows[0].Weight!.Value.Value);
        var own = new Dictionary<string, string> { ["病组"] = "code", ["点数权重"] = "weight", ["市级系数"] = "coefficient@2" };
        var mapped = DrgRegionalTableReader.Read(Encoding.UTF8.GetBytes("病组,点数权重,市级系数\nGD25,0.986,1.05\n"), "b.csv", new DrgTableOptions(ColumnMap: own));
        Assert.Equal((0.986m, 1.05m), (mapped.Rows[0].Weight!.Value.Value, mapped.Rows[0].ValueAt(DrgTableValue.Coefficient, 2)!.Value));
    }

    [Theory]
    [InlineData("DRG编码,RW\nGD25,abc\n", "t.csv line 2, column RW:")]
    [InlineData("DRG编码,RW\nGD25,0.9\nGD25,1.1\n", "t.csv line 3, column DRG编码: DRG GD25 appears twice (first on line 2)")]
    [InlineData("DRG编码,名称\nGD25,x\n", "t.csv line 1: no weight")]
    [InlineData("RW,名称\n1,x\n", "t.csv line 1: no DRG code")]
    [InlineData("DRG编码,RW\nGD25,\n", "t.csv: no DRG in the table has a weight")]
    [InlineData("DRG编码,RW\nGD25,-1\n", "t.csv line 2, column RW:")]
    public void An_unusable_table_is_refused_naming_file_line_and_column(string text, string expected)
    {
        var error = Assert.Throws<InvalidDataException>(() => DrgRegionalTableReader.Read(Encoding.UTF8.GetBytes(text), "t.csv", new DrgTableOptions()));
        Assert.StartsWith(expected, error.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_bytes_under_an_explicit_utf8_are_an_error_never_a_replacement_character()
    {
        var bytes = Gb18030("DRG编码,RW\nGD25,0.9\n");
        var error = Assert.Throws<InvalidDataException>(() => DrgRegionalTableReader.Read(bytes, "t.csv", new DrgTableOptions(Encoding: TextEncodingChoice.Utf8)));
        Assert.Contains("are not valid utf-8", error.Message, System.StringComparison.Ordinal);
        // Auto detection reads the same bytes as GB18030.
        Assert.Equal("gb18030", DrgRegionalTableReader.Read(bytes, "t.csv", new DrgTableOptions()).Report.Encoding);
    }

    [Fact]
    public void The_table_prices_cases_into_settlement_lines()
    {
        var table = DrgRegionalTableReader.Read(Gb18030(LevelTable), "drg-2025.csv", new DrgTableOptions());
        var pricing = new DrgSettlementPricing(table.Weights);
        // AA19: RW 29.7 × coefficient 1.2 = 35.64 points; ZZ19 is listed without a weight.
        Assert.Equal(35.64m, pricing.CasePoints(table.Weights["AA19"], new Coefficient(1.2m)));
        Assert.Equal(0m, table.Weights["ZZ19"].Value);
    }
}
