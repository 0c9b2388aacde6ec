using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using MedInsurance.Payment.Cases;
using MedInsurance.Payment.Dip;
using MedInsurance.Payment.Drg.Grouping;
using MedInsurance.Payment.Hospitals;
using MedInsurance.Payment.Reporting;
using MedInsurance.Payment.Settlement;

namespace MedInsurance.Payment.Hosting.Tests;

/// <summary>
/// C# 7.3 (.NET Framework hosts) cannot set <c>init</c> or <c>required</c> members: every public input type needs a
/// constructor or a builder that reaches each of them (tests/MedInsurance.Payment.NetFramework.Compile compiles the calls).
/// </summary>
public sealed class CSharp73ConstructionTests
{
    // Types a host never constructs (the library returns them) or loads from a JSON document (SettlementPolicyLoader,
    // DipPolicyProfiles.FromJson, MethodMixPolicyLoader …); a C# 7.3 host reads their properties, which it can.
    private static readonly HashSet<string> ReturnedOrLoadedFromJson = new(StringComparer.Ordinal)
    {
        // results
        "MedInsurance.Payment.Settlement.ClearingResult", "MedInsurance.Payment.Settlement.HospitalStatement",
        "MedInsurance.Payment.Settlement.PoolSummary", "MedInsurance.Payment.Settlement.RegionSummary",
        "MedInsurance.Payment.Dip.DipBuildReport",
        // policy documents: SettlementPolicyLoader.LoadFile / Parse, DipPolicyProfiles.ReadFile / FromJson
        "MedInsurance.Payment.Settlement.SettlementPolicy", "MedInsurance.Payment.Settlement.FundPool",
        "MedInsurance.Payment.Settlement.BudgetRule", "MedInsurance.Payment.Settlement.RiskSharingRule",
        "MedInsurance.Payment.Dip.DipPolicyProfile",
    };

    private static readonly string[] LibraryAssemblies =
    {
        "MedInsurance.Payment.Core", "MedInsurance.Payment.Interchange", "MedInsurance.Payment.Drg", "MedInsurance.Payment.Dip",
        "MedInsurance.Payment.Settlement", "MedInsurance.Payment.PerDiem", "MedInsurance.Payment.Methods",
        "MedInsurance.Payment.Capitation", "MedInsurance.Payment.Accounts", "MedInsurance.Payment.Reporting", "MedInsurance.Payment.Extensions.DependencyInjection",
        "MedInsurance.Payment.Demo", "MedInsurance.Payment.Monitoring", "MedInsurance.Payment.QualityControl", "MedInsurance.Payment.Outpatient",
        "MedInsurance.Payment.Testing",
    };

    [Fact]
    public void Every_library_of_the_repository_is_checked()
    {
        var libraries = System.IO.Directory.GetFiles(System.IO.Path.Combine(MedInsurance.Payment.TestSupport.SharedData.RepoRoot, "src"), "*.csproj", System.IO.SearchOption.AllDirectories)
            .Where(f => System.IO.File.ReadAllText(f).Contains("<IsLibraryProject>true</IsLibraryProject>", StringComparison.Ordinal))
            .Select(f => System.IO.Path.GetFileNameWithoutExtension(f))
            .ToArray();
        Assert.True(libraries.Length >= 16, "found " + libraries.Length + " libraries");
        Assert.Empty(libraries.Except(LibraryAssemblies, StringComparer.Ordinal));
    }

