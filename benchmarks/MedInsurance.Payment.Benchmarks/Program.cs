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

// dotnet run -c Release --project benchmarks/MedInsurance.Payment.Benchmarks -- fuzz [minutes] [seed]
// runs the long fuzz pass over every reader and loader (FuzzPass; exit 1 on any failure, with the seed).
// ... -- write-outpatient-files <folder> [lines] writes the files of OutpatientGroupBenchmarks, to time `medpay outpatient group` as a process.
if (args.Length >= 2 && args[0] == "write-outpatient-files")
{
    OutpatientGroupBenchmarks.WriteFiles(args[1], args.Length > 2 ? long.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : OutpatientGroupBenchmarks.Lines);
    return 0;
}

if (args.Length >= 1 && args[0] == "fuzz")
{
    var minutes = args.Length > 1 ? double.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10;
    var seed = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : System.Environment.TickCount;
    return FuzzPass.Run(minutes, seed);
}

return BenchmarkSwitcher.FromAssembly(typeof(QuickJobAttribute).Assembly).Run(args).Any() ? 0 : 0;
