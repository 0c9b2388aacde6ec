using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using MedInsurance.Payment.Cases;
using MedInsurance.Payment.Hospitals;
using MedInsurance.Payment.Interchange;
using MedInsurance.Payment.Outpatient;
using MedInsurance.Payment.Validation;

namespace MedInsurance.Payment.Cli;

/// <summary>
/// <c>medpay outpatient group</c> (按诊疗组合) and <c>medpay outpatient chronic</c> (门诊慢特病): outpatient item lines
/// priced into settlement lines that <c>medpay settle year --lines</c> reads.
/// </summary>
internal static class OutpatientCommands
{
    private static readonly string[] IssueHeader = ["row", "claim_id", "status", "issues"];

    private static readonly string[] DayHeader =
    [
        "unit_id", "person_id", "institution_id", "fund", "date", "claims", "items", "total_cost", "method", "class", "combination", "matched_code",
        "fallback", "price", "points", "fund_share", "fund_pays", "fund_points", "item_fund", "patient_pays", "trace",
    ];

    private static readonly string[] ClaimHeader =
    [
        "claim_id", "person_id", "institution_id", "fund", "date", "disease", "legacy", "total", "covered", "uncovered", "deductible", "coinsurance",
        "beyond_ceiling", "fund_pays", "person_pays", "reasons", "trace",
    ];

    public static Command Create()
    {
        var outpatient = new Command("outpatient", "Outpatient payment beyond capitation: treatment combinations (按诊疗组合) and chronic and special outpatient diseases (门诊慢特病).");
        outpatient.Subcommands.Add(Group());
        outpatient.Subcommands.Add(Chronic());
        return outpatient;
    }

    private static Command Group()
    {
        var table = new Option<FileInfo>("--table", "-t") { Description = "Combination table JSON (docs/outpatient.md).", Required = true };
        var hospitals = new Option<FileInfo>("--hospitals") { Description = "Hospitals CSV or .xlsx with each institution's level (the format of `settle year`).", Required = true };
        var input = new Option<FileInfo>("--input", "-i") { Description = "Outpatient item lines CSV: claim_id,person_id,institution_id,fund,date,item_code,item_kind,quantity,amount[,diagnosis]; lines of a claim contiguous, claims in service-date order.", Required = true };
        var output = new Option<FileInfo>("--output", "-o") { Description = "A folder (lines.csv, days.csv, item-issues.csv) or a file ending in .csv (the settlement lines only).", Required = true };
        var maxDay = new Option<int>("--max-day-items") { Description = "The most item lines one open service day may hold in memory (a claim beyond it is rejected).", DefaultValueFactory = _ => 4_000_000 };
        var encoding = CaseFiles.EncodingOption();
        var threads = DrgCommands.ThreadsOption(shortAlias: false); // -t is --table here
        threads.Description = "Threads for reading and for grouping closed service dates, 1–256 (default: all cores); the output is the same for any count.";
        var command = new Command("group", "Group a day's outpatient items (person × institution × day) into treatment combinations (按诊疗组合) and price them; fee-for-service with the reason when none fits. Exit 0 all rows accepted, 1 some rows rejected, 2 input or configuration unusable (nothing written).");
        foreach (var option in new Option[] { table, hospitals, input, output, maxDay, encoding, threads })
        {
            command.Options.Add(option);
        }

        command.SetAction(parse => RunGroup(parse.GetValue(table)!, parse.GetValue(hospitals)!, parse.GetValue(input)!, parse.GetValue(output)!, parse.GetValue(maxDay), parse.GetValue(encoding), parse.GetValue(threads)));
        return command;
    }

