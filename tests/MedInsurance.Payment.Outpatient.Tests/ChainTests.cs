using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using MedInsurance.Payment.Interchange;
using MedInsurance.Payment.TestSupport;
using static MedInsurance.Payment.Outpatient.Tests.Build;

namespace MedInsurance.Payment.Outpatient.Tests;

/// <summary>
/// <c>medpay outpatient group</c> and <c>medpay outpatient chronic</c> write settlement lines that <c>medpay settle year
/// --lines</c> reads: the two commands run end to end, their lines concatenated and cleared (docs/outpatient.md “Chained”).
/// </summary>
public sealed class ChainTests : IDisposable
{
    private const string RegionPolicy = """
        {
          "id": "chain-outpatient", "version": "1", "name": "chain", "year": 2026, "rules": 2025, "method": "DIP",
          "valueMethod": "floating", "payableForm": "patientShareDeducted", "advanceRatio": 1, "qualityDepositRate": 0,
          "pools": [ { "fund": "all", "fundPaymentRatio": 1, "presetValue": 10, "budget": { "method": "fixed", "amount": 1000000 } } ],
          "assessment": { "coefficients": [ { "minScore": 0, "value": 1 } ], "depositRelease": [ { "minScore": 0, "value": 1 } ] }
        }
        """;

