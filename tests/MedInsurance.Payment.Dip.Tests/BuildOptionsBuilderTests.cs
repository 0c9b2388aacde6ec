using System;
using System.Collections;
using System.Linq;

namespace MedInsurance.Payment.Dip.Tests;

/// <summary><see cref="DipBuildOptionsBuilder"/>: the C# 7.3 way to set the catalog builder's options.</summary>
public sealed class BuildOptionsBuilderTests
{
    [Fact]
    public void A_new_builder_builds_the_national_defaults_and_a_round_trip_keeps_every_option()
    {
        Assert.Equal(Values(new DipBuildOptions()), Values(new DipBuildOptionsBuilder().Build()));

        var changed = new DipBuildOptions
        {
            Edition = "2026", Region = "示例市", EffectiveFrom = "2026-01-01", EffectiveTo = "2026-12-31", YearWeights = [3m, 3m, 4m],
            Trim = false, TrimLower = 0.05m, TrimUpper = 0.95m, CoreThreshold = 10, CoreCoverage = 0.9m, RelatedProcedureIncrease = 0.2m,
            ScoreMethod = DipScoreMethod.BenchmarkGroup, BenchmarkGroupCode = "K35.8", BenchmarkScore = 500m, ScoreDecimals = 2, PrimaryCareMaxCv = 0.5m,
            PrimaryCareCandidates = ["K35.8", "J18.9"], LevelCoefficients = DipLevelCoefficientMode.ByGroup, MinimumLevelGroupCases = 20,
            AuxiliaryMinimumGroupCases = 40, AuxiliaryMinimumSubtypeCases = 6, AuxiliaryMinimumCvReduction = 0.3m, CoefficientDecimals = 3,
        };
        var values = Values(changed);
        Assert.Equal(values, Values(changed.ToBuilder().Build()));
        Assert.NotEqual(Values(new DipBuildOptions()), values);

        var builder = changed.ToBuilder();
        builder.CoreThreshold = 25;
        builder.YearWeights.Add(1m);
        var rebuilt = builder.Build();
        Assert.Equal(25, rebuilt.CoreThreshold);
        Assert.Equal(new[] { 3m, 3m, 4m, 1m }, rebuilt.YearWeights);
        Assert.Equal(new[] { 3m, 3m, 4m }, changed.YearWeights); // the options it came from are unchanged
    }

    [Fact]
    public void The_builder_validates_as_the_options_do()
    {
        var builder = new DipBuildOptionsBuilder();
        builder.YearWeights.Clear();
        Assert.Throws<ArgumentException>(() => builder.Build());
        builder.YearWeights.Add(-1m);
        Assert.Throws<ArgumentException>(() => builder.Build());
    }

    private static string[] Values(DipBuildOptions options) => typeof(DipBuildOptions).GetProperties()
        .OrderBy(p => p.Name, StringComparer.Ordinal)
        .Select(p => p.Name + "=" + Text(p.GetValue(options)))
        .ToArray();

    private static string Text(object? value) => value switch
    {
        null => "null",
        string s => s,
        IEnumerable e => string.Join(",", e.Cast<object>()),
        _ => value.ToString() ?? string.Empty,
    };
}
