using System;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using MedInsurance.Payment.Cases;
using MedInsurance.Payment.Hospitals;
using MedInsurance.Payment.PerDiem;
using MedInsurance.Payment.Settlement;

namespace MedInsurance.Payment.Benchmarks;

/// <summary>
/// Per-diem pricing (按床日) of 1 000 000 stays on one thread: the kernel (<see cref="PerDiemCalculator.Price"/>, eligibility,
/// bands, caps, maxima) and the kernel plus the settlement line (<see cref="PerDiemCalculator.TryGetLine"/>), under the
/// embedded money policy (3 classes) — psychiatric, rehabilitation, hospice and non-eligible stays of 1–200 days at
/// tertiary and secondary hospitals, 1 in 5 a continued readmission. Goal: ≥ 5 000 000 stays/s, no allocation per stay.
/// </summary>
/// <remarks>Run: <c>dotnet run -c Release --project benchmarks/MedInsurance.Payment.Benchmarks -- --filter '*PerDiem*'</c>.</remarks>
[QuickJob]
[MemoryDiagnoser]
public class PerDiemBenchmarks
{
    private static readonly string[] Diagnoses = { "F20.000", "F32.900", "Z50.100", "I69.300", "Z51.500", "I10.x00" };
    private PerDiemCalculator _calculator = null!;
    private PerDiemStay[] _stays = null!;
    private PerDiemHospital[] _hospitals = null!;
    private PerDiemEpisode[] _episodes = null!;

    [Params(1_000_000)]
    public int Stays { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _calculator = new PerDiemCalculator(PerDiemPolicyLoader.LoadEmbedded("example-perdiem-2025"));
        var rng = new Random(20250101);
        var tertiary = new PerDiemHospital("H3", HospitalLevel.Parse("3A"), HospitalType.Specialist);
        var secondary = new PerDiemHospital("H2", HospitalLevel.Parse("2"), HospitalType.General);
        _stays = new PerDiemStay[Stays];
        _hospitals = new PerDiemHospital[Stays];
        _episodes = new PerDiemEpisode[Stays];
        for (var i = 0; i < Stays; i++)
        {
            var los = 1 + rng.Next(200);
            var discharge = new DateOnly(2025, 1 + rng.Next(12), 1 + rng.Next(28));
            var c = new InpatientCase
            {
                CaseId = "S" + i.ToString(CultureInfo.InvariantCulture),
                HospitalId = i % 3 == 0 ? "H2" : "H3",
                Fund = InsuranceFund.Employee,
                AdmissionDate = discharge.AddDays(-los),
                DischargeDate = discharge,
                LengthOfStayDays = los,
                MainDiagnosis = DiagnosisCode.Parse(Diagnoses[rng.Next(Diagnoses.Length)]),
                Costs = new CostBreakdown { Total = Money.FromFen(los * 28_000L), FundPaid = Money.FromFen(los * 22_000L), PatientPaid = Money.FromFen(los * 6_000L) },
            };
            _stays[i] = new PerDiemStay(c, "P" + (i / 3).ToString(CultureInfo.InvariantCulture), "rehabilitation");
            _hospitals[i] = i % 3 == 0 ? secondary : tertiary;
            _episodes[i] = i % 5 == 0 ? new PerDiemEpisode(rng.Next(60), rng.Next(120)) : PerDiemEpisode.First;
        }
    }

    /// <summary>The kernel only.</summary>
    /// <returns>Σ fund fen (kept so the work is not removed).</returns>
    [Benchmark]
    public long Kernel()
    {
        long sum = 0;
        for (var i = 0; i < _stays.Length; i++)
        {
            sum += _calculator.Price(_stays[i], _hospitals[i], _episodes[i]).FundAmount.Fen;
        }

        return sum;
    }

    /// <summary>The kernel and the settlement line.</summary>
    /// <returns>Σ line amounts in fen.</returns>
    [Benchmark]
    public long KernelAndLine()
    {
        long sum = 0;
        for (var i = 0; i < _stays.Length; i++)
        {
            var r = _calculator.Price(_stays[i], _hospitals[i], _episodes[i]);
            if (_calculator.TryGetLine(_stays[i], r, out SettlementLine line))
            {
                sum += line.Basis.Amount.Fen;
            }
        }

        return sum;
    }
}
