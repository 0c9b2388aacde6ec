using System;
using System.Collections.Generic;
using System.Linq;
using MedInsurance.Payment.Cases;
using MedInsurance.Payment.Interchange;
using MedInsurance.Payment.TestSupport;

namespace MedInsurance.Payment.QualityControl.Tests;

/// <summary>
/// The checker over the CHS-DRG 1.1 golden case files with the national dictionaries read in place, national defaults (no
/// lists). The pinned counts (cases with the rule, issues) were checked by a separate route: a Python script over the raw
/// CSV and the dictionary files (docs/quality-control.md, "Counts on the golden files"), and `comm` for the one code in
/// neither dictionary (K30.x00x002).
/// </summary>
public sealed class GoldenFileTests
{
    /// <summary>The golden files carry no hospital, dates or costs: those four completeness rules fire on every case.</summary>
    private static readonly string[] Completeness = { "QC_HOSPITAL_MISSING", "QC_ADMISSION_DATE_MISSING", "QC_DISCHARGE_DATE_MISSING", "QC_TOTAL_COST_MISSING" };

    [Theory]
    [InlineData("cases.csv", "yb2.0", "codes-2.0", 5_000, "QC_DX_GRAY=1008/1129 QC_PX_GRAY=733/831 QC_DX_MAIN_SYMPTOM=140/140 QC_DX_MAIN_SEQUELAE=33/33 QC_DX_NOT_IN_DICTIONARY=1/1")]
    [InlineData("cases.csv", "yb1.0", "codes", 5_000, "QC_DX_MAIN_SYMPTOM=140/140 QC_DX_MAIN_SEQUELAE=33/33 QC_DX_NOT_IN_DICTIONARY=1/1")]
    [InlineData("cases-50k.csv", "yb2.0", "codes-2.0", 50_000, "QC_DX_GRAY=9747/11003 QC_PX_GRAY=7253/8156 QC_DX_MAIN_SYMPTOM=1400/1400 QC_DX_MAIN_SEQUELAE=233/233 QC_DX_NOT_IN_DICTIONARY=5/5 DX_DUPLICATED=2/2")]
    [InlineData("cases-50k.csv", "yb1.0", "codes", 50_000, "QC_DX_MAIN_SYMPTOM=1400/1400 QC_DX_MAIN_SEQUELAE=233/233 QC_DX_NOT_IN_DICTIONARY=12/12 DX_DUPLICATED=2/2")]
    public void Rule_counts_on_the_golden_files(string file, string edition, string folder, int rows, string expected)
    {
        var path = SharedData.Require("golden/chs-drg-1.1/" + file);
        var dictionary = QcCodeDictionary.Load(SharedData.Require("data/" + folder), edition);
        var checker = new QcChecker(QcProfile.Default, dictionary);
        var cases = new Dictionary<string, int>(StringComparer.Ordinal);
        var issues = new Dictionary<string, int>(StringComparer.Ordinal);
        var read = 0;
        foreach (var record in CaseCsvReader.ReadFile(path))
        {
            read++;
            var result = checker.Check(record);
            Assert.Equal(QcStatus.Rejected, result.Status); // no hospital, dates or cost in these files
            foreach (var issue in result.Issues)
            {
                issues[issue.Code] = issues.TryGetValue(issue.Code, out var n) ? n + 1 : 1;
            }

            foreach (var code in result.Issues.Select(i => i.Code).Distinct())
            {
                cases[code] = cases.TryGetValue(code, out var n) ? n + 1 : 1;
            }
        }

        Assert.Equal(rows, read);
        foreach (var code in Completeness)
        {
            Assert.Equal((rows, rows), (cases[code], issues[code]));
        }

        var actual = string.Join(" ", issues.Keys.Where(k => Array.IndexOf(Completeness, k) < 0)
            .OrderByDescending(k => issues[k]).ThenBy(k => k, StringComparer.Ordinal)
            .Select(k => k + "=" + cases[k] + "/" + issues[k]));
        Assert.Equal(Order(expected), actual);
    }

    [Fact]
    public void The_national_dictionaries_load_with_their_documented_sizes()
    {
        var yb20 = QcCodeDictionary.Load(SharedData.Require("data/codes-2.0"), "yb2.0");
        // 33 307 and 13 686 lines (`grep -c ''`; `wc -l` says one less each: the last line has no newline), all distinct codes.
        Assert.Equal((33_307, 13_686, 4), (yb20.DiagnosisCount, yb20.ProcedureCount, yb20.CrosswalkCount));
        Assert.True(yb20.GrayDiagnosisCount > 2_000 && yb20.GrayProcedureCount > 2_000);
        Assert.True(yb20.IsGrayDiagnosis("A00.000") && yb20.IsGrayProcedure("47.0900") && !yb20.IsGrayProcedure("47.0901"));
        var yb10 = QcCodeDictionary.Load(SharedData.Require("data/codes"), "yb1.0");
        Assert.Equal(0, yb10.GrayDiagnosisCount + yb10.CrosswalkCount);
    }

    [Fact]
    public void A_医保版1_0_code_outside_2_0_is_mapped_by_the_national_crosswalk()
    {
        var yb20 = QcCodeDictionary.Load(SharedData.Require("data/codes-2.0"), "yb2.0");
        var c = new InpatientCase { CaseId = "C1", MainDiagnosis = DiagnosisCode.Parse("J18.900"), SecondaryDiagnoses = new[] { DiagnosisCode.Parse("A18.300x009") } };
        var issue = Assert.Single(new QcChecker(QcProfile.Default, yb20).Check(c).Issues, i => i.Code == "QC_DX_EDITION_MAPPED");
        Assert.Equal("A18.300x009+K93.0*", issue.Value);
    }

    /// <summary>The expected text ordered as the test orders it (issues descending, then code).</summary>
    private static string Order(string expected) => string.Join(" ", expected.Split(' ')
        .Select(p => (Text: p, Issues: int.Parse(p.Split('/')[1], System.Globalization.CultureInfo.InvariantCulture), Code: p.Split('=')[0]))
        .OrderByDescending(p => p.Issues).ThenBy(p => p.Code, StringComparer.Ordinal).Select(p => p.Text));
}
