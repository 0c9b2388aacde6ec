using System;
using System.Linq;
using BenchmarkDotNet.Attributes;
using MedInsurance.Payment.Cases;
using MedInsurance.Payment.Hospitals;
using MedInsurance.Payment.Settlement;

namespace MedInsurance.Payment.Benchmarks;

/// <summary>
/// Annual clearing (年度清算) of 10 000 000 settlement lines for 500 hospitals under the embedded example DIP profile
/// (two fund pools, floating point value, risk-sharing bands, assessment, deposit). Goal: under 2 s.
/// </summary>
/// <remarks>Run: <c>dotnet run -c Release --project benchmarks/MedInsurance.Payment.Benchmarks -- --filter '*Clearing*'</c>.</remarks>
[QuickJob]
public class ClearingBenchmarks
{
    private SettlementPolicy _policy = null!;
    private SettlementHospital[] _hospitals = null!;
    private SettlementLine[] _lines = null!;

    [Params(10_000_000)]
    public int Lines { get; set; }

    [Params(1, -1)]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _policy = SettlementPolicyLoader.LoadEmbedded("example-dip-2025");
        var rng = new Random(20250101);
        _hospitals = Enumerable.Range(0, 500)
            .Select(i => new SettlementHospital
            {
                Hospital = new Hospital { Id = "H" + i.ToString("D4", System.Globalization.CultureInfo.InvariantCulture), Level = new HospitalLevel(HospitalTier.Tertiary, HospitalGrade.A) },
                AssessmentScore = rng.Next(60, 101),
                PriorYearFundPaid = Money.FromFen(rng.Next(1, int.MaxValue)),
            })
            .ToArray();
        var ids = _hospitals.Select(h => h.Id).ToArray();
        _lines = new SettlementLine[Lines];
        for (var i = 0; i < _lines.Length; i++)
        {
            var auditDeduction = rng.Next(50) == 0 ? Money.FromFen(rng.Next(0, 10_000)) : Money.Zero;
            _lines[i] = new SettlementLine(
                "C" + i.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ids[rng.Next(ids.Length)],
                rng.Next(3) == 0 ? InsuranceFund.Resident : InsuranceFund.Employee,
                rng.Next(1, 13),
                SettlementMethods.Dip,
                SettlementBasis.OfPoints("DIP", rng.Next(100, 5_000_000) / 1000m),
                patientPaid: Money.FromFen(rng.Next(0, 500_000)),
                fundPaid: Money.FromFen(rng.Next(0, 2_000_000)),
                auditDeduction: auditDeduction);
        }
    }

    [Benchmark]
    public Money AnnualClearing() => ClearingEngine.Run(_policy, _hospitals, _lines, [], Threads).Summary.ClearingTransfer;
}
