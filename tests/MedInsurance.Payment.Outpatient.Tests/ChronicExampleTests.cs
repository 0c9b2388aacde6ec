using System.Linq;
using MedInsurance.Payment.Cases;
using MedInsurance.Payment.Settlement;
using static MedInsurance.Payment.Outpatient.Tests.Build;

namespace MedInsurance.Payment.Outpatient.Tests;

/// <summary>
/// The hand-computed chronic-disease examples of docs/outpatient.md on the demo policy: a diabetes year that hits the
/// disease ceiling, a person under the old-list transition (老人老办法) against one certified after the cut-over, and a
/// claim outside the list.
/// </summary>
public sealed class ChronicExampleTests
{
    private const InsuranceFund E = InsuranceFund.Employee;

    [Fact]
    public void Diabetes_year_pays_deductible_ratio_and_stops_at_the_4000_ceiling()
    {
        // MT02 糖尿病, employee: ratio 0.8, deductible 200.00, ceiling 4 000.00 (drugs, tests, consumables covered).
        var claims = Claims(
        [
            Item("K1", "P10", "DEMO-H3", E, 20260110, "XA10BAA001", OutpatientItemKind.Drug, 1200.00m, "E11.900"),
            Item("K1", "P10", "DEMO-H3", E, 20260110, "110200001", OutpatientItemKind.Procedure, 100.00m, "E11.900"),
            Item("K2", "P10", "DEMO-H3", E, 20260410, "XA10BAA001", OutpatientItemKind.Drug, 2500.00m, "E11.900"),
            Item("K3", "P10", "DEMO-H3", E, 20260810, "XA10BAA001", OutpatientItemKind.Drug, 2000.00m, "E11.900"),
            Item("K4", "P10", "DEMO-H3", E, 20261110, "XA10BAA001", OutpatientItemKind.Drug, 300.00m, "E11.900"),
        ]);
        var results = new ChronicCalculator(Policy(), []).Calculate(claims);
        Assert.Equal(["K1", "K2", "K3", "K4"], results.Select(r => r.Claim.ClaimId));

        // K1: covered 1 200.00 (procedure 100.00 not covered); D = 200.00; R = 1 000.00 × 0.8 = 800.00; F = 800.00; person 500.00.
        var k1 = results[0];
        Assert.Equal((Y(1200m), Y(100m), Y(200m), Y(200m), Y(0m), Y(800m), Y(500m)), (k1.Covered, k1.Uncovered, k1.Deductible, k1.Coinsurance, k1.BeyondCeiling, k1.FundPays, k1.PersonPays));
        Assert.Equal([OutpatientIssueCodes.ChronicItemsNotCovered, OutpatientIssueCodes.ChronicDeductible], k1.Reasons);

        // K2: D = 0; R = 2 500.00 × 0.8 = 2 000.00; ceiling left 3 200.00 → F = 2 000.00; person 500.00.
        Assert.Equal((Y(0m), Y(2000m), Y(500m)), (results[1].Deductible, results[1].FundPays, results[1].PersonPays));

        // K3: R = 1 600.00; ceiling left 1 200.00 → F = 1 200.00, beyond 400.00; person 800.00.
        Assert.Equal((Y(1200m), Y(400m), Y(800m)), (results[2].FundPays, results[2].BeyondCeiling, results[2].PersonPays));
        Assert.Contains(OutpatientIssueCodes.ChronicBeyondCeiling, results[2].Reasons);

        // K4: R = 240.00; ceiling left 0 → F = 0, beyond 240.00; person 300.00.
        Assert.Equal((Y(0m), Y(240m), Y(300m)), (results[3].FundPays, results[3].BeyondCeiling, results[3].PersonPays));

        // The year: 800 + 2 000 + 1 200 + 0 = 4 000.00, the ceiling.
        Assert.Equal(Y(4000m), Money.Sum(results.Select(r => r.FundPays)));
        Assert.All(results, r => Assert.Equal(SettlementMethods.ChronicOutpatient, r.Line!.Value.Method));
    }

