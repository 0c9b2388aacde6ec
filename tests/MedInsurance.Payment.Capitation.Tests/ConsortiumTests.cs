using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck.Xunit;
using MedInsurance.Payment.Cases;
using MedInsurance.Payment.Consortium;
using MedInsurance.Payment.Settlement;
using static MedInsurance.Payment.Capitation.Tests.Build;

namespace MedInsurance.Payment.Capitation.Tests;

/// <summary>The three-member consortium year of docs/capitation.md, by hand; split properties.</summary>
public sealed class ConsortiumTests
{
    private static ConsortiumPolicy Policy(ConsortiumSplitMethod split) => new(
        "gc", "1", "示例县医共体", 2026,
        [new ConsortiumPackage("GC", "示例县医共体", Y(6_000_000m), Y(3_000_000m), Y(1_000_000m), "2025 年医保结算数据", new Ratio(0.05m), "2026 年谈判纪要",
            [new CitedAdjustment("volume", "服务量调整", Y(200_000m), "谈判纪要 §2"), new CitedAdjustment("quality", "质量考核调整", Y(-100_000m), "2025 年度考核")], split)],
        new Dictionary<string, decimal> { ["DIP"] = 10m },
        Build.Section4Bands,
        null);

    private static ConsortiumResult Year(ConsortiumSplitMethod split, Money? supplied = null, decimal outsideYuan = 1_200_000m)
    {
        var members = new[]
        {
            new ConsortiumMember("H", "GC", "县医院", 0.5m, supplied),
            new ConsortiumMember("T", "GC", "乡镇卫生院", 0.3m, supplied),
            new ConsortiumMember("V", "GC", "村卫生室", 0.2m, supplied),
        };
        var calc = new ConsortiumCalculation(Policy(split), members);
        // H: 500 000 DIP points × 10 − patients 1 000 000 = 4 000 000; T: 3 000 000 money; V: 1 500 000 money.
        Assert.Empty(calc.AddLine(new SettlementLine("H1", "H", InsuranceFund.Employee, 3, "DIP", SettlementBasis.OfPoints("DIP", 300_000m), patientPaid: Y(600_000m))));
        Assert.Empty(calc.AddLine(new SettlementLine("H2", "H", InsuranceFund.Resident, 8, "DIP", SettlementBasis.OfPoints("DIP", 200_000m), patientPaid: Y(400_000m))));
        Assert.Empty(calc.AddLine(new SettlementLine("T1", "T", InsuranceFund.Resident, 5, "CAPITATION", SettlementBasis.OfMoney(Y(3_000_000m)))));
        Assert.Empty(calc.AddLine(new SettlementLine("V1", "V", InsuranceFund.Resident, 5, "CAPITATION", SettlementBasis.OfMoney(Y(1_500_000m)))));
        Assert.Empty(calc.AddOutside(new OutsideClaim("O1", "GC", 2026, 6, Money.FromYuan(outsideYuan))));
        return calc.Complete();
    }

    [Fact]
    public void Three_member_year_by_hand_split_by_lines()
    {
        var s = Year(ConsortiumSplitMethod.Lines).Statements.Single();
        Assert.Equal(Y(10_000_000m), s.Package.Base);
        Assert.Equal(Y(10_600_000m), s.Target);              // 10 000 000 × 1.05 + 200 000 − 100 000
        Assert.Equal(Y(8_500_000m), s.MemberPayments);
        Assert.Equal(Y(9_700_000m), s.Spend);                // + 1 200 000 outside
        Assert.Equal(Y(900_000m), s.RiskSharing.SurplusKept); // 8.49% of the target, inside the 10% band
        Assert.Equal(Y(10_600_000m), s.FundPays);
        Assert.Equal(Y(9_400_000m), s.Result);               // − 1 200 000 outside
        var m = s.Members.ToDictionary(x => x.Member.MemberId);
        Assert.Equal(Y(4_000_000m), m["H"].LinePayments);
        Assert.Equal(Y(4_423_529.41m), m["H"].Allocated);     // 9 400 000 × 4/8.5 = 4 423 529.4117…
        Assert.Equal(Y(3_317_647.06m), m["T"].Allocated);     // 3 317 647.0588… (+1 fen, remainder 0.88)
        Assert.Equal(Y(1_658_823.53m), m["V"].Allocated);     // 1 658 823.5294… (+1 fen, remainder 0.94)
        Assert.Equal(Y(423_529.41m), m["H"].YearEndAdjustment);
        Assert.Equal(s.Result, Money.Sum(s.Members.Select(x => x.Allocated)));
    }

