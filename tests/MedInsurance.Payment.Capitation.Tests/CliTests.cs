using System;
using System.IO;
using System.Linq;
using MedInsurance.Payment.Interchange;
using MedInsurance.Payment.TestSupport;

namespace MedInsurance.Payment.Capitation.Tests;

/// <summary><c>medpay capitation settle</c> and <c>medpay consortium settle</c> run as processes: outputs and exit codes 0/1/2.</summary>
public sealed class CliTests
{
    private const string Policy = """
        {
          "id": "cli", "version": "1", "year": 2026,
          "classes": [ { "code": "resident", "name": "居民", "fund": "resident", "standard": 100 } ],
          "referral": { "mode": "fee", "fee": 50 },
          "riskSharing": { "surplus": [ { "upTo": 0.1, "share": 1 }, { "share": 0 } ], "overspend": [ { "upTo": 0.1, "share": 0.5 }, { "share": 0 } ] }
        }
        """;

    [Fact]
    public void Claims_over_several_blocks_give_the_same_files_on_one_thread_and_on_three_and_gb18030_files_are_read()
    {
        var folder = Folder();
        try
        {
            File.WriteAllText(Path.Combine(folder, "policy.json"), Policy);
            var gb = System.Text.CodePagesEncodingProvider.Instance.GetEncoding(54936)!;
            File.WriteAllBytes(Path.Combine(folder, "roster.csv"), gb.GetBytes("person_id,class,institution_id,from_month,to_month,signed\n"
                + string.Concat(Enumerable.Range(0, 500).Select(i => "人" + i + ",resident,卫生院甲,1,12,是\n"))));
            // 10 000 claims (three blocks of 4 096): every 997th of a person not on the roster, every 1 009th with a loose amount.
            File.WriteAllBytes(Path.Combine(folder, "claims.csv"), gb.GetBytes("claim_id,person_id,institution_id,date,fund_amount,referral,referral_target\n"
                + string.Concat(Enumerable.Range(0, 10_000).Select(i => "C" + i + "," + (i % 997 == 5 ? "无名" : "人" + (i % 500)) + ",卫生院甲,2026-03-01," + (i % 1009 == 7 ? "\"1,5\"" : "1.00") + ",0,\n"))));
            var outputs = new[] { "1", "3" }.Select(threads =>
            {
                var (exit, stdout, stderr) = Run("capitation", "settle", "--policy", P(folder, "policy.json"), "--roster", P(folder, "roster.csv"), "--claims", P(folder, "claims.csv"), "--encoding", "gb18030", "--threads", threads, "-o", P(folder, "out" + threads));
                Assert.True(exit == 1, stderr);
                Assert.Contains("claims: 10000 rows in = 9990 accepted + 10 rejected", stderr, StringComparison.Ordinal);
                Assert.Contains("10000 claims (21 rejected)", stdout, StringComparison.Ordinal);
                return (Issues: File.ReadAllText(P(folder, "out" + threads, "claim-issues.csv")), Statements: File.ReadAllText(P(folder, "out" + threads, "statements.csv")));
            }).ToList();
            Assert.Equal(outputs[0], outputs[1]);
            var issueLines = outputs[0].Issues.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(22, issueLines.Length);   // header + 10 unreadable + 11 not on the roster
            Assert.Contains("8,C7,rejected,CAPITATION_FIELD_INVALID(fund_amount)", outputs[0].Issues, StringComparison.Ordinal);
            Assert.Contains("6,C5,rejected,CAPITATION_PERSON_NOT_ON_ROSTER(person_id)", outputs[0].Issues, StringComparison.Ordinal);
            Assert.Contains("卫生院甲", outputs[0].Statements, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Capitation_settle_writes_statements_and_lines_and_exits_0_then_1_with_bad_rows_and_2_with_a_bad_policy()
    {
        var folder = Folder();
        try
        {
            File.WriteAllText(Path.Combine(folder, "policy.json"), Policy);
            File.WriteAllText(Path.Combine(folder, "roster.csv"), "person_id,class,institution_id,from_month,to_month,signed\n"
                + string.Concat(Enumerable.Range(0, 120).Select(i => "P" + i + ",resident,A,1,12,yes\n")));   // 120 × 100 = 12 000.00
            File.WriteAllText(Path.Combine(folder, "claims.csv"), "claim_id,person_id,institution_id,date,fund_amount,referral,referral_target\n"
                + "C1,P1,A,2026-02-03,12880.00,,\nC2,P2,A,2026-05-03,300.00,yes,H-UP\n");            // spend 12 880 + 50 = 12 930: overspend 930 → shared 465
            var (exit, stdout, stderr) = Run("capitation", "settle", "--policy", P(folder, "policy.json"), "--roster", P(folder, "roster.csv"), "--claims", P(folder, "claims.csv"), "-o", P(folder, "out"),
                "--html", P(folder, "page", "capitation.html"), "--region", "示例市");
            Assert.True(exit == 0, stderr);
            Assert.Contains("budget 12000.00  referral charges 50.00  spend 12930.00  fund pays 12465.00", stdout, StringComparison.Ordinal);
            var page = File.ReadAllText(P(folder, "page", "capitation.html"));
            Assert.Contains("<h1>示例市 2026年度按人头付费清算报告", page, StringComparison.Ordinal);
            Assert.Contains("<section id=\"capitation\">", page, StringComparison.Ordinal);
            Assert.Contains("12,465.00", page, StringComparison.Ordinal); // the page groups digits (千分位)
            var statements = File.ReadAllLines(P(folder, "out", "statements.csv"));
            Assert.Equal("hospital_id,hospital_name,seq,code,label,amount,quantity,formula", statements[0]);
            Assert.Contains(statements, l => l.StartsWith("A,,", StringComparison.Ordinal) && l.Contains("fund.pays,基金支付合计,12465.00", StringComparison.Ordinal));
            var lines = SettlementLineCsv.ReadFile(P(folder, "out", "lines.csv")).ToList();
            Assert.All(lines, r => Assert.False(r.IsRejected));
            Assert.Equal(Money.FromYuan(11_950m), Money.Sum(lines.Select(r => r.Value!.Line.Basis.Amount)));   // 12 000 − 50
            Assert.True(File.Exists(P(folder, "out", "statements.json")));

            File.AppendAllText(Path.Combine(folder, "claims.csv"), "C3,P3,A,2026-06-01,-5.00,,\nC4,P4,A,2026-06-01,5.00,yes,\n");
            File.AppendAllText(Path.Combine(folder, "roster.csv"), "P1,resident,B,6,6,yes\n");
            (exit, _, stderr) = Run("capitation", "settle", "--policy", P(folder, "policy.json"), "--roster", P(folder, "roster.csv"), "--claims", P(folder, "claims.csv"), "-o", P(folder, "out1"));
            Assert.True(exit == 1, stderr);
            var issues = File.ReadAllText(P(folder, "out1", "claim-issues.csv"));
            Assert.Contains("3,C3,rejected,CAPITATION_AMOUNT_NEGATIVE(fund_amount)", issues, StringComparison.Ordinal);
            Assert.Contains("4,C4,rejected,CAPITATION_REFERRAL_TARGET_MISSING(referral_target)", issues, StringComparison.Ordinal);
            Assert.Contains("1,C1,rejected,CAPITATION_PERSON_ENROLMENT_REJECTED(person_id)", issues, StringComparison.Ordinal);
            var roster = File.ReadAllLines(P(folder, "out1", "roster-results.csv"));
            Assert.Equal(122, roster.Length);
            Assert.Equal("121,P1,rejected,CAPITATION_ENROLMENT_OVERLAP(from_month)", roster[^1]);

            File.WriteAllText(Path.Combine(folder, "bad.json"), Policy.Replace("\"standard\": 100", "\"standard\": -1", StringComparison.Ordinal));
            (exit, _, stderr) = Run("capitation", "settle", "--policy", P(folder, "bad.json"), "--roster", P(folder, "roster.csv"), "--claims", P(folder, "claims.csv"), "-o", P(folder, "out2"));
            Assert.Equal(2, exit);
            Assert.Contains("line 3, field classes[0].standard", stderr, StringComparison.Ordinal);
            Assert.False(Directory.Exists(P(folder, "out2")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Consortium_settle_splits_the_result_among_members_and_exits_0()
    {
        var folder = Folder();
        try
        {
            File.WriteAllText(P(folder, "policy.json"), """
                { "id": "gc", "version": "1", "year": 2026, "pointValues": { "DIP": 10 },
                  "consortia": [ { "id": "GC", "name": "示例县医共体",
                    "base": { "inpatient": 60000, "outpatient": 30000, "outside": 10000, "source": "2025 结算数据" },
                    "growth": { "rate": 0.05, "source": "谈判纪要" }, "split": { "method": "lines" } } ] }
                """);
            File.WriteAllText(P(folder, "members.csv"), "member_id,consortium_id,name\nH,GC,县医院\nT,GC,乡镇卫生院\nV,GC,村卫生室\n");
            File.WriteAllText(P(folder, "lines.csv"), string.Join(",", SettlementLineCsv.Header) + "\n"
                + "H1,H,employee,3,DIP,DIP,5000,,60000.00,10000.00,,,,\n"          // 5 000 × 10 − 10 000 = 40 000
                + "T1,T,resident,3,CAPITATION,,,30000.00,,,,,,\n"
                + "V1,V,resident,3,CAPITATION,,,15000.00,,,,,,\n");
            File.WriteAllText(P(folder, "outside.csv"), "claim_id,consortium_id,date,fund_amount\nO1,GC,2026-07-01,12000.00\n");
            var (exit, stdout, stderr) = Run("consortium", "settle", "--policy", P(folder, "policy.json"), "--members", P(folder, "members.csv"), "--lines", P(folder, "lines.csv"), "--outside", P(folder, "outside.csv"), "-o", P(folder, "out"));
            Assert.True(exit == 0, stderr);
            // Target 105 000; spend 85 000 + 12 000 = 97 000; no bands: whole surplus kept, fund pays 105 000; result 93 000.
            Assert.Contains("consortium GC: target 105000.00  spend 97000.00 (members 85000.00, outside 12000.00)  fund pays 105000.00  result 93000.00", stdout, StringComparison.Ordinal);
            var rows = File.ReadAllLines(P(folder, "out", "statements.csv"));
            Assert.Contains(rows, r => r.StartsWith("H,县医院,", StringComparison.Ordinal) && r.Contains("member.allocated,医共体内部分配,43764.71", StringComparison.Ordinal));  // 93 000 × 40/85
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string Folder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "medpay-capitation-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    private static string P(params string[] parts) => Path.Combine(parts);

    private static (int Exit, string Stdout, string Stderr) Run(params string[] args) => MedpayProcess.Run(args) is var r ? (r.Exit, r.Out, r.Err) : default;
}
