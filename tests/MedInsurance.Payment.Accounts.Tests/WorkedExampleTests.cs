using System;
using MedInsurance.Payment.Demo;

namespace MedInsurance.Payment.Accounts.Tests;

/// <summary>
/// The worked examples of docs/accounts.md, on the demo profile (average pension 3 000.00 of 2021; before 2022-10-01:
/// active 2% own + 1.5% employer, retirees 4.5%; from 2022-10-01: active 2%, retirees 3%; from 2023-01-01: retirees 2%).
/// Every expected value is computed by hand in the comments.
/// </summary>
public sealed class WorkedExampleTests
{
    private static readonly AccountPolicy Policy = DemoAccounts.Policy;

    private static Money Y(decimal yuan) => Money.FromYuan(yuan);

    [Theory]
    [InlineData(2022, 9, "210.00", "135.00")]  // 6 000 × (0.02 + 0.015) = 210; 3 000 × 0.045 = 135
    [InlineData(2022, 10, "120.00", "90.00")]  // 6 000 × 0.02 = 120; 3 000 × 0.03 = 90
    [InlineData(2022, 12, "120.00", "90.00")]
    [InlineData(2023, 1, "120.00", "60.00")]   // 3 000 × 0.02 = 60
    [InlineData(2024, 6, "120.00", "60.00")]
    public void Credits_change_on_2022_10_01_and_2023_01_01(int year, int month, string active, string retired)
    {
        var a = AccountCreditFormulas.Monthly(Policy, "A", AccountHolderStatus.Active, Y(6_000m), year, month);
        var r = AccountCreditFormulas.Monthly(Policy, "R", AccountHolderStatus.Retired, null, year, month);
        Assert.Equal(active, a.Amount.ToString());
        Assert.Equal(retired, r.Amount.ToString());
        Assert.Empty(a.Issues);
        Assert.Empty(r.Issues);
    }

    [Fact]
    public void Six_months_across_both_changes_credit_810_and_525()
    {
        // Active: 210 (Sep) + 120 × 5 (Oct–Feb) = 810.00. Retiree: 135 (Sep) + 90 × 3 (Oct–Dec) + 60 × 2 (Jan–Feb) = 525.00.
        var months = new[] { (2022, 9), (2022, 10), (2022, 11), (2022, 12), (2023, 1), (2023, 2) };
        var active = AccountBalance.Open("A");
        var retired = AccountBalance.Open("R");
        foreach (var (year, month) in months)
        {
            active = AccountPosting.Credit(active, AccountCreditFormulas.Monthly(Policy, "A", AccountHolderStatus.Active, Y(6_000m), year, month), Date(year, month, 1));
            retired = AccountPosting.Credit(retired, AccountCreditFormulas.Monthly(Policy, "R", AccountHolderStatus.Retired, null, year, month), Date(year, month, 1));
        }

        Assert.Equal(Y(810m), active.Balance);
        Assert.Equal(Y(525m), retired.Balance);
    }

