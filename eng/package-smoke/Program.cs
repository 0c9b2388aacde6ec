// A throwaway consumer, built outside the repository against the packed packages from a local folder feed,
// the way a user installs them. eng/package-smoke-test.sh copies this file into a fresh `dotnet new console`.
using System;
using System.IO;
using System.Linq;
using MedInsurance.Payment;
using MedInsurance.Payment.Interchange;

var csv = "id,sex,age,los,diagnoses,procedures,total_cost\nA1,1,45,5,K35.800x002,47.0900x001,12000.50\nA2,2,30,0,,,\n";
var records = CaseCsvReader.Read(new StringReader(csv)).ToList();
var pay = Money.FromYuan(12000.50m).Multiply(0.9m).Round(RoundingRule.Default);
Console.WriteLine($"rows={records.Count} rejected={records.Count(r => r.IsRejected)} code={DiagnosisCode.Parse("ｋ３５．８００ｘ００２")} pay={pay}");
return records.Count == 2 && records[1].IsRejected && pay == Money.FromYuan(10800.45m) ? 0 : 1;
