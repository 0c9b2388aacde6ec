using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CsvHelper;
using MedInsurance.Payment.Interchange;
using MedInsurance.Payment.Monitoring;
using MedInsurance.Payment.QualityControl;

namespace MedInsurance.Payment.Cli;

/// <summary><c>medpay monitor</c>: supervision indicators (智能监管指标), docs/monitoring.md.</summary>
internal static class MonitorCommands
{
    private static readonly string[] HospitalIndicatorsColumns = { "hospital_id", "level", "period", "indicator", "value", "numerator", "denominator", "level_hospitals", "level_mean", "difference", "ratio", "z", "percentile" };

    private static readonly string[] GroupIndicatorsColumns = { "hospital_id", "level", "group", "year", "cases", "deaths", "mean_cost", "mean_los", "region_mean_cost", "region_mean_los", "previous_cases", "previous_mean_cost", "cost_growth", "low_risk" };

    private static readonly string[] LowRiskGroupsColumns = { "group", "cases", "deaths", "mortality", "low_risk" };

    private static readonly string[] SeverityShiftColumns = { "hospital_id", "level", "cases", "observed_severe", "expected_severe", "z_peers", "previous_comparable_cases", "previous_observed_severe", "previous_expected_severe", "z_previous", "drivers" };

    private static readonly string[] ReviewCasesColumns = { "reason", "hospital_id", "row", "case_id", "related_row", "detail" };

    private static readonly string[] RejectedColumns = { "row", "id", "issues" };

    private static readonly string[] SummaryColumns = { "item", "count" };

    public static Command Create()
    {
        var cases = new Option<FileInfo>("--cases", "-i") { Description = "Case CSV (case format; patient_id, admission_route and out_of_catalog_cost are used when present).", Required = true };
        var results = new Option<FileInfo?>("--results") { Description = "Results of the same case file, one row per case row in order: medpay drg group, drg price or dip score output." };
        var hospitals = new Option<FileInfo?>("--hospitals") { Description = "Hospitals CSV or .xlsx (hospital_id,name,level,type): the level hospitals are compared within; without it all hospitals are one level 'all'." };
        var previous = new Option<FileInfo?>("--previous-year") { Description = "Previous year's results file with hospital_id, a group column and total_cost (medpay drg price or dip score output)." };
        var qc = new Option<FileInfo?>("--qc") { Description = "medpay check output (issues.csv: hospital_id, status) for the coding-accuracy proxy." };
        var profile = new Option<FileInfo?>("--profile") { Description = "Monitoring profile JSON (default: the embedded national-default profile)." };
        var output = new Option<DirectoryInfo>("--output", "-o") { Description = "Folder for the indicator tables (CSV, one file per table).", Required = true };
        var html = new Option<FileInfo?>("--html") { Description = "Also write the supervision section as an HTML file with charts." };
        var check = new Option<bool>("--check") { Description = "Also run the settlement-list quality check (medpay check) on every case in the same pass: the coding indicators come from it and its summary is written as qc_summary.csv (instead of reading a --qc file)." };
        var checkProfile = new Option<FileInfo?>("--check-profile") { Description = "QC profile JSON for the check (default: every rule at its national severity, no lists); implies --check." };
        var dictionaries = new Option<DirectoryInfo?>("--dictionaries") { Description = "Folder of the edition's national code files for the check (ZD_YB20_INFO.dat …); implies --check. Without it the dictionary, gray-code and edition rules are skipped." };
        var edition = new Option<string?>("--edition") { Description = "Code edition of --dictionaries: yb1.0 or yb2.0 (default: the QC profile's, else yb2.0); implies --check." };
        var issues = new Option<FileInfo?>("--issues") { Description = "Also write the check's issues.csv (as medpay check: one row per case row, in input order); implies --check." };
        var headerMap = CaseFiles.HeaderMapOption();
        var command = new Command("monitor", "Supervision indicators per hospital, level, group and month against same-level peers, and cases to review (智能监管指标).");
        foreach (var option in new Option[] { cases, results, hospitals, previous, qc, profile, output, html, check, checkProfile, dictionaries, edition, issues, headerMap })
        {
            command.Options.Add(option);
        }

        command.SetAction(parse =>
        {
            var inline = parse.GetValue(check) || parse.GetValue(checkProfile) is not null || parse.GetValue(dictionaries) is not null || parse.GetValue(edition) is not null
                || parse.GetValue(issues) is not null;
            var checking = inline ? new InlineCheck(parse.GetValue(checkProfile), parse.GetValue(dictionaries), parse.GetValue(edition), parse.GetValue(issues)) : null;
            return BatchCollections.Run(() => Run(
                parse.GetValue(cases)!, parse.GetValue(results), parse.GetValue(hospitals), parse.GetValue(previous), parse.GetValue(qc), parse.GetValue(profile),
                parse.GetValue(output)!, parse.GetValue(html), parse.GetValue(headerMap), checking));
        });
        return command;
    }

