using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using CsvHelper;
using MedInsurance.Payment.Drg.Grouping;
using MedInsurance.Payment.Drg.Loading;
using MedInsurance.Payment.Interchange;
using MedInsurance.Payment.Validation;

namespace MedInsurance.Payment.Cli;

/// <summary><c>medpay drg …</c>: CHS-DRG grouping of case files and single-case explanations.</summary>
internal static class DrgCommands
{
    /// <summary>The header assumed for <c>drg explain --case</c> rows (the case CSV's usual first columns).</summary>
    internal const string DefaultCaseHeader = "id,sex,age,age_days,birth_weight_g,los,discharge_type,diagnoses,procedures";

    private static readonly string[] ResultColumns = { "id", "status", "mdc", "adrg", "drg", "issues" };

    public static Command Create()
    {
        var drg = new Command("drg", "CHS-DRG grouping (国家医疗保障疾病诊断相关分组): group case files and explain single cases.");
        drg.Subcommands.Add(CreateGroup());
        drg.Subcommands.Add(CreateExplain());
        drg.Subcommands.Add(CreateRules());
        return drg;
    }

    private static Command CreateGroup()
    {
        var rules = RulesOption();
        var edition = EditionOption();
        var ambiguous = AmbiguousOption();
        var threads = new Option<int>("--threads", "-t") { Description = "Threads for grouping (default: all cores).", DefaultValueFactory = _ => Environment.ProcessorCount };
        var input = new Option<FileInfo>("--input", "-i") { Description = "Case CSV file (UTF-8, header row).", Required = true };
        var output = new Option<FileInfo>("--output", "-o") { Description = "Results CSV: id,status,mdc,adrg,drg,issues — one row per input row, in input order.", Required = true };
        var group = new Command("group", "Group every case of a case CSV file; print the grouping throughput to stderr.");
        foreach (var option in new Option[] { rules, edition, ambiguous, threads, input, output })
        {
            group.Options.Add(option);
        }

        group.SetAction(parse =>
        {
            var grouper = LoadGrouper(parse.GetValue(rules)!, parse.GetValue(edition)!, parse.GetValue(ambiguous)!);
            if (grouper is null)
            {
                return 2;
            }

            var file = parse.GetValue(input)!;
            if (!file.Exists)
            {
                Console.Error.WriteLine("medpay: input file not found: " + file.FullName);
                return 2;
            }

            var records = CaseFiles.Read(file);
            var prepared = new DrgCase?[records.Count];
            var accepted = new List<DrgCase>(records.Count);
            var index = new int[records.Count];
            for (var i = 0; i < records.Count; i++)
            {
                index[i] = -1;
                if (!records[i].IsRejected)
                {
                    prepared[i] = grouper.Prepare(records[i].Value!);
                    index[i] = accepted.Count;
                    accepted.Add(prepared[i]!);
                }
            }

            var threadCount = Math.Max(1, parse.GetValue(threads));
            var outcomes = new DrgOutcome[accepted.Count];
            if (accepted.Count > 0)
            {
                // Warm the kernel (JIT) on one case so the timing below measures grouping, not compilation.
                grouper.Group(accepted[0]);
            }

            var watch = Stopwatch.StartNew();
            grouper.GroupBatch(accepted, outcomes, threadCount);
            watch.Stop();

            using (var writer = new StreamWriter(parse.GetValue(output)!.FullName, false, new UTF8Encoding(false)))
            using (var csv = new CsvWriter(writer, CultureInfo.InvariantCulture))
            {
                foreach (var header in ResultColumns)
                {
                    csv.WriteField(header);
                }

                csv.NextRecord();
                for (var i = 0; i < records.Count; i++)
                {
                    if (index[i] < 0)
                    {
                        WriteRow(csv, records[i].Id, DrgResult.StatusName(DrgStatus.Rejected), string.Empty, string.Empty, string.Empty, records[i].Issues);
                        continue;
                    }

                    var result = grouper.Describe(prepared[i]!, outcomes[index[i]]);
                    WriteRow(csv, records[i].Id, result.StatusText, result.Mdc, result.Adrg, result.Drg, Merge(records[i].Issues, result.Issues));
                }
            }

            var ms = watch.ElapsedTicks * 1000m / Stopwatch.Frequency;
            var perSecond = watch.ElapsedTicks == 0 ? 0 : accepted.Count * Stopwatch.Frequency / watch.ElapsedTicks;
            Console.Error.WriteLine(string.Format(
                CultureInfo.InvariantCulture,
                "grouping: {0} cases in {1:0.###} ms = {2} cases/s (threads {3})",
                accepted.Count,
                ms,
                perSecond,
                threadCount));
            return 0;
        });
        return group;
    }

