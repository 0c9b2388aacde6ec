using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using MedInsurance.Payment.Cases;
using MedInsurance.Payment.Hospitals;
using static MedInsurance.Payment.Dip.Tests.Fixtures;

namespace MedInsurance.Payment.Dip.Tests;

/// <summary>
/// The DIP 3.0 draft's disease-severity typing (ch. 5 §2 二(四) 1: 恶性肿瘤 rules (1)–(7), 非恶性肿瘤 death / 重度 / 中度 /
/// 轻度) under <c>national-dip-3.0</c>, and the age and ICU bands as profile data. Every expected value is worked by hand
/// in the comments and in docs/dip.md.
/// </summary>
public sealed class AuxiliaryTypingTests
{
    private static readonly DipHospitalContext Level3AOne = new(HospitalLevel.Parse("3A"), Coefficient.One);

    /// <summary>功能衰竭、休克、脓毒症: respiratory failure J96, shock R57, sepsis A41; 重要器官病损、重要脏器感染: pneumonia J18, cerebral infarction I63.</summary>
    private static readonly DipAuxiliaryTypingData Lists = DipAuxiliaryTypingData.FromJson(
        "{\"failureShockSepsis\": [\"J96\", \"R57\", \"A41\"], \"organLesionInfection\": [\"J18\", \"I63\"]}", "aux.json");

    private static DipGroup GroupWith(string code, string diagnosis, decimal score, decimal mean, params (DipAuxiliaryType Type, decimal Coefficient)[] subtypes) => new()
    {
        Code = code,
        Diagnosis = diagnosis,
        Score = new Score(score),
        MeanCost = Money.FromYuan(mean),
        CaseCount = 100,
        AuxiliaryCoefficients = subtypes.Select(t => new DipAuxiliaryCoefficient(t.Type, new Coefficient(t.Coefficient))).ToArray(),
    };

    private static InpatientCase Stay(string main, int los, CostBreakdown costs, bool death = false, params string[] secondary) => Case(main, 1m) with
    {
        LengthOfStayDays = los,
        DischargeType = death ? DischargeType.Death : DischargeType.MedicalAdvice,
        SecondaryDiagnoses = secondary.Select(DiagnosisCode.Parse).ToArray(),
        Costs = costs,
    };

    private static CostBreakdown Cost(decimal total, decimal drugs = 0m, decimal treatment = 0m) => new()
    {
        Total = Money.FromYuan(total),
        Drugs = Money.FromYuan(drugs),
        Treatment = Money.FromYuan(treatment),
    };

