using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using MedInsurance.Payment.Cases;
using MedInsurance.Payment.Drg.Grouping;
using MedInsurance.Payment.Drg.Loading;
using MedInsurance.Payment.Drg.Rules;
using static MedInsurance.Payment.Drg.Tests.MiniRuleText;

namespace MedInsurance.Payment.Drg.Tests;

/// <summary>
/// A small hand-made edition (not national data) with ADRGs 1.1 does not have (BF7 surgical, BT7 medical) and a four-way
/// split with a digit 1.1 does not define: 1 伴MCC, 3 伴CC, 7 不伴CC/MCC且年龄≥65岁, 5 不伴CC/MCC. It goes through the
/// converter (rule text + conventions → rule-pack JSON), is read back, checked and grouped; the expected groups are
/// worked out by hand below, not by the grouper.
/// </summary>
public sealed class HandMadeEditionTests
{
    private const string Edition = "test-edition-9";

    private static readonly Dictionary<string, string> Text = new()
    {
        ["1_MDC.txt"] = "MDCA 先期分组疾病及相关操作\nMDCB 神经系统疾病及功能障碍",
        ["2_ADRG.txt"] = "AA1 心脏移植\nBF7 脑卒中介入取栓术\nBT7 脑卒中",
        ["3_DRG.txt"] = "AA19 心脏移植\nBF79 脑卒中介入取栓术\nBT71 脑卒中，伴严重并发症或合并症\nBT73 脑卒中，伴并发症或合并症\nBT77 脑卒中，不伴并发症或合并症，年龄≥65岁\nBT75 脑卒中，不伴并发症或合并症",
        ["4_ADRG_DETAIL.txt"] = string.Join("\n", new[]
        {
            "MDCA 先期分组疾病及相关操作",
            "AA1 心脏移植",
            "包含以下主要手术或操作：",
            "37.5100 心脏移植术",
            "MDCB 神经系统疾病及功能障碍",
            "MDCB 主诊表",
            "包含以下主要诊断：",
            "I63.900 脑梗死",
            "I61.900 脑出血",
            "BF7 脑卒中介入取栓术",
            "包含以下主要诊断：",
            "I63.900 脑梗死",
            "包含以下主要手术或操作：",
            "39.7400 颅内血管取栓术",
            "BT7 脑卒中",
            "包含以下主要诊断：",
            "I63.900 脑梗死",
            "I61.900 脑出血",
        }),
        ["5_MCC.txt"] = "J96.000 急性呼吸衰竭 表 7-1",
        ["6_CC.txt"] = "E11.900 2型糖尿病 表 7-1",
        ["7_CCE.txt"] = "表 7-1\n包含以下主要诊断：\nJ96.000 急性呼吸衰竭",
    };

    // The edition's prose rules: 1.1's, except the split rules, tried in this order.
    private const string Conventions = """
        {
          "preMdcOrder": ["MDCA", "MDCP", "MDCY", "MDCZ", "MDCM", "MDCN"],
          "procedureOnlyMdcs": ["MDCA"],
          "requiredSex": { "MDCM": "male", "MDCN": "female" },
          "impliedSex": { "MDCM": "male", "MDCN": "female", "MDCO": "female" },
          "infantMdcs": ["MDCP"],
          "multipleTraumaMdc": "MDCZ",
          "multipleTraumaMinimumRegions": 2,
          "lastSurgicalLetter": "J",
          "lastProcedureLetter": "Q",
          "ambiguousGroupSuffix": "QY",
          "splits": [
            { "digit": "9", "minimumLevel": "none", "meaning": "未作区分" },
            { "digit": "1", "minimumLevel": "mcc", "meaning": "伴严重并发症或合并症" },
            { "digit": "3", "minimumLevel": "cc", "meaning": "伴并发症或合并症" },
            { "digit": "7", "minimumLevel": "none", "minimumAgeYears": 65, "meaning": "不伴并发症或合并症，年龄≥65岁" },
            { "digit": "5", "minimumLevel": "none", "meaning": "不伴并发症或合并症" }
          ]
        }
        """;

    private static string WriteText()
    {
        var folder = Write(Text);
        File.WriteAllText(Path.Combine(folder, "conventions.json"), Conventions, new UTF8Encoding(false));
        return folder;
    }

    private static EditionConventions ReadConventions(string folder)
    {
        using var stream = File.OpenRead(Path.Combine(folder, "conventions.json"));
        return CompiledRulePack.ReadConventions(stream, "conventions.json");
    }

