using System;
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
        var input = new Option<FileInfo>("--input", "-i") { Description = "Case CSV file (UTF-8, header row).", Required = true };
        var output = new Option<FileInfo?>("--output", "-o") { Description = "Write one row per case with its issues to this CSV file." };
        var check = new Command("check", "Read a case CSV, validate every row and report accepted and rejected rows (病例数据质量校验).");
        check.Options.Add(input);
        check.Options.Add(output);
        check.SetAction(parse =>
        {
            var file = parse.GetValue(input)!;
            if (!file.Exists)
            {
                Console.Error.WriteLine("medpay: input file not found: " + file.FullName);
                return 2;
            }

            var records = CaseFiles.Read(file);
            var rejected = records.Count(r => r.IsRejected);
            var warnings = records.Count(r => !r.IsRejected && r.Issues.Count > 0);
            if (parse.GetValue(output) is { } outFile)
            {
                using var writer = new StreamWriter(outFile.FullName);
                ResultCsv.WriteIssues(writer, records);
            }

            foreach (var group in records.SelectMany(r => r.Issues).GroupBy(i => i.Code).OrderByDescending(g => g.Count()))
            {
                Console.Out.WriteLine(string.Format(CultureInfo.InvariantCulture, "  {0,-26} {1,8}", group.Key, group.Count()));
            }

            Console.Out.WriteLine(string.Format(
                CultureInfo.InvariantCulture,
                "cases: {0} rows, {1} accepted ({2} with warnings), {3} rejected",
                records.Count,
                records.Count - rejected,
                warnings,
                rejected));
            return rejected == 0 ? 0 : 1;
        });

        var cases = new Command("cases", "Settlement-list case files (医保结算清单): read and check.");
        cases.Subcommands.Add(check);
        return cases;
    }
}