    private static string Text(Score score) => score.Value.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// 恶性肿瘤疾病严重程度: lung cancer group C34.1, score 1000, point value 10, coefficient 1 → score cost standard
    /// (分值费用标准) 1000 × 10 = 10 000, high-cost bound 3 × 10 000 = 30 000. Subtype coefficients: death 1.6, high cost
    /// (drugs) 1.5, high cost (treatment) 1.45, failure/shock/sepsis 1.4, metastasis 1.3, organ lesion/infection 1.2,
    /// other 0.9. Case score = 1000 × 1 × a; the 3.0 deviation basis is 1000 × 10 × 1 × a (high 2–3× inclusive: not
    /// rescored, review; above 3×: not rescored, review).
    /// </summary>
    [Theory]
    // (4) metastasis: secondary C79.3 (category C79 ≠ C34), 5 days → 1.3 → 1300; 12 000 ÷ 13 000 normal.
    [InlineData("metastasis", DipAuxiliaryType.MalignantMetastasis, "1300.0000", DipDeviation.Normal, false)]
    // (4) needs 3 days or more (3 天以上): 2 days → (7) other 0.9 → 900; 12 000 ÷ 9 000 = 1.33 normal.
    [InlineData("metastasis-2-days", DipAuxiliaryType.MalignantOther, "900.0000", DipDeviation.Normal, false)]
    // (4) exactly 3 days counts (以上 includes the number) → 1300.
    [InlineData("metastasis-3-days", DipAuxiliaryType.MalignantMetastasis, "1300.0000", DipDeviation.Normal, false)]
    // A second tumour of the same category C34 is not (4) → other → 900.
    [InlineData("same-category", DipAuxiliaryType.MalignantOther, "900.0000", DipDeviation.Normal, false)]
    // (3) cost 32 000 ≥ 30 000 and drugs 17 000 ≥ 16 000 → 1.5 → 1500; 32 000 ÷ 15 000 = 2.13: high, not rescored, review.
    [InlineData("high-drugs", DipAuxiliaryType.MalignantHighCostDrug, "1500.0000", DipDeviation.High, true)]
    // (2) cost 32 000, treatment 16 000 ≥ 16 000 (不小于), drugs 15 000 < 16 000 → 1.45 → 1450; 32 000 ÷ 14 500 = 2.21: high.
    [InlineData("high-treatment", DipAuxiliaryType.MalignantHighCostTreatment, "1450.0000", DipDeviation.High, true)]
    // Cost 29 999 < 30 000: no high-cost type even with 29 000 of drugs → other 0.9 → 900; 29 999 ÷ 9 000 = 3.33: extreme, review.
    [InlineData("below-3x", DipAuxiliaryType.MalignantOther, "900.0000", DipDeviation.Extreme, true)]
    // (1) death and (4) metastasis both apply: the highest coefficient, death 1.6 → 1600; 12 000 ÷ 16 000 normal.
    [InlineData("death-with-metastasis", DipAuxiliaryType.MalignantDeath, "1600.0000", DipDeviation.Normal, false)]
    // (5) sepsis A41.9, 4 days, and (6) pneumonia J18.9: the highest, 1.4 → 1400.
    [InlineData("sepsis-and-pneumonia", DipAuxiliaryType.MalignantFailureShockSepsis, "1400.0000", DipDeviation.Normal, false)]
    public void Dip_3_0_malignant_tumour_severity(string name, DipAuxiliaryType expectedType, string expected, DipDeviation deviation, bool review)
    {
        var c = name switch
        {
            "metastasis" => Stay("C34.100", 5, Cost(12_000m), false, "C79.300"),
            "metastasis-2-days" => Stay("C34.100", 2, Cost(12_000m), false, "C79.300"),
            "metastasis-3-days" => Stay("C34.100", 3, Cost(12_000m), false, "C79.300"),
            "same-category" => Stay("C34.100", 5, Cost(12_000m), false, "C34.200"),
            "high-drugs" => Stay("C34.100", 9, Cost(32_000m, drugs: 17_000m, treatment: 5_000m)),
            "high-treatment" => Stay("C34.100", 9, Cost(32_000m, drugs: 15_000m, treatment: 16_000m)),
            "below-3x" => Stay("C34.100", 9, Cost(29_999m, drugs: 29_000m)),
            "death-with-metastasis" => Stay("C34.100", 5, Cost(12_000m), true, "C79.300"),
            _ => Stay("C34.100", 4, Cost(12_000m), false, "A41.900", "J18.900"),
        };
        var group = GroupWith(
            "C34.1:-",
            "C34.1",
            1000m,
            11_000m,
            (DipAuxiliaryType.MalignantDeath, 1.6m),
            (DipAuxiliaryType.MalignantHighCostDrug, 1.5m),
            (DipAuxiliaryType.MalignantHighCostTreatment, 1.45m),
            (DipAuxiliaryType.MalignantFailureShockSepsis, 1.4m),
            (DipAuxiliaryType.MalignantMetastasis, 1.3m),
            (DipAuxiliaryType.MalignantOrganLesionInfection, 1.2m),
            (DipAuxiliaryType.MalignantOther, 0.9m));
        var result = Scorer(Catalog(group), "national-dip-3.0", pointValue: 10m, typing: Lists).Score(c, Level3AOne);
        Assert.Equal(expectedType, result.AuxiliaryType);
        Assert.Equal(expected, Text(result.CaseScore));
        Assert.Equal(deviation, result.Deviation);
        Assert.Equal(review, result.Review);
    }

