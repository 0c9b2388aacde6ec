using System;
using System.IO;
using MedInsurance.Payment.Demo;
using MedInsurance.Payment.TestSupport;

namespace MedInsurance.Payment.Accounts.Tests;

/// <summary><c>medpay accounts credit</c> then <c>spend</c> as processes: the chain, the numbers of the worked example, exit codes.</summary>
public sealed class CliTests
{
    [Fact]
    public void Credits_chain_into_spends_and_the_balances_reconcile()
    {
        var folder = Directory.CreateTempSubdirectory("medpay-accounts-").FullName;
        try
        {
            File.WriteAllText(P(folder, "policy.json"), DemoAccounts.PolicyJson);
            // A (active, base 6 000): Sep 2022 210.00, Oct 120.00 → 330.00. R (retired): Dec 2022 90.00, Jan 2023 60.00.
            // Bad rows: a month before the demo's first period, a duplicate, an unreadable base, an unknown status.
            File.WriteAllText(P(folder, "months.csv"), "account_id,month,status,contribution_base\n"
                + "A,2022-09,active,6000\nA,2022-10,active,6000\nR,2022-12,retired,\nR,2023-01,退休,\n"
                + "A,2020-12,active,6000\nA,2022-10,active,6000\nB,2022-10,active,\"1,5\"\nC,2022-10,student,100\n");
            var credit = MedpayProcess.Run("accounts", "credit", "--policy", P(folder, "policy.json"), "--months", P(folder, "months.csv"), "-o", P(folder, "credits.csv"));
            Assert.True(credit.Exit == 1, credit.Err);
            Assert.Contains("accounts credit: 8 rows, 4 credited, 4 rejected; credited 480.00 yuan", credit.Err, StringComparison.Ordinal);
            var credits = File.ReadAllText(P(folder, "credits.csv"));
            Assert.Contains("2,A,2022-10,active,6000.00,120.00,accepted,", credits, StringComparison.Ordinal);
            Assert.Contains("5,A,2020-12,active,6000.00,,rejected,,ACCOUNT_CREDIT_BEFORE_EFFECTIVE(month)", credits, StringComparison.Ordinal);
            Assert.Contains("6,A,2022-10,active,6000.00,,rejected,,ACCOUNT_CREDIT_DUPLICATED(month)", credits, StringComparison.Ordinal);
            Assert.Contains("7,B,2022-10,active,,,rejected,,ACCOUNT_FIELD_INVALID(contribution_base)", credits, StringComparison.Ordinal);

            // A spends 100 on 2022-09-15 (balance 210 → 110), 150 on 2022-10-02 (110 + 120 = 230 → 80); the spouse's
            // contribution of 100 on 2022-10-03 pays 80, person 20. R: fitness rejected; a pharmacy 70.00 on 2023-01-05
            // (90 + 60 = 150 → 80). A neighbour's spend is rejected.
            File.WriteAllText(P(folder, "spends.csv"), "spend_id,account_id,date,relation,use,amount\n"
                + "s1,A,2022-09-15,self,designatedPharmacyPurchase,100\n"
                + "s2,A,2022-10-02,本人,designatedProviderOwnPay,150\n"
                + "s3,A,2022-10-03,spouse,residentInsuranceContribution,100\n"
                + "s4,R,2022-12-20,self,fitness,30\n"
                + "s5,R,2023-01-05,self,designatedPharmacyPurchase,70\n"
                + "s6,A,2022-10-04,other,designatedPharmacyPurchase,10\n");
            var spend = MedpayProcess.Run("accounts", "spend", "--policy", P(folder, "policy.json"), "--credits", P(folder, "credits.csv"), "--spends", P(folder, "spends.csv"), "-o", P(folder, "out"));
            Assert.True(spend.Exit == 1, spend.Err);
            Assert.Contains("spends 6 rows, 4 paid, 2 rejected; from accounts 400.00, by persons 20.00 yuan", spend.Err, StringComparison.Ordinal);
            Assert.Contains("reconciliation: credited 480.00 = credits file 480.00; debited 400.00 = paid from accounts 400.00; balances 80.00 = 480.00 − 400.00: balanced", spend.Err, StringComparison.Ordinal);
            var results = File.ReadAllText(P(folder, "out", "spend-results.csv"));
            Assert.Contains("2,s2,A,2022-10-02,150.00,150.00,0.00,80.00,paid,", results, StringComparison.Ordinal);
            Assert.Contains("3,s3,A,2022-10-03,100.00,80.00,20.00,0.00,paid,ACCOUNT_BALANCE_INSUFFICIENT(amount)", results, StringComparison.Ordinal);
            Assert.Contains("4,s4,R,2022-12-20,30.00,0.00,,90.00,rejected,ACCOUNT_USE_NOT_ALLOWED(use)", results, StringComparison.Ordinal);
            Assert.Contains("6,s6,A,2022-10-04,10.00,0.00,,0.00,rejected,ACCOUNT_RELATION_NOT_ALLOWED(relation)", results, StringComparison.Ordinal);
            Assert.Equal("account_id,credited,debited,balance\nA,330.00,330.00,0.00\nR,150.00,70.00,80.00\n", File.ReadAllText(P(folder, "out", "balances.csv")).TrimStart('\uFEFF').Replace("\r\n", "\n", StringComparison.Ordinal));

            // Unusable input: exit 2, nothing written.
            File.WriteAllText(P(folder, "broken.json"), DemoAccounts.PolicyJson.Replace("\"2022-10-01\"", "\"2022-10-15\"", StringComparison.Ordinal));
            var broken = MedpayProcess.Run("accounts", "credit", "--policy", P(folder, "broken.json"), "--months", P(folder, "months.csv"), "-o", P(folder, "never.csv"));
            Assert.Equal(2, broken.Exit);
            Assert.Contains("creditPeriods[1]", broken.Err, StringComparison.Ordinal);
            Assert.False(File.Exists(P(folder, "never.csv")));
            File.WriteAllText(P(folder, "noheader.csv"), "account,month\nA,2022-10\n");
            Assert.Equal(2, MedpayProcess.Run("accounts", "credit", "--policy", P(folder, "policy.json"), "--months", P(folder, "noheader.csv"), "-o", P(folder, "never.csv")).Exit);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string P(params string[] parts) => Path.Combine(parts);
}
