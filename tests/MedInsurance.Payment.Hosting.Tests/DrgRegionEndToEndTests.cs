using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using MedInsurance.Payment.Demo;
using MedInsurance.Payment.TestSupport;

namespace MedInsurance.Payment.Hosting.Tests;

/// <summary>
/// A hand-computed region through <c>medpay drg price</c> → <c>medpay settle year</c> (issue 11): three hospitals at two
/// levels, twelve DRGs of the demo rule pack, employee and resident rates, a hospital's own coefficient, 基础病组, a high,
/// a low, an incomplete stay and two special-review candidates. Every number is worked by hand in the comments and in
/// docs/drg/README.md, "A hand-computed region".
/// </summary>
public sealed class DrgRegionEndToEndTests
{
    // Money-form pricing policy: rates by fund × level; level-2 coefficient 0.9; 基础病组 priced at level 2 everywhere;
    // low < 0.4 × standard (cost ratio), high ≥ 2 × standard (standard + excess), ≥ 3× or ≥ 60 days flags special review,
    // a death within 2 days paid cost ratio capped at the standard.
    private const string Policy = """
        {
          "name": "e2e-drg-pricing", "version": "1",
          "form": "money",
          "rates": [
            { "fund": "employee", "level": 3, "yuan": 10000 },
            { "fund": "resident", "level": 3, "yuan": 9000 },
            { "fund": "employee", "level": 2, "yuan": 8000 },
            { "fund": "resident", "level": 2, "yuan": 7500 }
          ],
          "levelCoefficients": { "2": 0.9 },
          "baseGroupLevel": 2,
          "outliers": {
            "lowMultiple": 0.4, "highMultiple": 2, "extremeMultiple": 3, "longStayDays": 60,
            "incompleteStay": { "maxDays": 2, "dischargeTypes": ["death"] }
          }
        }
        """;

    private const string Table = "DRG编码,DRG名称,权重,基础病组\r\n"
        + "FM11,经皮冠状动脉支架植入，伴严重并发症或合并症,3.2150,\r\n"
        + "FM13,经皮冠状动脉支架植入，伴并发症或合并症,2.6480,\r\n"
        + "FM15,经皮冠状动脉支架植入，不伴并发症或合并症,2.3120,\r\n"
        + "FR33,心绞痛，伴并发症或合并症,0.7260,\r\n"
        + "FR35,心绞痛，不伴并发症或合并症,0.5840,\r\n"
        + "GD21,阑尾切除术，伴严重并发症或合并症,1.4530,\r\n"
        + "GD25,阑尾切除术，不伴严重并发症或合并症,0.9860,\r\n"
        + "GU21,其他消化溃疡，伴严重并发症或合并症,1.1240,\r\n"
        + "GU25,其他消化溃疡，不伴严重并发症或合并症,0.6350,是\r\n"
        + "GW19,食管炎、胃肠炎,0.3920,是\r\n"
        + "GZ13,其他消化系统诊断，伴并发症或合并症,0.5480,\r\n"
        + "GZ15,其他消化系统诊断，不伴并发症或合并症,0.4210,\r\n"
        + "0,未入组,,\r\n";

    private const string Cases = "id,hospital_id,fund,sex,age,los,discharge_date,discharge_type,diagnoses,procedures,total_cost,fund_paid,patient_paid\n"
        + "A01,HA,employee,1,60,9,2025-01-15,1,I20.000|I50.900,36.0700,52000.00,41600.00,10400.00\n"
        + "A02,HA,resident,1,62,8,2025-02-10,1,I20.000|E11.900,36.0700,24000.00,18000.00,6000.00\n"
        + "A03,HA,employee,2,58,7,2025-03-12,1,I20.000,36.0700,21000.00,16800.00,4200.00\n"
        + "A04,HA,resident,1,66,12,2025-04-08,1,I20.000|E11.900,,70000.00,52500.00,17500.00\n"
        + "B05,HB,employee,2,64,7,2025-05-20,1,I20.000,,6000.00,4800.00,1200.00\n"
        + "B06,HB,resident,1,35,6,2025-06-18,1,K35.800x002|J96.000,47.0100,15000.00,11250.00,3750.00\n"
        + "B07,HB,employee,2,32,5,2025-07-02,1,K35.800x002,47.0100,1500.00,1200.00,300.00\n"
        + "B08,HB,resident,1,52,1,2025-08-09,5,K25.900|I50.900,,4000.00,3000.00,1000.00\n"
        + "C09,HC,employee,2,48,7,2025-09-15,1,K25.900,,5200.00,4160.00,1040.00\n"
        + "C10,HA,resident,1,40,4,2025-10-11,1,K52.900,,3000.00,2250.00,750.00\n"
        + "C11,HC,employee,2,62,65,2025-11-03,1,K59.000|E11.900,,6400.00,5120.00,1280.00\n"
        + "C12,HC,resident,1,60,4,2025-12-01,1,K59.000,,2000.00,1500.00,500.00\n";

