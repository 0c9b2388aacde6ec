using System;
using System.Linq;
using MedInsurance.Payment.Cases;
using MedInsurance.Payment.Dip;
using MedInsurance.Payment.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MedInsurance.Payment.Hosting.Tests;

/// <summary>The Testing package gives integrators valid cases, hospitals, policies and the demo region in memory.</summary>
public sealed class TestingPackageTests
{
    [Fact]
    public void The_default_test_case_is_valid_and_as_documented()
    {
        var built = TestCase.Inpatient("A1").Build();
        Assert.DoesNotContain(InpatientCaseValidator.Validate(built), i => i.Severity == MedInsurance.Payment.Validation.IssueSeverity.Error);
        Assert.Equal(("A1", "DEMO-H1", InsuranceFund.Employee, Sex.Female, 30), (built.CaseId, built.HospitalId, built.Fund, built.Sex, built.AgeYears));
        Assert.Equal((new CalendarDate(2026, 3, 1), new CalendarDate(2026, 3, 6), 5), (built.AdmissionDate!.Value, built.DischargeDate!.Value, built.LengthOfStayDays));
        Assert.Equal((Money.FromYuan(10_000m), Money.FromYuan(8_000m), Money.FromYuan(2_000m)), (built.Costs.Total, built.Costs.FundPaid, built.Costs.PatientPaid));
    }

    [Fact]
    public void The_builder_sets_only_what_a_test_names()
    {
        var built = TestCase.Inpatient("B7")
            .Hospital("DEMO-H3").Fund(InsuranceFund.Resident).Patient(Sex.Male, 67, "P9")
            .Stay(2026, 12, 30, 3).Discharge(DischargeType.Death)
            .Diagnoses("K35.800x002", "J96.000", "I10.x00")
            .Procedures()
            .Cost(1_234.56m)
            .IcuDays(2)
            .Build();
        Assert.Equal(("DEMO-H3", InsuranceFund.Resident, Sex.Male, 67, "P9"), (built.HospitalId, built.Fund, built.Sex, built.AgeYears, built.PatientId));
        Assert.Equal(new CalendarDate(2027, 1, 2), built.DischargeDate!.Value); // 30 Dec + 3 days crosses the year
        Assert.Equal(DischargeType.Death, built.DischargeType);
        Assert.Equal(new[] { "J96.000", "I10.x00" }, built.SecondaryDiagnoses.Select(d => d.Value).ToArray());
        Assert.True(built.MainProcedure.IsEmpty);
        // 80 % of 1 234.56 = 987.648 → 987.65 (四舍五入), the patient 246.91
        Assert.Equal((Money.FromYuan(987.65m), Money.FromYuan(246.91m)), (built.Costs.FundPaid, built.Costs.PatientPaid));
        Assert.Equal(2, built.IcuDays);
        Assert.Throws<ArgumentOutOfRangeException>(() => TestCase.Inpatient("X").Cost(100m, 100.01m));
        Assert.Throws<ArgumentException>(() => TestCase.Inpatient(" "));
    }

    [Fact]
    public void The_in_memory_region_groups_scores_prices_and_clears_like_the_host_services()
    {
        var region = TestRegion.Demo;
        var plain = TestCase.Inpatient("A1").Cost(12_000m, 9_000m).Build();
        // The same figures as the host services on the demo region (ServiceRegistrationTests).
        Assert.Equal("GD25", region.Group(plain).Drg);
        Assert.Equal("GD21", region.Group(TestCase.Inpatient("A2").Diagnoses("K35.800x002", "J96.000").Build()).Drg);
        var scored = region.Score(plain);
        Assert.Equal(DipCaseStatus.Scored, scored.Status);
        Assert.Equal(1239m, scored.CaseScore.Value); // 1180 × 三级甲等 1.05
        var drgLine = region.PriceDrg(plain, new Coefficient(1.1m)).Line!.Value;
        Assert.Equal(1.0846m, drgLine.Basis.Points); // GD25 0.9860 × 1.1

        var dipLine = region.PriceDip(plain).Line!.Value;
        var result = region.Clear(new[] { dipLine });
        Assert.Equal(1, result.Summary.Lines);
        Assert.Equal(region.Region.SettlementHospitals.Count, result.Statements.Count);
        Assert.Same(region, TestRegion.Demo);
    }

    [Fact]
    public void A_test_policy_is_a_validated_point_method_policy()
    {
        var policy = TestPolicy.PointMethod(2027, 2_500_000m, "DRG", presetPointValue: 12m, fundPaymentRatio: 0.75m);
        Assert.Equal(2027, policy.Year);
        var pool = Assert.Single(policy.Pools);
        Assert.Equal(0.75m, pool.FundPaymentRatio.Value);
        Assert.Equal(Money.FromYuan(2_500_000m), pool.Budget.Amount);
        Assert.Throws<ArgumentException>(() => TestPolicy.PointMethod(2027, 1m, "FFS"));

        var hospitals = new[] { TestHospital.Create("T1"), TestHospital.Create("T2", "二级", assessmentScore: 85m) };
        Assert.Equal(("T2", 85m), (hospitals[1].Hospital.Id, hospitals[1].AssessmentScore));
        var lines = new[]
        {
            TestRegion.Demo.PriceDrg(TestCase.Inpatient("D1").Hospital("T1").Build(), Coefficient.One).Line!.Value,
            TestRegion.Demo.PriceDrg(TestCase.Inpatient("D2").Hospital("T2").Build(), Coefficient.One).Line!.Value,
        };
        var result = TestRegion.Demo.Clear(lines, TestPolicy.PointMethod(2026, 20_000m, "DRG"), hospitals);
        Assert.Equal(2, result.Summary.Lines);
        Assert.Equal(result.Summary.AnnualPayable, Money.Sum(result.Statements.Select(s => s.AnnualPayable)));
    }

    [Fact]
    public void AddTestRegion_registers_the_three_parts_on_the_demo_files()
    {
        var services = new ServiceCollection();
        services.AddMedInsurancePayment().AddTestRegion().AddDip(o => o.PointValue = 10m);
        using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();
        var estimate = provider.GetRequiredService<IDrgGroupingService>().Estimate(TestCase.Inpatient("A1").Build(), Coefficient.One);
        Assert.Equal(("GD25", (Money?)Money.FromYuan(9_860m)), (estimate.Grouping.Drg, estimate.PaymentStandard));
        var dip = provider.GetRequiredService<IDipScoringService>();
        Assert.Equal(Money.FromYuan(12_390m), dip.ExpectedPayment(dip.Score(TestCase.Inpatient("A1").Build())));
        Assert.NotNull(provider.GetRequiredService<IClearingService>());
    }
}
