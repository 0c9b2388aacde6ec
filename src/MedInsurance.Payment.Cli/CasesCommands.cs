using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;

namespace MedInsurance.Payment.Cli;

/// <summary><c>medpay cases …</c>: commands that read and check settlement-list case files.</summary>
internal static class CasesCommands
{
    public static Command Create()
    {
        var input = new Option<FileInfo>("--input", "-i") { Description = "Case CSV file (header row).", Required = true };
        var output = new Option<FileInfo?>("--output", "-o") { Description = "Write one row per case with its issues to this CSV file." };
        var encoding = CaseFiles.EncodingOption();
        var headerMap = CaseFiles.HeaderMapOption();
        var threads = DrgCommands.ThreadsOption();
        threads.Description = "Threads: 2 or more read the next block while the current one is counted and written (default: all cores).";
        var check = new Command("check", "Read a case CSV, streaming, validate every row and report accepted and rejected rows (病例数据质量校验).");
        check.Options.Add(input);
        check.Options.Add(output);
        check.Options.Add(encoding);
        check.Options.Add(headerMap);
        check.Options.Add(threads);
        check.SetAction(parse =>
        {
            var file = parse.GetValue(input)!;
            var options = CaseFiles.Options(parse.GetValue(encoding));
            if (options is null)
            {
                return 2;
            }

            if (!file.Exists)
            {
                Console.Error.WriteLine("medpay: input file not found: " + file.FullName);
                return 2;
            }

            var outFile = parse.GetValue(output);
            if (outFile is not null && !CliFiles.Writable(outFile.Directory!))
            {
                return 2;
            }

            if (!CaseFiles.LoadHeaderMap(parse.GetValue(headerMap), file, options, out var map))
            {
                return 2;
            }

            long rejected = 0, warnings = 0;
            var codes = new Dictionary<string, long>(StringComparer.Ordinal);
            using var writer = outFile is null ? null : CliOutput.Open(outFile.FullName);
            using var issues = writer is null ? null : new ResultCsv.IssueWriter(writer);
            var report = CaseFiles.ReadBlocks(file, options, Math.Max(1, parse.GetValue(threads)), headerMap: map, process: block =>
            {
                foreach (var record in block)
                {
                    rejected += record.IsRejected ? 1 : 0;
                    warnings += !record.IsRejected && record.Issues.Count > 0 ? 1 : 0;
                    foreach (var issue in record.Issues)
                    {
                        codes[issue.Code] = codes.TryGetValue(issue.Code, out var n) ? n + 1 : 1;
                    }

                    issues?.Write(record);
                }
            });

            foreach (var pair in codes.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal))
            {
                Console.Out.WriteLine(string.Format(CultureInfo.InvariantCulture, "  {0,-26} {1,8}", pair.Key, pair.Value));
            }

            Console.Out.WriteLine(string.Format(
                CultureInfo.InvariantCulture,
                "cases: {0} rows, {1} accepted ({2} with warnings), {3} rejected",
                report.Rows,
                report.Rows - rejected,
                warnings,
                rejected));
            Console.Error.WriteLine("reading: " + report);
            return rejected == 0 ? 0 : 1;
        });

        var cases = new Command("cases", "Settlement-list case files (医保结算清单): read and check.");
        cases.Subcommands.Add(check);
        return cases;
    }
}
