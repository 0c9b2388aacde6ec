using System;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MedInsurance.Payment.Demo;

namespace MedInsurance.Payment.Accounts.Tests;

/// <summary>Invariants: a ledger never goes negative and reconciles to the fen; pooling splits every claim exactly.</summary>
public sealed class LedgerPropertyTests
{
    private static readonly AccountPolicy Policy = DemoAccounts.Policy;

    private static readonly AccountRelation[] Relations = [AccountRelation.Self, AccountRelation.Spouse, AccountRelation.Parent, AccountRelation.Child, AccountRelation.Other];

    private static readonly AccountUse[] Uses =
    [
        AccountUse.DesignatedProviderOwnPay, AccountUse.DesignatedPharmacyPurchase, AccountUse.ResidentInsuranceContribution,
        AccountUse.SupplementaryInsuranceContribution, AccountUse.PublicHealth, AccountUse.Fitness, AccountUse.Wellness, AccountUse.OutsideBasicInsurance,
    ];

    /// <summary>Random months of credits (active or retired, bases with fen) and spends of every relation and use.</summary>
    [Property(MaxTest = 300)]
    public Property A_ledger_never_goes_negative_and_reconciles_to_the_fen(int seed)
    {
        var rng = new Random(seed);
        var state = AccountBalance.Open("P");
        long creditedFen = 0, fromAccountFen = 0;
        var date = new CalendarDate(2022, 1, 1);
        for (var step = 0; step < 60; step++)
        {
            date = date.AddDays(rng.Next(0, 20));
            if (rng.Next(0, 3) == 0)
            {
                var status = rng.Next(0, 2) == 0 ? AccountHolderStatus.Active : AccountHolderStatus.Retired;
                var credit = AccountCreditFormulas.Monthly(Policy, "P", status, Money.FromFen(rng.Next(0, 5_000_000)), date.Year, date.Month);
                state = AccountPosting.Credit(state, credit, date);
                creditedFen += credit.IsRejected ? 0 : credit.Amount.Fen;
            }
            else
            {
                var amount = Money.FromFen(rng.Next(-100, 60_000));
                var result = AccountPosting.Spend(Policy, state, new AccountSpend("s" + step, "P", date.AddDays(-rng.Next(0, 2)), Relations[rng.Next(Relations.Length)], Uses[rng.Next(Uses.Length)], amount));
                if (result.IsRejected)
                {
                    Assert.Equal(state, result.After);
                    Assert.Equal(Money.Zero, result.FromAccount);
                }
                else
                {
                    Assert.Equal(amount, result.FromAccount + result.ByPerson);
                    Assert.False(result.FromAccount.IsNegative || result.ByPerson.IsNegative);
                }

                fromAccountFen += result.FromAccount.Fen;
                state = result.After;
            }

            Assert.False(state.Balance.IsNegative);
            Assert.Equal(state.Credited - state.Debited, state.Balance);
        }

        return (state.Credited.Fen == creditedFen && state.Debited.Fen == fromAccountFen).ToProperty();
    }

    /// <summary>Fund + person = eligible for every claim; the outpatient and annual totals never pass their ceilings.</summary>
    [Property(MaxTest = 300)]
    public Property Pooling_splits_every_claim_exactly_and_respects_both_ceilings(int seed)
    {
        var rng = new Random(seed);
        var rule = Policy.OutpatientPooling!;
        var year = PoolingYear.Start("P", 2023);
        for (var i = 0; i < 40; i++)
        {
            if (rng.Next(0, 6) == 0)
            {
                year = OutpatientPooling.RecordInpatient(year, 2023, Money.FromFen(rng.Next(0, 5_000_000)));
                continue;
            }

            var eligible = Money.FromFen(rng.Next(0, 300_000));
            var result = OutpatientPooling.Pay(Policy, year, 2023, rng.Next(0, 2) == 0 ? AccountHolderStatus.Active : AccountHolderStatus.Retired, eligible);
            Assert.Equal(eligible, result.FundPaid + result.PersonPaid);
            Assert.False(result.FundPaid.IsNegative);
            Assert.True(result.After.OutpatientPaid <= rule.OutpatientCeiling);
            Assert.True(result.After.AnnualPaid - year.AnnualPaid == result.FundPaid);
            Assert.True(result.After.DeductibleUsed <= rule.Deductible);
            Assert.True(result.FundPaid.IsZero || result.After.AnnualPaid <= rule.AnnualCeiling);
            year = result.After;
        }

        return (year.OutpatientPaid <= rule.OutpatientCeiling).ToProperty();
    }

    /// <summary>Two spends in one day take the same total from the account in either order.</summary>
    [Property(MaxTest = 200)]
    public Property The_account_total_of_one_day_does_not_depend_on_the_order(PositiveInt first, PositiveInt second, PositiveInt credited)
    {
        var date = new CalendarDate(2023, 5, 2);
        var start = new AccountBalance("P", Money.FromFen(credited.Get % 100_000), Money.Zero, new CalendarDate(2023, 5, 1));
        Money Total(int a, int b)
        {
            var x = AccountPosting.Spend(Policy, start, new AccountSpend("a", "P", date, AccountRelation.Self, AccountUse.DesignatedPharmacyPurchase, Money.FromFen(a)));
            var y = AccountPosting.Spend(Policy, x.After, new AccountSpend("b", "P", date, AccountRelation.Child, AccountUse.DesignatedProviderOwnPay, Money.FromFen(b)));
            return x.FromAccount + y.FromAccount;
        }

        var a = first.Get % 100_000;
        var b = second.Get % 100_000;
        return (Total(a, b) == Total(b, a)).ToProperty();
    }
}
