using System;
using System.Globalization;
using System.Linq;
using BenchmarkDotNet.Attributes;
using MedInsurance.Payment.Cases;
using MedInsurance.Payment.Hospitals;
using MedInsurance.Payment.Settlement;

namespace MedInsurance.Payment.Benchmarks;

/// <summary>
/// Annual clearing (年度清算) of 10 000 000 settlement lines for 500 hospitals and 4 pools (DIP and per-diem bed-day
/// points, each for 职工 and 居民): 80% DIP case lines, 10% per-diem lines, 10% money lines (half paid from the DIP pool,
/// half outside it); 1 line in 2 000 an approved special-review case. Floating values, risk-sharing bands, assessment and
/// deposit from the example DIP profile. Goal: under 2 s.
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
        var example = SettlementPolicyLoader.LoadEmbedded("example-dip-2025");
        var beds = example.Pools.Select(p => p with { PointSystem = "PER_DIEM", Budget = new BudgetRule { Amount = Money.FromYuan(300_000_000m) } });
        _policy = example with { Pools = example.Pools.Concat(beds).ToArray(), SpecialReviewCaps = new System.Collections.Generic.Dictionary<string, Ratio> { ["DIP"] = new Ratio(0.005m) } };
        var rng = new Random(20250101);
        _hospitals = Enumerable.Range(0, 500)
            .Select(i => new SettlementHospital
            {
                Hospital = new Hospital { Id = "H" + i.ToString("D4", CultureInfo.InvariantCulture), Level = new HospitalLevel(HospitalTier.Tertiary, HospitalGrade.A) },
                AssessmentScore = rng.Next(60, 101),
                PriorYearFundPaid = Money.FromFen(rng.Next(1, int.MaxValue)),
            })
            .ToArray();
        var ids = _hospitals.Select(h => h.Id).ToArray();
        _lines = new SettlementLine[Lines];
        for (var i = 0; i < _lines.Length; i++)
        {
            var kind = i % 10;
            var basis = kind switch
            {
                8 => SettlementBasis.OfPoints("PER_DIEM", rng.Next(100, 2_000_000) / 1000m),
                9 => SettlementBasis.OfMoney(Money.FromFen(rng.Next(0, 1_000_000)), i % 20 == 9 ? "DIP" : null),
                _ => SettlementBasis.OfPoints("DIP", rng.Next(100, 5_000_000) / 1000m),
            };
            var method = kind switch { 8 => SettlementMethods.PerDiem, 9 => SettlementMethods.SingleDisease, _ => SettlementMethods.Dip };
            var line = new SettlementLine(
                "C" + i.ToString(CultureInfo.InvariantCulture),
                ids[rng.Next(ids.Length)],
                rng.Next(3) == 0 ? InsuranceFund.Resident : InsuranceFund.Employee,
                rng.Next(1, 13),
                method,
                basis,
                patientPaid: Money.FromFen(rng.Next(0, 500_000)),
                fundPaid: Money.FromFen(rng.Next(0, 2_000_000)),
                auditDeduction: rng.Next(50) == 0 ? Money.FromFen(rng.Next(0, 10_000)) : Money.Zero);
            _lines[i] = i % 2_000 == 7 ? line.WithSpecialReview(SpecialReviewStatus.Approved, Money.FromFen(rng.Next(1_000_000, 10_000_000))) : line;
        }
    }

    [Benchmark]
    public Money AnnualClearing() => ClearingEngine.Run(_policy, _hospitals, _lines, [], Threads).Summary.ClearingTransfer;
}