    private static Command Chronic()
    {
        var policy = new Option<FileInfo>("--policy", "-p") { Description = "Chronic-disease policy JSON (docs/outpatient.md).", Required = true };
        var claims = new Option<FileInfo>("--claims") { Description = "Outpatient item lines CSV with the diagnosis column; lines of a claim contiguous, claims in any order.", Required = true };
        var certifications = new Option<FileInfo?>("--certifications") { Description = "Optional certifications CSV: person_id,disease_code,certified_on (old-list certifications before the cut-over keep the old terms until the transition ends)." };
        var output = new Option<FileInfo>("--output", "-o") { Description = "A folder (lines.csv, claims.csv, item-issues.csv) or a file ending in .csv (the settlement lines only).", Required = true };
        var encoding = CaseFiles.EncodingOption();
        var command = new Command("chronic", "Pay a year of chronic and special outpatient disease claims (门诊慢特病): deductible, ratio, disease and person ceilings, the old-list transition. Exit 0 all rows accepted, 1 some rows rejected, 2 input or configuration unusable (nothing written).");
        foreach (var option in new Option[] { policy, claims, certifications, output, encoding })
        {
            command.Options.Add(option);
        }

        command.SetAction(parse => RunChronic(parse.GetValue(policy)!, parse.GetValue(claims)!, parse.GetValue(certifications), parse.GetValue(output)!, parse.GetValue(encoding)));
        return command;
    }

    internal static int RunGroup(FileInfo tableFile, FileInfo hospitalsFile, FileInfo inputFile, FileInfo output, int maxDayItems, string? encoding) =>
        RunGroup(tableFile, hospitalsFile, inputFile, output, maxDayItems, encoding, Environment.ProcessorCount);

    internal static int RunGroup(FileInfo tableFile, FileInfo hospitalsFile, FileInfo inputFile, FileInfo output, int maxDayItems, string? encoding, int threads)
    {
        if (!CliFiles.AllExist(tableFile, hospitalsFile, inputFile) || CaseFiles.Options(encoding) is not { } options)
        {
            return 2;
        }

        if (maxDayItems < 1)
        {
            Console.Error.WriteLine("medpay: --max-day-items must be at least 1");
            return 2;
        }

        CombinationTable table;
        try
        {
            table = CombinationTableLoader.LoadFile(tableFile.FullName);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine("medpay: " + ex.Message);
            return 2;
        }

        if (!Levels(hospitalsFile, out var levels, out var hospitalRejected) || !HeaderOk(inputFile) || Target(output) is not { } target)
        {
            return 2;
        }

        return BatchCollections.Run(() => Group(table, levels, hospitalRejected, inputFile, target, maxDayItems, options, Math.Max(1, threads)));
    }

    private static int Group(CombinationTable table, Dictionary<string, HospitalLevel> levels, int hospitalRejected, FileInfo inputFile, (string Path, bool Folder) target, int maxDayItems, CsvReadOptions options, int threads)
    {
        var book = new OutpatientLineBook();
        var grouper = new CombinationGrouper(table, levels);
        OutpatientGroupingSummary summary;
        CsvReadReport read;
        using (var issues = target.Folder ? CliOutput.Csv(CliOutput.Open(Path.Combine(target.Path, "item-issues.csv"))) : null)
        using (var days = target.Folder ? CliOutput.Csv(CliOutput.Open(Path.Combine(target.Path, "days.csv"))) : null)
        {
            Header(issues, IssueHeader);
            Header(days, DayHeader);
            // Days are summed into the book without a day object unless days.csv is written.
            var grouping = new OutpatientGrouping(
                grouper,
                book,
                days is null ? null : day => WriteDay(days, day),
                (record, found) => WriteIssue(issues, record, found),
                maxDayItems,
                threads);
            // This thread checks claims in file order and buffers the open service date; closed dates are grouped and
            // priced on the thread pool (up to `threads` at a time) and their days come back here in date order. The rows
            // are read on this thread too, or, from three threads up, split by one thread and converted by the others.
            read = BatchProgress.ReadStream(inputFile, stream =>
            {
                var readers = ReaderThreads(threads);
                if (readers == 1)
                {
                    // One reading thread: the streaming reader hands each row straight to the grouping (no block list to
                    // fill, copy from and clear on the thread that is the critical path).
                    CsvReadReport? report = null;
                    foreach (var record in OutpatientCsv.ReadItems(stream, options, r => report = r))
                    {
                        grouping.Add(record);
                    }

                    return report!;
                }

                return OutpatientCsv.ReadItemsInParallel(stream, options, readers, block =>
                {
                    for (var i = 0; i < block.Count; i++)
                    {
                        grouping.Add(block[i]);
                    }
                });
            });
            summary = grouping.Complete();
        }

        var lines = book.Lines();
        using (var writer = CliOutput.Open(target.Folder ? Path.Combine(target.Path, "lines.csv") : target.Path))
        {
            SettlementLineCsv.Write(writer, lines, CliOutput.Raw);
        }

        Console.Error.WriteLine("items: " + read);
        Console.Error.WriteLine(string.Format(CultureInfo.InvariantCulture, "items: rows in {0} = accepted {1} + rejected {2}", summary.Rows, summary.Accepted, summary.Rejected));
        Console.Out.WriteLine(string.Format(CultureInfo.InvariantCulture, "table {0} {1}: {2} days ({3} by combination, {4} fee-for-service), {5} settlement lines", table.Id, table.Version, summary.Days, summary.CombinationDays, summary.FeeForServiceDays, lines.Count));
        Console.Out.WriteLine("  written to " + target.Path);
        if (summary.Rejected > 0 || hospitalRejected > 0)
        {
            Console.Error.WriteLine(string.Format(CultureInfo.InvariantCulture, "medpay: {0} item rows and {1} hospital rows rejected{2}", summary.Rejected, hospitalRejected, target.Folder ? "; see item-issues.csv" : string.Empty));
            return 1;
        }

        return 0;
    }

