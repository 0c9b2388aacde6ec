using System.Collections.Generic;
using System.IO;
using System.Linq;
using MedInsurance.Payment.Drg.Loading;
using MedInsurance.Payment.Drg.Rules;
using MedInsurance.Payment.TestSupport;

namespace MedInsurance.Payment.Drg.Tests;

public sealed class RuleTextLoaderTests
{
    private static RulePackLoadResult Mini => MiniRuleText.Loaded;

    [Fact]
    public void Records_run_together_on_one_line_are_split()
    {
        Assert.Equal(new[] { "MDCA", "MDCB", "MDCM", "MDCN", "MDCP", "MDCX", "MDCZ" }, Mini.Pack.Mdcs.Select(m => m.Code));
        Assert.Contains(Mini.Pack.Adrgs, a => a.Code == "BD1");
        Assert.Contains(Mini.Pack.Drgs, d => d.Code == "BD19");
        Assert.Contains(Mini.Report.Notes, n => n.StartsWith("1_MDC.txt:2:", System.StringComparison.Ordinal));
    }

    [Fact]
    public void Wrapped_names_are_joined()
    {
        Assert.Equal("脑创伤开颅术", Mini.Pack.Adrgs.Single(a => a.Code == "BB1").Name);
        Assert.Equal("新生儿及其他围产期新生儿疾病", Mini.Pack.Mdcs.Single(m => m.Code == "MDCP").Name);
    }

    [Fact]
    public void Complications_survive_page_numbers_column_headers_and_line_breaks()
    {
        var c = Mini.Pack.Complications;
        Assert.Equal(ComplicationLevel.Mcc, c["J96.000"].Level);
        Assert.Equal("7-1", c["J96.000"].ExclusionTable);
        Assert.Equal("7-2", c["N17.900"].ExclusionTable);
        Assert.Equal("7-1", c["R57.000"].ExclusionTable);
        Assert.Equal(ComplicationLevel.Cc, c["J18.900"].Level);
        Assert.Equal("7-1", c["J18.900"].ExclusionTable);
        Assert.Null(c["I10.x00"].ExclusionTable);
        Assert.Equal(3, Mini.Report.Counts.Single(x => x.Table == "MCC").Codes);
        Assert.Equal(3, Mini.Report.Counts.Single(x => x.Table == "CC").Codes);
    }

    [Fact]
    public void Exclusion_table_header_mid_line_is_recovered()
    {
        Assert.Equal(new[] { "I63.900", "J96.000" }, Mini.Pack.ExclusionTables["7-1"].MainDiagnoses);
        Assert.Equal(new[] { "G40.900", "N17.900" }, Mini.Pack.ExclusionTables["7-2"].MainDiagnoses);
    }

    [Fact]
    public void Unparsed_text_is_reported_with_file_and_line()
    {
        var line = Assert.Single(Mini.Report.Unparsed);
        Assert.Equal("4_ADRG_DETAIL.txt", line.File);
        Assert.Equal(MiniRuleText.Detail.Split('\n').ToList().IndexOf("这是一行无法解析的文字") + 1, line.Line);
        Assert.Equal("这是一行无法解析的文字", line.Text);
    }

    [Fact]
    public void Condition_sections_become_adrg_conditions()
    {
        var pack = Mini.Pack;
        var bb1 = pack.Adrgs.Single(a => a.Code == "BB1");
        Assert.Equal(new[] { "S06.000" }, bb1.MainDiagnoses);
        Assert.Equal(new[] { "01.2400" }, bb1.MainProcedures);
        var bc1 = pack.Adrgs.Single(a => a.Code == "BC1");
        Assert.Equal(new[] { 1, 2 }, Assert.Single(bc1.TableCombinations));
        var bd1 = pack.Adrgs.Single(a => a.Code == "BD1");
        Assert.Equal(new[] { new[] { 1, 2 }, new[] { 3 } }, bd1.TableCombinations.Select(c => c.ToArray()));
        Assert.Equal(new[] { "03.4x00" }, bd1.ProcedureTables.Single(t => t.Number == 3).Codes);
        Assert.True(pack.Adrgs.Single(a => a.Code == "XJ1").RequiresOperatingRoomProcedure);
        Assert.True(pack.Adrgs.Single(a => a.Code == "ZZ1").RequiresNoProcedure);
        Assert.Equal(new[] { "P07.300" }, pack.Adrgs.Single(a => a.Code == "PS1").AnyDiagnoses);
        Assert.Equal(new WeightBand(1500, 1999), pack.Adrgs.Single(a => a.Code == "PS2").BirthWeightBand);
        Assert.Equal(new AgeBand(29, 365), pack.Adrgs.Single(a => a.Code == "PV1").AgeBand);
        Assert.Equal(new AgeBand(0, 28), pack.Adrgs.Single(a => a.Code == "PU1").AgeBand);
        var z = pack.Mdcs.Single(m => m.Code == "MDCZ");
        Assert.Equal("头颈部创伤", z.TraumaRegions["S06.000"]);
        Assert.Equal("胸部创伤", z.TraumaRegions["S27.000"]);
    }

