using System;
using System.IO;
using System.Linq;
using MedInsurance.Payment.Drg.Loading;
using MedInsurance.Payment.Drg.Rules;

namespace MedInsurance.Payment.Cli;

/// <summary>
/// Loads a CHS-DRG rule-text folder for a command and refuses it (exit 2, with every reason and its file) unless
/// <see cref="RulePackIntegrity"/> finds it a plausible pack of the named edition.
/// </summary>
internal static class RulePackLoading
{
    /// <summary>The loaded pack and its check, or null after printing why it is refused.</summary>
    /// <param name="folder">The rule-text folder.</param>
    /// <param name="edition">The edition named on the command line.</param>
    /// <param name="quiet">True to print nothing when the pack is usable (the grouping commands).</param>
    /// <returns>The result, or null.</returns>
    public static (RulePackLoadResult Loaded, RulePackCheck Check)? Load(string folder, string edition, bool quiet) =>
        Load(folder, edition, quiet, null);

    /// <summary>The loaded pack and its check, or null after printing why it is refused.</summary>
    /// <param name="folder">The rule-text folder.</param>
    /// <param name="edition">The edition named on the command line.</param>
    /// <param name="quiet">True to print nothing when the pack is usable (the grouping commands).</param>
    /// <param name="conventions">The edition's prose rules (<c>--conventions</c>), or null for CHS-DRG 1.1's.</param>
    /// <returns>The result, or null.</returns>
    public static (RulePackLoadResult Loaded, RulePackCheck Check)? Load(string folder, string edition, bool quiet, EditionConventions? conventions)
    {
        RulePackLoadResult loaded;
        try
        {
            loaded = RuleTextLoader.Load(folder, edition, conventions ?? EditionConventions.ChsDrg11);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            Console.Error.WriteLine("medpay: " + ex.Message);
            return null;
        }

        var check = RulePackIntegrity.Check(folder, edition, loaded);
        if (!check.IsUsable)
        {
            Console.Error.WriteLine("medpay: the rule text in " + folder + " is refused as " + edition + ":");
            foreach (var problem in check.Problems)
            {
                Console.Error.WriteLine("medpay:   " + problem);
            }

            return null;
        }

        if (!quiet && check.DifferingFiles.Count > 0)
        {
            Console.Error.WriteLine("medpay: note: the rule text differs from " + edition + " as published in " + string.Join(", ", check.DifferingFiles) + " (its tables are plausible; see `medpay drg rules --verify`)");
        }

        if (loaded.Report.Unparsed.Count > 0)
        {
            var first = loaded.Report.Unparsed[0];
            Console.Error.WriteLine("medpay: rule text loaded with " + loaded.Report.Unparsed.Count + " unparsed piece(s); first: " + first.File + ":" + first.Line + " " + first.Reason);
        }

        return (loaded, check);
    }

    /// <summary>Whether <c>--rules</c> names a rule-pack JSON file rather than a rule-text folder.</summary>
    /// <param name="path">The path given.</param>
    /// <returns>Whether it is an existing file.</returns>
    public static bool IsCompiled(string path) => File.Exists(path);

    /// <summary>Reads a rule-pack JSON (format 1 or 2) and refuses it (null, after printing why) when it is not valid, is not of
    /// the edition named, or fails <see cref="RulePackIntegrity.CheckCompiled"/>.</summary>
    /// <param name="path">The JSON file.</param>
    /// <param name="edition">The edition named on the command line.</param>
    /// <param name="quiet">True to print nothing when the pack is usable.</param>
    /// <returns>The result, or null.</returns>
    public static (RulePackLoadResult Loaded, RulePackCheck Check)? LoadCompiled(string path, string edition, bool quiet)
    {
        RulePackLoadResult loaded;
        var name = Path.GetFileName(path);
        try
        {
            using var stream = File.OpenRead(path);
            loaded = CompiledRulePack.LoadWithReport(stream, name);
        }
        catch (Exception ex) when (ex is FormatException or IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine("medpay: the rule pack " + path + " is refused: " + ex.Message);
            return null;
        }

        if (!string.Equals(loaded.Pack.Edition, edition, StringComparison.Ordinal))
        {
            Console.Error.WriteLine("medpay: the rule pack " + path + " is edition " + loaded.Pack.Edition + ", not " + edition + " as named.");
            return null;
        }

        var check = RulePackIntegrity.CheckCompiled(name, loaded);
        if (!check.IsUsable)
        {
            Console.Error.WriteLine("medpay: the rule pack " + path + " is refused as " + edition + ":");
            foreach (var problem in check.Problems)
            {
                Console.Error.WriteLine("medpay:   " + problem);
            }

            return null;
        }

        if (!quiet && loaded.Report.Unparsed.Count > 0)
        {
            var first = loaded.Report.Unparsed[0];
            Console.Error.WriteLine("medpay: rule pack converted with " + loaded.Report.Unparsed.Count + " unparsed piece(s); first: " + first.File + ":" + first.Line + " " + first.Reason);
        }

        return (loaded, check);
    }

    /// <summary>The verdict of <c>medpay drg rules --verify</c>: 0 as published, 1 usable but not as published (or no manifest), 2 refused.</summary>
    /// <param name="check">The check.</param>
    /// <param name="edition">The edition named.</param>
    /// <returns>The exit code.</returns>
    public static int Verdict(RulePackCheck check, string edition)
    {
        if (check.PublishedAs == edition)
        {
            Console.Out.WriteLine("verify: this is " + edition + " as published (all seven files match the manifest's SHA-256).");
            return 0;
        }

        if (check.Expected is null)
        {
            Console.Out.WriteLine("verify: " + edition + " has no manifest in this library; the tables are plausible but cannot be compared with a published form.");
            return 1;
        }

        var c = check.Counts;
        var e = check.Expected;
        var differing = new[] { ("MDC", c.Mdc, e.Mdc), ("ADRG", c.Adrg, e.Adrg), ("DRG", c.Drg, e.Drg), ("MCC", c.Mcc, e.Mcc), ("CC", c.Cc, e.Cc), ("exclusion tables", c.ExclusionTables, e.ExclusionTables) }
            .Where(t => t.Item3 > 0 && t.Item2 != t.Item3).ToList();
        if (check.DifferingFiles.Count == 0)
        {
            // A rule-pack JSON, or an edition published by counts only (chs-drg-2.0): nothing to compare byte for byte.
            Console.Out.WriteLine("verify: no published files of " + edition + " to compare byte for byte; " + (differing.Count == 0 ? "the table counts are the published ones." : "table counts differ from the published ones:"));
        }
        else
        {
            Console.Out.WriteLine("verify: not " + edition + " as published; differing files: " + string.Join(", ", check.DifferingFiles));
        }

        foreach (var (what, actual, expected) in differing)
        {
            Console.Out.WriteLine("verify:   " + what + ": " + actual + " (published " + expected + ")");
        }

        return 1;
    }
}