    /// <summary>
    /// The reader's converting threads for <paramref name="threads"/>: 1 (read on the calling thread) up to two threads —
    /// on two cores, handing rows to other threads costs more CPU than it saves (measured on the 10 000 000-line
    /// benchmark, docs/outpatient.md) — and one fewer than the grouping threads above that.
    /// </summary>
    private static int ReaderThreads(int threads) => threads <= 2 ? 1 : threads - 1;

    internal static int RunChronic(FileInfo policyFile, FileInfo claimsFile, FileInfo? certificationsFile, FileInfo output, string? encoding)
    {
        if (!CliFiles.AllExist(policyFile, claimsFile, certificationsFile) || CaseFiles.Options(encoding) is not { } options)
        {
            return 2;
        }

        ChronicPolicy policy;
        try
        {
            policy = ChronicPolicyLoader.LoadFile(policyFile.FullName);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine("medpay: " + ex.Message);
            return 2;
        }

        if (!HeaderOk(claimsFile))
        {
            return 2;
        }

        var certifications = new List<ChronicCertification>();
        var certificationsRejected = 0;
        if (certificationsFile is not null)
        {
            if (CapitationCommands.MissingColumns(certificationsFile, ["person_id", "disease_code", "certified_on"]) is { } missing)
            {
                Console.Error.WriteLine("medpay: " + certificationsFile.Name + ": the header lacks " + missing + " (" + IssueCodes.ColumnMissing + ")");
                return 2;
            }

            foreach (var record in BatchProgress.ReadStream(certificationsFile, stream => ChronicCertificationCsv.Read(stream, options, null)))
            {
                if (record.IsRejected)
                {
                    certificationsRejected++;
                    Console.Error.WriteLine("medpay: certifications row " + record.RowNumber.ToString(CultureInfo.InvariantCulture) + ": " + ResultCsv.Issues(record.Issues));
                }
                else
                {
                    certifications.Add(record.Value!);
                }
            }
        }

        if (Target(output) is not { } target)
        {
            return 2;
        }

        long rows = 0, rejected = 0;
        CsvReadReport? read = null;
        IReadOnlyList<ChronicClaim> claims;
        using (var issues = target.Folder ? CliOutput.Csv(CliOutput.Open(Path.Combine(target.Path, "item-issues.csv"))) : null)
        {
            Header(issues, IssueHeader);
            claims = BatchProgress.ReadStream(claimsFile, stream => ChronicClaims.Collect(
                Counted(OutpatientCsv.ReadItems(stream, options, r => read = r), () => rows++),
                (record, found) =>
                {
                    rejected++;
                    WriteIssue(issues, record, found);
                }));
        }

        var results = new ChronicCalculator(policy, certifications).Calculate(claims);
        var book = new OutpatientLineBook();
        using (var writer = target.Folder ? CliOutput.Csv(CliOutput.Open(Path.Combine(target.Path, "claims.csv"))) : null)
        {
            Header(writer, ClaimHeader);
            foreach (var result in results)
            {
                if (result.Line is { } line)
                {
                    book.Add(result.Claim.ServiceDate / 10_000, line);
                }

                if (writer is not null)
                {
                    WriteClaim(writer, result);
                }
            }
        }

        var lines = book.Lines();
        using (var writer = CliOutput.Open(target.Folder ? Path.Combine(target.Path, "lines.csv") : target.Path))
        {
            SettlementLineCsv.Write(writer, lines, CliOutput.Raw);
        }

        var fund = Money.Sum(results.Select(r => r.FundPays));
        var person = Money.Sum(results.Select(r => r.PersonPays));
        Console.Error.WriteLine("claims: " + read);
        Console.Error.WriteLine(string.Format(CultureInfo.InvariantCulture, "items: rows in {0} = accepted {1} + rejected {2}", rows, rows - rejected, rejected));
        Console.Out.WriteLine(string.Format(CultureInfo.InvariantCulture, "policy {0} {1}: {2} claims ({3} not on the list), fund pays {4}, persons pay {5}, {6} settlement lines", policy.Id, policy.Version, results.Count, results.Count(r => r.Disease is null), fund, person, lines.Count));
        Console.Out.WriteLine("  written to " + target.Path);
        if (rejected > 0 || certificationsRejected > 0)
        {
            Console.Error.WriteLine(string.Format(CultureInfo.InvariantCulture, "medpay: {0} item rows and {1} certification rows rejected{2}", rejected, certificationsRejected, target.Folder ? "; see item-issues.csv" : string.Empty));
            return 1;
        }

        return 0;
    }

