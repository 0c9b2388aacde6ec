// HisEmbedding — a minimal ASP.NET Core endpoint a HIS calls at discharge: it pre-groups the case with CHS-DRG,
// scores it with DIP and returns the expected payments with the grouping trace. Bound to 127.0.0.1 only.
//   dotnet run --project samples/HisEmbedding              (serves http://127.0.0.1:5080 until Ctrl+C)
//   dotnet run --project samples/HisEmbedding -- --once    (starts, posts one demo case to itself, prints, exits)
using System;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Json;
using HisEmbedding;
using MedInsurance.Payment;
using MedInsurance.Payment.Dip;
using MedInsurance.Payment.Drg.Grouping;
using MedInsurance.Payment.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Hosting;

const string Url = "http://127.0.0.1:5080";
var once = args.Contains("--once");
var builder = WebApplication.CreateSlimBuilder(args.Where(a => a != "--once").ToArray());
builder.WebHost.UseUrls(Url);
builder.Services.AddMedInsurancePayment().AddDemoRegion().AddDrg().AddDip().AddSettlement(); // a real HIS: AddMedInsurancePayment(builder.Configuration.GetSection("MedInsurancePayment"))
var app = builder.Build();

app.MapPost("/discharge", (DischargeRequest request, IDrgGroupingService drg, IDipScoringService dip) =>
{
    var (inpatientCase, problems) = request.ToCase();
    if (inpatientCase is null)
    {
        return Results.BadRequest(new { caseId = request.CaseId, problems });
    }

    var estimate = drg.Estimate(inpatientCase, Coefficient.One);
    var scored = dip.Score(inpatientCase);
    return Results.Ok(new
    {
        caseId = inpatientCase.CaseId,
        drg = new
        {
            status = estimate.Grouping.StatusText,
            mdc = estimate.Grouping.Mdc,
            adrg = estimate.Grouping.Adrg,
            code = estimate.Grouping.Drg,
            weight = estimate.Weight?.Value,
            paymentStandard = estimate.PaymentStandard?.ToString(),
            issues = estimate.Grouping.Issues.Select(i => i.ToCompactString()),
            trace = estimate.Grouping.Trace.Render(TraceLanguage.Chinese),
        },
        dip = new
        {
            status = scored.Status.ToString(),
            group = scored.Group?.Code,
            kind = scored.GroupKindText,
            deviation = scored.Deviation.ToString(),
            caseScore = scored.Status == DipCaseStatus.Scored ? scored.CaseScore.Value : (decimal?)null,
            expectedPayment = dip.ExpectedPayment(scored)?.ToString(),
            review = scored.Review,
        },
    });
});

if (!once)
{
    app.Run();
    return 0;
}

await app.StartAsync();
using var client = new HttpClient { BaseAddress = new Uri(Url), Timeout = TimeSpan.FromSeconds(30) };
var demoCase = new DischargeRequest("HIS-1", "DEMO-H1", 2, 34, 5, "2026-05-20", new[] { "K35.800x002", "J96.000" }, new[] { "47.0100" }, 14_200m);
using var response = await client.PostAsJsonAsync("/discharge", demoCase);
Console.WriteLine((int)response.StatusCode + " " + await response.Content.ReadAsStringAsync());
await app.StopAsync();
return response.IsSuccessStatusCode ? 0 : 1;
