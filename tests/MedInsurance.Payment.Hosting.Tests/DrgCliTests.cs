using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using MedInsurance.Payment.Demo;
using MedInsurance.Payment.Interchange;
using MedInsurance.Payment.Settlement;
using MedInsurance.Payment.TestSupport;

namespace MedInsurance.Payment.Hosting.Tests;

/// <summary><c>medpay drg group</c> and <c>drg price</c> run as processes on the demo rule pack: one output row per input row, in order.</summary>
public sealed class DrgCliTests
{
    [Fact]
    public void Drg_group_writes_one_row_per_input_row_in_order_and_times_the_grouping()
    {
        var folder = Path.Combine(Path.GetTempPath(), "medpay-drg-cli-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var input = Path.Combine(folder, "cases.csv");
            var output = Path.Combine(folder, "results.csv");
            File.WriteAllText(input, "id,sex,age,los,discharge_type,diagnoses,procedures\n"
                + "C1,2,30,5,1,K35.800x002|J96.000,47.0100\n"
                + "C2,1,50,0,1,,\n"
                + "C3,1,50,3,1,E11.900,\n"
                + "C4,1,65,8,1,I20.000|E11.900,36.0700\n");
            var (exit, stderr) = Run("drg", "group", "--rules", DemoRegion.Load().DrgRuleFolder, "--edition", DemoRegion.DrgEdition,
                "--input", input, "--output", output, "--threads", "1");
            Assert.True(exit == 0, stderr);
            var lines = File.ReadAllLines(output);
            Assert.Equal("id,status,mdc,adrg,drg,issues", lines[0]);
            Assert.Equal(new[] { "C1", "C2", "C3", "C4" }, lines.Skip(1).Select(l => l.Split(',')[0]));
            Assert.StartsWith("C1,grouped,MDCG,GD2,GD21,", lines[1], StringComparison.Ordinal);
            Assert.StartsWith("C2,rejected,", lines[2], StringComparison.Ordinal);
            Assert.Contains("DX_MAIN_MISSING", lines[2], StringComparison.Ordinal);
            Assert.StartsWith("C3,ungroupable,", lines[3], StringComparison.Ordinal);
            Assert.StartsWith("C4,grouped,MDCF,FM1,FM13,", lines[4], StringComparison.Ordinal);
            // The rejected row is not grouped, so the timing line counts the three cases the kernel grouped.
            Assert.Matches(new Regex(@"^grouping: 3 cases in [0-9.]+ ms = [0-9]+ cases/s \(threads 1\)$", RegexOptions.Multiline), stderr);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Drg_price_maps_codes_of_another_edition_through_a_crosswalk_and_says_so_on_the_row()
    {
        var folder = Path.Combine(Path.GetTempPath(), "medpay-drg-price-cw-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var input = Path.Combine(folder, "cases.csv");
            var weights = Path.Combine(folder, "weights.csv");
            var hospitals = Path.Combine(folder, "hospitals.csv");
            var map = Path.Combine(folder, "zd.dat");
            File.WriteAllText(input, "id,hospital_id,fund,sex,age,los,discharge_date,discharge_type,diagnoses,procedures,total_cost,fund_paid,patient_paid\n"
                + "P1,DEMO-H1,employee,2,30,5,2026-03-06,1,K35.899x001,47.0100,12000.00,9000.00,3000.00\n");
            File.WriteAllText(weights, "drg,weight\nGD25,0.9860\n");
            File.WriteAllText(hospitals, "hospital_id,name,level,type,coefficient\nDEMO-H1,a,三级甲等,general,1.1\n");
            File.WriteAllText(map, "K35.899x001 K35.800x002\n");
            string[] Args(string output, params string[] more) => new[] { "drg", "price", "--rules", DemoRegion.Load().DrgRuleFolder, "--edition", DemoRegion.DrgEdition,
                "--input", input, "--weights", weights, "--hospitals", hospitals, "--output", Path.Combine(folder, output) }.Concat(more).ToArray();

            var (exit, stderr) = Run(Args("without.csv"));
            Assert.True(exit == 1, "exit " + exit + ": " + stderr);   // the old code is not in the pack: not priced

            (exit, stderr) = Run(Args("with.csv", "--crosswalk", "旧版=" + map));
            Assert.True(exit == 0, "exit " + exit + ": " + stderr);
            var row = File.ReadAllLines(Path.Combine(folder, "with.csv"))[1];
            Assert.Contains(",GD25,", row, StringComparison.Ordinal);
            Assert.Contains("DRG_CODE_MAPPED(diagnoses[0])", row, StringComparison.Ordinal);
            Assert.DoesNotContain("K35.899x001", row, StringComparison.Ordinal);   // the code is the issue's value, not its text
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Drg_price_reads_cases_in_the_given_encoding_and_rejects_bytes_invalid_in_it()
    {
        var folder = Path.Combine(Path.GetTempPath(), "medpay-drg-price-enc-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var input = Path.Combine(folder, "cases.csv");
            var weights = Path.Combine(folder, "weights.csv");
            var hospitals = Path.Combine(folder, "hospitals.csv");
            var gb = System.Text.CodePagesEncodingProvider.Instance.GetEncoding(54936)!;
            File.WriteAllBytes(input, gb.GetBytes("id,hospital_id,fund,sex,age,los,discharge_date,discharge_type,diagnoses,procedures,total_cost,fund_paid,patient_paid\n"
                + "病例甲,DEMO-H1,employee,2,30,5,2026-03-06,1,K35.800x002,47.0100,12000.00,9000.00,3000.00\n"));
            File.WriteAllText(weights, "drg,weight\nGD25,0.9860\n");
            File.WriteAllText(hospitals, "hospital_id,name,level,type,coefficient\nDEMO-H1,a,三级甲等,general,1.1\n");
            string[] Args(string encoding, string output) => ["drg", "price", "--rules", DemoRegion.Load().DrgRuleFolder, "--edition", DemoRegion.DrgEdition,
                "--input", input, "--weights", weights, "--hospitals", hospitals, "--output", Path.Combine(folder, output), "--encoding", encoding];

            var (exit, stderr) = Run(Args("gb18030", "gb.csv"));
            Assert.True(exit == 0, "exit " + exit + ": " + stderr);
            Assert.StartsWith("病例甲,DEMO-H1,", File.ReadAllLines(Path.Combine(folder, "gb.csv"))[1], StringComparison.Ordinal);
            Assert.Contains("reading: 1 rows in = 1 accepted + 0 rejected", stderr, StringComparison.Ordinal);

            (exit, stderr) = Run(Args("utf-8", "utf8.csv"));
            Assert.True(exit == 1, "exit " + exit + ": " + stderr);
            var row = File.ReadAllLines(Path.Combine(folder, "utf8.csv"))[1];
            Assert.Contains("rejected", row, StringComparison.Ordinal);
            Assert.Contains("TEXT_ENCODING_INVALID", row, StringComparison.Ordinal);
            Assert.DoesNotContain("\uFFFD", row, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Drg_price_writes_a_settlement_line_row_per_input_row_that_the_line_reader_accounts_for()
    {
        var folder = Path.Combine(Path.GetTempPath(), "medpay-drg-price-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var input = Path.Combine(folder, "cases.csv");
            var weights = Path.Combine(folder, "weights.csv");
            var hospitals = Path.Combine(folder, "hospitals.csv");
            var output = Path.Combine(folder, "lines.csv");
            const string Header = "id,hospital_id,fund,sex,age,los,discharge_date,discharge_type,diagnoses,procedures,total_cost,fund_paid,patient_paid\n";
            File.WriteAllText(input, Header
                + "P1,DEMO-H1,employee,2,30,5,2026-03-06,1,K35.800x002,47.0100,12000.00,9000.00,3000.00\n"      // GD25
                + "P2,DEMO-H2,resident,2,30,5,2026-11-20,1,K35.800x002|J96.000,47.0100,20000.00,15000.00,5000.00\n" // GD21
                + "R1,DEMO-H1,employee,1,50,3,2026-03-06,1,,,100.00,0.00,100.00\n"                               // no main diagnosis
                + "U1,DEMO-H2,resident,1,50,3,2026-04-01,1,E11.900,,5000.00,4000.00,1000.00\n"                    // 0000
                + "U2,DEMO-H1,employee,1,65,8,2026-05-01,1,I20.000|E11.900,36.0700,30000.00,20000.00,10000.00\n"  // FM13, not in the weights
                + "U3,DEMO-H9,employee,2,30,5,2026-06-06,1,K35.800x002,47.0100,12000.00,9000.00,3000.00\n"      // unknown hospital
                + "U4,DEMO-H3,resident,2,30,5,2026-07-06,1,K35.800x002,47.0100,12000.00,9000.00,3000.00\n"      // coefficient "0,9": a decimal comma, not 9
                + "U5,DEMO-H1,employee,2,30,5,,1,K35.800x002,47.0100,12000.00,9000.00,3000.00\n"                // no discharge date
                + "P3,DEMO-H4,resident,2,30,5,2026-08-06,1,K35.800x002,47.0100,15000.00,0.00,5000.00\n"        // fund amount not reported
                + "U6,DEMO-H5,resident,2,30,5,2026-08-06,1,K35.800x002,47.0100,15000.00,10000.00,5000.00\n");  // hospital row rejected (level typo)
            File.WriteAllText(weights, "drg,weight\nGD25,0.9860\nGD21,1.4530\nFM11,\n");
            File.WriteAllText(hospitals, "hospital_id,name,level,type,coefficient\nDEMO-H1,a,三级甲等,general,1.1\nDEMO-H2,b,三级乙等,general,\nDEMO-H3,c,二级甲等,general,\"0,9\"\nDEMO-H4,d,二级乙等,general,0.95\nDEMO-H5,e,三级甲x,general,1.2\n");

            var (exit, stderr) = Run("drg", "price", "--rules", DemoRegion.Load().DrgRuleFolder, "--edition", DemoRegion.DrgEdition,
                "--input", input, "--weights", weights, "--hospitals", hospitals, "--output", output, "--threads", "1");
            Assert.True(exit == 1, "exit " + exit + ": " + stderr);
            Assert.Contains("pricing: 3 of 10 rows priced, 6 unpriced, 1 rejected", stderr, StringComparison.Ordinal);

            var rows = File.ReadAllLines(output);
            Assert.Equal(string.Join(",", SettlementLineCsv.Header) + ",drg,weight,coefficient,status,issues", rows[0]);
            var own = rows.Skip(1).Select(r => r.Split(',')).Select(c => (Id: c[0], Drg: c[^5], Weight: c[^4], Coefficient: c[^3], Status: c[^2], Issues: c[^1])).ToArray();
            Assert.Equal(new[] { "P1", "P2", "R1", "U1", "U2", "U3", "U4", "U5", "P3", "U6" }, own.Select(r => r.Id));
            Assert.Equal(new[] { "priced", "priced", "rejected", "unpriced", "unpriced", "unpriced", "unpriced", "unpriced", "priced", "unpriced" }, own.Select(r => r.Status));
            Assert.Equal(("GD25", "0.9860", "1.1"), (own[0].Drg, own[0].Weight, own[0].Coefficient));
            Assert.Equal(("GD21", "1.4530", "1"), (own[1].Drg, own[1].Weight, own[1].Coefficient));
            Assert.Contains("DX_MAIN_MISSING", own[2].Issues, StringComparison.Ordinal);
            Assert.Equal("0000", own[3].Drg);
            Assert.Contains("DRG_PRICE_UNGROUPABLE(drg)", own[3].Issues, StringComparison.Ordinal);
            Assert.Equal(("FM13", string.Empty), (own[4].Drg, own[4].Weight));
            Assert.Contains("DRG_PRICE_WEIGHT_MISSING(weight)", own[4].Issues, StringComparison.Ordinal);
            Assert.Equal("DRG_PRICE_HOSPITAL_UNKNOWN(hospital_id)", own[5].Issues);
            Assert.Equal("DRG_PRICE_COEFFICIENT_INVALID(coefficient)", own[6].Issues);
            Assert.Contains("DRG_PRICE_DISCHARGE_DATE_MISSING(discharge_date)", own[7].Issues, StringComparison.Ordinal);
            Assert.Equal(("GD25", string.Empty, "DRG_PRICE_HOSPITAL_INVALID(hospital_id)"), (own[9].Drg, own[9].Coefficient, own[9].Issues));
            Assert.Contains("row 5: FIELD_INVALID(level); the cases of hospital DEMO-H5 are rejected (DRG_PRICE_HOSPITAL_INVALID)", stderr, StringComparison.Ordinal);

            // Read back as settlement lines: every input row is a record, in order; priced rows are accepted lines,
            // the others rejected for having no basis (SETTLE_BASIS_MISSING) — nothing vanishes.
            using var reader = new StreamReader(output);
            var records = SettlementLineCsv.Read(reader).ToArray();
            Assert.Equal(new[] { "P1", "P2", "R1", "U1", "U2", "U3", "U4", "U5", "P3", "U6" }, records.Select(r => r.Id));
            Assert.Equal(new[] { "P1", "P2", "P3" }, records.Where(r => !r.IsRejected).Select(r => r.Id));
            Assert.All(records.Where(r => r.IsRejected), r => Assert.Contains(r.Issues, i => i.Code == SettlementIssueCodes.BasisMissing));
            Assert.Equal(new[] { "DEMO-H1", "DEMO-H2", "DEMO-H1", "DEMO-H2", "DEMO-H1", "DEMO-H9", "DEMO-H3", "DEMO-H1", "DEMO-H4", "DEMO-H5" }, rows.Skip(1).Select(r => r.Split(',')[1]));

            var p1 = records[0].Value!.Line;
            // GD25 0.9860 × coefficient 1.1 = 1.0846 points in the DRG point system; discharged in March.
            Assert.Equal(SettlementBasis.OfPoints("DRG", 1.0846m), p1.Basis);
            Assert.Equal(("DEMO-H1", Cases.InsuranceFund.Employee, 3, "DRG"), (p1.HospitalId, p1.Fund, p1.Month, p1.Method));
            Assert.Equal((Money.FromYuan(12_000m), Money.FromYuan(3_000m), (Money?)Money.FromYuan(9_000m)), (p1.TotalCost, p1.PatientPaid, p1.FundPaid));
            // GD21 1.4530 × 1 (empty coefficient) = 1.4530; November.
            Assert.Equal(SettlementBasis.OfPoints("DRG", 1.4530m), records[1].Value!.Line.Basis);
            Assert.Equal(11, records[1].Value!.Line.Month);
            // GD25 0.9860 × 0.95 = 0.93670 → 0.9367; a fund amount of 0 on a 15 000 case is unknown, written blank.
            var p3 = records[8].Value!.Line;
            Assert.Equal(SettlementBasis.OfPoints("DRG", 0.9367m), p3.Basis);
            Assert.Null(p3.FundPaid);

            // The table in force from April: P1 (March) is not priced, P2 (November) and P3 (August) still are.
            var (dated, datedErr) = Run("drg", "price", "--rules", DemoRegion.Load().DrgRuleFolder, "--edition", DemoRegion.DrgEdition,
                "--input", input, "--weights", weights, "--hospitals", hospitals, "--output", output, "--threads", "1", "--effective-from", "2026-04-01", "--effective-to", "2026-12-31");
            Assert.True(dated == 1, datedErr);
            Assert.Contains("pricing: 2 of 10 rows priced", datedErr, StringComparison.Ordinal);
            var p1Row = File.ReadAllLines(output)[1];
            Assert.StartsWith("P1,", p1Row, StringComparison.Ordinal);
            Assert.EndsWith(",unpriced,DRG_PRICE_TABLE_NOT_IN_FORCE(discharge_date)", p1Row, StringComparison.Ordinal);

            // A table no case falls in: refused before anything is written.
            File.Delete(output);
            var (refused, refusedErr) = Run("drg", "price", "--rules", DemoRegion.Load().DrgRuleFolder, "--edition", DemoRegion.DrgEdition,
                "--input", input, "--weights", weights, "--hospitals", hospitals, "--output", output, "--effective-from", "2030-01-01");
            Assert.True(refused == 2, refusedErr);
            Assert.Contains("the DRG table is in force 2030-01-01 – …, but none of the 9 cases with a discharge date in cases.csv was discharged in that period", refusedErr, StringComparison.Ordinal);
            Assert.False(File.Exists(output));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Drg_price_exits_0_when_every_row_is_priced_and_2_when_a_file_is_missing()
    {
        var folder = Path.Combine(Path.GetTempPath(), "medpay-drg-price-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var input = Path.Combine(folder, "cases.csv");
            var weights = Path.Combine(folder, "weights.csv");
            var hospitals = Path.Combine(folder, "hospitals.csv");
            var output = Path.Combine(folder, "lines.csv");
            File.WriteAllText(input, "id,hospital_id,fund,sex,age,los,discharge_date,discharge_type,diagnoses,procedures,total_cost,fund_paid,patient_paid\n"
                + "P1,DEMO-H1,employee,2,30,5,2026-03-06,1,K35.800x002,47.0100,12000.00,9000.00,3000.00\n");
            File.WriteAllText(weights, "drg,weight\nGD25,0.9860\n");
            File.WriteAllText(hospitals, "hospital_id,name,level,type\nDEMO-H1,a,三级甲等,general\n");
            string[] common = ["drg", "price", "--rules", DemoRegion.Load().DrgRuleFolder, "--edition", DemoRegion.DrgEdition, "--input", input, "--output", output, "--weights", weights];

            var (exit, stderr) = Run([.. common, "--hospitals", hospitals, "--point-system", "DRG-A"]);
            Assert.True(exit == 0, "exit " + exit + ": " + stderr);
            using (var reader = new StreamReader(output))
            {
                // No coefficient column: 1 → 0.9860 points, in the named point system.
                Assert.Equal(SettlementBasis.OfPoints("DRG-A", 0.9860m), Assert.Single(SettlementLineCsv.Read(reader)).Value!.Line.Basis);
            }

            var (missing, message) = Run([.. common, "--hospitals", Path.Combine(folder, "no-such.csv")]);
            Assert.Equal(2, missing);
            Assert.Contains("hospitals file not found", message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Drg_standards_writes_one_row_per_drg_level_and_fund_from_a_gb18030_table()
    {
        var folder = Path.Combine(Path.GetTempPath(), "medpay-drg-standards-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var table = Path.Combine(folder, "table.csv");
            var output = Path.Combine(folder, "standards.csv");
            System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
            File.WriteAllBytes(table, System.Text.Encoding.GetEncoding(54936).GetBytes(
                "DRG编码,DRG名称,权重,三级医院系数\r\nAA19,心脏移植,29.7,1.2\r\nZZ19,按项目付费组,,\r\n"));
            var (exit, stderr) = Run("drg", "standards", "--weights", table, "--rate", "职工:三级=9865", "--rate", "居民:三级=9391",
                "--low-multiple", "0.35", "--high-multiple", "2", "--output", output);
            // ZZ19 has no weight: reported, and exit 1.
            Assert.True(exit == 1, stderr);
            Assert.Contains("standards: 1 DRGs with a weight (gb18030), 1 without", stderr, StringComparison.Ordinal);
            var lines = File.ReadAllLines(output);
            Assert.Equal("drg,name,weight,level,fund,rate,coefficient,standard,low_threshold,high_threshold", lines[0].TrimStart('\uFEFF'));
            // 29.7 × 9 865 × 1.2 = 351 588.60 (low 123 056.01, high 703 177.20); 29.7 × 9 391 × 1.2 = 334 695.24 (117 143.33, 669 390.48).
            Assert.Equal(
                new[] { "AA19,心脏移植,29.7,3,employee,9865,1.2,351588.6,123056.01,703177.2", "AA19,心脏移植,29.7,3,resident,9391,1.2,334695.24,117143.33,669390.48" },
                lines.Skip(1));
            Assert.Equal(2, Run("drg", "standards", "--weights", table, "--rate", "某:三级=1", "--output", output).Exit);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static (int Exit, string Stderr) Run(params string[] args) => MedpayProcess.Run(args) is var r ? (r.Exit, r.Err) : default;
}
