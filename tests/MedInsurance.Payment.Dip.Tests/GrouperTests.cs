using System;
using System.Collections.Generic;
using System.Linq;
using MedInsurance.Payment.Cases;
using MedInsurance.Payment.Hospitals;
using static MedInsurance.Payment.Dip.Tests.Fixtures;

namespace MedInsurance.Payment.Dip.Tests;

public sealed class GrouperTests
{
    private static readonly ProcedureAttributeTable Attributes = new(new Dictionary<string, DipProcedureAttribute>
    {
        ["36.0600"] = DipProcedureAttribute.Intervention,
        ["88.5500"] = DipProcedureAttribute.Diagnostic,
        ["00.2400"] = DipProcedureAttribute.Diagnostic,
        ["99.2500"] = DipProcedureAttribute.Therapeutic,
    });

    private static readonly DipCatalog Catalog = Fixtures.Catalog(
        Group("BASE", "I21.0", 2_800m, 28_000m, "36.0600"),
        Group("IVUS", "I21.0", 4_400m, 44_000m, "36.0600", DipGroupKind.Core, "00.2400"),
        Group("IVUS+ANGIO", "I21.0", 4_600m, 46_000m, "36.0600", DipGroupKind.Core, "00.2400", "88.5500"),
        Group("CONS", "I21.0", 1_000m, 10_000m),
        Group("I21-S", "I21", 3_000m, 30_000m, kind: DipGroupKind.Comprehensive) is var s ? WithClass(s, DipProcedureClass.RelatedSurgery) : s,
        Group("I21-C", "I21", 900m, 9_000m, kind: DipGroupKind.Comprehensive),
        Group("PC", "J06.9", 200m, 2_000m, kind: DipGroupKind.PrimaryCare));

    private static DipGroup WithClass(DipGroup g, DipProcedureClass cls) => new()
    {
        Code = g.Code,
        Kind = g.Kind,
        Diagnosis = g.Diagnosis,
        ProcedureClass = cls,
        Score = g.Score,
        MeanCost = g.MeanCost,
        CaseCount = g.CaseCount,
    };

    private static DipCaseResult Score(InpatientCase c, string profile = "national-dip-1.0") =>
        Scorer(Catalog, profile, attributes: Attributes).Score(c, new DipHospitalContext(HospitalLevel.Parse("3A"), Coefficient.One));

    [Theory]
    [InlineData(new string[0], "BASE", DipMatchKind.Exact)]
    [InlineData(new[] { "00.2400" }, "IVUS", DipMatchKind.Exact)]
    [InlineData(new[] { "88.5500", "00.2400" }, "IVUS+ANGIO", DipMatchKind.Exact)]
    [InlineData(new[] { "00.2400", "99.2500" }, "IVUS", DipMatchKind.MostRelatedProcedures)]
    [InlineData(new[] { "00.2400", "88.5500", "99.2500" }, "IVUS+ANGIO", DipMatchKind.MostRelatedProcedures)]
    [InlineData(new[] { "88.5500" }, "BASE", DipMatchKind.DiagnosisAndMainProcedure)]
    public void Matching_goes_exact_then_most_related_then_diagnosis_and_main_procedure(string[] others, string group, DipMatchKind kind)
    {
        var result = Score(Case("I21.000x001", 30_000m, "36.0600", others));
        Assert.Equal(group, result.Group!.Code);
        Assert.Equal(kind, result.Match);
        Assert.Equal(DipCaseStatus.Scored, result.Status);
    }

    [Fact]
    public void A_procedure_code_with_its_extension_matches_the_group_key_without_it()
    {
        var result = Score(Case("I21.000", 30_000m, "36.0600x001", "00.2400x002"));
        Assert.Equal("IVUS", result.Group!.Code);
    }

    [Fact]
    public void Conservative_treatment_matches_the_diagnosis_only_group()
    {
        Assert.Equal("CONS", Score(Case("I21.000", 10_000m)).Group!.Code);
    }

