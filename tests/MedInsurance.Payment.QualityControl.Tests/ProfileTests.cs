using System;
using System.IO;
using MedInsurance.Payment.Cases;
using MedInsurance.Payment.Validation;
using static MedInsurance.Payment.QualityControl.Tests.QcTestCases;

namespace MedInsurance.Payment.QualityControl.Tests;

/// <summary>QC profiles: the off switch, a severity change, the demo profile, and corrupt files refused with file, line and field.</summary>
public sealed class ProfileTests
{
    [Fact]
    public void A_rule_switched_off_reports_nothing_and_the_case_is_accepted()
    {
        var noHospital = Clean() with { HospitalId = "" };
        Assert.Equal(QcStatus.Rejected, Checker().Check(noHospital).Status);
        var off = Checker(rules: "{ \"QC_HOSPITAL_MISSING\": { \"enabled\": false } }").Check(noHospital);
        Assert.Empty(off.Issues);
        Assert.Equal(QcStatus.Accepted, off.Status);
    }

    [Fact]
    public void A_basic_rule_of_core_can_be_switched_off_too()
    {
        var off = Checker(rules: "{ \"SEX_UNKNOWN\": { \"enabled\": false } }").Check(Clean() with { Sex = Sex.Unknown });
        Assert.Empty(off.Issues);
    }

    [Fact]
    public void A_severity_change_moves_the_status()
    {
        var longer = Clean() with { LengthOfStayDays = 8 }; // LOS_MISMATCH, a warning by default
        Assert.Equal(QcStatus.Warning, Checker().Check(longer).Status);
        var strict = Checker(rules: "{ \"LOS_MISMATCH\": { \"severity\": \"error\" } }").Check(longer);
        Assert.Equal(IssueSeverity.Error, Assert.Single(strict.Issues).Severity);
        Assert.Equal(QcStatus.Rejected, strict.Status);
        var note = Checker(rules: "{ \"LOS_MISMATCH\": { \"severity\": \"info\" } }").Check(longer);
        Assert.Equal(IssueSeverity.Info, Assert.Single(note.Issues).Severity);
        Assert.Equal(QcStatus.Accepted, note.Status);
    }

    [Fact]
    public void The_demo_profile_loads_with_its_lists_and_settings()
    {
        var profile = QcProfile.Load(Path.Combine(DemoFolder, "demo-qc-profile.json"));
        Assert.Equal(("demo-region-qc", "2026.1", "yb2.0"), (profile.Name, profile.Version, profile.Edition));
        Assert.Equal(14, profile.Lists.Count); // the demo list has 14 entries (docs/quality-control.md)
        Assert.False(profile.IsEnabled("QC_ADMISSION_DATE_MISSING"));
        Assert.Equal(IssueSeverity.Error, profile.SeverityOf(QcRules.DiagnosisGray));
        Assert.Equal(IssueSeverity.Info, profile.SeverityOf(QcRules.SexUnknown));
        Assert.Equal(IssueSeverity.Error, profile.SeverityOf(QcRules.HospitalMissing));
    }

