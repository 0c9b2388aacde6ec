// QuickStart — MedInsurance.Payment on the embedded demo region (示例市): group a few cases with CHS-DRG, score them
// with DIP, then run a whole year's DIP clearing and print each hospital's statement; finally a mixed year (per diem,
// single disease, day surgery, fee for service, DIP) priced under example-mix-2025 and settled with example-mixed-2025;
// last, a capitation year (按人头付费) of the primary-care institutions and the county consortium (医共体) package.
//   dotnet run --project samples/QuickStart
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using MedInsurance.Payment;
using MedInsurance.Payment.Capitation;
using MedInsurance.Payment.Cases;
using MedInsurance.Payment.Demo;
using MedInsurance.Payment.Dip;
using MedInsurance.Payment.Hosting;
using MedInsurance.Payment.Methods;
using MedInsurance.Payment.PerDiem;
using MedInsurance.Payment.Settlement;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

var services = new ServiceCollection();
services.AddMedInsurancePayment().AddDemoRegion().AddDrg().AddDip().AddSettlement();
using var provider = services.BuildServiceProvider();
provider.GetRequiredService<IStartupValidator>().Validate(); // a host does this at start

var drg = provider.GetRequiredService<IDrgGroupingService>();
var dip = provider.GetRequiredService<IDipScoringService>();
var clearing = provider.GetRequiredService<IClearingService>();
var demo = DemoRegion.Load();
var inv = CultureInfo.InvariantCulture;

Console.WriteLine("MedInsurance.Payment quick start — demo region " + demo.Name + ", year " + DemoRegion.Year);
Console.WriteLine();

// 1. A few discharged cases, as a HIS would send them (医保结算清单).
InpatientCase Case(string id, string hospital, string diagnoses, string? procedure, decimal cost) => new()
{
    CaseId = id,
    HospitalId = hospital,
    Fund = InsuranceFund.Employee,
    Sex = Sex.Male,
    AgeYears = 58,
    LengthOfStayDays = 7,
    DischargeDate = new DateOnly(DemoRegion.Year, 3, 15),
    DischargeType = DischargeType.MedicalAdvice,
    MainDiagnosis = DiagnosisCode.Parse(diagnoses.Split('|')[0]),
    SecondaryDiagnoses = diagnoses.Split('|').Skip(1).Select(DiagnosisCode.Parse).ToArray(),
    MainProcedure = procedure is null ? default : ProcedureCode.Parse(procedure),
    Costs = new CostBreakdown { Total = Money.FromYuan(cost), PatientPaid = Money.FromYuan(cost * 0.25m), FundPaid = Money.FromYuan(cost * 0.75m) },
};

var cases = new[]
{
    Case("Q1", "DEMO-H1", "I20.000|I50.900", "36.0700", 41_200m),
    Case("Q2", "DEMO-H1", "I20.000|E11.900", "36.0700", 33_600m),
    Case("Q3", "DEMO-H3", "K35.800x002", "47.0100", 10_400m),
    Case("Q4", "DEMO-H3", "K25.900|I10.x00", null, 4_800m),
    Case("Q5", "DEMO-H5", "K52.900", null, 9_000m),
    Case("Q6", "DEMO-H2", "I21.900", null, 12_500m),
};

Console.WriteLine("1. CHS-DRG grouping (DRG分组) and DIP scoring (DIP分值)");
Console.WriteLine(string.Format(inv, "{0,-4} {1,-8} {2,-12} {3,-5} {4,8} {5,12}   {6,-14} {7,-9} {8,9} {9,12}",
    "case", "hospital", "status", "DRG", "RW", "DRG std", "DIP group", "deviation", "score", "DIP expected"));
foreach (var c in cases)
{
    var estimate = drg.Estimate(c, Coefficient.One);
    var scored = dip.Score(c);
    Console.WriteLine(string.Format(inv, "{0,-4} {1,-8} {2,-12} {3,-5} {4,8} {5,12}   {6,-14} {7,-9} {8,9} {9,12}",
        c.CaseId,
        c.HospitalId,
        estimate.Grouping.StatusText,
        estimate.Grouping.Drg,
        estimate.Weight?.ToString() ?? "-",
        estimate.PaymentStandard?.ToString() ?? "-",
        scored.Group?.Code ?? "(unmatched)",
        scored.Deviation.ToString().ToLowerInvariant(),
        scored.Status == DipCaseStatus.Scored ? scored.CaseScore.Value.ToString("0.00", inv) : "-",
        dip.ExpectedPayment(scored)?.ToString() ?? "-"));
}

Console.WriteLine();
Console.WriteLine("Why Q1 is " + drg.Group(cases[0]).Drg + " (分组路径):");
Console.WriteLine(drg.Group(cases[0]).Trace.Render(MedInsurance.Payment.Drg.Grouping.TraceLanguage.English));

