using System;
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
}