    [Fact]
    public void Unknown_main_procedure_falls_to_the_comprehensive_group_of_its_class()
    {
        var surgical = new ProcedureAttributeTable(new Dictionary<string, DipProcedureAttribute> { ["36.1000"] = DipProcedureAttribute.Surgery });
        var result = Scorer(Catalog, "national-dip-1.0", attributes: surgical).Score(Case("I21.100", 30_000m, "36.1000"), Level3A);
        Assert.Equal("I21-S", result.Group!.Code);
        Assert.Equal(DipMatchKind.Comprehensive, result.Match);
        Assert.Equal("comprehensive", result.GroupKindText);
    }

    [Fact]
    public void A_procedure_missing_from_the_attribute_table_is_flagged_and_treated_as_conservative()
    {
        var result = Score(Case("I21.100", 9_000m, "37.9900"));
        Assert.Equal("I21-C", result.Group!.Code);
        Assert.True((result.Flags & DipCaseFlags.ProcedureAttributeUnknown) != 0);
        Assert.Contains(result.Issues(), i => i.Code == DipIssueCodes.ProcedureAttributeUnknown);
    }

    [Fact]
    public void A_category_without_groups_is_unmatched_and_national_profile_gives_no_score()
    {
        var result = Score(Case("K35.900", 9_000m));
        Assert.Equal(DipCaseStatus.Unmatched, result.Status);
        Assert.Equal("unmatched", result.GroupKindText);
        Assert.Equal(Payment.Score.Zero, result.CaseScore);
        Assert.Contains(result.Issues(), i => i.Code == DipIssueCodes.Unmatched);
    }

    [Fact]
    public void Cases_without_main_diagnosis_or_cost_are_rejected_with_coded_issues()
    {
        var noCost = Score(Case("I21.000", 0m));
        Assert.Equal(DipCaseStatus.Rejected, noCost.Status);
        Assert.Contains(noCost.Issues(), i => i.Code == DipIssueCodes.CostMissing && i.IsError);
        var noDx = Scorer(Catalog, "national-dip-1.0").Score(new InpatientCase { CaseId = "X", Costs = CostBreakdown.FromTotal(Money.FromYuan(100m)) }, Level3A);
        Assert.Equal(DipCaseStatus.Rejected, noDx.Status);
        Assert.Contains(noDx.Issues(), i => i.Code == DipIssueCodes.MainDiagnosisMissing);
    }

    [Theory]
    [InlineData("national-dip-1.0", true)]
    [InlineData("guangzhou", true)]
    [InlineData("jining", false)]
    [InlineData("national-dip-3.0", false)]
    public void An_absurd_cost_is_rejected_where_it_enters_the_score_and_scored_where_it_does_not(string profile, bool rejected)
    {
        // A mistyped cost (about 4.6 × 10^16 yuan) against a one-fen mean. Where the cost enters the high-case score
        // (DIP 1.0, Guangzhou) the exact score has more than 29 digits at the profile's decimals: the case comes back
        // rejected, naming the cost, instead of throwing. Jining scores a case above 5× at the capped ratio and the
        // DIP 3.0 draft does not rescore high cases, so there the cost never enters the score and the case stays scored.
        var result = Scorer(AbsurdCatalog, profile, pointValue: 10m).Score(AbsurdCase, Level3A);
        var outOfRange = result.Issues().Where(i => i.Code == DipIssueCodes.ScoreOutOfRange).ToList();
        if (rejected)
        {
            Assert.Equal(DipCaseStatus.Rejected, result.Status);
            Assert.Equal(Payment.Score.Zero, result.CaseScore);
            var issue = Assert.Single(outOfRange);
            Assert.True(issue.IsError);
            Assert.Equal("total_cost", issue.Field);
        }
        else
        {
            Assert.Equal(DipCaseStatus.Scored, result.Status);
            Assert.Equal(DipDeviation.Extreme, result.Deviation);
            Assert.Empty(outOfRange);
        }
    }

    [Theory]
    [InlineData("national-dip-1.0")]
    [InlineData("national-dip-3.0")]
    [InlineData("guangzhou")]
    [InlineData("jining")]
    public void A_cost_above_21_million_yuan_scores_under_every_profile(string profile)
    {
        // 25 000 000 yuan = 2 500 000 000 fen: past 2^31 fen, where a checked cast of the low 32 bits used to throw.
        var result = Scorer(Fixtures.Catalog(Group("X1", "K35.9", 1000m, 10_000m)), profile, pointValue: 10m).Score(Case("K35.900", 25_000_000m), Level3A);
        Assert.Equal(DipCaseStatus.Scored, result.Status);
        Assert.NotEqual(DipDeviation.Normal, result.Deviation);
        Assert.Equal(2_500m, result.Ratio);
    }

