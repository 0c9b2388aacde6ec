using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MedInsurance.Payment.Dip.TestSupport;
using MedInsurance.Payment.TestSupport;

namespace MedInsurance.Payment.Dip.Tests;

/// <summary>Properties of the catalog builder on synthetic regional histories generated from ../shared/data/codes.</summary>
public sealed class BuilderPropertyTests
{
    private static readonly Lazy<(IReadOnlyList<string> Diagnoses, IReadOnlyList<string> Procedures)> Codes =
        new(() => SyntheticHistory.ReadCodes(SharedData.Require("data/codes")));

    private static readonly DipAuxiliaryTypingData Typing = new(
        new[] { "J96.0", "E87" }, new[] { "N17", "R57" }, new[] { "C" }, new[] { "C77", "C78", "C79" }, new[] { "92.2" }, new[] { "99.25" });

    private static (SyntheticHistory Generator, List<SyntheticCase> Cases) Make(int seed, int cases = 4_000)
    {
        var codes = Codes.Value;
        var generator = SyntheticHistory.Create(new SyntheticHistoryOptions { Seed = seed, Clusters = 120, Hospitals = 20 }, codes.Diagnoses, codes.Procedures);
        return (generator, generator.Cases(cases, seed + 1).ToList());
    }

    private static DipBuildResult Build(SyntheticHistory generator, IEnumerable<SyntheticCase> cases, DipLevelCoefficientMode mode = DipLevelCoefficientMode.ByGroup) =>
        DipCatalogBuilder.Build(
            cases.Select(c => c.ToHistory(Typing)).ToList(),
            new DipBuildOptions { ProcedureAttributes = generator.Attributes(), LevelCoefficients = mode, AuxiliaryMinimumGroupCases = 30 });

    /// <summary>Skips (outside CI) or fails (CI) before FsCheck runs, so a missing ../shared is reported, not falsified.</summary>
    public BuilderPropertyTests() => SharedData.Require("data/codes");

    private static Arbitrary<int> Seeds => Gen.Choose(1, 1_000_000).ToArbitrary();

    [Property(MaxTest = 6)]
    public Property Scores_are_proportional_to_mean_costs() => Prop.ForAll(Seeds, seed =>
    {
        var (generator, cases) = Make(seed);
        var catalog = Build(generator, cases).Catalog;
        var m = catalog.RegionalMeanCost.Yuan;
        foreach (var g in catalog.Groups)
        {
            // Score = mean ÷ M × 1000 up to the published rounding of the mean and of M (½ fen each) and of the score (½ × 10⁻⁴).
            var expected = g.MeanCost.Yuan / m * 1000m;
            var tolerance = 0.00005m + (0.005m / m * 1000m) + (expected * 0.005m / m);
            Assert.True(Math.Abs(g.Score.Value - expected) <= tolerance, g.Code + ": " + g.Score + " vs " + expected);
        }

        // Scores come from the unrounded weighted means, so they follow the published (fen) means strictly wherever
        // those differ; two groups whose means round to the same fen may score in either order, within one fen's worth.
        var ordered = catalog.Groups.OrderBy(g => g.MeanCost).ToList();
        var oneFen = (0.01m / m * 1000m) + 0.0001m;
        for (var i = 1; i < ordered.Count; i++)
        {
            var (lower, higher) = (ordered[i - 1], ordered[i]);
            var message = lower.Code + " " + lower.MeanCost + " " + lower.Score + " vs " + higher.Code + " " + higher.MeanCost + " " + higher.Score;
            if (lower.MeanCost < higher.MeanCost)
            {
                Assert.True(lower.Score <= higher.Score, message);
            }
            else
            {
                Assert.True(Math.Abs(lower.Score.Value - higher.Score.Value) <= oneFen, message);
            }
        }
    });

    [Property(MaxTest = 6)]
    public Property Every_history_case_falls_in_exactly_one_group_and_the_grouper_agrees() => Prop.ForAll(Seeds, seed =>
    {
        var (generator, cases) = Make(seed);
        var result = Build(generator, cases);
        var catalog = result.Catalog;
        Assert.All(result.Assignments, a => Assert.InRange(a, 0, catalog.Groups.Count - 1));
        Assert.Equal(cases.Count, catalog.Groups.Sum(g => g.CaseCount));
        var counts = result.Assignments.GroupBy(a => a).ToDictionary(g => g.Key, g => g.Count());
        for (var g = 0; g < catalog.Groups.Count; g++)
        {
            Assert.Equal(catalog.Groups[g].CaseCount, counts[g]);
        }

        var scorer = new DipScorer(catalog, DipPolicyProfiles.BuiltIn("national-dip-1.0"), generator.Attributes(), Typing, null);
        var hospital = new DipHospitalContext(Hospitals.HospitalLevel.Parse("3A"), null);
        for (var i = 0; i < cases.Count; i++)
        {
            var scored = scorer.Score(cases[i].ToInpatientCase(), hospital);
            Assert.Same(catalog.Groups[result.Assignments[i]], scored.Group);
        }
    });

