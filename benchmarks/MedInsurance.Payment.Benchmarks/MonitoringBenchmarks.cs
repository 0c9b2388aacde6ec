using System;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using MedInsurance.Payment.Cases;
using MedInsurance.Payment.Monitoring;

namespace MedInsurance.Payment.Benchmarks;

/// <summary>
/// The supervision-indicator pass (<see cref="SupervisionMonitor"/>: <c>Add</c> for every case, then <c>Finish</c>) over
/// 1 000 000 synthetic cases already in memory: 200 hospitals at 3 levels, 600 DRGs (200 ADRGs × 1/3/5), a year of
/// discharges, one patient per 3 cases (readmissions), 2 % deaths, 1 % short stays, 0.5 % overlong stays. Goal (issue
/// 14): QC + indicators for 10 000 000 cases in under 10 s on the 2-core machine, so this pass well under 1 s per million.
/// </summary>
/// <remarks>Run: <c>dotnet run -c Release --project benchmarks/MedInsurance.Payment.Benchmarks -- --filter '*Monitoring*'</c>.</remarks>
[QuickJob]
[MemoryDiagnoser]
public class MonitoringBenchmarks
{
    private InpatientCase[] _cases = null!;
    private CaseResult[] _results = null!;

    [Params(1_000_000)]
    public int Cases { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(20260101);
        var groups = new CaseResult[600];
        for (var g = 0; g < groups.Length; g++)
        {
            var adrg = ((char)('A' + (g / 3 % 26))).ToString() + ((char)('A' + (g / 78 % 26))).ToString() + (g / 3 % 10).ToString(CultureInfo.InvariantCulture);
            groups[g] = new CaseResult(adrg + "135"[g % 3], 0.5m + (g % 17 / 10m), 1m, g % 10 == 0, g % 50 == 0);
        }

        _cases = new InpatientCase[Cases];
        _results = new CaseResult[Cases];
        for (var i = 0; i < Cases; i++)
        {
            var los = rng.Next(100) switch { 0 => 1, < 2 => 61 + rng.Next(30), _ => 2 + rng.Next(20) };
            var discharge = new DateOnly(2026, 1, 1).AddDays(rng.Next(365));
            _cases[i] = new InpatientCase
            {
                CaseId = "S" + i.ToString(CultureInfo.InvariantCulture),
                HospitalId = "H" + rng.Next(200).ToString(CultureInfo.InvariantCulture),
                PatientId = "P" + rng.Next(Cases / 3).ToString(CultureInfo.InvariantCulture),
                AdmissionDate = discharge.AddDays(-los),
                DischargeDate = discharge,
                LengthOfStayDays = los,
                DischargeType = rng.Next(50) == 0 ? DischargeType.Death : DischargeType.MedicalAdvice,
                AdmissionRoute = rng.Next(20) == 0 ? AdmissionRoute.Referral : AdmissionRoute.Outpatient,
                Costs = CostBreakdown.FromTotal(Money.FromFen(los * (50_000L + rng.Next(100_000)))),
                OutOfCatalogCost = Money.FromFen(rng.Next(10_000)),
            };
            _results[i] = groups[rng.Next(groups.Length)];
        }
    }

    /// <summary>One timed run of each phase, printed: generation, <c>Add</c> for every case, <c>Finish</c>.</summary>
    /// <param name="cases">How many synthetic cases.</param>
    public static void TimePhases(int cases)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var bench = new MonitoringBenchmarks { Cases = cases };
        bench.Setup();
        Console.WriteLine("setup " + watch.ElapsedMilliseconds + " ms");
        for (var run = 0; run < 3; run++)
        {
            watch.Restart();
            var monitor = bench.NewMonitor();
            for (var i = 0; i < bench._cases.Length; i++)
            {
                monitor.Add(bench._cases[i], bench._results[i]);
            }

            var added = watch.ElapsedMilliseconds;
            var rows = monitor.Finish().Indicators.Count;
            Console.WriteLine("run " + run + ": add " + added + " ms, finish " + (watch.ElapsedMilliseconds - added) + " ms, " + rows + " indicator rows");
        }
    }

    private SupervisionMonitor NewMonitor()
    {
        var monitor = new SupervisionMonitor(MonitoringProfile.Default);
        for (var h = 0; h < 200; h++)
        {
            monitor.SetLevel("H" + h.ToString(CultureInfo.InvariantCulture), (1 + (h % 3)).ToString(CultureInfo.InvariantCulture));
        }

        return monitor;
    }

    [Benchmark]
    public int IndicatorPass()
    {
        var monitor = new SupervisionMonitor(MonitoringProfile.Default);
        for (var h = 0; h < 200; h++)
        {
            monitor.SetLevel("H" + h.ToString(CultureInfo.InvariantCulture), (1 + (h % 3)).ToString(CultureInfo.InvariantCulture));
        }

        for (var i = 0; i < _cases.Length; i++)
        {
            monitor.Add(_cases[i], _results[i]);
        }

        return monitor.Finish().Indicators.Count;
    }
}