    [Fact]
    public void A_per_diem_stay_beyond_decimal_range_rejects_the_case()
    {
        // Score 10^12 × 2^31 − 1 bed days × point value 10^6 × coefficient 1 000 overflows the payment-standard basis.
        var catalog = Fixtures.Catalog(Group("PD", "F20", 1_000_000_000_000m, 500m, kind: DipGroupKind.PerDiem));
        var profile = new DipPolicyProfile { Name = "pd", PerDiemMinimumDays = 60, RatioBasis = DipRatioBasis.SameLevelPaymentStandard };
        var scorer = new DipScorer(catalog, profile, ProcedureAttributeTable.Empty, DipAuxiliaryTypingData.None, new PointValue(1_000_000m));
        var result = scorer.Score(Case("F20.000", 45_000m) with { LengthOfStayDays = int.MaxValue }, new DipHospitalContext(HospitalLevel.Parse("3A"), new Coefficient(1_000m)));
        Assert.Equal(DipCaseStatus.Rejected, result.Status);
        Assert.Contains(result.Issues(), i => i.Code == DipIssueCodes.ScoreOutOfRange);
    }

    [Theory]
    [InlineData(1_000_000_000_001, 10_000, 1.0, 10)]
    [InlineData(1_000, 1_000_000_000_001, 1.0, 10)]
    [InlineData(1_000, 10_000, 1_000.01, 10)]
    [InlineData(1_000, 10_000, 1.0, 1_000_001)]
    public void A_catalog_or_point_value_beyond_the_scoring_range_is_refused_when_the_scorer_is_built(double score, double mean, double levelCoefficient, double pointValue)
    {
        var group = new DipGroup
        {
            Code = "G",
            Diagnosis = "K35.9",
            Score = new Score((decimal)score),
            MeanCost = Money.FromYuan((decimal)mean),
            LevelCoefficients = new Dictionary<string, Coefficient> { ["3A"] = new((decimal)levelCoefficient) },
        };
        var error = Assert.Throws<ArgumentException>(() => Fixtures.Scorer(Fixtures.Catalog(group), "national-dip-3.0", pointValue: (decimal)pointValue));
        Assert.Contains("must be", error.Message, StringComparison.Ordinal);
    }

    private static DipCatalog AbsurdCatalog => Fixtures.Catalog(Group("X1", "K35.9", 10_000_000m, 0.01m));

    private static InpatientCase AbsurdCase => Case("K35.900", 1m) with { Costs = CostBreakdown.FromTotal(Money.FromFen(long.MaxValue / 2)) };

    [Fact]
    public void Primary_care_groups_skip_the_hospital_coefficient()
    {
        var scorer = Scorer(Catalog, "national-dip-1.0");
        var result = scorer.Score(Case("J06.900", 2_000m), new DipHospitalContext(HospitalLevel.Parse("3A"), new Coefficient(1.3m)));
        Assert.Equal(new Score(200m), result.CaseScore);
        Assert.False(result.HospitalCoefficientApplied);
        var core = scorer.Score(Case("I21.000", 10_000m), new DipHospitalContext(HospitalLevel.Parse("3A"), new Coefficient(1.3m)));
        Assert.Equal(new Score(1_300m), core.CaseScore);
        Assert.True(core.HospitalCoefficientApplied);
    }

    /// <summary>K35.9, score 1000, mean 10 000, with its own 3A level coefficient 1.2.</summary>
    private static DipGroup GroupWith3ACoefficient() => new()
    {
        Code = "G",
        Diagnosis = "K35.9",
        Score = new Score(1000m),
        MeanCost = Money.FromYuan(10_000m),
        LevelCoefficients = new Dictionary<string, Coefficient> { ["3A"] = new(1.2m) },
    };

