using BenchmarkDotNet.Running;
using MedInsurance.Payment.Benchmarks;

// dotnet run -c Release --project benchmarks/MedInsurance.Payment.Benchmarks -- --filter '*Money*'
// Every benchmark class uses the short job preset (QuickJobAttribute) so a run fits in a few minutes.
// dotnet run -c Release --project benchmarks/MedInsurance.Payment.Benchmarks -- write-capitation-files <folder>
// writes the files of CapitationSettleBenchmarks, to time `medpay capitation settle` as a process.
if (args.Length == 2 && args[0] == "write-capitation-files")
{
    CapitationSettleBenchmarks.WriteFiles(args[1]);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(QuickJobAttribute).Assembly).Run(args);