    [Fact]
    public void The_formula_names_the_numbers_and_the_rule()
    {
        var credit = AccountCreditFormulas.Monthly(Policy, "A", AccountHolderStatus.Active, Y(6_000m), 2022, 9);
        Assert.Equal("缴费基数 6000.00 × (个人 0.02 + 单位划入 0.015) = 210.00（示例地区改革前办法（演示值））", credit.Formula);
        var retiree = AccountCreditFormulas.Monthly(Policy, "R", AccountHolderStatus.Retired, null, 2023, 1);
        Assert.StartsWith("2021年基本养老金平均水平 3000.00 × 0.02 = 60.00（", retiree.Formula, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("5432.10", "108.64")] // × 0.02 = 108.642 → 108.64
    [InlineData("5432.25", "108.65")] // × 0.02 = 108.645 → 108.65 (四舍五入)
    public void A_credit_is_rounded_once_to_the_fen(string basis, string expected)
    {
        var credit = AccountCreditFormulas.Monthly(Policy, "A", AccountHolderStatus.Active, Y(decimal.Parse(basis, System.Globalization.CultureInfo.InvariantCulture)), 2023, 3);
        Assert.Equal(expected, credit.Amount.ToString());
    }

    [Fact]
    public void A_credit_before_the_first_period_or_without_a_base_is_rejected_with_its_field()
    {
        var early = AccountCreditFormulas.Monthly(Policy, "A", AccountHolderStatus.Active, Y(6_000m), 2020, 12);
        Assert.True(early.IsRejected);
        Assert.Equal((AccountIssueCodes.CreditBeforeEffective, "month"), (early.Issues[0].Code, early.Issues[0].Field));
        Assert.Equal(Money.Zero, early.Amount);

        var noBase = AccountCreditFormulas.Monthly(Policy, "A", AccountHolderStatus.Active, null, 2023, 1);
        Assert.Equal((AccountIssueCodes.ContributionBaseInvalid, "contribution_base"), (noBase.Issues[0].Code, noBase.Issues[0].Field));
        var negative = AccountCreditFormulas.Monthly(Policy, "A", AccountHolderStatus.Active, Y(-1m), 2023, 1);
        Assert.True(negative.IsRejected);
        Assert.True(AccountCreditFormulas.Monthly(Policy, "A", AccountHolderStatus.Active, Y(6_000m), 2023, 13).IsRejected);
        Assert.True(AccountCreditFormulas.Monthly(Policy, " ", AccountHolderStatus.Active, Y(6_000m), 2023, 1).IsRejected);

        // A rejected credit changes nothing.
        var state = AccountPosting.Credit(AccountBalance.Open("A"), early, Date(2020, 12, 1));
        Assert.Equal(AccountBalance.Open("A"), state);
    }

    [Fact]
    public void Spending_follows_who_may_spend_on_what_and_never_overdraws()
    {
        // Credited 300.00 on 2023-01-01.
        var state = new AccountBalance("A", Y(300m), Money.Zero, Date(2023, 1, 1));

        // Own pharmacy purchase of 120.00: paid, balance 180.00.
        var pharmacy = AccountPosting.Spend(Policy, state, new AccountSpend("s1", "A", Date(2023, 1, 5), AccountRelation.Self, AccountUse.DesignatedPharmacyPurchase, Y(120m)));
        Assert.Equal((Y(120m), Money.Zero, Y(180m)), (pharmacy.FromAccount, pharmacy.ByPerson, pharmacy.After.Balance));
        Assert.Empty(pharmacy.Issues);

        // The spouse's resident-insurance contribution of 380.00: the account pays its 180.00, the person 200.00.
        var contribution = AccountPosting.Spend(Policy, pharmacy.After, new AccountSpend("s2", "A", Date(2023, 1, 9), AccountRelation.Spouse, AccountUse.ResidentInsuranceContribution, Y(380m)));
        Assert.Equal((Y(180m), Y(200m), Money.Zero), (contribution.FromAccount, contribution.ByPerson, contribution.After.Balance));
        Assert.Equal(AccountIssueCodes.BalanceInsufficient, Assert.Single(contribution.Issues).Code);
        Assert.False(contribution.IsRejected);
        Assert.Equal(Y(300m), contribution.After.Debited);

        // Fitness, a neighbour, the insured's own resident contribution (not allowed in the demo), an earlier date, 0.00.
        Rejected(AccountRelation.Self, AccountUse.Fitness, Y(50m), Date(2023, 1, 10), AccountIssueCodes.UseNotAllowed, "use");
        Rejected(AccountRelation.Other, AccountUse.DesignatedPharmacyPurchase, Y(50m), Date(2023, 1, 10), AccountIssueCodes.RelationNotAllowed, "relation");
        Rejected(AccountRelation.Self, AccountUse.ResidentInsuranceContribution, Y(50m), Date(2023, 1, 10), AccountIssueCodes.UseNotAllowed, "use");
        Rejected(AccountRelation.Self, AccountUse.DesignatedPharmacyPurchase, Y(50m), Date(2023, 1, 8), AccountIssueCodes.PostingOutOfOrder, "date");
        Rejected(AccountRelation.Self, AccountUse.DesignatedPharmacyPurchase, Money.Zero, Date(2023, 1, 10), AccountIssueCodes.AmountInvalid, "amount");

        void Rejected(AccountRelation relation, AccountUse use, Money amount, CalendarDate date, string code, string field)
        {
            var result = AccountPosting.Spend(Policy, contribution.After, new AccountSpend("x", "A", date, relation, use, amount));
            Assert.True(result.IsRejected);
            Assert.Equal((code, field), (result.Issues[0].Code, result.Issues[0].Field));
            Assert.Equal(contribution.After, result.After);
            Assert.Equal(Money.Zero, result.FromAccount);
        }
    }

    [Fact]
    public void Outpatient_pooling_meets_the_deductible_then_the_ratio_then_the_outpatient_ceiling()
    {
        // Active: deductible 200, ratio 0.5, outpatient ceiling 3 000, annual ceiling 300 000.
        var year = PoolingYear.Start("A", 2023);
        // 150.00: all towards the deductible → fund 0, person 150.
        var c1 = OutpatientPooling.Pay(Policy, year, 2023, AccountHolderStatus.Active, Y(150m));
        Assert.Equal((Money.Zero, Y(150m)), (c1.FundPaid, c1.PersonPaid));
        // 1 050.00: 50 towards the deductible; (1 050 − 50) × 0.5 = 500.00.
        var c2 = OutpatientPooling.Pay(Policy, c1.After, 2023, AccountHolderStatus.Active, Y(1_050m));
        Assert.Equal((Y(500m), Y(550m)), (c2.FundPaid, c2.PersonPaid));
        Assert.Equal("min(门诊限额余 3000.00, 年度限额余 300000.00, (1050.00 − 起付余 50.00) × 0.5 = 500.00) = 500.00", c2.Formula);
        // 6 000.00: × 0.5 = 3 000.00, but 3 000 − 500 = 2 500.00 is left of the outpatient ceiling.
        var c3 = OutpatientPooling.Pay(Policy, c2.After, 2023, AccountHolderStatus.Active, Y(6_000m));
        Assert.Equal((Y(2_500m), Y(3_500m)), (c3.FundPaid, c3.PersonPaid));
        Assert.Equal(AccountIssueCodes.PoolingCeilingReached, Assert.Single(c3.Issues).Code);
        // 100.00 more: nothing left.
        var c4 = OutpatientPooling.Pay(Policy, c3.After, 2023, AccountHolderStatus.Active, Y(100m));
        Assert.Equal((Money.Zero, Y(100m)), (c4.FundPaid, c4.PersonPaid));
        Assert.Equal(Y(3_000m), c4.After.OutpatientPaid);
        // A claim of 2024 starts a new year: 300 − 200 deductible = 100 × 0.5 = 50.00.
        var next = OutpatientPooling.Pay(Policy, c4.After, 2024, AccountHolderStatus.Active, Y(300m));
        Assert.Equal(Y(50m), next.FundPaid);
        Assert.Equal(2024, next.After.Year);
        // A claim of 2023 after that is out of order.
        var late = OutpatientPooling.Pay(Policy, next.After, 2023, AccountHolderStatus.Active, Y(300m));
        Assert.Equal(AccountIssueCodes.PostingOutOfOrder, late.Issues[0].Code);
        Assert.Equal(next.After, late.After);
    }

    [Fact]
    public void Inpatient_payments_count_inside_the_annual_ceiling()
    {
        // A retiree whose stays were paid 299 000.00 by the fund: an outpatient claim of 4 200.00 → 200 deductible,
        // 4 000 × 0.6 = 2 400.00, but only 300 000 − 299 000 = 1 000.00 is left of the annual ceiling.
        var year = OutpatientPooling.RecordInpatient(PoolingYear.Start("R", 2023), 2023, Y(299_000m));
        var claim = OutpatientPooling.Pay(Policy, year, 2023, AccountHolderStatus.Retired, Y(4_200m));
        Assert.Equal((Y(1_000m), Y(3_200m)), (claim.FundPaid, claim.PersonPaid));
        Assert.Equal(Y(300_000m), claim.After.AnnualPaid);
        Assert.Equal(Y(1_000m), claim.After.OutpatientPaid);
    }

    internal static CalendarDate Date(int year, int month, int day) => new(year, month, day);
}