    [Fact]
    public void Hospital_coefficient_comes_from_the_hospital_then_the_group_level_then_the_catalog_level()
    {
        var group = GroupWith3ACoefficient();
        var catalog = new DipCatalog("t", "t", new[] { group }, new Dictionary<string, Coefficient> { ["3A"] = new(1.1m), ["2A"] = new(0.9m) });
        var scorer = Scorer(catalog, "national-dip-1.0");
        var c = Case("K35.900", 10_000m);
        Assert.Equal(new Coefficient(1.05m), scorer.Score(c, new DipHospitalContext(HospitalLevel.Parse("3A"), new Coefficient(1.05m))).HospitalCoefficient);
        Assert.Equal(new Coefficient(1.2m), scorer.Score(c, new DipHospitalContext(HospitalLevel.Parse("3A"), null)).HospitalCoefficient);
        Assert.Equal(new Coefficient(0.9m), scorer.Score(c, new DipHospitalContext(HospitalLevel.Parse("2A"), null)).HospitalCoefficient);
        var missing = scorer.Score(c, new DipHospitalContext(HospitalLevel.Parse("1"), null));
        Assert.Equal(Coefficient.One, missing.HospitalCoefficient);
        Assert.Contains(missing.Issues(), i => i.Code == DipIssueCodes.HospitalCoefficientMissing);
        var unknown = scorer.Score(c, DipHospitalContext.Unknown);
        Assert.Contains(unknown.Issues(), i => i.Code == DipIssueCodes.HospitalUnknown);
    }

    [Fact]
    public void A_hospital_whose_row_failed_validation_rejects_the_case_never_scoring_it_at_coefficient_1()
    {
        var group = GroupWith3ACoefficient();
        var catalog = new DipCatalog("t", "t", new[] { group }, new Dictionary<string, Coefficient> { ["3A"] = new(1.1m) });
        var scorer = Scorer(catalog, "national-dip-1.0");
        var result = scorer.Score(Case("K35.900", 10_000m), DipHospitalContext.Invalid);
        Assert.Equal(DipCaseStatus.Rejected, result.Status);
        Assert.Null(result.Group);
        var issue = Assert.Single(result.Issues());
        Assert.Equal("DIP_HOSPITAL_INVALID(hospital_id)", issue.ToCompactString());
        Assert.True(issue.IsError);
        Assert.False(DipHospitalContext.Invalid.IsKnown);
        Assert.NotEqual(DipHospitalContext.Unknown, DipHospitalContext.Invalid);
    }

    [Fact]
    public void A_case_discharged_outside_the_catalogs_effective_dates_is_rejected_naming_the_discharge_date()
    {
        var catalog = new DipCatalog("t", "t", new[] { GroupWith3ACoefficient() }) { EffectiveFrom = "2026-01-01", EffectiveTo = "2026-12-31" };
        var scorer = Scorer(catalog, "national-dip-1.0");
        var hospital = new DipHospitalContext(HospitalLevel.Parse("3A"), null);
        var before = scorer.Score(Case("K35.900", 10_000m) with { DischargeDate = new DateOnly(2025, 12, 31) }, hospital);
        Assert.Equal(DipCaseStatus.Rejected, before.Status);
        Assert.Equal("DIP_CATALOG_NOT_IN_FORCE(discharge_date)", Assert.Single(before.Issues()).ToCompactString());
        var after = scorer.Score(Case("K35.900", 10_000m) with { DischargeDate = new DateOnly(2027, 1, 1) }, hospital);
        Assert.Equal(DipCaseStatus.Rejected, after.Status);

        // Both ends are inclusive: score 1000 × level coefficient 1.2.
        var first = scorer.Score(Case("K35.900", 10_000m) with { DischargeDate = new DateOnly(2026, 1, 1) }, hospital);
        Assert.Equal(new Score(1_200m), first.CaseScore);
        Assert.Equal(DipCaseStatus.Scored, scorer.Score(Case("K35.900", 10_000m) with { DischargeDate = new DateOnly(2026, 12, 31) }, hospital).Status);
        Assert.True(catalog.InForceOn(new DateOnly(2026, 6, 30)));
        Assert.False(catalog.InForceOn(new DateOnly(2025, 6, 30)));

        // Without a discharge date the scorer cannot tell; pricing reports the missing date (DIP_PRICE_DISCHARGE_DATE_MISSING).
        Assert.Equal(DipCaseStatus.Scored, scorer.Score(Case("K35.900", 10_000m), hospital).Status);

        // An undated catalog applies on every date.
        var undated = Scorer(new DipCatalog("t", "t", new[] { GroupWith3ACoefficient() }), "national-dip-1.0");
        Assert.Equal(DipCaseStatus.Scored, undated.Score(Case("K35.900", 10_000m) with { DischargeDate = new DateOnly(1999, 1, 1) }, hospital).Status);
    }

