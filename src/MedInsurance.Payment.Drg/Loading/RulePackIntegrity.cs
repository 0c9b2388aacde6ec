using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

namespace MedInsurance.Payment.Drg.Loading;

/// <summary>
/// 规则包完整性 — decides whether a loaded rule-text folder is a plausible CHS-DRG rule pack before anything is grouped
/// with it (issue 13: a garbage <c>6_CC.txt</c> or a truncated <c>3_DRG.txt</c> must be refused, not used).
/// </summary>
/// <remarks>
/// <para>Refused (every reason listed, each naming its file) when: a file is empty; a table loads to nothing (no MDC,
/// ADRG, DRG, MCC, CC or exclusion table); an ADRG of <c>2_ADRG.txt</c> has no conditions in <c>4_ADRG_DETAIL.txt</c>;
/// an ADRG has no DRG in <c>3_DRG.txt</c> or a DRG no ADRG; a CC/MCC names an exclusion table missing from
/// <c>7_CCE.txt</c>; for a known edition, a count differs from the published one by more than 10% (a regional variant
/// may add or drop a few groups, a damaged file loses many); the folder is, byte for byte, another known edition than
/// the one named.</para>
/// <para>Known editions: <c>chs-drg-1.1</c> and <c>chs-drg-1.0-revised</c> (file hashes and every count), <c>chs-drg-2.0</c>
/// (the published MDC, ADRG and DRG counts 26 / 409 / 634 only: a region's 2.0 pack is checked against them).</para>
/// <para>Pure; thread-safe.</para>
/// </remarks>
public static class RulePackIntegrity
{
    /// <summary>The largest share a count may differ from the published edition's.</summary>
    public const decimal CountTolerance = 0.10m;

    /// <summary>The most MDCs a pack may have (the grouper keeps an MDC set per code in 32 bits; CHS-DRG 1.1 and 2.0 have 26).</summary>
    public const int MaximumMdcs = 32;

    private static readonly string[] Files =
    {
        RuleTextLoader.MdcFile, RuleTextLoader.AdrgFile, RuleTextLoader.DrgFile, RuleTextLoader.DetailFile, RuleTextLoader.MccFile, RuleTextLoader.CcFile, RuleTextLoader.CceFile,
    };

    /// <summary>Checks a loaded folder.</summary>
    /// <param name="folder">The rule-text folder that was loaded.</param>
    /// <param name="edition">The edition named for it.</param>
    /// <param name="loaded">What <see cref="RuleTextLoader.Load(string, string)"/> returned for it.</param>
    /// <returns>The verdict.</returns>
    public static RulePackCheck Check(string folder, string edition, RulePackLoadResult loaded)
    {
        if (folder is null || edition is null || loaded is null)
        {
            throw new ArgumentNullException(folder is null ? nameof(folder) : edition is null ? nameof(edition) : nameof(loaded));
        }

        var problems = new List<string>();
        foreach (var file in Files)
        {
            var path = Path.Combine(folder, file);
            if (!File.Exists(path))
            {
                problems.Add(file + ": missing");
            }
            else if (File.ReadLines(path).All(string.IsNullOrWhiteSpace))
            {
                problems.Add(file + ": empty");
            }
        }

        var counts = CheckContent(loaded, file => file, problems);
        string? publishedAs = null;
        foreach (var known in RulePackManifest.Known)
        {
            // A manifest of published counts only (chs-drg-2.0) has no files to match.
            if (known.Hashes.Count > 0 && known.DifferingFiles(folder).Count == 0)
            {
                publishedAs = known.Edition;
                break;
            }
        }

        if (publishedAs is not null && !string.Equals(publishedAs, edition, StringComparison.Ordinal))
        {
            problems.Add("the folder is " + publishedAs + " as published, not " + edition + " as named; name the edition the folder holds");
        }

        var manifest = RulePackManifest.For(edition);
        IReadOnlyList<string> differing = Array.Empty<string>();
        if (manifest is not null)
        {
            differing = publishedAs == edition ? Array.Empty<string>() : manifest.DifferingFiles(folder);
            var e = manifest.Counts;
            Compare(counts.Mdc, e.Mdc, RuleTextLoader.MdcFile, "MDCs", edition, problems);
            Compare(counts.Adrg, e.Adrg, RuleTextLoader.DetailFile, "ADRGs", edition, problems);
            Compare(counts.Drg, e.Drg, RuleTextLoader.DrgFile, "DRGs", edition, problems);
            Compare(counts.Mcc, e.Mcc, RuleTextLoader.MccFile, "MCC codes", edition, problems);
            Compare(counts.Cc, e.Cc, RuleTextLoader.CcFile, "CC codes", edition, problems);
            Compare(counts.ExclusionTables, e.ExclusionTables, RuleTextLoader.CceFile, "exclusion tables", edition, problems);
        }

        return new RulePackCheck(problems.Count == 0, problems, publishedAs, differing, counts, manifest?.Counts);
    }

