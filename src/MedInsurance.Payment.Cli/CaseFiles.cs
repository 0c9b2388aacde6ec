using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using MedInsurance.Payment.Cases;
using MedInsurance.Payment.Interchange;

namespace MedInsurance.Payment.Cli;

/// <summary>
/// Reads a case CSV for a command, with the progress display on an interactive terminal: whole (for commands that need
/// every case at once) or streamed in blocks (<see cref="ReadBlocks(FileInfo, CsvReadOptions, int, Action{IReadOnlyList{ReadRecord{InpatientCase}}}, CaseHeaderMap)"/>), the block pipeline shared by <c>cases check</c>,
/// <c>drg group</c> and <c>dip score</c>.
/// </summary>
internal static class CaseFiles
{
    /// <summary>Cases per block: the case reader's block (<see cref="CaseCsvReader.ParallelBlockSize"/>), so per-block buffers fit every block.</summary>
    internal const int BlockSize = CaseCsvReader.ParallelBlockSize;

    /// <summary>The <c>--encoding</c> option of the commands that read case files.</summary>
    public static Option<string> EncodingOption() =>
        new("--encoding") { Description = "Encoding of the case file: auto (BOM, else UTF-8 if valid, else GB18030), utf-8 or gb18030. Rows with bytes invalid in it are rejected (TEXT_ENCODING_INVALID).", DefaultValueFactory = _ => "auto" };

    /// <summary>The <c>--header-map</c> option of every command that reads a case file.</summary>
    public static Option<FileInfo?> HeaderMapOption() =>
        new("--header-map") { Description = "Header mapping CSV (their_name,our_name) for a HIS's own column names; the national settlement-list names (清单流水号, 主要诊断代码, 实际住院天数 …) are read without one (docs/formats.md)." };

