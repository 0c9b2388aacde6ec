using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using FsCheck.Xunit;
using MedInsurance.Payment.Cases;
using MedInsurance.Payment.Interchange;
using MedInsurance.Payment.Validation;

namespace MedInsurance.Payment.Core.Tests;

/// <summary>
/// <see cref="CaseCsvReader.ReadInParallel{TResult}(Stream, CsvReadOptions, CaseHeaderMap, int, Func{IReadOnlyList{ReadRecord{InpatientCase}}, TResult}, Action{IReadOnlyList{ReadRecord{InpatientCase}}, TResult})"/>: rows split on one thread, converted on several, handed back in
/// order. The records must be those of the one-thread reader, row for row, whatever the thread count — on files of
/// several blocks with broken rows, repeated ids in different blocks, and an encoding decided in the middle of the file.
/// </summary>
public sealed class ParallelCaseReaderTests
{
    private const string Header = "id,hospital_id,fund,sex,age,age_days,birth_weight_g,los,admission_date,discharge_date,discharge_type,diagnoses,procedures,total_cost,drug_cost,payment_method";

    private static readonly string[] Rows =
    {
        "{0},H01,employee,1,64,,,14,2025-01-01,2025-01-15,1,G70.800x001|B49.x00x021|H25.002,,1000.00,\"1,000.00\",drg",
        "{0},H02,resident,2,0,10,3200,5,2025/02/01,20250206,1,P07.300|O69.802,65.7900x009|47.0900x001,12.5,,dip",
        "\"{0}\",\"H 03\",\"resident\",1,40,,,3,,,9,\"K35.800x002\",\"47.0900x001\",\"2,345.67\",0.01,",
        "{0},H01,employee,1,30,,,2,2025-3-1,2025-3-3,5,I10,,0,0,per_diem",
        "{0},H04,other,F,55,,,1,,,,E11.900,,-1.00,,fee_for_service",
        "{0},H05,employee,1,70,,,400000,2025-01-01,2025-01-15,7,,,abc,,drg", // field errors
        "{0},H06,\"employee,1,70", // unterminated quote: rejects this line only
        "{0},H07,employee,1,70,,,3", // too few fields
    };

    [Property(MaxTest = 12)]
    public void Records_are_those_of_the_one_thread_reader_whatever_the_thread_count(int seed)
    {
        foreach (var gb18030Tail in new[] { false, true })
        {
            // More rows than the pool of blocks holds (2 × 3 + 1 blocks of 1 024), so the converting threads start before the splitter reaches the end.
            var bytes = File(new Random(seed), 8_200 + Math.Abs(seed % 1_500), gb18030Tail);
            var expected = Sequential(bytes, out var expectedReport);
            foreach (var threads in new[] { 1, 2, 3 })
            {
                var (actual, report) = Parallel(bytes, threads);
                Assert.Equal(expected.Count, actual.Count);
                for (var i = 0; i < expected.Count; i++)
                {
                    Assert.Equal(expected[i], actual[i]);
                }

                Assert.Equal(expectedReport, report.ToString());
            }
        }
    }