    /// <summary>
    /// Checks a rule-pack JSON read with <see cref="CompiledRulePack.LoadWithReport(System.IO.Stream, string)"/>: the same content checks as for the
    /// rule text (every table loads to something, every ADRG has conditions and a DRG, every DRG an ADRG, every exclusion
    /// table named exists, at most 32 MDCs) and, for a known edition, the counts within 10% of the published ones. There
    /// are no files to compare byte for byte, so <see cref="RulePackCheck.PublishedAs"/> is null.
    /// </summary>
    /// <param name="source">The JSON file name, used in every problem.</param>
    /// <param name="loaded">The pack and its report.</param>
    /// <returns>The verdict.</returns>
    public static RulePackCheck CheckCompiled(string source, RulePackLoadResult loaded)
    {
        if (source is null || loaded is null)
        {
            throw new ArgumentNullException(source is null ? nameof(source) : nameof(loaded));
        }

        var problems = new List<string>();
        var counts = CheckContent(loaded, file => source + " (" + JsonPathOf(file) + ")", problems);
        var manifest = RulePackManifest.For(loaded.Pack.Edition);
        if (manifest is not null)
        {
            var e = manifest.Counts;
            Compare(counts.Mdc, e.Mdc, source + " ($.mdcs)", "MDCs", loaded.Pack.Edition, problems);
            Compare(counts.Adrg, e.Adrg, source + " ($.adrgs)", "ADRGs", loaded.Pack.Edition, problems);
            Compare(counts.Drg, e.Drg, source + " ($.drgs)", "DRGs", loaded.Pack.Edition, problems);
            Compare(counts.Mcc, e.Mcc, source + " ($.complications)", "MCC codes", loaded.Pack.Edition, problems);
            Compare(counts.Cc, e.Cc, source + " ($.complications)", "CC codes", loaded.Pack.Edition, problems);
            Compare(counts.ExclusionTables, e.ExclusionTables, source + " ($.exclusionTables)", "exclusion tables", loaded.Pack.Edition, problems);
        }

        return new RulePackCheck(problems.Count == 0, problems, null, Array.Empty<string>(), counts, manifest?.Counts);
    }

    private static string JsonPathOf(string file) => file switch
    {
        RuleTextLoader.MdcFile => "$.mdcs",
        RuleTextLoader.AdrgFile or RuleTextLoader.DetailFile => "$.adrgs",
        RuleTextLoader.DrgFile => "$.drgs",
        RuleTextLoader.MccFile or RuleTextLoader.CcFile => "$.complications",
        _ => "$.exclusionTables",
    };

