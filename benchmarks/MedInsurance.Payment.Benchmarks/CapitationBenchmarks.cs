using System;
using System.Globalization;
using System.Linq;
using BenchmarkDotNet.Attributes;
using MedInsurance.Payment.Capitation;
using MedInsurance.Payment.Cases;
using MedInsurance.Payment.Settlement;

namespace MedInsurance.Payment.Benchmarks;

/// <summary>
/// A capitation year (按人头付费): 1 000 000 persons at 1 000 primary-care institutions (10% move mid-year, so 1 100 000
/// roster rows), 10 000 000 outpatient claims (one in 50 a referral) streamed through the calculation, then the year
/// priced (budgets, referral charges, bands, assessment, months, deposit, settlement lines). Measured: roster check and
/// index, every claim, the pricing. Not measured: building the roster rows and person ids (setup); CSV parsing.
/// Goal: under 5 s with bounded memory (nothing per claim is kept). <see cref="Year"/> adds claim by claim;
/// <see cref="YearInBatches"/> and <see cref="YearInBatchesTwoThreads"/> add the same claims in batches; <see cref="ClaimsOnly"/>
/// is the harness's own cost (generating the claims, reading each person id once), included in the other three.
/// </summary>
/// <remarks>Run: <c>dotnet run -c Release --project benchmarks/MedInsurance.Payment.Benchmarks -- --filter '*Capitation*'</c>.</remarks>
[QuickJob]
public class CapitationBenchmarks
{
    private CapitationPolicy _policy = null!;
    private RosterEntry[] _roster = null!;
    private string[] _persons = null!;
    private string[] _homes = null!;
    private string[] _institutions = null!;

    [Params(10_000_000)]
    public int Claims { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var bands = new RiskSharingRule
        {
            Surplus = [new RiskSharingBand(new Ratio(0.1m), new Ratio(1m)), new RiskSharingBand(null, new Ratio(0m))],
            Overspend = [new RiskSharingBand(new Ratio(0.1m), new Ratio(0.5m)), new RiskSharingBand(null, new Ratio(0m))],
        };
        _policy = new CapitationPolicy("bench", "1", "bench", 2026, CapitationBasis.Served,
            [
                new PopulationClass("employee", "职工", InsuranceFund.Employee, Money.FromYuan(240m)),
                new PopulationClass("resident", "居民", InsuranceFund.Resident, Money.FromYuan(120m)),
                new PopulationClass("elderly", "老年人", InsuranceFund.Resident, Money.FromYuan(180m)),
                new PopulationClass("signed_resident", "签约居民", InsuranceFund.Resident, Money.FromYuan(150m)),
            ],
            null,
            new AdvanceTerms(new Ratio(1m), new Ratio(0.05m), DepositForm.WithheldFromAdvance, RoundingRule.Default, RoundingRule.Default),
            new ReferralChargeRule(ReferralChargeMode.Cost, Money.Zero, Money.FromYuan(300m)),
            bands, [new ScoreBand(0m, 1m)], [new ScoreBand(0m, 1m)], 100m, null, null, null);
        _institutions = Enumerable.Range(0, 1_000).Select(i => "I" + i.ToString("0000", CultureInfo.InvariantCulture)).ToArray();
        var classes = new[] { "employee", "resident", "elderly", "signed_resident" };
        var rng = new Random(20260101);
        _persons = new string[1_000_000];
        _homes = new string[1_000_000];
        var rows = new System.Collections.Generic.List<RosterEntry>(1_100_000);
        for (var p = 0; p < _persons.Length; p++)
        {
            _persons[p] = "P" + p.ToString("0000000", CultureInfo.InvariantCulture);
            var home = _institutions[rng.Next(_institutions.Length)];
            _homes[p] = home;
            var k = classes[rng.Next(classes.Length)];
            if (p % 10 == 0)
            {
                rows.Add(new RosterEntry(_persons[p], k, home, 1, 12, true));
            }
            else if (p % 10 == 1)
            {
                rows.Add(new RosterEntry(_persons[p], k, _institutions[rng.Next(_institutions.Length)], 1, 6, true));
                rows.Add(new RosterEntry(_persons[p], k, home, 7, 12, true));
            }
            else
            {
                rows.Add(new RosterEntry(_persons[p], k, home, 1, 12, true));
            }
        }

        _roster = rows.ToArray();
    }

    [Benchmark]
    public Money Year()
    {
        var calculation = new CapitationCalculation(CapitationRoster.Build(_policy, _roster));
        var rng = new Random(7);
        for (var c = 0; c < Claims; c++)
        {
            var p = rng.Next(_persons.Length);
            var month = 7 + rng.Next(6);   // second half: every person is at home
            var referral = c % 50 == 0;
            calculation.Add(new OutpatientClaim("C", _persons[p], _homes[p], 2026, month, Money.FromFen(1_000 + rng.Next(20_000)), referral, referral ? "H-UP" : null));
        }

        return calculation.Complete().Summary.FundPays;
    }

    /// <summary>The same year through <see cref="CapitationCalculation.AddRange(System.Collections.Generic.IReadOnlyList{OutpatientClaim}, int)"/> in batches of 4 096 claims, on the calling thread.</summary>
    [Benchmark]
    public Money YearInBatches() => InBatches(1);

    /// <summary>The same year in batches, each split over two threads (a ledger each, added up when priced).</summary>
    [Benchmark]
    public Money YearInBatchesTwoThreads() => InBatches(2);

    /// <summary>The harness alone: the same claims generated in the same batches and not added — subtract it from the others.</summary>
    [Benchmark]
    public long ClaimsOnly()
    {
        var rng = new Random(7);
        var batch = new OutpatientClaim[4_096];
        long sum = 0;
        for (var start = 0; start < Claims; start += batch.Length)
        {
            var n = Fill(batch, start, rng);

            for (var j = 0; j < n; j++)
            {
                sum += batch[j].PersonId.Length + batch[j].Month;
            }
        }

        return sum;
    }

    // The next claims of the year (as Year draws them) into the batch; returns how many.
    private int Fill(OutpatientClaim[] batch, int start, Random rng)
    {
        var n = Math.Min(batch.Length, Claims - start);
        for (var j = 0; j < n; j++)
        {
            var p = rng.Next(_persons.Length);
            var month = 7 + rng.Next(6);
            var referral = (start + j) % 50 == 0;
            batch[j] = new OutpatientClaim("C", _persons[p], _homes[p], 2026, month, Money.FromFen(1_000 + rng.Next(20_000)), referral, referral ? "H-UP" : null);
        }

        return n;
    }

    private Money InBatches(int threads)
    {
        var calculation = new CapitationCalculation(CapitationRoster.Build(_policy, _roster));
        var rng = new Random(7);
        var batch = new OutpatientClaim[4_096];
        for (var start = 0; start < Claims; start += batch.Length)
        {
            var n = Fill(batch, start, rng);

            calculation.AddRange(n == batch.Length ? batch : new ArraySegment<OutpatientClaim>(batch, 0, n), threads);
        }

        return calculation.Complete().Summary.FundPays;
    }
}
