using BenchmarkDotNet.Attributes;

namespace MedInsurance.Payment.Benchmarks;

/// <summary>
/// <c>medpay monitor</c> on the synthetic region of <see cref="MonitorBenchmarkData"/> (1 000 000 cases with their
/// <c>drg price</c> results and 200 hospitals), run in process through the command line's own parser and handler: the
/// indicators alone, and the settlement-list check in the same pass (<c>--check</c> with the demo QC profile and the
/// 医保版2.0 dictionaries of ../shared/data/codes-2.0). Issue 14's goal is QC + indicators for 10 000 000 cases in under
/// 10 s; the 10 000 000-case process timings are in docs/performance.md ("Supervision indicators").
/// </summary>
/// <remarks>Run: <c>dotnet run -c Release --project benchmarks/MedInsurance.Payment.Benchmarks -- --filter '*MonitorCommand*'</c>.</remarks>
[QuickJob]
public class MonitorCommandBenchmarks
{
    /// <summary>Cases in the file.</summary>
    public const int Cases = 1_000_000;

    private CommandFolder _files = null!;

    [GlobalSetup]
    public void Setup()
    {
        _files = new CommandFolder("medpay-monitor-command-bench", folder => MonitorBenchmarkData.WriteFiles(folder, Cases));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _files.Dispose();
    }

    /// <summary>The indicators: cases, results and hospitals; returns the exit code (0).</summary>
    [Benchmark]
    public int Indicators() => CaseCommandBenchmarks.Run(_files.Path, "monitor", "--cases", "cases.csv", "--results", "results.csv", "--hospitals", "hospitals.csv", "--output", "out");

    /// <summary>QC and the indicators in one pass; returns the exit code (0: QC rejections do not change it).</summary>
    [Benchmark]
    public int QcAndIndicators() => CaseCommandBenchmarks.Run(_files.Path, "monitor", "--cases", "cases.csv", "--results", "results.csv", "--hospitals", "hospitals.csv", "--output", "out",
        "--check-profile", QcBenchmarkData.DemoProfile, "--dictionaries", QcBenchmarkData.CodesFolder);
}
