using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using CsvHelper;
using MedInsurance.Payment.Cases;
using MedInsurance.Payment.Interchange;
using MedInsurance.Payment.PerDiem;

namespace MedInsurance.Payment.Cli;

/// <summary><c>medpay perdiem price</c> and <c>medpay perdiem indicators</c> (按床日付费).</summary>
internal static class PerDiemCommands
{
    private static readonly string[] PriceColumns = { "status", "class", "first_day", "paid_days", "standard", "fund_amount", "gain", "points", "issues" };

    private static readonly string[] IndicatorColumns =
    {
        "hospital_id", "class", "stays", "days", "average_stay", "total_cost", "average_daily_cost", "readmissions", "readmission_rate",
        "beyond_maximum", "share_beyond_maximum", "standard", "fund_amount", "gain", "points",
    };

    public static Command Create()
    {
        var perDiem = new Command("perdiem", "Per diem (按床日付费): price psychiatric, rehabilitation and hospice stays into settlement lines; assessment indicators.");
        perDiem.Subcommands.Add(Price());
        perDiem.Subcommands.Add(Indicators());
        return perDiem;
    }

    private static (Option<string> Policy, Option<FileInfo> Hospitals, Option<FileInfo> Input, Option<FileInfo> Output, Option<FileInfo?> HeaderMap) Common(Command command, string outputText)
    {
        var policy = new Option<string>("--policy", "-p") { Description = "Per-diem policy JSON file, or an embedded policy (" + string.Join(", ", PerDiemPolicyLoader.EmbeddedNames) + ").", Required = true };
        var hospitals = new Option<FileInfo>("--hospitals") { Description = "Hospitals CSV or .xlsx: hospital_id,name,level,type[,coefficient].", Required = true };
        var input = new Option<FileInfo>("--input", "-i") { Description = "Case CSV (case format) with optional patient_id and ward columns.", Required = true };
        var output = new Option<FileInfo>("--output", "-o") { Description = outputText, Required = true };
        var headerMap = CaseFiles.HeaderMapOption();
        foreach (var option in new Option[] { policy, hospitals, input, output, headerMap })
        {
            command.Options.Add(option);
        }

        return (policy, hospitals, input, output, headerMap);
    }

    private static Command Price()
    {
        var command = new Command("price", "Price stays per diem (stage bands, caps, maximum stays, readmission continuation) and write one settlement-line row per input row.");
        var (policy, hospitals, input, output, headerMap) = Common(command, "Settlement-line CSV: one row per input row, in order, then the per-diem columns.");
        var trace = new Option<FileInfo?>("--trace") { Description = "Also write id,trace (every step in Chinese and English) to this CSV file." };
        command.Options.Add(trace);
        command.SetAction(parse =>
        {
            if (!Load(parse.GetValue(policy)!, parse.GetValue(hospitals)!, parse.GetValue(input)!, parse.GetValue(headerMap), out var calculator, out var hospitalTable, out var records, out var stays))
            {
                return 2;
            }

            var batch = Batch(calculator!, hospitalTable!, stays!);
            var results = Expand(records!, batch.Results);
            using (var writer = CliOutput.Open(parse.GetValue(output)!.FullName))
            using (var csv = CliOutput.Csv(writer))
            {
                foreach (var column in SettlementLineCsv.Header.Concat(PriceColumns))
                {
                    csv.WriteField(column);
                }

                csv.NextRecord();
                var stayIndex = 0;
                for (var i = 0; i < records!.Count; i++)
                {
                    var record = records[i];
                    PerDiemResult? r = record.IsRejected ? null : results[i];
                    var stay = record.IsRejected ? default : stays![stayIndex++];
                    var line = r is { } priced && calculator!.TryGetLine(stay, priced, out var l) ? l : (Payment.Settlement.SettlementLine?)null;
                    ResultCsv.WriteLineCells(csv, line, record.Id, record.Value?.HospitalId);

                    WritePerDiem(csv, calculator!, record.Issues, r);
                    csv.NextRecord();
                }
            }

            if (parse.GetValue(trace) is { } traceFile)
            {
                WriteTrace(traceFile.FullName, calculator!, hospitalTable!, records!, stays!, batch);
            }

            var pricedCount = results.Count(r => r is { Status: PerDiemStatus.Priced });
            var notEligible = results.Count(r => r is { Status: PerDiemStatus.NotEligible });
            var rejected = records!.Count - pricedCount - notEligible;
            Console.Error.WriteLine(string.Format(CultureInfo.InvariantCulture, "per diem: {0} of {1} rows priced, {2} not eligible, {3} rejected", pricedCount, records.Count, notEligible, rejected));
            return pricedCount == records.Count ? 0 : 1;
        });
        return command;
    }

