using System;
using System.IO;
using System.Linq;
using MedInsurance.Payment.Interchange;
using MedInsurance.Payment.Settlement;
using MedInsurance.Payment.TestSupport;

namespace MedInsurance.Payment.PerDiem.Tests;

/// <summary><c>medpay perdiem price</c> and <c>perdiem indicators</c> run as processes; the lines clear under <c>example-mixed-2025</c>.</summary>
public sealed class PerDiemCliTests : IDisposable
{
    private const string Header = "id,patient_id,ward,hospital_id,fund,sex,age,los,admission_date,discharge_date,diagnoses,total_cost,fund_paid,patient_paid\n";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "medpay-perdiem-" + Guid.NewGuid().ToString("N"));

    public PerDiemCliTests()
    {
        Directory.CreateDirectory(_folder);
        File.WriteAllText(Path.Combine(_folder, "hospitals.csv"), "hospital_id,name,level,type\nH3,a,三级甲等,specialist\nH1,b,一级,primary\n");
        File.WriteAllText(Path.Combine(_folder, "cases.csv"), Header
            + "A75,P9,,H3,employee,1,40,75,2025-03-01,2025-05-15,F20.000,22000.00,17600.00,4400.00\n"   // 20 700; fund 18 630
            + "A40,P1,,H3,resident,2,50,40,2025-01-29,2025-03-10,F20.000,12000.00,9600.00,2400.00\n"    // 11 700
            + "B30,P1,,H3,resident,2,50,30,2025-03-20,2025-04-19,F20.000,9000.00,7200.00,1800.00\n"     // days 41–70: 7 800
            + "N1,P2,,H3,employee,1,60,10,2025-02-01,2025-02-11,I10.x00,3000.00,2400.00,600.00\n"       // no class
            + "Z0,P3,,H3,employee,1,60,0,2025-02-01,2025-02-01,F20.000,100.00,80.00,20.00\n");          // LOS 0
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string F(string name) => Path.Combine(_folder, name);

    [Fact]
    public void Perdiem_price_writes_a_line_row_per_input_row_with_the_hand_computed_amounts()
    {
        var (exit, stderr) = Run("perdiem", "price", "--policy", "example-perdiem-2025", "--hospitals", F("hospitals.csv"), "--input", F("cases.csv"), "--output", F("lines.csv"), "--trace", F("trace.csv"));
        Assert.True(exit == 1, "exit " + exit + ": " + stderr);
        Assert.Contains("per diem: 3 of 5 rows priced, 1 not eligible, 1 rejected", stderr, StringComparison.Ordinal);
        var rows = File.ReadAllLines(F("lines.csv"));
        Assert.Equal(string.Join(",", SettlementLineCsv.Header) + ",status,class,first_day,paid_days,standard,fund_amount,gain,points,issues", rows[0]);
        Assert.Equal(new[] { "A75", "A40", "B30", "N1", "Z0" }, rows.Skip(1).Select(r => r.Split(',')[0]));
        Assert.EndsWith("priced,PSY,1,75,20700.00,18630.00,-1300.00,1080,", rows[1], StringComparison.Ordinal);
        Assert.Contains("priced,PSY,41,30,7800.00,7020.00,-1200.00,", rows[3], StringComparison.Ordinal);
        Assert.Contains("PERDIEM_READMISSION_CONTINUED", rows[3], StringComparison.Ordinal);
        Assert.Contains("not_eligible", rows[4], StringComparison.Ordinal);
        Assert.Contains("PERDIEM_CLASS_NONE(diagnoses[0])", rows[4], StringComparison.Ordinal);
        Assert.StartsWith("Z0,H3,", rows[5], StringComparison.Ordinal);
        Assert.Contains(",rejected,", rows[5], StringComparison.Ordinal); // the case reader already rejects LOS 0 (LOS_INVALID); the kernel checks it for API callers
        Assert.Contains("(los)", rows[5], StringComparison.Ordinal);
        Assert.Contains("Band 3 (from day 61)", File.ReadAllText(F("trace.csv")), StringComparison.Ordinal);

        // The lines read back: the three priced rows are money lines outside every pool.
        var read = SettlementLineCsv.ReadFile(F("lines.csv")).ToList();
        var accepted = read.Where(r => !r.IsRejected).Select(r => r.Value!.Line).ToList();
        Assert.Equal(3, accepted.Count);
        Assert.All(accepted, l => Assert.Equal(SettlementMethods.PerDiem, l.Method));
        Assert.Equal(Money.FromYuan(18_630m + 10_530m + 7_020m), Money.Sum(accepted.Select(l => l.Basis.Amount)));
    }

    [Fact]
    public void Perdiem_indicators_report_stays_days_costs_and_readmissions_per_hospital_and_class()
    {
        var (exit, stderr) = Run("perdiem", "indicators", "--policy", "example-perdiem-2025", "--hospitals", F("hospitals.csv"), "--input", F("cases.csv"), "--output", F("ind.csv"));
        Assert.True(exit == 1, "exit " + exit + ": " + stderr); // the LOS-0 row is rejected
        var rows = File.ReadAllLines(F("ind.csv"));
        // 3 stays, 145 days, average 48.33; cost 43 000 / 145 = 296.551… → 296.55; 1 readmission of 3 → 0.3333;
        // standard 20 700 + 11 700 + 7 800 = 40 200; fund 18 630 + 10 530 + 7 020 = 36 180; gain 40 200 − 43 000 = −2 800;
        // points 1 080 + 40 × 15 + (20 × 15 + 10 × 12) = 1 080 + 600 + 420 = 2 100.
        Assert.Equal("H3,PSY,3,145,48.33,43000.00,296.55,1,0.3333,0,0,40200.00,36180.00,-2800.00,2100", rows[1]);
    }

    [Fact]
    public void A_policy_with_a_gap_exits_2_naming_the_band()
    {
        File.WriteAllText(F("bad.json"), "{ \"id\": \"x\", \"version\": \"1\", \"classes\": [ { \"code\": \"A\", \"diagnoses\": [\"F20\"], \"fundShare\": {\"3\": 0.9},\n"
            + " \"bands\": [ { \"fromDay\": 1, \"toDay\": 10, \"daily\": {\"3\": 100} },\n { \"fromDay\": 12, \"daily\": {\"3\": 90} } ] } ] }");
        var (exit, stderr) = Run("perdiem", "price", "--policy", F("bad.json"), "--hospitals", F("hospitals.csv"), "--input", F("cases.csv"), "--output", F("lines.csv"));
        Assert.Equal(2, exit);
        Assert.Contains("line 3, field classes[0].bands[1].fromDay", stderr, StringComparison.Ordinal);
        Assert.Contains("PERDIEM_POLICY_BAND_GAP", stderr, StringComparison.Ordinal);
    }

    internal static (int Exit, string Stderr) Run(params string[] args) => MedpayProcess.Run(args) is var r ? (r.Exit, r.Err) : default;
}