    [Fact]
    public void Person_certified_under_the_old_list_keeps_the_old_terms_until_the_transition_ends()
    {
        // Claim: diagnosis I10.x00, drug 500.00 + test 100.00.
        // P20 certified for L-GXY (old list) on 2023-06-01, before the cut-over 2025-01-01: old terms until 2028-01-01 —
        //   drugs only, ratio 0.85 → covered 500.00, fund 425.00, person 175.00 (test 100.00 + 75.00).
        // P21 certified for L-GXY on 2025-03-01 (after the cut-over): current MT01 — drugs and tests, ratio 0.8 →
        //   covered 600.00, fund 480.00, person 120.00.
        // P20 on 2028-01-05 (transition over): MT01 → fund 480.00.
        var certifications = new[] { new ChronicCertification("P20", "L-GXY", 20230601), new ChronicCertification("P21", "L-GXY", 20250301) };
        var claims = Claims(
        [
            Item("T1", "P20", "DEMO-H1", E, 20260501, "XC08CAA001", OutpatientItemKind.Drug, 500.00m, "I10.x00"),
            Item("T1", "P20", "DEMO-H1", E, 20260501, "250301001", OutpatientItemKind.Test, 100.00m, "I10.x00"),
            Item("T2", "P21", "DEMO-H1", E, 20260501, "XC08CAA001", OutpatientItemKind.Drug, 500.00m, "I10.x00"),
            Item("T2", "P21", "DEMO-H1", E, 20260501, "250301001", OutpatientItemKind.Test, 100.00m, "I10.x00"),
            Item("T3", "P20", "DEMO-H1", E, 20280105, "XC08CAA001", OutpatientItemKind.Drug, 500.00m, "I10.x00"),
            Item("T3", "P20", "DEMO-H1", E, 20280105, "250301001", OutpatientItemKind.Test, 100.00m, "I10.x00"),
        ]);
        var policy = Policy();
        Assert.Equal(20280101, policy.TransitionEnd);
        var byClaim = new ChronicCalculator(policy, certifications).Calculate(claims).ToDictionary(r => r.Claim.ClaimId);

        Assert.Equal(("L-GXY", true, Y(500m), Y(425m), Y(175m)), (byClaim["T1"].Disease!.Code, byClaim["T1"].Disease!.IsLegacy, byClaim["T1"].Covered, byClaim["T1"].FundPays, byClaim["T1"].PersonPays));
        Assert.Contains(OutpatientIssueCodes.ChronicLegacyTerms, byClaim["T1"].Reasons);
        Assert.Equal(("MT01", Y(600m), Y(480m), Y(120m)), (byClaim["T2"].Disease!.Code, byClaim["T2"].Covered, byClaim["T2"].FundPays, byClaim["T2"].PersonPays));
        Assert.Equal(("MT01", Y(480m)), (byClaim["T3"].Disease!.Code, byClaim["T3"].FundPays));
    }

    [Fact]
    public void Claim_outside_the_list_is_paid_by_the_person_with_the_reason_and_writes_no_line()
    {
        var result = Assert.Single(new ChronicCalculator(Policy(), []).Calculate(Claims([Item("N1", "P30", "DEMO-H1", E, 20260301, "XJ01CRA001", OutpatientItemKind.Drug, 88.00m, "J06.900")])));
        Assert.Null(result.Disease);
        Assert.Equal((Y(0m), Y(88m)), (result.FundPays, result.PersonPays));
        Assert.Equal([OutpatientIssueCodes.ChronicNotListed], result.Reasons);
        Assert.Null(result.Line);
    }

    [Fact]
    public void Person_ceiling_caps_the_sum_over_diseases()
    {
        // Resident, person ceiling 6 000.00: MT03 (cancer, 0.9, ceiling 200 000) claim 6 000.00 → 5 400.00;
        // then MT01 hypertension (resident 0.6, ceiling 2 000) drug 1 500.00 → R = 900.00, person ceiling left 600.00 → F = 600.00.
        var claims = Claims(
        [
            Item("Q1", "P40", "DEMO-H1", InsuranceFund.Resident, 20260201, "XL01XXA001", OutpatientItemKind.Drug, 6000.00m, "C34.900"),
            Item("Q2", "P40", "DEMO-H1", InsuranceFund.Resident, 20260301, "XC08CAA001", OutpatientItemKind.Drug, 1500.00m, "I10.x00"),
        ]);
        var results = new ChronicCalculator(Policy(), []).Calculate(claims);
        Assert.Equal((Y(5400m), Y(600m), Y(300m)), (results[0].FundPays, results[1].FundPays, results[1].BeyondCeiling));
    }
}
