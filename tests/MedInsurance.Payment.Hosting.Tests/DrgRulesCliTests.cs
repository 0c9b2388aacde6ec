using System;
using System.IO;
using MedInsurance.Payment.Demo;
using MedInsurance.Payment.TestSupport;

namespace MedInsurance.Payment.Hosting.Tests;

/// <summary><c>medpay drg rules --verify</c> and the refusal of a folder named as the wrong edition (issue 13).</summary>
public sealed class DrgRulesCliTests
{
    [Fact]
    public void Verify_says_as_published_and_a_wrong_edition_exits_2_before_any_work()
    {
        var folder = SharedData.Require("data/chs-drg/1.1");
        var ok = MedpayProcess.Run("drg", "rules", "--rules", folder, "--edition", "chs-drg-1.1", "--verify");
        Assert.True(ok.Exit == 0, ok.Err);
        Assert.Contains("verify: this is chs-drg-1.1 as published", ok.Out, StringComparison.Ordinal);

        var wrong = MedpayProcess.Run("drg", "group", "--rules", folder, "--edition", "chs-drg-1.0-revised", "--input", "does-not-matter.csv", "--output", "out.csv");
        Assert.Equal(2, wrong.Exit);
        Assert.Contains("the folder is chs-drg-1.1 as published, not chs-drg-1.0-revised as named", wrong.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", wrong.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_regional_edition_without_a_manifest_is_checked_for_structure_only()
    {
        var demo = MedpayProcess.Run("drg", "rules", "--rules", DemoRegion.Load().DrgRuleFolder, "--edition", DemoRegion.DrgEdition, "--verify");
        Assert.Equal(1, demo.Exit);
        Assert.Contains("demo-drg-1 has no manifest in this library", demo.Out, StringComparison.Ordinal);

        // Named as the national 1.1 edition, the 14-DRG demo pack is refused: its counts are nothing like 1.1's.
        var named = MedpayProcess.Run("drg", "rules", "--rules", DemoRegion.Load().DrgRuleFolder, "--edition", "chs-drg-1.1");
        Assert.Equal(2, named.Exit);
        Assert.Contains("3_DRG.txt: 14 DRGs, chs-drg-1.1 has 628", named.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void The_converter_writes_a_rule_pack_json_that_every_drg_command_takes_with_the_same_report_and_groups()
    {
        var folder = SharedData.Require("data/chs-drg/1.1");
        var cases = SharedData.Require("golden/chs-drg-1.1/cases.csv");
        var work = Path.Combine(Path.GetTempPath(), "medpay-drg-json-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        var json = Path.Combine(work, "chs-drg-1.1.json");
        var text = MedpayProcess.Run("drg", "rules", "--rules", folder, "--edition", "chs-drg-1.1", "--save-compiled", json);
        Assert.True(text.Exit == 0, text.Err);
        var fromJson = MedpayProcess.Run("drg", "rules", "--rules", json, "--edition", "chs-drg-1.1");
        Assert.True(fromJson.Exit == 0, fromJson.Err);
        Assert.Equal(text.Out, fromJson.Out);

        Assert.Equal(0, MedpayProcess.Run("drg", "group", "--rules", folder, "--edition", "chs-drg-1.1", "--input", cases, "--output", Path.Combine(work, "text.csv")).Exit);
        Assert.Equal(0, MedpayProcess.Run("drg", "group", "--rules", json, "--edition", "chs-drg-1.1", "--input", cases, "--output", Path.Combine(work, "json.csv")).Exit);
        Assert.Equal(File.ReadAllText(Path.Combine(work, "text.csv")), File.ReadAllText(Path.Combine(work, "json.csv")));

        var other = MedpayProcess.Run("drg", "group", "--rules", json, "--edition", "chs-drg-2.0", "--input", cases, "--output", Path.Combine(work, "x.csv"));
        Assert.Equal(2, other.Exit);
        Assert.Contains("is edition chs-drg-1.1, not chs-drg-2.0 as named", other.Err, StringComparison.Ordinal);

        File.WriteAllText(Path.Combine(work, "damaged.json"), File.ReadAllText(json).Replace("\"level\": 2", "\"level\": 7", StringComparison.Ordinal));
        var damaged = MedpayProcess.Run("drg", "rules", "--rules", Path.Combine(work, "damaged.json"), "--edition", "chs-drg-1.1");
        Assert.Equal(2, damaged.Exit);
        Assert.Contains("damaged.json: $.complications[", damaged.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_maps_a_yb10_code_through_the_crosswalk_and_shows_it_and_a_corrupt_crosswalk_exits_2()
    {
        var folder = SharedData.Require("data/chs-drg/1.1");
        var zd = SharedData.Require("data/codes-2.0/ZD_YB10_TO_YB20.dat");
        var ss = SharedData.Require("data/codes-2.0/SS_YB10_TO_YB20.dat");
        var run = MedpayProcess.Run("drg", "explain", "--rules", folder, "--edition", "chs-drg-1.1", "--case", "P1,2,45,,,5,1,A18.800x041,", "--crosswalk", "医保版1.0=" + zd + "," + ss, "--language", "en");
        Assert.True(run.Exit == 0, run.Err);
        Assert.Contains("DRG_CODE_MAPPED(diagnoses[0])", run.Out, StringComparison.Ordinal);
        Assert.Contains("crosswalk diagnoses[0]: A18.800x041 → A18.300x016 (医保版1.0)", run.Out, StringComparison.Ordinal);

        var bad = Path.Combine(Path.GetTempPath(), "medpay-bad-crosswalk-" + Guid.NewGuid().ToString("N") + ".dat");
        File.WriteAllText(bad, "A18.800x041 A18.300x016\nA18.800x042\n");
        var refused = MedpayProcess.Run("drg", "explain", "--rules", folder, "--edition", "chs-drg-1.1", "--case", "P1,2,45,,,5,1,A18.800x041,", "--crosswalk", "bad=" + bad);
        Assert.Equal(2, refused.Exit);
        Assert.Contains(":2: field 2 (target): missing", refused.Err, StringComparison.Ordinal);
    }
}
