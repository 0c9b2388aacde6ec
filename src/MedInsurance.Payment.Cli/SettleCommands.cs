using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using MedInsurance.Payment.Interchange;
using MedInsurance.Payment.Reporting;
using MedInsurance.Payment.Settlement;

namespace MedInsurance.Payment.Cli;

/// <summary><c>medpay settle …</c>: budget, payment standards and the settlement cycle (预算与结算清算).</summary>
internal static class SettleCommands
{
    private static readonly string[] SimulationHeader = ["kind", "key", "level", "hospitals", "cases", "fee_for_service", "simulated", "difference", "ratio"];

    public static Command Create()
    {
        var settle = new Command("settle", "Settlement cycle (结算清算): annual clearing with statements (清算单), simulation against fee-for-service, policy profiles.");
        settle.Subcommands.Add(Year());
        settle.Subcommands.Add(Simulate());
        settle.Subcommands.Add(Budget());
        settle.Subcommands.Add(Profiles());
        return settle;
    }

    private static Command Year()
    {
        var policy = PolicyOption();
        var hospitals = HospitalsOption();
        var lines = LinesOption("Settlement-line CSV of the year: the output of `medpay dip score`, `medpay drg price` or any method (docs/formats-settlement.md).");
        var monthly = new Option<FileInfo?>("--monthly") { Description = "Monthly payments already made, CSV or .xlsx (hospital_id,month,pre_settlement,deposit_withheld); they replace the computed ones." };
        var output = new Option<DirectoryInfo>("--output", "-o") { Description = "Folder for statements.csv, statements.json, summary.csv and line-results.csv.", Required = true };
        var threads = new Option<int>("--threads") { Description = "Threads for the intake (default −1: all cores; otherwise ≥ 1); the result does not depend on it.", DefaultValueFactory = _ => -1 };
        var html = new Option<FileInfo?>("--html") { Description = "Also write a self-contained offline HTML report (清算报告) to this file (see docs/report.md)." };
        var command = new Command("year", "Annual clearing (年度清算) of every hospital: monthly pre-settlement, deposit, advance, point values, special review, risk sharing, assessment, amount due. Exit 0 all lines settled, 1 some rows rejected, 2 configuration error.");
        var region = new Option<string?>("--region-name", "--region") { Description = "统筹地区 — the region's name for the HTML report's title and header (alias --region)." };
        foreach (var option in new Option[] { policy, hospitals, lines, monthly, output, threads, html, region })
        {
            command.Options.Add(option);
        }

        command.SetAction(parse =>
        {
            var threadCount = parse.GetValue(threads);
            if (threadCount == 0 || threadCount < -1)
            {
                Console.Error.WriteLine("medpay: --threads must be −1 (all cores) or at least 1");
                return 2;
            }

            var folder = parse.GetValue(output)!;
            if (!CliFiles.Writable(folder))
            {
                return 2;
            }

            var inputs = Load(parse.GetValue(policy)!, parse.GetValue(hospitals)!, parse.GetValue(lines)!, parse.GetValue(monthly));
            if (inputs is null)
            {
                return 2;
            }

            var result = BatchProgress.Run("clearing", 0, _ => ClearingEngine.Run(inputs.Policy, inputs.Hospitals, inputs.Lines, inputs.Monthly, threadCount));
            using (var stream = File.Create(Path.Combine(folder.FullName, "statements.json")))
            {
                StatementExport.WriteJson(result, stream);
            }

            using (var writer = CliOutput.Open(Path.Combine(folder.FullName, "statements.csv")))
            {
                StatementExport.WriteStatementsCsv(result, writer, CliOutput.Raw);
            }

            using (var writer = CliOutput.Open(Path.Combine(folder.FullName, "summary.csv")))
            {
                StatementExport.WriteSummaryCsv(result, writer, CliOutput.Raw);
            }

            if (parse.GetValue(html) is { } htmlFile)
            {
                var caseMix = ReportCaseMix.Compute(parse.GetValue(lines)!, inputs.Lines, inputs.Rows, result, Console.Error);
                File.WriteAllText(htmlFile.FullName, ClearingHtmlReport.Render(result, new ClearingReportOptions { CaseMix = caseMix, Region = parse.GetValue(region) ?? string.Empty }), new UTF8Encoding(false));
            }

            var rejected = WriteLineResults(Path.Combine(folder.FullName, "line-results.csv"), inputs, result);
            var otherIssues = result.LineIssues.Where(i => i.Index < 0).ToList();
            foreach (var issue in otherIssues)
            {
                Console.Error.WriteLine("medpay: " + (issue.Id.Length == 0 ? string.Empty : issue.Id + ": ") + issue.Issue.ToCompactString() + ": " + issue.Issue.MessageEn);
            }

            var s = result.Summary;
            Console.Out.WriteLine(string.Format(
                CultureInfo.InvariantCulture,
                "policy {0} {1}: {2} hospitals, {3} lines settled, {4} line rows rejected",
                inputs.Policy.Id,
                inputs.Policy.Version,
                s.Hospitals,
                s.Lines,
                rejected));
            foreach (var pool in result.Pools)
            {
                Console.Out.WriteLine(string.Format(CultureInfo.InvariantCulture, "  pool {0,-14} budget {1,18} points {2,16} value {3}", pool.Key, pool.Budget.Total, pool.TotalPoints, pool.Value));
            }

            foreach (var review in result.SpecialReview)
            {
                Console.Out.WriteLine(string.Format(CultureInfo.InvariantCulture, "  special review {0}: {1} approved, regional cap {2} of {3} lines{4}", review.Method, review.Approved, review.Cap, review.RegionLines, review.OverCap ? " (OVER CAP)" : string.Empty));
            }

            Console.Out.WriteLine(string.Format(
                CultureInfo.InvariantCulture,
                "  payable {0}  kept {1}  shared {2}  borne {3}  transfer {4}",
                s.AnnualPayable,
                s.SurplusKept,
                s.OverspendShared,
                s.OverspendBorne,
                s.ClearingTransfer));
            Console.Out.WriteLine("  written to " + folder.FullName);
            var rejectedOther = inputs.RejectedHospitals + inputs.RejectedMonthly + otherIssues.Count(i => i.Issue.IsError);
            if (rejected + rejectedOther > 0)
            {
                Console.Error.WriteLine(string.Format(CultureInfo.InvariantCulture, "medpay: {0} line rows, {1} hospital rows and {2} monthly payments rejected; see line-results.csv and the messages above", rejected, inputs.RejectedHospitals, inputs.RejectedMonthly + otherIssues.Count(i => i.Issue.IsError)));
                return 1;
            }

            return 0;
        });
        return command;
    }

