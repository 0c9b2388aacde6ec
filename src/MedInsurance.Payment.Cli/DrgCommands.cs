using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MedInsurance.Payment.Cases;
using MedInsurance.Payment.Drg.Editions;
using MedInsurance.Payment.Drg.Grouping;
using MedInsurance.Payment.Drg.Loading;
using MedInsurance.Payment.Drg.Pricing;
using MedInsurance.Payment.Drg.Rules;
using MedInsurance.Payment.Interchange;
using MedInsurance.Payment.Validation;

namespace MedInsurance.Payment.Cli;

/// <summary><c>medpay drg …</c>: CHS-DRG grouping of case files, single-case explanations and pricing into settlement lines.</summary>
internal static class DrgCommands
{
    /// <summary>The header assumed for <c>drg explain --case</c> rows (the case CSV's usual first columns).</summary>
    internal const string DefaultCaseHeader = "id,sex,age,age_days,birth_weight_g,los,discharge_type,diagnoses,procedures";

    private static readonly string[] ResultColumns = { "id", "status", "mdc", "adrg", "drg", "issues" };


    public static Command Create()
    {
        var drg = new Command("drg", "CHS-DRG grouping (国家医疗保障疾病诊断相关分组): group case files and explain single cases.");
        drg.Subcommands.Add(CreateGroup());
        drg.Subcommands.Add(DrgPriceCommand.Create());
        drg.Subcommands.Add(DrgStandardsCommand.Create());
        drg.Subcommands.Add(CreateExplain());
        drg.Subcommands.Add(CreateRules());
        return drg;
    }

    private static Command CreateGroup()
    {
        var rules = new GrouperOptions();
        var threads = ThreadsOption();
        var input = InputOption();
        var encoding = CaseFiles.EncodingOption();
        var headerMap = CaseFiles.HeaderMapOption();
        var output = new Option<FileInfo>("--output", "-o") { Description = "Results CSV: id,status,mdc,adrg,drg,issues — one row per input row, in input order.", Required = true };
        var crosswalk = CrosswalkOption();
        var group = new Command("group", "Group every case of a case CSV file, streaming in blocks (bounded memory); print the rows read and the grouping throughput to stderr.");
        foreach (var option in rules.All.Concat(new Option[] { threads, input, encoding, headerMap, output, crosswalk }))
        {
            group.Options.Add(option);
        }

        group.SetAction(parse =>
        {
            var options = CaseFiles.Options(parse.GetValue(encoding));
            if (options is null)
            {
                return 2;
            }

            var grouper = rules.Load(parse);
            if (grouper is null)
            {
                return 2;
            }

            var file = parse.GetValue(input)!;
            var outputFile = parse.GetValue(output)!;
            if (!Exists(file, "input file") || !CliFiles.Writable(outputFile.Directory!) || !CaseFiles.LoadHeaderMap(parse.GetValue(headerMap), file, options, out var map))
            {
                return 2;
            }

            if (LoadCrosswalks(parse.GetValue(crosswalk)) is not { } crosswalks)
            {
                return 2;
            }

            var threadCount = Math.Max(1, parse.GetValue(threads));
            CsvReadReport report;
            GroupCounts counts;
            using (var writer = CliOutput.Open(outputFile.FullName))
            using (var csv = CliOutput.Csv(writer))
            {
                foreach (var header in ResultColumns)
                {
                    csv.WriteField(header);
                }

                csv.NextRecord();
                csv.Flush();
                counts = new GroupCounts();

                // Blocks are read, converted, grouped and formatted on the worker threads (one block grouper each: its
                // buffers are its own) and written here in input order.
                using var groupers = new ThreadLocal<BlockGrouper>(() => new BlockGrouper(grouper, 1, crosswalks));
                var text = new CsvBlockText();
                report = CaseFiles.ReadBlocks(
                    file,
                    options,
                    threadCount,
                    records =>
                    {
                        var block = groupers.Value!.Group(records, counts);
                        return text.Render(rows =>
                        {
                            for (var i = 0; i < records.Count; i++)
                            {
                                var record = records[i];
                                if (block.Results[i] is not { } result)
                                {
                                    WriteRow(rows, record.Id, DrgResult.StatusName(DrgStatus.Rejected), string.Empty, string.Empty, string.Empty, record.Issues);
                                    continue;
                                }

                                var issues = block.MappingIssues(i) is { } mapping ? Merge(mapping, result.Issues) : result.Issues;
                                WriteRow(rows, record.Id, result.StatusText, result.Mdc, result.Adrg, result.Drg, record.Issues.Count == 0 ? issues : Merge(record.Issues, issues));
                            }
                        });
                    },
                    (records, rows) => text.WriteTo(writer, rows),
                    map);
            }

            var ms = counts.ElapsedTicks * 1000m / Stopwatch.Frequency;
            var perSecond = counts.ElapsedTicks == 0 ? 0 : counts.Grouped * Stopwatch.Frequency / counts.ElapsedTicks;
            Console.Error.WriteLine(string.Format(
                CultureInfo.InvariantCulture,
                "grouping: {0} cases in {1:0.###} ms = {2} cases/s (threads {3})",
                counts.Grouped,
                ms,
                perSecond,
                threadCount));
            Console.Error.WriteLine("reading: " + report);
            return 0;
        });
        return group;
    }

