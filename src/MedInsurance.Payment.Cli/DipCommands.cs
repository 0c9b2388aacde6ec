using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using CsvHelper;
using MedInsurance.Payment.Cases;
using MedInsurance.Payment.Dip;
using MedInsurance.Payment.Hospitals;
using MedInsurance.Payment.Interchange;

namespace MedInsurance.Payment.Cli;

/// <summary><c>medpay dip build-catalog</c> and <c>medpay dip score</c> (按病种分值付费).</summary>
internal static class DipCommands
{
    /// <summary>DIP's own columns of <c>dip score</c>, written after the settlement-line columns (the former <c>id</c> is <c>line_id</c>).</summary>
    private static readonly string[] ScoreColumns =
    {
        "status", "group_code", "group_kind", "ratio", "deviation", "base_score", "hospital_coefficient", "auxiliary_coefficient", "case_score", "review", "issues",
    };

    public static Command Create()
    {
        var dip = new Command("dip", "DIP (按病种分值付费): build a local catalog from history and score cases.");
        dip.Subcommands.Add(BuildCatalog());
        dip.Subcommands.Add(Score());
        return dip;
    }

    private static Command BuildCatalog()
    {
        var history = new Option<FileInfo>("--history") { Description = "History case CSV (case format; discharge_date gives the year, total_cost every payer).", Required = true };
        var threshold = new Option<int>("--threshold") { Description = "Core-group threshold (default 15 cases).", DefaultValueFactory = _ => 15 };
        var coverage = new Option<decimal?>("--coverage") { Description = "Instead of --threshold: the share of cases core groups must cover, e.g. 0.95." };
        var weights = new Option<string>("--weights") { Description = "Year weights, oldest first (default 1:2:7).", DefaultValueFactory = _ => "1:2:7" };
        var output = new Option<FileInfo>("--output", "-o") { Description = "Catalog file to write: .json (everything) or .csv (groups).", Required = true };
        var hospitals = new Option<FileInfo?>("--hospitals") { Description = "Hospitals CSV or .xlsx (hospital_id,name,level,type) for level coefficients." };
        var attributes = new Option<FileInfo?>("--procedure-attributes") { Description = "Procedure-attribute CSV or .xlsx (procedure,attribute) for comprehensive groups." };
        var typingFile = new Option<FileInfo?>("--auxiliary-lists") { Description = "Auxiliary-typing lists (JSON: cc, mcc, tumour, metastasis, radiotherapy, chemotherapy, shortStayDays)." };
        var primaryCare = new Option<FileInfo?>("--primary-care") { Description = "Primary-care candidate list: one diagnosis subcategory or group code per line (基层病种候选)." };
        var edition = new Option<string>("--edition") { Description = "Catalog edition.", DefaultValueFactory = _ => "local" };
        var region = new Option<string>("--region") { Description = "Region (统筹地区).", DefaultValueFactory = _ => string.Empty };
        var historyMap = CaseFiles.HeaderMapOption();
        var command = new Command("build-catalog", "Build a local DIP catalog (病种目录) from three years of settled cases and print the build report.");
        foreach (var option in new Option[] { history, threshold, coverage, weights, output, hospitals, attributes, typingFile, primaryCare, edition, region, historyMap })
        {
            command.Options.Add(option);
        }

        command.SetAction(parse =>
        {
            var historyFile = parse.GetValue(history)!;
            if (!historyFile.Exists)
            {
                Console.Error.WriteLine("medpay: history file not found: " + historyFile.FullName);
                return 2;
            }

            if (!CaseFiles.LoadHeaderMap(parse.GetValue(historyMap), historyFile, CsvReadOptions.Default, out var historyHeaderMap))
            {
                return 2;
            }

            if (!TryParseWeights(parse.GetValue(weights)!, out var yearWeights))
            {
                Console.Error.WriteLine("medpay: --weights must be numbers separated by ':' such as 1:2:7.");
                return 2;
            }

            var levels = new Dictionary<string, HospitalLevel>(StringComparer.Ordinal);
            if (parse.GetValue(hospitals) is { } hospitalFile)
            {
                foreach (var row in HospitalCsvReader.ReadFile(hospitalFile.FullName))
                {
                    if (row.IsRejected)
                    {
                        // Not silently a default level: the hospital's history cases are built at an unknown level, and said so.
                        Console.Error.WriteLine("medpay: warning: hospitals file, row " + row.RowNumber.ToString(CultureInfo.InvariantCulture) + ": " + ResultCsv.Issues(row.Issues)
                            + (row.Id.Length > 0 ? "; the history cases of hospital " + row.Id + " count at an unknown level" : string.Empty));
                        continue;
                    }

                    levels[row.Value!.Hospital.Id] = row.Value.Hospital.Level;
                }
            }

            ProcedureAttributeTable table;
            DipAuxiliaryTypingData typing;
            string[] candidates;
            try
            {
                table = ReadAttributes(parse.GetValue(attributes));
                typing = ReadTyping(parse.GetValue(typingFile));
                candidates = parse.GetValue(primaryCare) is { } pc
                    ? File.ReadAllLines(pc.FullName, Encoding.UTF8).Select(l => l.Trim()).Where(l => l.Length > 0).ToArray()
                    : Array.Empty<string>();
            }
            catch (Exception e) when (e is FormatException or ArgumentException or IOException)
            {
                Console.Error.WriteLine("medpay: " + e.Message);
                return 2;
            }

            var records = CaseFiles.Read(historyFile, historyHeaderMap);
            var cases = new List<DipHistoryCase>(records.Count);
            int rejected = 0, noDate = 0;
            foreach (var record in records)
            {
                if (record.IsRejected)
                {
                    rejected++;
                    continue;
                }

                var level = levels.TryGetValue(record.Value!.HospitalId, out var l) ? l : default;
                if (DipHistoryCase.FromCase(record.Value, level, typing) is { } h)
                {
                    cases.Add(h);
                }
                else
                {
                    noDate++;
                }
            }

            var options = new DipBuildOptions
            {
                Edition = parse.GetValue(edition)!,
                Region = parse.GetValue(region)!,
                CoreThreshold = parse.GetValue(threshold),
                CoreCoverage = parse.GetValue(coverage),
                YearWeights = yearWeights,
                ProcedureAttributes = table,
                PrimaryCareCandidates = candidates,
                LevelCoefficients = levels.Count > 0 ? DipLevelCoefficientMode.ByLevel : DipLevelCoefficientMode.None,
            };
            var result = DipCatalogBuilder.Build(cases, options);
            var outFile = parse.GetValue(output)!;
            DipCatalogFiles.WriteFile(result.Catalog, outFile.FullName);
            Console.Out.Write(result.Report.ToText());
            Console.Out.WriteLine(string.Format(CultureInfo.InvariantCulture, "rows: {0}, rejected by the case reader {1}, without discharge date {2}", records.Count, rejected, noDate));
            Console.Out.WriteLine("catalog written to " + outFile.FullName);
            return 0;
        });
        return command;
    }

