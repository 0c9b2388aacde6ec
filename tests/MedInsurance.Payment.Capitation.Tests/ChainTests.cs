using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using MedInsurance.Payment.Interchange;
using MedInsurance.Payment.TestSupport;

namespace MedInsurance.Payment.Capitation.Tests;

/// <summary>
/// <c>medpay capitation settle</c> writes CAPITATION settlement lines that <c>medpay settle year</c> clears inside the
/// regional budget (the lines draw on the DIP pool). The chained year is the one year-end: the region's bands apply on
/// what the clearing pays — the budget less the referral charges deducted from it (payment-rules.md §4, §5) — while the
/// stand-alone capitation statement applies its bands on the budget itself. Both by hand (docs/capitation.md “Chained”).
/// </summary>
public sealed class ChainTests : IDisposable
{
    // Same bands in both policies: surplus ≤ 10% kept 100%; overspend ≤ 10% shared 50%, beyond borne.
    private const string CapitationPolicy = """
        {
          "id": "chain-capitation", "version": "1", "year": 2026,
          "classes": [ { "code": "resident", "name": "居民", "fund": "resident", "standard": 100 } ],
          "referral": { "mode": "fee", "fee": 50 },
          "riskSharing": { "surplus": [ { "upTo": 0.1, "share": 1 }, { "share": 0 } ], "overspend": [ { "upTo": 0.1, "share": 0.5 }, { "share": 0 } ] },
          "lines": { "pointSystem": "DIP" }
        }
        """;

