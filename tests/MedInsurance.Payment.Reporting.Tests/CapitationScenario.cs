using System.Collections.Generic;
using System.Linq;
using MedInsurance.Payment.Capitation;
using MedInsurance.Payment.Cases;
using MedInsurance.Payment.Consortium;
using MedInsurance.Payment.Settlement;

namespace MedInsurance.Payment.Reporting.Tests;

/// <summary>
/// The capitation and consortium years shown in the report, from the worked examples of docs/capitation.md and
/// payment-rules.md §4 (hand-computed there): institution A 10 000 persons × 100 yuan, spend 1 080 000 → fund pays
/// 1 040 000; institution B 1 000 persons × 100, spend 90 000 → surplus 10 000 kept, fund pays 100 000; the three-member
/// consortium GC (target 10 600 000, result 9 400 000, H 4 423 529.41 / T 3 317 647.06 / V 1 658 823.53).
/// </summary>
internal static class CapitationScenario
{
    private const string PolicyJson = """
        {
          "id": "report-capitation", "version": "2", "name": "报告测试按人头", "year": 2026,
          "classes": [ { "code": "resident", "name": "居民", "fund": "resident", "standard": 100 } ],
          "riskSharing": { "surplus": [ { "upTo": 0.1, "share": 1 }, { "share": 0 } ], "overspend": [ { "upTo": 0.1, "share": 0.5 }, { "share": 0 } ] }
        }
        """;

    public static CapitationResult Capitation()
    {
        var policy = CapitationPolicyLoader.Parse(PolicyJson, "report-capitation.json");
        var roster = Enumerable.Range(0, 10_000).Select(i => new RosterEntry("A" + i, "resident", "A", 1, 12, true))
            .Concat(Enumerable.Range(0, 1_000).Select(i => new RosterEntry("B" + i, "resident", "B<&>", 1, 12, true)));
        var calculation = new CapitationCalculation(CapitationRoster.Build(policy, roster));
        calculation.Add(new OutpatientClaim("C1", "A1", "A", 2026, 3, Money.FromYuan(1_000_000m), false, null));
        calculation.Add(new OutpatientClaim("C2", "A2", "A", 2026, 9, Money.FromYuan(80_000m), false, null));
        calculation.Add(new OutpatientClaim("C3", "B1", "B<&>", 2026, 5, Money.FromYuan(90_000m), false, null));
        return calculation.Complete();
    }

    public static ConsortiumResult Consortium()
    {
        var policy = new ConsortiumPolicy(
            "report-consortium", "1", "报告测试医共体", 2026,
            [new ConsortiumPackage("GC", "示例县医共体", Money.FromYuan(6_000_000m), Money.FromYuan(3_000_000m), Money.FromYuan(1_000_000m), "2025 年医保结算数据", new Ratio(0.05m), "2026 年谈判纪要",
                [new CitedAdjustment("volume", "服务量调整", Money.FromYuan(200_000m), "谈判纪要 §2"), new CitedAdjustment("quality", "质量考核调整", Money.FromYuan(-100_000m), "2025 年度考核")], ConsortiumSplitMethod.Lines)],
            new Dictionary<string, decimal> { ["DIP"] = 10m },
            new RiskSharingRule
            {
                Surplus = [new RiskSharingBand(new Ratio(0.1m), new Ratio(1m)), new RiskSharingBand(null, new Ratio(0m))],
                Overspend = [new RiskSharingBand(new Ratio(0.1m), new Ratio(0.5m)), new RiskSharingBand(null, new Ratio(0m))],
            },
            null);
        var calculation = new ConsortiumCalculation(policy,
            [new ConsortiumMember("H", "GC", "县医院", null, null), new ConsortiumMember("T", "GC", "乡镇卫生院", null, null), new ConsortiumMember("V", "GC", "村卫生室", null, null)]);
        calculation.AddLine(new SettlementLine("H1", "H", InsuranceFund.Employee, 3, "DIP", SettlementBasis.OfPoints("DIP", 500_000m), patientPaid: Money.FromYuan(1_000_000m)));
        calculation.AddLine(new SettlementLine("T1", "T", InsuranceFund.Resident, 5, "CAPITATION", SettlementBasis.OfMoney(Money.FromYuan(3_000_000m))));
        calculation.AddLine(new SettlementLine("V1", "V", InsuranceFund.Resident, 5, "CAPITATION", SettlementBasis.OfMoney(Money.FromYuan(1_500_000m))));
        calculation.AddOutside(new OutsideClaim("O1", "GC", 2026, 6, Money.FromYuan(1_200_000m)));
        return calculation.Complete();
    }

    public static string Render()
    {
        var result = Scenario.Run();
        return ClearingHtmlReport.Render(result, Scenario.Options(result).WithCapitation(Capitation()).WithConsortium(Consortium()));
    }
}