    [Theory]
    [InlineData("{\n  \"name\": \"x\",\n  \"version\": \"1\",\n  \"rules\": {\n    \"QC_NO_SUCH_RULE\": { \"enabled\": false }\n  }\n}", "p.json:5: field rules.QC_NO_SUCH_RULE")]
    [InlineData("{\n  \"name\": \"x\",\n  \"version\": \"1\",\n  \"rules\": {\n    \"QC_DX_GRAY\": { \"severity\": \"fatal\" }\n  }\n}", "p.json:5: field rules.QC_DX_GRAY.severity")]
    [InlineData("{\n  \"name\": \"x\",\n  \"version\": \"1\",\n  \"rules\": {\n    \"QC_DX_GRAY\": {\n      \"enabled\": \"no\"\n    }\n  }\n}", "p.json:6: field rules.QC_DX_GRAY.enabled")]
    [InlineData("{\n  \"name\": \"x\",\n  \"version\": \"1\",\n  \"colour\": \"red\"\n}", "p.json:4: field colour")]
    [InlineData("{\n  \"name\": \"x\"\n}", "p.json:3: field version")]
    [InlineData("{\n  \"name\": \"x\",\n  \"version\": \"1\",\n  \"edition\": \"yb3.0\"\n}", "p.json:4: field edition")]
    [InlineData("{\n  \"name\": \"x\",\n  \"version\": \"1\",\n  \"lists\": [\"missing.csv\"]\n}", "p.json:4: field lists[0]")]
    [InlineData("{\n  \"name\": \"x\",\n  \"version\": 1\n}", "p.json:3: field version")]
    [InlineData("{\n  \"name\": \"x\",\n  \"version\": \"1\",\n}", "p.json:4: not valid JSON")]
    public void A_corrupt_profile_is_refused_with_file_line_and_field(string json, string expected)
    {
        var e = Assert.Throws<InvalidDataException>(() => QcProfile.Parse(json, "p.json", DemoFolder));
        Assert.StartsWith(expected, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("list,kind,code,value\nsex,dx,C53,woman\n", "l.csv:2: field value")]
    [InlineData("list,kind,code,value\nsex,xx,C53,female\n", "l.csv:2: field kind")]
    [InlineData("list,kind,code,value\nage,dx,P,28d-0d\n", "l.csv:2: field value")]
    [InlineData("list,kind,code,value\nage,dx,P,0d-28y\n", "l.csv:2: field value")]
    [InlineData("list,kind,code,value\n\nnot_main,px,87.44,\n", "l.csv:3: field kind")]
    [InlineData("list,kind,code,value\nsex,dx,C53,female\nsex,dx,C53,male\n", "l.csv:3: field code")]
    [InlineData("list,kind,code,value\nrare,dx,C53,female\n", "l.csv:2: field list")]
    [InlineData("list,kind,code,value\nsex,dx,5C3,female\n", "l.csv:2: field code")]
    [InlineData("kind,code\n", "l.csv:1: field header")]
    public void A_corrupt_list_is_refused_with_file_line_and_field(string text, string expected)
    {
        var e = Assert.Throws<InvalidDataException>(() => QcCodeLists.Read(new StringReader(text), "l.csv"));
        Assert.StartsWith(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Age_ranges_in_days_and_years_are_inclusive()
    {
        var checker = new QcChecker(ProfileWithAgeLists(), null);
        Assert.DoesNotContain(checker.Check(Clean() with { MainDiagnosis = Dx("P07.300"), AgeYears = 0, AgeDays = 28, BirthWeightGrams = 2000 }).Issues, i => i.Code == "QC_DX_AGE_CONFLICT");
        Assert.Contains(checker.Check(Clean() with { MainDiagnosis = Dx("P07.300"), AgeYears = 0, AgeDays = 29 }).Issues, i => i.Code == "QC_DX_AGE_CONFLICT");
        Assert.DoesNotContain(checker.Check(Clean() with { Sex = Sex.Female, MainDiagnosis = Dx("O80.000"), AgeYears = 60 }).Issues, i => i.Code == "QC_DX_AGE_CONFLICT");
        Assert.Contains(checker.Check(Clean() with { Sex = Sex.Female, MainDiagnosis = Dx("O80.000"), AgeYears = 61 }).Issues, i => i.Code == "QC_DX_AGE_CONFLICT");
    }

    private static QcProfile ProfileWithAgeLists()
    {
        var folder = Path.Combine(Path.GetTempPath(), "qc-lists-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "l.csv"), "list,kind,code,value\nage,dx,P,0d-28d\nage,dx,O,12y-60y\n");
        return QcProfile.Parse("{ \"name\": \"t\", \"version\": \"1\", \"lists\": [\"l.csv\"] }", "t.json", folder);
    }
}