    [Fact]
    public void A_repeated_id_is_found_across_blocks_and_an_encoding_decided_late_applies_to_later_blocks()
    {
        var gb = Gb18030();
        var text = new StringBuilder(Header).Append('\n');
        for (var i = 1; i <= 6_000; i++)
        {
            text.AppendFormat(CultureInfo.InvariantCulture, Rows[0], "C" + i.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        text.AppendFormat(CultureInfo.InvariantCulture, Rows[0], "C7").Append('\n'); // the id of row 7, in the sixth block (after the pool of blocks has been used once)
        text.Append(string.Format(CultureInfo.InvariantCulture, Rows[0], "住院甲").Replace("H01", "医院一", StringComparison.Ordinal)).Append('\n');
        var bytes = gb.GetBytes(text.ToString());

        var (records, report) = Parallel(bytes, 2);

        Assert.Equal(6_002, records.Count);
        Assert.Contains("CASE_ID_DUPLICATED", records[6_000]);
        Assert.DoesNotContain("CASE_ID_DUPLICATED", records[6]);
        Assert.StartsWith("6002|住院甲|accepted", records[6_001], StringComparison.Ordinal); // decoded as GB18030, decided at that row
        Assert.Contains("|case:医院一,", records[6_001], StringComparison.Ordinal); // and so is the rest of the row, on the converting thread
        Assert.Contains("gb18030", report.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void An_exception_in_transform_reaches_the_caller_and_no_later_block_is_consumed()
    {
        var bytes = File(new Random(1), 5_000, gb18030Tail: false);
        var consumed = new List<int>();
        using var stream = new MemoryStream(bytes);
        var e = Assert.Throws<InvalidOperationException>(() => CaseCsvReader.ReadInParallel(
            stream,
            CsvReadOptions.Default,
            null,
            2,
            block => block[0].RowNumber > 2_000 ? throw new InvalidOperationException("block failed") : block.Count,
            (block, _) => consumed.Add(block[0].RowNumber)));
        Assert.Equal("block failed", e.Message);
        Assert.Equal(new[] { 1, 1_025 }, consumed);
    }

    [Fact]
    public void An_exception_in_consume_stops_the_reading_threads()
    {
        var bytes = File(new Random(2), 20_000, gb18030Tail: false);
        var transformed = 0;
        using var stream = new MemoryStream(bytes);
        Assert.Throws<IOException>(() => CaseCsvReader.ReadInParallel(
            stream,
            CsvReadOptions.Default,
            null,
            2,
            block => Interlocked.Increment(ref transformed),
            (block, _) => throw new IOException("disk full")));

        // At most the pool of blocks (2 × threads + 1) was converted before the failure stopped the splitter.
        Assert.InRange(transformed, 1, 5);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Every_record_is_handed_to_converted_once_in_runs_of_at_most_64_on_its_thread_before_its_block_is_transformed(int threads)
    {
        // 5 000 rows: four whole blocks of 1 024 and one of 904 (not a multiple of 64: its last run is shorter).
        var bytes = File(new Random(3), 5_000, gb18030Tail: false);
        var seen = new System.Collections.Concurrent.ConcurrentDictionary<int, int>(); // row → times handed over
        var runsOfBlock = new System.Collections.Concurrent.ConcurrentDictionary<int, (int Thread, int Next)>(); // first row of a block → its converting thread, next index
        var expected = Sequential(bytes, out _);
        var described = new List<string>();
        using var stream = new MemoryStream(bytes);
        CaseCsvReader.ReadInParallel(
            stream,
            CsvReadOptions.Default,
            null,
            threads,
            block =>
            {
                // Every run of this block came before, on this thread, in order, and covered the block.
                Assert.Equal((Environment.CurrentManagedThreadId, block.Count), runsOfBlock[block[0].RowNumber]);
                return block.Select(Describe).ToList();
            },
            (block, texts) => described.AddRange(texts),
            converted: (block, first, count, hints) =>
            {
                Assert.InRange(count, 1, 64);
                Assert.True(first + count <= block.Count, "a run is within the records converted so far");
                var key = block[0].RowNumber;
                var (thread, next) = first == 0 ? (Environment.CurrentManagedThreadId, 0) : runsOfBlock[key];
                Assert.Equal((Environment.CurrentManagedThreadId, next), (thread, first));
                runsOfBlock[key] = (thread, first + count);
                for (var i = first; i < first + count; i++)
                {
                    seen.AddOrUpdate(block[i].RowNumber, 1, (_, n) => n + 1);
                }
            },
            vocabulary: null);

        Assert.Equal(expected, described);
        Assert.Equal(expected.Count, seen.Count);
        Assert.All(seen.Values, n => Assert.Equal(1, n));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void A_code_vocabulary_changes_no_record_and_notes_the_tag_of_each_code_it_holds(int threads)
    {
        var diagnoses = new Dictionary<string, ulong>(StringComparer.Ordinal) { ["G70.800x001"] = 11, ["H25.002"] = 12, ["K35.800x002"] = 13, ["I10"] = 14, ["P07.300"] = 15 };
        var procedures = new Dictionary<string, ulong>(StringComparer.Ordinal) { ["47.0900x001"] = 21 };
        // Not held: text the reader would write otherwise (lower case), no code at all, too long for an entry.
        var vocabulary = new CaseCodeVocabulary(
            diagnoses.Concat(new Dictionary<string, ulong> { ["h25.002"] = 91, ["NOT A CODE"] = 92, ["G70.800x001+G73.1*"] = 93 }),
            procedures.Concat(new Dictionary<string, ulong> { ["47.0900X001"] = 94 }));
        Assert.Equal((5, 1), (vocabulary.Diagnoses.Count, vocabulary.Procedures.Count));

        // The generated rows use held codes (G70…, K35…, P07…, 47.09…) and others (B49…, O69…, 65.79…, E11…).
        var bytes = File(new Random(11), 5_000, gb18030Tail: true);
        var expected = Sequential(bytes, out var expectedReport);
        long hinted = 0, unhinted = 0;
        var (described, report) = ParallelWithVocabulary(
            bytes,
            threads,
            vocabulary,
            (record, hints) =>
            {
                Assert.NotNull(hints);
                if (record.Value is not { } c)
                {
                    return;
                }

                foreach (var (text, held) in c.AllDiagnoses().Select(d => (d.Value, diagnoses))
                    .Concat(c.AllProcedures().Select(p => (p.Value, procedures))))
                {
                    // A held code has its own tag; any other code has none.
                    var found = hints!.TryGet(record.RowNumber, text, out var tag);
                    Assert.Equal(held.ContainsKey(text), found);
                    if (found)
                    {
                        Assert.Equal(held[text], tag);
                        Interlocked.Increment(ref hinted);
                    }
                    else
                    {
                        Interlocked.Increment(ref unhinted);
                    }

                    // Only for the row that read it: the row whose place in the ring this row took has no hint left.
                    Assert.False(hints.TryGet(record.RowNumber - CaseCodeHints.Rows, text, out _));
                }
            });

        Assert.Equal(expected, described);
        Assert.Equal(expectedReport, report.ToString());
        Assert.True(hinted > 1_000 && unhinted > 1_000, hinted + " codes with hints, " + unhinted + " without");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void Split_code_columns_and_long_code_lists_read_the_same_with_a_vocabulary_and_hint_at_most_eight_codes_a_row(int threads)
    {
        var known = new[] { "A01.000", "A02.000", "A03.000", "A04.000", "A05.000", "A06.000", "A07.000", "A08.000", "A09.000", "A15.000" };
        var vocabulary = new CaseCodeVocabulary(known.Select((c, i) => new KeyValuePair<string, ulong>(c, (ulong)i + 1)), new Dictionary<string, ulong> { ["47.0900x001"] = 99 });
        Assert.Equal(10, vocabulary.Diagnoses.Count);
        var text = new StringBuilder("id,main_diagnosis,other_diagnoses,main_procedure,other_procedures\n");
        for (var i = 1; i <= 3_000; i++)
        {
            text.Append('C').Append(i.ToString(CultureInfo.InvariantCulture)).Append(',').Append((i % 6) switch
            {
                0 => "A01.000,A02.000|a03.000|B00.100,47.0900x001,47.0900x001|47.0900x001", // a lower-case code (not held), a repeated procedure
                1 => "A01.000|A02.000,A03.000,,47.0900x001", // two codes in the main column: invalid, the main one's list cleared
                2 => "A01.000," + string.Join("|", known.Skip(1)) + "|A01.000,,", // eleven known codes: hints for the first eight
                3 => ",A05.000|A06.000,47.0900x001,", // no main diagnosis
                4 => "Ａ01.000,A07.000,,", // full-width: read from the decoded text, not the vocabulary
                _ => "A08.000,,47.0900x001,",
            }).Append('\n');
        }

        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        var expected = Sequential(bytes, out var expectedReport);
        var (described, report) = ParallelWithVocabulary(
            bytes,
            threads,
            vocabulary,
            (record, hints) =>
            {
                if (record.RowNumber % 6 == 2)
                {
                    // main_diagnosis, then other_diagnoses in order: the first eight codes read have hints (with their tags),
                    // the ninth and tenth none; the eleventh repeats the first, the same string, so its hint is found.
                    var c = record.Value!;
                    var codes = c.AllDiagnoses().Select(d => d.Value).ToList();
                    Assert.Equal(11, codes.Count);
                    var found = codes.Select(t => hints!.TryGet(record.RowNumber, t, out _)).ToList();
                    Assert.Equal(new[] { true, true, true, true, true, true, true, true, false, false, true }, found);
                    Assert.True(hints!.TryGet(record.RowNumber, codes[7], out var tag) && tag == 8);
                }
            });

        Assert.Equal(expected, described);
        Assert.Equal(expectedReport, report.ToString());
        Assert.Contains(expected, d => d.Contains("FIELD_INVALID:main_diagnosis", StringComparison.Ordinal));

        // Repeats among codes that all came from the vocabulary are found by reference (InternedCodes): the eleventh diagnosis
        // of rows 2, 8, … and the procedures of rows 0, 6, … are reported as the reader without a vocabulary reports them.
        Assert.Contains(described, d => d.Contains("DX_DUPLICATED:diagnoses[10]", StringComparison.Ordinal));
        Assert.Contains(described, d => d.Contains("PX_DUPLICATED:procedures[2]", StringComparison.Ordinal));
    }

    [Property(MaxTest = 20)]
    public void Repeated_codes_are_reported_alike_whether_or_not_the_codes_came_from_a_vocabulary(int seed)
    {
        // Held codes, a held code written in lower case (read through the cache: same text, another string) and in full width
        // (a non-ASCII field: every code of it parsed), codes not held; each row draws up to six of them with repeats, in
        // one column or split over main and other columns.
        var diagnoses = new[] { "A01.000", "A02.000", "A03.000", "a01.000", "Ａ01.000", "B00.100", "C01.x00" };
        var procedures = new[] { "47.0900x001", "65.7900x009", "47.0900X001", "01.0100" };
        var vocabulary = new CaseCodeVocabulary(
            diagnoses.Take(3).Select((c, i) => new KeyValuePair<string, ulong>(c, (ulong)i + 1)),
            procedures.Take(2).Select((c, i) => new KeyValuePair<string, ulong>(c, (ulong)i + 11)));
        Assert.Equal((3, 2), (vocabulary.Diagnoses.Count, vocabulary.Procedures.Count));
        var random = new Random(seed);
        string Draw(string[] pool, int most) => string.Join("|", Enumerable.Range(0, random.Next(most + 1)).Select(_ => pool[random.Next(pool.Length)]));
        var split = random.Next(2) == 0;
        var text = new StringBuilder(split ? "id,sex,age,los,main_diagnosis,other_diagnoses,main_procedure,other_procedures\n" : "id,sex,age,los,diagnoses,procedures\n");
        for (var i = 1; i <= 1_500; i++)
        {
            text.Append('C').Append(i.ToString(CultureInfo.InvariantCulture)).Append(",1,40,3,")
                .Append(split ? Draw(diagnoses, 1) + "," + Draw(diagnoses, 5) : Draw(diagnoses, 6)).Append(',')
                .Append(split ? Draw(procedures, 1) + "," + Draw(procedures, 3) : Draw(procedures, 4)).Append('\n');
        }

        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        var expected = Sequential(bytes, out var expectedReport);
        Assert.Contains(expected, d => d.Contains("DX_DUPLICATED", StringComparison.Ordinal));
        Assert.Contains(expected, d => d.Contains("PX_DUPLICATED", StringComparison.Ordinal));
        foreach (var threads in new[] { 1, 2 })
        {
            // Also against the public check of each case, which compares texts whatever the reader did: the reader without a
            // vocabulary runs the same marking code, so it alone would not show a list marked interned by mistake.
            long repeats = 0;
            var (described, report) = ParallelWithVocabulary(bytes, threads, vocabulary, (record, hints) =>
            {
                static bool IsRepeat(ValidationIssue i) => i.Code is IssueCodes.DiagnosisDuplicated or IssueCodes.ProcedureDuplicated;
                var found = record.Issues.Where(IsRepeat).Select(i => i.Code + ":" + i.Field).ToList();
                Assert.Equal(InpatientCaseValidator.Validate(record.Value!).Where(IsRepeat).Select(i => i.Code + ":" + i.Field), found);
                Interlocked.Add(ref repeats, found.Count);
            });
            Assert.Equal(expected, described);
            Assert.Equal(expectedReport, report.ToString());
            Assert.True(repeats > 100, repeats + " repeats");
        }
    }

    [Property(MaxTest = 20)]
    public void Long_code_lists_with_empty_and_bad_pieces_read_the_same_with_a_vocabulary(int seed)
    {
        // The reader prepares a row's code fields before looking their codes up (CodeProbes, performance.md change 64): lists
        // longer than its first eight places, empty pieces (a||b, a trailing |), codes not held, lower case and not codes at all
        // must come out as the reader without a vocabulary reads them, issues and their places included.
        var diagnoses = new[] { "A01.000", "A02.000", "A03.000", "a01.000", "B00.100", "", "NOT A CODE", "A01.000x001+G01*" };
        var procedures = new[] { "47.0900x001", "65.7900x009", "47.0900X001", "", "01.0100" };
        var vocabulary = new CaseCodeVocabulary(
            diagnoses.Take(3).Select((c, i) => new KeyValuePair<string, ulong>(c, (ulong)i + 1)),
            procedures.Take(2).Select((c, i) => new KeyValuePair<string, ulong>(c, (ulong)i + 11)));
        var random = new Random(seed);
        string Draw(string[] pool, int most) => string.Join("|", Enumerable.Range(0, random.Next(most + 1)).Select(_ => pool[random.Next(pool.Length)]));
        var text = new StringBuilder("id,sex,age,los,diagnoses,procedures\n");
        for (var i = 1; i <= 1_000; i++)
        {
            // Every fifth row's code fields quoted: the reader takes the unquoted bytes of the field.
            var quote = i % 5 == 0 ? "\"" : string.Empty;
            text.Append('L').Append(i.ToString(CultureInfo.InvariantCulture)).Append(",2,50,4,")
                .Append(quote).Append(Draw(diagnoses, 20)).Append(quote).Append(',')
                .Append(quote).Append(Draw(procedures, 12)).Append(quote).Append('\n');
        }

        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        var expected = Sequential(bytes, out var expectedReport);
        // Issues past the eighth place occur (the probes' first capacity).
        Assert.Contains(expected, d => Enumerable.Range(8, 13).Any(k => d.Contains("diagnoses[" + k.ToString(CultureInfo.InvariantCulture) + "]", StringComparison.Ordinal)));
        foreach (var threads in new[] { 1, 2 })
        {
            var (described, report) = ParallelWithVocabulary(bytes, threads, vocabulary, (_, _) => { });
            Assert.Equal(expected, described);
            Assert.Equal(expectedReport, report.ToString());
        }
    }

    [Fact]
    public void Repeats_are_reported_alike_once_the_cache_is_asked_before_the_vocabulary()
    {
        // 5 000 distinct lower-case codes first (each read through the cache), so that the cache holds more than
        // CaseCsvReader.LargeCache codes and is asked first; then rows mixing held codes with their lower-case forms, repeated.
        var vocabulary = new CaseCodeVocabulary(
            new[] { new KeyValuePair<string, ulong>("A01.000", 1), new KeyValuePair<string, ulong>("A02.000", 2) },
            new[] { new KeyValuePair<string, ulong>("47.0900x001", 3) });
        var text = new StringBuilder("id,sex,age,los,diagnoses,procedures\n");
        for (var i = 0; i < 5_000; i++)
        {
            text.Append('F').Append(i.ToString(CultureInfo.InvariantCulture)).Append(",1,40,3,")
                .Append((char)('b' + (i / 1_000))).Append((i % 100).ToString("00", CultureInfo.InvariantCulture)).Append('.')
                .Append((i % 1_000 / 100).ToString(CultureInfo.InvariantCulture)).Append("00,\n");
        }

        var rows = new[] { "A01.000|a01.000", "A01.000|A02.000|A01.000", "a02.000|A02.000|A01.000", "A01.000|A02.000", "A02.000|a02.000|a02.000" };
        for (var i = 0; i < 2_000; i++)
        {
            text.Append('S').Append(i.ToString(CultureInfo.InvariantCulture)).Append(",1,40,3,").Append(rows[i % rows.Length])
                .Append(',').Append(i % 3 == 0 ? "47.0900x001|47.0900x001" : "47.0900x001").Append('\n');
        }

        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        var expected = Sequential(bytes, out var expectedReport);
        long repeats = 0;
        var (described, report) = ParallelWithVocabulary(bytes, 1, vocabulary, (record, hints) =>
        {
            static bool IsRepeat(ValidationIssue i) => i.Code is IssueCodes.DiagnosisDuplicated or IssueCodes.ProcedureDuplicated;
            var found = record.Issues.Where(IsRepeat).Select(i => i.Code + ":" + i.Field).ToList();
            Assert.Equal(InpatientCaseValidator.Validate(record.Value!).Where(IsRepeat).Select(i => i.Code + ":" + i.Field), found);
            repeats += found.Count;
        });
        Assert.Equal(expected, described);
        Assert.Equal(expectedReport, report.ToString());
        Assert.Equal((400 * 5) + 667, repeats); // per five rows 1 + 1 + 1 + 0 + 2 repeated diagnoses; a repeated procedure every third row
    }

    [Fact]
    public void Threads_below_one_are_refused()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(Header + "\n"));
        Assert.Throws<ArgumentOutOfRangeException>(() => CaseCsvReader.ReadInParallel(stream, CsvReadOptions.Default, null, 0, b => 0, (b, r) => { }));
    }

    private static byte[] File(Random random, int rows, bool gb18030Tail)
    {
        var text = new StringBuilder(Header).Append('\n');
        for (var i = 1; i <= rows; i++)
        {
            // Ids repeat now and then, in the same or in another block.
            var id = random.Next(50) == 0 ? "R" + random.Next(20).ToString(CultureInfo.InvariantCulture) : "C" + i.ToString(CultureInfo.InvariantCulture);
            var row = random.Next(10) == 0 ? Rows[random.Next(Rows.Length)] : Rows[random.Next(5)];
            text.AppendFormat(CultureInfo.InvariantCulture, row, id).Append('\n');
            if (random.Next(200) == 0)
            {
                text.Append('\n');
            }
        }

        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        if (!gb18030Tail)
        {
            return bytes;
        }

        // Non-ASCII rows only after the first blocks: `auto` decides the encoding there (GB18030: these bytes are not UTF-8).
        var tail = Gb18030().GetBytes(string.Format(CultureInfo.InvariantCulture, Rows[0], "甲1").Replace("H01", "医院一", StringComparison.Ordinal) + "\n" + string.Format(CultureInfo.InvariantCulture, Rows[3], "乙2") + "\n");
        return bytes.Concat(tail).Concat(bytes.Skip(Header.Length + 1).Take(4_000)).ToArray();
    }

    private static Encoding Gb18030()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(54936);
    }

    /// <summary>Reads with a code vocabulary on <paramref name="threads"/> threads; <paramref name="each"/> sees every record
    /// with its converting thread's hints, right after its run is converted.</summary>
    private static (List<string> Records, CsvReadReport Report) ParallelWithVocabulary(byte[] bytes, int threads, CaseCodeVocabulary vocabulary, Action<ReadRecord<InpatientCase>, CaseCodeHints?> each)
    {
        var described = new List<string>();
        using var stream = new MemoryStream(bytes);
        var report = CaseCsvReader.ReadInParallel(
            stream,
            CsvReadOptions.Default,
            null,
            threads,
            block => block.Select(Describe).ToList(),
            (block, texts) => described.AddRange(texts),
            (block, first, count, hints) =>
            {
                for (var i = first; i < first + count; i++)
                {
                    each(block[i], hints);
                }
            },
            vocabulary);
        return (described, report);
    }

    private static List<string> Sequential(byte[] bytes, out string report)
    {
        CsvReadReport? read = null;
        using var stream = new MemoryStream(bytes);
        var records = CaseCsvReader.Read(stream, CsvReadOptions.Default, r => read = r).Select(Describe).ToList();
        report = read!.ToString();
        return records;
    }

    private static (List<string> Records, CsvReadReport Report) Parallel(byte[] bytes, int threads)
    {
        var records = new List<string>();
        using var stream = new MemoryStream(bytes);
        var report = CaseCsvReader.ReadInParallel(stream, CsvReadOptions.Default, null, threads, block => block.Select(Describe).ToList(), (block, described) =>
        {
            Assert.Equal(block.Count, described.Count);
            records.AddRange(described);
        });
        return (records, report);
    }

    private static string Describe(ReadRecord<InpatientCase> record)
    {
        var c = record.Value;
        var text = new StringBuilder()
            .Append(record.RowNumber).Append('|').Append(record.Id).Append('|').Append(record.IsRejected ? "rejected" : "accepted");
        foreach (var issue in record.Issues)
        {
            text.Append('|').Append(issue.Code).Append(':').Append(issue.Field).Append(':').Append(issue.Severity).Append(':').Append(issue.MessageEn).Append(':').Append(issue.Value);
        }

        if (c is not null)
        {
            text.Append("|case:").Append(c.HospitalId).Append(',').Append(c.Fund).Append(',').Append(c.Sex).Append(',').Append(c.AgeYears).Append(',').Append(c.AgeDays)
                .Append(',').Append(c.BirthWeightGrams).Append(',').Append(c.LengthOfStayDays).Append(',').Append(c.AdmissionDate).Append(',').Append(c.DischargeDate)
                .Append(',').Append(c.DischargeType).Append(',').Append(c.MainDiagnosis.Value).Append(',').Append(string.Join(";", c.SecondaryDiagnoses.Select(d => d.Value)))
                .Append(',').Append(c.MainProcedure.Value).Append(',').Append(string.Join(";", c.OtherProcedures.Select(p => p.Value)))
                .Append(',').Append(c.Costs.Total).Append(',').Append(c.Costs.Drugs).Append(',').Append(c.PaymentMethod);
        }

        return text.ToString();
    }
}