    /// <summary>
    /// Loads <c>--header-map</c> (null when not given) and checks the case file's header with it: false (after saying
    /// why, with file, line and field) when the map is malformed or makes two header columns the same column.
    /// </summary>
    public static bool LoadHeaderMap(FileInfo? mapFile, FileInfo input, CsvReadOptions options, out CaseHeaderMap? map)
    {
        map = null;
        if (mapFile is not null)
        {
            if (!mapFile.Exists)
            {
                Console.Error.WriteLine("medpay: header map not found: " + mapFile.FullName);
                return false;
            }

            try
            {
                map = CaseHeaderMap.ReadFile(mapFile.FullName);
            }
            catch (Exception e) when (e is InvalidDataException or IOException)
            {
                Console.Error.WriteLine("medpay: --header-map " + e.Message);
                return false;
            }
        }

        if (!input.Exists)
        {
            return true;
        }

        using var stream = new FileStream(input.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        var first = CaseCsvReader.Read(stream, options, map, null).FirstOrDefault();
        if (first?.Issues.FirstOrDefault(i => i.Code == Validation.IssueCodes.ColumnDuplicated) is { } duplicated)
        {
            Console.Error.WriteLine("medpay: " + input.Name + " line 1 (header), " + duplicated.Field + ": " + duplicated.ToCompactString() + " " + duplicated.MessageEn
                + (map is null ? string.Empty : " (with --header-map)") + " Nothing written.");
            return false;
        }

        return true;
    }

    /// <summary>Parses <c>--encoding</c>; null (after saying why) when it names no encoding.</summary>
    public static CsvReadOptions? Options(string? encoding)
    {
        if (!TextEncodings.TryParseChoice(encoding, out var choice))
        {
            Console.Error.WriteLine("medpay: --encoding must be auto, utf-8 or gb18030");
            return null;
        }

        return new CsvReadOptions(choice);
    }

    /// <summary>Reads every case (encoding detected).</summary>
    public static IReadOnlyList<ReadRecord<InpatientCase>> Read(FileInfo file, CaseHeaderMap? headerMap = null) =>
        BatchProgress.ReadStream(file, stream => CaseCsvReader.Read(stream, CsvReadOptions.Default, headerMap, null).ToList());

    /// <summary>
    /// The up-front period check of a dated artefact (DIP catalog, DRG table): true (after saying why, before anything is
    /// written) when the file has cases with a discharge date and not one of them is in force by <paramref name="inForce"/>
    /// — every case would be rejected, so the artefact or the case file is the wrong one. Reads only until the first case
    /// in force, which is usually the first row. Messages name no case's date.
    /// </summary>
    public static bool EveryCaseOutsidePeriod(FileInfo file, CsvReadOptions options, CaseHeaderMap? headerMap, string artefact, string period, Func<CalendarDate, bool> inForce)
    {
        long dated = 0;
        using (var stream = new FileStream(file.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16))
        {
            foreach (var record in CaseCsvReader.Read(stream, options, headerMap, null))
            {
                if (record.Value?.DischargeDate is { } discharged)
                {
                    if (inForce(discharged))
                    {
                        return false;
                    }

                    dated++;
                }
            }
        }

        if (dated == 0)
        {
            return false;
        }

        Console.Error.WriteLine("medpay: the " + artefact + " is in force " + period + ", but none of the " + dated.ToString(System.Globalization.CultureInfo.InvariantCulture)
            + " cases with a discharge date in " + file.Name + " was discharged in that period (every case would be rejected): wrong " + artefact + " or wrong case file? Nothing written.");
        return true;
    }

    /// <summary>A period for messages: <c>2026-01-01 – 2026-12-31</c>, an open end written <c>…</c>.</summary>
    public static string Period(string? from, string? to) =>
        (string.IsNullOrEmpty(from) ? "…" : from) + " – " + (string.IsNullOrEmpty(to) ? "…" : to);

    /// <summary>
    /// Streams the case file through <paramref name="process"/> in blocks, in input order, on the calling thread; the rows
    /// are split and converted on other threads (<see cref="ReadBlocks{TResult}(FileInfo, CsvReadOptions, int, Func{IReadOnlyList{ReadRecord{InpatientCase}}, TResult}, Action{IReadOnlyList{ReadRecord{InpatientCase}}, TResult}, CaseHeaderMap, Action{IReadOnlyList{ReadRecord{InpatientCase}}, int, int, CaseCodeHints}, CaseCodeVocabulary)"/>).
    /// Returns the reader's report (rows in and out, encoding).
    /// </summary>
    public static CsvReadReport ReadBlocks(FileInfo file, CsvReadOptions options, int threads, Action<IReadOnlyList<ReadRecord<InpatientCase>>> process, CaseHeaderMap? headerMap = null) =>
        ReadBlocks(file, options, threads, _ => true, (records, _) => process(records), headerMap);

    /// <summary>
    /// Streams the case file across cores (<see cref="CaseCsvReader.ReadInParallel{TResult}(Stream, CsvReadOptions, CaseHeaderMap, int, Func{IReadOnlyList{ReadRecord{InpatientCase}}, TResult}, Action{IReadOnlyList{ReadRecord{InpatientCase}}, TResult})"/>): one thread splits the rows
    /// and checks ids, <paramref name="threads"/> threads convert blocks of <see cref="BlockSize"/> rows and run
    /// <paramref name="transform"/> on each, and <paramref name="consume"/> receives them here in input order. Memory is
    /// bounded by the blocks in flight whatever the file size. Returns the reader's report (rows in and out, encoding).
    /// </summary>
    /// <remarks><paramref name="converted"/>, when given, is called on the converting thread after each run of at most 64
    /// records of a block, before the block's <paramref name="transform"/>, with that thread's hints: the tags of the known
    /// codes of the run when a checker's <paramref name="vocabulary"/> is given (<see cref="CaseCodeVocabulary"/>; the records
    /// are the same with or without it), else null (<see cref="CaseCsvReader"/>'s internal overload).</remarks>
    public static CsvReadReport ReadBlocks<TResult>(FileInfo file, CsvReadOptions options, int threads, Func<IReadOnlyList<ReadRecord<InpatientCase>>, TResult> transform, Action<IReadOnlyList<ReadRecord<InpatientCase>>, TResult> consume, CaseHeaderMap? headerMap = null, Action<IReadOnlyList<ReadRecord<InpatientCase>>, int, int, CaseCodeHints?>? converted = null, CaseCodeVocabulary? vocabulary = null) =>
        BatchProgress.ReadStream(file, stream => CaseCsvReader.ReadInParallel(stream, options, headerMap, threads, transform, consume, converted, vocabulary));

    /// <summary>The block pipeline over an open stream (testable core of <see cref="ReadBlocks(FileInfo, CsvReadOptions, int, Action{IReadOnlyList{ReadRecord{InpatientCase}}}, CaseHeaderMap)"/>).</summary>
    internal static CsvReadReport ReadBlocks(Stream input, CsvReadOptions options, int threads, Action<IReadOnlyList<ReadRecord<InpatientCase>>> process, CaseHeaderMap? headerMap = null) =>
        CaseCsvReader.ReadInParallel(input, options, headerMap, threads, _ => true, (records, _) => process(records));
}