    [Fact]
    public void Split_by_fixed_shares_and_an_overspend_year()
    {
        // Outside 2 600 000: spend 11 100 000, overspend 500 000 (4.7% of 10 600 000) shared 50% → fund pays 10 850 000,
        // result 8 250 000, shares 0.5/0.3/0.2 → 4 125 000, 2 475 000, 1 650 000.
        var s = Year(ConsortiumSplitMethod.Shares, outsideYuan: 2_600_000m).Statements.Single();
        Assert.Equal(Y(250_000m), s.RiskSharing.OverspendShared);
        Assert.Equal(Y(10_850_000m), s.FundPays);
        Assert.Equal(Y(8_250_000m), s.Result);
        Assert.Equal(new[] { Y(4_125_000m), Y(2_475_000m), Y(1_650_000m) }, s.Members.Select(x => x.Allocated));
    }

    [Fact]
    public void Supplied_amounts_that_do_not_sum_to_the_result_fall_back_to_lines_with_an_error()
    {
        var result = Year(ConsortiumSplitMethod.Supplied, supplied: Y(1m));
        Assert.Equal("CONSORTIUM_SPLIT_SUPPLIED_MISMATCH(GC)", result.Issues.Single().ToCompactString());
        Assert.Equal(ConsortiumSplitMethod.Lines, result.Statements.Single().SplitUsed);
    }

    [Fact]
    public void A_member_in_two_consortia_is_rejected_in_both_and_its_lines_are_not_counted()
    {
        var calc = new ConsortiumCalculation(Policy(ConsortiumSplitMethod.Lines), [new ConsortiumMember("H", "GC", "a", null, null), new ConsortiumMember("H", "GX", "b", null, null), new ConsortiumMember("T", "GC", "c", null, null)]);
        Assert.Equal(new[] { "CONSORTIUM_MEMBER_IN_TWO_CONSORTIA(member_id)", "CONSORTIUM_MEMBER_IN_TWO_CONSORTIA(member_id)|CONSORTIUM_UNKNOWN(consortium_id)" },
            calc.MemberOutcomes.Select(o => string.Join("|", o.Issues.Select(i => i.ToCompactString()))));
        Assert.Equal("CONSORTIUM_LINE_NOT_MEMBER(hospital_id)", calc.AddLine(new SettlementLine("H1", "H", InsuranceFund.Employee, 1, "DIP", SettlementBasis.OfMoney(Y(5m)))).Single().ToCompactString());
        Assert.Equal("CONSORTIUM_POINT_SYSTEM_UNKNOWN(point_system)", calc.AddLine(new SettlementLine("T1", "T", InsuranceFund.Employee, 1, "DRG", SettlementBasis.OfPoints("DRG", 1m))).Single().ToCompactString());
        Assert.Equal("CONSORTIUM_AMOUNT_NEGATIVE(fund_amount)", calc.AddOutside(new OutsideClaim("O", "GC", 2026, 1, Y(-1m))).Single().ToCompactString());
    }

    [Property(MaxTest = 100)]
    public void Members_statements_sum_to_the_consortium_result_to_the_fen(int seed)
    {
        var random = new Random(seed);
        foreach (var split in new[] { ConsortiumSplitMethod.Lines, ConsortiumSplitMethod.Points, ConsortiumSplitMethod.Shares })
        {
            var n = random.Next(1, 6);
            var members = Enumerable.Range(0, n).Select(i => new ConsortiumMember("M" + i, "GC", "m", random.Next(0, 100) / 7m, null)).ToList();
            var calc = new ConsortiumCalculation(Policy(split), members);
            for (var k = 0; k < 20; k++)
            {
                var member = "M" + random.Next(n);
                calc.AddLine(random.Next(2) == 0
                    ? new SettlementLine("L" + k, member, InsuranceFund.Resident, random.Next(1, 13), "DIP", SettlementBasis.OfPoints("DIP", random.Next(0, 1_000_000) / 10_000m), patientPaid: Money.FromFen(random.Next(0, 100_000)))
                    : new SettlementLine("L" + k, member, InsuranceFund.Resident, random.Next(1, 13), "CAPITATION", SettlementBasis.OfMoney(Money.FromFen(random.Next(0, 100_000_000)))));
            }

            calc.AddOutside(new OutsideClaim("O", "GC", 2026, 3, Money.FromFen(random.Next(0, 1_000_000_000))));
            var s = calc.Complete().Statements.Single();
            Assert.Equal(s.Result, Money.Sum(s.Members.Select(m => m.Allocated)));
            Assert.Equal(s.FundPays - s.Outside, s.Result);
        }
    }

    [Fact]
    public void A_bad_consortium_policy_names_line_and_field()
    {
        const string Json = "{\n  \"id\": \"x\", \"version\": \"1\", \"year\": 2026,\n  \"consortia\": [\n    { \"id\": \"GC\", \"base\": { \"inpatient\": 1 },\n      \"growth\": { \"rate\": 0.05, \"source\": \"s\" } }\n  ]\n}";
        var ex = Assert.Throws<System.IO.InvalidDataException>(() => ConsortiumPolicyLoader.Parse(Json, "c.json"));
        Assert.Contains("line 4, field consortia[0].base.source: The base needs its source. (CONSORTIUM_POLICY_FIELD_REQUIRED)", ex.Message, StringComparison.Ordinal);
    }
}