    private static Command Score()
    {
        var catalog = new Option<FileInfo>("--catalog") { Description = "Catalog file (.json, .csv, or .xlsx with the CSV columns).", Required = true };
        var hospitals = new Option<FileInfo>("--hospitals") { Description = "Hospitals CSV or .xlsx: hospital_id,name,level,type[,coefficient][,coefficient_bonus] (own coefficient and 加成系数 optional).", Required = true };
        var profile = new Option<string>("--profile") { Description = "Policy profile: a built-in name (national-dip-1.0, national-dip-3.0, guangzhou, jining) or a JSON file.", Required = true };
        var input = new Option<FileInfo>("--input", "-i") { Description = "Case CSV to score.", Required = true };
        var output = new Option<FileInfo>("--output", "-o") { Description = "Scored CSV: one row per input row, in order.", Required = true };
        var pointValue = new Option<decimal?>("--point-value") { Description = "Start-of-year point value in yuan (年初点值), for profiles whose ratio is against the payment standard." };
        var attributes = new Option<FileInfo?>("--procedure-attributes") { Description = "Procedure-attribute CSV or .xlsx (procedure,attribute) for comprehensive groups." };
        var trace = new Option<FileInfo?>("--trace") { Description = "Also write id,trace for every row to this CSV file." };
        var scoreTyping = new Option<FileInfo?>("--auxiliary-lists") { Description = "Auxiliary-typing lists (JSON: cc, mcc, tumour, metastasis, radiotherapy, chemotherapy, shortStayDays)." };
        var threads = DrgCommands.ThreadsOption();
        threads.Description = "Threads that convert, score and format blocks of rows, 1–256 (default: all cores); one of them also splits the rows and writes the output in input order, and the output does not depend on the count.";
        var pointSystem = new Option<string>("--point-system") { Description = "Point system (点数体系) of the settlement lines' points (default DIP).", DefaultValueFactory = _ => DipSettlementPricing.DefaultPointSystem };
        var encoding = CaseFiles.EncodingOption();
        var headerMap = CaseFiles.HeaderMapOption();
        var command = new Command("score", "Group and score cases against a DIP catalog under a policy profile (病例分值), and price them into settlement lines (结算行); streams the case file in blocks (bounded memory).");
        foreach (var option in new Option[] { catalog, hospitals, profile, input, output, pointValue, attributes, trace, scoreTyping, threads, pointSystem, encoding, headerMap })
        {
            command.Options.Add(option);
        }

        command.SetAction(parse =>
        {
            var options = CaseFiles.Options(parse.GetValue(encoding));
            if (options is null || !CliFiles.Writable(parse.GetValue(output)!.Directory!) || (parse.GetValue(trace) is { } traceOut && !CliFiles.Writable(traceOut.Directory!)))
            {
                return 2;
            }

            foreach (var file in new[] { parse.GetValue(catalog)!, parse.GetValue(hospitals)!, parse.GetValue(input)! })
            {
                if (!CliFiles.Exists(file))
                {
                    Console.Error.WriteLine("medpay: file not found: " + file.FullName);
                    return 2;
                }
            }

            if (!CaseFiles.LoadHeaderMap(parse.GetValue(headerMap), parse.GetValue(input)!, options, out var map))
            {
                return 2;
            }

            var scorer = LoadScorer(parse.GetValue(profile)!, parse.GetValue(catalog)!, parse.GetValue(pointValue), parse.GetValue(attributes), parse.GetValue(scoreTyping));
            if (scorer is null)
            {
                return 2;
            }

            var contexts = ReadContexts(parse.GetValue(hospitals)!);
            if (contexts is null)
            {
                return 2;
            }

            if (scorer.Catalog.HasEffectivePeriod
                && CaseFiles.EveryCaseOutsidePeriod(parse.GetValue(input)!, options, map, "DIP catalog", CaseFiles.Period(scorer.Catalog.EffectiveFrom, scorer.Catalog.EffectiveTo), scorer.Catalog.InForceOn))
            {
                return 2;
            }

            var threadCount = Math.Max(1, parse.GetValue(threads));
            var pricing = new DipSettlementPricing(scorer.Profile, parse.GetValue(pointSystem));
            long scored = 0, scoringTicks = 0, unpriced = 0;
            var unknownHospitals = new SortedDictionary<string, long>(StringComparer.Ordinal);
            CsvReadReport report;
            var traceFile = parse.GetValue(trace);
            using (var scores = new ScoreWriter(parse.GetValue(output)!.FullName, pricing))
            using (var traces = traceFile is null ? null : new TraceWriter(traceFile.FullName))
            {
                // Blocks are read, converted, scored, priced and formatted on the worker threads, written here in input order.
                var text = new CsvBlockText();

                // One results buffer per thread, used only while its block is scored and formatted (a new one per block
                // would be a large-object allocation every 1 024 cases).
                using var buffers = new ThreadLocal<DipCaseResult[]>(() => new DipCaseResult[CaseFiles.BlockSize]);
                report = CaseFiles.ReadBlocks(
                    parse.GetValue(input)!,
                    options,
                    threadCount,
                    block =>
                    {
                        var results = buffers.Value!.Length >= block.Count ? buffers.Value : buffers.Value = new DipCaseResult[block.Count];
                        var start = Stopwatch.GetTimestamp();
                        ScoreBlock(scorer, contexts, block, results, 1);
                        var ticks = Stopwatch.GetTimestamp() - start;
                        long blockUnpriced = 0;
                        var rows = text.Render(csv =>
                        {
                            for (var i = 0; i < block.Count; i++)
                            {
                                blockUnpriced += ScoreWriter.WriteRow(csv, pricing, block[i], in results[i]) ? 0 : 1;
                            }
                        });
                        var traceRows = traces is null ? null : text.Render(csv =>
                        {
                            for (var i = 0; i < block.Count; i++)
                            {
                                TraceWriter.WriteRow(csv, block[i], in results[i]);
                            }
                        });
                        return (Ticks: ticks, Unpriced: blockUnpriced, Rows: rows, Traces: traceRows);
                    },
                    (block, done) =>
                    {
                        scoringTicks += done.Ticks;
                        unpriced += done.Unpriced;
                        text.WriteTo(scores.Output, done.Rows);
                        if (done.Traces is not null)
                        {
                            text.WriteTo(traces!.Output, done.Traces);
                        }

                        for (var i = 0; i < block.Count; i++)
                        {
                            scored += block[i].IsRejected ? 0 : 1;
                            if (!block[i].IsRejected && block[i].Value!.HospitalId is { Length: > 0 } hospitalId && !contexts.Contains(hospitalId))
                            {
                                unknownHospitals[hospitalId] = (unknownHospitals.TryGetValue(hospitalId, out var n) ? n : 0) + 1;
                            }
                        }
                    },
                    map);
            }

            var ms = scoringTicks * 1000.0 / Stopwatch.Frequency;
            Console.Error.WriteLine(string.Format(
                CultureInfo.InvariantCulture,
                "scoring: {0} cases in {1:0.###} ms = {2:0} cases/s (threads {3})",
                scored,
                ms,
                ms > 0 ? scored / (ms / 1000.0) : 0,
                threadCount));
            Console.Error.WriteLine("reading: " + report);
            foreach (var unknown in unknownHospitals)
            {
                Console.Error.WriteLine(string.Format(CultureInfo.InvariantCulture, "medpay: warning: hospital {0} is not in the hospitals file: {1} cases scored at coefficient 1 ({2})", unknown.Key, unknown.Value, DipIssueCodes.HospitalUnknown));
            }

            if (unpriced > 0)
            {
                Console.Error.WriteLine(string.Format(CultureInfo.InvariantCulture, "medpay: {0} rows rejected or without a settlement line; see the status and issues columns", unpriced));
                return 1;
            }

            return 0;
        });
        return command;
    }

