// PolicySimulation (模拟测算) — run the demo year under two DIP policy profiles and compare, per hospital, the points,
// the deviation cases and the annual clearing, against what fee-for-service would have paid.
//   dotnet run --project samples/PolicySimulation [-- <profile A> <profile B>]   (default: national-dip-1.0 jining)
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using MedInsurance.Payment.Demo;
using MedInsurance.Payment.Dip;
using MedInsurance.Payment.Hosting;
using MedInsurance.Payment.Settlement;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

var profileA = args.Length > 0 ? args[0] : "national-dip-1.0";
var profileB = args.Length > 1 ? args[1] : "jining";
var year = DemoRegion.Load().GenerateYear(6000);
var inv = CultureInfo.InvariantCulture;

var a = Simulate(profileA);
var b = Simulate(profileB);

Console.WriteLine("Policy simulation on the demo year (" + year.Count + " cases): " + profileA + " (A) vs " + profileB + " (B)");
Console.WriteLine(string.Format(inv, "point value A {0:0.######}  B {1:0.######} yuan/point", a.Clearing.Pools[0].Value.Yuan, b.Clearing.Pools[0].Value.Yuan));
Console.WriteLine(string.Format(inv, "{0,-9} {1,-4} {2,13} {3,13} {4,6} {5,6} {6,14} {7,14} {8,14} {9,8}",
    "hospital", "lvl", "points A", "points B", "dev A", "dev B", "fee-for-svc", "payable A", "payable B", "B-A %"));
foreach (var statementA in a.Clearing.Statements)
{
    var id = statementA.Hospital.Id;
    var statementB = b.Clearing.Statements.Single(s => s.Hospital.Id == id);
    var change = statementA.AnnualPayable.IsZero ? 0m : (statementB.AnnualPayable - statementA.AnnualPayable).RatioTo(statementA.AnnualPayable) * 100m;
    Console.WriteLine(string.Format(inv, "{0,-9} {1,-4} {2,13:0.00} {3,13:0.00} {4,6} {5,6} {6,14} {7,14} {8,14} {9,8:0.00}",
        id, statementA.Hospital.Level.Code, a.Points[id], b.Points[id], a.Deviations[id], b.Deviations[id],
        statementA.FeeForService, statementA.AnnualPayable, statementB.AnnualPayable, change));
}

Simulation Simulate(string profile)
{
    var services = new ServiceCollection();
    services.AddMedInsurancePayment().AddDemoRegion().AddDip(o => o.Profile = profile).AddSettlement();
    using var provider = services.BuildServiceProvider();
    provider.GetRequiredService<IStartupValidator>().Validate();
    var dip = provider.GetRequiredService<IDipScoringService>();
    var scores = dip.ScoreBatch(year);
    var settled = year.Select((c, i) => dip.Price(c, scores[i])).Where(p => p.IsPriced).Select(p => p.Line!.Value).ToArray();
    var points = new Dictionary<string, decimal>(StringComparer.Ordinal);
    var deviations = new Dictionary<string, int>(StringComparer.Ordinal);
    for (var i = 0; i < year.Count; i++)
    {
        var id = year[i].HospitalId;
        points[id] = points.GetValueOrDefault(id) + (scores[i].Status == DipCaseStatus.Scored ? scores[i].CaseScore.Value : 0m);
        deviations[id] = deviations.GetValueOrDefault(id) + (scores[i].Deviation == DipDeviation.Normal ? 0 : 1);
    }

    return new Simulation(provider.GetRequiredService<IClearingService>().RunYear(settled), points, deviations);
}

internal sealed record Simulation(ClearingResult Clearing, Dictionary<string, decimal> Points, Dictionary<string, int> Deviations);
