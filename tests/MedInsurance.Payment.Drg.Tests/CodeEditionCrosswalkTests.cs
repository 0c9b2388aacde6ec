using System;
using System.IO;
using System.Linq;
using MedInsurance.Payment.Cases;
using MedInsurance.Payment.Drg.Editions;
using MedInsurance.Payment.Drg.Grouping;
using MedInsurance.Payment.TestSupport;
using MedInsurance.Payment.Validation;
using static MedInsurance.Payment.Drg.Tests.MiniRuleText;

namespace MedInsurance.Payment.Drg.Tests;

/// <summary>
/// Code-edition crosswalks (医保版1.0→2.0, 国临版→医保版): hand-made small files against the mini pack, and the shared
/// 医保版 2.0 crosswalks read in place.
/// </summary>
public sealed class CodeEditionCrosswalkTests
{
    // I63.901 and 01.2401 are not in the mini pack; their targets are. G40.900 is in the pack (and must not be mapped).
    // G45.901 has two targets and the file states no rule: refused.
    private const string Diagnoses = "I63.901 I63.900\nG40.900 I63.900\nG45.901 G45.900\nG45.901 I63.900\nS06.001\tS06.000\n";
    private const string Procedures = "01.2401 01.2400\n";

    private static CodeEditionCrosswalk Mini(string diagnoses = Diagnoses, string procedures = Procedures, string name = "测试1.0→2.0") =>
        CodeEditionCrosswalk.Read(name, new StringReader(diagnoses), "ZD_TEST.dat", new StringReader(procedures), "SS_TEST.dat");

    [Fact]
    public void A_code_the_pack_lacks_is_mapped_grouped_with_the_mapped_code_warned_and_traced()
    {
        // Worked by hand: I63.900 is in MDCB's 主诊表 and BR1's list; E11.900 is a CC of 表 7-2, which does not list
        // I63.900 as a main diagnosis, so it counts: BR13.
        var r = Grouper().Group(Case("I63.901", "E11.900"), new[] { Mini() });
        Assert.Equal(DrgStatus.Grouped, r.Status);
        Assert.Equal("BR13", r.Drg);
        var issue = Assert.Single(r.Issues, i => i.Code == DrgIssueCodes.CodeMapped);
        Assert.Equal("diagnoses[0]", issue.Field);
        Assert.Equal(IssueSeverity.Warning, issue.Severity);
        Assert.Equal("I63.901", issue.Value);
        Assert.DoesNotContain("I63.901", issue.MessageEn + issue.MessageZh, StringComparison.Ordinal);
        var step = Assert.Single(r.Trace.Steps, s => s.Kind == DrgTraceKind.Crosswalk);
        Assert.Equal("diagnoses[0] I63.901 → I63.900 (测试1.0→2.0)", step.Subject + " " + step.Detail);
    }

    [Fact]
    public void Without_the_crosswalk_the_same_case_is_rejected()
    {
        var r = Grouper().Group(Case("I63.901", "E11.900"));
        Assert.Equal(DrgStatus.Rejected, r.Status);
        Assert.Contains(r.Issues, i => i.Code == DrgIssueCodes.MainDiagnosisUnknown);
    }

    [Fact]
    public void A_procedure_is_mapped_too_and_codes_the_pack_knows_are_never_mapped()
    {
        // S06.000 (known, so the S06.001 line is irrelevant) with 01.2401 → 01.2400: BB1 (main diagnosis S06.000 and main
        // procedure 01.2400), no secondary diagnosis: BB15. G40.900 is known: the G40.900 → I63.900 line is not used.
        var mapped = Grouper().MapCodes(Case("S06.000", "G40.900", "01.2401"), new[] { Mini() });
        Assert.Equal(new[] { "procedures[0] 01.2401 → 01.2400" }, mapped.Mappings.Select(m => m.Field + " " + m.From + " → " + m.To));
        Assert.Equal("G40.900", mapped.Case.SecondaryDiagnoses[0].Value);
        Assert.Equal("BB13", Grouper().Group(Case("S06.000", "E11.900", "01.2401"), new[] { Mini() }).Drg);
        Assert.Equal("BB15", Grouper().Group(Case("S06.000", string.Empty, "01.2401"), new[] { Mini() }).Drg);
    }

