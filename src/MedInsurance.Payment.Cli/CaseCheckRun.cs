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
using MedInsurance.Payment.Validation;

namespace MedInsurance.Payment.Cli;

/// <summary>
/// The case-checking run shared by <c>medpay cases check</c> (the reader's checks: the basic rule set) and <c>medpay check</c>
/// (settlement-list QC on top): the up-front checks of input and options, the streamed block pipeline, one result per row
/// in input order, and the tallies by rule and by hospital.
/// </summary>
internal sealed class CaseCheckRun
{
    private readonly Dictionary<string, RuleTally> _rules = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HospitalTally> _hospitals = new(StringComparer.Ordinal);
    private readonly ConcurrentBag<CaseCheckRun> _parts = new();
    private ThreadLocal<CaseCheckRun>? _onThread;

    /// <summary>Rows read.</summary>
    public long Rows { get; private set; }

    /// <summary>Rows accepted without any warning.</summary>
    public long Accepted { get; private set; }

    /// <summary>Rows accepted with warnings.</summary>
    public long Warned { get; private set; }

    /// <summary>Rows rejected.</summary>
    public long Rejected { get; private set; }

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
    /// Streams the file as <see cref="Run(FileInfo, CsvReadOptions, int, CaseHeaderMap?, Func{ReadRecord{InpatientCase}, QcCaseResult}, Action{ReadRecord{InpatientCase}, QcCaseResult})"/>
    /// does, and formats each record's output row with <paramref name="format"/> on the worker thread that checked it; the
    /// blocks' text is written to <paramref name="output"/> in input order on this thread.
    /// </summary>
    public void Run(FileInfo file, CsvReadOptions options, int threads, CaseHeaderMap? map, Func<ReadRecord<InpatientCase>, QcCaseResult> check, Action<CsvRowText, ReadRecord<InpatientCase>, QcCaseResult> format, TextWriter output)
    {
        var text = new CsvBlockText();
        Report = CaseFiles.ReadBlocks(
            file,
            options,
            Math.Max(1, threads),
            block =>
            {
                var results = CheckAll(block, check);
                OnThisThread().Count(block, 0, block.Count, results);
                return (Results: results, Text: text.Render(rows =>
                {
                    for (var i = 0; i < block.Count; i++)
                    {
                        format(rows, block[i], results[i]);
                    }
                }));
            },
            (block, checkedBlock) => text.WriteTo(output, checkedBlock.Text),
            map);
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

    /// <summary>Counts by rule: code → (cases, issues), most frequent first.</summary>
    public IEnumerable<KeyValuePair<string, RuleTally>> ByRule() =>
        _rules.OrderByDescending(p => p.Value.Issues).ThenBy(p => p.Key, StringComparer.Ordinal);

    /// <summary>Counts by hospital, by hospital id.</summary>
    public IEnumerable<KeyValuePair<string, HospitalTally>> ByHospital() =>
        _hospitals.OrderBy(p => p.Key, StringComparer.Ordinal);

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
        Row(csv, "total", "all", string.Empty, Rows, _rules.Values.Sum(r => r.Issues), Accepted, Warned, Rejected);
        foreach (var pair in ByRule())
        {
            Row(csv, "rule", pair.Key, pair.Value.SeverityText, pair.Value.Cases, pair.Value.Issues, null, null, null);
        }

        foreach (var pair in ByHospital())
        {
            var h = pair.Value;
            Row(csv, "hospital", pair.Key, string.Empty, h.Cases, h.Issues, h.Accepted, h.Warned, h.Rejected);
        }
    }