    private static int Run(FileInfo casesFile, FileInfo? resultsFile, FileInfo? hospitalsFile, FileInfo? previousFile, FileInfo? qcFile, FileInfo? profileFile,
        DirectoryInfo output, FileInfo? htmlFile, FileInfo? headerMapFile, InlineCheck? inline)
    {
        if (!CliFiles.AllExist(casesFile, resultsFile, hospitalsFile, previousFile, qcFile, profileFile, inline?.Profile) || !CliFiles.Writable(output)
            || (htmlFile is not null && !CliFiles.Writable(htmlFile.Directory!)) || (inline?.Issues is { } issuesFile && !CliFiles.Writable(issuesFile.Directory!)))
        {
            return 2;
        }

        if (inline is not null && qcFile is not null)
        {
            Console.Error.WriteLine("medpay: --qc reads a medpay check output and --check runs the check in this pass: give one of them. Nothing written.");
            return 2;
        }

        QcChecker? checker = null;
        if (inline is not null && (checker = CheckCommands.LoadChecker(inline.Profile, inline.Dictionaries, inline.Edition)) is null)
        {
            return 2;
        }

        MonitoringProfile profile;
        try
        {
            profile = profileFile is null ? MonitoringProfile.Default : MonitoringProfile.Load(profileFile.FullName);
        }
        catch (InvalidDataException ex)
        {
            Console.Error.WriteLine("medpay: monitoring profile: " + ex.Message + " Nothing written.");
            return 2;
        }

        if (!CaseFiles.LoadHeaderMap(headerMapFile, casesFile, CsvReadOptions.Default, out var map))
        {
            return 2;
        }

        var monitor = new SupervisionMonitor(profile);
        if (hospitalsFile is not null)
        {
            foreach (var row in HospitalCsvReader.ReadFile(hospitalsFile.FullName))
            {
                if (row.IsRejected)
                {
                    Console.Error.WriteLine("medpay: warning: hospitals file, row " + row.RowNumber.ToString(CultureInfo.InvariantCulture) + ": " + ResultCsv.Issues(row.Issues)
                        + "; that hospital is compared at level 'all'");
                    continue;
                }

                monitor.SetLevel(row.Value!.Hospital.Id, ((int)row.Value.Hospital.Level.Tier).ToString(CultureInfo.InvariantCulture));
            }
        }

        ResultsFile? results = null;
        if (resultsFile is not null && (results = ResultsFile.Open(resultsFile.FullName, out var problem)) is null)
        {
            Console.Error.WriteLine("medpay: --results " + resultsFile.Name + ": " + problem + ". Nothing written.");
            return 2;
        }

        long previousRows = 0, previousCostUnreadable = 0;
        if (previousFile is not null)
        {
            using var prev = ResultsFile.Open(previousFile.FullName, out var previousProblem);
            if (prev is null || !prev.HasPreviousYearColumns)
            {
                Console.Error.WriteLine("medpay: --previous-year " + previousFile.Name + ": " + (previousProblem ?? "the header needs hospital_id, a group column (drg or group_code) and total_cost") + ". Nothing written.");
                results?.Dispose();
                return 2;
            }

            while (prev.Next(out _, out var result, out var hospital, out var fen))
            {
                previousRows++;
                if (prev.CostUnreadable)
                {
                    // Counted and exit 1: an unknown cost is never taken as 0 fen.
                    previousCostUnreadable++;
                    continue;
                }

                if (hospital.Length > 0)
                {
                    // Every previous-year case counts for case growth, whatever its group (empty for 0000/QY/rejected).
                    monitor.AddPrevious(hospital, result.Group, Money.FromFen(fen), result.Points);
                }
            }
        }

        long? qcRows = null;
        if (qcFile is not null && (qcRows = QualityCheckFile.Read(qcFile.FullName, monitor, out var qcProblem)) is null)
        {
            Console.Error.WriteLine("medpay: --qc " + qcFile.Name + ": " + qcProblem + ". Nothing written.");
            results?.Dispose();
            return 2;
        }

        long rejected = 0, unjoined = 0;
        CsvReadReport report;
        var checkRun = checker is null ? null : new CaseCheckRun();

        // The results are parsed a few blocks ahead on a thread of their own (joined). The monitor gets the blocks in file
        // order on a thread of its own too (fed), so the thread that splits the file and keeps the check's tallies does not
        // also carry the monitor: the in-order work is spread over two threads, each still in file order.
        var joined = results is null ? null : new ResultsReadAhead(results);
        var blockResults = new CaseResult?[CaseCsvReader.ParallelBlockSize]; // the monitor thread's own: each block's joined results
        var freeBlocks = new ConcurrentBag<MonitorBlock>(); // fed blocks come back here to be filled again
        using (joined)
        using (var fed = new OrderedHandOff<MonitorBlock>(
            block =>
            {
                unjoined += Feed(monitor, joined, block, blockResults);
                block.Clear();
                freeBlocks.Add(block);
            },
            capacity: 4,
            "MedInsurance.Payment monitor"))
        using (var rejectedWriter = CliOutput.Open(Path.Combine(output.FullName, "rejected.csv")))
        using (var rejectedCsv = CliOutput.Csv(rejectedWriter))
        using (var issuesWriter = inline?.Issues is { } issuesPath ? CliOutput.Open(issuesPath.FullName) : null)
        {
            if (issuesWriter is not null)
            {
                CheckCommands.WriteIssueHeader(issuesWriter);
            }

            var issuesText = new CsvBlockText();

            // rejected.csv: every case row the reader rejected, with its issue codes (CODE(field)); streamed.
            foreach (var column in RejectedColumns)
            {
                rejectedCsv.WriteField(column);
            }

            rejectedCsv.NextRecord();
            // The check runs on the threads that convert the blocks; everything in file order runs here and on the monitor's thread.
            // Each run of 64 cases is read for the monitor and checked right after it is converted, on the thread that
            // converted it (its objects and codes still in this core's cache); the monitor's thread gets only compact values,
            // so a queued block keeps no case alive.
            using var pending = new ThreadLocal<PendingBlock>(() => new PendingBlock());
            // With the check, the reader takes the checker's dictionary codes with their facts (one lookup a code for both), and
            // the check takes the facts the reader noted for the run (hints) instead of looking the codes up again.
            report = CaseFiles.ReadBlocks(casesFile, CsvReadOptions.Default, Environment.ProcessorCount, headerMap: map, vocabulary: checker?.Vocabulary, converted: (block, first, count, hints) =>
            {
                var next = pending.Value!;
                if (first == 0)
                {
                    next.Block = freeBlocks.TryTake(out var free) ? free : new MonitorBlock();
                    next.Block.Fill(CaseCsvReader.ParallelBlockSize);
                    next.Checks = checker is null || issuesWriter is null ? null : new QcCaseResult[CaseCsvReader.ParallelBlockSize];
                }

                var monitorBlock = next.Block!;
                for (var i = first; i < first + count; i++)
                {
                    var record = block[i];
                    monitorBlock.Ids[i] = record.Id;
                    monitorBlock.Rows[i] = record.IsRejected ? -record.RowNumber : record.RowNumber;
                    if (record.Value is { } value)
                    {
                        monitorBlock.Cases[i] = MonitorCase.From(value);
                    }
                }

                if (checker is not null && next.Checks is { } checks)
                {
                    // issues.csv is written: each row's issues are built. The check's tallies are kept here too (a part per
                    // thread, merged at the end: sums), while the results are in this core's cache.
                    checker.Check(block, first, count, checks, hints);
                    checkRun!.OnThisThread().Count(block, first, count, checks);
                    for (var i = first; i < first + count; i++)
                    {
                        monitorBlock.Statuses[i] = checks[i].Status;
                    }
                }
                else if (checker is not null)
                {
                    // Only the tallies and each row's status are needed: counted without building the issues (the same counts).
                    var statuses = next.Statuses;
                    checker.Tally(block, first, count, checkRun!.OnThisThread().Tally, statuses, hints);
                    for (var i = first; i < first + count; i++)
                    {
                        monitorBlock.Statuses[i] = statuses[i];
                    }
                }
            }, transform: block =>
            {
                // The block's runs were read and checked above, on this thread.
                var next = pending.Value!;
                var monitorBlock = next.Block!;
                var checks = next.Checks;
                next.Block = null;
                next.Checks = null;
                monitorBlock.Fill(block.Count);

                // issues.csv rows are formatted here, on the converting thread, and only written in file order below.
                return (Monitor: monitorBlock, Text: checks is null || issuesWriter is null ? null : issuesText.Render(rows =>
                {
                    for (var i = 0; i < block.Count; i++)
                    {
                        CheckCommands.WriteIssueRow(rows, block[i], checks[i]);
                    }
                }));
            }, consume: (block, converted) =>
            {
                if (converted.Text is { } text)
                {
                    issuesText.WriteTo(issuesWriter!, text);
                }

                for (var i = 0; i < block.Count; i++)
                {
                    var record = block[i];
                    if (record.IsRejected)
                    {
                        rejected++;
                        rejectedCsv.WriteField(record.RowNumber.ToString(CultureInfo.InvariantCulture));
                        rejectedCsv.WriteField(record.Id);
                        rejectedCsv.WriteField(ResultCsv.Issues(record.Issues));
                        rejectedCsv.NextRecord();
                    }
                }

                fed.Post(converted.Monitor);
            });
            fed.Complete();
            while (joined is not null && joined.Next(string.Empty, out _, out _))
            {
                unjoined++;
            }
        }

        var unreadable = results is null ? new long[3] : new[] { results.WeightUnreadable, results.PointsUnreadable, results.OutlierUnreadable };
        if (checkRun is not null)
        {
            checkRun.MergeThreads();
            qcRows = checkRun.Rows;
            checkRun.WriteSummary(Path.Combine(output.FullName, "qc_summary.csv"));
            Console.Error.WriteLine(string.Format(
                CultureInfo.InvariantCulture,
                "check: {0} rows, {1} accepted, {2} with warnings, {3} rejected (profile {4} {5}; dictionary {6}); summary in qc_summary.csv",
                checkRun.Rows,
                checkRun.Accepted,
                checkRun.Warned,
                checkRun.Rejected,
                checker!.Profile.Name,
                checker.Profile.Version,
                checker.Dictionary is { } d ? d.Edition : "none"));
        }

        var monitoring = monitor.Finish();
        Write(output, monitoring, report.Rows, rejected, unjoined, results?.Rows, unreadable, previousRows, previousCostUnreadable, qcRows);
        if (htmlFile is not null)
        {
            File.WriteAllText(htmlFile.FullName, MonitoringHtml.Render(monitoring), CliOutput.Encoding);
        }

        Console.Error.WriteLine(string.Format(
            CultureInfo.InvariantCulture,
            "monitor: {0} case rows, {1} rejected, {2} results rows not joined, {3} indicator rows, {4} cases to review listed; tables in {5}",
            report.Rows, rejected, unjoined, monitoring.Indicators.Count, monitoring.Review.Count, output.FullName));
        return rejected == 0 && unjoined == 0 && previousCostUnreadable == 0 && unreadable.All(n => n == 0) && monitoring.Counts["cases_without_discharge_date"] == 0
            && monitoring.Counts["cases_rejected_MONITOR_DATE_OUT_OF_RANGE"] == 0 ? 0 : 1;
    }

