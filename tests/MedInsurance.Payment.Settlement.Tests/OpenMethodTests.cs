using System.Collections.Generic;
using MedInsurance.Payment.Cases;

namespace MedInsurance.Payment.Settlement.Tests;

/// <summary>
/// Methods are open: a payment method written here, in the test assembly, prices its own results into settlement lines
/// and the unchanged settlement core clears them with the region's DIP points.
/// </summary>
public sealed class OpenMethodTests
{
    /// <summary>A made-up method: hospice stays paid by a points-per-day rate inside the DIP point system, plus a monthly
    /// money package for home visits outside the budget.</summary>
    private static class HospiceTestMethod
    {
        public const string Code = "TEST_HOSPICE";

        public sealed record Stay(string Id, string Hospital, int Month, int Days, decimal PointsPerDay, decimal Patient, decimal ByItem);

        public static SettlementLine Price(Stay stay) =>
            new(stay.Id, stay.Hospital, InsuranceFund.Employee, stay.Month, Code, SettlementBasis.OfPoints("DIP", stay.Days * stay.PointsPerDay), Build.Y(stay.Patient + stay.ByItem), Build.Y(stay.Patient), Build.Y(stay.ByItem));

        public static SettlementLine HomeVisits(string hospital, int month, decimal amount) =>
            new(hospital + "-visits-" + month, hospital, InsuranceFund.Employee, month, Code + "_VISITS", SettlementBasis.OfMoney(Build.Y(amount)), Build.Y(amount), fundPaid: Build.Y(amount));
    }

    [Fact]
    public void A_method_defined_in_a_test_assembly_settles_without_any_change_to_settlement()
    {
        // Fixed value 10. A: a DIP case of 500 points (patient 1 000, by item 4 000) and a hospice stay of 30 days × 12 points
        // = 360 points (patient 600, by item 3 000), plus 2 000 of home visits outside the pool.
        // Payable: (500 + 360) × 10 = 8 600 − 1 600 patients = 7 000, + 2 000 = 9 000; by item 4 000 + 3 000 + 2 000 = 9 000.
        var policy = Build.Plain("DIP", ValueMethod.Fixed, 1m, 1m, 10m);
        var lines = new List<SettlementLine>
        {
            Build.Dip("case", "A", 2, 500m, 1_000m, 4_000m),
            HospiceTestMethod.Price(new HospiceTestMethod.Stay("stay", "A", 2, 30, 12m, 600m, 3_000m)),
            HospiceTestMethod.HomeVisits("A", 2, 2_000m),
        };
        var result = Build.Run(policy, [Build.Hospital("A")], lines);
        Assert.Empty(result.LineIssues);
        var a = Assert.Single(result.Statements);
        Assert.Equal(3, a.LineCount);
        Assert.Equal(860m, result.Pools[0].TotalPoints);
        Assert.Equal(Build.Y(9_000m), a.AnnualPayable);
        Assert.Equal(Build.Y(9_000m), a.FeeForService);
        Assert.Equal(Build.Y(2_000m), result.Summary.OutsidePools);
        Assert.Equal(Build.Y(0m), a.SurplusKept + a.OverspendShared);
    }
}
