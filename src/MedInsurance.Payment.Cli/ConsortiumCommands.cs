using System;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using MedInsurance.Payment.Consortium;
using MedInsurance.Payment.Interchange;
using MedInsurance.Payment.Reporting;
using MedInsurance.Payment.Validation;
using static MedInsurance.Payment.Cli.CapitationCommands;

namespace MedInsurance.Payment.Cli;

/// <summary><c>medpay consortium settle</c>: the medical-consortium package year (医共体打包付费年度清算).</summary>
internal static class ConsortiumCommands
{
    private static readonly string[] IssueHeader = ["file", "row", "id", "status", "issues"];

    public static Command Create()
    {
        var consortium = new Command("consortium", "Medical-consortium packaged budget (医共体打包付费): target from last year's spend, growth and cited adjustments; members' lines and care outside against it; bands; internal split.");
        var policy = new Option<FileInfo>("--policy", "-p") { Description = "Consortium policy JSON (docs/capitation.md).", Required = true };
        var members = new Option<FileInfo>("--members") { Description = "Members CSV: member_id,consortium_id,name[,share,supplied_amount].", Required = true };
        var lines = new Option<FileInfo>("--lines") { Description = "Members' settlement-line CSV of the year (docs/formats-settlement.md).", Required = true };
        var outside = new Option<FileInfo?>("--outside") { Description = "Claims of the consortia's population outside them: claim_id,consortium_id,date,fund_amount." };
        var output = new Option<DirectoryInfo>("--output", "-o") { Description = "Folder for statements.csv, statements.json and issues.csv.", Required = true };
        var encoding = CaseFiles.EncodingOption();
        var html = new Option<FileInfo?>("--html") { Description = "Also write a self-contained offline HTML page of the year (医共体打包付费清算报告) to this file." };
        var region = new Option<string?>("--region-name", "--region") { Description = "统筹地区 — the region's name for the HTML page's title (alias --region)." };
        var settle = new Command("settle", "Consortium year (医共体年度清算). Exit 0 all rows accepted, 1 some rows rejected, 2 input or configuration unusable (nothing written).");
        foreach (var option in new Option[] { policy, members, lines, outside, output, encoding, html, region })
        {
            settle.Options.Add(option);
        }

        settle.SetAction(parse => Run(parse.GetValue(policy)!, parse.GetValue(members)!, parse.GetValue(lines)!, parse.GetValue(outside), parse.GetValue(output)!, parse.GetValue(encoding), parse.GetValue(html), parse.GetValue(region)));
        consortium.Subcommands.Add(settle);
        return consortium;
    }