    /// <summary>Writes a table of many rows through <see cref="CsvRowText"/>: the header, then each item's row, the text
    /// written out every few hundred rows.</summary>
    private static void LargeTable<T>(DirectoryInfo folder, string name, string[] header, IReadOnlyList<T> items, Action<CsvRowText, T> row)
    {
        using var writer = CliOutput.Open(Path.Combine(folder.FullName, name));
        var text = new CsvRowText(CliOutput.Raw);
        foreach (var column in header)
        {
            text.WriteField(column);
        }

        text.NextRecord();
        for (var i = 0; i < items.Count; i++)
        {
            row(text, items[i]);
            text.NextRecord();
            if (text.Length >= 1 << 15)
            {
                text.WriteTo(writer);
                text.Clear();
            }
        }

        text.WriteTo(writer);
    }

    private static void Write(DirectoryInfo folder, MonitoringReport report, long rows, long rejected, long unjoined, long? resultRows, long[] unreadable, long previousRows, long previousCostUnreadable, long? qcRows)
    {
        static string D(decimal? value) => IndicatorNumber.Text(value);
        static string L(long? value) => IndicatorNumber.Text(value);
        void Table(string name, string[] header, Action<CsvWriter> body)
        {
            using var writer = CliOutput.Open(Path.Combine(folder.FullName, name));
            using var csv = CliOutput.Csv(writer);
            foreach (var column in header)
            {
                csv.WriteField(column);
            }

            csv.NextRecord();
            body(csv);
        }

        void Row(CsvWriter csv, params string[] cells)
        {
            foreach (var cell in cells)
            {
                csv.WriteField(cell);
            }

            csv.NextRecord();
        }

        // The two large tables (tens of thousands of rows, most cells numbers) are formatted into a character buffer, each
        // number straight from TryFormat, as SafeCsvWriter would write it (CsvRowText).
        LargeTable(folder, "hospital_indicators.csv", HospitalIndicatorsColumns, report.Indicators, (row, r) =>
        {
            row.WriteField(r.HospitalId);
            row.WriteField(r.Level);
            row.WriteField(r.Period);
            row.WriteField(r.Indicator);
            IndicatorNumber.Write(row, r.Value);
            IndicatorNumber.Write(row, r.Numerator);
            IndicatorNumber.Write(row, r.Denominator);
            IndicatorNumber.Write(row, r.LevelHospitals);
            IndicatorNumber.Write(row, r.LevelMean);
            IndicatorNumber.Write(row, r.Difference);
            IndicatorNumber.Write(row, r.Ratio);
            IndicatorNumber.Write(row, r.ZScore);
            IndicatorNumber.Write(row, r.PercentileRank);
        });

        // The group table (the largest) is written on another core while this thread writes the others: separate files.
        var groupTable = Task.Run(() => LargeTable(folder, "group_indicators.csv", GroupIndicatorsColumns, report.Groups, (row, g) =>
        {
            row.WriteField(g.HospitalId);
            row.WriteField(g.Level);
            row.WriteField(g.Group);
            row.WriteField(g.Year);
            IndicatorNumber.Write(row, g.Cases);
            IndicatorNumber.Write(row, g.Deaths);
            IndicatorNumber.Write(row, g.MeanCostYuan);
            IndicatorNumber.Write(row, g.MeanLos);
            IndicatorNumber.Write(row, g.RegionMeanCostYuan);
            IndicatorNumber.Write(row, g.RegionMeanLos);
            IndicatorNumber.Write(row, g.PreviousCases);
            IndicatorNumber.Write(row, g.PreviousMeanCostYuan);
            IndicatorNumber.Write(row, g.CostGrowth);
            row.WriteField(g.LowRisk ? "1" : "0");
        }));
        try
        {
            Table("low_risk_groups.csv", LowRiskGroupsColumns, csv =>
            {
                foreach (var g in report.LowRiskGroups)
                {
                    Row(csv, g.Group, L(g.Cases), L(g.Deaths), D(g.Mortality), g.LowRisk ? "1" : "0");
                }
            });
            Table("severity_shift.csv", SeverityShiftColumns, csv =>
            {
                foreach (var s in report.Severity)
                {
                    Row(csv, s.HospitalId, s.Level, L(s.Cases), L(s.ObservedSevere), D(s.ExpectedSevere), D(s.ZPeers), L(s.PreviousCases), L(s.PreviousObservedSevere), D(s.PreviousExpectedSevere), D(s.ZPrevious), s.Drivers);
                }
            });
            Table("review_cases.csv", ReviewCasesColumns, csv =>
            {
                foreach (var r in report.Review)
                {
                    Row(csv, r.Reason, r.HospitalId, L(r.Row), r.CaseId, L(r.RelatedRow), r.Detail);
                }
            });
            Table("summary.csv", SummaryColumns, csv =>
            {
                Row(csv, "case_rows", L(rows));
                Row(csv, "case_rows_rejected", L(rejected));
                Row(csv, "results_rows", L(resultRows));
                Row(csv, "results_rows_not_joined", L(unjoined));
                Row(csv, "results_weight_unreadable", L(unreadable[0]));
                Row(csv, "results_points_unreadable", L(unreadable[1]));
                Row(csv, "results_outlier_unreadable", L(unreadable[2]));
                Row(csv, "previous_year_rows", L(previousRows));
                Row(csv, "previous_year_rows_cost_unreadable", L(previousCostUnreadable));
                Row(csv, "qc_rows", L(qcRows));
                foreach (var pair in report.Counts.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    Row(csv, pair.Key, L(pair.Value));
                }
            });
        }
        catch
        {
            // The group table's file is finished (or has failed) before the error leaves, so no file is left half written
            // by a thread that the exit stops; the error that left is this thread's.
            try
            {
                groupTable.Wait();
            }
            catch (AggregateException)
            {
            }

            throw;
        }

        groupTable.GetAwaiter().GetResult();
    }