    [Property(MaxTest = 4)]
    public Property The_catalog_does_not_depend_on_input_order() => Prop.ForAll(Seeds, seed =>
    {
        var (generator, cases) = Make(seed);
        var shuffled = cases.Select((c, i) => (c, k: (i * 7919L + seed) % cases.Count)).OrderBy(p => p.k).Select(p => p.c).ToList();
        Assert.NotEqual(cases.Select(c => c.Id), shuffled.Select(c => c.Id));
        var a = Build(generator, cases);
        var b = Build(generator, shuffled);
        Assert.Equal(DipCatalogFiles.ToJson(a.Catalog), DipCatalogFiles.ToJson(b.Catalog));
        Assert.Equal(a.Report.ToText(), b.Report.ToText());
    });

    [Property(MaxTest = 6)]
    public Property A_negotiated_internal_adjustment_keeps_the_total_score() => Prop.ForAll(Seeds, Gen.Choose(50, 200).ToArbitrary(), (seed, percent) =>
    {
        var (generator, cases) = Make(seed, 2_000);
        var catalog = Build(generator, cases, DipLevelCoefficientMode.ByLevel).Catalog;
        var random = new Random(seed);
        var factors = catalog.Groups.Where(_ => random.Next(4) == 0).ToDictionary(g => g.Code, _ => new Coefficient(percent / 100m));
        var adjusted = catalog.WithNegotiatedAdjustment(factors);
        var before = catalog.TotalScore().Value;
        Assert.True(Math.Abs(adjusted.TotalScore().Value - before) <= before * 0.000000000001m);

        // Groups outside the adjustment keep their relative values.
        var untouched = catalog.Groups.Where(g => !factors.ContainsKey(g.Code) && g.Score.Value > 0m).Take(2).ToList();
        if (untouched.Count == 2)
        {
            var ratioBefore = untouched[0].Score.Value / untouched[1].Score.Value;
            var ratioAfter = adjusted.Find(untouched[0].Code)!.Score.Value / adjusted.Find(untouched[1].Code)!.Score.Value;
            Assert.True(Math.Abs(ratioBefore - ratioAfter) <= 0.0000000001m);
        }
    });

    [Fact]
    public void Scoring_is_independent_of_thread_count()
    {
        var (generator, cases) = Make(42);
        var catalog = Build(generator, cases).Catalog;
        var scorer = new DipScorer(catalog, DipPolicyProfiles.BuiltIn("jining"), generator.Attributes(), Typing, null);
        var inputs = generator.Cases(5_000, 99).Select(c => (Case: c.ToInpatientCase(), Hospital: new DipHospitalContext(c.Level, null))).ToArray();
        var sequential = inputs.Select(x => scorer.Score(x.Case, x.Hospital)).ToArray();
        var parallel = new DipCaseResult[inputs.Length];
        Parallel.For(0, inputs.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => parallel[i] = scorer.Score(inputs[i].Case, inputs[i].Hospital));
        Assert.Equal(sequential, parallel);
        Assert.Contains(sequential, r => r.Deviation == DipDeviation.High);
        Assert.Contains(sequential, r => r.Deviation == DipDeviation.Low);
    }

    [Fact]
    public void Coverage_threshold_makes_core_groups_cover_95_percent()
    {
        var (generator, cases) = Make(7, 6_000);
        var result = DipCatalogBuilder.Build(cases.Select(c => c.ToHistory(Typing)).ToList(), new DipBuildOptions { CoreCoverage = 0.95m, ProcedureAttributes = generator.Attributes() });
        Assert.True(result.Report.CoreCoverage >= 0.95m, result.Report.ToText());
    }

    [Fact]
    public void Level_and_auxiliary_coefficients_follow_the_generated_cost_levels()
    {
        var (generator, cases) = Make(11, 20_000);
        var result = Build(generator, cases);
        var levels = result.Catalog.LevelCoefficients;
        Assert.True(levels["3A"] > levels["2A"], result.Report.ToText());
        Assert.True(result.Report.AuxiliaryCoefficients > 0, result.Report.ToText());
        Assert.All(result.Catalog.Groups.SelectMany(g => g.AuxiliaryCoefficients), a => Assert.True(a.Coefficient.Value > 0m));
    }

    [Fact]
    public void Build_report_on_a_fixed_synthetic_history()
    {
        var (generator, cases) = Make(2026, 10_000);
        var options = new DipBuildOptions
        {
            ProcedureAttributes = generator.Attributes(),
            PrimaryCareCandidates = cases.Select(c => c.MainDiagnosis.Subcategory).Distinct(StringComparer.Ordinal).Take(40).ToArray(),
        };
        var result = DipCatalogBuilder.Build(cases.Select(c => c.ToHistory(Typing)).ToList(), options);
        Approvals.Verify(result.Report.ToText(), "synthetic-report");
    }
}