    /// <summary>Scores the accepted records of one block into <paramref name="results"/> (same index), on <paramref name="threads"/>.</summary>
    private static void ScoreBlock(DipScorer scorer, DipHospitalTable contexts, IReadOnlyList<ReadRecord<InpatientCase>> block, DipCaseResult[] results, int threads)
    {
        void ScoreOne(int i)
        {
            results[i] = block[i].IsRejected
                ? default
                : scorer.Score(block[i], contexts.Resolve(block[i].Value!.HospitalId));
        }

        if (threads == 1)
        {
            for (var i = 0; i < block.Count; i++)
            {
                ScoreOne(i);
            }

            return;
        }

        Parallel.For(0, block.Count, new ParallelOptions { MaxDegreeOfParallelism = threads }, ScoreOne);
    }

    /// <summary>Loads the DIP scorer of <c>dip score</c> (and <c>medpay price</c>): profile, catalog, start-of-year point value, procedure attributes and auxiliary lists; null (after printing why) when unusable.</summary>
    internal static DipScorer? LoadScorer(string profileText, FileInfo catalog, decimal? pointValue, FileInfo? attributes, FileInfo? typing)
    {
        try
        {
            var policy = DipPolicyProfiles.TryGetBuiltIn(profileText, out var builtIn) ? builtIn
                : File.Exists(profileText) ? DipPolicyProfiles.ReadFile(profileText)
                : throw new ArgumentException("--profile: '" + profileText + "' is neither a built-in profile (" + string.Join(", ", DipPolicyProfiles.BuiltInNames) + ") nor a file.");
            var pv = pointValue is decimal yuan ? new PointValue(yuan) : (PointValue?)null;
            return new DipScorer(DipCatalogFiles.ReadFile(catalog.FullName), policy, ReadAttributes(attributes), ReadTyping(typing), pv);
        }
        catch (Exception e) when (e is FormatException or ArgumentException or IOException)
        {
            Console.Error.WriteLine("medpay: " + e.Message);
            return null;
        }
    }

