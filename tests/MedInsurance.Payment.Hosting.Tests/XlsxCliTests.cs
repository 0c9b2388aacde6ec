using System;
using System.IO;
using MedInsurance.Payment.Demo;
using MedInsurance.Payment.TestSupport;

namespace MedInsurance.Payment.Hosting.Tests;

/// <summary><c>medpay drg price</c> and <c>drg standards</c> run as processes with their tables in .xlsx workbooks (issue 13).</summary>
public sealed class XlsxCliTests : IDisposable
{
    private const string Cases = "id,hospital_id,fund,sex,age,los,discharge_date,discharge_type,diagnoses,procedures,total_cost,fund_paid,patient_paid\n"
        + "P1,DEMO-H1,employee,2,30,5,2026-03-06,1,K35.800x002,47.0100,12000.00,9000.00,3000.00\n"
        + "P2,DEMO-H2,resident,2,30,5,2026-11-20,1,K35.800x002|J96.000,47.0100,20000.00,15000.00,5000.00\n"
        + "U2,DEMO-H1,employee,1,65,8,2026-05-01,1,I20.000|E11.900,36.0700,30000.00,20000.00,10000.00\n"
        + "P3,DEMO-H4,resident,2,30,5,2026-08-06,1,K35.800x002,47.0100,15000.00,0.00,5000.00\n"
        + "U6,DEMO-H5,resident,2,30,5,2026-08-06,1,K35.800x002,47.0100,15000.00,10000.00,5000.00\n";

    private const string Weights = "drg,weight\nGD25,0.986\nGD21,1.453\n\nFM11,\n";

    private const string Hospitals = "hospital_id,name,level,type,coefficient\nDEMO-H1,a,三级甲等,general,1.1\nDEMO-H2,b,三级乙等,general,\nDEMO-H4,d,二级乙等,general,0.95\nDEMO-H5,e,三级甲x,general,1.2\n";

