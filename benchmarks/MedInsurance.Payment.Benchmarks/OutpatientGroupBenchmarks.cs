using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using BenchmarkDotNet.Attributes;
using MedInsurance.Payment.Cases;
using MedInsurance.Payment.Cli;
using MedInsurance.Payment.Demo;
using MedInsurance.Payment.Hospitals;
using MedInsurance.Payment.Interchange;
using MedInsurance.Payment.Outpatient;

namespace MedInsurance.Payment.Benchmarks;

/// <summary>
/// 10 000 000 outpatient claim item lines grouped into treatment combinations and priced (issue 18): the demo region's
/// item generator writes a year of lines at the five demo hospitals (claims by date, lines of a claim together; about
/// 3.9 million days, 200 000 persons) to a CSV file; <see cref="GroupAndPriceFromFile"/> streams it through the library —
/// strict byte-level reader, day grouping, combination matching, pricing, settlement lines summed per institution-month
/// — and <see cref="GroupCommandToLinesFile"/> runs <c>medpay outpatient group</c>'s own code writing the lines file
/// (docs/outpatient.md “Benchmark”).
/// </summary>
/// <remarks>Run: <c>dotnet run -c Release --project benchmarks/MedInsurance.Payment.Benchmarks -- --filter '*OutpatientGroup*'</c>.</remarks>
[QuickJob]
public class OutpatientGroupBenchmarks
{
    /// <summary>Item lines in the file.</summary>
    public const long Lines = 10_000_000;

    private CommandFolder _files = null!;
    private CombinationTable _table = null!;
    private Dictionary<string, HospitalLevel> _levels = null!;

    [GlobalSetup]
    public void Setup()
    {
        _files = new CommandFolder("medpay-outpatient-bench", folder => WriteFiles(folder, Lines));
        var demo = DemoRegion.Load();
        _table = demo.OutpatientCombinations;
        _levels = new Dictionary<string, HospitalLevel>(StringComparer.Ordinal);
        foreach (var h in demo.Hospitals)
        {
            _levels[h.Id] = h.Level;
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _files.Dispose();
    }

    /// <summary>Read, group, price and sum the lines of the whole file; returns the days priced.</summary>
    [Benchmark]
    public long GroupAndPriceFromFile()
    {
        var book = new OutpatientLineBook();
        var rejected = 0L;
        using var stream = new FileStream(Path.Combine(_files.Path, "items.csv"), FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        var summary = new OutpatientGrouping(new CombinationGrouper(_table, _levels), book.Add, (_, _) => rejected++)
            .Run(OutpatientCsv.ReadItems(stream, CsvReadOptions.Default, null));
        if (rejected > 0 || summary.Accepted != Lines || book.Lines().Count == 0)
        {
            throw new InvalidOperationException("The benchmark file should be read without rejections.");
        }

        return summary.Days;
    }

    /// <summary><c>medpay outpatient group --output lines.csv</c> (the command's code, in process); returns the exit code (0).</summary>
    [Benchmark]
    public int GroupCommandToLinesFile() => OutpatientCommands.RunGroup(
        new FileInfo(Path.Combine(_files.Path, "table.json")),
        new FileInfo(Path.Combine(_files.Path, "hospitals.csv")),
        new FileInfo(Path.Combine(_files.Path, "items.csv")),
        new FileInfo(Path.Combine(_files.Path, "out", "lines.csv")),
        4_000_000,
        "auto");

    /// <summary>Writes <c>items.csv</c>, <c>table.json</c> and <c>hospitals.csv</c> into <paramref name="folder"/> (deterministic; reused when present).</summary>
    /// <param name="folder">The folder (created).</param>
    /// <param name="lines">How many item lines.</param>
    public static void WriteFiles(string folder, long lines)
    {
        Directory.CreateDirectory(folder);
        var demo = DemoRegion.Load();
        File.WriteAllText(Path.Combine(folder, "hospitals.csv"), "hospital_id,name,level,type\nDEMO-H1,H1,三级甲等,general\nDEMO-H2,H2,三级乙等,general\nDEMO-H3,H3,二级甲等,general\nDEMO-H4,H4,二级乙等,tcm\nDEMO-H5,H5,一级,primary\n");
        using (var resource = typeof(DemoRegion).Assembly.GetManifestResourceStream("Demo/outpatient-combinations.json")!)
        using (var file = File.Create(Path.Combine(folder, "table.json")))
        {
            resource.CopyTo(file);
        }

        var items = Path.Combine(folder, "items.csv");
        var marker = items + "." + lines.ToString(CultureInfo.InvariantCulture);
        if (File.Exists(marker) && File.Exists(items))
        {
            return;
        }

        using (var writer = new StreamWriter(items, false, new UTF8Encoding(false), 1 << 20))
        {
            writer.Write("claim_id,person_id,institution_id,fund,date,item_code,item_kind,quantity,amount\n");
            foreach (var item in demo.GenerateOutpatientItems(lines))
            {
                writer.Write(item.ClaimId);
                writer.Write(',');
                writer.Write(item.PersonId);
                writer.Write(',');
                writer.Write(item.InstitutionId);
                writer.Write(item.Fund == InsuranceFund.Employee ? ",employee," : ",resident,");
                writer.Write(item.ServiceDate.ToString(CultureInfo.InvariantCulture));
                writer.Write(',');
                writer.Write(item.ItemCode);
                writer.Write(',');
                writer.Write(Kind(item.Kind));
                writer.Write(",1,");
                writer.Write(item.Amount.ToString());
                writer.Write('\n');
            }
        }

        File.WriteAllText(marker, string.Empty);
    }

    private static string Kind(OutpatientItemKind kind) => kind switch
    {
        OutpatientItemKind.Drug => "drug",
        OutpatientItemKind.Consumable => "consumable",
        OutpatientItemKind.Procedure => "procedure",
        _ => "test",
    };
}
