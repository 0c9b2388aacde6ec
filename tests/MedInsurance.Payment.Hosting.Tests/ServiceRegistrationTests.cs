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
        Build(s => s.AddMedInsurancePayment().AddDemoRegion().AddDrg().AddDip().AddSettlement());

    /// <summary>What <c>ValidateOnStart</c> stops the host with: one part failing throws its OptionsValidationException;
    /// several parts failing throw an AggregateException of them (Microsoft.Extensions.Options behaviour).</summary>
    private static string StartFailure(ServiceProvider provider)
    {
        var error = Assert.ThrowsAny<Exception>(() => provider.GetRequiredService<IStartupValidator>().Validate());
        if (error is AggregateException all)
        {
            Assert.All(all.InnerExceptions, e => Assert.IsType<OptionsValidationException>(e));
            return string.Join("\n", all.InnerExceptions.Select(e => e.Message));
        }

        return Assert.IsType<OptionsValidationException>(error).Message;
    }

    private static ServiceProvider Build(Action<IServiceCollection> register)
    {
        var services = new ServiceCollection();
        register(services);
        return services.BuildServiceProvider(validateScopes: true);
    }

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
        using var provider = Build(s => s.AddMedInsurancePayment()
            .AddDrg(o => o.RulesFolder = "/no/such/folder")
            .AddDip()
            .AddSettlement(o => o.MaxDegreeOfParallelism = -1));
        var error = StartFailure(provider);
        // Each part's source-generated validator runs first and names the key of its section and the property.
        Assert.Contains("MedInsurancePayment:Drg: ", error, StringComparison.Ordinal);
        Assert.Contains("MedInsurancePayment:Drg: RulesFolder: folder (or compiled pack) not found: /no/such/folder", error, StringComparison.Ordinal);
        Assert.Contains("MedInsurancePayment:Dip: ", error, StringComparison.Ordinal);
        Assert.Contains("CatalogFile is required", error, StringComparison.Ordinal);
        Assert.Contains("HospitalsFile is required", error, StringComparison.Ordinal);
        Assert.Contains("MedInsurancePayment:Settlement: ", error, StringComparison.Ordinal);
        Assert.Contains("Policy is required", error, StringComparison.Ordinal);
        Assert.Contains("MedInsurancePayment:Settlement: MaxDegreeOfParallelism: The field SettlementOptions.MaxDegreeOfParallelism must be between 0 and 4096.", error, StringComparison.Ordinal);
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

            using var provider = Build(s => s.AddMedInsurancePayment().AddDip(o =>
            {
                o.CatalogFile = catalogFile;
                o.HospitalsFile = hospitalsFile;
                o.AuxiliaryListsFile = listsFile;
            }));
            provider.GetRequiredService<IStartupValidator>().Validate();
            var dip = provider.GetRequiredService<IDipScoringService>();

            // level 3A 1.1 + bonus 0.05 = 1.15; the MCC subtype (from the lists file) 1.3: 1000 × 1.15 × 1.3 = 1495.
            var scored = dip.Score(Appendectomy("A1", "J96.000") with { Costs = CostBreakdown.FromTotal(Money.FromYuan(10_000m)) });
            Assert.Equal(new Coefficient(1.15m), scored.HospitalCoefficient);
            Assert.Equal(DipAuxiliaryType.SeverityMcc, scored.AuxiliaryType);
            Assert.Equal(1495m, scored.CaseScore.Value);

            File.WriteAllText(hospitalsFile, "hospital_id,name,level,type,coefficient,coefficient_bonus\nDEMO-H1,一院,三级甲等,general,abc,\n");
            using var bad = Build(s => s.AddMedInsurancePayment().AddDip(o =>
            {
                o.CatalogFile = catalogFile;
                o.HospitalsFile = hospitalsFile;
            }));
            // The hospital file is loaded at start: the bad coefficient stops Validate(), not the first case.
            var error = StartFailure(bad);
            Assert.Contains("MedInsurancePayment:Dip: the configured files do not load: " + hospitalsFile + " row 1: DIP_HOSPITAL_COEFFICIENT_INVALID(coefficient)", error, StringComparison.Ordinal);
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

            using var provider = Build(s => s.AddMedInsurancePayment()
                .AddDrg(o => o.RulesFolder = rules)
                .AddDip(o =>
                {
                    o.CatalogFile = catalogFile;
                    o.HospitalsFile = hospitalsFile;
                })
                .AddSettlement(o =>
                {
                    o.Policy = policyFile;
                    o.HospitalsFile = hospitalsFile;
                }));
            var error = StartFailure(provider);
            // Every file existed, so the old existence check passed them all; loading finds each problem at start.
            Assert.Contains("MedInsurancePayment:Dip: the configured files do not load: " + catalogFile + ": ", error, StringComparison.Ordinal);
            Assert.Contains("LineNumber: 3", error, StringComparison.Ordinal);
            Assert.Contains("MedInsurancePayment:Settlement: the configured files do not load: " + policyFile + ": line 1, field $.id", error, StringComparison.Ordinal);
            Assert.Contains("MedInsurancePayment:Drg: the configured files do not load: CHS-DRG rule file missing: " + Path.Combine(rules, "1_MDC.txt"), error, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Only_the_registered_parts_are_validated()
    {
        using var provider = Build(s => s.AddMedInsurancePayment().AddDemoRegion().AddDip(o => o.Profile = "no-such-profile"));
        var error = StartFailure(provider);
        Assert.Contains("no-such-profile", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Drg", error, StringComparison.Ordinal);
        Assert.Null(provider.GetService<IDrgGroupingService>());
        Assert.Null(provider.GetService<IClearingService>());
    }

    [Fact]
    public void The_host_package_names_no_payment_method_and_ships_no_demo_data()
    {
        // The builder's package knows no method: each method package references it, never the other way round.
        var host = typeof(IMedInsurancePaymentBuilder).Assembly.GetReferencedAssemblies().Select(a => a.Name).ToArray();
        Assert.DoesNotContain(host, n => n!.StartsWith("MedInsurance.Payment", StringComparison.Ordinal));
        Assert.Contains(typeof(IDrgGroupingService).Assembly.GetReferencedAssemblies(), a => a.Name == typeof(IMedInsurancePaymentBuilder).Assembly.GetName().Name);
        foreach (var method in new[] { typeof(IDrgGroupingService), typeof(IDipScoringService), typeof(IClearingService) })
        {
            Assert.DoesNotContain(method.Assembly.GetReferencedAssemblies(), a => a.Name == "MedInsurance.Payment.Demo");
        }

        // Without AddDemoRegion and without files, a part says which keys to set.
        using var provider = Build(s => s.AddMedInsurancePayment().AddSettlement());
        var error = StartFailure(provider);
        Assert.Contains("MedInsurancePayment:Settlement: ", error, StringComparison.Ordinal);
        Assert.Contains("HospitalsFile is required", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_bind_from_configuration_and_code_overrides_it()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Payment:Drg:AmbiguousGroupCheck"] = "false",
            ["Payment:Dip:Profile"] = "jining",
            ["Payment:Dip:PointValue"] = "9",
        }).Build();
        using var provider = Build(s => s.AddMedInsurancePayment(configuration.GetSection("Payment"))
            .AddDemoRegion()
            .AddDrg()
            .AddDip(o => o.PointValue = 10m));
        provider.GetRequiredService<IStartupValidator>().Validate();
        Assert.False(provider.GetRequiredService<IOptions<DrgOptions>>().Value.AmbiguousGroupCheck);
        var dipOptions = provider.GetRequiredService<IOptions<DipOptions>>().Value;
        Assert.Equal("jining", dipOptions.Profile);
        Assert.Equal(10m, dipOptions.PointValue);
        var dip = provider.GetRequiredService<IDipScoringService>();
        var scored = dip.Score(Appendectomy("A1"));
        // 1239 points × 10 (code wins over the configured 9) = 12 390.00
        Assert.Equal(Money.FromYuan(12_390m), dip.ExpectedPayment(scored));
    }

    [Fact]
    public void A_configuration_error_names_the_sections_path()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Region:Payment:Dip:Profile"] = "atlantis",
        }).Build();
        using var provider = Build(s => s.AddMedInsurancePayment(configuration.GetSection("Region:Payment")).AddDemoRegion().AddDip());
        var error = StartFailure(provider);
        Assert.Contains("Region:Payment:Dip: ", error, StringComparison.Ordinal);
        Assert.Contains("Profile 'atlantis' is neither a built-in profile", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Registration_is_idempotent_and_both_configurations_apply()
    {
        var services = new ServiceCollection();
        services.AddMedInsurancePayment().AddDemoRegion().AddDrg().AddDip(o => o.Profile = "jining").AddSettlement();
        var count = services.Count;
        services.AddMedInsurancePayment().AddDrg().AddDip(o => o.PointValue = 11m).AddSettlement();
        Assert.Equal(1, services.Count(d => d.ServiceType == typeof(IDrgGroupingService)));
        Assert.Equal(1, services.Count(d => d.ServiceType == typeof(IValidateOptions<DrgOptions>)));
        Assert.Equal(1, services.Count(d => d.ServiceType == typeof(IValidateOptions<DipOptions>)));
        Assert.Equal(count + 1, services.Count); // only the second Configure<DipOptions> is new
        using var provider = services.BuildServiceProvider();
        var dip = provider.GetRequiredService<IOptions<DipOptions>>().Value;
        Assert.Equal(("jining", (decimal?)11m), (dip.Profile, dip.PointValue));
    }
}
