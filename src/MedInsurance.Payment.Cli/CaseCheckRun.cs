using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using MedInsurance.Payment.Cases;
using MedInsurance.Payment.Interchange;
using MedInsurance.Payment.QualityControl;

namespace MedInsurance.Payment.Cli;

/// <summary>
/// The case-checking run shared by <c>medpay cases check</c> (the reader's checks: the basic rule set) and <c>medpay check</c>
/// (settlement-list QC on top): the up-front checks of input and options, the streamed block pipeline, one result per row
/// in input order, and the tallies by rule and by hospital.
/// </summary>
internal sealed class CaseCheckRun
{
    private readonly QcTally _tally = new();
    private readonly ConcurrentBag<CaseCheckRun> _parts = new();
    private ThreadLocal<CaseCheckRun>? _onThread;

    /// <summary>Rows read.</summary>
    public long Rows => _tally.Cases;

    /// <summary>Rows accepted without any warning.</summary>
    public long Accepted => _tally.Accepted;

    /// <summary>Rows accepted with warnings.</summary>
    public long Warned => _tally.Warned;

    /// <summary>Rows rejected.</summary>
    public long Rejected => _tally.Rejected;

    /// <summary>The tallies by rule and by hospital (of this thread's part, before <see cref="MergeThreads"/>).</summary>
    public QcTally Tally => _tally;

    /// <summary>The reader's report (rows, encoding), after a run.</summary>
    public CsvReadReport? Report { get; private set; }

    /// <summary>
    /// The up-front checks of the case file, <c>--encoding</c>, <c>--header-map</c> and the output files' folders: false (after
    /// saying why; nothing written) when any is unusable.
    /// </summary>
    public static bool Prepare(FileInfo input, string? encoding, FileInfo? headerMap, IEnumerable<FileInfo?> outputs, out CsvReadOptions options, out CaseHeaderMap? map)
    {
        map = null;
        options = CaseFiles.Options(encoding)!;
        if (options is null)
        {
            return false;
        }

        if (!input.Exists)
        {
            Console.Error.WriteLine("medpay: input file not found: " + input.FullName);
            return false;
        }

        foreach (var output in outputs)
        {
            if (output is not null && !CliFiles.Writable(output.Directory!))
            {
                return false;
            }
        }

        return CaseFiles.LoadHeaderMap(headerMap, input, options, out map);
    }

    /// <summary>
    /// Streams the file: each record is checked by <paramref name="check"/> on the worker thread that converted its block
    /// (so <paramref name="check"/> must be thread-safe) and handed to <paramref name="write"/> in input order on this
    /// thread; tallies are kept by rule and by hospital.
    /// </summary>
    public void Run(FileInfo file, CsvReadOptions options, int threads, CaseHeaderMap? map, Func<ReadRecord<InpatientCase>, QcCaseResult> check, Action<ReadRecord<InpatientCase>, QcCaseResult> write)
    {
        Report = CaseFiles.ReadBlocks(
            file,
            options,
            Math.Max(1, threads),
            block =>
            {
                var results = CheckAll(block, check);
                OnThisThread().Count(block, 0, block.Count, results);
                return results;
            },
            (block, results) =>
            {
                for (var i = 0; i < block.Count; i++)
                {
                    write(block[i], results[i]);
                }
            },
            map);
        MergeThreads();
    }

    /// <summary>
    /// Streams the file with <paramref name="checker"/>'s check (<c>medpay check</c>): the reader takes the checker's dictionary
    /// codes with their facts (<see cref="QcChecker.Vocabulary"/>), each run of records is checked right after it is
    /// converted, on that thread, with the facts the reader noted (one lookup for both, for the codes in the vocabulary),
    /// and each record's output row is formatted with <paramref name="format"/> there; the blocks' text is written to
    /// <paramref name="output"/> in input order on this thread. Tallies are kept by rule and by hospital.
    /// </summary>
    public void Run(FileInfo file, CsvReadOptions options, int threads, CaseHeaderMap? map, QcChecker checker, Action<CsvRowText, ReadRecord<InpatientCase>, QcCaseResult> format, TextWriter output)
    {
        var text = new CsvBlockText();
        using var pending = new ThreadLocal<QcCaseResult[]>(() => new QcCaseResult[CaseFiles.BlockSize]);
        Report = CaseFiles.ReadBlocks(
            file,
            options,
            Math.Max(1, threads),
            block =>
            {
                // The block's runs were checked on this thread, into its array, before this.
                var results = pending.Value!;
                OnThisThread().Count(block, 0, block.Count, results);
                return text.Render(rows =>
                {
                    for (var i = 0; i < block.Count; i++)
                    {
                        format(rows, block[i], results[i]);
                    }
                });
            },
            (block, rendered) => text.WriteTo(output, rendered),
            map,
            (block, first, count, hints) => checker.Check(block, first, count, pending.Value!, hints),
            checker.Vocabulary);
        MergeThreads();
    }

    /// <summary>Checks every record of a block (on the calling thread: <paramref name="check"/> must be thread-safe).</summary>
    public static QcCaseResult[] CheckAll(IReadOnlyList<ReadRecord<InpatientCase>> block, Func<ReadRecord<InpatientCase>, QcCaseResult> check)
    {
        var results = new QcCaseResult[block.Count];
        for (var i = 0; i < block.Count; i++)
        {
            results[i] = check(block[i]);
        }

        return results;
    }

