using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using MedInsurance.Payment.Cases;
using MedInsurance.Payment.Interchange;
using MedInsurance.Payment.TestSupport;

namespace MedInsurance.Payment.QualityControl.Tests;

/// <summary>
/// The case reader reads a checker's dictionary codes with their facts (<see cref="QcChecker.Vocabulary"/>) and notes them
/// per row; the check then takes them from those hints instead of looking the codes up again. The findings must be those of
/// the check without hints — gray codes, sex, age and main-diagnosis lists, codes of other editions — and a hint must only
/// ever be taken for the very string and row it names.
/// </summary>
public sealed class ReaderHintTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Checks_and_tallies_with_the_readers_hints_find_what_they_find_without(int threads)
    {
        var dictionary = QcCodeDictionary.Load(SharedData.Require("data/codes-2.0"), "yb2.0");
        var checker = new QcChecker(QcProfile.Parse("{ \"name\": \"test\", \"version\": \"1\", \"lists\": [\"demo-qc-lists.csv\"] }", "test.json", QcTestCases.DemoFolder), dictionary);
        Assert.NotNull(checker.Vocabulary);

        // 医保版2.0 codes drawn to meet the lists (sex, age, not-main) and the gray codes, some in lower case (not in the
        // vocabulary: looked up as before), and the golden cases' 1.0 codes (mapped by the crosswalks, or in no dictionary).
        var files = new[] { Synthetic(new Random(5), 4_000, dictionary), File.ReadAllBytes(SharedData.Require("golden/chs-drg-1.1/cases.csv")) };
        var seen = new HashSet<string>(StringComparer.Ordinal);
        long hinted = 0, unhinted = 0;
        foreach (var bytes in files)
        {
            // What the check finds on the records read without a vocabulary (each record alone, no hints).
            using var plainStream = new MemoryStream(bytes);
            var expected = CaseCsvReader.Read(plainStream, CsvReadOptions.Default, null).ToDictionary(r => r.RowNumber, r => Text(checker.Check(r)));
            var gate = new object();
            var withHints = new QcTally();
            var without = new QcTally();
            using var stream = new MemoryStream(bytes);
            CaseCsvReader.ReadInParallel(
                stream,
                CsvReadOptions.Default,
                null,
                threads,
                _ => 0,
                (_, _) => { },
                (records, first, count, hints) =>
                {
                    Assert.NotNull(hints);
                    var results = new QcCaseResult[records.Count];
                    var statuses = new QcStatus[records.Count];
                    var tally = new QcTally();
                    checker.Check(records, first, count, results, hints);
                    checker.Tally(records, first, count, tally, statuses, hints);
                    var plain = new QcTally();
                    for (var i = first; i < first + count; i++)
                    {
                        var alone = checker.Check(records[i]);
                        Assert.Equal(expected[records[i].RowNumber], Text(results[i]));
                        Assert.Equal(Text(alone), Text(results[i]));
                        Assert.Equal(alone.Status, statuses[i]);
                        plain.Add(records[i], alone);
                        foreach (var issue in alone.Issues)
                        {
                            lock (seen)
                            {
                                seen.Add(issue.Code);
                            }
                        }

                        foreach (var code in records[i].Value is { } c ? c.AllDiagnoses().Select(d => d.Value).Concat(c.AllProcedures().Select(p => p.Value)) : Enumerable.Empty<string>())
                        {
                            Interlocked.Increment(ref hints!.TryGet(records[i].RowNumber, code, out _) ? ref hinted : ref unhinted);
                        }
                    }

                    lock (gate)
                    {
                        withHints.Add(tally);
                        without.Add(plain);
                    }
                },
                checker.Vocabulary);

            Assert.Equal(Rules(without), Rules(withHints));
            Assert.Equal((without.Cases, without.Accepted, without.Warned, without.Rejected), (withHints.Cases, withHints.Accepted, withHints.Warned, withHints.Rejected));
        }

        // Not trivially equal: the facts the hints carry decide these findings.
        foreach (var rule in new[] { "QC_DX_GRAY", "QC_PX_GRAY", "QC_DX_SEX_CONFLICT", "QC_PX_SEX_CONFLICT", "QC_DX_AGE_CONFLICT", "QC_DX_MAIN_NOT_ALLOWED", "QC_DX_EDITION_MAPPED", "QC_DX_NOT_IN_DICTIONARY" })
        {
            Assert.Contains(rule, seen);
        }

        Assert.True(hinted > 5_000 && unhinted > 500, hinted + " codes with hints, " + unhinted + " without");
    }

    [Fact]
    public void A_hint_is_taken_only_for_the_very_string_and_row_it_names()
    {
        var dictionary = QcCodeDictionary.Load(SharedData.Require("data/codes-2.0"), "yb2.0");
        var checker = new QcChecker(QcProfile.Parse("{ \"name\": \"test\", \"version\": \"1\", \"lists\": [\"demo-qc-lists.csv\"] }", "test.json", QcTestCases.DemoFolder), dictionary);
        var gray = dictionary.Diagnoses.First(c => dictionary.IsGrayDiagnosis(c) && c.Length <= 15 && !c.Contains('*', StringComparison.Ordinal));
        Assert.True(checker.Vocabulary!.Diagnoses.TryGet(Encoding.ASCII.GetBytes(gray), out _, out _, out var grayTag));

        var clean = QcTestCases.Clean();
        var main = clean.MainDiagnosis.Value;
        Assert.False(dictionary.IsGrayDiagnosis(main));
        var records = new[] { new ReadRecord<InpatientCase>(7, "C7", clean, InpatientCaseValidator.Validate(clean).ToArray()) };
        Assert.DoesNotContain("QC_DX_GRAY", Text(checker.Check(records[0])), StringComparison.Ordinal);

        // A (false) gray tag for this case's own string is taken: proof that the check reads the hint, not its table.
        var hints = new CaseCodeHints();
        hints.Begin(7);
        hints.Add(main, grayTag);
        Assert.Contains("QC_DX_GRAY", Checked(checker, records, hints), StringComparison.Ordinal);

        // The same text in another string, or the hint of another row, is not taken.
        hints.Begin(7);
        hints.Add(new string(main.ToCharArray()), grayTag);
        Assert.DoesNotContain("QC_DX_GRAY", Checked(checker, records, hints), StringComparison.Ordinal);
        hints.Begin(7 + CaseCodeHints.Rows);
        hints.Add(main, grayTag);
        Assert.DoesNotContain("QC_DX_GRAY", Checked(checker, records, hints), StringComparison.Ordinal);
    }

    private static string Checked(QcChecker checker, ReadRecord<InpatientCase>[] records, CaseCodeHints hints)
    {
        var results = new QcCaseResult[1];
        checker.Check(records, 0, 1, results, hints);
        return Text(results[0]);
    }

    /// <summary>Cases whose codes meet the demo lists and the gray lists often, some written in lower case.</summary>
    private static byte[] Synthetic(Random random, int rows, QcCodeDictionary dictionary)
    {
        var dx = dictionary.Diagnoses.OrderBy(c => c, StringComparer.Ordinal).ToArray(); // with the dagger–asterisk pairs over 15 bytes (not in the vocabulary)
        var px = dictionary.Procedures.OrderBy(c => c, StringComparer.Ordinal).ToArray();
        var listed = dx.Where(c => c.StartsWith('O') || c.StartsWith('P') || c.StartsWith("C61", StringComparison.Ordinal) || c.StartsWith("N40", StringComparison.Ordinal)
            || c.StartsWith("C53", StringComparison.Ordinal) || c.StartsWith("Z37", StringComparison.Ordinal) || dictionary.IsGrayDiagnosis(c)).ToArray();
        var listedPx = px.Where(c => c.StartsWith("68.4", StringComparison.Ordinal) || c.StartsWith("74.0", StringComparison.Ordinal) || c.StartsWith("60.5", StringComparison.Ordinal) || dictionary.IsGrayProcedure(c)).ToArray();
        // 医保版1.0 codes that the crosswalk maps to one 2.0 code (QC_DX_EDITION_MAPPED): not in the vocabulary.
        var older = File.ReadLines(Path.Combine(SharedData.Require("data/codes-2.0"), "ZD_YB10_TO_YB20.dat"))
            .Select(line => line.Split(' ', '\t')[0])
            .Where(c => !dictionary.ContainsDiagnosis(c) && dictionary.Map(c, CodeKind.Diagnosis, out _) == 1)
            .Take(500)
            .ToArray();
        Assert.NotEmpty(older);
        string Pick(string[] all, string[] often) => random.Next(3) == 0 ? often[random.Next(often.Length)] : random.Next(15) == 0 && all == dx ? older[random.Next(older.Length)] : all[random.Next(all.Length)];
        string Written(string code) => random.Next(12) == 0 ? code.ToLowerInvariant() : code;

        var text = new StringBuilder("id,hospital_id,sex,age,age_days,admission_date,discharge_date,los,discharge_type,diagnoses,procedures,total_cost\n");
        for (var i = 1; i <= rows; i++)
        {
            var diagnoses = Enumerable.Range(0, 1 + random.Next(4)).Select(_ => Written(Pick(dx, listed)));
            var procedures = Enumerable.Range(0, random.Next(3)).Select(_ => Written(Pick(px, listedPx)));
            var age = random.Next(4) == 0 ? 0 : random.Next(1, 90);
            text.Append('C').Append(i.ToString(CultureInfo.InvariantCulture)).Append(",H").Append(random.Next(5).ToString(CultureInfo.InvariantCulture))
                .Append(',').Append(random.Next(1, 3).ToString(CultureInfo.InvariantCulture))
                .Append(',').Append(age.ToString(CultureInfo.InvariantCulture))
                .Append(',').Append(age == 0 ? random.Next(1, 365).ToString(CultureInfo.InvariantCulture) : string.Empty)
                .Append(",2025-03-01,2025-03-09,8,1,")
                .Append(string.Join("|", diagnoses)).Append(',').Append(string.Join("|", procedures)).Append(",1234.50\n");
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static string Text(QcCaseResult result) =>
        result.StatusText + ": " + string.Join(" ", result.Issues.Select(i => i.ToCompactString() + "=" + i.Value + "/" + i.Severity));

    private static List<string> Rules(QcTally tally) =>
        tally.ByRule().Select(r => r.Code + ":" + r.Cases + "/" + r.Issues + "/" + r.SeverityText).ToList();
}
