using System;
using System.Collections.Generic;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MedInsurance.Payment.Cases;
using MedInsurance.Payment.Hospitals;
using static MedInsurance.Payment.Dip.Tests.Fixtures;

namespace MedInsurance.Payment.Dip.Tests;

public sealed class ScorerPropertyTests
{
    /// <summary>The scorer's precomputed whole-fen bounds classify exactly like the profile's decimal rule, bounds included.</summary>
    [Property(MaxTest = 300)]
    public Property Fen_bounds_classify_like_the_decimal_rule() => Prop.ForAll(
        (from meanFen in Gen.Choose(1, 2_000_000)
         from target in Gen.Choose(0, 3)
         from quarter in Gen.Choose(1, 40)
         from jitter in Gen.Choose(0, 2)
         from low in Gen.Elements(0.5m, 0.3333m, 0.75m)
         from high in Gen.Elements(2m, 2.5m, 3m)
         from inclusive in Gen.Choose(0, 7)
         select (meanFen, target, quarter, jitter, low, high, inclusive)).ToArbitrary(),
        input =>
        {
            var (meanFen, target, quarter, jitter, low, high, inclusive) = input;
            // Costs one fen either side of (and at) each bound, or at multiples of a quarter of the mean.
            var mean = Money.FromFen(meanFen);
            var bound = target switch { 0 => low, 1 => high, 2 => high + 2m, _ => quarter / 4m } * meanFen;
            var costFen = (long)decimal.Floor(bound) + jitter - 1;
            if (costFen <= 0)
            {
                costFen = 1;
            }

            var profile = new DipPolicyProfile
            {
                Name = "p",
                LowThreshold = low,
                HighThreshold = high,
                ExtremeThreshold = high + 2m,
                LowInclusive = (inclusive & 1) != 0,
                HighInclusive = (inclusive & 2) != 0,
                ExtremeInclusive = (inclusive & 4) != 0,
            };
            var catalog = Catalog(new DipGroup { Code = "G", Diagnosis = "K35.9", Score = new Score(100m), MeanCost = mean });
            var scorer = new DipScorer(catalog, profile, ProcedureAttributeTable.Empty, DipAuxiliaryTypingData.None, null);
            var cost = Money.FromFen(costFen);
            var result = scorer.Score(Case("K35.900", cost.Yuan), new DipHospitalContext(HospitalLevel.Parse("3A"), Coefficient.One));
            Assert.Equal(profile.Classify(cost.Yuan, mean.Yuan), result.Deviation);
            Assert.Equal(profile.Classify(cost.Yuan / mean.Yuan), result.Deviation);
        });

    /// <summary>
    /// The precomputed per-group-and-level normal-case score is bit-identical (value and scale) to a straightforward
    /// decimal computation round(s × h) written with 4 decimals and to the general path (the same coefficient given as the hospital's own).
    /// </summary>
    [Property(MaxTest = 300)]
    public Property Precomputed_normal_score_matches_the_decimal_reference() => Prop.ForAll(
        (from scoreUnits in Gen.Choose(1, 50_000_000)
         from scoreScale in Gen.Choose(0, 4)
         from coefficientUnits in Gen.Choose(5_000, 15_000)
         from coefficientScale in Gen.Choose(2, 6)
         from byGroup in Gen.Elements(true, false)
         from primaryCare in Gen.Elements(true, false)
         from profileName in Gen.Elements("national-dip-1.0", "jining")
         select (scoreUnits, scoreScale, coefficientUnits, coefficientScale, byGroup, primaryCare, profileName)).ToArbitrary(),
        input =>
        {
            var (scoreUnits, scoreScale, coefficientUnits, coefficientScale, byGroup, primaryCare, profileName) = input;
            var s = new decimal(scoreUnits, 0, 0, false, (byte)scoreScale);
            var h = new decimal(coefficientUnits, 0, 0, false, (byte)(coefficientScale + 2));
            var levels = new Dictionary<string, Coefficient> { ["3A"] = new Coefficient(h) };
            var group = new DipGroup
            {
                Code = "G",
                Kind = primaryCare ? DipGroupKind.PrimaryCare : DipGroupKind.Core,
                Diagnosis = "K35.9",
                Score = new Score(s),
                MeanCost = Money.FromYuan(8_000m),
                CaseCount = 100,
                LevelCoefficients = byGroup ? levels : new Dictionary<string, Coefficient>(),
            };
            var catalog = new DipCatalog("test", "test", new[] { group }, byGroup ? null : levels) { RegionalMeanCost = Money.FromYuan(10_000m) };
            var scorer = Scorer(catalog, profileName);
            var c = Case("K35.900", 8_000m);
            var fast = scorer.Score(c, Level3A);
            var general = scorer.Score(c, new DipHospitalContext(HospitalLevel.Parse("3A"), new Coefficient(h)));
            // The named rounding step: half away from zero, written with exactly the profile's 4 decimals.
            var expected = decimal.Round(primaryCare ? s : s * h, 4, MidpointRounding.AwayFromZero) + 0.0000m;
            Assert.Equal(DipDeviation.Normal, fast.Deviation);
            Assert.Equal(decimal.GetBits(expected), decimal.GetBits(fast.CaseScore.Value));
            Assert.Equal(decimal.GetBits(general.CaseScore.Value), decimal.GetBits(fast.CaseScore.Value));
            Assert.Equal(decimal.GetBits(h), decimal.GetBits(fast.HospitalCoefficient.Value));
            Assert.Equal(general.HospitalCoefficientApplied, fast.HospitalCoefficientApplied);
            Assert.Equal(general.Flags, fast.Flags);
        });