    /// <summary>
    /// 非恶性肿瘤疾病严重程度 重/中/轻: COPD group J44.1, score 800, point value 10, coefficient 1; subtypes death 1.8,
    /// 重度 1.5, 中度 1.2, 轻度 0.95; every case costs 10 000. Case score = 800 × a; basis 800 × 10 × a = 8 000 × a.
    /// </summary>
    [Theory]
    // 重度: respiratory failure J96.0 (功能衰竭), 6 days → 800 × 1.5 = 1200; 10 000 ÷ 12 000 normal.
    [InlineData(6, false, "J96.000", null, DipAuxiliaryType.NonMalignantSevere, "1200.0000")]
    // 中度: pneumonia J18.9 (重要脏器感染), 6 days → 800 × 1.2 = 960; 10 000 ÷ 9 600 normal.
    [InlineData(6, false, "J18.900", null, DipAuxiliaryType.NonMalignantModerate, "960.0000")]
    // Both: the higher, 重度 → 1200.
    [InlineData(6, false, "J96.000", "J18.900", DipAuxiliaryType.NonMalignantSevere, "1200.0000")]
    // Respiratory failure but 2 days (not 3 天以上) → 轻度 0.95 → 760; 10 000 ÷ 7 600 = 1.32 normal.
    [InlineData(2, false, "J96.000", null, DipAuxiliaryType.NonMalignantMild, "760.0000")]
    // No listed secondary diagnosis → 轻度 → 760.
    [InlineData(6, false, "E11.900", null, DipAuxiliaryType.NonMalignantMild, "760.0000")]
    // Death after 1 day → death 1.8 → 1440; 10 000 ÷ 14 400 normal.
    [InlineData(1, true, "E11.900", null, DipAuxiliaryType.NonMalignantDeath, "1440.0000")]
    public void Dip_3_0_non_malignant_severe_moderate_mild(int los, bool death, string secondary, string? another, DipAuxiliaryType expectedType, string expected)
    {
        var group = GroupWith(
            "J44.1:-",
            "J44.1",
            800m,
            8_000m,
            (DipAuxiliaryType.NonMalignantDeath, 1.8m),
            (DipAuxiliaryType.NonMalignantSevere, 1.5m),
            (DipAuxiliaryType.NonMalignantModerate, 1.2m),
            (DipAuxiliaryType.NonMalignantMild, 0.95m));
        var secondaries = another is null ? new[] { secondary } : new[] { secondary, another };
        var c = Stay("J44.100", los, Cost(10_000m), death, secondaries);
        var result = Scorer(Catalog(group), "national-dip-3.0", pointValue: 10m, typing: Lists).Score(c, Level3AOne);
        Assert.Equal(expectedType, result.AuxiliaryType);
        Assert.Equal(expected, Text(result.CaseScore));
        Assert.Equal(DipDeviation.Normal, result.Deviation);

        // Under DIP 1.0 the 3.0 subtypes are not typed: the same group scores 800 × 1 (no subtype), 10 000 ÷ 8 000 normal.
        var dip1 = Scorer(Catalog(group), "national-dip-1.0", typing: Lists).Score(c, Level3AOne);
        Assert.Equal((DipAuxiliaryType.None, "800.0000"), (dip1.AuxiliaryType, Text(dip1.CaseScore)));
    }

    [Fact]
    public void Classify_under_a_profile_gives_the_3_0_mask()
    {
        var profile = DipPolicyProfiles.BuiltIn("national-dip-3.0");

        // A malignant case with metastasis, 5 days, at 70: (4) and the age band; (7) is not set since (4) applies.
        var c = Stay("C34.100", 5, Cost(12_000m), false, "C79.300") with { AgeYears = 70 };
        Assert.Equal(
            DipAuxiliaryTypingData.Bit(DipAuxiliaryType.MalignantMetastasis) | DipAuxiliaryTypingData.Bit(DipAuxiliaryType.AgeElderly),
            Lists.Classify(c, profile, default));

        // Without a score cost standard the high-cost rules do not apply; with 10 000 (bound 30 000) rule (3) does.
        var expensive = Stay("C34.100", 9, Cost(32_000m, drugs: 17_000m));
        Assert.Equal(DipAuxiliaryTypingData.Bit(DipAuxiliaryType.MalignantOther), Lists.Classify(expensive, profile, default));
        Assert.Equal(DipAuxiliaryTypingData.Bit(DipAuxiliaryType.MalignantHighCostDrug), Lists.Classify(expensive, profile, Money.FromYuan(10_000m)));

        // A region's own malignant list replaces ICD-10 C00–C97: D05 (carcinoma in situ) listed, so D05.9 is typed as malignant.
        var inSitu = DipAuxiliaryTypingData.FromJson("{\"malignant\": [\"C\", \"D05\"]}", "aux.json");
        Assert.Equal(DipAuxiliaryTypingData.Bit(DipAuxiliaryType.MalignantOther), inSitu.Classify(Stay("D05.900", 5, Cost(1m)), profile, default));
        Assert.Equal(DipAuxiliaryTypingData.Bit(DipAuxiliaryType.NonMalignantMild), Lists.Classify(Stay("D05.900", 5, Cost(1m)), profile, default));
    }

    [Theory]
    [InlineData("national-dip-1.0", DipSeverityTyping.Dip1)]
    [InlineData("national-dip-3.0", DipSeverityTyping.Dip3)]
    [InlineData("guangzhou", DipSeverityTyping.Dip1)]
    [InlineData("jining", DipSeverityTyping.Dip1)]
    public void Built_in_profiles_carry_the_former_age_and_icu_constants(string name, DipSeverityTyping typing)
    {
        // The bands that were constants in DipAuxiliaryTypingData: 0–28 days, 29 days to 1 year, 1–6, 7–17, ≥ 65; ICU 2–7, 8–14, 15–30, ≥ 31.
        var profile = DipPolicyProfiles.BuiltIn(name);
        var bands = profile.AuxiliaryBands;
        Assert.Equal((28, 6, 17, 65), (bands.NeonateMaxDays, bands.ChildMaxYears, bands.AdolescentMaxYears, bands.ElderlyMinYears));
        Assert.Equal(new[] { 2, 8, 15, 31 }, bands.IcuBandStartDays);
        Assert.Equal(typing, profile.SeverityTyping);
    }

