using System;
using System.CommandLine;
using System.Globalization;
using System.IO;

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
        threads.Description = "Threads that convert and count blocks of rows, 1–256 (default: all cores); one of them also splits the rows and writes the output in input order, and the output does not depend on the count.";
        var check = new Command("check", "Read a case CSV, streaming, validate every row (the reader's checks and the basic settlement-list rules; `medpay check` adds the QC rules) and report accepted and rejected rows (病例数据质量校验).");
        check.Options.Add(input);
        check.Options.Add(output);
        check.Options.Add(encoding);
        check.Options.Add(headerMap);
        check.Options.Add(threads);
        check.SetAction(parse =>
        {
            var file = parse.GetValue(input)!;
            var outFile = parse.GetValue(output);
            if (!CaseCheckRun.Prepare(file, parse.GetValue(encoding), parse.GetValue(headerMap), new[] { outFile }, out var options, out var map))
            {
                return 2;
            }

            var run = new CaseCheckRun();
            using var writer = outFile is null ? null : CliOutput.Open(outFile.FullName);
            using var issues = writer is null ? null : new ResultCsv.IssueWriter(writer);
            run.Run(file, options, parse.GetValue(threads), map, CaseCheckRun.ReaderOnly, (record, _) => issues?.Write(record));
            foreach (var rule in run.ByRule())
            {
                Console.Out.WriteLine(string.Format(CultureInfo.InvariantCulture, "  {0,-26} {1,8}", rule.Code, rule.Issues));
            }

            Console.Out.WriteLine(string.Format(
                CultureInfo.InvariantCulture,
                "cases: {0} rows, {1} accepted ({2} with warnings), {3} rejected",
                run.Rows,
                run.Rows - run.Rejected,
                run.Warned,
                run.Rejected));
            Console.Error.WriteLine("reading: " + run.Report);
            return run.Rejected == 0 ? 0 : 1;
        });

        var cases = new Command("cases", "Settlement-list case files (医保结算清单): read and check.");
        cases.Subcommands.Add(check);
        return cases;
    }
}
