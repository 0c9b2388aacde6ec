using System;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MedInsurance.Payment.Cases;

namespace MedInsurance.Payment.Settlement.Tests;

/// <summary>The invariants of issue 5: conservation, order/thread independence, scale invariance, monotonicity.</summary>
public sealed class ClearingPropertyTests
{
    private static SettlementPolicy Policy(PayableForm form, Money? overspendPool = null) => new()
    {
        Id = "prop",
        Version = "1",
        Year = 2025,
        ValueMethod = ValueMethod.Floating,
        PayableForm = form,
        AdvanceRatio = new Ratio(0.9m),
        QualityDepositRate = new Ratio(0.03m),
        Pools =
        [
            new FundPool { Fund = InsuranceFund.Employee, FundPaymentRatio = new Ratio(0.8m), PresetValue = new PointValue(9.5m), Budget = new BudgetRule { Amount = Build.Y(10_000_000.01m) } },
            new FundPool { Fund = InsuranceFund.Resident, FundPaymentRatio = new Ratio(0.7m), PresetValue = new PointValue(8m), Budget = new BudgetRule { Amount = Build.Y(3_333_333.33m) } },
        ],
        RiskSharing = new RiskSharingRule
        {
            Surplus = [new RiskSharingBand(new Ratio(0.1m), new Ratio(1m)), new RiskSharingBand(null, new Ratio(0.6m))],
            Overspend = [new RiskSharingBand(new Ratio(0.1m), new Ratio(0.7m)), new RiskSharingBand(new Ratio(0.25m), new Ratio(0.4m)), new RiskSharingBand(null, new Ratio(0m))],
            OverspendPool = overspendPool,
        },
        AssessmentCoefficients = [new ScoreBand(90m, 1m), new ScoreBand(0m, 0.97m)],
        DepositRelease = [new ScoreBand(90m, 1m), new ScoreBand(0m, 0.5m)],
    };

    /// <summary>A random region from a seed: 1–6 hospitals, 1–150 cases with 2-decimal scores, both funds, all months.</summary>
    private static (SettlementHospital[] Hospitals, SettlementLine[] Cases) Region(int seed)
    {
        var rng = new Random(seed);
        var hospitals = Enumerable.Range(0, rng.Next(1, 7))
            .Select(i => Build.Hospital("H" + i, rng.Next(60, 101)) with { WorkingAdvance = null, PriorYearFundPaid = Money.FromFen(rng.Next(0, 100_000_000)) })
            .ToArray();
        var cases = Enumerable.Range(0, rng.Next(1, 151))
            .Select(i => Build.Dip(
                "C" + i.ToString("000", System.Globalization.CultureInfo.InvariantCulture),
                "H" + rng.Next(0, hospitals.Length),
                rng.Next(1, 13),
                rng.Next(1, 500_000) / 100m,
                rng.Next(0, 500_000) / 100m,
                rng.Next(0, 3_000_000) / 100m,
                rng.Next(0, 3) == 0 ? InsuranceFund.Resident : InsuranceFund.Employee))
            .ToArray();
        return (hospitals, cases);
    }

    /// <summary>A random mixed region: DIP points, bed-day points, money lines from the pool and outside it, approvals.</summary>
    private static (SettlementHospital[] Hospitals, SettlementLine[] Lines) MixedRegion(int seed)
    {
        var (hospitals, cases) = Region(seed);
        var rng = new Random(seed ^ 0x2545F491);
        var lines = cases.Select((c, i) => (i % 7) switch
        {
            1 => Build.PerDiem("P" + i.ToString("000", System.Globalization.CultureInfo.InvariantCulture), c.HospitalId, c.Month, rng.Next(1, 200_000) / 100m, rng.Next(0, 100_000) / 100m, rng.Next(0, 900_000) / 100m),
            2 => Build.Amount("M" + i.ToString("000", System.Globalization.CultureInfo.InvariantCulture), c.HospitalId, c.Month, SettlementMethods.SingleDisease, rng.Next(0, 800_000) / 100m, rng.Next(0, 100_000) / 100m, rng.Next(0, 900_000) / 100m, fromPool: "DIP"),
            3 => Build.Amount("F" + i.ToString("000", System.Globalization.CultureInfo.InvariantCulture), c.HospitalId, c.Month, SettlementMethods.FeeForService, rng.Next(0, 800_000) / 100m, 0m, rng.Next(0, 900_000) / 100m),
            4 => c.WithSpecialReview(SpecialReviewStatus.Approved, Money.FromFen(rng.Next(1, 5_000_000))),
            _ => c,
        }).ToArray();
        return (hospitals, lines);
    }