    private static Command Simulate()
    {
        var policy = PolicyOption();
        var hospitals = HospitalsOption();
        var cases = LinesOption("Last year's settlement-line CSV.");
        var output = new Option<FileInfo?>("--output", "-o") { Description = "Write the comparison rows to this CSV file." };
        var command = new Command("simulate", "Simulation (模拟测算): last year's settlement lines under a proposed policy, compared per hospital and level with fee-for-service. Exit 0, 1 when rows were rejected, 2 configuration error.");
        foreach (var option in new Option[] { policy, hospitals, cases, output })
        {
            command.Options.Add(option);
        }

        command.SetAction(parse =>
        {
            var inputs = Load(parse.GetValue(policy)!, parse.GetValue(hospitals)!, parse.GetValue(cases)!, null);
            if (inputs is null)
            {
                return 2;
            }

            var report = SettlementSimulation.Run(inputs.Policy, inputs.Hospitals, inputs.Lines);
            var rows = report.Levels.Select(r => ("level", r)).Concat(report.Hospitals.Select(r => ("hospital", r))).ToList();
            foreach (var (kind, r) in rows.Where(x => x.Item1 == "level"))
            {
                Console.Out.WriteLine(string.Format(CultureInfo.InvariantCulture, "  {0,-4} {1,4} hospitals  fee-for-service {2,16}  simulated {3,16}  difference {4,14}", r.Key, r.Hospitals, r.FeeForService, r.Simulated, r.Difference));
            }

            if (parse.GetValue(output) is { } file)
            {
                using var writer = CliOutput.Open(file.FullName);
                using var csv = CliOutput.Csv(writer);
                foreach (var header in SimulationHeader)
                {
                    csv.WriteField(header);
                }

                csv.NextRecord();
                foreach (var (kind, r) in rows)
                {
                    csv.WriteField(kind);
                    csv.WriteField(r.Key);
                    csv.WriteField(r.Level.Code);
                    csv.WriteField(r.Hospitals.ToString(CultureInfo.InvariantCulture));
                    csv.WriteField(r.Cases.ToString(CultureInfo.InvariantCulture));
                    csv.WriteField(r.FeeForService.ToString());
                    csv.WriteField(r.Simulated.ToString());
                    csv.WriteField(r.Difference.ToString());
                    csv.WriteField(r.Ratio?.ToString("0.######", CultureInfo.InvariantCulture) ?? string.Empty);
                    csv.NextRecord();
                }
            }

            var rejected = inputs.ReaderIssues.Count(r => r.Rejected) + report.Clearing.LineIssues.Count(i => i.Index >= 0 && i.Issue.IsError) + inputs.RejectedHospitals;
            if (rejected > 0)
            {
                Console.Error.WriteLine(string.Format(CultureInfo.InvariantCulture, "medpay: {0} rows rejected (lines or hospitals); the simulation leaves them out", rejected));
                return 1;
            }

            return 0;
        });
        return command;
    }