    [Fact]
    public void The_hospital_table_makes_a_rejected_row_invalid_and_leaves_an_absent_hospital_unknown()
    {
        const string csv = "hospital_id,name,level,type\nH1,一院,三级甲等,general\nH2,二院,三级甲等x,general\nH3,三院,二级,nonsense\n";
        var table = DipHospitalTable.FromRows(Interchange.HospitalCsvReader.Read(new System.IO.StringReader(csv)));
        Assert.True(table.Resolve("H1").IsKnown);
        Assert.Equal(HospitalLevel.Parse("3A"), table.Resolve("H1").Level);
        Assert.True(table.Resolve("H2").IsInvalid);
        Assert.True(table.Resolve("H3").IsInvalid);
        Assert.Equal([2, 3], table.RejectedRows.Select(r => r.RowNumber).ToArray());
        Assert.False(table.Resolve("H9").IsKnown);
        Assert.False(table.Resolve("H9").IsInvalid);
        Assert.True(table.Contains("H2"));
        Assert.False(table.Contains("H9"));

        // A duplicated id makes the hospital invalid (which row is right is not known); a bad coefficient too.
        const string dup = "hospital_id,name,level,type,coefficient\nH1,一院,三级甲等,general,1.1\nH1,一院,二级,general,0.9\nH4,四院,二级,general,-1\n";
        var dupTable = DipHospitalTable.FromRows(Interchange.HospitalCsvReader.Read(new System.IO.StringReader(dup)));
        Assert.True(dupTable.Resolve("H1").IsInvalid);
        Assert.True(dupTable.Resolve("H4").IsInvalid);
        Assert.Equal("DIP_HOSPITAL_COEFFICIENT_INVALID(coefficient)", Assert.Single(dupTable.CoefficientRows).Issues[^1].ToCompactString());
    }

    [Fact]
    public void A_bonus_coefficient_is_added_to_the_hospital_or_level_base()
    {
        // 医疗机构调节系数 = 基本系数 + 加成系数 (DIP 3.0 draft ch. 5): the base is the hospital's own coefficient, else
        // the group's level coefficient, else the catalog's.
        var group = GroupWith3ACoefficient();
        var primary = Group("P", "J06.9", 50m, 500m, kind: DipGroupKind.PrimaryCare);
        var catalog = new DipCatalog("t", "t", new[] { group, primary }, new Dictionary<string, Coefficient> { ["2A"] = new(0.9m) });
        var scorer = Scorer(catalog, "national-dip-1.0");
        var c = Case("K35.900", 10_000m);
        var level3A = HospitalLevel.Parse("3A");

        var ownPlusBonus = scorer.Score(c, new DipHospitalContext(level3A, new Coefficient(1.05m), 0.03m));
        Assert.Equal(new Coefficient(1.08m), ownPlusBonus.HospitalCoefficient);
        Assert.Equal(new Score(1080m), ownPlusBonus.CaseScore);
        Assert.Equal(new Coefficient(1.25m), scorer.Score(c, new DipHospitalContext(level3A, null, 0.05m)).HospitalCoefficient);
        Assert.Equal(new Coefficient(0.92m), scorer.Score(c, new DipHospitalContext(HospitalLevel.Parse("2A"), null, 0.02m)).HospitalCoefficient);

        // A zero bonus scores exactly as the two-argument context; primary-care groups still skip the coefficient.
        Assert.Equal(scorer.Score(c, new DipHospitalContext(level3A, null)), scorer.Score(c, new DipHospitalContext(level3A, null, 0m)));
        Assert.Equal(new Score(50m), scorer.Score(Case("J06.900", 500m), new DipHospitalContext(level3A, null, 0.05m)).CaseScore);

        // The bonus does not move the ratio basis where the profile takes the same-level mean: that is the group's mean at
        // the level (payment-rules.md §3, DIP 1.0 同级别定点医疗机构例均费用), not mean × (level coefficient + bonus) as this
        // test used to expect (ratio 2). This catalog has no 3A mean, so the basis is the regional mean 10 000, flagged:
        // 25 000 ÷ 10 000 = 2.5.
        var guangzhou = Scorer(catalog, "guangzhou").Score(Case("K35.900", 25_000m), new DipHospitalContext(level3A, null, 0.05m));
        Assert.Equal(2.5m, guangzhou.Ratio);
        Assert.Equal(DipCaseFlags.LevelMeanMissing, guangzhou.Flags & DipCaseFlags.LevelMeanMissing);
    }