    [Fact]
    public void Column_layout_complication_tables_are_paired_in_order()
    {
        var columnar = "1146\n表 5-1 严重并发症或合并症（MCC）\n疾病编码\nJ96.000\nN17.900\n疾病名称\n急性呼吸衰竭\n急性肾衰竭\n排除内容\n表 7-1\n表 7-2\nR57.000\n心源性休克\n表 7-1\n";
        var folder = MiniRuleText.Write(new Dictionary<string, string> { ["5_MCC.txt"] = columnar });
        var loaded = RuleTextLoader.Load(folder, "mini-columns");
        Assert.Equal("7-1", loaded.Pack.Complications["J96.000"].ExclusionTable);
        Assert.Equal("7-2", loaded.Pack.Complications["N17.900"].ExclusionTable);
        Assert.Equal("7-1", loaded.Pack.Complications["R57.000"].ExclusionTable);
        Assert.Contains(loaded.Report.Notes, n => n.Contains("column layout", System.StringComparison.Ordinal));
    }

    [Fact]
    public void Missing_files_are_a_configuration_error_naming_the_file()
    {
        var folder = MiniRuleText.Write();
        File.Delete(Path.Combine(folder, "7_CCE.txt"));
        var e = Assert.Throws<FileNotFoundException>(() => RuleTextLoader.Load(folder, "mini"));
        Assert.Contains("7_CCE.txt", e.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Loading_the_same_text_twice_gives_equal_packs()
    {
        var again = RuleTextLoader.Load(MiniRuleText.Write(), "mini");
        Assert.True(Mini.Pack.ContentEquals(again.Pack));
        var changed = RuleTextLoader.Load(MiniRuleText.Write(new Dictionary<string, string> { ["7_CCE.txt"] = MiniRuleText.Cce.Replace("I63.900 脑梗死\n", string.Empty, System.StringComparison.Ordinal) }), "mini");
        Assert.False(Mini.Pack.ContentEquals(changed.Pack));
    }

    [Fact]
    public void Chs_drg_11_loads_every_table_without_unparsed_text()
    {
        var loaded = RuleTextLoader.Load(SharedData.Require("data/chs-drg/1.1"), RuleTextLoader.Edition11);
        Assert.Equal(26, loaded.Pack.Mdcs.Count);
        Assert.Equal(376, loaded.Pack.Adrgs.Count);
        Assert.Equal(628, loaded.Pack.Drgs.Count);
        Assert.Empty(loaded.Report.Unparsed);
        Assert.All(loaded.Pack.Mdcs.Where(m => m.Code != "MDCA"), m => Assert.NotEmpty(m.MainDiagnoses));
        Assert.Equal(9, loaded.Pack.Mdcs.Single(m => m.Code == "MDCZ").TraumaRegions.Values.Distinct().Count());
        Assert.True(loaded.Report.Counts.Single(c => c.Table == "MCC").Codes > 4000);
        Assert.True(loaded.Report.Counts.Single(c => c.Table == "CC").Codes > 15000);
        Assert.True(loaded.Pack.ExclusionTables.Count > 200);
        Assert.True(RuleTextLoader.Load(SharedData.Require("data/chs-drg/1.1"), RuleTextLoader.Edition11).Pack.ContentEquals(loaded.Pack));
    }

    [Fact]
    public void Chs_drg_10_revised_loads_and_reports_its_transcription_error_with_line()
    {
        var loaded = RuleTextLoader.Load(SharedData.Require("data/chs-drg/1.0-revised"), RuleTextLoader.Edition10Revised);
        Assert.Equal(376, loaded.Pack.Adrgs.Count);
        Assert.Equal(618, loaded.Pack.Drgs.Count);
        Assert.Contains(loaded.Report.Notes, n => n.Contains("column layout", System.StringComparison.Ordinal));
        var odd = Assert.Single(loaded.Report.Unparsed);
        Assert.Equal("54.9802", odd.Text);
        Assert.Equal("4_ADRG_DETAIL.txt", odd.File);
        Assert.Equal(51399, odd.Line);
        Assert.NotEmpty(loaded.Pack.Mdcs.Single(m => m.Code == "MDCY").MainDiagnoses);
        Assert.Equal(2, loaded.Pack.Adrgs.Single(a => a.Code == "AH1").TableCombinations.Count);
        Assert.NotEmpty(loaded.Pack.Adrgs.Single(a => a.Code == "VC1").MainProcedures);
    }
}