    private static Command CreateExplain()
    {
        var rules = new GrouperOptions();
        var row = new Option<string>("--case", "-c") { Description = "One case as a CSV row in the column order " + DefaultCaseHeader + ".", Required = true };
        var header = new Option<string>("--header") { Description = "The header of the --case row, if it differs.", DefaultValueFactory = _ => DefaultCaseHeader };
        var language = new Option<string>("--language", "-l") { Description = "Trace language: zh, en or both.", DefaultValueFactory = _ => "both" };
        language.AcceptOnlyFromAmong("zh", "en", "both");
        var crosswalk = CrosswalkOption();
        var explain = new Command("explain", "Group one case and print the trace of every decision (Chinese and/or English).");
        foreach (var option in rules.All.Concat(new Option[] { row, header, language, crosswalk }))
        {
            explain.Options.Add(option);
        }

        explain.SetAction(parse =>
        {
            var grouper = rules.Load(parse);
            if (grouper is null)
            {
                return 2;
            }

            using var reader = new StringReader(parse.GetValue(header) + "\n" + parse.GetValue(row) + "\n");
            var record = CaseCsvReader.Read(reader).FirstOrDefault();
            if (record is null)
            {
                Console.Error.WriteLine("medpay: --case is empty.");
                return 2;
            }

            if (record.IsRejected)
            {
                Console.Out.WriteLine(record.Id + ": rejected " + ResultCsv.Issues(record.Issues));
                foreach (var issue in record.Issues)
                {
                    Console.Out.WriteLine("  " + issue);
                }

                return 1;
            }

            if (LoadCrosswalks(parse.GetValue(crosswalk)) is not { } crosswalks)
            {
                return 2;
            }

            var result = crosswalks.Count == 0 ? grouper.Group(record.Value!) : grouper.Group(record.Value!, crosswalks);
            var lang = parse.GetValue(language);
            Console.Out.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0}: {1} {2} {3} {4} {5}", result.CaseId, result.StatusText, result.Mdc, result.Adrg, result.Drg, ResultCsv.Issues(Merge(record.Issues, result.Issues))));
            if (lang is "zh" or "both")
            {
                Console.Out.Write(result.Trace.Render(TraceLanguage.Chinese));
            }

            if (lang is "en" or "both")
            {
                Console.Out.Write(result.Trace.Render(TraceLanguage.English));
            }

            return 0;
        });
        return explain;
    }

    private static Command CreateRules()
    {
        var rules = RulesOption();
        var edition = EditionOption();
        var compiled = new Option<FileInfo?>("--save-compiled") { Description = "Also save the loaded pack, its edition conventions and its load report as rule-pack JSON (format 2, docs/formats-drg.md) to this file: the converter from the text layout." };
        var conventions = new Option<FileInfo?>("--conventions") { Description = "The edition's prose rules (pre-MDC order, sex/infant/trauma MDCs, surgical letters, QY suffix, split digits) as JSON; default CHS-DRG 1.1's. Only with a rule-text folder." };
        var verify = new Option<bool>("--verify") { Description = "Compare the folder with the edition's published manifest (SHA-256 of each file, table counts): exit 0 as published, 1 differs but plausible, 2 refused." };
        var command = new Command("rules", "Load a rule-text folder (or a rule-pack JSON file) and print the load report: codes per table, repairs, unparsed lines with file and line. A pack that is not a plausible pack of the edition is refused (exit 2).");
        command.Options.Add(verify);
        command.Options.Add(rules);
        command.Options.Add(edition);
        command.Options.Add(compiled);
        command.Options.Add(conventions);
        command.SetAction(parse =>
        {
            var editionName = parse.GetValue(edition)!;
            var rulesPath = parse.GetValue(rules)!.FullName;
            (RulePackLoadResult Loaded, RulePackCheck Check)? checkedPack;
            if (RulePackLoading.IsCompiled(rulesPath))
            {
                if (parse.GetValue(conventions) is not null)
                {
                    Console.Error.WriteLine("medpay: --conventions applies to a rule-text folder; a rule-pack JSON carries its own.");
                    return 2;
                }

                checkedPack = RulePackLoading.LoadCompiled(rulesPath, editionName, quiet: true);
            }
            else
            {
                var folder = ResolveFolder(parse.GetValue(rules)!, editionName);
                if (folder is null)
                {
                    return 2;
                }

                EditionConventions? stated = null;
                if (parse.GetValue(conventions) is { } conventionsFile)
                {
                    try
                    {
                        using var stream = File.OpenRead(conventionsFile.FullName);
                        stated = CompiledRulePack.ReadConventions(stream, conventionsFile.Name);
                    }
                    catch (Exception ex) when (ex is FormatException or IOException or UnauthorizedAccessException)
                    {
                        Console.Error.WriteLine("medpay: the conventions file is refused: " + ex.Message);
                        return 2;
                    }
                }

                checkedPack = RulePackLoading.Load(folder, editionName, quiet: true, stated);
            }

            if (checkedPack is not { } usable)
            {
                return 2;
            }

            if (parse.GetValue(verify))
            {
                return RulePackLoading.Verdict(usable.Check, editionName);
            }

            var loaded = usable.Loaded;
            Console.Out.Write(loaded.Report.Render());
            if (parse.GetValue(compiled) is { } target)
            {
                using var stream = File.Create(target.FullName);
                CompiledRulePack.Save(loaded, stream);
            }

            return loaded.Report.Unparsed.Count == 0 ? 0 : 1;
        });
        return command;
    }

    internal static Option<string[]> CrosswalkOption() => new("--crosswalk")
    {
        Description = "A code-edition crosswalk, NAME=DIAGNOSIS_FILE[,PROCEDURE_FILE] (e.g. 医保版1.0=ZD_YB10_TO_YB20.dat,SS_YB10_TO_YB20.dat); repeatable, tried in order. Codes the rule pack does not know are mapped (DRG_CODE_MAPPED, shown in the trace).",
        Arity = ArgumentArity.ZeroOrMore,
    };

    /// <summary>The crosswalks named by <c>--crosswalk</c> (empty when none), or null after printing why one is refused.</summary>
    internal static List<CodeEditionCrosswalk>? LoadCrosswalks(string[]? values)
    {
        var result = new List<CodeEditionCrosswalk>();
        foreach (var value in values ?? Array.Empty<string>())
        {
            var equals = value.IndexOf('=', StringComparison.Ordinal);
            var files = (equals < 0 ? value : value.Substring(equals + 1)).Split(',');
            if (files.Length > 2 || files[0].Length == 0)
            {
                Console.Error.WriteLine("medpay: --crosswalk is NAME=DIAGNOSIS_FILE[,PROCEDURE_FILE].");
                return null;
            }

            var name = equals > 0 ? value.Substring(0, equals) : Path.GetFileNameWithoutExtension(files[0]);
            try
            {
                result.Add(CodeEditionCrosswalk.Load(name, files[0], files.Length > 1 && files[1].Length > 0 ? files[1] : null));
            }
            catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine("medpay: the crosswalk " + name + " is refused: " + ex.Message);
                return null;
            }
        }

        return result;
    }

    private static string? ResolveFolder(DirectoryInfo rules, string edition)
    {
        var folder = rules.FullName;
        if (!File.Exists(Path.Combine(folder, "1_MDC.txt")))
        {
            folder = Path.Combine(folder, edition.StartsWith("chs-drg-", StringComparison.Ordinal) ? edition.Substring("chs-drg-".Length) : edition);
        }

        if (!File.Exists(Path.Combine(folder, "1_MDC.txt")))
        {
            Console.Error.WriteLine("medpay: no CHS-DRG rule text (1_MDC.txt …) in " + rules.FullName + " or " + folder);
            return null;
        }

        return folder;
    }

    private static Option<DirectoryInfo> RulesOption() =>
        new("--rules", "-r") { Description = "CHS-DRG rule-text folder (1_MDC.txt … 7_CCE.txt), its parent holding one folder per edition (1.1, 1.0-revised, 2.0 …), or a rule-pack JSON file written by `drg rules --save-compiled`.", Required = true };

    private static Option<string> EditionOption()
    {
        var option = new Option<string>("--edition", "-e") { Description = "Edition id: chs-drg-1.1 or chs-drg-1.0-revised (checked against their published manifests), or a region's own id such as demo-drg-1 (checked for structure only).", Required = true };
        option.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string>() ?? string.Empty;
            if (value.Length == 0 || value.Length > 64 || !value.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '.' or '-'))
            {
                result.AddError("--edition is an edition id of lower-case letters, digits, '.' and '-' (e.g. chs-drg-1.1).");
            }
        });
        return option;
    }

    private static Option<string> AmbiguousOption()
    {
        var option = new Option<string>("--ambiguous-group") { Description = "QY ambiguous-group check (歧义组): on (national default) or off.", DefaultValueFactory = _ => "on" };
        option.AcceptOnlyFromAmong("on", "off");
        return option;
    }

    private static DrgGrouper? LoadGrouper(DirectoryInfo rules, string edition, string ambiguous)
    {
        (RulePackLoadResult Loaded, RulePackCheck Check)? loaded;
        if (RulePackLoading.IsCompiled(rules.FullName))
        {
            loaded = RulePackLoading.LoadCompiled(rules.FullName, edition, quiet: false);
        }
        else
        {
            var folder = ResolveFolder(rules, edition);
            if (folder is null)
            {
                return null;
            }

            loaded = RulePackLoading.Load(folder, edition, quiet: false);
        }

        if (loaded is not { } checkedPack)
        {
            return null;
        }

        var policy = new DrgPolicy { AmbiguousGroupCheck = ambiguous == "on" };
        return new DrgGrouper(checkedPack.Loaded.Pack, policy);
    }

    /// <summary>The <c>--threads</c> option (1–256, default: all cores); <paramref name="shortAlias"/> adds <c>-t</c> where no other option has it.</summary>
    internal static Option<int> ThreadsOption(bool shortAlias = true)
    {
        var option = new Option<int>("--threads") { Description = "Threads that convert, group and format blocks of rows, 1–256 (default: all cores); one of them also splits the rows and writes the output in input order, and the output does not depend on the count.", DefaultValueFactory = _ => Environment.ProcessorCount };
        if (shortAlias)
        {
            option.Aliases.Add("-t");
        }

        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > 256)
            {
                result.AddError("--threads must be between 1 and 256.");
            }
        });
        return option;
    }

    private static Option<FileInfo> InputOption() =>
        new("--input", "-i") { Description = "Case CSV file (UTF-8, header row).", Required = true };

    internal static bool Exists(FileInfo file, string what)
    {
        if (CliFiles.Exists(file))
        {
            return true;
        }

        Console.Error.WriteLine("medpay: " + what + " not found: " + file.FullName);
        return false;
    }

    /// <summary>
    /// Reads a case file and groups every accepted row through the batch kernel (timed, after one warm-up case), then
    /// describes each outcome. One entry per input row, in order; null for rows the reader rejected. Holds the whole
    /// file: for commands that need every case at once (<c>medpay price</c>); <c>drg group</c> streams instead.
    /// </summary>
    internal static GroupedFile GroupFile(DrgGrouper grouper, FileInfo file, int threads, CaseHeaderMap? headerMap = null)
    {
        var records = CaseFiles.Read(file, headerMap);
        var counts = new GroupCounts();
        var results = new BlockGrouper(grouper, threads).Group(records, counts).Results;
        return new GroupedFile(records, results, counts.Grouped, counts.ElapsedTicks);
    }

    /// <summary>Reads a DRG weight CSV (drg,weight); null (after printing why) when the file is unusable.</summary>
    internal static IReadOnlyDictionary<string, RelativeWeight>? ReadWeights(FileInfo weightsFile)
    {
        try
        {
            using var reader = CliFiles.OpenTable(weightsFile);
            return DrgWeightTable.Read(reader, weightsFile.Name);
        }
        catch (InvalidDataException ex)
        {
            Console.Error.WriteLine("medpay: " + ex.Message);
            return null;
        }
    }

    /// <summary>Reads the hospital list for <c>drg price</c>; null (after printing why) when the file is unusable.</summary>
    internal static HospitalCoefficients? ReadHospitalCoefficients(FileInfo file)
    {
        var terms = new Dictionary<string, DrgHospitalTerms>(StringComparer.Ordinal);
        var invalid = new HashSet<string>(StringComparer.Ordinal);
        var rejected = new HashSet<string>(StringComparer.Ordinal);
        foreach (var record in HospitalCsvReader.ReadFile(file.FullName))
        {
            var where = "medpay: hospitals file " + file.Name + " row " + record.RowNumber.ToString(CultureInfo.InvariantCulture) + ": ";
            if (record.Issues.FirstOrDefault(i => i.Code is IssueCodes.ColumnMissing || (i.Code is IssueCodes.CaseIdDuplicated && i.Field == HospitalCsvReader.IdColumn)) is { } fatal)
            {
                Console.Error.WriteLine(where + fatal.ToCompactString() + " " + fatal.MessageEn);
                return null;
            }

            if (record.IsRejected)
            {
                Console.Error.WriteLine(where + ResultCsv.Issues(record.Issues)
                    + (record.Id.Length > 0 ? "; the cases of hospital " + record.Id + " are rejected (" + DrgPricingIssueCodes.HospitalInvalid + ")" : "; the row has no usable hospital id"));
                if (record.Id.Length > 0)
                {
                    rejected.Add(record.Id);
                }

                continue;
            }

            foreach (var issue in record.Issues)
            {
                Console.Error.WriteLine(where + "note: " + issue.ToCompactString() + " " + issue.MessageEn);
            }

            var row = record.Value!;
            var text = row.GetExtra("coefficient");
            var level = (int)row.Hospital.Level.Tier;
            if (text is null)
            {
                terms.Add(row.Hospital.Id, new DrgHospitalTerms(row.Hospital.Id, level));
            }
            else if (decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            {
                terms.Add(row.Hospital.Id, new DrgHospitalTerms(row.Hospital.Id, level, new Coefficient(value)));
            }
            else
            {
                invalid.Add(row.Hospital.Id);
                terms.Add(row.Hospital.Id, new DrgHospitalTerms(row.Hospital.Id, level));
            }
        }

        foreach (var id in rejected)
        {
            invalid.Remove(id);
            terms[id] = DrgHospitalTerms.Invalid(id);
        }

        return new HospitalCoefficients(terms, invalid);
    }

    internal static IEnumerable<ValidationIssue> Merge(IEnumerable<ValidationIssue> first, IEnumerable<ValidationIssue> second)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var issue in first.Concat(second))
        {
            if (seen.Add(issue.ToCompactString()))
            {
                yield return issue;
            }
        }
    }

    private static void WriteRow(CsvRowText csv, string id, string status, string mdc, string adrg, string drg, IEnumerable<ValidationIssue> issues)
    {
        csv.WriteField(id);
        csv.WriteField(status);
        csv.WriteField(mdc);
        csv.WriteField(adrg);
        csv.WriteField(drg);
        csv.WriteField(ResultCsv.Issues(issues));
        csv.NextRecord();
    }

    /// <summary>The options of every command that groups: rule folder, edition and the QY check.</summary>
    internal sealed class GrouperOptions
    {
        /// <summary>The options; <paramref name="rulesRequired"/> false for commands that group only when their policy needs it (<c>medpay price</c>).</summary>
        public GrouperOptions(bool rulesRequired = true)
        {
            Rules.Required = rulesRequired;
            Edition.Required = rulesRequired;
        }

        public Option<DirectoryInfo> Rules { get; } = RulesOption();

        public Option<string> Edition { get; } = EditionOption();

        public Option<string> Ambiguous { get; } = AmbiguousOption();

        public IEnumerable<Option> All => new Option[] { Rules, Edition, Ambiguous };

        public DrgGrouper? Load(ParseResult parse) => LoadGrouper(parse.GetValue(Rules)!, parse.GetValue(Edition)!, parse.GetValue(Ambiguous)!);
    }

    /// <summary>Cases grouped and kernel time, summed over blocks (added to from several threads).</summary>
    internal sealed class GroupCounts
    {
        private long _grouped;
        private long _elapsedTicks;

        public int Grouped => (int)Interlocked.Read(ref _grouped);

        public long ElapsedTicks => Interlocked.Read(ref _elapsedTicks);

        public void Add(int grouped, long elapsedTicks)
        {
            Interlocked.Add(ref _grouped, grouped);
            Interlocked.Add(ref _elapsedTicks, elapsedTicks);
        }
    }

    /// <summary>One block's grouping: a result per record (null for rejected ones) and the crosswalk issues per record.</summary>
    internal sealed class GroupedBlock
    {
        private readonly IReadOnlyList<ValidationIssue>?[] _mappingIssues;

        public GroupedBlock(DrgResult?[] results, IReadOnlyList<ValidationIssue>?[] mappingIssues)
        {
            Results = results;
            _mappingIssues = mappingIssues;
        }

        public DrgResult?[] Results { get; }

        /// <summary>The crosswalk issues of record <paramref name="index"/>, or null when none.</summary>
        public IReadOnlyList<ValidationIssue>? MappingIssues(int index) => index < _mappingIssues.Length ? _mappingIssues[index] : null;
    }

    /// <summary>
    /// Groups the accepted records of one block through the batch kernel on <c>threads</c> and describes each outcome.
    /// Reused across blocks by one thread at a time (its buffers are its own; one warm-up case before the first timing).
    /// </summary>
    internal sealed class BlockGrouper
    {
        private readonly DrgGrouper _grouper;
        private readonly int _threads;
        private readonly IReadOnlyList<CodeEditionCrosswalk> _crosswalks;
        private readonly List<DrgCase> _prepared = new();
        private DrgOutcome[] _outcomes = Array.Empty<DrgOutcome>();
        private bool _warm;

        public BlockGrouper(DrgGrouper grouper, int threads, IReadOnlyList<CodeEditionCrosswalk>? crosswalks = null)
        {
            _grouper = grouper;
            _threads = threads;
            _crosswalks = crosswalks ?? Array.Empty<CodeEditionCrosswalk>();
        }

        public GroupedBlock Group(IReadOnlyList<ReadRecord<InpatientCase>> records, GroupCounts counts)
        {
            _prepared.Clear();
            var positions = new int[records.Count];
            for (var i = 0; i < records.Count; i++)
            {
                positions[i] = records[i].IsRejected ? -1 : _prepared.Count;
                if (positions[i] >= 0)
                {
                    _prepared.Add(null!);
                }
            }

            if (_outcomes.Length < _prepared.Count)
            {
                _outcomes = new DrgOutcome[_prepared.Count];
            }

            // Mapping codes of other code editions (when crosswalks are given) and preparing (code interning, checks) are
            // per case: spread them over the threads like the kernel.
            var mappingIssues = _crosswalks.Count == 0 ? Array.Empty<IReadOnlyList<ValidationIssue>?>() : new IReadOnlyList<ValidationIssue>?[records.Count];
            ForEach(records.Count, i =>
            {
                if (positions[i] < 0)
                {
                    return;
                }

                if (_crosswalks.Count == 0)
                {
                    // The reader has run the basic checks: the record's issues are taken, not computed again.
                    _prepared[positions[i]] = _grouper.Prepare(records[i]);
                    return;
                }

                var mapped = _grouper.MapCodes(records[i].Value!, _crosswalks);
                mappingIssues[i] = mapped.Issues.Count == 0 ? null : mapped.Issues;
                _prepared[positions[i]] = _grouper.Prepare(mapped.Case);
            });
            if (!_warm && _prepared.Count > 0)
            {
                // Warm the kernel (JIT) on one case so the timing measures grouping, not compilation.
                _grouper.Group(_prepared[0]);
                _warm = true;
            }

            var start = Stopwatch.GetTimestamp();
            _grouper.GroupBatch(_prepared, _outcomes, _threads);
            counts.Add(_prepared.Count, Stopwatch.GetTimestamp() - start);
            var results = new DrgResult?[records.Count];
            ForEach(records.Count, i =>
            {
                if (positions[i] >= 0)
                {
                    results[i] = _grouper.Describe(_prepared[positions[i]], _outcomes[positions[i]]);
                }
            });
            return new GroupedBlock(results, mappingIssues);
        }

        private void ForEach(int count, Action<int> body)
        {
            if (_threads <= 1 || count < 256)
            {
                for (var i = 0; i < count; i++)
                {
                    body(i);
                }

                return;
            }

            var chunk = (count + (_threads * 4) - 1) / (_threads * 4);
            Parallel.For(0, (count + chunk - 1) / chunk, new ParallelOptions { MaxDegreeOfParallelism = _threads }, p =>
            {
                var end = Math.Min(count, (p + 1) * chunk);
                for (var i = p * chunk; i < end; i++)
                {
                    body(i);
                }
            });
        }
    }

    /// <summary>A grouped case file: the records, one result per row (null when the reader rejected it) and the kernel time.</summary>
    internal sealed class GroupedFile
    {
        public GroupedFile(IReadOnlyList<ReadRecord<InpatientCase>> records, DrgResult?[] results, int groupedCount, long elapsedTicks)
        {
            Records = records;
            Results = results;
            GroupedCount = groupedCount;
            ElapsedTicks = elapsedTicks;
        }

        public IReadOnlyList<ReadRecord<InpatientCase>> Records { get; }

        public DrgResult?[] Results { get; }

        public int GroupedCount { get; }

        public long ElapsedTicks { get; }
    }

    /// <summary>The hospital coefficients of <c>drg price</c>: parsed ones, and the hospitals whose coefficient is not a number.</summary>
    internal sealed class HospitalCoefficients
    {
        private readonly Dictionary<string, DrgHospitalTerms> _terms;
        private readonly HashSet<string> _invalid;

        public HospitalCoefficients(Dictionary<string, DrgHospitalTerms> terms, HashSet<string> invalid)
        {
            _terms = terms;
            _invalid = invalid;
        }

        /// <summary>
        /// Prices a case; for a hospital whose coefficient is not a number the case is priced at 1 only to collect the
        /// other reasons, and <paramref name="coefficientIssue"/> rejects it.
        /// </summary>
        public DrgPricingResult Price(DrgSettlementPricing pricing, InpatientCase inpatientCase, DrgResult grouping, out ValidationIssue? coefficientIssue)
        {
            if (inpatientCase.HospitalId.Length > 0 && _invalid.Contains(inpatientCase.HospitalId))
            {
                coefficientIssue = ValidationIssue.Error(DrgPricingIssueCodes.CoefficientInvalid, "coefficient", "医院系数不是数值", "The hospital's coefficient in the hospital list is not a number.");
                return pricing.Policy is null ? pricing.Price(inpatientCase, grouping, Coefficient.One) : pricing.Price(inpatientCase, grouping, _terms);
            }

            coefficientIssue = null;
            return pricing.Price(inpatientCase, grouping, _terms);
        }
    }
}