    [Theory]
    [InlineData("", "", true, null, 0)]
    [InlineData("1.05", "", true, 1.05, 0)]
    [InlineData("", "0.02", true, null, 0.02)]
    [InlineData("1.05", "0.02", true, 1.05, 0.02)]
    [InlineData("0", "", false, null, 0)]
    [InlineData("-1", "", false, null, 0)]
    [InlineData("abc", "", false, null, 0)]
    [InlineData("", "-0.01", false, null, 0)]
    [InlineData("", "x", false, null, 0)]
    [InlineData("1000.01", "", false, null, 0)]
    [InlineData("", "1000.01", false, null, 0)]
    [InlineData("0,9", "", false, null, 0)] // a decimal comma is not 9
    [InlineData("", "0,05", false, null, 0)]
    [InlineData("1e0", "", false, null, 0)]
    public void Hospital_coefficient_columns_are_validated_with_coded_issues(string coefficient, string bonus, bool valid, double? expectedOwn, double expectedBonus)
    {
        var ok = DipHospitalContext.TryFromColumns(HospitalLevel.Parse("3A"), coefficient, bonus, out var context, out var issues);
        Assert.Equal(valid, ok);
        if (valid)
        {
            Assert.Empty(issues);
            Assert.Equal(expectedOwn is double own ? new Coefficient((decimal)own) : null, context.Coefficient);
            Assert.Equal((decimal)expectedBonus, context.CoefficientBonus);
            Assert.True(context.IsKnown);
        }
        else
        {
            var issue = Assert.Single(issues);
            Assert.Equal(DipIssueCodes.HospitalCoefficientInvalid, issue.Code);
            Assert.Equal(coefficient.Length > 0 ? "coefficient" : "coefficient_bonus", issue.Field);
            Assert.True(issue.IsError);
        }
    }