    private static int Run(FileInfo policyFile, FileInfo membersFile, FileInfo linesFile, FileInfo? outsideFile, DirectoryInfo folder, string? encoding, FileInfo? html, string? region)
    {
        if (!CliFiles.AllExist(policyFile, membersFile, linesFile, outsideFile) || CaseFiles.Options(encoding) is not { } options)
        {
            return 2;
        }

        ConsortiumPolicy policy;
        try
        {
            policy = ConsortiumPolicyLoader.LoadFile(policyFile.FullName);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine("medpay: " + ex.Message);
            return 2;
        }

        var memberRecords = BatchProgress.ReadStream(membersFile, stream => ConsortiumCsv.ReadMembers(stream, options, null));
        if (memberRecords.SelectMany(r => r.Issues).FirstOrDefault(i => i.Code == IssueCodes.ColumnMissing) is { } missing)
        {
            Console.Error.WriteLine("medpay: " + membersFile.Name + ": the header lacks " + missing.Field + " (" + missing.Code + ")");
            return 2;
        }

        if (MissingColumns(linesFile, ["line_id", "hospital_id", "fund", "month", "method"]) is { } missingLines)
        {
            Console.Error.WriteLine("medpay: " + linesFile.Name + ": the header lacks " + missingLines);
            return 2;
        }

        if (outsideFile is not null && MissingColumns(outsideFile, ["consortium_id", "date", "fund_amount"]) is { } missingOutside)
        {
            Console.Error.WriteLine("medpay: " + outsideFile.Name + ": the header lacks " + missingOutside);
            return 2;
        }

        if (!CliFiles.Writable(folder) || (html is not null && !CliFiles.Writable(html.Directory!)))
        {
            return 2;
        }

        var readable = memberRecords.Where(r => !r.IsRejected).ToList();
        var calculation = new ConsortiumCalculation(policy, readable.Select(r => r.Value!));
        var rejected = memberRecords.Count(r => r.IsRejected) + calculation.MemberOutcomes.Count;
        using (var writer = CliOutput.Open(Path.Combine(folder.FullName, "issues.csv")))
        using (var csv = CliOutput.Csv(writer))
        {
            foreach (var header in IssueHeader)
            {
                csv.WriteField(header);
            }

            csv.NextRecord();
            void Row(string file, int row, string id, System.Collections.Generic.IReadOnlyList<ValidationIssue> issues)
            {
                csv.WriteField(file);
                csv.WriteField(row.ToString(CultureInfo.InvariantCulture));
                csv.WriteField(id);
                csv.WriteField(issues.Any(i => i.IsError) ? "rejected" : "accepted");
                csv.WriteField(ResultCsv.Issues(issues));
                csv.NextRecord();
            }

            foreach (var record in memberRecords.Where(r => r.Issues.Count > 0))
            {
                Row("members", record.RowNumber, record.Id, record.Issues);
            }

            foreach (var outcome in calculation.MemberOutcomes)
            {
                Row("members", readable[outcome.Index].RowNumber, outcome.Id, outcome.Issues);
            }

            foreach (var record in SettlementLineCsv.ReadFile(linesFile.FullName))
            {
                var issues = record.IsRejected ? record.Issues : record.Issues.Concat(calculation.AddLine(record.Value!.Line)).ToList();
                if (record.IsRejected)
                {
                    calculation.AddUnreadable(outside: false);
                }

                if (issues.Count > 0)
                {
                    Row("lines", record.RowNumber, record.Id, issues);
                }
            }

            if (outsideFile is not null)
            {
                foreach (var record in BatchProgress.ReadStream(outsideFile, stream => ConsortiumCsv.ReadOutside(stream, options, null).ToList()))
                {
                    var issues = record.IsRejected ? record.Issues : record.Issues.Concat(calculation.AddOutside(record.Value!.Claim)).ToList();
                    if (record.IsRejected)
                    {
                        calculation.AddUnreadable(outside: true);
                    }

                    if (issues.Count > 0)
                    {
                        Row("outside", record.RowNumber, record.Id, issues);
                    }
                }
            }
        }

        var result = calculation.Complete();
        using (var stream = File.Create(Path.Combine(folder.FullName, "statements.json")))
        {
            ConsortiumCsv.WriteJson(result, stream);
        }

        Write(folder, "statements.csv", w => ConsortiumCsv.WriteStatementsCsv(result, w));
        if (html is not null)
        {
            PackageHtmlReport.WriteFile(PackageHtmlReport.Render(result, region), html.FullName);
        }

        foreach (var issue in result.Issues)
        {
            Console.Error.WriteLine("medpay: " + issue.Field + ": " + issue.Code + ": " + issue.MessageEn);
        }

        foreach (var s in result.Statements)
        {
            Console.Out.WriteLine(string.Format(CultureInfo.InvariantCulture, "consortium {0}: target {1}  spend {2} (members {3}, outside {4})  fund pays {5}  result {6} split {7} among {8} members", s.Package.Id, s.Target, s.Spend, s.MemberPayments, s.Outside, s.FundPays, s.Result, s.SplitUsed, s.Members.Count));
        }

        Console.Out.WriteLine("  written to " + folder.FullName);
        rejected += (int)Math.Min(int.MaxValue, result.RejectedLines + result.RejectedOutside) + result.Issues.Count(i => i.IsError);
        if (rejected > 0)
        {
            Console.Error.WriteLine(string.Format(CultureInfo.InvariantCulture, "medpay: {0} rows or consortium results rejected; see issues.csv", rejected));
            return 1;
        }

        return 0;
    }
}
