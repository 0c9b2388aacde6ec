using System.Linq;
using BenchmarkDotNet.Running;
using MedInsurance.Payment.Benchmarks;

// dotnet run -c Release --project benchmarks/MedInsurance.Payment.Benchmarks -- --filter '*Money*'
// Every benchmark class uses the short job preset (QuickJobAttribute) so a run fits in a few minutes.
// dotnet run -c Release --project benchmarks/MedInsurance.Payment.Benchmarks -- write-capitation-files <folder>
// writes the files of CapitationSettleBenchmarks, to time `medpay capitation settle` as a process.
if (args.Length == 2 && args[0] == "write-capitation-files")
{
    CapitationSettleBenchmarks.WriteFiles(args[1]);
    return 0;
}

// dotnet run -c Release --project benchmarks/MedInsurance.Payment.Benchmarks -- write-qc-cases <file> <count>
// writes synthetic settlement-list cases (QcBenchmarkData), to time `medpay check` as a process.
if (args.Length == 3 && args[0] == "write-qc-cases")
{
    QcBenchmarkData.WriteFile(args[1], int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture));
    return 0;
}

// dotnet run -c Release --project benchmarks/MedInsurance.Payment.Benchmarks -- fuzz [minutes] [seed]
// runs the long fuzz pass over every reader and loader (FuzzPass; exit 1 on any failure, with the seed).
// ... -- write-outpatient-files <folder> [lines] writes the files of OutpatientGroupBenchmarks, to time `medpay outpatient group` as a process.
if (args.Length >= 2 && args[0] == "write-outpatient-files")
{
    OutpatientGroupBenchmarks.WriteFiles(args[1], args.Length > 2 ? long.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : OutpatientGroupBenchmarks.Lines);
    return 0;
}

// ... -- write-case-files <folder> writes the files of CaseCommandBenchmarks (1 000 000 cases, hospitals, compiled
// CHS-DRG 1.1 pack, DIP catalog), to time `medpay drg group`, `dip score` and `cases check` as processes.
if (args.Length == 2 && args[0] == "write-case-files")
{
    CaseCommandBenchmarks.WriteFiles(args[1]);
    return 0;
}

// ... -- write-monitor-files <folder> <count> [zipf] writes cases.csv, results.csv and hospitals.csv of a synthetic region
// (MonitorBenchmarkData; codes uniform, or heavy-tailed with zipf), to time `medpay check` and `medpay monitor` as processes.
if (args.Length is 3 or 4 && args[0] == "write-monitor-files")
{
    MonitorBenchmarkData.WriteFiles(args[1], long.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture), args.Length == 4 && args[3] == "zipf");
    return 0;
}

// ... -- write-xlsx <file> <rows> writes the sheet of XlsxReaderBenchmarks; ... -- read-xlsx <reader> <file> reads it once with
// handwritten, exceldatareader or miniexcel, to measure each reader's peak memory with /usr/bin/time -v.
if (args.Length == 3 && args[0] == "write-xlsx")
{
    XlsxReaderBenchmarks.WriteSheet(args[1], int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture));
    return 0;
}

if (args.Length == 3 && args[0] == "read-xlsx")
{
    var watch = System.Diagnostics.Stopwatch.StartNew();
    var sum = XlsxReaderBenchmarks.Read(args[1], args[2]);
    System.Console.WriteLine(args[1] + ": " + sum.ToString(System.Globalization.CultureInfo.InvariantCulture) + " characters in " + watch.ElapsedMilliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture) + " ms");
    return 0;
}

if (args.Length >= 1 && args[0] == "fuzz")
{
    var minutes = args.Length > 1 ? double.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10;
    var seed = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : System.Environment.TickCount;
    return FuzzPass.Run(minutes, seed);
}

// dotnet run -c Release --project benchmarks/MedInsurance.Payment.Benchmarks -- time-monitor [cases]
// times the two phases of the indicator pass (Add per case, Finish) once, with a stopwatch (MonitoringBenchmarks.TimePhases).
if (args.Length >= 1 && args[0] == "time-monitor")
{
    MonitoringBenchmarks.TimePhases(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1_000_000);
    return 0;
}

return BenchmarkSwitcher.FromAssembly(typeof(QuickJobAttribute).Assembly).Run(args).Any() ? 0 : 0;
