using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using MedInsurance.Payment.Cases;
using MedInsurance.Payment.Interchange;
using MedInsurance.Payment.TestSupport;

namespace MedInsurance.Payment.Dip.Tests;

/// <summary>End-to-end runs of <c>medpay dip build-catalog</c> and <c>medpay dip score</c> on small hand-written files.</summary>
public sealed class CliTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "medpay-dip-" + Guid.NewGuid().ToString("N"));

    public CliTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }

    private static (int Code, string Out, string Err) Medpay(params string[] args) => MedpayProcess.Run(args) is var r ? (r.Exit, r.Out, r.Err) : default;

    [Fact]
    public void Build_catalog_then_score_writes_one_row_per_input_row_in_order()
    {
        var history = new StringBuilder("id,hospital_id,sex,age,los,discharge_date,diagnoses,procedures,total_cost\n");
        for (var i = 0; i < 20; i++)
        {
            history.Append('a').Append(i).Append(",H1,1,40,5,2025-05-01,K35.900x001,47.0900,10000\n");
            history.Append('b').Append(i).Append(",H2,2,30,3,2024-05-01,J06.900,,2000\n");
        }

        var historyCsv = Write("history.csv", history.ToString());
        var hospitals = Write("hospitals.csv", "hospital_id,name,level,type,coefficient\nH1,一院,三级甲等,general,\nH2,卫生院,1,primary,0.8\n");
        var catalog = Path.Combine(_dir, "catalog.json");
        var build = Medpay("dip", "build-catalog", "--history", historyCsv, "--hospitals", hospitals, "--output", catalog);
        Assert.True(build.Code == 0, build.Err);
        Assert.Contains("core                 2        40", build.Out, StringComparison.Ordinal);

        var cases = Write(
            "cases.csv",
            "id,hospital_id,sex,age,los,discharge_date,diagnoses,procedures,total_cost\n"
            + "c1,H1,1,40,5,2026-03-01,K35.900x001,47.0900,25000\n"
            + "c2,H1,1,40,0,2026-03-01,K35.900x001,47.0900,25000\n"
            + "c3,H9,2,30,3,2026-03-01,Z99.900,,300\n"
            + "c4,H2,2,30,3,2026-03-01,J06.900,,2000\n");
        var scored = Path.Combine(_dir, "scored.csv");
        var run = Medpay("dip", "score", "--catalog", catalog, "--hospitals", hospitals, "--profile", "national-dip-1.0", "--input", cases, "--output", scored);

        // c2 is rejected and c3 not priced: exit 1 (docs/formats.md), H9 is not in the hospitals file: one warning.
        Assert.True(run.Code == 1, run.Err);
        Assert.Contains("medpay: warning: hospital H9 is not in the hospitals file: 1 cases scored at coefficient 1 (DIP_HOSPITAL_UNKNOWN)", run.Err, StringComparison.Ordinal);
        Assert.Contains("medpay: 2 rows rejected or without a settlement line", run.Err, StringComparison.Ordinal);
        Assert.Matches(@"^scoring: 3 cases in [0-9.]+ ms = [0-9]+ cases/s \(threads " + Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture) + @"\)", run.Err.Trim()); // default: all cores
        var (header, rows) = Table(scored);
        Assert.Equal(
            "line_id,hospital_id,fund,month,method,point_system,points,amount,total_cost,patient_paid,fund_paid,audit_deduction,special_review,approved_amount,"
            + "status,group_code,group_kind,ratio,deviation,base_score,hospital_coefficient,auxiliary_coefficient,case_score,review,issues",
            header);
        Assert.Equal(new[] { "c1", "c2", "c3", "c4" }, rows.Select(r => r["line_id"]));
        Assert.Equal(("scored", "K35.9:47.0900", "core", "2.5", "high"), (rows[0]["status"], rows[0]["group_code"], rows[0]["group_kind"], rows[0]["ratio"], rows[0]["deviation"]));
        Assert.Equal(("H1", "3", "DIP", "DIP", "25000.00"), (rows[0]["hospital_id"], rows[0]["month"], rows[0]["method"], rows[0]["point_system"], rows[0]["total_cost"]));
        Assert.Equal(rows[0]["case_score"], rows[0]["points"]);
        Assert.Equal("rejected", rows[1]["status"]);
        Assert.Contains("LOS_INVALID", rows[1]["issues"], StringComparison.Ordinal);
        Assert.Equal(("H1", string.Empty, string.Empty), (rows[1]["hospital_id"], rows[1]["points"], rows[1]["method"]));
        Assert.Equal(("unmatched", string.Empty, "unmatched"), (rows[2]["status"], rows[2]["group_code"], rows[2]["group_kind"]));
        Assert.Contains("DIP_UNMATCHED", rows[2]["issues"], StringComparison.Ordinal);
        Assert.Contains("DIP_PRICE_NOT_SCORED(case_score)", rows[2]["issues"], StringComparison.Ordinal);
        Assert.Equal(("H9", string.Empty), (rows[2]["hospital_id"], rows[2]["points"]));
        Assert.Equal(("scored", "J06.9:-", "core", "1", "normal"), (rows[3]["status"], rows[3]["group_code"], rows[3]["group_kind"], rows[3]["ratio"], rows[3]["deviation"]));
        Assert.Equal(rows[3]["case_score"], rows[3]["points"]);
    }

    [Fact]
    public void Scored_output_reads_back_as_settlement_lines_one_record_per_input_row()
    {
        // Catalog: one group, score 1000, mean 10 000, regional mean 10 000. H1 coefficient 1, H2 coefficient 0.8.
        var catalog = Write(
            "catalog.json",
            """
            {
              "format": "medinsurance-payment/dip-catalog/1", "edition": "test", "region": "test",
              "regionalMeanCost": 10000, "scoreScale": 1000,
              "groups": [ { "code": "K35.9:-", "name": "阑尾炎", "kind": "core", "diagnosis": "K35.9", "score": 1000, "meanCost": 10000, "caseCount": 100, "cv": 0.3 } ]
            }
            """);
        var hospitals = Write("hospitals.csv", "hospital_id,name,level,type,coefficient\nH1,一院,三级甲等,general,1\nH2,二院,二级甲等,general,0.8\n");
        var cases = Write(
            "cases.csv",
            "id,hospital_id,fund,sex,age,los,discharge_date,diagnoses,procedures,total_cost,patient_paid,fund_paid\n"
            + "p1,H1,employee,1,40,5,2026-03-10,K35.900,,10000,2000,8000\n" // ratio 1: 1000 × 1 = 1000 points
            + "p2,H2,resident,2,30,3,2026-07-01,J18.900,,5000,1000,0\n" // unmatched, Jining: 5 000 ÷ 10 000 × 1000 × 0.7 = 350 points
            + "p3,H1,employee,1,40,5,,K35.900,,10000,2000,8000\n" // scored, no discharge date: not priced
            + "p4,H2,resident,2,30,0,2026-03-01,K35.900,,25000,,\n" // LOS 0: rejected by the case reader
            + "p5,H2,resident,1,50,6,2026-12-31,K35.900,,25000,5000,20000\n" // ratio 2.5, Jining 2–5×: 1000 × (2.5 − 2 + 0.8) = 1300
            + "p6,H1,employee,1,40,5,2026-03-10,,,10000,,\n"); // no main diagnosis
        var scored = Path.Combine(_dir, "scored.csv");
        var run = Medpay("dip", "score", "--catalog", catalog, "--hospitals", hospitals, "--profile", "jining", "--input", cases, "--output", scored);
        Assert.True(run.Code == 1, run.Err);

        var records = SettlementLineCsv.ReadFile(scored).ToList();
        Assert.Equal(new[] { "p1", "p2", "p3", "p4", "p5", "p6" }, records.Select(r => r.Id));
        var accepted = records.Where(r => !r.IsRejected).ToDictionary(r => r.Id, r => r.Value!.Line);
        Assert.Equal(new[] { "p1", "p2", "p5" }, accepted.Keys);
        Assert.Equal(1_000m, accepted["p1"].Basis.Points);
        Assert.Equal(350m, accepted["p2"].Basis.Points);
        Assert.Equal(1_300m, accepted["p5"].Basis.Points);
        Assert.All(accepted.Values, l => Assert.Equal(("DIP", "DIP", true), (l.Method, l.Basis.PointSystem, l.Basis.IsPoints)));
        Assert.Equal((InsuranceFund.Employee, 3, Money.FromYuan(10_000m), Money.FromYuan(2_000m), (Money?)Money.FromYuan(8_000m)), (accepted["p1"].Fund, accepted["p1"].Month, accepted["p1"].TotalCost, accepted["p1"].PatientPaid, accepted["p1"].FundPaid));
        Assert.Equal((InsuranceFund.Resident, 7, "H2", (Money?)null), (accepted["p2"].Fund, accepted["p2"].Month, accepted["p2"].HospitalId, accepted["p2"].FundPaid));
        Assert.Equal((12, (Money?)Money.FromYuan(20_000m)), (accepted["p5"].Month, accepted["p5"].FundPaid));
        Assert.All(records.Where(r => r.IsRejected), r => Assert.Contains(r.Issues, i => i.Code == "SETTLE_BASIS_MISSING"));

        // The points are the case scores the same rows carry.
        var (_, rows) = Table(scored);
        foreach (var row in rows.Where(r => accepted.ContainsKey(r["line_id"])))
        {
            Assert.Equal(decimal.Parse(row["case_score"], CultureInfo.InvariantCulture), accepted[row["line_id"]].Basis.Points);
        }

        Assert.Contains("DIP_PRICE_DISCHARGE_DATE_MISSING(discharge_date)", rows[2]["issues"], StringComparison.Ordinal);
        Assert.Equal(("scored", "1000.0000", "p3", "H1"), (rows[2]["status"], rows[2]["case_score"], rows[2]["line_id"], rows[2]["hospital_id"]));
        Assert.Equal("rejected", rows[3]["status"]);
        Assert.Equal("rejected", rows[5]["status"]);

        // The commands chain: the scored file is the input of `medpay settle year --lines`. Fixed value 10, one DIP pool,
        // no bands (结余留用). H1: p1 1 000 points × 10 − patient 2 000 = 8 000, by item 8 000 → settled 8 000.
        // H2: (350 + 1 300) × 10 − (1 000 + 5 000) = 10 500; p2 carries no item-based amount, so risk sharing does not
        // apply and 10 500 is paid as computed, with a warning. The three unpriced rows are rejected (exit 1), none lost.
        var policy = Write(
            "policy.json",
            """
            { "id": "chain", "version": "1", "year": 2026, "valueMethod": "fixed", "advanceRatio": 1, "qualityDepositRate": 0,
              "pools": [ { "pointSystem": "DIP", "fund": "all", "fundPaymentRatio": 1, "presetValue": 10, "budget": { "method": "fixed", "amount": 1 } } ] }
            """);
        var settled = Path.Combine(_dir, "settled");
        var settle = Medpay("settle", "year", "--policy", policy, "--hospitals", hospitals, "--lines", scored, "--output", settled);
        Assert.True(settle.Code == 1, settle.Err);
        Assert.Contains("2 hospitals, 3 lines settled, 3 line rows rejected", settle.Out, StringComparison.Ordinal);
        Assert.Contains("H2: SETTLE_RISK_SHARING_NOT_APPLICABLE(fund_paid)", settle.Err, StringComparison.Ordinal);
        var results = File.ReadAllLines(Path.Combine(settled, "line-results.csv")).Skip(1).Select(l => l.Split(',')).ToArray();
        Assert.Equal(
            new[] { "p1:settled", "p2:settled", "p3:rejected", "p4:rejected", "p5:settled", "p6:rejected" },
            results.Select(r => r[1] + ":" + r[2]));
        var summary = File.ReadAllLines(Path.Combine(settled, "summary.csv"));
        Assert.Contains("annualSettled,年度清算应付合计,18500.00", summary);
        Assert.Contains("pool.DIP.totalPoints,总点数,2650", summary);

        // Another profile and point system: national DIP 1.0 does not score unmatched cases.
        var national = Medpay("dip", "score", "--catalog", catalog, "--hospitals", hospitals, "--profile", "national-dip-1.0", "--input", cases, "--output", scored, "--point-system", "DIP_2026");
        Assert.True(national.Code == 1, national.Err);
        var again = SettlementLineCsv.ReadFile(scored).ToList();
        Assert.Equal(6, again.Count);
        Assert.Equal("DIP_2026", again[0].Value!.Line.Basis.PointSystem);
        Assert.Equal(1_000m, again[0].Value!.Line.Basis.Points);
        Assert.True(again[1].IsRejected);
        Assert.Contains("DIP_PRICE_NOT_SCORED(case_score)", Table(scored).Rows[1]["issues"], StringComparison.Ordinal);
    }

    /// <summary>The output as header text and rows by column name (no field of these files holds a comma).</summary>
    private static (string Header, List<Dictionary<string, string>> Rows) Table(string path)
    {
        var lines = File.ReadAllLines(path);
        var names = lines[0].Split(',');
        var rows = lines.Skip(1).Select(l => l.Split(','))
            .Select(cells =>
            {
                Assert.Equal(names.Length, cells.Length);
                return names.Select((n, i) => (n, i)).ToDictionary(x => x.n, x => cells[x.i], StringComparer.Ordinal);
            })
            .ToList();
        return (lines[0], rows);
    }

    [Fact]
    public void Score_rejects_the_cases_of_a_hospital_whose_row_failed_validation_and_exits_1()
    {
        var catalog = Write(
            "catalog.csv",
            "group_code,group_name,kind,diagnosis,main_procedure,related_procedures,procedure_class,score,mean_cost,case_count,cv\n"
            + "K35.9:-,阑尾炎,core,K35.9,,,,1000,10000,100,0.3\n");
        var cases = Write("cases.csv", "id,hospital_id,sex,age,los,discharge_date,diagnoses,procedures,total_cost\nc1,H1,1,40,5,2026-03-01,K35.900,,10000\nc2,H2,1,40,5,2026-03-01,K35.900,,10000\n");

        // H2's level has a typo ("三级甲x"): its row is rejected, so c2 must not be scored at coefficient 1.
        var hospitals = Write("hospitals.csv", "hospital_id,name,level,type,coefficient\nH1,一院,三级甲等,general,1.1\nH2,二院,三级甲x,general,1.1\n");
        var scored = Path.Combine(_dir, "scored.csv");
        var run = Medpay("dip", "score", "--catalog", catalog, "--hospitals", hospitals, "--profile", "national-dip-1.0", "--input", cases, "--output", scored);
        Assert.True(run.Code == 1, run.Err);
        Assert.Contains("hospitals file, row 2: FIELD_INVALID(level); the cases of hospital H2 are rejected (DIP_HOSPITAL_INVALID)", run.Err, StringComparison.Ordinal);
        var rows = Table(scored).Rows;
        Assert.Equal(("scored", "1.1", "1100.0000"), (rows[0]["status"], rows[0]["hospital_coefficient"], rows[0]["case_score"]));
        Assert.Equal(("rejected", string.Empty, string.Empty, string.Empty), (rows[1]["status"], rows[1]["hospital_coefficient"], rows[1]["case_score"], rows[1]["points"]));
        Assert.Contains("DIP_HOSPITAL_INVALID(hospital_id)", rows[1]["issues"], StringComparison.Ordinal);
    }

    [Fact]
    public void Score_rejects_cases_outside_the_catalogs_dates_and_refuses_a_catalog_no_case_falls_in()
    {
        var catalog = Write(
            "catalog.json",
            """
            {
              "format": "medinsurance-payment/dip-catalog/1", "edition": "test", "region": "test",
              "effectiveFrom": "2026-01-01", "effectiveTo": "2026-12-31",
              "regionalMeanCost": 10000, "scoreScale": 1000,
              "groups": [ { "code": "K35.9:-", "name": "阑尾炎", "kind": "core", "diagnosis": "K35.9", "score": 1000, "meanCost": 10000, "caseCount": 100, "cv": 0.3 } ]
            }
            """);
        var hospitals = Write("hospitals.csv", "hospital_id,name,level,type,coefficient\nH1,一院,三级甲等,general,1\n");
        var cases = Write(
            "cases.csv",
            "id,hospital_id,sex,age,los,discharge_date,diagnoses,procedures,total_cost\n"
            + "c1,H1,1,40,5,2025-12-31,K35.900,,10000\n"
            + "c2,H1,1,40,5,2026-06-01,K35.900,,10000\n");
        var scored = Path.Combine(_dir, "scored.csv");
        var run = Medpay("dip", "score", "--catalog", catalog, "--hospitals", hospitals, "--profile", "national-dip-1.0", "--input", cases, "--output", scored);
        Assert.True(run.Code == 1, run.Err);
        var rows = Table(scored).Rows;
        Assert.Equal(("rejected", "scored"), (rows[0]["status"], rows[1]["status"]));
        Assert.Contains("DIP_CATALOG_NOT_IN_FORCE(discharge_date)", rows[0]["issues"], StringComparison.Ordinal);
        Assert.Equal("1000.0000", rows[1]["points"]);

        // Every dated case outside the catalog's period: refused before anything is written.
        var lastYear = Write("last-year.csv", "id,hospital_id,sex,age,los,discharge_date,diagnoses,procedures,total_cost\nc1,H1,1,40,5,2025-03-01,K35.900,,10000\nc2,H1,1,40,5,2025-06-01,K35.900,,10000\n");
        var refusedOut = Path.Combine(_dir, "refused.csv");
        var refused = Medpay("dip", "score", "--catalog", catalog, "--hospitals", hospitals, "--profile", "national-dip-1.0", "--input", lastYear, "--output", refusedOut);
        Assert.Equal(2, refused.Code);
        Assert.Contains("the DIP catalog is in force 2026-01-01 – 2026-12-31, but none of the 2 cases with a discharge date in last-year.csv was discharged in that period", refused.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("2025-03-01", refused.Err, StringComparison.Ordinal);
        Assert.False(File.Exists(refusedOut));
    }

    [Fact]
    public void Score_adds_the_hospitals_bonus_coefficient_and_refuses_a_bad_one()
    {
        var catalog = Write(
            "catalog.csv",
            "group_code,group_name,kind,diagnosis,main_procedure,related_procedures,procedure_class,score,mean_cost,case_count,cv\n"
            + "K35.9:-,阑尾炎,core,K35.9,,,,1000,10000,100,0.3\n");
        var cases = Write("cases.csv", "id,hospital_id,sex,age,los,discharge_date,diagnoses,procedures,total_cost\nc1,H1,1,40,5,2026-03-01,K35.900,,10000\n");
        var scored = Path.Combine(_dir, "scored.csv");
        var good = Write("hospitals.csv", "hospital_id,name,level,type,coefficient,coefficient_bonus\nH1,一院,三级甲等,general,1.05,0.03\n");
        var run = Medpay("dip", "score", "--catalog", catalog, "--hospitals", good, "--profile", "national-dip-1.0", "--input", cases, "--output", scored);
        Assert.True(run.Code == 0, run.Err);
        var row = Table(scored).Rows[0];
        Assert.Equal(("scored", "K35.9:-", "core", "1", "normal", "1000", "1.08", "1", "1080.0000"), (row["status"], row["group_code"], row["group_kind"], row["ratio"], row["deviation"], row["base_score"], row["hospital_coefficient"], row["auxiliary_coefficient"], row["case_score"]));
        Assert.Equal("1080.0000", row["points"]);

        var bad = Write("bad.csv", "hospital_id,name,level,type,coefficient,coefficient_bonus\nH1,一院,三级甲等,general,1.05,-0.1\n");
        var refused = Medpay("dip", "score", "--catalog", catalog, "--hospitals", bad, "--profile", "national-dip-1.0", "--input", cases, "--output", scored);
        Assert.Equal(2, refused.Code);
        Assert.Contains("row 1: DIP_HOSPITAL_COEFFICIENT_INVALID(coefficient_bonus)", refused.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_profile_is_reported_with_the_built_in_names()
    {
        var empty = Write("x.csv", "id\n");
        var run = Medpay("dip", "score", "--catalog", empty, "--hospitals", empty, "--profile", "shanghai", "--input", empty, "--output", Path.Combine(_dir, "o.csv"));
        Assert.Equal(2, run.Code);
        Assert.Contains("national-dip-1.0", run.Err, StringComparison.Ordinal);
    }
}