    /// <summary>
    /// The DIP hospital contexts (level, own coefficient, 加成系数) of a hospitals CSV; null (after printing why) when a
    /// row's coefficient is unusable. A row the reader rejects is reported on stderr and its hospital's cases are rejected
    /// (<see cref="DipIssueCodes.HospitalInvalid"/>), never scored at a default coefficient.
    /// </summary>
    internal static DipHospitalTable? ReadContexts(FileInfo hospitalsFile)
    {
        var table = DipHospitalTable.FromRows(HospitalCsvReader.ReadFile(hospitalsFile.FullName));
        foreach (var row in table.RejectedRows)
        {
            Console.Error.WriteLine("medpay: hospitals file, row " + row.RowNumber.ToString(CultureInfo.InvariantCulture) + ": " + ResultCsv.Issues(row.Issues)
                + (row.Id.Length > 0 ? "; the cases of hospital " + row.Id + " are rejected (" + DipIssueCodes.HospitalInvalid + ")" : "; the row has no usable hospital id"));
        }

        foreach (var row in table.CoefficientRows)
        {
            foreach (var problem in row.Issues.Where(i => i.Code == DipIssueCodes.HospitalCoefficientInvalid))
            {
                Console.Error.WriteLine("medpay: hospitals file, row " + row.RowNumber.ToString(CultureInfo.InvariantCulture) + ": " + problem.ToCompactString() + " " + problem.MessageEn);
            }
        }

        return table.CoefficientRows.Count == 0 ? table : null;
    }

