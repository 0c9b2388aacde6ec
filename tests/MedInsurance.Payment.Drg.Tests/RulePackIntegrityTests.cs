using System;
using System.IO;
using System.Linq;
using MedInsurance.Payment.Drg.Loading;
using MedInsurance.Payment.TestSupport;

namespace MedInsurance.Payment.Drg.Tests;

/// <summary>
/// Integrity of reference data (issue 13): the published folders verify against their manifests; damaged copies
/// (written to a temporary folder from ../shared, read in place) are refused with the file named; a folder named as
/// the wrong edition is refused.
/// </summary>
public sealed class RulePackIntegrityTests
{
    private static RulePackCheck CheckCopy(string edition, Action<string> damage)
    {
        var source = SharedData.Require("data/chs-drg/1.1");
        var folder = Path.Combine(Path.GetTempPath(), "medpay-rulepack-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            foreach (var file in Directory.GetFiles(source, "*.txt"))
            {
                File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
            }

            damage(folder);
            return RulePackIntegrity.Check(folder, edition, RuleTextLoader.Load(folder, edition));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void The_published_folders_verify_as_published()
    {
        var check = RulePackIntegrity.Check(SharedData.Require("data/chs-drg/1.1"), RuleTextLoader.Edition11, SharedPack.Chs11());
        Assert.True(check.IsUsable, string.Join("; ", check.Problems));
        Assert.Equal(RuleTextLoader.Edition11, check.PublishedAs);
        Assert.Empty(check.DifferingFiles);
        // The counts the 1.1 text loads to, as the manifest records them.
        Assert.Equal(new RulePackCounts(26, 376, 628, 4678, 16568, 223), check.Counts);
        Assert.Equal(check.Counts, check.Expected);

        var revised = SharedData.Require("data/chs-drg/1.0-revised");
        var r = RulePackIntegrity.Check(revised, RuleTextLoader.Edition10Revised, RuleTextLoader.Load(revised, RuleTextLoader.Edition10Revised));
        Assert.True(r.IsUsable, string.Join("; ", r.Problems));
        Assert.Equal(RuleTextLoader.Edition10Revised, r.PublishedAs);
    }

    [Fact]
    public void A_garbage_cc_file_is_refused()
    {
        var check = CheckCopy(RuleTextLoader.Edition11, f => File.WriteAllText(Path.Combine(f, "6_CC.txt"), "xxxxxxxx yyyyyyy\n1234 5678\n"));
        Assert.False(check.IsUsable);
        Assert.Contains("6_CC.txt: no CC code could be read", check.Problems);
        Assert.Null(check.PublishedAs);
    }

    [Fact]
    public void A_truncated_drg_file_is_refused_with_adrgs_left_without_a_drg()
    {
        var check = CheckCopy(RuleTextLoader.Edition11, f => File.WriteAllLines(Path.Combine(f, "3_DRG.txt"), File.ReadLines(Path.Combine(f, "3_DRG.txt")).Take(300).ToArray()));
        Assert.False(check.IsUsable);
        Assert.Contains(check.Problems, p => p.StartsWith("3_DRG.txt: 196 ADRG(s) have no DRG", StringComparison.Ordinal));
        Assert.Contains(check.Problems, p => p.StartsWith("3_DRG.txt: 300 DRGs, chs-drg-1.1 has 628", StringComparison.Ordinal));
    }

    [Fact]
    public void A_truncated_detail_file_is_refused()
    {
        var check = CheckCopy(RuleTextLoader.Edition11, f => File.WriteAllLines(Path.Combine(f, "4_ADRG_DETAIL.txt"), File.ReadLines(Path.Combine(f, "4_ADRG_DETAIL.txt")).Take(40_000).ToArray()));
        Assert.False(check.IsUsable);
        Assert.Contains(check.Problems, p => p.StartsWith("4_ADRG_DETAIL.txt: 183 ADRG(s) of 2_ADRG.txt have no conditions", StringComparison.Ordinal));
    }

    [Fact]
    public void An_empty_file_is_refused_and_a_small_regional_change_is_usable_but_not_as_published()
    {
        var empty = CheckCopy(RuleTextLoader.Edition11, f => File.WriteAllText(Path.Combine(f, "5_MCC.txt"), "\n\n"));
        Assert.Contains("5_MCC.txt: empty", empty.Problems);

        // One DRG fewer (the last line): plausible, usable, and reported as differing from the published 3_DRG.txt.
        var regional = CheckCopy(RuleTextLoader.Edition11, f =>
        {
            var lines = File.ReadAllLines(Path.Combine(f, "3_DRG.txt"));
            File.WriteAllLines(Path.Combine(f, "3_DRG.txt"), lines.Take(lines.Length - 1).ToArray());
        });
        Assert.True(regional.IsUsable, string.Join("; ", regional.Problems));
        Assert.Null(regional.PublishedAs);
        Assert.Equal(["3_DRG.txt"], regional.DifferingFiles);
        Assert.Equal(627, regional.Counts.Drg);
    }

    [Fact]
    public void A_folder_named_as_the_other_edition_is_refused()
    {
        var folder = SharedData.Require("data/chs-drg/1.1");
        var check = RulePackIntegrity.Check(folder, RuleTextLoader.Edition10Revised, RuleTextLoader.Load(folder, RuleTextLoader.Edition10Revised));
        Assert.False(check.IsUsable);
        Assert.Equal(RuleTextLoader.Edition11, check.PublishedAs);
        Assert.Contains("the folder is chs-drg-1.1 as published, not chs-drg-1.0-revised as named; name the edition the folder holds", check.Problems);
    }
}