// 2. A year of the demo region's cases, scored and cleared (年度清算).
var year = demo.GenerateYear(6000);
var scores = dip.ScoreBatch(year);
// DIP pricing writes each case as a settlement line (its score as points in the DIP point system); a case the profile
// gives no score carries its coded reason instead.
var priced = year.Select((c, i) => dip.Price(c, scores[i])).ToArray();
var notPriced = priced.Count(p => !p.IsPriced);
var result = clearing.RunYear(priced.Where(p => p.IsPriced).Select(p => p.Line!.Value).ToArray());

Console.WriteLine("2. Annual DIP clearing (年度清算) — policy " + result.Policy.Id + ": " + year.Count + " cases, "
    + notPriced + " without a DIP line (unmatched or rejected: each with its coded reason, settled by item outside the point system)");
foreach (var pool in result.Pools)
{
    Console.WriteLine(string.Format(inv, "   budget {0} yuan, total points {1:0.####}, settlement point value {2:0.######} yuan/point",
        pool.Budget.Total, pool.TotalPoints, pool.Value.Yuan));
}

Console.WriteLine(string.Format(inv, "{0,-9} {1,-4} {2,6} {3,14} {4,14} {5,14} {6,14}",
    "hospital", "lvl", "lines", "fee-for-svc", "annual payable", "monthly paid", "amount due"));
foreach (var s in result.Statements)
{
    Console.WriteLine(string.Format(inv, "{0,-9} {1,-4} {2,6} {3,14} {4,14} {5,14} {6,14}",
        s.Hospital.Id, s.Hospital.Level.Code, s.LineCount, s.FeeForService, s.AnnualPayable, s.MonthlyPreSettlements, s.AmountDue));
}

var summary = result.Summary;
Console.WriteLine(string.Format(inv, "{0,-9} {1,-4} {2,6} {3,14} {4,14} {5,14} {6,14}",
    "region", string.Empty, summary.Lines, summary.FeeForService, summary.AnnualPayable, summary.MonthlyPreSettlements, summary.ClearingTransfer));
Console.WriteLine();
Console.WriteLine("Each statement line carries its formula: see StatementExport.WriteStatementsCsv, or `medpay settle year`.");

// 3. A mixed year (多元复合式支付): the DIP year plus the demo stays of the other methods, each case routed to exactly one
// method by example-mix-2025, priced into settlement lines and cleared in one budget under example-mixed-2025.
var mix = MethodMixPolicyLoader.Load("example-mix-2025");
var router = new MethodRouter(mix);
var methodPricing = new MethodPricing(mix);
var perDiemHospitals = demo.Hospitals.ToDictionary(h => h.Id, h => PerDiemHospital.From(h));
var mixed = year.Select(c => new MethodCase(c, perDiemHospitals[c.HospitalId]))
    .Concat(demo.GenerateOtherMethodsYear().Select(s => new MethodCase(s.Case, perDiemHospitals[s.Case.HospitalId], s.Ward)))
    .ToArray();
var routes = mixed.Select(m => router.Route(m)).ToArray();
var mixedLines = new List<SettlementLine>();
var unpriced = 0;
var perDiemIndex = Enumerable.Range(0, mixed.Length).Where(i => routes[i].Method == SettlementMethods.PerDiem).ToArray();
var perDiemStays = perDiemIndex.Select(i => mixed[i].ToStay()).ToList();
var perDiemBatch = PerDiemBatch.Price(router.PerDiemCalculator!, perDiemStays, perDiemHospitals); // readmissions across the year
for (var k = 0; k < perDiemStays.Count; k++)
{
    if (router.PerDiemCalculator!.TryGetLine(perDiemStays[k], perDiemBatch.Results[k], out var line))
    {
        mixedLines.Add(line);
    }
    else
    {
        unpriced++;
    }
}

for (var i = 0; i < mixed.Length; i++)
{
    SettlementLine? line = routes[i].Method switch
    {
        SettlementMethods.SingleDisease => methodPricing.PriceSingleDisease(mixed[i]).Line,
        SettlementMethods.DaySurgery => methodPricing.PriceDaySurgery(mixed[i]).Line,
        SettlementMethods.FeeForService => methodPricing.PriceFeeForService(mixed[i]).Line,
        SettlementMethods.Dip => dip.Price(mixed[i].Case, dip.Score(mixed[i].Case)).Line,
        _ => null,
    };
    if (line is { } l)
    {
        mixedLines.Add(l);
    }
    else if (routes[i].Method != SettlementMethods.PerDiem)
    {
        unpriced++;
    }
}

// example-mixed-2025 is a regional profile with a 900 000 000-yuan budget; the demo city is small, so its own budget for
// the mixed year (the DIP budget of part 2 plus the single-disease and day-surgery money it pays from the pool) replaces it.
var mixedProfile = SettlementPolicyLoader.LoadEmbedded("example-mixed-2025");
var demoBudget = Money.FromYuan(42_000_000m);
var mixedPolicy = mixedProfile with { Pools = mixedProfile.Pools.Select(p => p with { Budget = new BudgetRule { Method = BudgetMethod.Fixed, Amount = demoBudget } }).ToArray() };
var mixedResult = ClearingEngine.Run(mixedPolicy, demo.SettlementHospitals, mixedLines, Array.Empty<MonthlyPayment>(), 1);
Console.WriteLine();
Console.WriteLine("3. A mixed year (多元复合式) — mix " + mix.Id + ", clearing policy " + mixedResult.Policy.Id + ": " + mixed.Length + " cases, "
    + unpriced + " without a line (each with its coded reason)");
