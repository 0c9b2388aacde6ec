using System;
using System.Collections.Generic;
using System.IO;
using MedInsurance.Payment.Hospitals;
using static MedInsurance.Payment.Dip.Tests.Fixtures;

namespace MedInsurance.Payment.Dip.Tests;

public sealed class FormatTests
{
    private static DipCatalog Sample()
    {
        var groups = new[]
        {
            new DipGroup
            {
                Code = "I21.0:36.0600:00.2400",
                Name = "急性心肌梗死 + PCI + IVUS",
                Diagnosis = "I21.0",
                MainProcedure = "36.0600",
                RelatedProcedures = new[] { "00.2400", "88.5500" },
                Score = new Score(4400.1234m),
                MeanCost = Money.FromYuan(44_001.23m),
                CaseCount = 120,
                CoefficientOfVariation = 0.3125m,
                LevelCoefficients = new Dictionary<string, Coefficient> { ["3A"] = new(1.08m) },
                AuxiliaryCoefficients = new[] { new DipAuxiliaryCoefficient(DipAuxiliaryType.SeverityMcc, new Coefficient(1.25m)) },
            },
            new DipGroup { Code = "C54:S", Name = "C54 相关手术组", Kind = DipGroupKind.Comprehensive, Diagnosis = "C54", ProcedureClass = DipProcedureClass.RelatedSurgery, Score = new Score(2900m), MeanCost = Money.FromYuan(29_000m), CaseCount = 45, CoefficientOfVariation = 0.2m },
            new DipGroup { Code = "J06.9:-", Name = "急性上呼吸道感染, \"基层\"", Kind = DipGroupKind.PrimaryCare, Diagnosis = "J06.9", Score = new Score(210m), MeanCost = Money.FromYuan(2_100m), CaseCount = 900, CoefficientOfVariation = 0.4m },
            new DipGroup { Code = "F20:PD", Kind = DipGroupKind.PerDiem, Diagnosis = "F20", Score = new Score(45m), MeanCost = Money.FromYuan(450m), CaseCount = 30, CoefficientOfVariation = 0.1m },
        };
        return new DipCatalog("2026.1", "370800", groups, new Dictionary<string, Coefficient> { ["3A"] = new(1.1m), ["2A"] = new(0.92m) })
        {
            EffectiveFrom = "2026-01-01",
            EffectiveTo = "2026-12-31",
            RegionalMeanCost = Money.FromYuan(10_000m),
        };
    }

