using System.Collections.Generic;
using System.Linq;
using MedInsurance.Payment.Hospitals;
using static MedInsurance.Payment.Dip.Tests.Fixtures;

namespace MedInsurance.Payment.Dip.Tests;

/// <summary>Every worked example of payment-rules.md §3, as formula and as end-to-end builder or scorer runs.</summary>
public sealed class WorkedExampleTests
{
    private static readonly ProcedureAttributeTable C54Attributes = new(new Dictionary<string, DipProcedureAttribute>
    {
        ["68.4902"] = DipProcedureAttribute.Surgery,
        ["68.4101"] = DipProcedureAttribute.Surgery,
        ["68.4901"] = DipProcedureAttribute.Surgery,
        ["65.6300"] = DipProcedureAttribute.Surgery,
    });

    [Theory]
    [InlineData(28_849, false)]
    [InlineData(44_003, true)]
    [InlineData(30_836.29, false)]
    [InlineData(30_836.30, true)]
    public void Related_procedure_forms_its_own_group_only_from_a_ten_percent_rise(decimal withRelated, bool splits) =>
        Assert.Equal(splits, DipFormulas.RelatedProcedureSplits(28_033m, withRelated, 0.10m));

    [Fact]
    public void Builder_applies_the_ten_percent_rule_to_coronary_angiography_and_ivus()
    {
        // payment-rules.md §3: base 28 033; + coronary angiography 28 849 (+2.91%, no group); + IVUS 44 003 (+56.97%, a group).
        var history = Repeat(20, i => History(2025, "I21.000", 28_033m, "36.0600"))
            .Concat(Repeat(20, i => History(2025, "I21.000", 28_849m, "36.0600", "88.5500")))
            .Concat(Repeat(20, i => History(2025, "I21.000", 44_003m, "36.0600", "00.2400")))
            .ToList();
        var result = DipCatalogBuilder.Build(history, new DipBuildOptions());
        var codes = result.Catalog.Groups.Select(g => g.Code).ToList();
        Assert.Equal(new[] { "I21.0:36.0600", "I21.0:36.0600:00.2400" }, codes);
        var baseGroup = result.Catalog.Find("I21.0:36.0600")!;
        Assert.Equal(40, baseGroup.CaseCount);
        Assert.Equal(Money.FromYuan(28_441m), baseGroup.MeanCost);
        Assert.Equal(Money.FromYuan(44_003m), result.Catalog.Find("I21.0:36.0600:00.2400")!.MeanCost);
        Assert.Equal(1, result.Report.RelatedSplits);
        Assert.Equal(1, result.Report.RelatedMerged);
    }

    [Fact]
    public void C54_combinations_below_the_threshold_go_to_the_related_surgery_comprehensive_group()
    {
        // payment-rules.md §3: threshold 15; C54.1/68.4902 (14), C54.1/68.4101 (8), C54.1/68.4101+65.6300 (13), C54.9/68.4901 (10).
        var history = Repeat(14, i => History(2025, "C54.100", 30_000m + i, "68.4902"))
            .Concat(Repeat(8, i => History(2025, "C54.100", 28_000m + i, "68.4101")))
            .Concat(Repeat(13, i => History(2025, "C54.100", 29_000m + i, "68.4101", "65.6300")))
            .Concat(Repeat(10, i => History(2025, "C54.900", 27_000m + i, "68.4901")))
            .ToList();
        var result = DipCatalogBuilder.Build(history, new DipBuildOptions { CoreThreshold = 15, ProcedureAttributes = C54Attributes });
        var group = Assert.Single(result.Catalog.Groups);
        Assert.Equal(DipGroupKind.Comprehensive, group.Kind);
        Assert.Equal("C54", group.Diagnosis);
        Assert.Equal(DipProcedureClass.RelatedSurgery, group.ProcedureClass);
        Assert.Equal("C54 相关手术组", group.Name);
        Assert.Equal(45, group.CaseCount);
        Assert.All(result.Assignments, a => Assert.Equal(0, a));

        // The grouper sends a current C54 surgical case to the same group.
        var scorer = Scorer(result.Catalog, "national-dip-1.0", attributes: C54Attributes);
        var scored = scorer.Score(Case("C54.100", 29_000m, "68.4101", "65.6300"), Level3A);
        Assert.Equal(DipMatchKind.Comprehensive, scored.Match);
        Assert.Same(group, scored.Group);
    }