foreach (var group in mixedLines.GroupBy(l => l.Method).OrderBy(g => g.Key, StringComparer.Ordinal))
{
    Console.WriteLine(string.Format(inv, "   {0,-16} {1,6} lines  {2,14} yuan of money lines  {3,14:0.####} points",
        group.Key, group.Count(), Money.Sum(group.Select(l => l.Basis.Amount)), group.Sum(l => l.Basis.Points)));
}

var mixedSummary = mixedResult.Summary;
Console.WriteLine(string.Format(inv, "   budget {0} yuan (the demo city's, in place of the profile's 900 000 000), point value {1:0.######} yuan/point",
    demoBudget, mixedResult.Pools[0].Value.Yuan));
Console.WriteLine(string.Format(inv, "   annual payable {0} yuan (outside every pool {1}), fee-for-service {2}, clearing transfer {3}",
    mixedSummary.AnnualPayable, mixedSummary.OutsidePools, mixedSummary.FeeForService, mixedSummary.ClearingTransfer));

// 4. Capitation (按人头付费) of general outpatient care at the primary-care institutions: the demo roster (a tenth of the
// persons move in July) and a year of outpatient claims, budgets from the per-head standards, referral charges, bands.
var capitationRoster = demo.GenerateCapitationRoster();
var outpatient = demo.GenerateOutpatientClaims(capitationRoster);
var capitationYear = new CapitationCalculation(CapitationRoster.Build(demo.CapitationPolicy, capitationRoster));
var withIssues = capitationYear.AddRange(outpatient);
var capitation = capitationYear.Complete(demo.CapitationInstitutions);
Console.WriteLine();
Console.WriteLine("4. Capitation (按人头付费) — policy " + demo.CapitationPolicy.Id + ": " + capitation.Summary.Persons + " persons, "
    + outpatient.Count + " outpatient claims (" + withIssues.Count + " with issues)");
Console.WriteLine(string.Format(inv, "{0,-11} {1,7} {2,12} {3,12} {4,12}  {5,-30} {6,12}",
    "institution", "persons", "budget", "spend", "referred out", "band", "fund pays"));
foreach (var s in capitation.Statements)
{
    var deviation = s.Budget - s.Spend;
    var band = deviation.IsNegative
        ? string.Format(inv, "overspend {0:0.0}%, shared {1}", -deviation.Yuan * 100m / s.Budget.Yuan, s.RiskSharing.OverspendShared)
        : string.Format(inv, "surplus {0:0.0}%, kept {1}", deviation.Yuan * 100m / s.Budget.Yuan, s.RiskSharing.SurplusKept);
    Console.WriteLine(string.Format(inv, "{0,-11} {1,7} {2,12} {3,12} {4,12}  {5,-30} {6,12}",
        s.InstitutionId, s.Persons, s.Budget, s.Spend, s.ReferralCharges, band, s.FundPays));
}

Console.WriteLine(string.Format(inv, "{0,-11} {1,7} {2,12} {3,12} {4,12}  {5,-30} {6,12}",
    "region", capitation.Summary.Persons, capitation.Summary.Budget, capitation.Summary.Spend, capitation.Summary.ReferralCharges, string.Empty, capitation.Summary.FundPays));

// The county consortium (医共体) of DEMO-H3, DEMO-H4 (paid by their DIP lines of part 2) and DEMO-H5 (its capitation
// lines), one package with the care its population had outside the consortium.
var consortium = new MedInsurance.Payment.Consortium.ConsortiumCalculation(demo.ConsortiumPolicy, demo.ConsortiumMembers);
var members = new HashSet<string>(demo.ConsortiumMembers.Select(m => m.MemberId), StringComparer.Ordinal);
foreach (var line in priced.Where(p => p.IsPriced).Select(p => p.Line!.Value).Concat(capitation.SettlementLines).Where(l => members.Contains(l.HospitalId)))
{
    consortium.AddLine(line);
}

foreach (var claim in demo.GenerateConsortiumOutsideClaims())
{
    consortium.AddOutside(claim);
}

var package = consortium.Complete().Statements[0];
Console.WriteLine(string.Format(inv, "   consortium {0}: target {1}, members' lines {2} + outside {3} = spend {4}, fund pays {5}, result {6}",
    package.Package.Id, package.Target, package.MemberPayments, package.Outside, package.Spend, package.FundPays, package.Result));
Console.WriteLine("   members: " + string.Join(", ", package.Members.Select(m => m.Member.MemberId + " " + m.Allocated.ToString())));
