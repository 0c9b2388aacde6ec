using System;
using System.IO;
using System.Linq;
using System.Text;
using MedInsurance.Payment.Drg.Pricing;
using MedInsurance.Payment.Interchange;
using MedInsurance.Payment.TestSupport;

namespace MedInsurance.Payment.Drg.Tests;

/// <summary>A DRG table typed into Excel reads exactly as the same table in CSV (issue 13).</summary>
public sealed class DrgXlsxTableTests : IDisposable
{
    private const string LevelTable =
        "DRG编码,DRG名称,RW,基础病组,一级医院系数,二级医院系数,三级医院系数,一级医院支付标准,二级医院支付标准,三级医院支付标准,低倍临界值（三级）\r\n"
        + "AA19,心脏移植,29.7,,0.75,1.02,1.2,210170.1938,285831.4635,336272.31,2949.365888\r\n"
        + "AF19,肺移植,0.928,,0.8,0.9,1.1038,8426.75968,9080.56,16853.51936,\r\n"
        + "GB25,\"胃手术, 复杂\",1.05,是,0.8,0.9,1.0,,,,\r\n"
        + "0,未入组,,,,,,,,,\r\n"
        + "\r\n"
        + "ZZ19,按项目付费组,,,,,,,,,\r\n";

    private readonly string _folder = Directory.CreateTempSubdirectory("medpay-drg-xlsx-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_regional_table_from_xlsx_has_the_rows_values_flags_lines_and_report_of_the_csv()
    {
        var csv = Write("drg-2025.csv", LevelTable);
        var xlsx = Path.Combine(_folder, "drg-2025.xlsx");
        XlsxWriter.WriteTableFromCsv(xlsx, LevelTable);

        var fromCsv = DrgRegionalTableReader.ReadFile(csv, new DrgTableOptions("2025", "示例市"));
        var fromXlsx = DrgRegionalTableReader.ReadFile(xlsx, new DrgTableOptions("2025", "示例市"));

        Assert.Equal(Describe(fromCsv), Describe(fromXlsx));
        Assert.Equal(["0@5"], fromXlsx.Report.Skipped);
        Assert.Equal(["ZZ19@7"], fromXlsx.Report.WithoutWeight);
        Assert.Equal("xlsx", fromXlsx.Report.Encoding);
        Assert.True(fromXlsx.TryGet("AF19", out var af));
        Assert.Equal((0.928m, 1.1038m, 8426.75968m), (af.Weight!.Value.Value, af.ValueAt(DrgTableValue.Coefficient, 3)!.Value, af.ValueAt(DrgTableValue.Standard, 1)!.Value));
        Assert.Equal("胃手术, 复杂", fromXlsx.Rows.Single(r => r.Code == "GB25").Name);
    }

    [Theory]
    [InlineData("DRG编码,RW\nGD25,abc\n", "line 2, column RW:")]
    [InlineData("DRG编码,RW\nGD25,0.9\n\nGD25,1.1\n", "line 4, column DRG编码: DRG GD25 appears twice (first on line 2)")]
    [InlineData("DRG编码,名称\nGD25,x\n", "line 1: no weight")]
    [InlineData("DRG编码,RW\nGD25,-1\n", "line 2, column RW:")]
    public void An_unusable_sheet_is_refused_naming_the_worksheet_row_as_the_csv_names_its_line(string text, string expected)
    {
        var csv = Write("t.csv", text);
        var xlsx = Path.Combine(_folder, "t.xlsx");
        XlsxWriter.WriteTableFromCsv(xlsx, text);
        var fromCsv = Assert.Throws<InvalidDataException>(() => DrgRegionalTableReader.ReadFile(csv, new DrgTableOptions()));
        var fromXlsx = Assert.Throws<InvalidDataException>(() => DrgRegionalTableReader.ReadFile(xlsx, new DrgTableOptions()));
        Assert.StartsWith("t.csv " + expected, fromCsv.Message, StringComparison.Ordinal);
        Assert.Equal(fromCsv.Message.Replace("t.csv", "t.xlsx"), fromXlsx.Message);
    }

    [Fact]
    public void A_named_sheet_is_read_and_a_missing_one_refused()
    {
        var xlsx = Path.Combine(_folder, "book.xlsx");
        XlsxWriter.WriteTableFromCsv(xlsx, "DRG编码,RW\nGD25,0.986\n", "2025权重");
        Assert.Equal(0.986m, DrgRegionalTableReader.ReadFile(xlsx + "#2025权重", new DrgTableOptions()).Weights["GD25"].Value);
        var error = Assert.Throws<InvalidDataException>(() => DrgRegionalTableReader.ReadFile(xlsx + "#2024权重", new DrgTableOptions()));
        Assert.StartsWith("book.xlsx#2024权重: the workbook has no sheet named '2024权重'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_weight_table_from_xlsx_reads_as_the_csv()
    {
        const string text = "drg,weight\nGB25,1.05\nAF19,0.928\n\nGD25,\nAA19,29.7\n";
        var csv = Write("w.csv", text);
        var xlsx = Path.Combine(_folder, "w.xlsx");
        XlsxWriter.WriteTableFromCsv(xlsx, text);
        using var csvText = TableFiles.OpenText(csv);
        using var xlsxText = TableFiles.OpenText(xlsx);
        var fromCsv = DrgWeightTable.Read(csvText, "w.csv");
        var fromXlsx = DrgWeightTable.Read(xlsxText, "w.xlsx");
        Assert.Equal(fromCsv.OrderBy(p => p.Key, StringComparer.Ordinal), fromXlsx.OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.Equal(1.05m, fromXlsx["GB25"].Value);
        Assert.Equal(0m, fromXlsx["GD25"].Value);

        const string repeated = "drg,weight\nGB25,1.05\n\nGB25,0.9\n";
        var twice = Path.Combine(_folder, "twice.xlsx");
        XlsxWriter.WriteTableFromCsv(twice, repeated);
        using var again = TableFiles.OpenText(twice);
        Assert.Equal("w.xlsx line 4: DRG GB25 appears twice.", Assert.Throws<InvalidDataException>(() => DrgWeightTable.Read(again, "w.xlsx")).Message);
    }

    private static string Describe(DrgRegionalTable table) => string.Join(
        "\n",
        table.Rows.Select(r => r.LineNumber + "|" + r.Code + "|" + r.Name + "|" + r.Weight?.Value + "|" + r.Flags + "|"
            + string.Join(";", Enum.GetValues<DrgTableValue>().SelectMany(v => new[] { 1, 2, 3 }.Select(l => v + "@" + l + "=" + Value(r.ValueAt(v, l)))))))
        + "\n" + table.Report.RowsRead + "|" + table.Report.RowsWithWeight + "|" + string.Join(",", table.Report.Skipped) + "|" + string.Join(",", table.Report.WithoutWeight)
        + "|" + string.Join(",", table.Report.IgnoredColumns);

    /// <summary>The value without trailing zeros: typed into Excel, 1.0 is the number 1 (a format showing 1.0 is display only).</summary>
    private static string Value(decimal? value) => value is decimal d ? (d / 1.000000000000000000000000000000000m).ToString(System.Globalization.CultureInfo.InvariantCulture) : string.Empty;

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }
}