    [Theory]
    [InlineData(4_099, 409.9)]
    [InlineData(9_173, 917.3)]
    [InlineData(13_385, 1_338.5)]
    public void K35_9_scores_are_mean_over_regional_mean_times_1000(decimal mean, decimal score) =>
        Assert.Equal(new Score(score), DipFormulas.GroupScore(mean, 10_000m, 1000m).Round(new RoundingRule(RoundingMode.HalfAwayFromZero, 4)));

    [Fact]
    public void Builder_scores_the_K35_9_groups_against_a_regional_mean_of_10000()
    {
        // Three K35.9 groups with the example means, plus a fourth group that brings M to exactly 10 000.
        var history = Repeat(20, i => History(2025, "K35.900", 4_099m))
            .Concat(Repeat(20, i => History(2025, "K35.900", 9_173m, "47.0100")))
            .Concat(Repeat(20, i => History(2025, "K35.900", 13_385m, "47.0900")))
            .Concat(Repeat(20, i => History(2025, "K80.000", 13_343m, "51.2300")))
            .ToList();
        var result = DipCatalogBuilder.Build(history, new DipBuildOptions());
        Assert.Equal(Money.FromYuan(10_000m), result.Catalog.RegionalMeanCost);
        Assert.Equal(new Score(409.9m), result.Catalog.Find("K35.9:-")!.Score);
        Assert.Equal(new Score(917.3m), result.Catalog.Find("K35.9:47.0100")!.Score);
        Assert.Equal(new Score(1_338.5m), result.Catalog.Find("K35.9:47.0900")!.Score);

        var quota = DipCatalogBuilder.Build(history, new DipBuildOptions { ScoreMethod = DipScoreMethod.StandardQuota });
        Assert.Equal(new Score(0.4099m), quota.Catalog.Find("K35.9:-")!.Score);

        var benchmark = DipCatalogBuilder.Build(history, new DipBuildOptions { ScoreMethod = DipScoreMethod.BenchmarkGroup, BenchmarkGroupCode = "K35.9:47.0100", BenchmarkScore = 1000m });
        Assert.Equal(new Score(1000m), benchmark.Catalog.Find("K35.9:47.0100")!.Score);
    }

    [Fact]
    public void Weighted_mean_of_9000_9500_10000_at_1_2_7_is_9800()
    {
        // The formula itself is tested in Core (StatisticsTests); here the builder's group mean: (9 000 + 19 000 + 70 000) ÷ 10.
        var history = Repeat(5, i => History(2023, "J18.900", 9_000m))
            .Concat(Repeat(5, i => History(2024, "J18.900", 9_500m)))
            .Concat(Repeat(5, i => History(2025, "J18.900", 10_000m)))
            .ToList();
        var result = DipCatalogBuilder.Build(history, new DipBuildOptions());
        Assert.Equal(Money.FromYuan(9_800m), Assert.Single(result.Catalog.Groups).MeanCost);
        Assert.Equal(2023, result.Report.FirstYear);
    }

    [Fact]
    public void Builder_trims_the_40_costs_100_to_4000_to_a_mean_of_2050()
    {
        // docs/decisions.md: at 2.5–97.5, ⌊40 × 0.025⌋ = 1 cost goes at each end (100 and 4 000); 200 … 3 900 remain,
        // 38 costs summing to 77 900, mean 2 050. Both trimmed cases stay in the group's case count.
        var history = Repeat(40, i => History(2025, "J18.900", (i + 1) * 100m)).ToList();
        var result = DipCatalogBuilder.Build(history, new DipBuildOptions());
        var group = Assert.Single(result.Catalog.Groups);
        Assert.Equal(Money.FromYuan(2_050m), group.MeanCost);
        Assert.Equal(40, group.CaseCount);
        Assert.Equal(2, result.Report.TrimmedCases);
    }