    [Theory]
    [InlineData(0, 28, DipAuxiliaryType.AgeNeonate)]
    [InlineData(0, 29, DipAuxiliaryType.AgeInfant)]
    [InlineData(1, null, DipAuxiliaryType.AgeChild)]
    [InlineData(6, null, DipAuxiliaryType.AgeChild)]
    [InlineData(7, null, DipAuxiliaryType.AgeAdolescent)]
    [InlineData(17, null, DipAuxiliaryType.AgeAdolescent)]
    [InlineData(18, null, DipAuxiliaryType.None)]
    [InlineData(64, null, DipAuxiliaryType.None)]
    [InlineData(65, null, DipAuxiliaryType.AgeElderly)]
    public void Default_age_bands_are_the_former_constants(int years, int? days, DipAuxiliaryType expected) =>
        Assert.Equal(expected, DipAuxiliaryBands.Default.AgeType(Case("K35.900", 1m) with { AgeYears = years, AgeDays = days }));

    [Theory]
    [InlineData(1, DipAuxiliaryType.None)]
    [InlineData(2, DipAuxiliaryType.Icu2To7)]
    [InlineData(7, DipAuxiliaryType.Icu2To7)]
    [InlineData(8, DipAuxiliaryType.Icu8To14)]
    [InlineData(14, DipAuxiliaryType.Icu8To14)]
    [InlineData(15, DipAuxiliaryType.Icu15To30)]
    [InlineData(30, DipAuxiliaryType.Icu15To30)]
    [InlineData(31, DipAuxiliaryType.Icu31Plus)]
    public void Default_icu_bands_are_the_former_constants(int icuDays, DipAuxiliaryType expected) =>
        Assert.Equal(expected, DipAuxiliaryBands.Default.IcuType(icuDays));

    /// <summary>
    /// A region that starts its elderly band at 60 and its first ICU band at 3 days (a profile file): group score 1000,
    /// mean 10 000, elderly 1.2, ICU first band 1.1; a 62-year-old with 2 ICU days costing 10 000 at coefficient 1.
    /// national-dip-1.0: neither band (62 &lt; 65; 2 days is the first ICU band 2–7 → 1.1) → 1000 × 1.1 = 1100.
    /// The region's profile: elderly (62 ≥ 60 → 1.2), no ICU band (2 &lt; 3) → 1000 × 1.2 = 1200.
    /// </summary>
    [Fact]
    public void A_profile_with_other_age_and_icu_bands_changes_the_score()
    {
        var group = GroupWith("K35.9:-", "K35.9", 1000m, 10_000m, (DipAuxiliaryType.AgeElderly, 1.2m), (DipAuxiliaryType.Icu2To7, 1.1m));
        var c = Case("K35.900", 10_000m) with { AgeYears = 62, IcuDays = 2 };

        var national = Scorer(Catalog(group), "national-dip-1.0").Score(c, Level3AOne);
        Assert.Equal((DipAuxiliaryType.Icu2To7, "1100.0000"), (national.AuxiliaryType, Text(national.CaseScore)));

        // The built-in profile written out, with the two bands edited as a region would in its own file.
        var json = DipPolicyProfiles.ToJson(DipPolicyProfiles.BuiltIn("national-dip-1.0"));
        json = Regex.Replace(json, "\"name\":\\s*\"national-dip-1.0\"", "\"name\": \"region\"");
        json = Regex.Replace(json, "\"elderlyMinYears\":\\s*65", "\"elderlyMinYears\": 60");
        json = Regex.Replace(json, "\"icuBands\":\\s*\\[\\s*2,", "\"icuBands\": [3,");
        var region = DipPolicyProfiles.FromJson(json, "region.json");
        Assert.Equal((60, 3), (region.AuxiliaryBands.ElderlyMinYears, region.AuxiliaryBands.IcuBandStartDays[0]));
        var scorer = new DipScorer(Catalog(group), region, ProcedureAttributeTable.Empty, DipAuxiliaryTypingData.None, null);
        var regional = scorer.Score(c, Level3AOne);
        Assert.Equal((DipAuxiliaryType.AgeElderly, "1200.0000"), (regional.AuxiliaryType, Text(regional.CaseScore)));
    }

    [Fact]
    public void Bands_are_validated_with_the_field_named()
    {
        var e = Assert.Throws<System.ArgumentException>(() => new DipAuxiliaryBands(28, 6, 17, 17, new List<int> { 2, 8, 15, 31 }));
        Assert.Contains("ageBands.elderlyMinYears", e.Message, System.StringComparison.Ordinal);
        e = Assert.Throws<System.ArgumentException>(() => new DipAuxiliaryBands(28, 6, 17, 65, new List<int> { 0, 8, 15, 31 }));
        Assert.Contains("icuBands", e.Message, System.StringComparison.Ordinal);
    }
}