    [Property(MaxTest = 40)]
    public Property Mixed_lines_clear_the_same_in_any_order_and_thread_count_and_conserve_each_floating_pool() => Prop.ForAll(Seeds, seed =>
    {
        var (hospitals, lines) = MixedRegion(seed);
        var policy = Policy(PayableForm.FundPaymentRatio) with { SpecialReviewCaps = Build.Caps("DIP", 0.5m) };
        var one = Build.Run(policy, hospitals, lines, threads: 1);
        var order = new Random(seed);
        var shuffled = lines.OrderBy(_ => order.Next()).ToArray();
        var many = ClearingEngine.Run(policy, hospitals.Reverse().ToArray(), shuffled, [], 3);
        // Fund-payment-ratio form: each pool pays exactly its budget (special review and money lines first, the rest by points).
        var conserved = one.Pools.Where(p => p.TotalPoints > 0m && p.SpecialReviewPaid + p.MoneyLinesPaid <= p.Budget.Total).All(p => p.Payable == p.Budget.Total);
        return conserved && StatementExport.ToJson(one) == StatementExport.ToJson(many);
    });

    private static Arbitrary<int> Seeds => Gen.Choose(0, int.MaxValue - 1).ToArbitrary();

    [Property(MaxTest = 60)]
    public Property Floating_pool_is_distributed_exactly_to_the_fen() => Prop.ForAll(Seeds, seed =>
    {
        var (hospitals, cases) = Region(seed);
        var result = Build.Run(Policy(PayableForm.FundPaymentRatio), hospitals, cases);
        return result.Pools.Where(p => p.TotalPoints > 0m).All(p => p.Payable == p.Budget.Total);
    });

    [Property(MaxTest = 60)]
    public Property Gross_pool_is_distributed_exactly_when_patients_share_is_deducted() => Prop.ForAll(Seeds, seed =>
    {
        var (hospitals, cases) = Region(seed);
        var result = Build.Run(Policy(PayableForm.PatientShareDeducted), hospitals, cases);
        return result.Pools.Where(p => p.TotalPoints > 0m).All(pool =>
        {
            var tag = "standard." + pool.Key;
            var standards = Money.Sum(result.Statements.SelectMany(s => s.Lines).Where(l => l.Code == tag).Select(l => l.Amount!.Value));
            var ratio = pool.Fund == InsuranceFund.Employee ? 0.8m : 0.7m;
            return standards == pool.Budget.Total.Divide(ratio).Round(RoundingRule.Default);
        });
    });

    [Property(MaxTest = 40)]
    public Property A_capped_overspend_pool_is_distributed_exactly() => Prop.ForAll(Seeds, seed =>
    {
        var (hospitals, cases) = Region(seed);
        var pool = Build.Y(1_234.56m);
        var result = Build.Run(Policy(PayableForm.PatientShareDeducted, pool), hospitals, cases);
        var uncapped = Build.Run(Policy(PayableForm.PatientShareDeducted), hospitals, cases);
        return uncapped.Summary.OverspendShared > pool
            ? result.Summary.OverspendShared == pool
            : result.Summary.OverspendShared == uncapped.Summary.OverspendShared;
    });