    /// <summary>
    /// With subtype coefficients, cost deviations and same-level means (present or missing) as well, the precomputed
    /// level-column path (hospital known by its level) gives the same result, bit for bit, as the general path (the same
    /// coefficient given as the hospital's own).
    /// </summary>
    [Property(MaxTest = 300)]
    public Property Level_column_path_matches_the_general_path() => Prop.ForAll(
        (from scoreUnits in Gen.Choose(1, 50_000_000)
         from coefficientUnits in Gen.Choose(5_000, 15_000)
         from elderly in Gen.Choose(5_000, 30_000)
         from icu in Gen.Choose(5_000, 30_000)
         from age in Gen.Elements(40, 70)
         from icuDays in Gen.Elements(0, 3, 10)
         from costYuan in Gen.Choose(100, 60_000)
         from profileName in Gen.Elements("national-dip-1.0", "jining", "guangzhou", "national-dip-3.0")
         from bonusUnits in Gen.Choose(0, 2_000)
         from levelMeanYuan in Gen.Elements(0, 4_000, 8_000, 12_000, 25_000)
         select (scoreUnits, coefficientUnits, elderly, icu, age, icuDays, costYuan, profileName, bonusUnits, levelMeanYuan)).ToArbitrary(),
        input =>
        {
            var (scoreUnits, coefficientUnits, elderly, icu, age, icuDays, costYuan, profileName, bonusUnits, levelMeanYuan) = input;
            var s = new decimal(scoreUnits, 0, 0, false, 4);
            var h = new decimal(coefficientUnits, 0, 0, false, 4);
            var group = new DipGroup
            {
                Code = "G",
                Diagnosis = "K35.9",
                Score = new Score(s),
                MeanCost = Money.FromYuan(8_000m),
                CaseCount = 100,
                LevelCoefficients = new Dictionary<string, Coefficient> { ["3A"] = new Coefficient(h) },
                // The group's 3A mean (同级别次均费用), or none (0): the same-level-mean profiles then fall back, flagged.
                LevelMeanCosts = levelMeanYuan == 0 ? new Dictionary<string, Money>() : new Dictionary<string, Money> { ["3A"] = Money.FromYuan(levelMeanYuan) },
                AuxiliaryCoefficients = new[]
                {
                    new DipAuxiliaryCoefficient(DipAuxiliaryType.AgeElderly, new Coefficient(elderly / 10_000m)),
                    new DipAuxiliaryCoefficient(DipAuxiliaryType.Icu2To7, new Coefficient(icu / 10_000m)),
                    new DipAuxiliaryCoefficient(DipAuxiliaryType.Icu8To14, new Coefficient(icu / 10_000m)),
                },
            };
            var catalog = new DipCatalog("test", "test", new[] { group }, null) { RegionalMeanCost = Money.FromYuan(10_000m) };
            var scorer = Scorer(catalog, profileName, pointValue: 10m);
            var c = new InpatientCase
            {
                CaseId = "T1",
                AgeYears = age,
                IcuDays = icuDays,
                LengthOfStayDays = 14, // at least the ICU days: more ICU days than the stay fails the basic checks (rejected)
                MainDiagnosis = DiagnosisCode.Parse("K35.900"),
                Costs = CostBreakdown.FromTotal(Money.FromYuan(costYuan)),
            };
            var fast = scorer.Score(c, Level3A);
            var general = scorer.Score(c, new DipHospitalContext(HospitalLevel.Parse("3A"), new Coefficient(h)));
            Assert.Equal(decimal.GetBits(general.CaseScore.Value), decimal.GetBits(fast.CaseScore.Value));
            Assert.Equal(general.AuxiliaryType, fast.AuxiliaryType);
            Assert.Equal(general.AuxiliaryCoefficient, fast.AuxiliaryCoefficient);
            Assert.Equal(general.Deviation, fast.Deviation);
            Assert.Equal(general.HospitalCoefficientApplied, fast.HospitalCoefficientApplied);
            Assert.Equal(general.Review, fast.Review);
            Assert.Equal(general.RatioBasis, fast.RatioBasis);
            Assert.Equal(general.Flags, fast.Flags);

            // A bonus on top of the level coefficient scores as that sum given as the hospital's own coefficient.
            var bonus = new decimal(bonusUnits, 0, 0, false, 4);
            var withBonus = scorer.Score(c, new DipHospitalContext(HospitalLevel.Parse("3A"), null, bonus));
            var asOwn = scorer.Score(c, new DipHospitalContext(HospitalLevel.Parse("3A"), new Coefficient(h + bonus)));
            Assert.Equal(decimal.GetBits(asOwn.CaseScore.Value), decimal.GetBits(withBonus.CaseScore.Value));
            Assert.Equal(asOwn.HospitalCoefficient, withBonus.HospitalCoefficient);
            Assert.Equal(asOwn.Deviation, withBonus.Deviation);
            Assert.Equal(asOwn.Status, withBonus.Status);

            // The winning subtype is the highest applicable coefficient, as DipGroup.AuxiliaryCoefficientFor says.
            var expectedA = group.AuxiliaryCoefficientFor(DipAuxiliaryTypingData.None.Classify(c), out var expectedType);
            Assert.Equal(expectedType, fast.AuxiliaryType);
            Assert.Equal(expectedA, fast.AuxiliaryCoefficient);
        });