    /// <summary>
    /// One row per input row, in order: the settlement-line columns (<see cref="SettlementLineCsv.Header"/>; for a row
    /// that is not priced only <c>line_id</c> and <c>hospital_id</c>), then DIP's own columns.
    /// </summary>
    private sealed class ScoreWriter : IDisposable
    {
        private readonly CsvWriter _csv;

        public ScoreWriter(string path, DipSettlementPricing pricing)
        {
            Output = CliOutput.Open(path);
            _csv = CliOutput.Csv(Output);
            foreach (var column in SettlementLineCsv.Header.Concat(ScoreColumns))
            {
                _csv.WriteField(column);
            }

            _csv.NextRecord();
            _csv.Flush();
        }

        /// <summary>The file, after the header: blocks of rows formatted by <see cref="WriteRow"/> are written to it.</summary>
        public StreamWriter Output { get; }

        /// <summary>Prices and writes one row to <paramref name="csv"/>; whether it has a settlement line.</summary>
        public static bool WriteRow(CsvRowText csv, DipSettlementPricing pricing, ReadRecord<InpatientCase> record, in DipCaseResult result)
        {
            var priced = record.IsRejected ? default : pricing.Price(record.Value!, result);
            ResultCsv.WriteLineCells(csv, priced.Line, record.Id, record.Value?.HospitalId);

            if (record.IsRejected || result.Status == DipCaseStatus.Rejected)
            {
                csv.WriteField("rejected");
                for (var k = 0; k < 9; k++)
                {
                    csv.WriteField(string.Empty);
                }

                csv.WriteField(ResultCsv.Issues(record.Issues, record.IsRejected ? Array.Empty<Validation.ValidationIssue>() : result.Issues(), priced.Issues));
                csv.NextRecord();
                return false;
            }

            var r = result;
            csv.WriteField(r.Status == DipCaseStatus.Scored ? "scored" : "unmatched");
            csv.WriteField(r.Group?.Code ?? string.Empty);
            csv.WriteField(r.GroupKindText);
            if (r.RatioBasis == 0m)
            {
                csv.WriteField(string.Empty);
            }
            else
            {
                csv.WriteNumber(r.Ratio, "0.####");
            }

            csv.WriteField(DeviationText(r.Deviation));
            if (r.Group is null)
            {
                csv.WriteField(string.Empty);
                csv.WriteField(string.Empty);
                csv.WriteField(string.Empty);
            }
            else
            {
                csv.WriteNumber(r.BaseScore.Value);
                csv.WriteNumber((r.HospitalCoefficientApplied ? r.HospitalCoefficient : Coefficient.One).Value);
                csv.WriteNumber(r.AuxiliaryCoefficient.Value);
            }

            csv.WriteNumber(r.CaseScore.Value);
            csv.WriteField(r.Review ? "true" : "false");
            csv.WriteField(ResultCsv.Issues(record.Issues, r.Issues(), priced.Issues));
            csv.NextRecord();
            return priced.Line is not null;
        }