    [Fact]
    public void A_context_refuses_a_non_positive_coefficient_or_a_negative_bonus()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new DipHospitalContext(HospitalLevel.Parse("3A"), new Coefficient(0m)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DipHospitalContext(HospitalLevel.Parse("3A"), null, -0.01m));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DipHospitalContext(HospitalLevel.Parse("3A"), new Coefficient(1_000.01m)));
    }

    [Fact]
    public void The_highest_applicable_auxiliary_coefficient_wins()
    {
        var group = new DipGroup
        {
            Code = "G",
            Diagnosis = "C34.9",
            Score = new Score(1000m),
            MeanCost = Money.FromYuan(10_000m),
            AuxiliaryCoefficients = new[]
            {
                new DipAuxiliaryCoefficient(DipAuxiliaryType.SeverityCc, new Coefficient(1.1m)),
                new DipAuxiliaryCoefficient(DipAuxiliaryType.SeverityMcc, new Coefficient(1.3m)),
                new DipAuxiliaryCoefficient(DipAuxiliaryType.AgeElderly, new Coefficient(1.2m)),
                new DipAuxiliaryCoefficient(DipAuxiliaryType.TumourMetastasisWithTherapy, new Coefficient(1.5m)),
            },
        };
        var typing = new DipAuxiliaryTypingData(new[] { "J96.0" }, new[] { "N17" }, new[] { "C" }, new[] { "C78" }, new[] { "92.2" }, new[] { "Z51.1", "99.25" });
        var scorer = Scorer(Fixtures.Catalog(group), "national-dip-1.0", typing: typing);
        InpatientCase Elderly(params string[] secondary) => Case("C34.900", 10_000m) with
        {
            AgeYears = 70,
            SecondaryDiagnoses = Array.ConvertAll(secondary, DiagnosisCode.Parse),
        };

        Assert.Equal(new Coefficient(1.2m), scorer.Score(Elderly("J96.000"), Level3A).AuxiliaryCoefficient);
        var mcc = scorer.Score(Elderly("J96.000", "N17.900"), Level3A);
        Assert.Equal(new Coefficient(1.3m), mcc.AuxiliaryCoefficient);
        Assert.Equal(DipAuxiliaryType.SeverityMcc, mcc.AuxiliaryType);
        Assert.Equal(new Score(1_300m), mcc.CaseScore);
        var tumour = scorer.Score(Elderly("C78.000", "Z51.100"), Level3A);
        Assert.Equal(DipAuxiliaryType.TumourMetastasisWithTherapy, tumour.AuxiliaryType);
        Assert.Equal(new Score(1_500m), tumour.CaseScore);
        var plain = scorer.Score(Case("C34.900", 10_000m), Level3A);
        Assert.Equal(Coefficient.One, plain.AuxiliaryCoefficient);
        Assert.Equal(DipAuxiliaryType.None, plain.AuxiliaryType);
    }

    [Theory]
    [InlineData(0, 10, 0, DipAuxiliaryType.AgeNeonate)]
    [InlineData(0, 200, 0, DipAuxiliaryType.AgeInfant)]
    [InlineData(5, null, 0, DipAuxiliaryType.AgeChild)]
    [InlineData(12, null, 0, DipAuxiliaryType.AgeAdolescent)]
    [InlineData(65, null, 0, DipAuxiliaryType.AgeElderly)]
    [InlineData(40, null, 2, DipAuxiliaryType.Icu2To7)]
    [InlineData(40, null, 8, DipAuxiliaryType.Icu8To14)]
    [InlineData(40, null, 30, DipAuxiliaryType.Icu15To30)]
    [InlineData(40, null, 31, DipAuxiliaryType.Icu31Plus)]
    public void Age_and_icu_bands(int age, int? ageDays, int icu, DipAuxiliaryType expected)
    {
        var mask = DipAuxiliaryTypingData.None.Classify(Case("K35.900", 1m) with { AgeYears = age, AgeDays = ageDays, IcuDays = icu });
        Assert.NotEqual(0L, mask & DipAuxiliaryTypingData.Bit(expected));
    }

    [Fact]
    public void Per_diem_groups_pay_bed_days_for_long_stays()
    {
        var perDiem = Group("PD", "F20", 50m, 500m, kind: DipGroupKind.PerDiem);
        var catalog = Fixtures.Catalog(perDiem, Group("F20-CORE", "F20.0", 3_000m, 30_000m));
        var profile = new DipPolicyProfile { Name = "pd", PerDiemMinimumDays = 60 };
        var scorer = new DipScorer(catalog, profile, ProcedureAttributeTable.Empty, DipAuxiliaryTypingData.None, null);
        var longStay = scorer.Score(Case("F20.000", 45_000m) with { LengthOfStayDays = 90 }, new DipHospitalContext(HospitalLevel.Parse("3A"), Coefficient.One));
        Assert.Equal("PD", longStay.Group!.Code);
        Assert.Equal(new Score(4_500m), longStay.CaseScore);
        Assert.Equal("per_diem", longStay.GroupKindText);
        var shortStay = scorer.Score(Case("F20.000", 30_000m) with { LengthOfStayDays = 20 }, Level3A);
        Assert.Equal("F20-CORE", shortStay.Group!.Code);
    }

    [Fact]
    public void Trace_names_every_step()
    {
        var result = Scorer(Fixtures.Catalog(Group("G1", "K35.9", 800m, 8_000m)), "jining").Score(Case("K35.900", 20_000m), new DipHospitalContext(HospitalLevel.Parse("2A"), new Coefficient(0.95m)));
        Assert.Equal(
            "status=Scored; group=G1 (core, match Exact); base=800; hospital×0.95; auxiliary×1; ratio=20000.00/8000=2.5; deviation=High; score=1160.0000",
            result.Trace());
    }

    [Theory]
    [InlineData("jining")]
    [InlineData("national-dip-1.0")]
    [InlineData("national-dip-3.0")]
    [InlineData("guangzhou")]
    public void Scoring_allocates_nothing_per_case(string profile)
    {
        var scorer = Scorer(Catalog, profile, pointValue: 9.620858m, attributes: Attributes, typing: new DipAuxiliaryTypingData(new[] { "J96.0" }, new[] { "N17" }, new[] { "C" }, new[] { "C78" }, new[] { "92.2" }, new[] { "Z51.1" }));
        var cases = new[]
        {
            Case("I21.000x001", 30_000m, "36.0600x001", "00.2400", "99.2500"),
            Case("I21.100", 90_000m, "37.9900"),
            Case("J06.900", 900m),
            Case("K35.900", 9_000m),
        };
        // The general path (the hospital's own coefficient) and the precomputed level-column path (level only).
        var hospitals = new[] { new DipHospitalContext(HospitalLevel.Parse("3A"), new Coefficient(1.1m)), Level3A };
        var total = 0m;
        var deviations = new HashSet<DipDeviation>();
        foreach (var c in cases)
        {
            foreach (var hospital in hospitals)
            {
                var r = scorer.Score(c, hospital);
                total += r.CaseScore.Value;
                deviations.Add(r.Deviation);
            }
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            total += scorer.Score(cases[i % cases.Length], hospitals[i % 2]).CaseScore.Value;
        }

        Assert.Equal(0L, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.True(total > 0m);
        Assert.True(deviations.Count >= 2, "the cases must include deviation cases, so the exact deviation arithmetic is measured too");
    }

    /// <summary>
    /// With realistic long decimals (score 1234.5678, mean 8 123.45, level coefficient 1.0523, subtype 1.0734, point
    /// value 9.620858) deviation cases stay exact and allocate nothing under every built-in profile. Against the DIP
    /// 3.0 payment standard (a 20-digit product) a low case scores cost ÷ point value exactly: the group score and
    /// subtype coefficient cancel before the 128-bit arithmetic.
    /// </summary>
    [Theory]
    [InlineData("national-dip-1.0")]
    [InlineData("national-dip-3.0")]
    [InlineData("guangzhou")]
    [InlineData("jining")]
    public void Deviation_cases_with_long_decimals_are_exact_and_allocate_nothing(string profile)
    {
        var group = new DipGroup
        {
            Code = "G",
            Diagnosis = "K35.9",
            Score = new Score(1234.5678m),
            MeanCost = Money.FromYuan(8_123.45m),
            CaseCount = 100,
            LevelCoefficients = new Dictionary<string, Coefficient> { ["3A"] = new Coefficient(1.0523m) },
            AuxiliaryCoefficients = new[] { new DipAuxiliaryCoefficient(DipAuxiliaryType.AgeElderly, new Coefficient(1.0734m)) },
        };
        var catalog = new DipCatalog("test", "test", new[] { group }, null) { RegionalMeanCost = Money.FromYuan(10_000m) };
        var scorer = Scorer(catalog, profile, pointValue: 9.620858m);
        InpatientCase Elderly(decimal cost) => new()
        {
            CaseId = "T1",
            AgeYears = 70,
            LengthOfStayDays = 5,
            MainDiagnosis = DiagnosisCode.Parse("K35.900"),
            Costs = CostBreakdown.FromTotal(Money.FromYuan(cost)),
        };
        var cases = new[] { Elderly(3_000m), Elderly(25_000m), Elderly(50_000m), Elderly(9_000m) };
        var hospitals = new[] { Level3A, new DipHospitalContext(HospitalLevel.Parse("3A"), new Coefficient(1.0523m)) };
        var low = scorer.Score(cases[0], Level3A);
        Assert.Equal(DipDeviation.Low, low.Deviation);
        Assert.Equal(DipAuxiliaryType.AgeElderly, low.AuxiliaryType);
        if (profile == "national-dip-3.0")
        {
            // s·a·h × cost ÷ (s·pv·h·a) = cost ÷ pv = 3 000 ÷ 9.620858 = 311.8229…
            Assert.Equal(decimal.Round(3_000m / 9.620858m, 4, MidpointRounding.AwayFromZero), low.CaseScore.Value);
        }

        var total = 0m;
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 160; i++)
        {
            total += scorer.Score(cases[i % cases.Length], hospitals[(i / cases.Length) % 2]).CaseScore.Value;
        }

        Assert.Equal(0L, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.True(total > 0m);
    }
}