    /// <summary>The packed core-group key is injective: two code pairs pack equal exactly when their characters are equal.</summary>
    [Property(MaxTest = 500)]
    public Property Packed_code_pairs_are_equal_exactly_when_the_codes_are() => Prop.ForAll(
        (from dx1 in Gen.Choose(0, 5).SelectMany(n => Gen.ArrayOf(Gen.Elements('K', '3', '5', '.', '9'), n))
         from dx2 in Gen.Choose(0, 5).SelectMany(n => Gen.ArrayOf(Gen.Elements('K', '3', '5', '.', '9'), n))
         from p1 in Gen.Choose(0, 13).SelectMany(n => Gen.ArrayOf(Gen.Elements('4', '7', '.', '0', 'x', '\u007f'), n))
         from p2 in Gen.Choose(0, 13).SelectMany(n => Gen.ArrayOf(Gen.Elements('4', '7', '.', '0', 'x', '\u007f'), n))
         select (new string(dx1), new string(dx2), new string(p1), new string(p2))).ToArbitrary(),
        input =>
        {
            var (dx1, dx2, p1, p2) = input;
            var packed1 = Internal.PackedCodePair.TryPack(dx1, dx1.Length, p1, p1.Length, out var k1);
            var packed2 = Internal.PackedCodePair.TryPack(dx2, dx2.Length, p2, p2.Length, out var k2);
            Assert.Equal(p1.Length <= 12, packed1);
            Assert.Equal(p2.Length <= 12, packed2);
            if (packed1 && packed2)
            {
                Assert.Equal(string.Equals(dx1, dx2, StringComparison.Ordinal) && string.Equals(p1, p2, StringComparison.Ordinal), k1.Equals(k2));
                Assert.True(!k1.Equals(k2) || k1.GetHashCode() == k2.GetHashCode());
            }
        });
}