        public void Dispose()
        {
            _csv.Dispose();
            Output.Dispose();
        }

        /// <summary>The deviation column: the enumeration's name in lower case, without formatting an enum per row.</summary>
        private static string DeviationText(DipDeviation deviation) => deviation switch
        {
            DipDeviation.Normal => "normal",
            DipDeviation.Low => "low",
            DipDeviation.High => "high",
            DipDeviation.Extreme => "extreme",
            _ => deviation.ToString().ToLowerInvariant(),
        };
    }

    /// <summary><c>--trace</c>: <c>id,trace</c> for every row, in order.</summary>
    private sealed class TraceWriter : IDisposable
    {
        private readonly CsvWriter _csv;

        public TraceWriter(string path)
        {
            Output = CliOutput.Open(path);
            _csv = CliOutput.Csv(Output);
            _csv.WriteField("id");
            _csv.WriteField("trace");
            _csv.NextRecord();
            _csv.Flush();
        }

        /// <summary>The file, after the header: blocks of rows formatted by <see cref="WriteRow"/> are written to it.</summary>
        public StreamWriter Output { get; }

        public static void WriteRow(CsvRowText csv, ReadRecord<InpatientCase> record, in DipCaseResult result)
        {
            csv.WriteField(record.Id);
            csv.WriteField(record.IsRejected ? "rejected by the case reader" : result.Trace());
            csv.NextRecord();
        }

        public void Dispose()
        {
            _csv.Dispose();
            Output.Dispose();
        }
    }

    private static ProcedureAttributeTable ReadAttributes(FileInfo? file)
    {
        if (file is null)
        {
            return ProcedureAttributeTable.Empty;
        }

        using var reader = CliFiles.OpenTable(file);
        return ProcedureAttributeTable.ReadCsv(reader, file.FullName);
    }

    private static DipAuxiliaryTypingData ReadTyping(FileInfo? file) =>
        file is null ? DipAuxiliaryTypingData.None : DipAuxiliaryTypingData.FromJson(File.ReadAllText(file.FullName, Encoding.UTF8), file.FullName);

    private static bool TryParseWeights(string text, out decimal[] weights)
    {
        var parts = text.Split(':');
        weights = new decimal[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!decimal.TryParse(parts[i].Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out weights[i]) || weights[i] < 0m)
            {
                return false;
            }
        }

        return parts.Length > 0 && weights.Sum() > 0m;
    }
}
