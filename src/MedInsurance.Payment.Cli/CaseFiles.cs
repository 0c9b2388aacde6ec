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
/// every case at once) or streamed in blocks (<see cref="ReadBlocks(FileInfo, CsvReadOptions, int, Action{IReadOnlyList{ReadRecord{InpatientCase}}})"/>), the block pipeline shared by <c>cases check</c>,
/// <c>drg group</c> and <c>dip score</c>.
/// </summary>
internal static class CaseFiles
{
    /// <summary>
    /// Cases per block: large enough that a block's parallel grouping or scoring amortises its start, small enough
    /// that the three blocks in flight (being read, queued, being processed) stay a few tens of MB.
    /// </summary>
    internal const int BlockSize = 1_024;

    /// <summary>The <c>--encoding</c> option of the commands that read case files.</summary>
    public static Option<string> EncodingOption() =>
        new("--encoding") { Description = "Encoding of the case file: auto (BOM, else UTF-8 if valid, else GB18030), utf-8 or gb18030. Rows with bytes invalid in it are rejected (TEXT_ENCODING_INVALID).", DefaultValueFactory = _ => "auto" };

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
    public static IReadOnlyList<ReadRecord<InpatientCase>> Read(FileInfo file) =>
        BatchProgress.ReadStream(file, stream => CaseCsvReader.Read(stream, CsvReadOptions.Default, null).ToList());

    /// <summary>
    /// Streams the case file through <paramref name="process"/> in blocks of <see cref="BlockSize"/> records, in input
    /// order. With <paramref name="threads"/> ≥ 2 the next block is read and parsed on another thread while the current
    /// one is processed; with 1 everything runs on the calling thread. Memory is bounded by three blocks whatever the
    /// file size. Returns the reader's report (rows in and out, encoding).
    /// </summary>
    public static CsvReadReport ReadBlocks(FileInfo file, CsvReadOptions options, int threads, Action<IReadOnlyList<ReadRecord<InpatientCase>>> process) =>
        BatchProgress.ReadStream(file, stream => ReadBlocks(stream, options, threads, process));

    /// <summary>The block pipeline over an open stream (testable core of <see cref="ReadBlocks(FileInfo, CsvReadOptions, int, Action{IReadOnlyList{ReadRecord{InpatientCase}}})"/>).</summary>
    internal static CsvReadReport ReadBlocks(Stream input, CsvReadOptions options, int threads, Action<IReadOnlyList<ReadRecord<InpatientCase>>> process)
    {
        CsvReadReport? report = null;
        BlockPipeline.Run(CaseCsvReader.Read(input, options, r => report = r), BlockSize, threads, process);
        return report!;
    }
}