    private static IEnumerable<T> Counted<T>(IEnumerable<T> source, Action count)
    {
        foreach (var item in source)
        {
            count();
            yield return item;
        }
    }

    private static bool Levels(FileInfo file, out Dictionary<string, HospitalLevel> levels, out int rejected)
    {
        levels = new Dictionary<string, HospitalLevel>(StringComparer.Ordinal);
        rejected = 0;
        if (CapitationCommands.MissingColumns(file, ["hospital_id", "level"]) is { } missing)
        {
            Console.Error.WriteLine("medpay: " + file.Name + ": the header lacks " + missing + " (" + IssueCodes.ColumnMissing + ")");
            return false;
        }

        foreach (var record in HospitalCsvReader.ReadFile(file.FullName))
        {
            if (record.IsRejected)
            {
                rejected++;
                Console.Error.WriteLine("medpay: hospitals row " + record.RowNumber.ToString(CultureInfo.InvariantCulture) + " (" + record.Id + "): " + ResultCsv.Issues(record.Issues));
                continue;
            }

            levels[record.Value!.Hospital.Id] = record.Value.Hospital.Level;
        }

        return true;
    }

    private static bool HeaderOk(FileInfo file)
    {
        using var reader = new StreamReader(file.FullName, detectEncodingFromByteOrderMarks: true);
        var header = (reader.ReadLine() ?? string.Empty).Split(',').Select(h => h.Trim().Trim('"').TrimStart('\uFEFF'));
        var missing = OutpatientCsv.MissingColumns(header);
        if (missing.Count > 0)
        {
            Console.Error.WriteLine("medpay: " + file.Name + ": the header lacks " + string.Join(", ", missing) + " (" + OutpatientIssueCodes.FieldRequired + ")");
            return false;
        }

        return true;
    }