    // HA level 3; HB level 2 with its own coefficient 1.05 (over the level's 0.9); HC level 2.
    private const string Hospitals = "hospital_id,name,level,type,coefficient,assessment_score\n"
        + "HA,甲医院,三级甲等,general,,96\n"
        + "HB,乙医院,二级甲等,general,1.05,88\n"
        + "HC,丙医院,二级乙等,general,,80\n";

    // The settlement policy: one DRG pool; overspend shared 80% up to 10% of the payable, borne above; assessment
    // coefficient 1 (≥ 95), 0.99 (≥ 85), 0.97; monthly 90% with a 3% deposit released 100% (≥ 90), 60% (≥ 70).
    private const string Settlement = """
        {
          "id": "e2e-drg-2025", "version": "1", "name": "e2e", "year": 2025, "rules": 2025, "method": "DRG",
          "valueMethod": "floating", "payableForm": "patientShareDeducted", "unitDecimals": 4,
          "advanceRatio": 0.9, "qualityDepositRate": 0.03, "workingAdvanceMonths": 1, "specialReviewCap": 0.05,
          "pools": [ { "pointSystem": "DRG", "fund": "all", "fundPaymentRatio": 0.75, "presetValue": 10000,
                       "budget": { "method": "fixed", "amount": 200000 } } ],
          "riskSharing": { "surplus": [ { "upTo": null, "share": 1.0 } ],
                           "overspend": [ { "upTo": 0.10, "share": 0.8 }, { "upTo": null, "share": 0 } ] },
          "assessment": {
            "coefficients": [ { "minScore": 95, "value": 1.0 }, { "minScore": 85, "value": 0.99 }, { "minScore": 0, "value": 0.97 } ],
            "depositRelease": [ { "minScore": 90, "value": 1.0 }, { "minScore": 70, "value": 0.6 }, { "minScore": 0, "value": 0 } ]
          }
        }
        """;

