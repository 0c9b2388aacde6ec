using System;
using System.Collections.Generic;
using System.Linq;
using MedInsurance.Payment.Cases;
using MedInsurance.Payment.Interchange;
using MedInsurance.Payment.TestSupport;
using MedInsurance.Payment.Validation;

namespace MedInsurance.Payment.QualityControl.Tests;

/// <summary>
/// <see cref="QcChecker.Tally(ReadRecord{InpatientCase}, QcTally)"/> counts a record without building its issues; the counts
/// must be those of <see cref="QcTally.Add(ReadRecord{InpatientCase}, QcCaseResult)"/> on the result
/// <see cref="QcChecker.Check(ReadRecord{InpatientCase})"/> builds, whatever the profile switches off or regrades.
/// </summary>
public sealed class QcTallyTests
{
    [Fact]
    public void Three_hand_made_records_are_counted_by_rule_hospital_and_conclusion()
    {
        // Hand-counted: C1 clean (accepted); C2 a symptom as main beside a definite diagnosis (warning), plus the reader's
        // FIELD_INVALID(age) as info; C3 no hospital (error) and the same code twice (DX_DUPLICATED, warning). A row the
        // reader could not build keeps its ROW_MALFORMED error under the empty hospital.
        var checker = QcTestCases.Checker();
        var symptom = QcTestCases.Clean() with { CaseId = "C2", MainDiagnosis = QcTestCases.Dx("R50.900"), SecondaryDiagnoses = new[] { QcTestCases.Dx("J18.900") } };
        var noHospital = QcTestCases.Clean() with { CaseId = "C3", HospitalId = " ", SecondaryDiagnoses = new[] { QcTestCases.Dx("J18.900") } };
        var records = new[]
        {
            Record(1, QcTestCases.Clean()),
            Record(2, symptom, new ValidationIssue(IssueCodes.FieldInvalid, "age", IssueSeverity.Info, "年龄无法读取", "Age unreadable")),
            Record(3, noHospital),
            new ReadRecord<InpatientCase>(4, "X", null, new[] { new ValidationIssue("ROW_MALFORMED", "row", IssueSeverity.Error, "行格式错误", "Malformed row") }),
        };

        var tally = new QcTally();
        var statuses = records.Select(r => checker.Tally(r, tally)).ToArray();

        Assert.Equal(new[] { QcStatus.Accepted, QcStatus.Warning, QcStatus.Rejected, QcStatus.Rejected }, statuses);
        Assert.Equal((4L, 1L, 1L, 2L, 5L), (tally.Cases, tally.Accepted, tally.Warned, tally.Rejected, tally.Issues));
        Assert.Equal(
            new[] { "DX_DUPLICATED:1/1/warning", "FIELD_INVALID:1/1/info", "QC_DX_MAIN_SYMPTOM:1/1/warning", "QC_HOSPITAL_MISSING:1/1/error", "ROW_MALFORMED:1/1/error" },
            Rules(tally));
        Assert.Equal(new[] { ":1/1/0/0/1", " :1/2/0/0/1", "H1:2/2/1/1/0" }, Hospitals(tally));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("{ \"QC_DX_GRAY\": { \"enabled\": false }, \"DX_DUPLICATED\": { \"enabled\": false }, \"LOS_MISMATCH\": { \"severity\": \"error\" }, \"QC_DX_MAIN_SYMPTOM\": { \"severity\": \"info\" } }")]
    public void Counting_without_issues_gives_the_counts_of_the_built_results(string? rules)
    {
        var json = "{ \"name\": \"test\", \"version\": \"1\", \"lists\": [\"demo-qc-lists.csv\"]" + (rules is null ? string.Empty : ", \"rules\": " + rules) + " }";
        var checker = new QcChecker(QcProfile.Parse(json, "test.json", QcTestCases.DemoFolder), QcCodeDictionary.Load(SharedData.Require("data/codes-2.0"), "yb2.0"));
        var records = Records();

        var built = new QcTally();
        var builtStatuses = records.Select(r => built.Add(r, checker.Check(r))).ToArray();
        var counted = new QcTally();
        var countedStatuses = new QcStatus[records.Count];
        foreach (var run in new[] { 1, 7, 64 })
        {
            counted = new QcTally();
            for (var first = 0; first < records.Count; first += run)
            {
                checker.Tally(records, first, Math.Min(run, records.Count - first), counted, countedStatuses);
            }

            Assert.Equal(builtStatuses, countedStatuses);
            Assert.Equal((built.Cases, built.Accepted, built.Warned, built.Rejected, built.Issues), (counted.Cases, counted.Accepted, counted.Warned, counted.Rejected, counted.Issues));
            Assert.Equal(Rules(built), Rules(counted));
            Assert.Equal(Hospitals(built), Hospitals(counted));
        }

        // Not trivially equal: warnings and errors occur, a rule counts more issues than cases, reader codes are counted.
        Assert.True(built.Warned > 0 && built.Rejected > 0);
        Assert.Contains(built.ByRule(), r => r.Issues > r.Cases);
        Assert.Contains(built.ByRule(), r => r.Code == "FIELD_INVALID");
        Assert.Equal(rules is null, Rules(counted).Any(r => r.StartsWith("QC_DX_GRAY:", StringComparison.Ordinal)));
    }

