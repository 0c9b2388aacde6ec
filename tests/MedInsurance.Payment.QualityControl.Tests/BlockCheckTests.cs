using System;
using System.Collections.Generic;
using System.Linq;
using MedInsurance.Payment.Cases;
using MedInsurance.Payment.Interchange;
using MedInsurance.Payment.TestSupport;
using MedInsurance.Payment.Validation;

namespace MedInsurance.Payment.QualityControl.Tests;

/// <summary>
/// <see cref="QcChecker.Check(IReadOnlyList{ReadRecord{InpatientCase}}, int, int, QcCaseResult[])"/> (a run of records, its
/// code table read ahead) gives each record the result that checking it alone gives, in its own place.
/// </summary>
public sealed class BlockCheckTests
{
    [Fact]
    public void A_run_of_records_is_checked_as_each_record_alone()
    {
        var dictionary = QcCodeDictionary.Load(SharedData.Require("data/codes-2.0"), "yb2.0");
        var profile = QcProfile.Parse("{ \"name\": \"test\", \"version\": \"1\", \"lists\": [\"demo-qc-lists.csv\"] }", "test.json", QcTestCases.DemoFolder);
        var checker = new QcChecker(profile, dictionary);

        // The golden cases (gray codes, symptoms as main, one code in no dictionary) and, between them, a row the reader
        // could not build, a code too long to pack (one of the 医保版2.0 codes over 15 characters), and a case without codes.
        var records = CaseCsvReader.ReadFile(SharedData.Require("golden/chs-drg-1.1/cases.csv")).Take(700).ToList();
        var unbuilt = new ReadRecord<InpatientCase>(9001, "X1", null, new[] { new ValidationIssue("ROW_MALFORMED", "row", IssueSeverity.Error, "行格式错误", "Malformed row") });
        var longCode = new ReadRecord<InpatientCase>(9002, "X2", QcTestCases.Clean() with { SecondaryDiagnoses = new[] { QcTestCases.Dx(dictionary.Diagnoses.First(c => c.Length > 15)) } }, Array.Empty<ValidationIssue>());
        var noCodes = new ReadRecord<InpatientCase>(9004, "X4", QcTestCases.Clean() with { MainDiagnosis = default, SecondaryDiagnoses = Array.Empty<DiagnosisCode>() }, Array.Empty<ValidationIssue>());
        records.Insert(3, unbuilt);
        records.Insert(70, longCode);
        records.Insert(130, noCodes);

        var alone = records.Select(r => Text(checker.Check(r))).ToArray();
        Assert.Contains(alone, t => t.Contains("QC_DX_GRAY", StringComparison.Ordinal));
        Assert.Contains(alone, t => t.Contains("QC_DX_NOT_IN_DICTIONARY", StringComparison.Ordinal));
        foreach (var run in new[] { 1, 7, 64, 1000 })
        {
            var results = new QcCaseResult[records.Count + 5];
            for (var first = 0; first < records.Count; first += run)
            {
                checker.Check(records, first, Math.Min(run, records.Count - first), results);
            }

            Assert.Equal(alone, results.Take(records.Count).Select(Text));
            Assert.All(results.Skip(records.Count), r => Assert.Null(r)); // nothing written outside the records' places
        }
    }

    [Fact]
    public void A_run_outside_the_records_or_the_results_is_refused()
    {
        var checker = QcTestCases.Checker();
        var records = new[] { new ReadRecord<InpatientCase>(1, "C1", QcTestCases.Clean(), Array.Empty<ValidationIssue>()) };
        Assert.Throws<ArgumentOutOfRangeException>(() => checker.Check(records, 0, 2, new QcCaseResult[2]));
        Assert.Throws<ArgumentOutOfRangeException>(() => checker.Check(records, 0, 1, Array.Empty<QcCaseResult>()));
        Assert.Throws<ArgumentOutOfRangeException>(() => checker.Check(records, -1, 1, new QcCaseResult[1]));
        Assert.Throws<ArgumentNullException>(() => checker.Check(records, 0, 1, null!));
    }

    private static string Text(QcCaseResult result) =>
        result.StatusText + ": " + string.Join(" ", result.Issues.Select(i => i.ToCompactString() + "=" + i.Value + "/" + i.Severity));
}