    [Fact]
    public void Twelve_cases_priced_by_fund_level_and_outlier_rules_then_settled_match_the_hand_computation()
    {
        var folder = Path.Combine(Path.GetTempPath(), "medpay-drg-region-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            string F(string name, string text)
            {
                var path = Path.Combine(folder, name);
                File.WriteAllText(path, text);
                return path;
            }

            var lines = Path.Combine(folder, "lines.csv");
            var price = MedpayProcess.Run("drg", "price", "--rules", DemoRegion.Load().DrgRuleFolder, "--edition", DemoRegion.DrgEdition,
                "--input", F("cases.csv", Cases), "--weights", F("table.csv", Table), "--hospitals", F("hospitals.csv", Hospitals),
                "--policy", F("pricing.json", Policy), "--output", lines, "--threads", "1");
            Assert.True(price.Exit == 0, price.Err);
            Assert.Contains("pricing: 12 of 12 rows priced, 0 unpriced, 0 rejected", price.Err, StringComparison.Ordinal);
            Assert.Contains("pricing: 2 special-review candidates", price.Err, StringComparison.Ordinal);

            var rows = ReadRows(lines);
            // id → (drg, level, standard, payment, outlier, line amount = payment − patient paid, review candidate)
            var expected = new Dictionary<string, (string Drg, string Level, string Standard, string Payment, string Outlier, string Amount, string Candidate)>
            {
                // HA level 3. FM11 employee: 3.215 × 10 000 = 32 150; 52 000 within [12 860, 64 300) → normal; 32 150 − 10 400 = 21 750.
                ["A01"] = ("FM11", "3", "32150", "32150", "normal", "21750.00", "0"),
                // FM13 resident: 2.648 × 9 000 = 23 832; − 6 000 = 17 832.
                ["A02"] = ("FM13", "3", "23832", "23832", "normal", "17832.00", "0"),
                // FM15 employee: 2.312 × 10 000 = 23 120; − 4 200 = 18 920.
                ["A03"] = ("FM15", "3", "23120", "23120", "normal", "18920.00", "0"),
                // FR33 resident: 0.726 × 9 000 = 6 534; 70 000 ≥ 13 068 → high: 6 534 + (70 000 − 13 068) = 63 466; ≥ 3 × 6 534 → candidate; − 17 500 = 45 966.
                ["A04"] = ("FR33", "3", "6534", "63466", "high", "45966.00", "1"),
                // HB level 2, own coefficient 1.05. FR35 employee: 0.584 × 8 000 × 1.05 = 4 905.6; − 1 200 = 3 705.60.
                ["B05"] = ("FR35", "2", "4905.6", "4905.6", "normal", "3705.60", "0"),
                // GD21 resident: 1.453 × 7 500 × 1.05 = 11 442.375 → 11 442.38 (四舍五入); − 3 750 = 7 692.38.
                ["B06"] = ("GD21", "2", "11442.38", "11442.38", "normal", "7692.38", "0"),
                // GD25 employee: 0.986 × 8 000 × 1.05 = 8 282.4; 1 500 < 0.4 × 8 282.4 = 3 312.96 → low: 8 282.4 × 1 500 ÷ 8 282.4 = 1 500; − 300 = 1 200.
                ["B07"] = ("GD25", "2", "8282.4", "1500", "low", "1200.00", "0"),
                // GU21 resident, death on day 1: 1.124 × 7 500 × 1.05 = 8 851.5; incomplete: 8 851.5 × min(4 000 ÷ 8 851.5, 1) = 4 000; − 1 000 = 3 000.
                ["B08"] = ("GU21", "2", "8851.5", "4000", "incomplete", "3000.00", "0"),
                // HC level 2. GU25 (基础病组) employee: 0.635 × 8 000 × 0.9 = 4 572; − 1 040 = 3 532.
                ["C09"] = ("GU25", "2", "4572", "4572", "normal", "3532.00", "0"),
                // GW19 (基础病组) resident at HA, a level-3 hospital: priced at level 2 — 0.392 × 7 500 × 0.9 = 2 646 (not 0.392 × 9 000 = 3 528); − 750 = 1 896.
                ["C10"] = ("GW19", "2", "2646", "2646", "normal", "1896.00", "0"),
                // GZ13 employee, 65 days: 0.548 × 8 000 × 0.9 = 3 945.6; cost normal; ≥ 60 days → candidate; − 1 280 = 2 665.60.
                ["C11"] = ("GZ13", "2", "3945.6", "3945.6", "normal", "2665.60", "1"),
                // GZ15 resident: 0.421 × 7 500 × 0.9 = 2 841.75; 2 000 ≥ 1 136.70 → normal; − 500 = 2 341.75.
                ["C12"] = ("GZ15", "2", "2841.75", "2841.75", "normal", "2341.75", "0"),
            };
            Assert.Equal(expected.Keys.ToArray(), rows.Select(r => r["line_id"]).ToArray());
            foreach (var row in rows)
            {
                var e = expected[row["line_id"]];
                Assert.Equal(e, (row["drg"], row["level"], row["standard"], row["payment"], row["outlier"], row["amount"], row["review_candidate"]));
                Assert.Equal(("DRG", "DRG", string.Empty), (row["method"], row["point_system"], row["points"]));
            }

            var output = Path.Combine(folder, "settled");
            var settle = MedpayProcess.Run("settle", "year", "--policy", F("settlement.json", Settlement), "--hospitals", Path.Combine(folder, "hospitals.csv"),
                "--lines", lines, "--output", output);
            Assert.True(settle.Exit == 0, settle.Err);
            var statement = File.ReadAllLines(Path.Combine(output, "statements.csv")).Skip(1)
                .Select(l => l.Split(','))
                .ToDictionary(c => c[0] + "/" + c[3], c => c[5]);

            // HA: lines 21 750 + 17 832 + 18 920 + 45 966 + 1 896 = 106 364.00; item-based fund 41 600 + 18 000 + 16 800 +
            // 52 500 + 2 250 = 131 150.00; overspend 24 786.00: 80% of the first 10% of the payable (10 636.40) = 8 509.12
            // shared, 16 276.88 borne; × assessment 1 → 114 873.12. Monthly 90% of each month's lines = 95 727.60; due
            // 19 145.52; deposit 3% = 3 190.92 released 100% → transfer 22 336.44.
            // HB: 3 705.60 + 7 692.38 + 1 200 + 3 000 = 15 597.98; fund 20 250; overspend 4 652.02; shared 0.8 × 1 559.798
            // = 1 247.84; 16 845.82 × 0.99 = 16 677.36; monthly 3 335.04 + 6 923.14 + 1 080 + 2 700 = 14 038.18; due
            // 2 639.18; deposit 111.17 + 230.77 + 36 + 90 = 467.94 × 0.6 = 280.76 → transfer 2 919.94.
            // HC: 3 532 + 2 665.60 + 2 341.75 = 8 539.35; fund 10 780; overspend 2 240.65; shared 0.8 × 853.935 = 683.15;
            // 9 222.50 × 0.97 = 8 945.83 (8 945.825 四舍五入); monthly 3 178.80 + 2 399.04 + 2 107.58 = 7 685.42; due
            // 1 260.41; deposit 105.96 + 79.97 + 70.25 = 256.18 × 0.6 = 153.71 → transfer 1 414.12.
            var want = new Dictionary<string, string>
            {
                ["HA/money.DRG"] = "106364.00", ["HA/ffs"] = "131150.00", ["HA/overspend.shared"] = "8509.12", ["HA/overspend.borne"] = "16276.88",
                ["HA/annual.settled"] = "114873.12", ["HA/monthly.total"] = "95727.60", ["HA/due"] = "19145.52", ["HA/transfer"] = "22336.44",
                ["HB/money.DRG"] = "15597.98", ["HB/ffs"] = "20250.00", ["HB/overspend.shared"] = "1247.84", ["HB/annual.settled"] = "16677.36",
                ["HB/monthly.total"] = "14038.18", ["HB/deposit.released"] = "280.76", ["HB/transfer"] = "2919.94",
                ["HC/money.DRG"] = "8539.35", ["HC/ffs"] = "10780.00", ["HC/overspend.shared"] = "683.15", ["HC/annual.settled"] = "8945.83",
                ["HC/monthly.total"] = "7685.42", ["HC/deposit.released"] = "153.71", ["HC/transfer"] = "1414.12",
            };
            foreach (var pair in want)
            {
                Assert.True(statement.TryGetValue(pair.Key, out var actual), pair.Key + " missing");
                Assert.True(pair.Value == actual, pair.Key + ": expected " + pair.Value + ", got " + actual);
            }

            // Region: 22 336.44 + 2 919.94 + 1 414.12 = 26 670.50 transferred at clearing.
            Assert.Contains("clearingTransfer,清算拨付合计,26670.50", File.ReadAllText(Path.Combine(output, "summary.csv")), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Drg_standards_takes_the_pricing_policy_and_refuses_it_beside_rate_options()
    {
        var folder = Path.Combine(Path.GetTempPath(), "medpay-drg-standards-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var table = Path.Combine(folder, "table.csv");
            var policy = Path.Combine(folder, "pricing.json");
            var output = Path.Combine(folder, "standards.csv");
            File.WriteAllText(table, Table);
            File.WriteAllText(policy, Policy);
            var run = MedpayProcess.Run("drg", "standards", "--weights", table, "--policy", policy, "--output", output);
            Assert.True(run.Exit == 0, run.Err);
            var rows = File.ReadAllLines(output);
            Assert.Equal("drg,name,weight,level,fund,rate,coefficient,standard,low_threshold,high_threshold", rows[0].TrimStart('\uFEFF'));
            // FM11 职工 at level 2: 3.215 × 8 000 × 0.9 = 23 148; thresholds 0.4× = 9 259.2 and 2× = 46 296.
            Assert.Contains("FM11,经皮冠状动脉支架植入，伴严重并发症或合并症,3.215,2,employee,8000,0.9,23148,9259.2,46296", rows);
            // GW19 is a 基础病组: at level 3 it gets the level-2 standard, 居民 0.392 × 7 500 × 0.9 = 2 646.
            Assert.Contains("GW19,食管炎、胃肠炎,0.392,3,resident,7500,0.9,2646,1058.4,5292", rows);
            Assert.Equal(2, MedpayProcess.Run("drg", "standards", "--weights", table, "--policy", policy, "--rate", "9000", "--output", output).Exit);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The rows as column → cell maps (the formula column may be quoted; it is the last column).</summary>
    private static List<Dictionary<string, string>> ReadRows(string path)
    {
        var text = File.ReadAllLines(path);
        var header = text[0].Split(',');
        var result = new List<Dictionary<string, string>>();
        foreach (var line in text.Skip(1))
        {
            var cells = line.Split(',', header.Length);
            result.Add(header.Select((h, i) => (h, i)).ToDictionary(p => p.h, p => p.i < cells.Length ? cells[p.i] : string.Empty));
        }

        return result;
    }
}
