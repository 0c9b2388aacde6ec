using System;
using System.IO;
using System.Text;
using MedInsurance.Payment.Interchange;
using MedInsurance.Payment.TestSupport;

namespace MedInsurance.Payment.Dip.Tests;

/// <summary>A DIP catalog or procedure-attribute table typed into Excel reads exactly as the same CSV (issue 13).</summary>
public sealed class DipXlsxTableTests : IDisposable
{
    private const string Catalog =
        "group_code,group_name,kind,diagnosis,main_procedure,related_procedures,procedure_class,score,mean_cost,case_count,cv\r\n"
        + "I21.0:36.0600:00.2400,急性心肌梗死 + PCI + IVUS,core,I21.0,36.0600,00.2400+88.5500,,4400.1234,44001.23,120,0.3125\r\n"
        + "C54:S,C54 相关手术组,comprehensive,C54,,,related_surgery,2900,29000.00,45,0.2\r\n"
        + "\r\n"
        + "J06.9:-,\"急性上呼吸道感染, \"\"基层\"\"\",primary_care,J06.9,,,,210,2100.00,900,0.4\r\n";

    private readonly string _folder = Directory.CreateTempSubdirectory("medpay-dip-xlsx-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_catalog_sheet_reads_as_the_csv_catalog()
    {
        var csv = Path.Combine(_folder, "cat.csv");
        File.WriteAllText(csv, Catalog, new UTF8Encoding(false));
        var xlsx = Path.Combine(_folder, "cat.xlsx");

        // Codes are text cells, as a region types them (a number cell 36.0600 would be the number 36.06).
        XlsxWriter.WriteTableFromCsv(xlsx, Catalog, "Sheet1", "group_code", "diagnosis", "main_procedure", "related_procedures");

        var fromCsv = DipCatalogFiles.ReadFile(csv);
        var fromXlsx = DipCatalogFiles.ReadFile(xlsx);
        Assert.Equal(Written(fromCsv), Written(fromXlsx));
        Assert.Equal(fromCsv.Edition, fromXlsx.Edition);
        Assert.Equal("36.0600", fromXlsx.Find("I21.0:36.0600:00.2400")!.MainProcedure);
        Assert.Equal(new Score(4400.1234m), fromXlsx.Find("I21.0:36.0600:00.2400")!.Score);
    }

    [Fact]
    public void A_bad_catalog_row_names_the_worksheet_row()
    {
        const string bad = "group_code,group_name,kind,diagnosis,main_procedure,related_procedures,procedure_class,score,mean_cost,case_count,cv\n\nG1,x,core,K35.9,,,,abc,1,1,0\n";
        var xlsx = Path.Combine(_folder, "bad.xlsx");
        XlsxWriter.WriteTableFromCsv(xlsx, bad);
        var e = Assert.Throws<FormatException>(() => DipCatalogFiles.ReadFile(xlsx));
        Assert.Contains("bad.xlsx, line 3", e.Message, StringComparison.Ordinal);
        Assert.Contains("score", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_procedure_attribute_sheet_reads_as_the_csv()
    {
        const string text = "procedure,attribute\n36.0600,手术\n\n88.5500,diagnostic\n00.2400,介入\n";
        var csv = Path.Combine(_folder, "attr.csv");
        File.WriteAllText(csv, text, new UTF8Encoding(false));
        var xlsx = Path.Combine(_folder, "attr.xlsx");
        XlsxWriter.WriteTableFromCsv(xlsx, text, "Sheet1", "procedure");
        using var csvText = TableFiles.OpenText(csv);
        using var xlsxText = TableFiles.OpenText(xlsx);
        var fromCsv = ProcedureAttributeTable.ReadCsv(csvText, "attr.csv");
        var fromXlsx = ProcedureAttributeTable.ReadCsv(xlsxText, "attr.xlsx");
        Assert.Equal(fromCsv.Count, fromXlsx.Count);
        foreach (var code in new[] { "36.0600", "88.5500", "00.2400", "99.9900" })
        {
            Assert.Equal(fromCsv.Get(ProcedureCode.Parse(code)), fromXlsx.Get(ProcedureCode.Parse(code)));
        }

        Assert.Equal(DipProcedureAttribute.Surgery, fromXlsx.Get(ProcedureCode.Parse("36.0600")));
    }

    private static string Written(DipCatalog catalog)
    {
        using var writer = new StringWriter();
        DipCatalogFiles.WriteCsv(catalog, writer);
        return writer.ToString();
    }
}
