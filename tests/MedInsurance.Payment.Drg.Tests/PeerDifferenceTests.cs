using System.Collections.Generic;
using System.Linq;
using MedInsurance.Payment.Cases;
using MedInsurance.Payment.Drg.Grouping;
using MedInsurance.Payment.TestSupport;
using static MedInsurance.Payment.Drg.Tests.MiniRuleText;

namespace MedInsurance.Payment.Drg.Tests;

/// <summary>
/// Pins each class of disagreement with the peer grouper (docs/drg/peer-differences.md) to the rule text that decides
/// it. Line numbers refer to ../shared/data/chs-drg/1.1.
/// </summary>
public sealed class PeerDifferenceTests
{
    [Fact]
    public void D1_main_diagnosis_in_no_main_table_falls_back_to_the_adrg_that_lists_it()
    {
        // 4_ADRG_DETAIL.txt:80848 lists T20.300 under WR1; the MDCW 主诊表 (from line 80214) and every other 主诊表 lack it.
        var g = SharedPack.Grouper(ambiguousCheck: false);
        Assert.DoesNotContain(g.Pack.Mdcs, m => m.MainDiagnoses.Contains("T20.300"));
        Assert.Contains("T20.300", g.Pack.Adrgs.Single(a => a.Code == "WR1").MainDiagnoses);
        var r = g.Group(Case("T20.300", "H54.900"));
        Assert.Equal(("MDCW", "WR1"), (r.Mdc, r.Adrg));
        Assert.Contains(r.Trace.Steps, s => s.Kind == DrgTraceKind.MdcEntered && s.Detail.Contains("fallback", System.StringComparison.Ordinal));
    }

    [Fact]
    public void D1_a_main_table_wins_over_an_adrg_list_of_an_earlier_mdc()
    {
        // D18.105 is in ER1's list (4_ADRG_DETAIL.txt:19897) but in the MDCR 主诊表 (line 65756) and RT2 (line 70601).
        var g = SharedPack.Grouper(ambiguousCheck: false);
        var r = g.Group(Case("D18.105"));
        Assert.Equal(("MDCR", "RT2"), (r.Mdc, r.Adrg));
    }

    [Theory]
    [InlineData("Z39.100x002", "38.8200x011", "XJ1")] // 38.8200x011 listed for DC1 (4_ADRG_DETAIL.txt:14779); XJ1 包含全部手术 (line 82538)
    [InlineData("A63.800", "67.0x00", "SB1")] // 67.0x00 listed for NF1 (line 56034); SB1 全部手术 (line 71634)
    [InlineData("F45.803", "66.8x01", "TB1")] // 66.8x01 listed for ND1 (line 55964); TB1 全部手术 (line 73198)
    public void D2_a_procedure_listed_by_a_surgical_adrg_is_an_operating_room_procedure(string main, string procedure, string adrg)
    {
        var g = SharedPack.Grouper(ambiguousCheck: false);
        Assert.Equal(adrg, g.Group(Case(main, procedures: procedure, sex: Sex.Female)).Adrg);
    }

    [Fact]
    public void D2_no_procedure_condition_of_zz1_counts_listed_procedures()
    {
        // ZZ1 “符合 MDCZ 主诊表，且无手术” (4_ADRG_DETAIL.txt:90119); 31.4400x001 is listed for EJ1 (line 19782).
        var g = SharedPack.Grouper(ambiguousCheck: false);
        var r = g.Group(Case("S27.302", "S36.002", "31.4400x001"));
        Assert.NotEqual("ZZ1", r.Adrg);
        Assert.Equal("ZZ1", g.Group(Case("S27.302", "S36.002")).Adrg);
    }

    [Fact]
    public void Peer_only_codes_are_not_in_the_text()
    {
        // README of the golden file: the peer's tables have codes the text lacks.
        var pack = SharedPack.Chs11().Pack;
        Assert.DoesNotContain("I48.900x003", pack.Adrgs.Single(a => a.Code == "FU2").MainDiagnoses);
        Assert.DoesNotContain("39.9500", pack.Adrgs.Single(a => a.Code == "LL1").MainProcedures);
        Assert.DoesNotContain("36.0700", pack.Adrgs.Single(a => a.Code == "FM1").MainProcedures);
        Assert.DoesNotContain("88.5500", pack.Adrgs.Single(a => a.Code == "FM3").MainProcedures);
        Assert.DoesNotContain("L04.002", pack.Mdcs.Single(m => m.Code == "MDCD").MainDiagnoses);
        Assert.Equal("7-105", pack.Complications["J68.200"].ExclusionTable);
    }

    [Fact]
    public void Genital_diagnosis_with_the_other_sex_is_ungroupable_like_the_peer()
    {
        var g = SharedPack.Grouper(ambiguousCheck: false);
        var male = g.Pack.Mdcs.Single(m => m.Code == "MDCM").MainDiagnoses
            .First(code => g.Pack.Mdcs.Count(m => m.MainDiagnoses.Contains(code)) == 1);
        var r = g.Group(Case(male, sex: Sex.Female));
        Assert.Equal(DrgStatus.Ungroupable, r.Status);
        Assert.Contains(r.Issues, i => i.Code == DrgIssueCodes.SexExcludesMdc);
    }

