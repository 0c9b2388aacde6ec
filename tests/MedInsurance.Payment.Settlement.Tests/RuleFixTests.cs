using System.Collections.Generic;
using System.Linq;
using MedInsurance.Payment.Cases;

namespace MedInsurance.Payment.Settlement.Tests;

/// <summary>
/// The national rules the settlement core follows where it used to disagree with them (payment-rules.md §2, §5):
/// 结余留用 by default, never a silent zero, the three quality-deposit forms. Each written in docs/settlement.md.
/// </summary>
public sealed class RuleFixTests
{
    private static SettlementPolicy Fixed(ValueMethod method = ValueMethod.Fixed) => Build.Plain("DIP", method, 1m, 1m, 1m) with { RiskSharing = new RiskSharingRule() };

    [Fact]
    public void With_no_bands_a_hospital_keeps_its_whole_surplus_and_bears_its_overspend()
    {
        // 结余留用 (payment-rules.md §0, §5): no bands stated → the payable stays paid. Value 1: A 100 000 points, by item
        // 80 000 → surplus 20 000 kept, after 100 000. B 100 000 points, by item 120 000 → overspend 20 000 borne, after 100 000.
        var lines = new[] { Build.Dip("a", "A", 1, 100_000m, 0m, 80_000m), Build.Dip("b", "B", 1, 100_000m, 0m, 120_000m) };
        var result = Build.Run(Fixed(), [Build.Hospital("A"), Build.Hospital("B")], lines);
        var (a, b) = (result.Statements[0], result.Statements[1]);
        Assert.Equal((Build.Y(20_000m), Build.Y(0m), Build.Y(100_000m)), (a.SurplusKept, a.SurplusReclaimed, a.AfterRiskSharing));
        Assert.Equal((Build.Y(0m), Build.Y(20_000m), Build.Y(100_000m)), (b.OverspendShared, b.OverspendBorne, b.AfterRiskSharing));
        Assert.Contains(a.Lines, l => l.Code == "surplus.kept" && l.Formula.Contains("结余全额留用", System.StringComparison.Ordinal));
    }

    [Fact]
    public void Lines_without_an_item_based_fund_amount_are_paid_as_computed_and_say_so_never_a_silent_zero()
    {
        // A three-hospital year whose lines carry no fund_paid: 4 000 000 points each at value 10, so each is paid its payable
        // (40 000 000 each, 120 000 000 in all)
        // with a warning per hospital and a statement line; before, every hospital was paid 0 with exit code 0.
        var lines = new[] { "A", "B", "C" }.Select(h => new SettlementLine(h + "1", h, InsuranceFund.Employee, 1, "DIP", SettlementBasis.OfPoints("DIP", 4_000_000m))).ToArray();
        var policy = Fixed() with { Pools = [Fixed().Pools[0] with { PresetValue = new PointValue(10m) }] };
        var result = Build.Run(policy, [Build.Hospital("A"), Build.Hospital("B"), Build.Hospital("C")], lines);
        Assert.Equal(Build.Y(120_000_000m), result.Summary.AnnualSettled);
        Assert.All(result.Statements, s =>
        {
            Assert.False(s.RiskSharingApplied);
            Assert.Equal(Build.Y(40_000_000m), s.AnnualSettled);
            Assert.Contains(s.Lines, l => l.Code == "risk.not_applicable");
        });
        Assert.Equal(
            ["A", "B", "C"],
            result.LineIssues.Where(i => i.Issue.Code == SettlementIssueCodes.RiskSharingNotApplicable && i.Issue.Field == "fund_paid").Select(i => i.Id).ToArray());

        // With bands stated it is the same: without the item-based amount no band can apply.
        var banded = policy with { RiskSharing = new RiskSharingRule { Surplus = [new RiskSharingBand(null, new Ratio(0m))] } };
        Assert.Equal(Build.Y(120_000_000m), Build.Run(banded, [Build.Hospital("A"), Build.Hospital("B"), Build.Hospital("C")], lines).Summary.AnnualSettled);
    }

    public static IEnumerable<object[]> DepositForms() =>
    [
        // (a) DIP 3.0 draft ch. 7 §2: pay 90%, the unpaid 10% is the deposit: month 10 000 → pre-settlement 10 000, deposit 1 000,
        // paid 9 000; year: deposit 12 000, due 120 000 − 120 000 = 0, released 80% = 9 600, forfeited 2 400, transfer 9 600.
        ["draft-90-10", 0.9m, 0m, DepositForm.UnpaidRemainder, 10_000m, 1_000m, 0m, 9_600m, 2_400m],
        // (b) 2025 handling rules art. 26: pay the full amount less 5%: pre-settlement 10 000, deposit 500, paid 9 500;
        // deposit 6 000, due 0, released 4 800, forfeited 1 200, transfer 4 800.
        ["rules-2025-95-5", 1m, 0.05m, DepositForm.WithheldFromAdvance, 10_000m, 500m, 0m, 4_800m, 1_200m],
        // (c) advance ratio 0.9 without a deposit: pre-settlement 9 000, nothing held; due 120 000 − 108 000 = 12 000, transfer 12 000.
        ["advance-90", 0.9m, 0m, DepositForm.WithheldFromAdvance, 9_000m, 0m, 12_000m, 12_000m, 0m],
        // (b+c) an advance ratio and a deposit on top of it: 0.9 and 0.05 pay 85%: pre-settlement 9 000, deposit 500;
        // due 12 000, released 4 800 → transfer 16 800, forfeited 1 200.
        ["advance-90-deposit-5", 0.9m, 0.05m, DepositForm.WithheldFromAdvance, 9_000m, 500m, 12_000m, 16_800m, 1_200m],
    ];

