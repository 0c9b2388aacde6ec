using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using MedInsurance.Payment.Capitation;
using MedInsurance.Payment.Interchange;
using MedInsurance.Payment.Reporting;
using MedInsurance.Payment.Settlement;
using MedInsurance.Payment.Validation;

namespace MedInsurance.Payment.Cli;

/// <summary><c>medpay capitation settle</c>: the capitation year (按人头付费年度清算) over a roster and outpatient claims.</summary>
internal static class CapitationCommands
{
    private static readonly string[] RosterResultHeader = ["row", "person_id", "status", "issues"];

    public static Command Create()
    {
        var capitation = new Command("capitation", "Capitation (按人头付费): per-head budgets of primary-care institutions, referral charges, monthly advances, year-end risk sharing, assessment and deposit.");
        capitation.Subcommands.Add(Settle());
        return capitation;
    }

    private static Command Settle()
    {
        var policy = new Option<FileInfo>("--policy", "-p") { Description = "Capitation policy JSON (docs/capitation.md).", Required = true };
        var roster = new Option<FileInfo>("--roster") { Description = "Roster CSV: person_id,class,institution_id,from_month,to_month[,signed].", Required = true };
        var claims = new Option<FileInfo>("--claims") { Description = "Outpatient claims CSV: claim_id,person_id,institution_id,date,fund_amount[,referral,referral_target].", Required = true };
        var institutions = new Option<FileInfo?>("--institutions", "--hospitals") { Description = "Optional institutions CSV or .xlsx in the hospital format of `settle year` (assessment_score, annual_deduction, working_advance)." };
        var output = new Option<DirectoryInfo>("--output", "-o") { Description = "Folder for statements.csv, statements.json, summary.csv, lines.csv, roster-results.csv and claim-issues.csv.", Required = true };
        var encoding = CaseFiles.EncodingOption();
        var threads = DrgCommands.ThreadsOption();
        var html = new Option<FileInfo?>("--html") { Description = "Also write a self-contained offline HTML page of the year (按人头付费清算报告) to this file." };
        var region = new Option<string?>("--region-name", "--region") { Description = "统筹地区 — the region's name for the HTML page's title (alias --region)." };
        var command = new Command("settle", "Capitation year (按人头付费年度清算) per institution. Exit 0 all rows accepted, 1 some rows rejected, 2 input or configuration unusable (nothing written).");
        foreach (var option in new Option[] { policy, roster, claims, institutions, output, encoding, threads, html, region })
        {
            command.Options.Add(option);
        }

        command.SetAction(parse => Run(parse.GetValue(policy)!, parse.GetValue(roster)!, parse.GetValue(claims)!, parse.GetValue(institutions), parse.GetValue(output)!, parse.GetValue(encoding), Math.Max(1, parse.GetValue(threads)), parse.GetValue(html), parse.GetValue(region)));
        return command;
    }