    [Property(MaxTest = 40)]
    public Property Statements_do_not_depend_on_case_order_or_thread_count() => Prop.ForAll(Seeds, seed =>
    {
        var (hospitals, cases) = Region(seed);
        var policy = Policy(PayableForm.PatientShareDeducted);
        var order = new Random(seed ^ 0x5bd1e995);
        var shuffled = cases.OrderBy(_ => order.Next()).ToArray();
        var reversedHospitals = hospitals.Reverse().ToArray();
        var one = StatementExport.ToJson(Build.Run(policy, hospitals, cases, threads: 1));
        var many = StatementExport.ToJson(ClearingEngine.Run(policy, reversedHospitals, shuffled, [], 4));
        return one == many;
    });

    [Fact]
    public void Thread_count_does_not_matter_for_a_large_input()
    {
        // 300 000 cases span several aggregation chunks, so threads really run in parallel.
        var rng = new Random(7);
        var hospitals = Enumerable.Range(0, 50).Select(i => Build.Hospital("H" + i, 90m)).ToArray();
        var cases = Enumerable.Range(0, 300_000)
            .Select(i => Build.Dip("C" + i, "H" + rng.Next(0, 50), rng.Next(1, 13), rng.Next(1, 100_000) / 100m, rng.Next(0, 100_000) / 100m, rng.Next(0, 500_000) / 100m))
            .ToArray();
        var policy = Policy(PayableForm.PatientShareDeducted);
        Assert.Equal(StatementExport.ToJson(Build.Run(policy, hospitals, cases, threads: 1)), StatementExport.ToJson(Build.Run(policy, hospitals, cases, threads: 4)));
    }

    [Property(MaxTest = 40)]
    public Property Doubling_every_point_leaves_annual_payments_unchanged_under_a_floating_value() => Prop.ForAll(Seeds, seed =>
    {
        var (hospitals, cases) = Region(seed);
        var policy = Policy(PayableForm.PatientShareDeducted);
        var doubled = cases.Select(c => WithPoints(c, c.Basis.Points * 2m)).ToArray();
        var before = Build.Run(policy, hospitals, cases).Statements;
        var after = Build.Run(policy, hospitals, doubled).Statements;
        return before.Zip(after, (b, a) => b.AnnualPayable == a.AnnualPayable && b.AfterRiskSharing == a.AfterRiskSharing && b.AnnualSettled == a.AnnualSettled).All(x => x);
    });

    /// <summary>
    /// A hospital's payment never decreases when only its own points increase. Exactly monotone up to one fen: the
    /// largest-remainder rule can move a single fen between hospitals (Hamilton's population paradox), and the
    /// risk-sharing bands of the profile have non-increasing shares (see docs/settlement.md).
    /// </summary>
    [Property(MaxTest = 60)]
    public Property A_hospitals_payment_never_decreases_when_only_its_points_increase() => Prop.ForAll(Seeds, Gen.Choose(1, 1_000_000).ToArbitrary(), (seed, extraCents) =>
    {
        var (hospitals, cases) = Region(seed);
        var policy = Policy(PayableForm.PatientShareDeducted);
        var target = cases[0].HospitalId;
        var more = cases.Select((c, i) => i == 0 ? WithPoints(c, c.Basis.Points + (extraCents / 100m)) : c).ToArray();
        var before = Build.Run(policy, hospitals, cases).Statements.Single(s => s.Hospital.Id == target);
        var after = Build.Run(policy, hospitals, more).Statements.Single(s => s.Hospital.Id == target);
        return after.AnnualPayable.Fen >= before.AnnualPayable.Fen - 1 && after.AnnualSettled.Fen >= before.AnnualSettled.Fen - 1;
    });

    private static SettlementLine WithPoints(SettlementLine c, decimal points) =>
        new(c.LineId, c.HospitalId, c.Fund, c.Month, c.Method, SettlementBasis.OfPoints(c.Basis.PointSystem, points), c.TotalCost, c.PatientPaid, c.FundPaid, c.AuditDeduction, c.SpecialReview, c.ApprovedAmount);
}
