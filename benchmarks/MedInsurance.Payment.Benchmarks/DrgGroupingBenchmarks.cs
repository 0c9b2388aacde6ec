using System;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Attributes;
using MedInsurance.Payment.Drg.Grouping;
using MedInsurance.Payment.Drg.Loading;
using MedInsurance.Payment.Interchange;

namespace MedInsurance.Payment.Benchmarks;

/// <summary>
/// CHS-DRG 1.1 grouping over the 5,000 golden cases (../shared, read in place): single-case latency, batch throughput on
/// one thread and on all cores (per case: OperationsPerInvoke), allocations per case, and the full-trace path.
/// Goals (issue 3): ≥ 1,000,000 cases/s single-threaded, zero allocations per case on the batch path.
/// </summary>
[QuickJob]
public class DrgGroupingBenchmarks
{
    private const int Cases = 5_000;
    private DrgGrouper _grouper = null!;
    private DrgCase[] _cases = Array.Empty<DrgCase>();
    private DrgOutcome[] _outcomes = Array.Empty<DrgOutcome>();
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        var shared = SharedFolder.Find();
        var pack = RuleTextLoader.Load(Path.Combine(shared, "data", "chs-drg", "1.1"), RuleTextLoader.Edition11).Pack;
        _grouper = new DrgGrouper(pack, DrgPolicy.National);
        _cases = CaseCsvReader.ReadFile(Path.Combine(shared, "golden", "chs-drg-1.1", "cases.csv"))
            .Where(r => !r.IsRejected).Select(r => _grouper.Prepare(r.Value!)).Take(Cases).ToArray();
        _outcomes = new DrgOutcome[_cases.Length];
    }

    /// <summary>One prepared case, cycling through the golden cases (latency of the batch path).</summary>
    [Benchmark]
    public DrgOutcome SingleCase()
    {
        var i = _next;
        _next = i + 1 == _cases.Length ? 0 : i + 1;
        return _grouper.Group(_cases[i]);
    }

    /// <summary>All 5,000 cases on the calling thread; reported per case.</summary>
    [Benchmark(OperationsPerInvoke = Cases)]
    public void BatchOneThread() => _grouper.GroupBatch(_cases, _outcomes, 1);

    /// <summary>All 5,000 cases on every core; reported per case.</summary>
    [Benchmark(OperationsPerInvoke = Cases)]
    public void BatchAllCores() => _grouper.GroupBatch(_cases, _outcomes, Environment.ProcessorCount);

    /// <summary>One case with the full result: CC/MCC findings and trace (the explain path).</summary>
    [Benchmark]
    public DrgResult ExplainSingleCase()
    {
        var i = _next;
        _next = i + 1 == _cases.Length ? 0 : i + 1;
        return _grouper.Explain(_cases[i]);
    }
}

/// <summary>Loading the CHS-DRG 1.1 rule text (or a saved compiled pack) and compiling the kernel (goal: &lt; 1 s).</summary>
[QuickJob]
public class DrgPackLoadBenchmarks
{
    private string _folder = string.Empty;
    private byte[] _compiled = Array.Empty<byte>();

    [GlobalSetup]
    public void Setup()
    {
        _folder = Path.Combine(SharedFolder.Find(), "data", "chs-drg", "1.1");
        using var stream = new MemoryStream();
        CompiledRulePack.Save(RuleTextLoader.Load(_folder, RuleTextLoader.Edition11).Pack, stream);
        _compiled = stream.ToArray();
    }

    [Benchmark]
    public int LoadRuleText() => RuleTextLoader.Load(_folder, RuleTextLoader.Edition11).Pack.Adrgs.Count;

    [Benchmark]
    public DrgGrouper LoadAndCompile() => new(RuleTextLoader.Load(_folder, RuleTextLoader.Edition11).Pack);

    [Benchmark]
    public DrgGrouper LoadCompiledJsonAndCompile()
    {
        using var stream = new MemoryStream(_compiled, writable: false);
        return new DrgGrouper(CompiledRulePack.Load(stream));
    }
}