    private static Command Budget()
    {
        var policy = PolicyOption();
        var command = new Command("budget", "Regional budget (区域总额预算): derive each pool's DRG/DIP total by the profile's method, itemized.");
        command.Options.Add(policy);
        command.SetAction(parse =>
        {
            var profile = LoadPolicy(parse.GetValue(policy)!);
            if (profile is null)
            {
                return 2;
            }

            foreach (var pool in profile.Pools)
            {
                var budget = RegionalBudget.Derive(pool, profile.MoneyRule(RoundingStep.Budget));
                Console.Out.WriteLine("pool " + pool.Key + " (" + budget.Method + ")");
                foreach (var step in budget.Steps)
                {
                    Console.Out.WriteLine(string.Format(CultureInfo.InvariantCulture, "  {0,-40} {1,18}  {2}", step.Code, step.Amount, step.Formula));
                }
            }

            return 0;
        });
        return command;
    }

    private static Command Profiles()
    {
        var export = new Option<string?>("--export") { Description = "Print the JSON of this embedded profile (a starting point for a region's own profile)." };
        var command = new Command("profiles", "List the embedded example policy profiles (示例政策).");
        command.Options.Add(export);
        command.SetAction(parse =>
        {
            if (parse.GetValue(export) is { } name)
            {
                if (SettlementPolicyLoader.Embedded.Read(name) is not { } json)
                {
                    Console.Error.WriteLine("medpay: no embedded profile '" + name + "'");
                    return 2;
                }

                Console.Out.Write(json);
                return 0;
            }

            foreach (var profile in SettlementPolicyLoader.EmbeddedNames.Select(SettlementPolicyLoader.LoadEmbedded))
            {
                Console.Out.WriteLine(profile.Id + "  " + profile.Version + "  " + profile.Name);
            }

            return 0;
        });
        return command;
    }

    private static Option<string> PolicyOption() => new("--policy", "-p")
    {
        Description = "Policy profile JSON file, or the name of an embedded profile (see `medpay settle profiles`).",
        Required = true,
    };

    private static SettlementPolicy? LoadPolicy(string policyArgument)
    {
        try
        {
            return File.Exists(policyArgument) || !SettlementPolicyLoader.EmbeddedNames.Contains(policyArgument)
                ? SettlementPolicyLoader.LoadFile(policyArgument)
                : SettlementPolicyLoader.LoadEmbedded(policyArgument);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine("medpay: " + ex.Message);
            return null;
        }
    }

    private static Option<FileInfo> HospitalsOption() => new("--hospitals")
    {
        Description = "Hospital CSV or .xlsx (hospital_id,name,level plus assessment_score, annual_deduction, working_advance, prior_year_fund_paid, base_points, last_year_points[_employee|_resident]).",
        Required = true,
    };

    private static Option<FileInfo> LinesOption(string description)
    {
        var option = new Option<FileInfo>("--lines", "--cases") { Description = description, Required = true };
        return option;
    }