    /// <summary>The checks of the pack's content, whatever it was read from; <paramref name="where"/> names a rule-text file's counterpart.</summary>
    private static RulePackCounts CheckContent(RulePackLoadResult loaded, Func<string, string> where, List<string> problems)
    {
        var pack = loaded.Pack;
        var counts = RulePackCounts.Of(pack);
        void Nothing(int count, string file, string what)
        {
            if (count == 0)
            {
                problems.Add(where(file) + ": no " + what + " could be read");
            }
        }

        Nothing(counts.Mdc, RuleTextLoader.MdcFile, "MDC");
        Nothing(counts.Adrg, RuleTextLoader.DetailFile, "ADRG conditions");
        Nothing(counts.Drg, RuleTextLoader.DrgFile, "DRG");
        Nothing(counts.Mcc, RuleTextLoader.MccFile, "MCC code");
        Nothing(counts.Cc, RuleTextLoader.CcFile, "CC code");
        Nothing(counts.ExclusionTables, RuleTextLoader.CceFile, "exclusion table");

        var withoutConditions = loaded.Report.Unparsed.Where(u => u.File == RuleTextLoader.AdrgFile && u.Reason.StartsWith("ADRG listed", StringComparison.Ordinal)).ToList();
        if (withoutConditions.Count > 0)
        {
            problems.Add(where(RuleTextLoader.DetailFile) + ": " + withoutConditions.Count.ToString(CultureInfo.InvariantCulture) + " ADRG(s) of " + RuleTextLoader.AdrgFile
                + " have no conditions (first: line " + withoutConditions[0].Line.ToString(CultureInfo.InvariantCulture) + " " + withoutConditions[0].Text + ") — is the file truncated?");
        }

        var drgAdrgs = new HashSet<string>(pack.Drgs.Select(d => d.Adrg), StringComparer.Ordinal);
        var adrgCodes = new HashSet<string>(pack.Adrgs.Select(a => a.Code), StringComparer.Ordinal);
        var withoutDrg = pack.Adrgs.Where(a => !drgAdrgs.Contains(a.Code)).Select(a => a.Code).ToList();
        if (withoutDrg.Count > 0)
        {
            problems.Add(where(RuleTextLoader.DrgFile) + ": " + withoutDrg.Count.ToString(CultureInfo.InvariantCulture) + " ADRG(s) have no DRG (first: " + withoutDrg[0] + ") — is the file truncated?");
        }

        var orphanDrgs = pack.Drgs.Where(d => !adrgCodes.Contains(d.Adrg)).Select(d => d.Code).ToList();
        if (orphanDrgs.Count > 0 && counts.Adrg > 0)
        {
            problems.Add(where(RuleTextLoader.DrgFile) + ": " + orphanDrgs.Count.ToString(CultureInfo.InvariantCulture) + " DRG(s) belong to no ADRG of " + RuleTextLoader.DetailFile + " (first: " + orphanDrgs[0] + ")");
        }

        var missingTables = pack.Complications.Values.Where(c => c.ExclusionTable is not null && !pack.ExclusionTables.ContainsKey(c.ExclusionTable)).Select(c => c.ExclusionTable!).Distinct(StringComparer.Ordinal).ToList();
        if (missingTables.Count > 0)
        {
            problems.Add(where(RuleTextLoader.CceFile) + ": " + missingTables.Count.ToString(CultureInfo.InvariantCulture) + " exclusion table(s) named by CC/MCC are missing (first: 表 " + missingTables[0] + ") — is the file truncated?");
        }

        if (pack.Mdcs.Count > MaximumMdcs)
        {
            problems.Add(where(RuleTextLoader.MdcFile) + ": " + pack.Mdcs.Count.ToString(CultureInfo.InvariantCulture) + " MDCs; the grouper handles at most " + MaximumMdcs.ToString(CultureInfo.InvariantCulture));
        }

        return counts;
    }

    private static void Compare(int actual, int expected, string file, string what, string edition, List<string> problems)
    {
        // expected 0: the count is not published in the manifest (chs-drg-2.0's CC/MCC lists); not checked.
        if (actual > 0 && expected > 0 && Math.Abs(actual - expected) > expected * CountTolerance)
        {
            problems.Add(string.Format(CultureInfo.InvariantCulture, "{0}: {1} {2}, {3} has {4} — more than {5:0}% apart; is the file damaged or another edition?", file, actual, what, edition, expected, CountTolerance * 100m));
        }
    }
}