    /// <summary>The output: a folder, or a lines file when the path ends in .csv; null (said on stderr) when it cannot be written.</summary>
    private static (string Path, bool Folder)? Target(FileInfo output)
    {
        var isFile = output.Name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase);
        var folder = isFile ? output.Directory! : new DirectoryInfo(output.FullName);
        if (!CliFiles.Writable(folder))
        {
            return null;
        }

        return (isFile ? output.FullName : folder.FullName, !isFile);
    }

    private static void Header(SafeCsvWriter? csv, string[] header)
    {
        if (csv is null)
        {
            return;
        }

        foreach (var name in header)
        {
            csv.WriteField(name);
        }

        csv.NextRecord();
    }

    private static void WriteIssue(SafeCsvWriter? csv, OutpatientItemRecord record, IReadOnlyList<ValidationIssue> issues)
    {
        if (csv is null)
        {
            return;
        }

        csv.WriteField(record.RowNumber.ToString(CultureInfo.InvariantCulture));
        csv.WriteField(record.Item.ClaimId);
        csv.WriteField("rejected");
        csv.WriteField(ResultCsv.Issues(issues));
        csv.NextRecord();
    }

    private static string Fund(InsuranceFund fund) => fund switch
    {
        InsuranceFund.Employee => "employee",
        InsuranceFund.Resident => "resident",
        _ => "other",
    };

    private static string Yuan(Money money) => money.Yuan.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Date(int key) => (key / 10_000).ToString("0000", CultureInfo.InvariantCulture) + "-" + (key / 100 % 100).ToString("00", CultureInfo.InvariantCulture) + "-" + (key % 100).ToString("00", CultureInfo.InvariantCulture);

    private static void WriteDay(SafeCsvWriter csv, CombinationDay day)
    {
        csv.WriteField(day.UnitId);
        csv.WriteField(day.PersonId);
        csv.WriteField(day.InstitutionId);
        csv.WriteField(Fund(day.Fund));
        csv.WriteField(Date(day.ServiceDate));
        csv.WriteField(day.Claims.ToString(CultureInfo.InvariantCulture));
        csv.WriteField(day.Items.ToString(CultureInfo.InvariantCulture));
        csv.WriteField(Yuan(day.TotalCost));
        csv.WriteField(day.Line.Method);
        csv.WriteField(day.Combination is null ? string.Empty : TreatmentCombination.ClassName(day.Combination.Class));
        csv.WriteField(day.Combination?.Code ?? string.Empty);
        csv.WriteField(day.MatchedCode);
        csv.WriteField(day.FallbackCode);
        csv.WriteField(Yuan(day.Price));
        csv.WriteField(Number(day.Points));
        csv.WriteField(Number(day.FundShare));
        csv.WriteField(Yuan(day.FundPays));
        csv.WriteField(Number(day.FundPoints));
        csv.WriteField(Yuan(day.ItemFund));
        csv.WriteField(Yuan(day.PatientPays));
        csv.WriteField(day.Trace);
        csv.NextRecord();
    }

    private static void WriteClaim(SafeCsvWriter csv, ChronicClaimResult r)
    {
        csv.WriteField(r.Claim.ClaimId);
        csv.WriteField(r.Claim.PersonId);
        csv.WriteField(r.Claim.InstitutionId);
        csv.WriteField(Fund(r.Claim.Fund));
        csv.WriteField(Date(r.Claim.ServiceDate));
        csv.WriteField(r.Disease?.Code ?? string.Empty);
        csv.WriteField(r.Disease is { IsLegacy: true } ? "1" : "0");
        csv.WriteField(Yuan(r.Total));
        csv.WriteField(Yuan(r.Covered));
        csv.WriteField(Yuan(r.Uncovered));
        csv.WriteField(Yuan(r.Deductible));
        csv.WriteField(Yuan(r.Coinsurance));
        csv.WriteField(Yuan(r.BeyondCeiling));
        csv.WriteField(Yuan(r.FundPays));
        csv.WriteField(Yuan(r.PersonPays));
        csv.WriteField(string.Join("|", r.Reasons));
        csv.WriteField(r.Trace);
        csv.NextRecord();
    }
}