    [Theory]
    [InlineData("national-dip-1.0", 4_000, 400, DipDeviation.Low)]
    [InlineData("national-dip-1.0", 15_000, 1_000, DipDeviation.Normal)]
    [InlineData("national-dip-1.0", 25_000, 1_500, DipDeviation.High)]
    [InlineData("guangzhou", 4_000, 400, DipDeviation.Low)]
    [InlineData("guangzhou", 15_000, 1_000, DipDeviation.Normal)]
    [InlineData("guangzhou", 25_000, 1_500, DipDeviation.High)]
    public void Dip_1_0_and_Guangzhou_score_1000_mean_10000(string profile, decimal cost, decimal expected, DipDeviation deviation)
    {
        var scorer = Scorer(Catalog(Group("G1", "K35.9", 1000m, 10_000m)), profile);
        var result = scorer.Score(Case("K35.900x001", cost), new DipHospitalContext(HospitalLevel.Parse("3A"), Coefficient.One));
        Assert.Equal(new Score(expected), result.CaseScore);
        Assert.Equal(deviation, result.Deviation);
        Assert.False(result.Review);
    }

    /// <summary>
    /// Guangzhou divides by the same-level mean (上一年度同级别定点医疗机构该病种次均医疗总费用) and rescores deviation cases
    /// without the coefficient: score 1000, regional mean 10 000, the group's 3A mean 12 000, coefficient 1.2. (The
    /// test used to derive the 12 000 as mean × the hospital's own coefficient 1.2; the same-level mean is the catalog's
    /// mean of the group at the level, which a hospital's own coefficient does not change — the values are unchanged.)
    /// </summary>
    [Theory]
    [InlineData(15_000, "1200.0000", DipDeviation.Normal)] // 1000 × 1.2
    [InlineData(5_000, "416.6667", DipDeviation.Low)] // 1000 × 5 000 ÷ 12 000
    [InlineData(25_000, "1083.3333", DipDeviation.High)] // 1000 × (25 000 ÷ 12 000 − 2 + 1)
    [InlineData(24_000, "1200.0000", DipDeviation.Normal)] // exactly 2× the same-level mean: not yet high
    public void Guangzhou_divides_by_the_same_level_mean(decimal cost, string expected, DipDeviation deviation)
    {
        var scorer = Scorer(Catalog(LevelGroup("G1", "K35.9", 1000m, 10_000m, ("3A", 12_000m))), "guangzhou");
        var result = scorer.Score(Case("K35.900", cost), new DipHospitalContext(HospitalLevel.Parse("3A"), new Coefficient(1.2m)));
        Assert.Equal(expected, result.CaseScore.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(deviation, result.Deviation);
        Assert.Equal(12_000m, result.RatioBasis);
        Assert.Equal(DipCaseFlags.None, result.Flags);
    }

    /// <summary>
    /// DIP 1.0 compares cost with the group's mean at the hospital's level (同级别定点医疗机构例均费用; payment-rules.md §3:
    /// ratio = cost ÷ group mean at the same level), not with the regional mean. Score 1000; regional mean 10 000; the
    /// group's 3A mean 12 000, 2A mean 8 000, no level-1 mean; level coefficients 3A 1.1, 2A 0.9, 1 0.8. docs/dip.md
    /// carries the same example.
    /// </summary>
    [Theory]
    // 2A, 17 000: 17 000 ÷ 8 000 = 2.125 > 2 → high, 1000 × 0.9 × (2.125 − 2 + 1) = 1012.5 (against the regional mean:
    // 1.7, normal, 900).
    [InlineData("2A", null, 17_000, "1012.5000", DipDeviation.High, 8_000, false)]
    // 3A, 5 500: 5 500 ÷ 12 000 = 0.4583… < 0.5 → low, 1000 × 1.1 × 5 500 ÷ 12 000 = 504.1666… → 504.1667 (regional: 0.55,
    // normal, 1 100).
    [InlineData("3A", null, 5_500, "504.1667", DipDeviation.Low, 12_000, false)]
    // 3A, 13 000: 13 000 ÷ 12 000 → normal, 1000 × 1.1.
    [InlineData("3A", null, 13_000, "1100.0000", DipDeviation.Normal, 12_000, false)]
    // 2A with its own coefficient 0.95: the basis is still the 2A mean 8 000 → 1000 × 0.95 × 1.125 = 1068.75.
    [InlineData("2A", "0.95", 17_000, "1068.7500", DipDeviation.High, 8_000, false)]
    // Level 1: the group has no level-1 cases → the regional mean 10 000, flagged: 25 000 ÷ 10 000 = 2.5 → 1000 × 0.8 × 1.5.
    [InlineData("1", null, 25_000, "1200.0000", DipDeviation.High, 10_000, true)]
    public void Dip_1_0_divides_by_the_same_level_mean_and_falls_back_to_the_regional_mean(string level, string? own, decimal cost, string expected, DipDeviation deviation, decimal basis, bool fallback)
    {
        var levels = new Dictionary<string, Coefficient> { ["3A"] = new(1.1m), ["2A"] = new(0.9m), ["1"] = new(0.8m) };
        var group = LevelGroup("G1", "K35.9", 1000m, 10_000m, ("3A", 12_000m), ("2A", 8_000m));
        var catalog = new DipCatalog("test", "test", new[] { group }, levels) { RegionalMeanCost = Money.FromYuan(10_000m) };
        var scorer = Scorer(catalog, "national-dip-1.0");
        Coefficient? coefficient = own is null ? null : new Coefficient(decimal.Parse(own, System.Globalization.CultureInfo.InvariantCulture));
        var result = scorer.Score(Case("K35.900", cost), new DipHospitalContext(HospitalLevel.Parse(level), coefficient));
        Assert.Equal(expected, result.CaseScore.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(deviation, result.Deviation);
        Assert.Equal(basis, result.RatioBasis);
        Assert.Equal(fallback, (result.Flags & DipCaseFlags.LevelMeanMissing) != 0);
        Assert.Equal(fallback, result.Issues().Any(i => i.Code == DipIssueCodes.LevelMeanMissing));
        Assert.Equal(fallback, result.Trace().Contains("regional group mean: no mean at the hospital's level", System.StringComparison.Ordinal));
    }

    [Fact]
    public void Builder_writes_each_groups_mean_at_every_level_it_has_cases_at()
    {
        // 20 cases at 3A costing 12 000 and 20 at 2A costing 8 000: group mean 10 000, 3A mean 12 000, 2A mean 8 000.
        var history = Repeat(20, i => History(2025, "K35.900", 12_000m) with { Level = HospitalLevel.Parse("3A") })
            .Concat(Repeat(20, i => History(2025, "K35.900", 8_000m) with { Level = HospitalLevel.Parse("2A") }))
            .ToList();
        var group = Assert.Single(DipCatalogBuilder.Build(history, new DipBuildOptions()).Catalog.Groups);
        Assert.Equal(Money.FromYuan(10_000m), group.MeanCost);
        Assert.Equal(new[] { ("2A", Money.FromYuan(8_000m)), ("3A", Money.FromYuan(12_000m)) }, group.LevelMeanCosts.OrderBy(p => p.Key, System.StringComparer.Ordinal).Select(p => (p.Key, p.Value)));

        // A 2A case of 17 000 is high against its level (2.125), normal against the region (1.7).
        var scored = Scorer(new DipCatalog("t", "t", new[] { group }), "national-dip-1.0").Score(Case("K35.900", 17_000m), new DipHospitalContext(HospitalLevel.Parse("2A"), Coefficient.One));
        Assert.Equal((DipDeviation.High, 8_000m), (scored.Deviation, scored.RatioBasis));
    }

    [Fact]
    public void Dip_1_0_flags_more_than_five_times_for_expert_review()
    {
        var scorer = Scorer(Catalog(Group("G1", "K35.9", 1000m, 10_000m)), "national-dip-1.0");
        var result = scorer.Score(Case("K35.900", 60_000m), new DipHospitalContext(HospitalLevel.Parse("3A"), Coefficient.One));
        Assert.Equal(DipDeviation.Extreme, result.Deviation);
        Assert.True(result.Review);
        Assert.Equal(new Score(5_000m), result.CaseScore);
    }

    [Theory]
    [InlineData(12_000, 760, DipDeviation.Normal, false)]
    [InlineData(3_200, 320, DipDeviation.Low, false)]
    [InlineData(20_000, 1_160, DipDeviation.High, false)]
    [InlineData(48_000, 760, DipDeviation.Extreme, true)]
    public void Jining_score_800_mean_8000_coefficient_0_95(decimal cost, decimal expected, DipDeviation deviation, bool review)
    {
        var scorer = Scorer(Catalog(Group("G1", "K35.9", 800m, 8_000m)), "jining");
        var result = scorer.Score(Case("K35.900", cost), new DipHospitalContext(HospitalLevel.Parse("2A"), new Coefficient(0.95m)));
        Assert.Equal(new Score(expected), result.CaseScore);
        Assert.Equal(deviation, result.Deviation);
        Assert.Equal(review, result.Review);
    }

    [Fact]
    public void Jining_scores_unmatched_cases_at_cost_over_mean_times_0_7()
    {
        var scorer = Scorer(Catalog(Group("G1", "K35.9", 800m, 8_000m)), "jining");
        var result = scorer.Score(Case("J18.900", 5_000m), Level3A);
        Assert.Equal(DipCaseStatus.Unmatched, result.Status);
        Assert.Equal(new Score(350m), result.CaseScore); // 5 000 ÷ 10 000 × 1000 × 0.7
    }

    [Theory]
    [InlineData(4_000, 400, DipDeviation.Low, false)] // cost ÷ point value
    [InlineData(19_999, 1_000, DipDeviation.Normal, false)]
    [InlineData(20_000, 1_000, DipDeviation.High, true)] // 2× inclusive
    [InlineData(30_000, 1_000, DipDeviation.High, true)] // 3× inclusive
    [InlineData(30_010, 1_000, DipDeviation.Extreme, true)]
    public void Dip_3_0_draft_against_the_same_level_payment_standard(decimal cost, decimal expected, DipDeviation deviation, bool review)
    {
        // Standard = 1000 points × 10 yuan × coefficient 1 = 10 000.
        var scorer = Scorer(Catalog(Group("G1", "K35.9", 1000m, 9_000m)), "national-dip-3.0", pointValue: 10m);
        var result = scorer.Score(Case("K35.900", cost), new DipHospitalContext(HospitalLevel.Parse("3A"), Coefficient.One));
        Assert.Equal(new Score(expected), result.CaseScore);
        Assert.Equal(deviation, result.Deviation);
        Assert.Equal(review, result.Review);
        Assert.Equal(10_000m, result.RatioBasis);
    }

    [Fact]
    public void Dip_3_0_low_case_score_is_cost_over_point_value_whatever_the_coefficient()
    {
        var scorer = Scorer(Catalog(Group("G1", "K35.9", 1000m, 9_000m)), "national-dip-3.0", pointValue: 12.5m);
        var result = scorer.Score(Case("K35.900", 3_000m), new DipHospitalContext(HospitalLevel.Parse("2A"), new Coefficient(0.9m)));
        Assert.Equal(DipDeviation.Low, result.Deviation);
        Assert.Equal(new Score(240m), result.CaseScore);
    }

    [Theory]
    [InlineData(false, false, 5_000, DipDeviation.Normal)]
    [InlineData(true, false, 5_000, DipDeviation.Low)]
    [InlineData(false, false, 20_000, DipDeviation.Normal)]
    [InlineData(false, true, 20_000, DipDeviation.High)]
    public void Bound_inclusivity_is_a_profile_parameter(bool lowInclusive, bool highInclusive, decimal cost, DipDeviation expected)
    {
        var profile = new DipPolicyProfile { Name = "bounds", LowInclusive = lowInclusive, HighInclusive = highInclusive };
        var scorer = new DipScorer(Catalog(Group("G1", "K35.9", 1000m, 10_000m)), profile, ProcedureAttributeTable.Empty, DipAuxiliaryTypingData.None, null);
        Assert.Equal(expected, scorer.Score(Case("K35.900", cost), Level3A).Deviation);
    }
}