    /// <summary>Prints the summary by rule and by hospital.</summary>
    public void PrintSummary(TextWriter to, int hospitals)
    {
        to.WriteLine("by rule (cases with the rule, issues):");
        foreach (var pair in ByRule())
        {
            to.WriteLine(string.Format(CultureInfo.InvariantCulture, "  {0,-28} {1,-8} {2,10} {3,10}", pair.Key, pair.Value.SeverityText, pair.Value.Cases, pair.Value.Issues));
        }

        var shown = ByHospital().OrderByDescending(p => p.Value.Rejected).ThenBy(p => p.Key, StringComparer.Ordinal).Take(hospitals).ToList();
        to.WriteLine("by hospital (cases, accepted, warning, rejected), " + (shown.Count < _hospitals.Count ? "the " + shown.Count.ToString(CultureInfo.InvariantCulture) + " with most rejections of " + _hospitals.Count.ToString(CultureInfo.InvariantCulture) : "all") + ":");
        foreach (var pair in shown)
        {
            var h = pair.Value;
            to.WriteLine(string.Format(CultureInfo.InvariantCulture, "  {0,-20} {1,10} {2,10} {3,10} {4,10}", pair.Key.Length == 0 ? "(none)" : pair.Key, h.Cases, h.Accepted, h.Warned, h.Rejected));
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

    /// <summary>Counts one checked record in the totals and the tallies by rule and by hospital (in input order).</summary>
    public void Count(ReadRecord<InpatientCase> record, QcCaseResult result)
    {
        Rows++;
        switch (result.Status)
        {
            case QcStatus.Rejected:
                Rejected++;
                break;
            case QcStatus.Warning:
                Warned++;
                break;
            default:
                Accepted++;
                break;
        }

        var hospitalId = record.Value?.HospitalId ?? string.Empty;
        if (!_hospitals.TryGetValue(hospitalId, out var hospital))
        {
            _hospitals[hospitalId] = hospital = new HospitalTally();
        }

        hospital.Add(result);
        var issues = result.Issues;
        for (var i = 0; i < issues.Count; i++)
        {
            var issue = issues[i];
            if (!_rules.TryGetValue(issue.Code, out var rule))
            {
                _rules[issue.Code] = rule = new RuleTally();
            }

            rule.Issues++;
            rule.Severity |= 1 << (int)issue.Severity;
            if (FirstOfCode(issues, i))
            {
                rule.Cases++;
            }
        }
    }

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
            Rows += part.Rows;
            Accepted += part.Accepted;
            Warned += part.Warned;
            Rejected += part.Rejected;
            foreach (var pair in part._rules)
            {
                if (!_rules.TryGetValue(pair.Key, out var rule))
                {
                    _rules[pair.Key] = rule = new RuleTally();
                }

                rule.Cases += pair.Value.Cases;
                rule.Issues += pair.Value.Issues;
                rule.Severity |= pair.Value.Severity;
            }

            foreach (var pair in part._hospitals)
            {
                if (!_hospitals.TryGetValue(pair.Key, out var hospital))
                {
                    _hospitals[pair.Key] = hospital = new HospitalTally();
                }

                hospital.Add(pair.Value);
            }
        }

        _onThread?.Dispose();
        _onThread = null;
    }

    private static bool FirstOfCode(IReadOnlyList<ValidationIssue> issues, int index)
    {
        for (var j = 0; j < index; j++)
        {
            if (string.Equals(issues[j].Code, issues[index].Code, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>One rule's counts.</summary>
    internal sealed class RuleTally
    {
        public long Cases { get; set; }

        public long Issues { get; set; }

        /// <summary>Bit per severity seen (a rule's severity is fixed by the profile; reader codes may vary by field).</summary>
        public int Severity { get; set; }

        public string SeverityText => string.Join("|", new[] { IssueSeverity.Error, IssueSeverity.Warning, IssueSeverity.Info }
            .Where(s => (Severity & (1 << (int)s)) != 0).Select(s => s.ToString().ToLowerInvariant()));
    }

    /// <summary>One hospital's counts.</summary>
    internal sealed class HospitalTally
    {
        public long Cases { get; private set; }

        public long Issues { get; private set; }

        public long Accepted { get; private set; }

        public long Warned { get; private set; }

        public long Rejected { get; private set; }

        public void Add(QcCaseResult result)
        {
            Cases++;
            Issues += result.Issues.Count;
            Accepted += result.Status == QcStatus.Accepted ? 1 : 0;
            Warned += result.Status == QcStatus.Warning ? 1 : 0;
            Rejected += result.Status == QcStatus.Rejected ? 1 : 0;
        }

        /// <summary>Adds another tally of the same hospital (a thread's part).</summary>
        public void Add(HospitalTally other)
        {
            Cases += other.Cases;
            Issues += other.Issues;
            Accepted += other.Accepted;
            Warned += other.Warned;
            Rejected += other.Rejected;
        }
    }
}
