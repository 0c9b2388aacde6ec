using BenchmarkDotNet.Running;
using MedInsurance.Payment.Benchmarks;

// dotnet run -c Release --project benchmarks/MedInsurance.Payment.Benchmarks -- --filter '*Money*'
// Every benchmark class uses the short job preset (QuickJobAttribute) so a run fits in a few minutes.
BenchmarkSwitcher.FromAssembly(typeof(QuickJobAttribute).Assembly).Run(args);