    private static (RulePackLoadResult Text, RulePackLoadResult Json, byte[] Bytes) Convert()
    {
        var folder = WriteText();
        var text = RuleTextLoader.Load(folder, Edition, ReadConventions(folder));
        Assert.True(RulePackIntegrity.Check(folder, Edition, text).IsUsable);
        using var saved = new MemoryStream();
        CompiledRulePack.Save(text, saved);
        var bytes = saved.ToArray();
        return (text, CompiledRulePack.LoadWithReport(new MemoryStream(bytes), "test-edition-9.json"), bytes);
    }

    [Fact]
    public void The_converter_writes_a_pack_that_reads_back_with_the_same_report_and_passes_the_same_checks()
    {
        var (text, json, bytes) = Convert();
        Assert.Empty(text.Report.Unparsed);
        Assert.Empty(text.Report.Notes);
        Assert.True(text.Pack.ContentEquals(json.Pack));
        Assert.Equal(text.Report.Render(), json.Report.Render());
        var check = RulePackIntegrity.CheckCompiled("test-edition-9.json", json);
        Assert.True(check.IsUsable, string.Join("; ", check.Problems));
        Assert.Equal(new[] { '9', '1', '3', '7', '5' }, json.Pack.Conventions.Splits.Select(s => s.Digit));
        var written = Encoding.UTF8.GetString(bytes);
        Assert.Contains("\"formatVersion\": 2", written, StringComparison.Ordinal);
        Assert.Contains("\"minimumAgeYears\": 65", written, StringComparison.Ordinal);
        Assert.Contains("\"loadReport\"", written, StringComparison.Ordinal);
    }

    // Worked by hand from the text above: MDCB admits I63.900 and I61.900; BF7 needs main diagnosis I63.900 and main
    // procedure 39.7400 and is not split (9); BT7 takes both diagnoses. Split order 9, 1, 3, 7, 5: J96.000 is an MCC
    // (its exclusion table 7-1 lists only J96.000 as main diagnosis), E11.900 a CC; 7 needs age ≥ 65 without CC/MCC.
    [Theory]
    [InlineData("I63.900", "", "", 70, "BT77")]
    [InlineData("I63.900", "", "", 65, "BT77")]
    [InlineData("I63.900", "", "", 64, "BT75")]
    [InlineData("I61.900", "", "", 40, "BT75")]
    [InlineData("I61.900", "E11.900", "", 70, "BT73")]
    [InlineData("I61.900", "J96.000", "", 70, "BT71")]
    [InlineData("I61.900", "J96.000|E11.900", "", 30, "BT71")]
    [InlineData("I63.900", "E11.900", "39.7400", 80, "BF79")]
    [InlineData("I61.900", "", "37.5100", 50, "AA19")]
    public void Cases_group_through_the_new_adrgs_and_the_four_way_split(string main, string secondary, string procedures, int age, string expected)
    {
        var (_, json, _) = Convert();
        var result = new DrgGrouper(json.Pack).Group(Case(main, secondary, procedures, Sex.Female, age));
        Assert.Equal(DrgStatus.Grouped, result.Status);
        Assert.Equal(expected, result.Drg);
    }