    private static Inputs? Load(string policyArgument, FileInfo hospitalsFile, FileInfo linesFile, FileInfo? monthlyFile)
    {
        if (LoadPolicy(policyArgument) is not { } policy)
        {
            return null;
        }

        if (!CliFiles.AllExist(hospitalsFile, linesFile, monthlyFile))
        {
            return null;
        }

        var hospitalRecords = Read(hospitalsFile, SettlementCsv.ReadHospitals);
        foreach (var bad in hospitalRecords.Where(r => r.Issues.Count > 0))
        {
            Console.Error.WriteLine("medpay: hospitals row " + bad.RowNumber.ToString(CultureInfo.InvariantCulture) + " (" + bad.Id + "): " + ResultCsv.Issues(bad.Issues));
        }

        // Stream the lines: keep the accepted lines (with their row numbers) and only the rows that carry issues.
        var lines = new List<SettlementLine>();
        var rows = new List<int>();
        var readerIssues = new List<(int Row, string Id, bool Rejected, IReadOnlyList<Validation.ValidationIssue> Issues)>();
        var total = BatchProgress.ReadFile(linesFile, reader =>
        {
            var count = 0;
            foreach (var record in SettlementLineCsv.Read(reader))
            {
                count++;
                if (record.IsRejected)
                {
                    readerIssues.Add((record.RowNumber, record.Id, true, record.Issues));
                    continue;
                }

                if (record.Issues.Count > 0)
                {
                    readerIssues.Add((record.RowNumber, record.Id, false, record.Issues));
                }

                lines.Add(record.Value!.Line);
                rows.Add(record.RowNumber);
            }

            return count;
        });

        var monthly = monthlyFile is null ? [] : Read(monthlyFile, SettlementCsv.ReadMonthlyPayments);
        foreach (var bad in monthly.Where(r => r.Issues.Count > 0))
        {
            Console.Error.WriteLine("medpay: monthly row " + bad.RowNumber.ToString(CultureInfo.InvariantCulture) + ": " + ResultCsv.Issues(bad.Issues));
        }

        return new Inputs(
            policy,
            hospitalRecords.Where(r => !r.IsRejected).Select(r => r.Value!).ToList(),
            hospitalRecords.Count(r => r.IsRejected),
            new HashSet<string>(hospitalRecords.Where(r => r.IsRejected && !string.IsNullOrEmpty(r.Id)).Select(r => r.Id), StringComparer.Ordinal),
            lines,
            rows,
            readerIssues,
            total,
            monthly.Where(r => !r.IsRejected).Select(r => r.Value!).ToList(),
            monthly.Count(r => r.IsRejected));
    }

    private static T Read<T>(FileInfo file, Func<TextReader, T> read)
    {
        using var reader = CliFiles.OpenTable(file);
        return read(reader);
    }

    private static int WriteLineResults(string path, Inputs inputs, ClearingResult result)
    {
        // One row per input row, in file order: reader issues, then clearing issues.
        var engineIssues = result.LineIssues.Where(i => i.Index >= 0).ToLookup(i => i.Index, i => i.Issue);
        var readerIssues = inputs.ReaderIssues.ToDictionary(r => r.Row);
        using var writer = CliOutput.Open(path);
        using var csv = CliOutput.Csv(writer);
        foreach (var header in new[] { "row", "line_id", "status", "issues" })
        {
            csv.WriteField(header);
        }

        csv.NextRecord();
        var rejected = 0;
        var next = 0;
        for (var row = 1; row <= inputs.TotalRows; row++)
        {
            string id;
            IEnumerable<Validation.ValidationIssue> issues;
            var isRejected = false;
            readerIssues.TryGetValue(row, out var fromReader);
            if (next < inputs.Rows.Count && inputs.Rows[next] == row)
            {
                id = inputs.Lines[next].LineId;
                var hospital = inputs.Lines[next].HospitalId;
                issues = (fromReader.Issues ?? []).Concat(engineIssues[next].Select(i => i.Code == SettlementIssueCodes.HospitalUnknown && hospital is not null && inputs.InvalidHospitals.Contains(hospital)
                    ? Validation.ValidationIssue.Error(SettlementIssueCodes.HospitalInvalid, "hospital_id", "医疗机构在机构清单中的行无效（已拒收），该结算行无法清算", "The hospital's row in the hospital file was rejected; the line cannot be settled.")
                    : i));
                next++;
            }
            else
            {
                id = fromReader.Id ?? string.Empty;
                issues = fromReader.Issues ?? [];
                isRejected = true;
            }

            var list = issues.ToList();
            isRejected |= list.Any(i => i.IsError);
            rejected += isRejected ? 1 : 0;
            csv.WriteField(row.ToString(CultureInfo.InvariantCulture));
            csv.WriteField(id);
            csv.WriteField(isRejected ? "rejected" : "settled");
            csv.WriteField(ResultCsv.Issues(list));
            csv.NextRecord();
        }

        return rejected;
    }

    private sealed record Inputs(
        SettlementPolicy Policy,
        IReadOnlyList<SettlementHospital> Hospitals,
        int RejectedHospitals,
        HashSet<string> InvalidHospitals,
        IReadOnlyList<SettlementLine> Lines,
        IReadOnlyList<int> Rows,
        IReadOnlyList<(int Row, string Id, bool Rejected, IReadOnlyList<Validation.ValidationIssue> Issues)> ReaderIssues,
        int TotalRows,
        IReadOnlyList<MonthlyPayment> Monthly,
        int RejectedMonthly);
}