    private const string Header = "claim_id,person_id,institution_id,fund,date,item_code,item_kind,quantity,amount,diagnosis\n";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "medpay-outpatient-" + Guid.NewGuid().ToString("N"));

    public ChainTests()
    {
        Directory.CreateDirectory(_folder);
        File.WriteAllText(F("region.json"), RegionPolicy);
        File.WriteAllText(F("hospitals.csv"), "hospital_id,name,level,type,assessment_score\nDEMO-H1,一院,三级甲等,general,100\nDEMO-H3,县医院,二级甲等,general,100\n");

        // The worked days: surgical (A), internal medicine (B), auxiliary (C), fee-for-service (D), and a claim spanning two days (S).
        File.WriteAllText(F("items.csv"), Header
            + "A1,P1,DEMO-H1,employee,2026-03-02,86.3x00,procedure,1,320.00,\n"
            + "A1,P1,DEMO-H1,employee,2026-03-02,C0312001,consumable,2,45.50,\n"
            + "A1,P1,DEMO-H1,employee,2026-03-02,XD08AXA001,drug,1,12.30,\n"
            + "A2,P1,DEMO-H1,employee,2026-03-02,XJ01CRA001,drug,1,28.00,\n"
            + "B1,P2,DEMO-H3,resident,2026-03-02,250301001,test,1,18.00,\n"
            + "B1,P2,DEMO-H3,resident,2026-03-02,XA10BAA001,drug,1,36.40,\n"
            + "S1,P9,DEMO-H3,resident,2026-03-02,120400001,procedure,1,25.00,\n"
            + "S1,P9,DEMO-H3,resident,2026-03-03,C0301001,consumable,1,5.00,\n"
            + "C1,P3,DEMO-H3,employee,2026-03-03,340200003,procedure,1,60.00,\n"
            + "C1,P3,DEMO-H3,employee,2026-03-03,120400001,procedure,1,25.00,\n"
            + "D1,P4,DEMO-H3,resident,2026-03-03,XA10BAA001,drug,1,36.40,\n"
            + "D1,P4,DEMO-H3,resident,2026-03-03,XN02BEA001,drug,1,15.55,\n");

        // The diabetes year of the worked example (fund 4 000.00) and one claim outside the list.
        File.WriteAllText(F("chronic.csv"), Header
            + "K1,P10,DEMO-H3,employee,2026-01-10,XA10BAA001,drug,1,1200.00,E11.900\n"
            + "K1,P10,DEMO-H3,employee,2026-01-10,110200001,procedure,1,100.00,E11.900\n"
            + "K2,P10,DEMO-H3,employee,2026-04-10,XA10BAA001,drug,1,2500.00,E11.900\n"
            + "K3,P10,DEMO-H3,employee,2026-08-10,XA10BAA001,drug,1,2000.00,E11.900\n"
            + "K4,P10,DEMO-H3,employee,2026-11-10,XA10BAA001,drug,1,300.00,E11.900\n"
            + "N1,P30,DEMO-H1,employee,2026-03-01,XJ01CRA001,drug,1,88.00,J06.900\n");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Group_and_chronic_lines_feed_settle_year()
    {
        var group = MedpayProcess.Run("outpatient", "group", "--table", DemoFile("outpatient-combinations.json"), "--hospitals", F("hospitals.csv"), "--input", F("items.csv"), "--output", F("group"));
        Assert.True(group.Exit == 1, group.Err); // the claim spanning two days is rejected
        Assert.Contains("rows in 12 = accepted 10 + rejected 2", group.Err);
        var issues = File.ReadAllLines(F("group", "item-issues.csv")).Skip(1).ToList();
        Assert.Equal(2, issues.Count);
        Assert.All(issues, l => Assert.Contains("OUTPATIENT_CLAIM_SPANS_DAYS", l));

        var days = Csv(F("group", "days.csv")).ToDictionary(r => r["unit_id"]);
        Assert.Equal(("SS01", "384.00"), (days["A1"]["combination"], days["A1"]["fund_pays"]));
        Assert.Equal(("NK01", "105.00"), (days["B1"]["combination"], days["B1"]["fund_pays"]));
        Assert.Equal(("FZ01", "32.00"), (days["C1"]["combination"], days["C1"]["fund_pays"]));
        Assert.Equal(("", "OUTPATIENT_NO_COMBINATION", "31.17"), (days["D1"]["combination"], days["D1"]["fallback"], days["D1"]["fund_pays"]));

        var chronic = MedpayProcess.Run("outpatient", "chronic", "--policy", DemoFile("chronic-policy.json"), "--claims", F("chronic.csv"), "--output", F("chronic-lines.csv"));
        Assert.True(chronic.Exit == 0, chronic.Err);
        Assert.Contains("rows in 6 = accepted 6 + rejected 0", chronic.Err);

        var groupLines = SettlementLineCsv.ReadFile(F("group", "lines.csv")).Select(r => r.Value!.Line).ToList();
        var chronicLines = SettlementLineCsv.ReadFile(F("chronic-lines.csv")).Select(r => r.Value!.Line).ToList();
        // Group: H1 combination 384.00; H3 combinations 105.00 + 32.00 = 137.00 (resident 105.00, employee 32.00); H3 fee-for-service 31.17.
        Assert.Equal(Y(384m + 105m + 32m + 31.17m), Money.Sum(groupLines.Select(l => l.Basis.Amount)));
        Assert.Equal(4, groupLines.Count);
        // Chronic: DEMO-H3 employee CHRONIC_OUTPATIENT lines for January (800.00), April (2 000.00), August (1 200.00) and
        // November (0.00) → 4 lines summing 4 000.00; the claim outside the list (N1) writes no line.
        Assert.Equal(4, chronicLines.Count);
        Assert.Equal(Y(4000m), Money.Sum(chronicLines.Select(l => l.Basis.Amount)));
        Assert.All(chronicLines, l => Assert.Equal("CHRONIC_OUTPATIENT", l.Method));

        // settle year reads both files' lines as one year.
        File.WriteAllLines(F("year.csv"), File.ReadAllLines(F("group", "lines.csv")).Concat(File.ReadAllLines(F("chronic-lines.csv")).Skip(1)));
        var year = MedpayProcess.Run("settle", "year", "--policy", F("region.json"), "--hospitals", F("hospitals.csv"), "--lines", F("year.csv"), "--output", F("region"));
        Assert.True(year.Exit == 0, year.Out + year.Err);
        Assert.Contains(groupLines.Count + chronicLines.Count + " lines settled", year.Out);
        Assert.True(File.Exists(F("region", "statements.csv")));
    }

    [Fact]
    public void Bad_table_or_missing_columns_exit_2_and_write_nothing()
    {
        File.WriteAllText(F("bad.json"), "{ \"id\": \"x\", \"version\": \"1\", \"combinations\": [] }");
        var run = MedpayProcess.Run("outpatient", "group", "--table", F("bad.json"), "--hospitals", F("hospitals.csv"), "--input", F("items.csv"), "--output", F("out"));
        Assert.Equal(2, run.Exit);
        Assert.Contains("field fundShares", run.Err);
        Assert.False(Directory.Exists(F("out")));

        File.WriteAllText(F("cols.csv"), "claim_id,person_id,date,amount\nX,P,2026-01-01,1.00\n");
        run = MedpayProcess.Run("outpatient", "chronic", "--policy", DemoFile("chronic-policy.json"), "--claims", F("cols.csv"), "--output", F("out2"));
        Assert.Equal(2, run.Exit);
        Assert.Contains("institution_id", run.Err);
        Assert.False(Directory.Exists(F("out2")));
    }

    private string F(params string[] parts) => Path.Combine([_folder, .. parts]);

    private static List<Dictionary<string, string>> Csv(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var header = reader.ReadLine()!.Split(',');
        var rows = new List<Dictionary<string, string>>();
        while (reader.ReadLine() is { } line)
        {
            // days.csv traces contain commas inside quotes; the asserted columns come before the trace.
            var cells = line.Split(',');
            rows.Add(header.Select((h, i) => (h, i)).Where(p => p.i < cells.Length).ToDictionary(p => p.h, p => cells[p.i]));
        }

        return rows;
    }
}