    [Theory]
    [MemberData(nameof(DepositForms))]
    public void The_three_quality_deposit_forms_are_expressible(string name, decimal advance, decimal rate, DepositForm form, decimal monthPre, decimal monthDeposit, decimal due, decimal transfer, decimal forfeited)
    {
        // One hospital, value 1, 10 000 points a month with no patient share and 10 000 by item: settled 120 000. Score 85 →
        // deposit released 80% (bands ≥90 100%, ≥80 80%, else 0).
        var policy = Build.Plain("DIP", ValueMethod.Fixed, 1m, 1m, 1m) with
        {
            AdvanceRatio = new Ratio(advance),
            QualityDepositRate = new Ratio(rate),
            DepositForm = form,
            DepositRelease = [new ScoreBand(90m, 1m), new ScoreBand(80m, 0.8m), new ScoreBand(0m, 0m)],
        };
        Assert.DoesNotContain(policy.Validate(), i => i.IsError);
        var lines = Enumerable.Range(1, 12).Select(m => Build.Dip(name + m, "A", m, 10_000m, 0m, 10_000m)).ToArray();
        var s = Assert.Single(Build.Run(policy, [Build.Hospital("A", 85m)], lines).Statements);
        Assert.Equal(Build.Y(120_000m), s.AnnualSettled);
        Assert.Equal(Build.Y(monthPre), s.Lines.Single(l => l.Code == "month.05").Amount);
        Assert.Equal(Build.Y(monthDeposit * 12m), s.DepositWithheld);
        Assert.Equal((Build.Y(due), Build.Y(transfer), Build.Y(forfeited)), (s.AmountDue, s.ClearingTransfer, s.DepositForfeited));
        // Over the year the hospital receives Σ(pre-settlement − deposit) + advance + transfer = settled − forfeited.
        Assert.Equal(s.AnnualSettled - s.DepositForfeited, s.MonthlyPreSettlements - s.DepositWithheld + s.WorkingAdvance + s.ClearingTransfer);
    }

    [Fact]
    public void Deposit_forms_are_validated_against_the_2025_cap()
    {
        var draft = Build.Plain("DIP", ValueMethod.Fixed, 1m, 1m, 1m) with { AdvanceRatio = new Ratio(0.9m), DepositForm = DepositForm.UnpaidRemainder };
        // The draft's 10% exceeds the 2025 rules' 5%: a warning, so the draft's own form stays expressible.
        var warning = Assert.Single(draft.Validate(), i => i.Code == PolicyIssueCodes.DepositAbove2025Cap);
        Assert.False(warning.IsError);
        Assert.DoesNotContain(draft.Validate(), i => i.IsError);
        Assert.DoesNotContain((draft with { RuleEdition = 2024 }).Validate(), i => i.Code == PolicyIssueCodes.DepositAbove2025Cap);
        // A separate rate with the remainder form, or a remainder form paying 100%, is an error.
        Assert.Contains((draft with { QualityDepositRate = new Ratio(0.02m) }).Validate(), i => i.IsError && i.Field == "qualityDepositRate");
        Assert.Contains((draft with { AdvanceRatio = new Ratio(1m) }).Validate(), i => i.IsError && i.Field == "advanceRatio");
        // Withheld: a rate above 5% under the 2025 rules, or above the advance ratio, is an error; 1.0 and 0.05 is fine.
        var withheld = draft with { DepositForm = DepositForm.WithheldFromAdvance, AdvanceRatio = new Ratio(1m), QualityDepositRate = new Ratio(0.05m) };
        Assert.DoesNotContain(withheld.Validate(), i => i.IsError);
        Assert.Contains((withheld with { QualityDepositRate = new Ratio(0.06m) }).Validate(), i => i.IsError && i.Code == PolicyIssueCodes.DepositAbove2025Cap);
        Assert.Contains((withheld with { RuleEdition = 2024, AdvanceRatio = new Ratio(0.1m), QualityDepositRate = new Ratio(0.2m) }).Validate(), i => i.IsError && i.Field == "qualityDepositRate");
    }

    [Fact]
    public void Monthly_payments_for_unknown_hospitals_or_months_are_rejected_not_dropped()
    {
        var payments = new[]
        {
            new MonthlyPayment("A", 1, Build.Y(9_000m), Build.Y(500m)),
            new MonthlyPayment("ZZ", 1, Build.Y(1m), Build.Y(0m)),
            new MonthlyPayment("A", 1, Build.Y(2m), Build.Y(0m)),
            new MonthlyPayment("A", 14, Build.Y(3m), Build.Y(0m)),
        };
        var result = ClearingEngine.Run(Build.Plain("DIP", ValueMethod.Fixed, 1m, 1m, 1m), [Build.Hospital("A")], [Build.Dip("a", "A", 1, 10_000m, 0m, 10_000m)], payments, 1);
        Assert.Equal(
            ["A:" + SettlementIssueCodes.MonthlyPaymentDuplicated, "A:" + SettlementIssueCodes.MonthOutOfRange, "ZZ:" + SettlementIssueCodes.MonthlyPaymentHospitalUnknown],
            result.LineIssues.Select(i => i.Id + ":" + i.Issue.Code).ToArray());
        Assert.All(result.LineIssues, i => Assert.True(i.Issue.IsError));
        // The first payment for A in January is used.
        Assert.Equal(Build.Y(9_000m), result.Statements[0].MonthlyPreSettlements);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-2)]
    public void A_thread_count_below_one_other_than_minus_one_is_refused_before_any_work(int threads)
    {
        Assert.Throws<System.ArgumentOutOfRangeException>(() => ClearingEngine.Run(Fixed(), [Build.Hospital("A")], [], [], threads));
    }
}
