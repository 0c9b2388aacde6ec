// C# 7.3 on .NET Framework 4.6.2: what a hospital information system (HIS) vendor writes to embed MedInsurance.Payment.
// docs/hosting.md (".NET Framework 4.6.2+ hosts") shows this file's code; keep the two in step.
using System;
using System.Collections.Generic;
using System.IO;
using MedInsurance.Payment;
using MedInsurance.Payment.Cases;
using MedInsurance.Payment.Dip;
using MedInsurance.Payment.Drg.Grouping;
using MedInsurance.Payment.Drg.Loading;
using MedInsurance.Payment.Drg.Pricing;
using MedInsurance.Payment.Hospitals;
using MedInsurance.Payment.Monitoring;
using MedInsurance.Payment.Hosting;
using MedInsurance.Payment.Settlement;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HisVendor.Integration
{
    /// <summary>An HIS vendor's integration: one discharged case from the HIS to a settlement line and a clearing.</summary>
    public static class HisIntegration
    {
        /// <summary>医保结算清单 — builds the settlement-list case of one discharge (C# 7.3: a builder, not init members).</summary>
        /// <returns>The case.</returns>
        public static InpatientCase BuildCase()
        {
            var builder = new InpatientCaseBuilder
            {
                CaseId = "ZY2026000123",
                HospitalId = "H4401001",
                PatientId = "P-7f3a",
                AdmissionRoute = AdmissionRoute.Referral,
                OutOfCatalogCost = Money.FromYuan(120.50m),
                Fund = InsuranceFund.Employee,
                Sex = Sex.Female,
                AgeYears = 30,
                AdmissionDate = new DateTime(2026, 3, 1),
                DischargeDate = new DateTime(2026, 3, 6),
                LengthOfStayDays = 5,
                DischargeType = DischargeType.MedicalAdvice,
                MainDiagnosis = DiagnosisCode.Parse("K35.800x002"),
                SecondaryDiagnoses = { DiagnosisCode.Parse("J96.000") },
                MainProcedure = ProcedureCode.Parse("47.0100"),
                OtherProcedures = { ProcedureCode.Parse("54.5100") },
                Costs = new CostBreakdown(
                    total: Money.FromYuan(12000m),
                    drugs: Money.FromYuan(3000m),
                    fundPaid: Money.FromYuan(9000m),
                    patientPaid: Money.FromYuan(3000m)),
            };
            InpatientCase inpatientCase = builder.Build();

            // A copy with one field changed (what `with` does in C# 9): back to a builder and build again.
            InpatientCaseBuilder corrected = inpatientCase.ToBuilder();
            corrected.IcuDays = 1;
            return corrected.Build();
        }

        /// <summary>智能监管指标 — the supervision indicators of one case (a region feeds all its cases).</summary>
        /// <param name="inpatientCase">The case.</param>
        /// <returns>The indicator rows.</returns>
        public static IReadOnlyList<IndicatorRow> Monitor(InpatientCase inpatientCase)
        {
            var monitor = new SupervisionMonitor(MonitoringProfile.Default);
            monitor.SetLevel("H4401001", "3");
            monitor.Add(inpatientCase, new CaseResult("ES31", weight: 1.2m, points: 1.2m, deviation: false, specialReview: false));
            monitor.AddQualityCheck("H4401001", "accepted");
            return monitor.Finish().Indicators;
        }

        /// <summary>DRG分组与结算行 — loads the region's rule text, groups the case, prices it into a settlement line.</summary>
        /// <param name="rulesFolder">The folder with 1_MDC.txt … 7_CCE.txt.</param>
        /// <param name="weightsFile">The region's CSV <c>drg,weight</c>.</param>
        /// <param name="inpatientCase">The case.</param>
        /// <returns>The settlement line, or null with the reasons written to the console.</returns>
        public static SettlementLine? GroupAndPrice(string rulesFolder, string weightsFile, InpatientCase inpatientCase)
        {
            RulePackLoadResult loaded = RuleTextLoader.Load(rulesFolder, RuleTextLoader.Edition11);
            foreach (UnparsedLine unparsed in loaded.Report.Unparsed)
            {
                Console.WriteLine(unparsed);
            }

            var grouper = new DrgGrouper(loaded.Pack, new DrgPolicy("shenzhen", "2026", ambiguousGroupCheck: true));
            DrgResult grouping = grouper.Group(inpatientCase);
            Console.WriteLine(grouping.Drg + " " + grouping.Trace.Render(TraceLanguage.Chinese));

            IReadOnlyDictionary<string, RelativeWeight> weights;
            using (var reader = new StreamReader(weightsFile))
            {
                weights = DrgWeightTable.Read(reader, weightsFile);
            }

            RelativeWeight weight;
            if (weights.TryGetValue(grouping.Drg, out weight))
            {
                Money standard = DrgPaymentStandard.Compute(weight, new PointValue(10000m), new Coefficient(1.05m)).Round(RoundingRule.Default);
                Console.WriteLine("支付标准 " + standard);
            }

            var pricing = new DrgSettlementPricing(weights);
            DrgPricingResult priced = pricing.Price(inpatientCase, grouping, new Coefficient(1.05m));
            if (!priced.IsPriced)
            {
                foreach (var issue in priced.Issues)
                {
                    Console.WriteLine(issue.ToCompactString());
                }

                return null;
            }

            return priced.Line;
        }

        /// <summary>结算行 — a fee-for-service line written by the host itself.</summary>
        /// <returns>The line.</returns>
        public static SettlementLine FeeForServiceLine() =>
            new SettlementLine(
                "ZY2026000124", "H4401001", InsuranceFund.Resident, 3, SettlementMethods.FeeForService,
                SettlementBasis.OfMoney(Money.FromYuan(800m)), totalCost: Money.FromYuan(1000m), patientPaid: Money.FromYuan(200m));

        /// <summary>年度清算 — loads the year's policy and clears the lines for the hospitals.</summary>
        /// <param name="policyFile">The clearing policy JSON.</param>
        /// <param name="lines">The year's lines.</param>
        /// <returns>The clearing result.</returns>
        public static ClearingResult Clear(string policyFile, IReadOnlyList<SettlementLine> lines)
        {
            SettlementPolicy policy = SettlementPolicyLoader.LoadFile(policyFile);
            var hospital = new Hospital("H4401001", "示例市第一人民医院", HospitalLevel.Parse("3A"), HospitalType.General);
            var hospitals = new[]
            {
                new SettlementHospital(hospital, assessmentScore: 95m, priorYearFundPaid: Money.FromYuan(120000000m)),
            };
            return ClearingEngine.Run(policy, hospitals, lines, Array.Empty<MonthlyPayment>(), 0);
        }

        /// <summary>DIP — a small catalog written in code, scored with a built-in profile.</summary>
        /// <param name="inpatientCase">The case.</param>
        /// <returns>The case score.</returns>
        public static Score ScoreWithDip(InpatientCase inpatientCase)
        {
            var group = new DipGroup("K35.8:47.0100", "K35.8", "47.0100", new Score(1180m), Money.FromYuan(11800m));
            var catalog = new DipCatalog("local", "2026", new[] { group }, new Dictionary<string, Coefficient> { { "3A", new Coefficient(1.05m) } });
            var scorer = new DipScorer(catalog, DipPolicyProfiles.BuiltIn("national-dip-1.0"), ProcedureAttributeTable.Empty, DipAuxiliaryTypingData.None, null);
            DipCaseResult result = scorer.Score(inpatientCase, new DipHospitalContext(HospitalLevel.Parse("3A"), null));
            return result.CaseScore;
        }

        /// <summary>DIP — catalog options set through the builder (no init members in C# 7.3), then the catalog built.</summary>
        /// <param name="history">Three years of settled cases.</param>
        /// <returns>The build result.</returns>
        public static DipBuildResult BuildDipCatalog(IReadOnlyList<DipHistoryCase> history)
        {
            var builder = new DipBuildOptionsBuilder();
            builder.Region = "示例市";
            builder.EffectiveFrom = "2026-01-01";
            builder.CoreThreshold = 10;
            builder.YearWeights = new List<decimal> { 2m, 3m, 5m };
            builder.PrimaryCareCandidates.Add("K35.8");
            DipBuildOptions options = builder.Build();
            DipBuildOptionsBuilder again = options.ToBuilder();
            again.Trim = false;
            return DipCatalogBuilder.Build(history, again.Build());
        }

        /// <summary>宿主集成 — the DI registration, validated at start.</summary>
        /// <param name="dataFolder">The folder with the region's files.</param>
        /// <param name="inpatientCase">A case.</param>
        /// <returns>The DRG code.</returns>
        public static string WithDependencyInjection(string dataFolder, InpatientCase inpatientCase)
        {
            var services = new ServiceCollection();
            services.AddMedInsurancePayment()
                .AddDrg(o =>
                {
                    o.RulesFolder = Path.Combine(dataFolder, "chs-drg-1.1");
                    o.WeightsFile = Path.Combine(dataFolder, "drg-weights.csv");
                    o.BaseRate = 10000m;
                })
                .AddDip(o =>
                {
                    o.CatalogFile = Path.Combine(dataFolder, "dip-catalog.json");
                    o.HospitalsFile = Path.Combine(dataFolder, "hospitals.csv");
                })
                .AddSettlement(o =>
                {
                    o.Policy = Path.Combine(dataFolder, "policy-2026.json");
                    o.HospitalsFile = Path.Combine(dataFolder, "hospitals.csv");
                });
            using (ServiceProvider provider = services.BuildServiceProvider())
            {
                provider.GetRequiredService<IStartupValidator>().Validate();
                var drg = provider.GetRequiredService<IDrgGroupingService>();
                DrgPaymentEstimate estimate = drg.Estimate(inpatientCase, Coefficient.One);
                var dip = provider.GetRequiredService<IDipScoringService>();
                DipCaseResult score = dip.Score(inpatientCase);
                DipPricingResult dipLine = dip.Price(inpatientCase, score);
                var clearing = provider.GetRequiredService<IClearingService>();
                if (dipLine.Line.HasValue)
                {
                    clearing.RunYear(new[] { dipLine.Line.Value });
                }

                return estimate.Grouping.Drg;
            }
        }
    
        /// <summary>宿主集成 — the other payment parts on the same builder, configured from C# 7.3.</summary>
        /// <param name="services">The host's services.</param>
        /// <param name="dataFolder">The folder with the region's files.</param>
        public static void WithEveryPart(IServiceCollection services, string dataFolder)
        {
            services.AddMedInsurancePayment()
                .AddPerDiem(o => o.Policy = Path.Combine(dataFolder, "perdiem-2026.json"))
                .AddMethodMix(o => o.Mix = Path.Combine(dataFolder, "method-mix-2026.json"))
                .AddCapitation(o => o.PolicyFile = Path.Combine(dataFolder, "capitation-2026.json"))
                .AddConsortium(o => o.PolicyFile = Path.Combine(dataFolder, "consortium-2026.json"))
                .AddTreatmentCombinations(o =>
                {
                    o.TableFile = Path.Combine(dataFolder, "combinations.csv");
                    o.HospitalsFile = Path.Combine(dataFolder, "hospitals.csv");
                })
                .AddChronicDiseases(o => o.PolicyFile = Path.Combine(dataFolder, "chronic-2026.json"))
                .AddPersonalAccounts(o => o.PolicyFile = Path.Combine(dataFolder, "accounts.json"))
                .AddSettlementListQualityControl(o =>
                {
                    o.ProfileFile = Path.Combine(dataFolder, "qc.json");
                    o.DictionaryFolder = Path.Combine(dataFolder, "codes-2.0");
                })
                .AddMonitoring();
        }

        /// <summary>测试辅助 — a vendor's own test of its wiring, with the Testing package.</summary>
        /// <returns>The DRG of a test case in the demo region.</returns>
        public static string WithTestingPackage()
        {
            InpatientCase appendicitis = MedInsurance.Payment.Testing.TestCase.Inpatient("A1")
                .Patient(Sex.Male, 45)
                .Diagnoses("K35.800x002", "J96.000")
                .Cost(12000m)
                .Build();
            var region = MedInsurance.Payment.Testing.TestRegion.Demo;
            DipPricingResult line = region.PriceDip(appendicitis);
            if (line.Line.HasValue)
            {
                region.Clear(new[] { line.Line.Value }, MedInsurance.Payment.Testing.TestPolicy.PointMethod(2026, 1000000m));
            }

            return region.Group(appendicitis).Drg;
        }
}
}