    [Fact]
    public void Tallies_of_parts_added_up_are_the_tally_of_the_whole()
    {
        var checker = QcTestCases.Checker(dictionary: true);
        var records = Enumerable.Range(0, 300).Select(i => Record(i, QcTestCases.Clean() with
        {
            CaseId = "C" + i,
            HospitalId = "H" + (i % 7),
            Sex = i % 3 == 0 ? Sex.Female : Sex.Male,
            MainDiagnosis = QcTestCases.Dx(i % 5 == 0 ? "R50.900" : i % 5 == 1 ? "N40.x00" : i % 5 == 2 ? "A00.000" : "J18.900"),
        })).ToList();
        var whole = new QcTally();
        var parts = new[] { new QcTally(), new QcTally(), new QcTally() };
        for (var i = 0; i < records.Count; i++)
        {
            checker.Tally(records[i], whole);
            checker.Tally(records[i], parts[i % 3]);
        }

        var sum = new QcTally();
        foreach (var part in parts)
        {
            sum.Add(part);
        }

        Assert.Equal(Rules(whole), Rules(sum));
        Assert.Equal(Hospitals(whole), Hospitals(sum));
        Assert.Equal((whole.Cases, whole.Accepted, whole.Warned, whole.Rejected, whole.Issues), (sum.Cases, sum.Accepted, sum.Warned, sum.Rejected, sum.Issues));
        Assert.True(whole.Rejected > 0 && whole.Warned > 0 && whole.Accepted > 0);
        Assert.Throws<ArgumentException>(() => sum.Add(sum));
    }

    [Fact]
    public void Every_rule_has_a_bit_of_a_cases_rules_seen()
    {
        // The counting sink marks the rules a case already has in one 64-bit word (QcChecker.Counting): a 65th rule would
        // stop every checker from being built. Add a second word before adding it.
        Assert.InRange(QcRules.All.Count, 1, 64);
    }

    [Fact]
    public void A_run_outside_the_records_or_the_statuses_is_refused()
    {
        var checker = QcTestCases.Checker();
        var records = new[] { Record(1, QcTestCases.Clean()) };
        Assert.Throws<ArgumentOutOfRangeException>(() => checker.Tally(records, 0, 2, new QcTally(), new QcStatus[2]));
        Assert.Throws<ArgumentOutOfRangeException>(() => checker.Tally(records, 0, 1, new QcTally(), Array.Empty<QcStatus>()));
        Assert.Throws<ArgumentNullException>(() => checker.Tally(records, 0, 1, null!, new QcStatus[1]));
        Assert.Throws<ArgumentOutOfRangeException>(() => checker.Tally(records, 1, int.MaxValue, new QcTally(), new QcStatus[1])); // no overflow
    }

    /// <summary>The golden cases and, between them, rows that take the other paths: not built, a reader issue with an unread
    /// field, the basic rules' issues (a code twice, a stay that does not match its dates).</summary>
    private static List<ReadRecord<InpatientCase>> Records()
    {
        var records = CaseCsvReader.ReadFile(SharedData.Require("golden/chs-drg-1.1/cases.csv")).Take(600).ToList();
        var twice = QcTestCases.Clean() with { CaseId = "T1", SecondaryDiagnoses = new[] { QcTestCases.Dx("I10.x00x002"), QcTestCases.Dx("I10.x00x002"), QcTestCases.Dx("I10.x00x002") } };
        var longer = QcTestCases.Clean() with { CaseId = "T2", LengthOfStayDays = 9 };
        records.Insert(5, new ReadRecord<InpatientCase>(9001, "X1", null, new[] { new ValidationIssue("ROW_MALFORMED", "row", IssueSeverity.Error, "行格式错误", "Malformed row") }));
        records.Insert(40, Record(9002, twice));
        records.Insert(80, Record(9003, longer));
        records.Insert(120, Record(9004, QcTestCases.Clean() with { AgeYears = 0 }, new ValidationIssue(IssueCodes.FieldInvalid, "age", IssueSeverity.Warning, "年龄无法读取", "Age unreadable")));
        return records;
    }

    /// <summary>A record as the reader gives it: the reader's own issues, then the basic rule set's.</summary>
    private static ReadRecord<InpatientCase> Record(int row, InpatientCase value, params ValidationIssue[] readerIssues) =>
        new(row, value.CaseId, value, readerIssues.Concat(InpatientCaseValidator.Validate(value)).ToArray());

    private static List<string> Rules(QcTally tally) =>
        tally.ByRule().Select(r => r.Code + ":" + r.Cases + "/" + r.Issues + "/" + r.SeverityText).ToList();

    private static List<string> Hospitals(QcTally tally) =>
        tally.ByHospital().Select(h => h.HospitalId + ":" + h.Cases + "/" + h.Issues + "/" + h.Accepted + "/" + h.Warned + "/" + h.Rejected).ToList();
}
