using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using MedInsurance.Payment.Cases;
using MedInsurance.Payment.Dip;
using MedInsurance.Payment.Drg.Grouping;
using MedInsurance.Payment.Settlement;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MedInsurance.Payment.Hosting.Tests;

public sealed class ServiceRegistrationTests
{
    private static ServiceProvider DemoProvider() =>
        new ServiceCollection().AddDemoRegion().AddMedInsurancePayment(_ => { }).BuildServiceProvider(validateScopes: true);

    private static InpatientCase Appendectomy(string id, params string[] secondary) => new()
    {
        CaseId = id,
        HospitalId = "DEMO-H1",
        Fund = InsuranceFund.Employee,
        Sex = Sex.Female,
        AgeYears = 30,
        LengthOfStayDays = 5,
        DischargeDate = new DateOnly(2026, 3, 6),
        DischargeType = DischargeType.MedicalAdvice,
        MainDiagnosis = DiagnosisCode.Parse("K35.800x002"),
        SecondaryDiagnoses = secondary.Select(DiagnosisCode.Parse).ToArray(),
        MainProcedure = ProcedureCode.Parse("47.0100"),
        Costs = new CostBreakdown { Total = Money.FromYuan(12_000m), PatientPaid = Money.FromYuan(3_000m), FundPaid = Money.FromYuan(9_000m) },
    };

    [Fact]
    public void Demo_configuration_resolves_the_services_and_runs_a_case_end_to_end()
    {
        using var provider = DemoProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();
        var drg = provider.GetRequiredService<IDrgGroupingService>();
        var dip = provider.GetRequiredService<IDipScoringService>();
        var clearing = provider.GetRequiredService<IClearingService>();
        Assert.Same(drg, provider.GetRequiredService<IDrgGroupingService>());

        var plain = drg.Estimate(Appendectomy("A1"), Coefficient.One);
        Assert.Equal(DrgStatus.Grouped, plain.Grouping.Status);
        Assert.Equal("GD25", plain.Grouping.Drg);
        // demo weight GD25 = 0.9860, base rate 10 000 → 9 860.00
        Assert.Equal(Money.FromYuan(9_860m), plain.PaymentStandard);
        Assert.Equal("GD21", drg.Group(Appendectomy("A2", "J96.000")).Drg);
        Assert.False(string.IsNullOrEmpty(plain.Grouping.Trace.Render(TraceLanguage.Chinese)));

        var scored = dip.Score(Appendectomy("A1"));
        Assert.Equal(DipCaseStatus.Scored, scored.Status);
        Assert.Equal("K35.8:47.0100", scored.Group!.Code);
        // score 1180 × 3A coefficient 1.05 = 1239; × point value 9.5 = 11 770.50
        Assert.Equal(1239m, scored.CaseScore.Value);
        Assert.Equal(Money.FromYuan(11_770.50m), dip.ExpectedPayment(scored));

        var priced = dip.Price(Appendectomy("A1"), scored);
        Assert.True(priced.TryGetLine(out var line));
        Assert.Equal((SettlementMethods.Dip, "DIP", 1239m), (line.Method, line.Basis.PointSystem, line.Basis.Points));
        var drgLine = drg.Price(Appendectomy("A1"), new Coefficient(1.1m));
        // GD25 0.9860 × coefficient 1.1 = 1.0846 DRG points.
        Assert.Equal(1.0846m, drgLine.Line!.Value.Basis.Points);
        var result = clearing.RunYear(new[] { line });
        Assert.Equal(clearing.Hospitals.Count, result.Statements.Count);
        Assert.Equal(1, result.Summary.Lines);
    }

    [Fact]
    public void A_demo_year_clears_and_every_case_is_accounted_for()
    {
        using var provider = DemoProvider();
        var dip = provider.GetRequiredService<IDipScoringService>();
        var clearing = provider.GetRequiredService<IClearingService>();
        var cases = Demo.DemoRegion.Load().GenerateYear(2000);
        var scores = dip.ScoreBatch(cases);
        Assert.Equal(cases.Count, scores.Count);
        var priced = cases.Select((c, i) => dip.Price(c, scores[i])).ToList();
        var unpriced = priced.Count(p => !p.IsPriced);
        // Every case is priced or carries its coded reason; nothing vanishes.
        Assert.All(priced.Where(p => !p.IsPriced), p => Assert.NotEmpty(p.Issues));
        var result = clearing.RunYear(priced.Where(p => p.IsPriced).Select(p => p.Line!.Value).ToArray());
        Assert.Equal(cases.Count - unpriced, result.Summary.Lines + result.Summary.RejectedLines);
        Assert.Equal(result.Summary.AnnualPayable, Money.Sum(result.Statements.Select(s => s.AnnualPayable)));
    }