    private static Command CreateExplain()
    {
        var rules = RulesOption();
        var edition = EditionOption();
        var ambiguous = AmbiguousOption();
        var row = new Option<string>("--case", "-c") { Description = "One case as a CSV row in the column order " + DefaultCaseHeader + ".", Required = true };
        var header = new Option<string>("--header") { Description = "The header of the --case row, if it differs.", DefaultValueFactory = _ => DefaultCaseHeader };
        var language = new Option<string>("--language", "-l") { Description = "Trace language: zh, en or both.", DefaultValueFactory = _ => "both" };
        language.AcceptOnlyFromAmong("zh", "en", "both");
        var explain = new Command("explain", "Group one case and print the trace of every decision (Chinese and/or English).");
        foreach (var option in new Option[] { rules, edition, ambiguous, row, header, language })
        {
            explain.Options.Add(option);
        }

        explain.SetAction(parse =>
        {
            var grouper = LoadGrouper(parse.GetValue(rules)!, parse.GetValue(edition)!, parse.GetValue(ambiguous)!);
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

            var result = grouper.Group(record.Value!);
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
        var compiled = new Option<FileInfo?>("--save-compiled") { Description = "Also save the loaded pack as compiled JSON to this file." };
        var command = new Command("rules", "Load a rule-text folder and print the load report: codes per table, repairs, unparsed lines with file and line.");
        command.Options.Add(rules);
        command.Options.Add(edition);
        command.Options.Add(compiled);
        command.SetAction(parse =>
        {
            var folder = ResolveFolder(parse.GetValue(rules)!, parse.GetValue(edition)!);
            if (folder is null)
            {
                return 2;
            }

            var loaded = RuleTextLoader.Load(folder, parse.GetValue(edition)!);
            Console.Out.Write(loaded.Report.Render());
            if (parse.GetValue(compiled) is { } target)
            {
                using var stream = File.Create(target.FullName);
                CompiledRulePack.Save(loaded.Pack, stream);
            }

            return loaded.Report.Unparsed.Count == 0 ? 0 : 1;
        });
        return command;
    }

    private static string? ResolveFolder(DirectoryInfo rules, string edition)
    {
        var folder = rules.FullName;
        if (!File.Exists(Path.Combine(folder, "1_MDC.txt")))
        {
            folder = Path.Combine(folder, edition.Substring("chs-drg-".Length));
        }

        if (!File.Exists(Path.Combine(folder, "1_MDC.txt")))
        {
            Console.Error.WriteLine("medpay: no CHS-DRG rule text (1_MDC.txt …) in " + rules.FullName + " or " + folder);
            return null;
        }

        return folder;
    }

    private static Option<DirectoryInfo> RulesOption() =>
        new("--rules", "-r") { Description = "CHS-DRG rule-text folder (1_MDC.txt … 7_CCE.txt), or its parent holding one folder per edition (1.1, 1.0-revised).", Required = true };

    private static Option<string> EditionOption()
    {
        var option = new Option<string>("--edition", "-e") { Description = "Edition: chs-drg-1.1 or chs-drg-1.0-revised.", Required = true };
        option.AcceptOnlyFromAmong(RuleTextLoader.Edition11, RuleTextLoader.Edition10Revised);
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
        var folder = ResolveFolder(rules, edition);
        if (folder is null)
        {
            return null;
        }

        var loaded = RuleTextLoader.Load(folder, edition);
        if (loaded.Report.Unparsed.Count > 0)
        {
            Console.Error.WriteLine(string.Format(CultureInfo.InvariantCulture, "medpay: rule text loaded with {0} unparsed piece(s); first: {1}:{2} {3}", loaded.Report.Unparsed.Count, loaded.Report.Unparsed[0].File, loaded.Report.Unparsed[0].Line, loaded.Report.Unparsed[0].Reason));
        }

        var policy = new DrgPolicy { AmbiguousGroupCheck = ambiguous == "on" };
        return new DrgGrouper(loaded.Pack, policy);
    }

    private static IEnumerable<ValidationIssue> Merge(IEnumerable<ValidationIssue> first, IEnumerable<ValidationIssue> second)
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

    private static void WriteRow(CsvWriter csv, string id, string status, string mdc, string adrg, string drg, IEnumerable<ValidationIssue> issues)
    {
        csv.WriteField(id);
        csv.WriteField(status);
        csv.WriteField(mdc);
        csv.WriteField(adrg);
        csv.WriteField(drg);
        csv.WriteField(ResultCsv.Issues(issues));
        csv.NextRecord();
    }
}