    internal static int Run(FileInfo policyFile, FileInfo rosterFile, FileInfo claimsFile, FileInfo? institutionsFile, DirectoryInfo folder, string? encoding, int threads, FileInfo? html = null, string? region = null)
    {
        if (!CliFiles.AllExist(policyFile, rosterFile, claimsFile, institutionsFile) || CaseFiles.Options(encoding) is not { } options)
        {
            return 2;
        }

        CapitationPolicy policy;
        try
        {
            policy = CapitationPolicyLoader.LoadFile(policyFile.FullName);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine("medpay: " + ex.Message);
            return 2;
        }

        if (MissingColumns(claimsFile, ["person_id", "institution_id", "date", "fund_amount"]) is { } missingClaims)
        {
            Console.Error.WriteLine("medpay: " + claimsFile.Name + ": the header lacks " + missingClaims + " (" + CapitationIssueCodes.FieldRequired + ")");
            return 2;
        }

        if (MissingColumns(rosterFile, ["person_id", "class", "institution_id", "from_month", "to_month"]) is { } missingRoster)
        {
            Console.Error.WriteLine("medpay: " + rosterFile.Name + ": the header lacks " + missingRoster + " (" + IssueCodes.ColumnMissing + ")");
            return 2;
        }

        var hospitals = institutionsFile is null ? [] : Read(institutionsFile, SettlementCsv.ReadHospitals);
        foreach (var bad in hospitals.Where(r => r.Issues.Count > 0))
        {
            Console.Error.WriteLine("medpay: institutions row " + bad.RowNumber.ToString(CultureInfo.InvariantCulture) + " (" + bad.Id + "): " + ResultCsv.Issues(bad.Issues));
        }

        if (!CliFiles.Writable(folder) || (html is not null && !CliFiles.Writable(html.Directory!)))
        {
            return 2;
        }

        // The roster is read ahead on another thread while it is indexed; every record is kept for roster-results.csv.
        var rosterRecords = new List<ReadRecord<RosterEntry>>();
        var readable = new List<ReadRecord<RosterEntry>>();
        IEnumerable<RosterEntry> Readable(IEnumerable<ReadRecord<RosterEntry>> records)
        {
            foreach (var record in records)
            {
                rosterRecords.Add(record);
                if (!record.IsRejected)
                {
                    readable.Add(record);
                    yield return record.Value!;
                }
            }
        }

        var built = BatchProgress.ReadStream(rosterFile, stream => CapitationRoster.Build(
            policy,
            Readable(BlockPipeline.ReadAhead(CapitationCsv.ReadRoster(stream, options, r => Console.Error.WriteLine("roster: " + r)), ClaimBlocks.Size, threads))));
        var calculation = new CapitationCalculation(built);
        using (var writer = CliOutput.Open(Path.Combine(folder.FullName, "claim-issues.csv")))
        using (var csv = CliOutput.Csv(writer))
        {
            foreach (var header in new[] { "row", "claim_id", "status", "issues" })
            {
                csv.WriteField(header);
            }

            csv.NextRecord();
            var report = BatchProgress.ReadStream(claimsFile, stream =>
            {
                CsvReadReport? read = null;
                var blocks = new ClaimBlocks(calculation, Math.Max(1, threads - 1));
                BlockPipeline.Run(CapitationCsv.ReadClaims(stream, options, r => read = r), ClaimBlocks.Size, threads, block => blocks.Add(block, (record, issues) =>
                {
                    csv.WriteField(record.RowNumber.ToString(CultureInfo.InvariantCulture));
                    csv.WriteField(record.Claim.ClaimId);
                    csv.WriteField(issues.Any(i => i.IsError) ? "rejected" : "accepted");
                    csv.WriteField(ResultCsv.Issues(issues));
                    csv.NextRecord();
                }));
                return read!;
            });
            Console.Error.WriteLine("claims: " + report);
        }

        var result = calculation.Complete(hospitals.Where(h => !h.IsRejected).Select(h => h.Value!));
        using (var stream = File.Create(Path.Combine(folder.FullName, "statements.json")))
        {
            CapitationExport.WriteJson(result, stream);
        }

        Write(folder, "statements.csv", w => CapitationExport.WriteStatementsCsv(result, w));
        if (html is not null)
        {
            PackageHtmlReport.WriteFile(PackageHtmlReport.Render(result, region), html.FullName);
        }

        Write(folder, "summary.csv", w => CapitationExport.WriteSummaryCsv(result, w));
        Write(folder, "lines.csv", w => SettlementLineCsv.Write(w, result.SettlementLines, CliOutput.Raw));
        var rosterRejected = WriteRosterResults(folder, rosterRecords, readable, built);
        foreach (var issue in result.InstitutionIssues)
        {
            Console.Error.WriteLine("medpay: " + issue.Field + ": " + issue.Code + ": " + issue.MessageEn);
        }

        var s = result.Summary;
        Console.Out.WriteLine(string.Format(CultureInfo.InvariantCulture, "policy {0} {1}: {2} institutions, {3} persons, {4} roster rows ({5} rejected), {6} claims ({7} rejected)", policy.Id, policy.Version, s.Institutions, s.Persons, rosterRecords.Count, rosterRejected, s.Claims, s.ClaimsRejected));
        Console.Out.WriteLine(string.Format(CultureInfo.InvariantCulture, "  budget {0}  referral charges {1}  spend {2}  fund pays {3}  kept {4}  shared {5}  borne {6}  transfer {7}", s.Budget, s.ReferralCharges, s.Spend, s.FundPays, s.SurplusKept, s.OverspendShared, s.OverspendBorne, s.ClearingTransfer));
        Console.Out.WriteLine("  written to " + folder.FullName);
        var rejected = rosterRejected + s.ClaimsRejected + hospitals.Count(h => h.IsRejected);
        if (rejected > 0)
        {
            Console.Error.WriteLine(string.Format(CultureInfo.InvariantCulture, "medpay: {0} roster rows, {1} claims and {2} institution rows rejected; see roster-results.csv and claim-issues.csv", rosterRejected, s.ClaimsRejected, hospitals.Count(h => h.IsRejected)));
            return 1;
        }

        return 0;
    }

    private static int WriteRosterResults(DirectoryInfo folder, IReadOnlyList<ReadRecord<RosterEntry>> records, List<ReadRecord<RosterEntry>> readable, CapitationRoster roster)
    {
        var byIndex = roster.Outcomes.ToDictionary(o => readable[o.Index].RowNumber);
        var rejected = 0;
        Write(folder, "roster-results.csv", w =>
        {
            using var csv = CliOutput.Csv(w, leaveOpen: true);
            foreach (var header in RosterResultHeader)
            {
                csv.WriteField(header);
            }

            csv.NextRecord();
            foreach (var record in records)
            {
                var issues = record.Issues;
                if (!record.IsRejected && byIndex.TryGetValue(record.RowNumber, out var outcome))
                {
                    issues = issues.Concat(outcome.Issues).ToList();
                }

                var isRejected = issues.Count > 0 && issues.Any(i => i.IsError);
                rejected += isRejected ? 1 : 0;
                csv.WriteField(record.RowNumber.ToString(CultureInfo.InvariantCulture));
                csv.WriteField(record.Id);
                csv.WriteField(isRejected ? "rejected" : "accepted");
                csv.WriteField(issues.Count == 0 ? string.Empty : ResultCsv.Issues(issues));
                csv.NextRecord();
            }
        });
        return rejected;
    }

    internal static string? MissingColumns(FileInfo file, string[] required)
    {
        using var reader = CliFiles.OpenTable(file);
        var header = (reader.ReadLine() ?? string.Empty).Split(',').Select(h => h.Trim().Trim('"').TrimStart('\uFEFF')).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var missing = required.Where(c => !header.Contains(c)).ToList();
        return missing.Count == 0 ? null : string.Join(", ", missing);
    }

    internal static T Read<T>(FileInfo file, Func<TextReader, T> read)
    {
        using var reader = CliFiles.OpenTable(file);
        return read(reader);
    }

    internal static void Write(DirectoryInfo folder, string name, Action<TextWriter> write)
    {
        using var writer = CliOutput.Open(Path.Combine(folder.FullName, name));
        write(writer);
    }

}
