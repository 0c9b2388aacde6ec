// A throwaway consumer, built outside the repository against the packed packages from a local folder feed,
// the way a user installs them. eng/package-smoke-test.sh copies this file into a fresh `dotnet new console`.
using System;
using System.IO;
using System.Linq;
using MedInsurance.Payment;
using MedInsurance.Payment.Demo;
using MedInsurance.Payment.Hosting;
using MedInsurance.Payment.Interchange;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

var csv = "id,sex,age,los,diagnoses,procedures,total_cost\nA1,1,45,5,K35.800x002,47.0100,12000.50\nA2,2,30,0,,,\n";
var records = CaseCsvReader.Read(new StringReader(csv)).ToList();
var pay = Money.FromYuan(12000.50m).Multiply(0.9m).Round(RoundingRule.Default);

var services = new ServiceCollection();
services.AddMedInsurancePayment().AddDemoRegion().AddDrg().AddDip().AddSettlement();
using var provider = services.BuildServiceProvider();
provider.GetRequiredService<IStartupValidator>().Validate();
var drg = provider.GetRequiredService<IDrgGroupingService>().Group(records[0].Value!);
var year = DemoRegion.Load().GenerateYear(300);
var dip = provider.GetRequiredService<IDipScoringService>();
var settled = year.Select(c => dip.Price(c, dip.Score(c))).Where(p => p.IsPriced).Select(p => p.Line!.Value).ToArray();
var clearing = provider.GetRequiredService<IClearingService>().RunYear(settled);

Console.WriteLine($"rows={records.Count} rejected={records.Count(r => r.IsRejected)} code={DiagnosisCode.Parse("ｋ３５．８００ｘ００２")} pay={pay} drg={drg.Drg} statements={clearing.Statements.Count}");
return records.Count == 2 && records[1].IsRejected && pay == Money.FromYuan(10800.45m) && drg.Drg == "GD25" && clearing.Statements.Count == 5 ? 0 : 1;