    [Fact]
    public void The_kernel_allocates_nothing_with_the_edition_conventions()
    {
        var (_, json, _) = Convert();
        var grouper = new DrgGrouper(json.Pack);
        var cases = new[] { Case("I63.900", age: 70), Case("I61.900", "J96.000"), Case("I63.900", "E11.900", "39.7400"), Case("I61.900", string.Empty, "37.5100") }
            .Select(grouper.Prepare).ToArray();
        foreach (var c in cases)
        {
            grouper.Group(c);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        var grouped = 0;
        for (var i = 0; i < 1000; i++)
        {
            grouped += grouper.Group(cases[i % cases.Length]).Status == DrgStatus.Grouped ? 1 : 0;
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(1000, grouped);
    }

    [Fact]
    public void Under_the_1_1_conventions_digit_7_is_undefined_reported_and_never_chosen()
    {
        var folder = WriteText();
        var loaded = RuleTextLoader.Load(folder, Edition);
        Assert.Contains(loaded.Report.Notes, n => n.Contains("BT77", StringComparison.Ordinal) && n.Contains("9135", StringComparison.Ordinal));
        Assert.Equal("BT75", new DrgGrouper(loaded.Pack).Group(Case("I63.900", age: 70)).Drg);
    }

    [Fact]
    public void The_1_1_conventions_are_the_prose_rules_and_the_json_example_in_the_docs()
    {
        var c = EditionConventions.ChsDrg11;
        Assert.Equal(new[] { "MDCA", "MDCP", "MDCY", "MDCZ", "MDCM", "MDCN" }, c.PreMdcOrder);
        Assert.Equal(new[] { "MDCM", "MDCN" }, c.RequiredSex.Keys.OrderBy(k => k, StringComparer.Ordinal));
        Assert.Equal(Sex.Female, c.ImpliedSex["MDCO"]);
        Assert.False(c.RequiredSex.ContainsKey("MDCO"));
        Assert.Equal(AdrgKind.Surgical, c.KindOf("BJ1"));
        Assert.Equal(AdrgKind.NonOperatingRoom, c.KindOf("BK1"));
        Assert.Equal(AdrgKind.Medical, c.KindOf("BR1"));
        Assert.Equal("BQY", c.AmbiguousGroupCode("MDCB"));
        var docs = File.ReadAllText(Path.Combine(TestSupport.SharedData.RepoRoot, "docs", "formats-drg.md"));
        var start = docs.IndexOf("\"preMdcOrder\"", StringComparison.Ordinal);
        var json = string.Concat("{", docs.AsSpan(start, docs.IndexOf("```", start, StringComparison.Ordinal) - start));
        Assert.True(c.ContentEquals(CompiledRulePack.ReadConventions(new MemoryStream(Encoding.UTF8.GetBytes(json)), "formats-drg.md")));
        var mine = CompiledRulePack.ReadConventions(new MemoryStream(Encoding.UTF8.GetBytes(Conventions)), "test");
        Assert.False(c.ContentEquals(mine));
    }

    [Fact]
    public void The_trace_names_the_split_digit_and_its_meaning()
    {
        var (_, json, _) = Convert();
        var trace = new DrgGrouper(json.Pack).Group(Case("I63.900", age: 70)).Trace.Render(TraceLanguage.English);
        Assert.Contains("split 7 (不伴并发症或合并症，年龄≥65岁)", trace, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pack_without_conventions_reads_with_the_1_1_ones()
    {
        var (_, _, bytes) = Convert();
        var text = Encoding.UTF8.GetString(bytes);
        var start = text.IndexOf("\"conventions\"", StringComparison.Ordinal);
        var end = text.IndexOf("\"loadReport\"", StringComparison.Ordinal);
        var without = text.Remove(start, end - start);
        var pack = CompiledRulePack.LoadWithReport(new MemoryStream(Encoding.UTF8.GetBytes(without)), "x.json").Pack;
        Assert.True(pack.Conventions.ContentEquals(EditionConventions.ChsDrg11));
        Assert.Equal("BT75", new DrgGrouper(pack).Group(Case("I63.900", age: 70)).Drg);
    }

    [Theory]
    [InlineData("\"I61.900\",", "null,", "$.mdcs[1].mainDiagnoses[0]: null item")]
    [InlineData("\"mdc\": \"MDCB\"", "\"mdc\": \"MDCQ\"", "$.adrgs[1].mdc: names no MDC")]
    [InlineData("\"code\": \"BT73\"", "\"code\": \"BT71\"", "$.drgs[3]: DRG listed twice")]
    [InlineData("\"level\": 2", "\"level\": 5", "$.complications[")]
    [InlineData("\"digit\": \"7\"", "\"digit\": \"77\"", "$.conventions.splits[3].digit")]
    [InlineData("\"minimumLevel\": \"cc\"", "\"minimumLevel\": \"some\"", "$.conventions.splits[2].minimumLevel")]
    [InlineData("\"formatVersion\": 2", "\"formatVersion\": 3", "$.formatVersion")]
    [InlineData("\"adrgs\": [", "\"adrgs\": null, \"x\": [", "$.adrgs: missing or null")]
    [InlineData("\"name\": \"神经系统疾病及功能障碍\"", "\"name\": null", "$.mdcs[1].name: null")]
    [InlineData("\"file\": \"3_DRG.txt\"", "\"file\": null", "$.drgs[0].file: null")]
    public void A_damaged_pack_is_refused_naming_the_json_path(string find, string replace, string expected)
    {
        var (_, _, bytes) = Convert();
        var text = Encoding.UTF8.GetString(bytes);
        Assert.Contains(find, text, StringComparison.Ordinal);
        var damaged = Encoding.UTF8.GetBytes(ReplaceFirst(text, find, replace));
        var e = Assert.Throws<FormatException>(() => CompiledRulePack.LoadWithReport(new MemoryStream(damaged), "damaged.json"));
        Assert.StartsWith("damaged.json: ", e.Message, StringComparison.Ordinal);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_code_removed_by_hand_disagrees_with_the_saved_counts_and_is_refused()
    {
        var (_, _, bytes) = Convert();
        var text = Encoding.UTF8.GetString(bytes);
        var damaged = ReplaceFirst(text, "\"39.7400\"", string.Empty);
        var e = Assert.Throws<FormatException>(() => CompiledRulePack.LoadWithReport(new MemoryStream(Encoding.UTF8.GetBytes(damaged)), "damaged.json"));
        Assert.Contains("$.loadReport.counts[", e.Message, StringComparison.Ordinal);
        Assert.Contains("BF7 counts 2 codes, the pack holds 1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pack_whose_adrg_has_no_drg_fails_the_same_integrity_check_as_its_text()
    {
        var folder = WriteText();
        File.WriteAllText(Path.Combine(folder, "3_DRG.txt"), Text["3_DRG.txt"].Replace("BF79 脑卒中介入取栓术\n", string.Empty), new UTF8Encoding(false));
        var text = RuleTextLoader.Load(folder, Edition, ReadConventions(folder));
        Assert.Contains(RulePackIntegrity.Check(folder, Edition, text).Problems, p => p.StartsWith("3_DRG.txt: 1 ADRG(s) have no DRG (first: BF7)", StringComparison.Ordinal));
        using var stream = new MemoryStream();
        CompiledRulePack.Save(text, stream);
        var json = CompiledRulePack.LoadWithReport(new MemoryStream(stream.ToArray()), "cut.json");
        var check = RulePackIntegrity.CheckCompiled("cut.json", json);
        Assert.False(check.IsUsable);
        Assert.Contains(check.Problems, p => p.StartsWith("cut.json ($.drgs): 1 ADRG(s) have no DRG (first: BF7)", StringComparison.Ordinal));
    }

    [Fact]
    public void Named_chs_drg_2_0_the_small_edition_is_refused_by_the_published_2_0_counts_text_and_json_alike()
    {
        var folder = WriteText();
        var text = RuleTextLoader.Load(folder, "chs-drg-2.0", ReadConventions(folder));
        var check = RulePackIntegrity.Check(folder, "chs-drg-2.0", text);
        Assert.False(check.IsUsable);
        Assert.Null(check.PublishedAs);
        Assert.Contains(check.Problems, p => p.StartsWith("1_MDC.txt: 2 MDCs, chs-drg-2.0 has 26", StringComparison.Ordinal));
        Assert.Contains(check.Problems, p => p.StartsWith("4_ADRG_DETAIL.txt: 3 ADRGs, chs-drg-2.0 has 409", StringComparison.Ordinal));
        Assert.Contains(check.Problems, p => p.StartsWith("3_DRG.txt: 6 DRGs, chs-drg-2.0 has 634", StringComparison.Ordinal));
        Assert.DoesNotContain(check.Problems, p => p.Contains("MCC", StringComparison.Ordinal) || p.Contains("exclusion", StringComparison.Ordinal));

        using var stream = new MemoryStream();
        CompiledRulePack.Save(text, stream);
        var json = RulePackIntegrity.CheckCompiled("small.json", CompiledRulePack.LoadWithReport(new MemoryStream(stream.ToArray()), "small.json"));
        Assert.Contains(json.Problems, p => p.StartsWith("small.json ($.mdcs): 2 MDCs, chs-drg-2.0 has 26", StringComparison.Ordinal));
        Assert.Contains(json.Problems, p => p.StartsWith("small.json ($.adrgs): 3 ADRGs, chs-drg-2.0 has 409", StringComparison.Ordinal));

        // A folder that is no published edition is not taken for chs-drg-2.0 (whose manifest has counts but no files).
        Assert.True(RulePackIntegrity.Check(folder, Edition, RuleTextLoader.Load(folder, Edition, ReadConventions(folder))).IsUsable);
    }

    private static string ReplaceFirst(string text, string find, string replace)
    {
        var i = text.IndexOf(find, StringComparison.Ordinal);
        return string.Concat(text.AsSpan(0, i), replace, text.AsSpan(i + find.Length));
    }
}
