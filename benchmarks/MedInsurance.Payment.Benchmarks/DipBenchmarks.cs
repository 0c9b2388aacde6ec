using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using BenchmarkDotNet.Attributes;
using MedInsurance.Payment.Cases;
using MedInsurance.Payment.Dip;
using MedInsurance.Payment.Dip.TestSupport;
using MedInsurance.Payment.Interchange;

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

    /// <summary>
    /// The cases as a host holds them: written to the case CSV format and read back with <see cref="CaseCsvReader"/>, so
    /// each case's code strings are its own and lie next to it in memory (generated cases share their cluster's strings).
    /// </summary>
    public static InpatientCase[] ThroughCsv(IEnumerable<InpatientCase> cases)
    {
        var inv = CultureInfo.InvariantCulture;
        var text = new StringBuilder("id,hospital_id,age,age_days,los,icu_days,discharge_type,discharge_date,diagnoses,procedures,total_cost\n");
        foreach (var c in cases)
        {
            var procedures = c.AllProcedures().Select(p => p.Value);
            text.Append(c.CaseId).Append(',').Append(c.HospitalId).Append(',').Append(c.AgeYears.ToString(inv)).Append(',')
                .Append(c.AgeDays?.ToString(inv)).Append(',').Append(c.LengthOfStayDays.ToString(inv)).Append(',')
                .Append(c.IcuDays.ToString(inv)).Append(',').Append(((int)c.DischargeType).ToString(inv)).Append(',')
                .Append(c.DischargeDate?.ToString("yyyy-MM-dd", inv)).Append(',')
                .Append(string.Join("|", c.AllDiagnoses().Select(d => d.Value))).Append(',')
                .Append(string.Join("|", procedures)).Append(',')
                .Append(c.Costs.Total.Yuan.ToString(inv)).Append('\n');
        }

        var read = CaseCsvReader.Read(new StringReader(text.ToString())).ToArray();
        return read.Select((r, i) => r.Value ?? throw new InvalidOperationException("Benchmark case " + i.ToString(inv) + " did not read back: " + string.Join("; ", r.Issues))).ToArray();
    }

    private static string FindCodes()
    {
        var path = Path.Combine(SharedFolder.Find(), "data", "codes");
        return Directory.Exists(path) ? path : throw new DirectoryNotFoundException("The DIP benchmarks need ../shared/data/codes (or $MEDPAY_SHARED/data/codes): " + path);
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
        _cases = DipBenchmarkData.ThroughCsv(current.Select(c => c.ToInpatientCase()));
        _hospitals = current.Select(c => new DipHospitalContext(c.Level, null)).ToArray();
    }

    /// <summary>
    /// Groups and scores the batch, consuming each result through a cheap checksum of its outcome (status, deviation,
    /// group kind, review); the reported time is per case.
    /// </summary>
    [Benchmark(OperationsPerInvoke = Batch)]
    public long ScoreBatch()
    {
        long checksum = 0;
        var cases = _cases;
        var hospitals = _hospitals;
        for (var i = 0; i < cases.Length; i++)
        {
            var r = _scorer.Score(cases[i], hospitals[i]);
            checksum += (long)r.Status + ((long)r.Deviation << 2) + (r.Review ? 64L : 0L) + (r.Group is null ? 0L : (long)r.Group.Kind << 8);
        }

        return checksum;
    }

    /// <summary>The same, also adding up every case score in <see cref="decimal"/> (what a regional total would do).</summary>
    [Benchmark(OperationsPerInvoke = Batch)]
    public decimal ScoreBatchAndSum()
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