    [Fact]
    public void Every_public_type_with_init_members_has_a_constructor_or_builder_that_sets_them_all()
    {
        var problems = new List<string>();
        foreach (var assembly in LibraryAssemblies.Select(Assembly.Load))
        {
            foreach (var type in assembly.GetExportedTypes())
            {
                var initOnly = type.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                    .Where(IsInitOnly).Select(p => p.Name).ToArray();
                if (initOnly.Length == 0 || ReturnedOrLoadedFromJson.Contains(type.FullName!))
                {
                    continue;
                }

                var missing = Reachable(type, initOnly);
                if (missing.Count > 0)
                {
                    problems.Add(type.FullName + ": no C# 7.3 constructor or builder sets " + string.Join(", ", missing));
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void The_check_sees_a_type_that_only_init_members_can_fill()
    {
        Assert.Equal(new[] { "Name" }, Reachable(typeof(OnlyInit), new[] { "Name" }));
        Assert.Empty(Reachable(typeof(Hospital), new[] { "Id", "Name", "Level", "Type" }));
    }

    [Fact]
    public void The_case_builder_builds_the_same_case_as_init_members_and_round_trips()
    {
        var modern = new InpatientCase
        {
            CaseId = "C1",
            HospitalId = "H1",
            Fund = InsuranceFund.Resident,
            Sex = Sex.Male,
            AgeYears = 0,
            AgeDays = 20,
            BirthWeightGrams = 2400,
            AdmissionWeightGrams = 2500,
            AdmissionDate = new DateOnly(2026, 1, 2),
            DischargeDate = new DateOnly(2026, 1, 9),
            LengthOfStayDays = 7,
            DischargeType = DischargeType.TransferToHospital,
            MainDiagnosis = DiagnosisCode.Parse("P07.100"),
            SecondaryDiagnoses = new[] { DiagnosisCode.Parse("J96.000"), DiagnosisCode.Parse("P22.000") },
            MainProcedure = ProcedureCode.Parse("96.7100"),
            OtherProcedures = new[] { ProcedureCode.Parse("93.9000") },
            IcuDays = 3,
            Costs = new CostBreakdown { Total = Money.FromYuan(100m), Drugs = Money.FromYuan(1m), Consumables = Money.FromYuan(2m), Treatment = Money.FromYuan(3m), Surgery = Money.FromYuan(4m), Examination = Money.FromYuan(5m), Other = Money.FromYuan(6m), FundPaid = Money.FromYuan(70m), PatientPaid = Money.FromYuan(30m) },
            PaymentMethod = PaymentMethod.Drg,
        };
        var built = new InpatientCaseBuilder
        {
            CaseId = "C1",
            HospitalId = "H1",
            Fund = InsuranceFund.Resident,
            Sex = Sex.Male,
            AgeYears = 0,
            AgeDays = 20,
            BirthWeightGrams = 2400,
            AdmissionWeightGrams = 2500,
            AdmissionDate = new DateOnly(2026, 1, 2),
            DischargeDate = new DateOnly(2026, 1, 9),
            LengthOfStayDays = 7,
            DischargeType = DischargeType.TransferToHospital,
            MainDiagnosis = DiagnosisCode.Parse("P07.100"),
            SecondaryDiagnoses = { DiagnosisCode.Parse("J96.000"), DiagnosisCode.Parse("P22.000") },
            MainProcedure = ProcedureCode.Parse("96.7100"),
            OtherProcedures = { ProcedureCode.Parse("93.9000") },
            IcuDays = 3,
            Costs = new CostBreakdown(
                total: Money.FromYuan(100m), drugs: Money.FromYuan(1m), consumables: Money.FromYuan(2m), treatment: Money.FromYuan(3m),
                surgery: Money.FromYuan(4m), examination: Money.FromYuan(5m), other: Money.FromYuan(6m), fundPaid: Money.FromYuan(70m),
                patientPaid: Money.FromYuan(30m)),
            PaymentMethod = PaymentMethod.Drg,
        }.Build();

        Assert.Equal(modern, built);
        Assert.Equal(modern.Costs, built.Costs);
        Assert.Equal(modern, modern.ToBuilder().Build());
        var changed = modern.ToBuilder();
        changed.IcuDays = 4;
        changed.SecondaryDiagnoses.RemoveAt(0);
        Assert.Equal(modern with { IcuDays = 4, SecondaryDiagnoses = new[] { DiagnosisCode.Parse("P22.000") } }, changed.Build());
        Assert.Equal(2, modern.SecondaryDiagnoses.Count);
        Assert.Throws<InvalidOperationException>(() => new InpatientCaseBuilder().Build());
    }

    [Fact]
    public void Constructors_set_the_same_members_as_init()
    {
        var level = HospitalLevel.Parse("3A");
        Assert.Equal(new Hospital { Id = "H1", Name = "一院", Level = level, Type = HospitalType.Specialist }, new Hospital("H1", "一院", level, HospitalType.Specialist));

        var hospital = new Hospital("H1");
        var bases = new[] { new ElasticBase("DIP", null, new Score(10m), null) };
        var settlementHospital = new SettlementHospital(hospital, assessmentScore: 91m, annualDeduction: Money.FromYuan(1m), workingAdvance: Money.FromYuan(2m), priorYearFundPaid: Money.FromYuan(3m), elasticBases: bases);
        var expected = new SettlementHospital { Hospital = hospital, AssessmentScore = 91m, AnnualDeduction = Money.FromYuan(1m), WorkingAdvance = Money.FromYuan(2m), PriorYearFundPaid = Money.FromYuan(3m), ElasticBases = bases };
        Assert.Equal((expected.Hospital, expected.AssessmentScore, expected.AnnualDeduction, expected.WorkingAdvance, expected.PriorYearFundPaid), (settlementHospital.Hospital, settlementHospital.AssessmentScore, settlementHospital.AnnualDeduction, settlementHospital.WorkingAdvance, settlementHospital.PriorYearFundPaid));
        Assert.Equal(bases, settlementHospital.ElasticBases);

        var policy = new DrgPolicy("region", "2026", ambiguousGroupCheck: false);
        Assert.Equal(("region", "2026", false), (policy.Name, policy.Version, policy.AmbiguousGroupCheck));

        var group = new DipGroup(
            "K35.8:47.0100", "K35.8", "47.0100", new Score(1180m), Money.FromYuan(11_800m), name: "阑尾炎", kind: DipGroupKind.Core,
            caseCount: 40, coefficientOfVariation: 0.3m, relatedProcedures: new[] { "54.5100" }, procedureClass: DipProcedureClass.Conservative,
            levelCoefficients: new Dictionary<string, Coefficient> { ["3A"] = new(1.1m) },
            levelMeanCosts: new Dictionary<string, Money> { ["3A"] = Money.FromYuan(12_000m) },
            auxiliaryCoefficients: new[] { new DipAuxiliaryCoefficient(DipAuxiliaryType.SeverityMcc, new Coefficient(1.3m)) });
        Assert.Equal(("K35.8:47.0100", "K35.8", "47.0100", 1180m, Money.FromYuan(11_800m), "阑尾炎", DipGroupKind.Core, 40, 0.3m), (group.Code, group.Diagnosis, group.MainProcedure, group.Score.Value, group.MeanCost, group.Name, group.Kind, group.CaseCount, group.CoefficientOfVariation));
        Assert.Equal(new[] { "54.5100" }, group.RelatedProcedures);
        Assert.Equal(new Coefficient(1.1m), group.LevelCoefficients["3A"]);
        Assert.Equal(Money.FromYuan(12_000m), group.LevelMeanCosts["3A"]);
        Assert.Single(group.AuxiliaryCoefficients);

        var options = new ClearingReportOptions("示例市", generatedAt: "2026-12-31");
        Assert.Equal(new ClearingReportOptions { Region = "示例市", GeneratedAt = "2026-12-31" }.Region, options.Region);
        Assert.Equal("2026-12-31", options.GeneratedAt);
        Assert.Empty(options.CaseMix);
    }

    private static bool IsInitOnly(PropertyInfo property) =>
        property.SetMethod is { IsPublic: true } setter
        && setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit));

    /// <summary>The init members that no C# 7.3-callable constructor parameter nor builder property reaches.</summary>
    private static List<string> Reachable(Type type, IReadOnlyList<string> initOnly)
    {
        var hasRequired = type.GetCustomAttribute<RequiredMemberAttribute>() is not null;
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var constructor in type.GetConstructors())
        {
            var parameters = constructor.GetParameters();
            var callable = constructor.GetCustomAttribute<ObsoleteAttribute>() is null
                && (!hasRequired || constructor.GetCustomAttribute<SetsRequiredMembersAttribute>() is not null)
                && !(parameters.Length == 1 && parameters[0].ParameterType == type);
            if (callable)
            {
                names.UnionWith(parameters.Select(p => p.Name!));
            }
        }

        var builder = type.Assembly.GetType(type.FullName + "Builder");
        if (builder is { IsPublic: true })
        {
            names.UnionWith(builder.GetProperties().Where(p => p.SetMethod is { IsPublic: true } || p.PropertyType.IsGenericType).Select(p => p.Name));
        }

        return initOnly.Where(n => !names.Contains(n)).ToList();
    }

    private sealed class OnlyInit
    {
        public string Name { get; init; } = string.Empty;
    }
}