    [Fact]
    public void A_one_to_many_code_is_refused_unless_the_file_states_first()
    {
        var refused = Grouper().Group(Case("G45.901"), new[] { Mini() });
        Assert.Equal(DrgStatus.Rejected, refused.Status);
        var issue = Assert.Single(refused.Issues, i => i.Code == DrgIssueCodes.CodeMapAmbiguous);
        Assert.Equal("diagnoses[0]", issue.Field);
        Assert.Equal("G45.901", issue.Value);
        Assert.Equal(1, Mini().AmbiguousDiagnosisCount);

        var first = Mini("# one-to-many: first\n" + Diagnoses);
        Assert.Equal(CrosswalkOneToManyRule.First, first.DiagnosisRule);
        Assert.Equal(0, first.AmbiguousDiagnosisCount);
        // First target G45.900 (短暂性脑缺血发作) is in BR1's list: BR15 without secondary diagnoses.
        Assert.Equal("BR15", Grouper().Group(Case("G45.901"), new[] { first }).Drg);
    }

    [Fact]
    public void Crosswalks_are_tried_in_order()
    {
        var other = Mini("I63.901 G40.900\n", string.Empty, "其他");
        Assert.Equal("BX15", Grouper().Group(Case("I63.901"), new[] { other, Mini() }).Drg);
        Assert.Equal("BR15", Grouper().Group(Case("I63.901"), new[] { Mini(), other }).Drg);
    }

    [Theory]
    [InlineData("I63.901 I63.900\nI63.902\n", "ZD_TEST.dat:2: field 2 (target): missing")]
    [InlineData("I63.901 I63.900 I63.900\n", "ZD_TEST.dat:1: field 3: unexpected")]
    [InlineData("\n\nXX9,? I63.900\n", "ZD_TEST.dat:3: field 1 (source): not an ICD-10 diagnosis code")]
    [InlineData("I63.901 01.2400\n", "ZD_TEST.dat:1: field 2 (target): not an ICD-10 diagnosis code")]
    [InlineData("I63.901 I63.900\n# one-to-many: first\n", "ZD_TEST.dat:2: the one-to-many directive must come before")]
    [InlineData("# one-to-many: maybe\n", "ZD_TEST.dat:1: one-to-many is")]
    public void A_corrupt_file_is_refused_with_file_line_and_field_never_the_text(string diagnoses, string expected)
    {
        var e = Assert.Throws<InvalidDataException>(() => Mini(diagnoses));
        Assert.StartsWith(expected, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("XX9", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_shared_yb10_and_gl_crosswalks_load_and_map_cases_for_the_1_1_pack()
    {
        var yb10 = CodeEditionCrosswalk.Load(
            "医保版1.0→医保版2.0",
            SharedData.Require("data/codes-2.0/ZD_YB10_TO_YB20.dat"),
            SharedData.Require("data/codes-2.0/SS_YB10_TO_YB20.dat"));
        var gl = CodeEditionCrosswalk.Load(
            "国临版→医保版2.0",
            SharedData.Require("data/codes-2.0/ZD_GL20_TO_YB20.dat"),
            SharedData.Require("data/codes-2.0/SS_GL30_TO_YB20.dat"));
        Assert.Equal(CrosswalkOneToManyRule.Refuse, yb10.DiagnosisRule);
        Assert.True(yb10.DiagnosisCount > 33_000 && yb10.ProcedureCount > 13_000);
        Assert.True(gl.DiagnosisCount > 35_000 && gl.ProcedureCount > 13_000);
        Assert.Equal(0, yb10.AmbiguousDiagnosisCount + yb10.AmbiguousProcedureCount + gl.AmbiguousDiagnosisCount + gl.AmbiguousProcedureCount);

        // From the files: ZD_YB10_TO_YB20 maps A18.800x041 → A18.300x016, ZD_GL20_TO_YB20 maps A01.000x002 → A01.003; the
        // 1.1 rule text lists the targets and not the sources.
        var grouper = SharedPack.Grouper(true);
        var crosswalks = new[] { yb10, gl };
        var tb = grouper.Group(Case("A18.800x041", sex: Sex.Female), crosswalks);
        Assert.Equal(grouper.Group(Case("A18.300x016", sex: Sex.Female)).Drg, tb.Drg);
        Assert.Contains(tb.Trace.Steps, s => s.Kind == DrgTraceKind.Crosswalk && s.Detail == "A18.800x041 → A18.300x016 (医保版1.0→医保版2.0)");
        var typhoid = grouper.Group(Case("A01.000x002"), crosswalks);
        Assert.Equal(grouper.Group(Case("A01.003")).Drg, typhoid.Drg);
        Assert.Contains(typhoid.Trace.Steps, s => s.Kind == DrgTraceKind.Crosswalk && s.Detail == "A01.000x002 → A01.003 (国临版→医保版2.0)");
        Assert.NotEqual(DrgStatus.Rejected, typhoid.Status);
    }
}
