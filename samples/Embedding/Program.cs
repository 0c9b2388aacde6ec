// The README's "Embed in a host" example: README.md shows the code between the markers below, character for
// character (a test in tests/MedInsurance.Payment.Hosting.Tests compares them), and CI runs it.
// <embedding>
using System;
using System.Collections.Generic;
using System.IO;
using MedInsurance.Payment;
using MedInsurance.Payment.Cases;
using MedInsurance.Payment.Hosting;
using MedInsurance.Payment.Settlement;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

// Your region's published files. This sample ships a copy of the demo region's (示例市) in its output folder.
var data = args.Length > 0 ? args[0] : Path.Combine(AppContext.BaseDirectory, "data");

var services = new ServiceCollection();                         // package Microsoft.Extensions.DependencyInjection
services.AddMedInsurancePayment()                              // or .AddMedInsurancePayment(configuration.GetSection("MedInsurancePayment"))
    .AddDrg(o =>                                                // package MedInsurance.Payment.Drg
    {
        o.RulesFolder = Path.Combine(data, "chs-drg");          // 1_MDC.txt … 7_CCE.txt of the region's CHS-DRG edition
        o.Edition = "demo-drg-1";
        o.WeightsFile = Path.Combine(data, "drg-weights.csv");  // drg,weight: the weight table (权重表) the region publishes with its rate
        o.BaseRate = 10_000m;                                   // 费率: yuan per unit of weight
    })
    .AddDip(o =>                                                // package MedInsurance.Payment.Dip
    {
        o.CatalogFile = Path.Combine(data, "dip-catalog.json"); // the region's DIP catalog (病种目录)
        o.ProcedureAttributesFile = Path.Combine(data, "procedure-attributes.csv");
        o.HospitalsFile = Path.Combine(data, "hospitals.csv");
        o.Profile = "national-dip-1.0";                         // or guangzhou, jining, national-dip-3.0, a JSON file
        o.PointValue = 9.5m;                                    // 年初点值, for expected payments
    })
    .AddSettlement(o =>                                         // package MedInsurance.Payment.Settlement
    {
        o.Policy = Path.Combine(data, "policy-2026.json");
        o.HospitalsFile = Path.Combine(data, "hospitals.csv");
    });
using var provider = services.BuildServiceProvider();
// A generic host (Host.CreateApplicationBuilder) runs this at start; a plain ServiceProvider calls it. A missing or
// malformed file throws OptionsValidationException with the key to fix and the file's line, e.g. MedInsurancePayment:Dip.
provider.GetRequiredService<IStartupValidator>().Validate();

var inpatientCase = new InpatientCase                           // one settlement-list case (医保结算清单)
{
    CaseId = "ZY2026000123",
    HospitalId = "DEMO-H1",
    Fund = InsuranceFund.Employee,
    Sex = Sex.Female,
    AgeYears = 30,
    AdmissionDate = new DateOnly(2026, 3, 1),                   // DateOnly on net8.0 and later; DateTime on .NET Framework
    DischargeDate = new DateOnly(2026, 3, 6),
    LengthOfStayDays = 5,
    DischargeType = DischargeType.MedicalAdvice,
    MainDiagnosis = DiagnosisCode.Parse("K35.800x002"),
    MainProcedure = ProcedureCode.Parse("47.0100"),
    Costs = new CostBreakdown { Total = Money.FromYuan(12_000m), FundPaid = Money.FromYuan(9_000m), PatientPaid = Money.FromYuan(3_000m) },
};

var drg = provider.GetRequiredService<IDrgGroupingService>();
var estimate = drg.Estimate(inpatientCase, Coefficient.One);   // DRG, weight, payment standard and the trace
Console.WriteLine($"DRG {estimate.Grouping.Drg}, weight {estimate.Weight}, payment standard {estimate.PaymentStandard}");

var dip = provider.GetRequiredService<IDipScoringService>();
var score = dip.Score(inpatientCase);
var priced = dip.Price(inpatientCase, score);                  // settlement line (points in the DIP point system) or coded reasons
Console.WriteLine($"DIP {score.Group?.Code}, score {score.CaseScore}, expected payment {dip.ExpectedPayment(score)}");

// A year of lines from every method clears in one regional budget:
var yearOfLines = new List<SettlementLine>();
if (priced.Line is { } line)
{
    yearOfLines.Add(line);
}

var clearing = provider.GetRequiredService<IClearingService>().RunYear(yearOfLines);
Console.WriteLine($"cleared {clearing.Summary.Lines} line(s); {clearing.Statements.Count} hospital statements");
// </embedding>
