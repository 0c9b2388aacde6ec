using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using CsvHelper;
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
        var hospitals = new Option<FileInfo>("--hospitals") { Description = "Hospital CSV (hospital_id,name,level plus coefficient, assessment_score, annual_deduction, working_advance, prior_year_fund_paid, base_points).", Required = true };
        var cases = new Option<FileInfo>("--cases") { Description = "Settled case-line CSV (grouped DRG or scored DIP cases; see docs/formats-settlement.md).", Required = true };
        var monthly = new Option<FileInfo?>("--monthly") { Description = "Monthly payments already made (hospital_id,month,pre_settlement,deposit_withheld); they replace the computed ones." };
        var output = new Option<DirectoryInfo>("--output", "-o") { Description = "Folder for statements.csv, statements.json, summary.csv and case-results.csv.", Required = true };
        var threads = new Option<int>("--threads") { Description = "Threads for the aggregation (default: all cores); the result does not depend on it.", DefaultValueFactory = _ => -1 };
        var html = new Option<FileInfo?>("--html") { Description = "Also write a self-contained offline HTML report (清算报告) to this file (see docs/report.md)." };
        var command = new Command("year", "Annual clearing (年度清算) of every hospital: monthly pre-settlement, deposit, advance, settlement value, risk sharing, assessment, amount due.");
        foreach (var option in new Option[] { policy, hospitals, cases, monthly, output, threads, html })
        {
            command.Options.Add(option);
        }

        command.SetAction(parse =>
        {
            var inputs = Load(parse.GetValue(policy)!, parse.GetValue(hospitals)!, parse.GetValue(cases)!, parse.GetValue(monthly));
            if (inputs is null)
            {
                return 2;
            }

            var result = BatchProgress.Run("clearing", 0, _ => ClearingEngine.Run(inputs.Policy, inputs.Hospitals, inputs.Cases, inputs.Monthly, parse.GetValue(threads)));
            var folder = parse.GetValue(output)!;
            folder.Create();
            using (var stream = File.Create(Path.Combine(folder.FullName, "statements.json")))
            {
                StatementExport.WriteJson(result, stream);
            }

            using (var writer = new StreamWriter(Path.Combine(folder.FullName, "statements.csv"), false, new UTF8Encoding(false)))
            {
                StatementExport.WriteStatementsCsv(result, writer);
            }

            using (var writer = new StreamWriter(Path.Combine(folder.FullName, "summary.csv"), false, new UTF8Encoding(false)))
            {
                StatementExport.WriteSummaryCsv(result, writer);
            }

            if (parse.GetValue(html) is { } htmlFile)
            {
                File.WriteAllText(htmlFile.FullName, ClearingHtmlReport.Render(result, new ClearingReportOptions { CaseMix = HospitalCaseMix.FromCases(inputs.Cases, result) }), new UTF8Encoding(false));
            }

            var rejected = WriteCaseResults(Path.Combine(folder.FullName, "case-results.csv"), inputs, result);
            foreach (var poolIssue in result.CaseIssues.Where(i => i.Index < 0))
            {
                Console.Error.WriteLine("medpay: " + poolIssue.Issue.ToCompactString() + ": " + poolIssue.Issue.MessageEn);
            }

            var s = result.Summary;
            Console.Out.WriteLine(string.Format(
                CultureInfo.InvariantCulture,
                "policy {0} {1}: {2} hospitals, {3} cases settled, {4} case rows rejected",
                inputs.Policy.Id,
                inputs.Policy.Version,
                s.Hospitals,
                s.Cases,
                rejected));
            foreach (var pool in result.Pools)
            {
                Console.Out.WriteLine(string.Format(CultureInfo.InvariantCulture, "  pool {0,-8} budget {1,18} units {2,16} value {3}", pool.Fund?.ToString() ?? "all", pool.Budget.Total, pool.TotalUnits, pool.Value));
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
            return rejected == 0 ? 0 : 1;
        });
        return command;
    }

    private static Command Simulate()
    {
        var policy = PolicyOption();
        var hospitals = new Option<FileInfo>("--hospitals") { Description = "Hospital CSV.", Required = true };
        var cases = new Option<FileInfo>("--cases") { Description = "Last year's settled case-line CSV.", Required = true };
        var output = new Option<FileInfo?>("--output", "-o") { Description = "Write the comparison rows to this CSV file." };
        var command = new Command("simulate", "Simulation (模拟测算): last year's cases under a proposed policy, compared per hospital and level with fee-for-service.");
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

            var report = SettlementSimulation.Run(inputs.Policy, inputs.Hospitals, inputs.Cases);
            var rows = report.Levels.Select(r => ("level", r)).Concat(report.Hospitals.Select(r => ("hospital", r))).ToList();
            foreach (var (kind, r) in rows.Where(x => x.Item1 == "level"))
            {
                Console.Out.WriteLine(string.Format(CultureInfo.InvariantCulture, "  {0,-4} {1,4} hospitals  fee-for-service {2,16}  simulated {3,16}  difference {4,14}", r.Key, r.Hospitals, r.FeeForService, r.Simulated, r.Difference));
            }

            if (parse.GetValue(output) is { } file)
            {
                using var writer = new StreamWriter(file.FullName, false, new UTF8Encoding(false));
                using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
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
                Console.Out.WriteLine("pool " + (pool.Fund?.ToString() ?? "all") + " (" + budget.Method + ")");
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
                using var stream = typeof(SettlementPolicyLoader).Assembly.GetManifestResourceStream("MedInsurance.Payment.Settlement.Profiles." + name + ".json");
                if (stream is null)
                {
                    Console.Error.WriteLine("medpay: no embedded profile '" + name + "'");
                    return 2;
                }

                using var reader = new StreamReader(stream);
                Console.Out.Write(reader.ReadToEnd());
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

    private static Inputs? Load(string policyArgument, FileInfo hospitalsFile, FileInfo casesFile, FileInfo? monthlyFile)
    {
        if (LoadPolicy(policyArgument) is not { } policy)
        {
            return null;
        }

        foreach (var file in new[] { hospitalsFile, casesFile, monthlyFile })
        {
            if (file is { Exists: false })
            {
                Console.Error.WriteLine("medpay: input file not found: " + file.FullName);
                return null;
            }
        }

        var hospitalRecords = Read(hospitalsFile, SettlementCsv.ReadHospitals);
        foreach (var bad in hospitalRecords.Where(r => r.Issues.Count > 0))
        {
            Console.Error.WriteLine("medpay: hospitals row " + bad.RowNumber.ToString(CultureInfo.InvariantCulture) + " (" + bad.Id + "): " + ResultCsv.Issues(bad.Issues));
        }

        var caseRecords = BatchProgress.ReadFile(casesFile, SettlementCsv.ReadCases);
        var monthly = monthlyFile is null ? [] : Read(monthlyFile, SettlementCsv.ReadMonthlyPayments);
        foreach (var bad in monthly.Where(r => r.Issues.Count > 0))
        {
            Console.Error.WriteLine("medpay: monthly row " + bad.RowNumber.ToString(CultureInfo.InvariantCulture) + ": " + ResultCsv.Issues(bad.Issues));
        }

        var accepted = caseRecords.Where(r => !r.IsRejected).ToList();
        return new Inputs(
            policy,
            hospitalRecords.Where(r => !r.IsRejected).Select(r => r.Value!).ToList(),
            caseRecords,
            accepted,
            accepted.Select(r => r.Case!.Value).ToList(),
            monthly.Where(r => !r.IsRejected).Select(r => r.Value!).ToList());
    }

    private static T Read<T>(FileInfo file, Func<TextReader, T> read)
    {
        using var reader = new StreamReader(file.FullName, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
        return read(reader);
    }

    private static int WriteCaseResults(string path, Inputs inputs, ClearingResult result)
    {
        // One row per input case row, in file order: reader issues, then clearing issues.
        var engineIssues = result.CaseIssues.Where(i => i.Index >= 0).ToLookup(i => inputs.Accepted[i.Index].RowNumber, i => i.Issue);
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
        foreach (var header in new[] { "row", "case_id", "status", "issues" })
        {
            csv.WriteField(header);
        }

        csv.NextRecord();
        var rejected = 0;
        foreach (var record in inputs.AllCases)
        {
            var issues = record.Issues.Concat(engineIssues[record.RowNumber]).ToList();
            var isRejected = record.IsRejected || issues.Any(i => i.IsError);
            rejected += isRejected ? 1 : 0;
            csv.WriteField(record.RowNumber.ToString(CultureInfo.InvariantCulture));
            csv.WriteField(record.Id);
            csv.WriteField(isRejected ? "rejected" : "settled");
            csv.WriteField(ResultCsv.Issues(issues));
            csv.NextRecord();
        }

        return rejected;
    }

    private sealed record Inputs(
        SettlementPolicy Policy,
        IReadOnlyList<SettlementHospital> Hospitals,
        IReadOnlyList<SettledCaseRecord> AllCases,
        IReadOnlyList<SettledCaseRecord> Accepted,
        IReadOnlyList<SettledCase> Cases,
        IReadOnlyList<MonthlyPayment> Monthly);
}
