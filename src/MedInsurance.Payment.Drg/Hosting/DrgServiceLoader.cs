using System;
using System.Collections.Generic;
using System.IO;
using MedInsurance.Payment.Interchange;
using MedInsurance.Payment.Drg.Grouping;
using MedInsurance.Payment.Drg.Loading;
using MedInsurance.Payment.Drg.Pricing;
using MedInsurance.Payment.Drg.Rules;

namespace MedInsurance.Payment.Hosting;

/// <summary>
/// Loads the configured DRG files once into <see cref="IDrgGroupingService"/>: the rule text folder or compiled pack
/// (refused unless it passes <see cref="RulePackIntegrity"/>, as the CLI refuses it) and the weight table. A bad file
/// throws with the file, line and field to fix.
/// </summary>
internal static class DrgServiceLoader
{
    public static IDrgGroupingService Load(DrgOptions options)
    {
        var national = DrgPolicy.National;
        var policy = options.AmbiguousGroupCheck is bool check
            ? new DrgPolicy { Name = national.Name, Version = national.Version, AmbiguousGroupCheck = check }
            : national;

        var pack = LoadPack(options.RulesFolder!, options.Edition);
        IReadOnlyDictionary<string, RelativeWeight> weights = new Dictionary<string, RelativeWeight>();
        if (options.WeightsFile is { } file)
        {
            using var reader = TableFiles.OpenText(file);
            weights = DrgWeightTable.Read(reader, file);
        }

        var rate = options.BaseRate is decimal r ? new PointValue(r) : (PointValue?)null;
        return new DrgGroupingService(pack, policy, weights, rate);
    }

    private static RulePack LoadPack(string path, string edition)
    {
        RulePackLoadResult loaded;
        RulePackCheck check;
        if (File.Exists(path))
        {
            var name = Path.GetFileName(path);
            using (var stream = File.OpenRead(path))
            {
                loaded = CompiledRulePack.LoadWithReport(stream, name);
            }

            if (!string.Equals(loaded.Pack.Edition, edition, StringComparison.Ordinal))
            {
                throw new InvalidDataException(path + ": the rule pack is edition " + loaded.Pack.Edition + ", not " + edition + " as configured (Edition).");
            }

            check = RulePackIntegrity.CheckCompiled(name, loaded);
        }
        else
        {
            loaded = RuleTextLoader.Load(path, edition);
            check = RulePackIntegrity.Check(path, edition, loaded);
        }

        if (!check.IsUsable)
        {
            throw new InvalidDataException(path + ": the rule pack is refused as " + edition + ": " + string.Join("; ", check.Problems));
        }

        return loaded.Pack;
    }
}