    /// <summary>
    /// The monitor's share of a block, on the monitor's thread, in file order: each row's check status, its results row
    /// (joined by position and id) and, unless the reader rejected it, the case. Returns the results rows not joined.
    /// </summary>
    private static long Feed(SupervisionMonitor monitor, ResultsReadAhead? joined, MonitorBlock block, CaseResult?[] results)
    {
        long unjoined = 0;
        for (var i = 0; i < block.Count; i++)
        {
            CaseResult? result = null;
            if (joined is not null)
            {
                if (joined.Next(block.Ids[i], out var sameId, out var r) && sameId)
                {
                    result = r;
                }
                else
                {
                    unjoined++;
                }
            }

            results[i] = result;
        }

        for (var start = 0; start < block.Count; start += SupervisionMonitor.ReadAheadRun)
        {
            var count = Math.Min(SupervisionMonitor.ReadAheadRun, block.Count - start);
            monitor.ReadAhead(block.Cases, results, block.Rows, start, count);
            for (var i = start; i < start + count; i++)
            {
                if (block.Statuses[i] is { } status)
                {
                    // A row the reader could not build has no case: its hospital is unknown (empty), as in medpay check.
                    monitor.AddQualityCheckReadAhead(i - start, block.Cases[i].HospitalId ?? string.Empty, status == QcStatus.Rejected, status == QcStatus.Warning);
                }

                var row = block.Rows[i];
                if (row > 0)
                {
                    monitor.AddReadAhead(i - start, in block.Cases[i], results[i], row);
                }
            }
        }

        return unjoined;
    }

