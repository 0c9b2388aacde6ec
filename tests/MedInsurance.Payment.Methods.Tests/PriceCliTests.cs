using System;
using System.IO;
using System.Linq;
using MedInsurance.Payment.Interchange;
using MedInsurance.Payment.TestSupport;

namespace MedInsurance.Payment.Methods.Tests;

/// <summary><c>medpay price</c> run as a process on a small mix; its lines are then cleared by <c>medpay settle year</c> under <c>example-mixed-2025</c>.</summary>
public sealed class PriceCliTests : IDisposable
{
    private const string Mix = """
        {
          "id": "t", "version": "1",
          "order": ["PER_DIEM", "SINGLE_DISEASE", "DAY_SURGERY", "FEE_FOR_SERVICE"],
          "perDiem": "example-perdiem-2025",
          "singleDisease": { "pointSystem": "DIP", "diseases": [ { "code": "SD01", "diagnosis": "O82", "price": { "3": 5800, "2": 4600 }, "fundShare": { "*": 0.75 } } ] },
          "daySurgery": { "payment": "price", "pointSystem": "DIP", "fundShare": { "*": 0.7 }, "procedures": [ { "code": "45.42", "price": { "3": 3200 } } ] },
          "feeForService": { "fundShare": 0.9 }
        }
        """;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "medpay-price-" + Guid.NewGuid().ToString("N"));

    public PriceCliTests()
    {
        Directory.CreateDirectory(_folder);
        File.WriteAllText(F("mix.json"), Mix);
        File.WriteAllText(F("hospitals.csv"), "hospital_id,name,level,type,assessment_score\nH3,a,三级甲等,specialist,95\nH2,b,二级,general,95\n");
        File.WriteAllText(F("cases.csv"), "id,patient_id,ward,hospital_id,fund,sex,age,los,admission_date,discharge_date,diagnoses,procedures,total_cost,fund_paid,patient_paid\n"
            + "A75,P9,,H3,employee,1,40,75,2025-03-01,2025-05-15,F20.000,,22000.00,17600.00,4400.00\n"          // per diem: 20 700 × 0.90 = 18 630.00, outside pools
            + "C1,P2,,H2,employee,2,30,4,2025-02-01,2025-02-05,O82.000,74.1x00,6000.00,4500.00,1500.00\n"       // SD01 secondary: 4 600 × 0.75 = 3 450.00 from DIP
            + "D1,P3,,H3,resident,1,60,1,2025-07-01,2025-07-02,K63.500,45.4200,3000.00,2100.00,900.00\n"        // day surgery: 3 200 × 0.70 = 2 240.00 from DIP
            + "F1,P4,,H3,employee,1,70,5,2025-08-01,2025-08-06,J18.900,,10000.00,7777.77,2222.23\n"             // fee for service: 7 777.77 × 0.9 = 6 999.993 → 6 999.99
            + "X1,P5,,H9,employee,1,70,5,2025-08-01,2025-08-06,J18.900,,10000.00,7000.00,3000.00\n");           // unknown hospital: unpriced
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string F(string name) => Path.Combine(_folder, name);

    [Fact]
    public void Price_writes_one_line_per_row_with_route_and_reason_and_settle_clears_the_lines()
    {
        var (exit, stderr) = Run("price", "--policy", F("mix.json"), "--hospitals", F("hospitals.csv"), "--input", F("cases.csv"), "--output", F("lines.csv"));
        Assert.True(exit == 1, "exit " + exit + ": " + stderr); // X1 is not priced
        Assert.Contains("price: 4 of 5 rows priced (DAY_SURGERY 1, FEE_FOR_SERVICE 1, PER_DIEM 1, SINGLE_DISEASE 1), 1 unpriced, 0 rejected", stderr, StringComparison.Ordinal);
        var rows = File.ReadAllLines(F("lines.csv"));
        Assert.Equal(string.Join(",", SettlementLineCsv.Header) + ",route,reason,status,issues", rows[0]);
        Assert.Equal("A75,H3,employee,5,PER_DIEM,,,18630.00,22000.00,4400.00,17600.00,0.00,,,PER_DIEM,METHOD_ROUTE_PER_DIEM,priced,", rows[1]);
        Assert.Equal("C1,H2,employee,2,SINGLE_DISEASE,DIP,,3450.00,6000.00,1500.00,4500.00,0.00,,,SINGLE_DISEASE,METHOD_PER_DIEM_NOT_ELIGIBLE>METHOD_ROUTE_SINGLE_DISEASE,priced,", rows[2]);
        Assert.Equal("D1,H3,resident,7,DAY_SURGERY,DIP,,2240.00,3000.00,900.00,2100.00,0.00,,,DAY_SURGERY,METHOD_PER_DIEM_NOT_ELIGIBLE>SINGLE_DISEASE_NOT_LISTED>METHOD_ROUTE_DAY_SURGERY,priced,", rows[3]);
        Assert.StartsWith("F1,H3,employee,8,FEE_FOR_SERVICE,,,6999.99,", rows[4], StringComparison.Ordinal);
        Assert.EndsWith(",FEE_FOR_SERVICE,METHOD_PER_DIEM_NOT_ELIGIBLE>SINGLE_DISEASE_NOT_LISTED>DAY_SURGERY_NOT_ELIGIBLE>METHOD_ROUTE_FEE_FOR_SERVICE,unpriced,METHOD_HOSPITAL_UNKNOWN(hospital_id)", rows[5], StringComparison.Ordinal);
        Assert.StartsWith("X1,H9,,,", rows[5], StringComparison.Ordinal);

        // Cleared under example-mixed-2025: the single-disease and day-surgery lines are paid from the DIP pool's budget
        // (3 450 + 2 240 = 5 690.00); per diem and fee for service outside it (18 630 + 6 999.99 = 25 629.99); the year's
        // payable 31 319.99. The unpriced row is rejected by the settlement reader: exit 1.
        var (settle, settleErr) = Run("settle", "year", "--policy", "example-mixed-2025", "--hospitals", F("hospitals.csv"), "--lines", F("lines.csv"), "--output", F("out"));
        Assert.True(settle == 1, "exit " + settle + ": " + settleErr);
        var summary = File.ReadAllLines(Path.Combine(F("out"), "summary.csv")).Select(l => l.Split(',')).ToDictionary(c => c[0], c => c[^1]);
        Assert.Equal("5690.00", summary["pool.DIP.moneyLinesPaid"]);
        Assert.Equal("25629.99", summary["outsidePools"]);
        Assert.Equal("31319.99", summary["annualPayable"]);
        Assert.Equal("4", summary["lines"]);

        // The four priced rows alone settle with exit 0.
        File.WriteAllLines(F("priced.csv"), rows.Take(5));
        var (clean, cleanErr) = Run("settle", "year", "--policy", "example-mixed-2025", "--hospitals", F("hospitals.csv"), "--lines", F("priced.csv"), "--output", F("out2"));
        Assert.True(clean == 0, "exit " + clean + ": " + cleanErr);
    }

    [Fact]
    public void The_example_mix_sends_the_rest_to_DIP_through_the_DIP_pricing()
    {
        // One DIP group K35.9, score 1000, mean cost 10 000 = the regional mean; hospital coefficient 1.
        File.WriteAllText(F("catalog.json"), """
            {
              "format": "medinsurance-payment/dip-catalog/1", "edition": "test", "region": "test",
              "regionalMeanCost": 10000, "scoreScale": 1000,
              "groups": [ { "code": "K35.9:-", "name": "阑尾炎", "kind": "core", "diagnosis": "K35.9", "score": 1000, "meanCost": 10000, "caseCount": 100, "cv": 0.3 } ]
            }
            """);
        File.WriteAllText(F("dip-hospitals.csv"), "hospital_id,name,level,type,coefficient,assessment_score\nH3,a,三级甲等,specialist,1,95\n");
        File.WriteAllText(F("dip-cases.csv"), "id,hospital_id,fund,sex,age,los,admission_date,discharge_date,diagnoses,procedures,total_cost,fund_paid,patient_paid\n"
            + "K1,H3,employee,1,40,5,2025-03-05,2025-03-10,K35.900,,10000.00,8000.00,2000.00\n"      // not listed (no 47.01): DIP, ratio 1 → 1 000 points
            + "K2,H3,employee,1,40,5,2025-03-05,2025-03-10,K35.900,47.0100,9000.00,7000.00,2000.00\n" // SD02 tertiary: 7 200 × 0.70 = 5 040.00 from DIP
            + "N1,H3,employee,1,60,3,2025-04-01,2025-04-04,N18.500,,5000.00,4000.00,1000.00\n");     // fee for service: 4 000 × 1.0 outside pools
        var (exit, stderr) = Run("price", "--policy", "example-mix-2025", "--hospitals", F("dip-hospitals.csv"), "--input", F("dip-cases.csv"), "--output", F("dip-lines.csv"),
            "--dip-catalog", F("catalog.json"), "--dip-profile", "jining");
        Assert.True(exit == 0, "exit " + exit + ": " + stderr);
        var lines = SettlementLineCsv.ReadFile(F("dip-lines.csv")).Select(r => r.Value!.Line).ToDictionary(l => l.LineId);
        Assert.Equal(("DIP", "DIP", 1_000m), (lines["K1"].Method, lines["K1"].Basis.PointSystem, lines["K1"].Basis.Points));
        Assert.Equal(("SINGLE_DISEASE", "DIP", Money.FromYuan(5_040m)), (lines["K2"].Method, lines["K2"].Basis.PointSystem, lines["K2"].Basis.Amount));
        Assert.Equal(("FEE_FOR_SERVICE", (string?)null, Money.FromYuan(4_000m)), (lines["N1"].Method, lines["N1"].Basis.PointSystem, lines["N1"].Basis.Amount));
        Assert.Contains(",DIP,METHOD_PER_DIEM_NOT_ELIGIBLE>SINGLE_DISEASE_NOT_LISTED>DAY_SURGERY_NOT_ELIGIBLE>FEE_FOR_SERVICE_NOT_LISTED>METHOD_ROUTE_DIP,priced,", File.ReadAllLines(F("dip-lines.csv"))[1], StringComparison.Ordinal);

        var (settle, settleErr) = Run("settle", "year", "--policy", "example-mixed-2025", "--hospitals", F("dip-hospitals.csv"), "--lines", F("dip-lines.csv"), "--output", F("dip-out"));
        Assert.True(settle == 0, "exit " + settle + ": " + settleErr);
        var summary = File.ReadAllLines(Path.Combine(F("dip-out"), "summary.csv")).Select(l => l.Split(',')).ToDictionary(c => c[0], c => c[^1]);
        Assert.Equal("1000", summary["pool.DIP.totalPoints"]);
        Assert.Equal("5040.00", summary["pool.DIP.moneyLinesPaid"]);
        Assert.Equal("4000.00", summary["outsidePools"]);
    }

    [Fact]
    public void Day_surgery_by_group_relabels_the_DRG_line_of_medpay_price()
    {
        // Demo-region CHS-DRG rules; GD25 weight 0.9860 × DEMO-H1 coefficient 1.1 = 1.0846 points in DRG.
        File.WriteAllText(F("drg-mix.json"), "{ \"id\": \"d\", \"version\": \"1\", \"order\": [\"DAY_SURGERY\", \"DRG\"],"
            + " \"daySurgery\": { \"payment\": \"group\", \"maxStayDays\": 1, \"procedures\": [ { \"code\": \"47.01\" } ] } }");
        File.WriteAllText(F("weights.csv"), "drg,weight\nGD25,0.9860\n");
        File.WriteAllText(F("drg-hospitals.csv"), "hospital_id,name,level,type,coefficient\nDEMO-H1,a,三级甲等,general,1.1\n");
        File.WriteAllText(F("drg-cases.csv"), "id,hospital_id,fund,sex,age,los,discharge_date,discharge_type,diagnoses,procedures,total_cost,fund_paid,patient_paid\n"
            + "DS,DEMO-H1,employee,2,30,1,2026-03-06,1,K35.800x002,47.0100,8000.00,6000.00,2000.00\n"    // one day: DAY_SURGERY, the GD25 line relabelled
            + "IP,DEMO-H1,employee,2,30,5,2026-03-06,1,K35.800x002,47.0100,12000.00,9000.00,3000.00\n"); // five days: DRG
        var (exit, stderr) = Run("price", "--policy", F("drg-mix.json"), "--hospitals", F("drg-hospitals.csv"), "--input", F("drg-cases.csv"), "--output", F("drg-lines.csv"),
            "--rules", Demo.DemoRegion.Load().DrgRuleFolder, "--edition", Demo.DemoRegion.DrgEdition, "--weights", F("weights.csv"), "--threads", "1");
        Assert.True(exit == 0, "exit " + exit + ": " + stderr);
        var lines = SettlementLineCsv.ReadFile(F("drg-lines.csv")).Select(r => r.Value!.Line).ToDictionary(l => l.LineId);
        Assert.Equal(("DAY_SURGERY", "DRG", 1.0846m), (lines["DS"].Method, lines["DS"].Basis.PointSystem, lines["DS"].Basis.Points));
        Assert.Equal(("DRG", "DRG", 1.0846m), (lines["IP"].Method, lines["IP"].Basis.PointSystem, lines["IP"].Basis.Points));

        var (missing, missingErr) = Run("price", "--policy", F("drg-mix.json"), "--hospitals", F("drg-hospitals.csv"), "--input", F("drg-cases.csv"), "--output", F("drg-lines.csv"));
        Assert.Equal(2, missing);
        Assert.Contains("--rules, --edition and --weights are required", missingErr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_mix_or_a_missing_grouper_exits_2()
    {
        File.WriteAllText(F("bad.json"), "{ \"id\": \"b\", \"version\": \"1\",\n \"order\": [\"FEE_FOR_SERVICE\", \"DIP\"] }");
        var (exit, stderr) = Run("price", "--policy", F("bad.json"), "--hospitals", F("hospitals.csv"), "--input", F("cases.csv"), "--output", F("lines.csv"));
        Assert.Equal(2, exit);
        Assert.Contains("line 2, field order[1]", stderr, StringComparison.Ordinal);
        Assert.Contains("METHOD_POLICY_UNREACHABLE", stderr, StringComparison.Ordinal);

        var (dip, dipErr) = Run("price", "--policy", "example-mix-2025", "--hospitals", F("hospitals.csv"), "--input", F("cases.csv"), "--output", F("lines.csv"));
        Assert.Equal(2, dip);
        Assert.Contains("--dip-catalog and --dip-profile are required", dipErr, StringComparison.Ordinal);
    }

    internal static (int Exit, string Stderr) Run(params string[] args) => MedpayProcess.Run(args) is var r ? (r.Exit, r.Err) : default;
}
