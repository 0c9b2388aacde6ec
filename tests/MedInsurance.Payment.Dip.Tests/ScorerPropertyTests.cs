using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
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
}