    [Theory]
    [InlineData("R55.x00x003", "38.5906|39.7900x017", "FF1")] // main procedure in FF1's list (4_ADRG_DETAIL.txt:23865): FF1, listed first
    [InlineData("R55.x00x003", "39.7900x017|38.5906", "FF2")] // main procedure not in FF1's list: FF2's 同时包含 (line 23882) decides
    public void D3_adrgs_are_tried_in_text_order_so_ff1_comes_before_the_combination_ff2(string main, string procedures, string adrg)
    {
        var g = SharedPack.Grouper(ambiguousCheck: false);
        var order = g.Pack.Adrgs.Select(a => a.Code).ToList();
        Assert.True(order.IndexOf("FF1") < order.IndexOf("FF2"));
        Assert.Equal(adrg, g.Group(Case(main, procedures: procedures)).Adrg);
    }

    [Fact]
    public void D3_only_fd1_and_ff1_come_before_a_combination_adrg_whose_tables_hold_their_listed_procedures()
    {
        // Every 同时包含 / 手术表 ADRG (AC1, FB1, FE1, FF2, IB1, JA1, JA2, NA1): the single-list ADRGs of the same MDC whose
        // main-procedure list shares a code with its tables come after it in the text — except FD1 (before FE1, one code,
        // 38.8500x013) and FF1 (before FF2). The peer agrees with the text on FD1/FE1 and swaps only FF1/FF2.
        var pack = SharedPack.Chs11().Pack;
        var earlier = new List<string>();
        for (var i = 0; i < pack.Adrgs.Count; i++)
        {
            var combo = pack.Adrgs[i];
            if (combo.TableCombinations.Count == 0)
            {
                continue;
            }

            var tables = new HashSet<string>(combo.ProcedureTables.SelectMany(t => t.Codes), System.StringComparer.Ordinal);
            earlier.AddRange(pack.Adrgs.Take(i).Where(a => a.Mdc == combo.Mdc && a.MainProcedures.Any(tables.Contains)).Select(a => a.Code + "<" + combo.Code));
        }

        Assert.Equal(new[] { "FD1<FE1", "FF1<FF2" }, earlier);
    }

    [Fact]
    public void D4_a_trauma_code_listed_under_two_regions_counts_in_either()
    {
        // S12.910 is listed under 头颈部创伤 (4_ADRG_DETAIL.txt:84000) and 躯干、脊柱创伤 (line 84385); S13.103 only under
        // 躯干、脊柱创伤 (line 84404), S06.000 only under 头颈部创伤. Each diagnosis counts in one region; S12.910 takes
        // whichever the other diagnoses leave free. The peer keeps only the last listing (S12.910 + S13.103: one region).
        var g = SharedPack.Grouper(ambiguousCheck: false);
        var z = g.Pack.Mdcs.Single(m => m.Code == "MDCZ");
        Assert.Equal("头颈部创伤", z.TraumaRegions["S12.910"]);
        Assert.Equal(new[] { "躯干、脊柱创伤" }, z.AdditionalTraumaRegions["S12.910"]);
        Assert.Single(z.AdditionalTraumaRegions);
        Assert.Equal("躯干、脊柱创伤", z.TraumaRegions["S13.103"]);
        Assert.Equal("头颈部创伤", z.TraumaRegions["S06.000"]);
        Assert.Equal("MDCZ", g.Group(Case("S12.910", "S13.103")).Mdc);
        Assert.Equal("MDCZ", g.Group(Case("S12.910", "S06.000")).Mdc); // before the fix (first listing only): one region
        Assert.NotEqual("MDCZ", g.Group(Case("S12.910")).Mdc); // one injury is not multiple trauma
        Assert.NotEqual("MDCZ", g.Group(Case("S13.103", "S13.100")).Mdc); // two injuries, one region
        Assert.Equal(("头颈部创伤", "躯干、脊柱创伤"), TraumaRegionListings.CodesInTwoRegions(SharedData.Require("data/chs-drg/1.1"))["S12.910"]);
    }

    [Theory]
    [InlineData("S36.511", "S22.500", "47.0900x001", "ZZ1")] // 47.0900x001 is listed only by GK3 (a K, non-OR, ADRG): ZZ1's 且无手术 holds
    [InlineData("F45.803", "", "17.5600x001", "TS2")] // no surgical ADRG lists 17.5600x001: TB1's 全部手术 (line 73198) does not hold
    public void D5_a_procedure_no_surgical_adrg_lists_is_no_operating_room_procedure(string main, string secondary, string procedure, string adrg)
    {
        var g = SharedPack.Grouper(ambiguousCheck: false);
        Assert.False(g.IsOperatingRoomProcedure(procedure));
        Assert.Equal(adrg, g.Group(Case(main, secondary, procedure, sex: Sex.Female)).Adrg);
    }
}