    [Fact]
    public void Missing_files_fail_at_start_with_the_key_to_fix()
    {
        using var provider = new ServiceCollection()
            .AddMedInsurancePayment(o => o.Drg.RulesFolder = "/no/such/folder")
            .BuildServiceProvider();
        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains("MedInsurancePayment:Drg:RulesFolder: folder not found: /no/such/folder", error.Message, StringComparison.Ordinal);
        Assert.Contains("MedInsurancePayment:Dip:CatalogFile is required.", error.Message, StringComparison.Ordinal);
        Assert.Contains("MedInsurancePayment:Settlement:Policy is required", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Configured_dip_files_give_auxiliary_lists_and_bonus_coefficients_to_the_scorer()
    {
        var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "medpay-dip-host-" + Guid.NewGuid().ToString("N"))).FullName;
        try
        {
            var group = new DipGroup
            {
                Code = "K35.8:47.0100",
                Diagnosis = "K35.8",
                MainProcedure = "47.0100",
                Score = new Score(1000m),
                MeanCost = Money.FromYuan(10_000m),
                AuxiliaryCoefficients = new[] { new DipAuxiliaryCoefficient(DipAuxiliaryType.SeverityMcc, new Coefficient(1.3m)) },
            };
            var catalogFile = Path.Combine(folder, "catalog.json");
            DipCatalogFiles.WriteFile(new DipCatalog("local", "test", new[] { group }, new Dictionary<string, Coefficient> { ["3A"] = new(1.1m) }), catalogFile);
            var listsFile = Path.Combine(folder, "lists.json");
            File.WriteAllText(listsFile, "{\"mcc\": [\"J96.0\"]}");
            var hospitalsFile = Path.Combine(folder, "hospitals.csv");
            File.WriteAllText(hospitalsFile, "hospital_id,name,level,type,coefficient,coefficient_bonus\nDEMO-H1,一院,三级甲等,general,,0.05\n");

            using var provider = new ServiceCollection()
                .AddDipScoring(o =>
                {
                    o.Dip.CatalogFile = catalogFile;
                    o.Dip.HospitalsFile = hospitalsFile;
                    o.Dip.AuxiliaryListsFile = listsFile;
                })
                .BuildServiceProvider();
            provider.GetRequiredService<IStartupValidator>().Validate();
            var dip = provider.GetRequiredService<IDipScoringService>();

            // level 3A 1.1 + bonus 0.05 = 1.15; the MCC subtype (from the lists file) 1.3: 1000 × 1.15 × 1.3 = 1495.
            var scored = dip.Score(Appendectomy("A1", "J96.000") with { Costs = CostBreakdown.FromTotal(Money.FromYuan(10_000m)) });
            Assert.Equal(new Coefficient(1.15m), scored.HospitalCoefficient);
            Assert.Equal(DipAuxiliaryType.SeverityMcc, scored.AuxiliaryType);
            Assert.Equal(1495m, scored.CaseScore.Value);

            File.WriteAllText(hospitalsFile, "hospital_id,name,level,type,coefficient,coefficient_bonus\nDEMO-H1,一院,三级甲等,general,abc,\n");
            using var bad = new ServiceCollection()
                .AddDipScoring(o =>
                {
                    o.Dip.CatalogFile = catalogFile;
                    o.Dip.HospitalsFile = hospitalsFile;
                })
                .BuildServiceProvider();
            // The hospital file is loaded at start: the bad coefficient stops Validate(), not the first case.
            var error = Assert.Throws<OptionsValidationException>(() => bad.GetRequiredService<IStartupValidator>().Validate());
            Assert.Contains("MedInsurancePayment:Dip: the configured files do not load: " + hospitalsFile + " row 1: DIP_HOSPITAL_COEFFICIENT_INVALID(coefficient)", error.Message, StringComparison.Ordinal);
            Assert.Throws<OptionsValidationException>(() => bad.GetRequiredService<IDipScoringService>());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Malformed_files_stop_the_start_with_the_key_and_the_file_and_line()
    {
        var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "medpay-bad-files-" + Guid.NewGuid().ToString("N"))).FullName;
        try
        {
            var catalogFile = Path.Combine(folder, "catalog.json");
            File.WriteAllText(catalogFile, "{\n  \"edition\": \"2026\",\n  \"groups\": [ { \"code\": \"K35.8\", \n");
            var hospitalsFile = Path.Combine(folder, "hospitals.csv");
            File.WriteAllText(hospitalsFile, "hospital_id,name,level,type\nH1,一院,三级甲等,general\n");
            var policyFile = Path.Combine(folder, "policy.json");
            File.WriteAllText(policyFile, "{ \"id\": 12, ");
            var rules = Directory.CreateDirectory(Path.Combine(folder, "rules")).FullName;

            using var provider = new ServiceCollection()
                .AddMedInsurancePayment(o =>
                {
                    o.Drg.RulesFolder = rules;
                    o.Dip.CatalogFile = catalogFile;
                    o.Dip.HospitalsFile = hospitalsFile;
                    o.Settlement.Policy = policyFile;
                    o.Settlement.HospitalsFile = hospitalsFile;
                })
                .BuildServiceProvider();
            var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
            // Every file existed, so the old existence check passed them all; loading finds each problem at start.
            Assert.Contains("MedInsurancePayment:Dip: the configured files do not load: " + catalogFile + ": ", error.Message, StringComparison.Ordinal);
            Assert.Contains("LineNumber: 3", error.Message, StringComparison.Ordinal);
            Assert.Contains("MedInsurancePayment:Settlement: the configured files do not load: " + policyFile + ": line 1, field $.id", error.Message, StringComparison.Ordinal);
            Assert.Contains("MedInsurancePayment:Drg: the configured files do not load: CHS-DRG rule file missing: " + Path.Combine(rules, "1_MDC.txt"), error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Only_the_registered_parts_are_validated()
    {
        using var provider = new ServiceCollection()
            .AddDemoRegion()
            .AddDipScoring(o => o.Dip.Profile = "no-such-profile")
            .BuildServiceProvider();
        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains("no-such-profile", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Drg", error.Message, StringComparison.Ordinal);
        Assert.Null(provider.GetService<IDrgGroupingService>());
    }

    [Fact]
    public void The_host_package_ships_no_demo_data_and_points_to_AddDemoRegion()
    {
        Assert.DoesNotContain(typeof(IDrgGroupingService).Assembly.GetReferencedAssemblies(), a => a.Name == "MedInsurance.Payment.Demo");
        using var provider = new ServiceCollection().AddMedInsurancePayment(o => o.Region = "demo").BuildServiceProvider();
        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains("MedInsurancePayment:Region 'demo' needs services.AddDemoRegion() from the package MedInsurance.Payment.Demo", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_region_is_refused()
    {
        using var provider = new ServiceCollection().AddDrgGrouping(o => o.Region = "atlantis").BuildServiceProvider();
        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains("Region 'atlantis' is unknown", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_bind_from_configuration()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MedInsurancePayment:Region"] = "demo",
            ["MedInsurancePayment:Drg:AmbiguousGroupCheck"] = "false",
            ["MedInsurancePayment:Dip:Profile"] = "jining",
            ["MedInsurancePayment:Dip:PointValue"] = "10",
        }).Build();
        using var provider = new ServiceCollection()
            .AddMedInsurancePayment(configuration.GetSection(MedInsurancePaymentOptions.SectionName))
            .AddDemoRegion()
            .BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();
        var options = provider.GetRequiredService<IOptions<MedInsurancePaymentOptions>>().Value;
        Assert.True(options.UsesDemoRegion);
        Assert.False(options.Drg.AmbiguousGroupCheck);
        Assert.Equal("jining", options.Dip.Profile);
        var dip = provider.GetRequiredService<IDipScoringService>();
        var scored = dip.Score(Appendectomy("A1"));
        Assert.Equal(Money.FromYuan(12_390m), dip.ExpectedPayment(scored));
    }

    [Fact]
    public void Registration_is_idempotent()
    {
        var services = new ServiceCollection();
        services.AddDemoRegion().AddMedInsurancePayment(_ => { });
        var count = services.Count;
        services.AddDrgGrouping().AddDipScoring().AddClearing();
        Assert.Equal(1, services.Count(d => d.ServiceType == typeof(IDrgGroupingService)));
        Assert.Equal(3, services.Count(d => d.ServiceType == typeof(IValidateOptions<MedInsurancePaymentOptions>)));
        Assert.True(services.Count >= count);
    }
}
