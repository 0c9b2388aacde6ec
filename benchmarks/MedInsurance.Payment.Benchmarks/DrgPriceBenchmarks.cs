using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using BenchmarkDotNet.Attributes;
using MedInsurance.Payment.Cli;
using MedInsurance.Payment.Drg.Grouping;
using MedInsurance.Payment.Drg.Loading;
using MedInsurance.Payment.Drg.Pricing;

namespace MedInsurance.Payment.Benchmarks;

/// <summary>
/// <c>medpay drg price</c> end to end, in process (issue 11): 1 000 000 cases read from a CSV file, grouped by the CHS-DRG
/// 1.1 rule text (../shared, read in place), priced by the embedded <c>example-drg-pricing-2025</c> policy (standards by
/// fund and level, outliers) and written as settlement lines with the policy columns — the command's own streaming
/// pipeline (<c>DrgPriceCommand.Price</c>), on all cores. The cases are the 50 000 golden cases repeated 20 times with
/// new ids, a hospital (20, levels 1–3), a fund, a discharge date and costs added.
/// </summary>
/// <remarks>Run: <c>dotnet run -c Release --project benchmarks/MedInsurance.Payment.Benchmarks -- --filter '*DrgPrice*'</c>.
/// Peak memory of the command as a process: see docs/drg/README.md, "Measured performance".</remarks>
[QuickJob]
public class DrgPriceBenchmarks
{
    /// <summary>The number of cases priced per operation.</summary>
    public const int Cases = 1_000_000;

    private string _folder = string.Empty;
    private string _cases = string.Empty;
    private DrgGrouper _grouper = null!;
    private DrgSettlementPricing _pricing = null!;
    private DrgCommands.HospitalCoefficients _hospitals = null!;

    [GlobalSetup]
    public void Setup()
    {
        var shared = SharedFolder.Find();
        _folder = Path.Combine(Path.GetTempPath(), "medpay-drg-price-bench");
        Directory.CreateDirectory(_folder);
        _grouper = new DrgGrouper(RuleTextLoader.Load(Path.Combine(shared, "data", "chs-drg", "1.1"), RuleTextLoader.Edition11).Pack);
        var golden = Path.Combine(shared, "golden", "chs-drg-1.1", "cases-50k.csv");
        _cases = Path.Combine(_folder, "cases-1m.csv");
        var drgs = WriteCases(golden, _cases, Cases);
        var table = Path.Combine(_folder, "table.csv");
        File.WriteAllText(table, "DRG编码,DRG名称,权重\n" + string.Concat(drgs.OrderBy(d => d, StringComparer.Ordinal).Select((d, i) =>
            d + ",病组" + d + "," + (0.3m + (i % 250) / 100m).ToString("0.0000", CultureInfo.InvariantCulture) + "\n")));
        var hospitals = Path.Combine(_folder, "hospitals.csv");
        File.WriteAllText(hospitals, "hospital_id,name,level,type,coefficient\n" + string.Concat(Enumerable.Range(0, 20).Select(h =>
            "H" + h.ToString("00", CultureInfo.InvariantCulture) + ",医院" + h.ToString(CultureInfo.InvariantCulture) + "," + (h % 3 == 0 ? "三级甲等" : h % 3 == 1 ? "二级甲等" : "一级") + ",general,"
            + (h % 4 == 0 ? "1.05" : string.Empty) + "\n")));
        _pricing = new DrgSettlementPricing(DrgRegionalTableReader.ReadFile(table, new DrgTableOptions()), DrgPricingPolicyLoader.Load("example-drg-pricing-2025"));
        _hospitals = DrgCommands.ReadHospitalCoefficients(new FileInfo(hospitals))!;
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_folder, recursive: true);

    /// <summary>Read, group, price and write 1 000 000 cases (output to a discarding stream).</summary>
    [Benchmark]
    public int PriceOneMillionCases()
    {
        using var input = new FileStream(_cases, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        using var output = new StreamWriter(Stream.Null, new UTF8Encoding(false), 1 << 16);
        var counts = DrgPriceCommand.Price(_grouper, _pricing, _hospitals, input, Interchange.CsvReadOptions.Default, output, Environment.ProcessorCount);
        return counts.Priced;
    }

    /// <summary>Writes <paramref name="count"/> priceable cases from the golden file; returns the DRG codes they expect.</summary>
    internal static HashSet<string> WriteCases(string golden, string path, int count)
    {
        var rows = File.ReadLines(golden).Skip(1).Select(l => l.Split(',')).ToArray();
        var drgs = new HashSet<string>(rows.Select(r => r[12]).Where(d => d.Length == 4 && !d.EndsWith("QY", StringComparison.Ordinal) && d != "0000"), StringComparer.Ordinal);
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        writer.Write("id,hospital_id,fund,sex,age,age_days,birth_weight_g,los,discharge_date,discharge_type,diagnoses,procedures,total_cost,fund_paid,patient_paid\n");
        for (var i = 0; i < count; i++)
        {
            var r = rows[i % rows.Length];
            var cost = 1_000 + (i * 7_919L % 60_000);
            var patient = cost / 4;
            writer.Write(string.Concat(
                "B", i.ToString("0000000", CultureInfo.InvariantCulture), ",H", (i % 20).ToString("00", CultureInfo.InvariantCulture), ",",
                i % 2 == 0 ? "employee" : "resident", ",", r[1], ",", r[2], ",", r[3], ",", r[4], ",", r[5], ",2025-",
                (1 + (i % 12)).ToString("00", CultureInfo.InvariantCulture), "-15,", r[6], ",", r[7], ",", r[8], ",",
                cost.ToString(CultureInfo.InvariantCulture), ".00,", (cost - patient).ToString(CultureInfo.InvariantCulture), ".00,",
                patient.ToString(CultureInfo.InvariantCulture), ".00\n"));
        }

        return drgs;
    }
}
