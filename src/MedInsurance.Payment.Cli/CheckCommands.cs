using System;
using System.CommandLine;
using System.Globalization;
using System.IO;
using MedInsurance.Payment.Cases;
using MedInsurance.Payment.Interchange;
using MedInsurance.Payment.QualityControl;

namespace MedInsurance.Payment.Cli;

/// <summary><c>medpay check</c>: settlement-list quality control (结算清单质控) of a case file.</summary>
internal static class CheckCommands
{
    /// <summary>The columns of <c>issues.csv</c>.</summary>
    internal static readonly string[] Header = { "row", "id", "hospital_id", "status", "errors", "warnings", "issues" };

    public static Command Create()
    {
        var input = new Option<FileInfo>("--input", "-i") { Description = "Case CSV file (header row).", Required = true };
        var output = new Option<FileInfo>("--output", "-o") { Description = "Issues CSV: row,id,hospital_id,status,errors,warnings,issues — one row per input row, in input order (status accepted|warning|rejected; issues CODE(field);CODE(field)).", Required = true };
        var profile = new Option<FileInfo?>("--profile") { Description = "QC profile JSON (质控方案: rules off, severities, edition, the region's lists); default: every rule at its national severity, no lists." };
        var dictionaries = new Option<DirectoryInfo?>("--dictionaries") { Description = "Folder of the edition's national code files (ZD_YB20_INFO.dat … or ZD_INFO.dat …); without it the dictionary, gray-code and edition rules are skipped." };
        var edition = new Option<string?>("--edition") { Description = "Code edition of --dictionaries: yb1.0 or yb2.0 (default: the profile's, else yb2.0)." };
        var summary = new Option<FileInfo?>("--summary") { Description = "Also write the summary by rule and by hospital as CSV: kind,key,severity,cases,issues,accepted,warning,rejected." };
        var encoding = CaseFiles.EncodingOption();
        var headerMap = CaseFiles.HeaderMapOption();
        var threads = DrgCommands.ThreadsOption();
        threads.Description = "Threads that convert and check blocks of rows, 1–256 (default: all cores); one of them also splits the rows and writes the output in input order, and the output does not depend on the count.";
        var check = new Command("check", "Settlement-list quality control (结算清单质控): check every case of a case CSV, streaming, against the basic rules, the code dictionaries, the region's lists and a QC profile; one row per case in input order, a summary by rule and hospital on stderr.");
        foreach (var option in new Option[] { input, output, profile, dictionaries, edition, summary, encoding, headerMap, threads })
        {
            check.Options.Add(option);
        }

        check.SetAction(parse =>
        {
            var file = parse.GetValue(input)!;
            var outFile = parse.GetValue(output)!;
            var summaryFile = parse.GetValue(summary);
            if (!CaseCheckRun.Prepare(file, parse.GetValue(encoding), parse.GetValue(headerMap), new[] { outFile, summaryFile }, out var options, out var map))
            {
                return 2;
            }

            var checker = LoadChecker(parse.GetValue(profile), parse.GetValue(dictionaries), parse.GetValue(edition));
            if (checker is null)
            {
                return 2;
            }

            var run = new CaseCheckRun();
            using (var writer = CliOutput.Open(outFile.FullName))
            {
                WriteIssueHeader(writer);
                run.Run(file, options, parse.GetValue(threads), map, checker, WriteIssueRow, writer);
            }

            if (summaryFile is not null)
            {
                run.WriteSummary(summaryFile.FullName);
            }

            run.PrintSummary(Console.Error, 20);
            Console.Error.WriteLine(string.Format(
                CultureInfo.InvariantCulture,
                "check: {0} rows, {1} accepted, {2} with warnings, {3} rejected (profile {4} {5}; dictionary {6})",
                run.Rows,
                run.Accepted,
                run.Warned,
                run.Rejected,
                checker.Profile.Name,
                checker.Profile.Version,
                checker.Dictionary is { } d ? d.Edition : "none"));
            Console.Error.WriteLine("reading: " + run.Report);
            return run.Rejected == 0 ? 0 : 1;
        });
        return check;
    }

    /// <summary>Writes the header of <c>issues.csv</c> (the columns of <see cref="Header"/>) and flushes it, so the rows can follow
    /// as text formatted on the worker threads (<see cref="WriteIssueRow"/>).</summary>
    internal static void WriteIssueHeader(TextWriter writer)
    {
        using var csv = CliOutput.Csv(writer, leaveOpen: true);
        foreach (var column in Header)
        {
            csv.WriteField(column);
        }

        csv.NextRecord();
        csv.Flush();
    }

    /// <summary>Formats the <c>issues.csv</c> row of a checked record (the columns of <see cref="Header"/>); any thread.</summary>
    internal static void WriteIssueRow(CsvRowText rows, ReadRecord<InpatientCase> record, QcCaseResult result)
    {
        rows.WriteField(record.RowNumber.ToString(CultureInfo.InvariantCulture));
        rows.WriteField(record.Id);
        rows.WriteField(record.Value?.HospitalId ?? string.Empty);
        rows.WriteField(result.StatusText);
        rows.WriteField(result.ErrorCount.ToString(CultureInfo.InvariantCulture));
        rows.WriteField(result.WarningCount.ToString(CultureInfo.InvariantCulture));
        rows.WriteField(Issues(result));
        rows.NextRecord();
    }

    /// <summary><c>CODE(field);CODE(field)</c>.</summary>
    internal static string Issues(QcCaseResult result)
    {
        var issues = result.Issues;
        if (issues.Count == 0)
        {
            return string.Empty;
        }

        if (issues.Count == 1)
        {
            return issues[0].ToCompactString();
        }

        var builder = new System.Text.StringBuilder();
        for (var i = 0; i < issues.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(';');
            }

            builder.Append(issues[i].ToCompactString());
        }

        return builder.ToString();
    }

    /// <summary>The profile, the dictionary and the checker: null (after saying why, with file, line and field) when one is unusable.</summary>
    internal static QcChecker? LoadChecker(FileInfo? profileFile, DirectoryInfo? dictionaries, string? edition)
    {
        QcProfile profile;
        try
        {
            profile = profileFile is null ? QcProfile.Default : QcProfile.Load(profileFile.FullName);
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            Console.Error.WriteLine("medpay: --profile " + e.Message + " Nothing written.");
            return null;
        }

        if (edition is not (null or "yb1.0" or "yb2.0"))
        {
            Console.Error.WriteLine("medpay: --edition must be yb1.0 or yb2.0");
            return null;
        }

        var chosen = edition ?? profile.Edition ?? "yb2.0";
        if (edition is not null && profile.Edition is not null && edition != profile.Edition)
        {
            Console.Error.WriteLine("medpay: --edition " + edition + " differs from the profile's edition " + profile.Edition + "; the command line wins.");
        }

        QcCodeDictionary? dictionary = null;
        if (dictionaries is not null)
        {
            if (!dictionaries.Exists)
            {
                Console.Error.WriteLine("medpay: --dictionaries folder not found: " + dictionaries.FullName);
                return null;
            }

            try
            {
                dictionary = QcCodeDictionary.Load(dictionaries.FullName, chosen);
            }
            catch (Exception e) when (e is InvalidDataException or IOException)
            {
                Console.Error.WriteLine("medpay: --dictionaries " + e.Message + " Nothing written.");
                return null;
            }
        }
        else
        {
            Console.Error.WriteLine("medpay: no --dictionaries: the dictionary, gray-code and code-edition rules are not applied.");
        }

        return new QcChecker(profile, dictionary);
    }
}