    /// <summary>The result of a record under the reader's checks only (the basic rule set): <c>medpay cases check</c>.</summary>
    public static QcCaseResult ReaderOnly(ReadRecord<InpatientCase> record) => QcCaseResult.FromIssues(record.Issues);

    /// <summary>Counts by rule: most issues first, then by code.</summary>
    public IReadOnlyList<QcRuleTally> ByRule() => _tally.ByRule();

    /// <summary>Counts by hospital, by hospital id.</summary>
    public IReadOnlyList<QcHospitalTally> ByHospital() => _tally.ByHospital();

    /// <summary>Writes the summary CSV: <c>kind,key,severity,cases,issues,accepted,warning,rejected</c>.</summary>
    public void WriteSummary(string path)
    {
        using var writer = CliOutput.Open(path);
        using var csv = CliOutput.Csv(writer);
        foreach (var header in new[] { "kind", "key", "severity", "cases", "issues", "accepted", "warning", "rejected" })
        {
            csv.WriteField(header);
        }

        csv.NextRecord();
        Row(csv, "total", "all", string.Empty, Rows, _tally.Issues, Accepted, Warned, Rejected);
        foreach (var rule in ByRule())
        {
            Row(csv, "rule", rule.Code, rule.SeverityText, rule.Cases, rule.Issues, null, null, null);
        }

        foreach (var h in ByHospital())
        {
            Row(csv, "hospital", h.HospitalId, string.Empty, h.Cases, h.Issues, h.Accepted, h.Warned, h.Rejected);
        }
    }

    /// <summary>Prints the summary by rule and by hospital.</summary>
    public void PrintSummary(TextWriter to, int hospitals)
    {
        to.WriteLine("by rule (cases with the rule, issues):");
        foreach (var rule in ByRule())
        {
            to.WriteLine(string.Format(CultureInfo.InvariantCulture, "  {0,-28} {1,-8} {2,10} {3,10}", rule.Code, rule.SeverityText, rule.Cases, rule.Issues));
        }

        var all = ByHospital();
        var shown = all.OrderByDescending(h => h.Rejected).ThenBy(h => h.HospitalId, StringComparer.Ordinal).Take(hospitals).ToList();
        to.WriteLine("by hospital (cases, accepted, warning, rejected), " + (shown.Count < all.Count ? "the " + shown.Count.ToString(CultureInfo.InvariantCulture) + " with most rejections of " + all.Count.ToString(CultureInfo.InvariantCulture) : "all") + ":");
        foreach (var h in shown)
        {
            to.WriteLine(string.Format(CultureInfo.InvariantCulture, "  {0,-20} {1,10} {2,10} {3,10} {4,10}", h.HospitalId.Length == 0 ? "(none)" : h.HospitalId, h.Cases, h.Accepted, h.Warned, h.Rejected));
        }
    }

    private static void Row(Interchange.SafeCsvWriter csv, string kind, string key, string severity, long cases, long issues, long? accepted, long? warned, long? rejected)
    {
        csv.WriteField(kind);
        csv.WriteField(key);
        csv.WriteField(severity);
        csv.WriteField(cases.ToString(CultureInfo.InvariantCulture));
        csv.WriteField(issues.ToString(CultureInfo.InvariantCulture));
        csv.WriteField(accepted?.ToString(CultureInfo.InvariantCulture) ?? string.Empty);
        csv.WriteField(warned?.ToString(CultureInfo.InvariantCulture) ?? string.Empty);
        csv.WriteField(rejected?.ToString(CultureInfo.InvariantCulture) ?? string.Empty);
        csv.NextRecord();
    }

    /// <summary>Counts one checked record in the totals and the tallies by rule and by hospital.</summary>
    public void Count(ReadRecord<InpatientCase> record, QcCaseResult result) => _tally.Add(record, result);

    /// <summary>Counts records <paramref name="first"/> … <paramref name="first"/> + <paramref name="count"/> − 1 with their results.</summary>
    public void Count(IReadOnlyList<ReadRecord<InpatientCase>> records, int first, int count, QcCaseResult[] results)
    {
        for (var i = first; i < first + count; i++)
        {
            Count(records[i], results[i]);
        }
    }

    /// <summary>
    /// The tallies of the calling thread: a part of this run, for counting each record on the thread that checked it (its
    /// result and case still in that core's cache), merged into this run by <see cref="MergeThreads"/>. The tallies are
    /// sums (and one OR of severities), so how the rows were shared among threads does not change them.
    /// </summary>
    public CaseCheckRun OnThisThread()
    {
        var onThread = LazyInitializer.EnsureInitialized(ref _onThread, () => new ThreadLocal<CaseCheckRun>(() =>
        {
            var part = new CaseCheckRun();
            _parts.Add(part); // kept here: a thread's value is not read back through the ThreadLocal after the thread ends
            return part;
        }));
        return onThread!.Value!;
    }

    /// <summary>Adds the threads' tallies (<see cref="OnThisThread"/>) to this run's, once the file is read.</summary>
    public void MergeThreads()
    {
        while (_parts.TryTake(out var part))
        {
            _tally.Add(part._tally);
        }

        _onThread?.Dispose();
        _onThread = null;
    }
}