    private static Command Indicators()
    {
        var command = new Command("indicators", "Assessment indicators per hospital and class (平均住院日、日均费用、再入院率、超最高天数占比) of the priced stays.");
        var (policy, hospitals, input, output, headerMap) = Common(command, "Indicator CSV: one row per hospital and class.");
        command.SetAction(parse =>
        {
            if (!Load(parse.GetValue(policy)!, parse.GetValue(hospitals)!, parse.GetValue(input)!, parse.GetValue(headerMap), out var calculator, out var hospitalTable, out var records, out var stays))
            {
                return 2;
            }

            var batch = Batch(calculator!, hospitalTable!, stays!);
            var rows = PerDiemIndicators.Compute(calculator!.Policy, stays!, batch);
            var inv = CultureInfo.InvariantCulture;
            using (var writer = CliOutput.Open(parse.GetValue(output)!.FullName))
            using (var csv = CliOutput.Csv(writer))
            {
                foreach (var column in IndicatorColumns)
                {
                    csv.WriteField(column);
                }

                csv.NextRecord();
                foreach (var row in rows)
                {
                    foreach (var cell in new[]
                    {
                        row.HospitalId, row.ClassCode, row.Stays.ToString(inv), row.Days.ToString(inv), row.AverageStay.ToString(inv), row.TotalCost.ToString(),
                        row.AverageDailyCost.ToString(), row.Readmissions.ToString(inv), row.ReadmissionRate.ToString(inv), row.StaysBeyondMaximum.ToString(inv),
                        row.ShareBeyondMaximum.ToString(inv), row.Standard.ToString(), row.FundAmount.ToString(), row.Gain.ToString(), row.Points.ToString(inv),
                    })
                    {
                        csv.WriteField(cell);
                    }

                    csv.NextRecord();
                }
            }

            var rejected = records!.Count(r => r.IsRejected) + batch.Results.Count(r => r.Status == PerDiemStatus.Rejected);
            Console.Error.WriteLine(string.Format(inv, "per diem indicators: {0} rows for {1} priced stays; {2} rows rejected", rows.Count, rows.Sum(r => r.Stays), rejected));
            return rejected == 0 ? 0 : 1;
        });
        return command;
    }

    /// <summary>Loads the policy, hospitals and cases; false (exit 2) when one is unusable.</summary>
    private static bool Load(string policyText, FileInfo hospitalsFile, FileInfo inputFile, FileInfo? headerMapFile, out PerDiemCalculator? calculator, out Dictionary<string, PerDiemHospital>? hospitals,
        out IReadOnlyList<ReadRecord<InpatientCase>>? records, out List<PerDiemStay>? stays)
    {
        calculator = null;
        hospitals = null;
        records = null;
        stays = null;
        foreach (var file in new[] { hospitalsFile, inputFile })
        {
            if (!CliFiles.Exists(file))
            {
                Console.Error.WriteLine("medpay: file not found: " + file.FullName);
                return false;
            }
        }

        try
        {
            calculator = new PerDiemCalculator(PerDiemPolicyLoader.Load(policyText));
        }
        catch (Exception e) when (e is InvalidDataException or FileNotFoundException or ArgumentException or IOException)
        {
            Console.Error.WriteLine("medpay: " + e.Message);
            return false;
        }

        if (!CaseFiles.LoadHeaderMap(headerMapFile, inputFile, CsvReadOptions.Default, out var map))
        {
            return false;
        }

        hospitals = ReadHospitals(hospitalsFile);
        if (hospitals is null)
        {
            return false;
        }

        records = CaseFiles.Read(inputFile, map);
        var extra = ReadExtraColumns(inputFile.FullName, records.Count);
        stays = new List<PerDiemStay>(records.Count);
        for (var i = 0; i < records.Count; i++)
        {
            if (!records[i].IsRejected)
            {
                stays.Add(new PerDiemStay(records[i].Value!, extra[i].Patient, extra[i].Ward));
            }
        }

        return true;
    }

    /// <summary>The per-diem view of a hospitals CSV (hospital_id,name,level,type[,coefficient]); null (after printing why) when a row is unusable.</summary>
    internal static Dictionary<string, PerDiemHospital>? ReadHospitals(FileInfo hospitalsFile)
    {
        var hospitals = new Dictionary<string, PerDiemHospital>(StringComparer.Ordinal);
        foreach (var row in HospitalCsvReader.ReadFile(hospitalsFile.FullName))
        {
            if (row.IsRejected)
            {
                Console.Error.WriteLine("medpay: hospitals file, row " + row.RowNumber.ToString(CultureInfo.InvariantCulture) + ": " + ResultCsv.Issues(row.Issues));
                return null;
            }

            var h = row.Value!;
            Coefficient? coefficient = null;
            if (h.GetExtra("coefficient") is { } text)
            {
                if (!decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) || value <= 0m || value > 10m)
                {
                    Console.Error.WriteLine("medpay: hospitals file, row " + row.RowNumber.ToString(CultureInfo.InvariantCulture) + ": coefficient must be a number in (0, 10].");
                    return null;
                }

                coefficient = new Coefficient(value);
            }

            hospitals[h.Hospital.Id] = PerDiemHospital.From(h.Hospital, coefficient);
        }

