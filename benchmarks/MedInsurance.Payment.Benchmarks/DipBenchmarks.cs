using System;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Attributes;
using MedInsurance.Payment.Cases;
using MedInsurance.Payment.Dip;
using MedInsurance.Payment.Dip.TestSupport;

namespace MedInsurance.Payment.Benchmarks;

/// <summary>Shared synthetic region for the DIP benchmarks (codes from ../shared/data/codes).</summary>
internal static class DipBenchmarkData
{
    public static readonly DipAuxiliaryTypingData Typing = new(
        new[] { "J96.0", "E87" }, new[] { "N17", "R57" }, new[] { "C" }, new[] { "C77", "C78", "C79" }, new[] { "92.2" }, new[] { "99.25" });

    public static SyntheticHistory Generator()
    {
        var codes = SyntheticHistory.ReadCodes(FindCodes());
        return SyntheticHistory.Create(new SyntheticHistoryOptions { Seed = 2026, Clusters = 12_000, Hospitals = 300, Skew = 1.05 }, codes.Diagnoses, codes.Procedures);
    }

    private static string FindCodes()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "MedInsurance.Payment.sln")))
        {
            dir = dir.Parent;
        }

        var path = Path.Combine(dir?.FullName ?? ".", "..", "shared", "data", "codes");
        return Directory.Exists(path) ? path : throw new DirectoryNotFoundException("The DIP benchmarks need ../shared/data/codes beside the repository: " + path);
    }
}

/// <summary>Catalog build from 3 000 000 historical cases (goal: under 10 s).</summary>
[QuickJob]
public class DipCatalogBuildBenchmarks
{
    private DipHistoryCase[] _history = Array.Empty<DipHistoryCase>();
    private DipBuildOptions _options = new();

    [Params(3_000_000)]
    public int Cases { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var generator = DipBenchmarkData.Generator();
        _history = generator.Cases(Cases, 7).Select(c => c.ToHistory(DipBenchmarkData.Typing)).ToArray();
        _options = new DipBuildOptions { ProcedureAttributes = generator.Attributes(), LevelCoefficients = DipLevelCoefficientMode.ByGroup };
    }

    [Benchmark]
    public int BuildCatalog() => DipCatalogBuilder.Build(_history, _options).Catalog.Groups.Count;
}

/// <summary>Grouping + scoring single-threaded (goal: at least 5 000 000 cases/s, no allocation per case).</summary>
[QuickJob]
public class DipScoringBenchmarks
{
    private const int Batch = 100_000;
    private DipScorer _scorer = null!;
    private InpatientCase[] _cases = Array.Empty<InpatientCase>();
    private DipHospitalContext[] _hospitals = Array.Empty<DipHospitalContext>();

    [Params("national-dip-1.0", "jining")]
    public string Profile { get; set; } = "national-dip-1.0";

    [GlobalSetup]
    public void Setup()
    {
        var generator = DipBenchmarkData.Generator();
        var history = generator.Cases(500_000, 7).Select(c => c.ToHistory(DipBenchmarkData.Typing)).ToArray();
        var catalog = DipCatalogBuilder.Build(history, new DipBuildOptions { ProcedureAttributes = generator.Attributes(), LevelCoefficients = DipLevelCoefficientMode.ByGroup }).Catalog;
        _scorer = new DipScorer(catalog, DipPolicyProfiles.BuiltIn(Profile), generator.Attributes(), DipBenchmarkData.Typing, null);
        var current = generator.Cases(Batch, 99).ToArray();
        _cases = current.Select(c => c.ToInpatientCase()).ToArray();
        _hospitals = current.Select(c => new DipHospitalContext(c.Level, null)).ToArray();
    }

    /// <summary>Scores the batch; the reported time is per case.</summary>
    [Benchmark(OperationsPerInvoke = Batch)]
    public decimal ScoreBatch()
    {
        var total = 0m;
        var cases = _cases;
        var hospitals = _hospitals;
        for (var i = 0; i < cases.Length; i++)
        {
            total += _scorer.Score(cases[i], hospitals[i]).CaseScore.Value;
        }

        return total;
    }
}