    [Fact]
    public void Csv_header_is_the_documented_layout()
    {
        using var writer = new StringWriter();
        DipCatalogFiles.WriteCsv(Sample(), writer);
        Assert.StartsWith("group_code,group_name,kind,diagnosis,main_procedure,related_procedures,procedure_class,score,mean_cost,case_count,cv\r\n", writer.ToString(), StringComparison.Ordinal);
        Assert.Contains("I21.0:36.0600:00.2400,急性心肌梗死 + PCI + IVUS,core,I21.0,36.0600,00.2400+88.5500,,4400.1234,44001.23,120,0.3125", writer.ToString(), StringComparison.Ordinal);
        Assert.Contains("C54:S,C54 相关手术组,comprehensive,C54,,,related_surgery,2900,29000.00,45,0.2", writer.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_round_trips_the_groups()
    {
        using var first = new StringWriter();
        DipCatalogFiles.WriteCsv(Sample(), first);
        var read = DipCatalogFiles.ReadCsv(new StringReader(first.ToString()), "sample.csv", "2026.1", "370800");
        using var second = new StringWriter();
        DipCatalogFiles.WriteCsv(read, second);
        Assert.Equal(first.ToString(), second.ToString());
        Assert.Equal(DipGroupKind.PrimaryCare, read.Find("J06.9:-")!.Kind);
        Assert.Equal(new[] { "00.2400", "88.5500" }, read.Find("I21.0:36.0600:00.2400")!.RelatedProcedures);
    }

    [Fact]
    public void Json_round_trips_everything()
    {
        var json = DipCatalogFiles.ToJson(Sample());
        // Chinese is written as is, so the file reads in an editor (issue 13), not as \u6025\u6027….
        Assert.Contains("\"急性心肌梗死 + PCI + IVUS\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u", json, StringComparison.Ordinal);
        var read = DipCatalogFiles.FromJson(json, "sample.json");
        Assert.Equal(json, DipCatalogFiles.ToJson(read));
        Assert.Equal(new Coefficient(0.92m), read.LevelCoefficients["2A"]);
        Assert.Equal("2026-01-01", read.EffectiveFrom);
        var group = read.Find("I21.0:36.0600:00.2400")!;
        Assert.Equal(new Coefficient(1.08m), group.LevelCoefficients["3A"]);
        Assert.Equal(DipAuxiliaryType.SeverityMcc, Assert.Single(group.AuxiliaryCoefficients).Type);
        Assert.Contains("\"severity_mcc\": 1.25", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_csv_rows_name_the_file_line_and_column()
    {
        var csv = "group_code,group_name,kind,diagnosis,main_procedure,related_procedures,procedure_class,score,mean_cost,case_count,cv\nG1,x,core,K35.9,,,,abc,1,1,0\n";
        var e = Assert.Throws<FormatException>(() => DipCatalogFiles.ReadCsv(new StringReader(csv), "cat.csv", "e", "r"));
        Assert.Contains("cat.csv, line 2", e.Message, StringComparison.Ordinal);
        Assert.Contains("score", e.Message, StringComparison.Ordinal);
        var kind = csv.Replace(",core,", ",special,", StringComparison.Ordinal).Replace("abc", "1", StringComparison.Ordinal);
        Assert.Contains("kind", Assert.Throws<FormatException>(() => DipCatalogFiles.ReadCsv(new StringReader(kind), "cat.csv", "e", "r")).Message, StringComparison.Ordinal);
        var missing = "group_code,kind\nG1,core\n";
        Assert.Contains("group_name", Assert.Throws<FormatException>(() => DipCatalogFiles.ReadCsv(new StringReader(missing), "cat.csv", "e", "r")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Case_counts_must_be_whole_and_dates_iso()
    {
        var csv = "group_code,group_name,kind,diagnosis,main_procedure,related_procedures,procedure_class,score,mean_cost,case_count,cv\nG1,x,core,K35.9,,,,1,1,1.5,0\n";
        Assert.Contains("case_count", Assert.Throws<FormatException>(() => DipCatalogFiles.ReadCsv(new StringReader(csv), "cat.csv", "e", "r")).Message, StringComparison.Ordinal);
        var json = DipCatalogFiles.ToJson(Sample()).Replace("\"2026-01-01\"", "\"2026/01/01\"", StringComparison.Ordinal);
        var e = Assert.Throws<FormatException>(() => DipCatalogFiles.FromJson(json, "cat.json"));
        Assert.Contains("effectiveFrom", e.Message, StringComparison.Ordinal);
        Assert.StartsWith("cat.json", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_group_keys_are_a_configuration_error()
    {
        Assert.Throws<ArgumentException>(() => Catalog(Group("A", "K35.9", 1m, 1m), Group("B", "K35.9", 1m, 1m)));
        Assert.Throws<ArgumentException>(() => Catalog(Group("A", "K35.9", 1m, 1m), Group("A", "K35.8", 1m, 1m)));
    }

    [Fact]
    public void The_four_built_in_profiles_are_embedded()
    {
        Assert.Equal(new[] { "guangzhou", "jining", "national-dip-1.0", "national-dip-3.0" }, DipPolicyProfiles.BuiltInNames);
        Assert.Equal(DipRatioBasis.SameLevelPaymentStandard, DipPolicyProfiles.BuiltIn("national-dip-3.0").RatioBasis);
        Assert.Equal(DipHighCaseFormula.RatioMinusThresholdPlusHospitalCoefficient, DipPolicyProfiles.BuiltIn("jining").HighFormula);
        Assert.Equal(0.7m, DipPolicyProfiles.BuiltIn("jining").UnmatchedFactor);
        Assert.Throws<ArgumentException>(() => DipPolicyProfiles.BuiltIn("shanghai"));
    }

    [Theory]
    [InlineData("national-dip-1.0")]
    [InlineData("national-dip-3.0")]
    [InlineData("guangzhou")]
    [InlineData("jining")]
    public void Profiles_round_trip_through_json(string name)
    {
        var json = DipPolicyProfiles.ToJson(DipPolicyProfiles.BuiltIn(name));
        Assert.Equal(json, DipPolicyProfiles.ToJson(DipPolicyProfiles.FromJson(json, name + ".json")));
    }

    [Theory]
    [InlineData("{\"name\":\"x\",\"ratioBasis\":\"median\"}", "ratioBasis")]
    [InlineData("{\"name\":\"x\",\"lowThreshold\":3}", "lowThreshold")]
    [InlineData("{\"name\":\"x\",\"colour\":\"red\"}", "colour")]
    [InlineData("{\"ratioBasis\":\"group_mean\"}", "name")]
    [InlineData("{\"name\":\"x\",\"extremeThreshold\":1.5}", "extremeThreshold")]
    [InlineData("{\"name\":\"x\",\"ageBands\":{\"childMaxYears\":20}}", "ageBands.childMaxYears")]
    [InlineData("{\"name\":\"x\",\"ageBands\":{\"neonateMaxDays\":400}}", "ageBands.neonateMaxDays")]
    [InlineData("{\"name\":\"x\",\"ageBands\":{\"elderly\":60}}", "elderly")]
    [InlineData("{\"name\":\"x\",\"icuBands\":[2,2,15,31]}", "icuBands")]
    [InlineData("{\"name\":\"x\",\"icuBands\":[2,8,15]}", "icuBands")]
    [InlineData("{\"name\":\"x\",\"severityTyping\":\"dip9\"}", "severityTyping")]
    [InlineData("{\"name\":\"x\",\"severityMinimumStayDays\":-1}", "severityMinimumStayDays")]
    [InlineData("{\"name\":\"x\",\"tumourHighCostMultiple\":0}", "tumourHighCostMultiple")]
    [InlineData("{\"name\":\"x\",\"tumourHighCostShare\":1.5}", "tumourHighCostShare")]
    public void Bad_profiles_name_the_file_and_field(string json, string field)
    {
        var e = Assert.Throws<FormatException>(() => DipPolicyProfiles.FromJson(json, "my-profile.json"));
        Assert.StartsWith("my-profile.json", e.Message, StringComparison.Ordinal);
        Assert.Contains(field, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_payment_standard_profile_without_point_value_is_a_configuration_error()
    {
        var e = Assert.Throws<ArgumentException>(() => Scorer(Catalog(Group("G", "K35.9", 1m, 1m)), "national-dip-3.0"));
        Assert.Contains("point value", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Procedure_attribute_table_reads_csv_and_matches_without_extension()
    {
        var table = ProcedureAttributeTable.ReadCsv(new StringReader("procedure,attribute\n36.0600,intervention\n88.5500,诊断性操作\n"), "px.csv");
        Assert.Equal(DipProcedureAttribute.Intervention, table.Get(ProcedureCode.Parse("36.0600x001")));
        Assert.Equal(DipProcedureAttribute.Diagnostic, table.Get(ProcedureCode.Parse("88.5500")));
        Assert.Equal(DipProcedureAttribute.Unknown, table.Get(ProcedureCode.Parse("99.2500")));
        var e = Assert.Throws<FormatException>(() => ProcedureAttributeTable.ReadCsv(new StringReader("procedure,attribute\n36.06,cutting\n"), "px.csv"));
        Assert.Contains("px.csv, line 2", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Auxiliary_lists_read_from_json()
    {
        var typing = DipAuxiliaryTypingData.FromJson("{\"mcc\": [\"N17\"], \"shortStayDays\": 2}", "aux.json");
        Assert.Equal(2, typing.ShortStayDays);
        var c = Case("K35.900", 1m) with { SecondaryDiagnoses = new[] { DiagnosisCode.Parse("N17.900") }, LengthOfStayDays = 3 };
        var mask = typing.Classify(c);
        Assert.NotEqual(0L, mask & DipAuxiliaryTypingData.Bit(DipAuxiliaryType.SeverityMcc));
        Assert.Equal(0L, mask & DipAuxiliaryTypingData.Bit(DipAuxiliaryType.SeverityShortStay));
        var e = Assert.Throws<FormatException>(() => DipAuxiliaryTypingData.FromJson("{\"severe\": []}", "aux.json"));
        Assert.StartsWith("aux.json", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Hospital_context_keeps_the_level_code()
    {
        Assert.Equal("3A", new DipHospitalContext(HospitalLevel.Parse("三级甲等"), null).LevelCode);
        Assert.False(DipHospitalContext.Unknown.IsKnown);
    }
}