    private readonly string _folder = Directory.CreateTempSubdirectory("medpay-xlsx-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Drg_price_with_xlsx_weights_and_hospitals_writes_what_it_writes_from_the_csv_files()
    {
        var input = Write("cases.csv", Cases);
        var weightsCsv = Write("weights.csv", Weights);
        var hospitalsCsv = Write("hospitals.csv", Hospitals);
        var weightsXlsx = Path.Combine(_folder, "weights.xlsx");
        var hospitalsXlsx = Path.Combine(_folder, "hospitals.xlsx");
        XlsxWriter.WriteTableFromCsv(weightsXlsx, Weights);
        XlsxWriter.WriteTableFromCsv(hospitalsXlsx, Hospitals, "医院");
        var fromCsv = Path.Combine(_folder, "from-csv.csv");
        var fromXlsx = Path.Combine(_folder, "from-xlsx.csv");

        var csvRun = Price(input, weightsCsv, hospitalsCsv, fromCsv);
        var xlsxRun = Price(input, weightsXlsx, hospitalsXlsx + "#医院", fromXlsx);

        Assert.True(csvRun.Exit == 1, csvRun.Err);
        Assert.Equal(csvRun.Exit, xlsxRun.Exit);
        Assert.Equal(File.ReadAllText(fromCsv), File.ReadAllText(fromXlsx));
        Assert.Contains("pricing: 3 of 5 rows priced, 2 unpriced", xlsxRun.Err, StringComparison.Ordinal);

        // The level typo in worksheet row 5 is the hospital file's data row 4, as in the CSV.
        Assert.Contains("hospitals file hospitals.xlsx#医院 row 4: FIELD_INVALID(level)", xlsxRun.Err, StringComparison.Ordinal);
        Assert.Contains("hospitals file hospitals.csv row 4: FIELD_INVALID(level)", csvRun.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_corrupt_or_missing_workbook_exits_2_naming_the_file_and_writes_nothing()
    {
        var input = Write("cases.csv", Cases);
        var hospitals = Write("hospitals.csv", Hospitals);
        var output = Path.Combine(_folder, "lines.csv");
        var corrupt = Write("weights.xlsx", "drg,weight\nGD25,0.986\n");

        var run = Price(input, corrupt, hospitals, output);
        Assert.True(run.Exit == 2, run.Err);
        Assert.Contains("weights.xlsx: it is not an .xlsx workbook (not a zip archive)", run.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", run.Err, StringComparison.Ordinal);
        Assert.False(File.Exists(output));

        var book = Path.Combine(_folder, "book.xlsx");
        XlsxWriter.WriteTableFromCsv(book, Weights, "2025");
        var noSheet = Price(input, book + "#2024", hospitals, output);
        Assert.True(noSheet.Exit == 2, noSheet.Err);
        Assert.Contains("book.xlsx#2024: the workbook has no sheet named '2024'; its sheets are '2025'", noSheet.Err, StringComparison.Ordinal);

        var missing = Price(input, Path.Combine(_folder, "none.xlsx#2025"), hospitals, output);
        Assert.Equal(2, missing.Exit);
        Assert.Contains("weights file not found", missing.Err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("drg-price-hospitals")]
    [InlineData("dip-score-catalog")]
    [InlineData("dip-score-hospitals")]
    [InlineData("dip-score-attributes")]
    public void A_corrupt_workbook_for_any_table_option_exits_2_without_an_internal_error(string where)
    {
        var input = Write("cases.csv", Cases);
        var hospitals = Write("hospitals.csv", Hospitals);
        var weights = Write("weights.csv", Weights);
        var catalog = Write("catalog.csv", "group_code,group_name,kind,diagnosis,main_procedure,related_procedures,procedure_class,score,mean_cost,case_count,cv\nK35.8:47.0100,阑尾,core,K35.8,47.0100,,,500,5000,10,0.2\n");
        var corrupt = Path.Combine(_folder, "corrupt.xlsx");
        var whole = Path.Combine(_folder, "whole.xlsx");
        XlsxWriter.WriteTableFromCsv(whole, Hospitals);
        var bytes = File.ReadAllBytes(whole);
        File.WriteAllBytes(corrupt, bytes[..(bytes.Length / 2)]);
        var output = Path.Combine(_folder, "out.csv");

        var run = where switch
        {
            "drg-price-hospitals" => Price(input, weights, corrupt, output),
            "dip-score-catalog" => MedpayProcess.Run("dip", "score", "--catalog", corrupt, "--hospitals", hospitals, "--profile", "national-dip-1.0", "--input", input, "--output", output),
            "dip-score-hospitals" => MedpayProcess.Run("dip", "score", "--catalog", catalog, "--hospitals", corrupt, "--profile", "national-dip-1.0", "--input", input, "--output", output),
            _ => MedpayProcess.Run("dip", "score", "--catalog", catalog, "--hospitals", hospitals, "--procedure-attributes", corrupt, "--profile", "national-dip-1.0", "--input", input, "--output", output),
        };

        Assert.True(run.Exit == 2, run.Exit + ": " + run.Err);
        Assert.Contains("corrupt.xlsx", run.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", run.Err, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void Drg_standards_reads_a_published_table_from_a_named_sheet()
    {
        const string table = "DRG编码,DRG名称,RW,三级医院系数\nGD25,阑尾切除术,0.986,1.1\nZZ19,按项目付费组,,\n";
        var xlsx = Path.Combine(_folder, "drg-2025.xlsx");
        XlsxWriter.WriteTableFromCsv(xlsx, table, "权重表");
        var csv = Write("drg-2025.csv", table);
        var fromXlsx = Path.Combine(_folder, "standards-xlsx.csv");
        var fromCsv = Path.Combine(_folder, "standards-csv.csv");

        var xlsxRun = MedpayProcess.Run("drg", "standards", "--weights", xlsx + "#权重表", "--rate", "职工:三级=9865", "--output", fromXlsx);
        var csvRun = MedpayProcess.Run("drg", "standards", "--weights", csv, "--rate", "职工:三级=9865", "--output", fromCsv);
        Assert.True(xlsxRun.Exit == 1, xlsxRun.Err); // ZZ19 has no weight, so no standard: some rows unpriced
        Assert.Equal(csvRun.Exit, xlsxRun.Exit);
        Assert.Equal(File.ReadAllText(fromCsv), File.ReadAllText(fromXlsx));
        Assert.Contains("standards: 1 DRGs with a weight (xlsx), 1 without", xlsxRun.Err, StringComparison.Ordinal);
    }

    private static MedpayRun Price(string input, string weights, string hospitals, string output) =>
        MedpayProcess.Run("drg", "price", "--rules", DemoRegion.Load().DrgRuleFolder, "--edition", DemoRegion.DrgEdition,
            "--input", input, "--weights", weights, "--hospitals", hospitals, "--output", output, "--threads", "1");

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }
}