    private const string RegionPolicy = """
        {
          "id": "chain-region", "version": "1", "name": "chain", "year": 2026, "rules": 2025, "method": "DIP",
          "valueMethod": "floating", "payableForm": "patientShareDeducted", "advanceRatio": 1, "qualityDepositRate": 0,
          "pools": [ { "fund": "all", "fundPaymentRatio": 1, "presetValue": 10, "budget": { "method": "fixed", "amount": 194000 } } ],
          "riskSharing": { "surplus": [ { "upTo": 0.1, "share": 1 }, { "upTo": null, "share": 0 } ], "overspend": [ { "upTo": 0.1, "share": 0.5 }, { "upTo": null, "share": 0 } ] },
          "assessment": { "coefficients": [ { "minScore": 0, "value": 1 } ], "depositRelease": [ { "minScore": 0, "value": 1 } ] }
        }
        """;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "medpay-chain-" + Guid.NewGuid().ToString("N"));

    public ChainTests()
    {
        Directory.CreateDirectory(_folder);
        File.WriteAllText(F("capitation.json"), CapitationPolicy);
        File.WriteAllText(F("region.json"), RegionPolicy);
        File.WriteAllText(F("hospitals.csv"), "hospital_id,name,level,type,assessment_score\nA,社区A,一级,primary,100\nB,社区B,一级,primary,100\n");

        // A and B: 1 000 residents each at 100 a year → budgets 100 000.00.
        var roster = new StringBuilder("person_id,class,institution_id,from_month,to_month,signed\n");
        foreach (var institution in new[] { "A", "B" })
        {
            for (var i = 0; i < 1_000; i++)
            {
                roster.Append(institution).Append(i.ToString(CultureInfo.InvariantCulture)).Append(',').Append("resident,").Append(institution).Append(",1,12,yes\n");
            }
        }

        File.WriteAllText(F("roster.csv"), roster.ToString());

        // A: inside 11 × 8 916.67 + 8 916.63 = 107 000.00; 20 referrals × fee 50 = 1 000.00.
        // B: inside 11 × 8 733.33 + 8 733.37 = 104 800.00; 100 referrals × fee 50 = 5 000.00.
        var claims = new StringBuilder("claim_id,person_id,institution_id,date,fund_amount,referral,referral_target\n");
        Visits(claims, "A", "8916.67", "8916.63");
        Referrals(claims, "A", 20);
        Visits(claims, "B", "8733.33", "8733.37");
        Referrals(claims, "B", 100);
        File.WriteAllText(F("claims.csv"), claims.ToString());
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Capitation_lines_feed_settle_year_inside_the_regional_budget_and_the_chained_year_is_hand_checked()
    {
        var capitation = MedpayProcess.Run("capitation", "settle", "--policy", F("capitation.json"), "--roster", F("roster.csv"), "--claims", F("claims.csv"),
            "--institutions", F("hospitals.csv"), "--output", F("cap"));
        Assert.True(capitation.Exit == 0, capitation.Err);

        // Stand-alone statement (bands on the budget B = 100 000.00, spend S = inside + charges):
        // A: S = 108 000.00, overspend 8 000 (8%) × 50% = 4 000.00 → fund pays 104 000.00, institution 103 000.00.
        // B: S = 109 800.00, overspend 9 800 (9.8%, inside the 10% band) × 50% = 4 900.00 → fund pays 104 900.00, institution 99 900.00.
        var statement = Rows(F("cap", "statements.csv"));
        Assert.Equal("104000.00", statement[("A", "fund.pays")]);
        Assert.Equal("103000.00", statement[("A", "institution.amount")]);
        Assert.Equal("104900.00", statement[("B", "fund.pays")]);
        Assert.Equal("99900.00", statement[("B", "institution.amount")]);

        // The lines: amount = B − charges (A 99 000.00, B 95 000.00), fund_paid = inside spend; method CAPITATION in the DIP pool.
        var lines = SettlementLineCsv.ReadFile(F("cap", "lines.csv")).Select(r => r.Value!.Line).ToList();
        Assert.All(lines, l => Assert.Equal(("CAPITATION", "DIP"), (l.Method, l.Basis.PointSystem)));
        Assert.Equal(Money.FromYuan(99_000m), Money.Sum(lines.Where(l => l.HospitalId == "A").Select(l => l.Basis.Amount)));
        Assert.Equal(Money.FromYuan(95_000m), Money.Sum(lines.Where(l => l.HospitalId == "B").Select(l => l.Basis.Amount)));
        Assert.Equal(Money.FromYuan(104_800m), Money.Sum(lines.Where(l => l.HospitalId == "B").Select(l => l.FundPaid!.Value)));

        var region = MedpayProcess.Run("settle", "year", "--policy", F("region.json"), "--hospitals", F("hospitals.csv"), "--lines", F("cap", "lines.csv"), "--output", F("region"));
        Assert.True(region.Exit == 0, region.Err);

        // Chained (bands on the payable P = B − charges, spend = inside; the deviation P − inside = B − S is the same):
        // A: P = 99 000.00, overspend 8 000 ≤ 9 900 (10% of P) → 4 000.00 shared → settled 103 000.00 (= the statement's 103 000.00).
        // B: P = 95 000.00, overspend 9 800: 9 500 (10% of P) × 50% = 4 750.00 shared, 300 beyond borne → borne 5 050.00,
        //    settled 95 000 + 4 750 = 99 750.00 — 150.00 (300 × 50%) below the stand-alone 99 900.00.
        var settled = Rows(F("region", "statements.csv"));
        Assert.Equal("99000.00", settled[("A", "annual.payable")]);
        Assert.Equal("4000.00", settled[("A", "overspend.shared")]);
        Assert.Equal("103000.00", settled[("A", "annual.settled")]);
        Assert.Equal("95000.00", settled[("B", "annual.payable")]);
        Assert.Equal("104800.00", settled[("B", "ffs")]);
        Assert.Equal("4750.00", settled[("B", "overspend.shared")]);
        Assert.Equal("5050.00", settled[("B", "overspend.borne")]);
        Assert.Equal("99750.00", settled[("B", "annual.settled")]);
        var summary = File.ReadAllLines(F("region", "summary.csv")).Select(l => l.Split(',')).ToDictionary(c => c[0], c => c[^1]);
        Assert.Equal("202750.00", summary["annualSettled"]);
        Assert.Equal("194000.00", summary["pool.DIP.moneyLinesPaid"]);
    }

    private static void Visits(StringBuilder claims, string institution, string monthly, string december)
    {
        for (var m = 1; m <= 12; m++)
        {
            var month = m.ToString("00", CultureInfo.InvariantCulture);
            claims.Append(institution).Append("-V").Append(month).Append(',').Append(institution).Append(m.ToString(CultureInfo.InvariantCulture)).Append(',').Append(institution)
                .Append(",2026-").Append(month).Append("-10,").Append(m == 12 ? december : monthly).Append(",,\n");
        }
    }

    private static void Referrals(StringBuilder claims, string institution, int count)
    {
        for (var k = 0; k < count; k++)
        {
            claims.Append(institution).Append("-R").Append(k.ToString(CultureInfo.InvariantCulture)).Append(',').Append(institution).Append((100 + k).ToString(CultureInfo.InvariantCulture))
                .Append(',').Append(institution).Append(",2026-06-02,80.00,yes,H-UP\n");
        }
    }

    // (hospital_id, code) → amount of a statements.csv (hospital_id,hospital_name,seq,code,label,amount,quantity,formula).
    private static Dictionary<(string, string), string> Rows(string path) =>
        CsvRecords(path).ToDictionary(c => (c[0], c[3]), c => c[5]);

    private static IEnumerable<string[]> CsvRecords(string path)
    {
        using var reader = new StreamReader(path);
        using var csv = new CsvHelper.CsvParser(reader, CultureInfo.InvariantCulture);
        csv.Read();
        while (csv.Read())
        {
            yield return csv.Record!;
        }
    }

    private string F(params string[] parts) => Path.Combine([_folder, .. parts]);
}