    /// <summary>The block being converted on a thread: its monitor block and check results, filled run by run.</summary>
    private sealed class PendingBlock
    {
        public MonitorBlock? Block { get; set; }

        public QcCaseResult[]? Checks { get; set; }

        /// <summary>The conclusions of the rows counted without their issues (this thread's own, filled again for each block).</summary>
        public QcStatus[] Statuses { get; } = new QcStatus[CaseCsvReader.ParallelBlockSize];
    }

    /// <summary>
    /// A block of case rows as the monitor's thread gets it: each row's id, its data row (negative when the reader rejected
    /// it), its monitor values (default when the row could not be built) and its check status (null when the check did not
    /// run). Its arrays are filled again for later blocks once fed (a block is read by one thread at a
    /// time: filled, queued, fed, cleared).
    /// </summary>
    private sealed class MonitorBlock
    {
        public string[] Ids { get; private set; } = Array.Empty<string>();

        public long[] Rows { get; private set; } = Array.Empty<long>();

        public MonitorCase[] Cases { get; private set; } = Array.Empty<MonitorCase>();

        /// <summary>Each row's check status, null when the check did not run.</summary>
        public QcStatus?[] Statuses { get; private set; } = Array.Empty<QcStatus?>();

        /// <summary>The rows of this block.</summary>
        public int Count { get; private set; }

        /// <summary>Makes room for <paramref name="count"/> rows, all default.</summary>
        public void Fill(int count)
        {
            if (Ids.Length < count)
            {
                Ids = new string[count];
                Rows = new long[count];
                Cases = new MonitorCase[count];
                Statuses = new QcStatus?[count];
            }

            Count = count;
        }

        /// <summary>Lets go of the last block's values (so a pooled block keeps no case's strings alive).</summary>
        public void Clear()
        {
            Array.Clear(Ids, 0, Count);
            Array.Clear(Cases, 0, Count);
            Array.Clear(Statuses, 0, Count);
            Count = 0;
        }
    }

    /// <summary>The settlement-list check run in the monitor's pass (<c>--check</c> and its options).</summary>
    private sealed class InlineCheck
    {
        public InlineCheck(FileInfo? profile, DirectoryInfo? dictionaries, string? edition, FileInfo? issues)
        {
            Profile = profile;
            Dictionaries = dictionaries;
            Edition = edition;
            Issues = issues;
        }

        public FileInfo? Profile { get; }

        public DirectoryInfo? Dictionaries { get; }

        public string? Edition { get; }

        public FileInfo? Issues { get; }
    }
}