        return hospitals;
    }

    private static PerDiemBatchResult Batch(PerDiemCalculator calculator, Dictionary<string, PerDiemHospital> hospitals, List<PerDiemStay> stays) =>
        PerDiemBatch.Price(calculator, stays, hospitals);

    /// <summary>The batch results (accepted rows only) spread back over every input row.</summary>
    private static PerDiemResult?[] Expand(IReadOnlyList<ReadRecord<InpatientCase>> records, IReadOnlyList<PerDiemResult> results)
    {
        var all = new PerDiemResult?[records.Count];
        var k = 0;
        for (var i = 0; i < records.Count; i++)
        {
            if (!records[i].IsRejected)
            {
                all[i] = results[k++];
            }
        }

        return all;
    }

    /// <summary>The optional <c>patient_id</c> and <c>ward</c> columns, by data row (the case reader ignores unknown columns).</summary>
    internal static (string? Patient, string? Ward)[] ReadExtraColumns(string path, int rows)
    {
        var result = new (string? Patient, string? Ward)[rows];
        using var reader = new StreamReader(path, new UTF8Encoding(false), true);
        using var csv = new CsvReader(reader, new CsvHelper.Configuration.CsvConfiguration(CultureInfo.InvariantCulture) { BadDataFound = null, MissingFieldFound = null });
        if (!csv.Read() || !csv.ReadHeader())
        {
            return result;
        }

        var header = csv.HeaderRecord ?? Array.Empty<string>();
        var patient = Array.FindIndex(header, h => string.Equals(h.Trim(), "patient_id", StringComparison.OrdinalIgnoreCase));
        var ward = Array.FindIndex(header, h => string.Equals(h.Trim(), "ward", StringComparison.OrdinalIgnoreCase));
        for (var row = 0; row < rows && csv.Read(); row++)
        {
            result[row] = (patient >= 0 ? csv.GetField(patient) : null, ward >= 0 ? csv.GetField(ward) : null);
        }

        return result;
    }

    private static void WritePerDiem(CsvWriter csv, PerDiemCalculator calculator, IReadOnlyList<Validation.ValidationIssue> readIssues, PerDiemResult? result)
    {
        var inv = CultureInfo.InvariantCulture;
        if (result is not { } r)
        {
            csv.WriteField("rejected");
            for (var k = 0; k < PriceColumns.Length - 2; k++)
            {
                csv.WriteField(string.Empty);
            }

            csv.WriteField(ResultCsv.Issues(readIssues));
            return;
        }

        csv.WriteField(r.Status switch { PerDiemStatus.Priced => "priced", PerDiemStatus.NotEligible => "not_eligible", _ => "rejected" });
        csv.WriteField(r.ClassIndex >= 0 ? calculator.Policy.Classes[r.ClassIndex].Code : string.Empty);
        var priced = r.IsPriced;
        csv.WriteField(priced ? r.FirstDay.ToString(inv) : string.Empty);
        csv.WriteField(priced ? r.PaidDays.ToString(inv) : string.Empty);
        csv.WriteField(priced ? r.Standard.ToString() : string.Empty);
        csv.WriteField(priced ? r.FundAmount.ToString() : string.Empty);
        csv.WriteField(priced ? r.Gain.ToString() : string.Empty);
        csv.WriteField(priced ? r.Points.ToString(inv) : string.Empty);
        csv.WriteField(ResultCsv.Issues(readIssues.Concat(r.Issues())));
    }

    private static void WriteTrace(string path, PerDiemCalculator calculator, Dictionary<string, PerDiemHospital> hospitals, IReadOnlyList<ReadRecord<InpatientCase>> records, List<PerDiemStay> stays, PerDiemBatchResult batch)
    {
        using var writer = CliOutput.Open(path);
        using var csv = CliOutput.Csv(writer);
        csv.WriteField("id");
        csv.WriteField("trace");
        csv.NextRecord();
        var k = 0;
        foreach (var record in records)
        {
            csv.WriteField(record.Id);
            if (record.IsRejected)
            {
                csv.WriteField("rejected by the case reader");
            }
            else
            {
                var stay = stays[k];
                var hospital = hospitals.TryGetValue(stay.Case.HospitalId, out var h) ? h : PerDiemHospital.Unknown;
                csv.WriteField(calculator.Explain(stay, hospital, batch.Episodes[k]).ToString());
                k++;
            }

            csv.NextRecord();
        }
    }
}
