using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using CsvHelper;
using MedInsurance.Payment.Cases;
using MedInsurance.Payment.Drg.Editions;
using MedInsurance.Payment.Drg.Grouping;
using MedInsurance.Payment.Drg.Pricing;
using MedInsurance.Payment.Interchange;
using MedInsurance.Payment.Validation;

namespace MedInsurance.Payment.Cli;

/// <summary>
/// <c>medpay drg price</c>: group every case and price it into a DRG settlement line — points = RW × hospital coefficient,
/// or with <c>--policy</c> the region's standard by fund and level with its outlier rules. Streams the case file in
/// blocks (bounded memory), grouping each block on <c>--threads</c>; rows are written in input order.
/// </summary>
internal static class DrgPriceCommand
{
    /// <summary>Cases grouped and priced per block: bounds memory whatever the file size.</summary>

    /// <summary>The columns written after the settlement-line columns.</summary>
    private static readonly string[] PriceColumns = { "drg", "weight", "coefficient", "status", "issues" };

    /// <summary>The columns a pricing policy adds after <see cref="PriceColumns"/>.</summary>
    private static readonly string[] PolicyColumns = { "level", "standard", "payment", "outlier", "rule", "cost_ratio", "low_threshold", "high_threshold", "review_candidate", "formula" };

    public static Command Create()
    {
        var rules = new DrgCommands.GrouperOptions();
        var threads = DrgCommands.ThreadsOption();
        var input = new Option<FileInfo>("--input", "-i") { Description = "Case CSV file (UTF-8, header row).", Required = true };
        var weights = new Option<FileInfo>("--weights", "-w") { Description = "The region's DRG table, CSV or .xlsx (table.xlsx#Sheet for a sheet other than the first): drg,weight, or as published (Chinese headers, per-level columns, flags; docs/formats-drg.md).", Required = true };
        var encoding = new Option<string>("--encoding") { Description = "Encoding of the case file and of --weights: auto (BOM, else valid UTF-8, else GB18030), utf-8 or gb18030. Case rows with bytes invalid in it are rejected (TEXT_ENCODING_INVALID).", DefaultValueFactory = _ => "auto" };
        var policy = new Option<string?>("--policy") { Description = "DRG pricing policy (JSON file or embedded example-drg-pricing-2025 / example-drg-points-2025): standards by fund and level, outliers. Without it, points = RW × hospital coefficient." };
        var hospitals = new Option<FileInfo>("--hospitals") { Description = "Hospitals CSV or .xlsx: hospital_id,name,level,type[,coefficient] (医院系数; empty = none).", Required = true };
        var pointSystem = new Option<string?>("--point-system") { Description = "Point system (点数体系) of the lines (default DRG, or the policy's)." };
        var headerMap = CaseFiles.HeaderMapOption();
        var crosswalk = DrgCommands.CrosswalkOption();
        var effectiveFrom = new Option<string?>("--effective-from") { Description = "First day the --weights table is in force (ISO yyyy-MM-dd): a case discharged earlier is not priced (DRG_PRICE_TABLE_NOT_IN_FORCE)." };
        var effectiveTo = new Option<string?>("--effective-to") { Description = "Last day the --weights table is in force (ISO yyyy-MM-dd): a case discharged later is not priced (DRG_PRICE_TABLE_NOT_IN_FORCE)." };
        var output = new Option<FileInfo>("--output", "-o") { Description = "Settlement-line CSV (docs/formats-settlement.md) plus drg,weight,coefficient,status,issues (with --policy also level,standard,payment,outlier,rule,cost_ratio,low_threshold,high_threshold,review_candidate,formula) — one row per input row, in input order.", Required = true };
        var command = new Command("price", "Group every case and price it into a DRG settlement line: points = RW × hospital coefficient, or by a pricing policy (standard by fund and level, outlier rules). Exit 0 all priced, 1 some rows unpriced or rejected, 2 unusable input.");
        foreach (var option in rules.All.Concat(new Option[] { threads, input, weights, encoding, effectiveFrom, effectiveTo, policy, hospitals, pointSystem, output, headerMap, crosswalk }))
        {
            command.Options.Add(option);
        }

        command.SetAction(parse =>
        {
            var file = parse.GetValue(input)!;
            var weightsFile = parse.GetValue(weights)!;
            var hospitalsFile = parse.GetValue(hospitals)!;
            var outputFile = parse.GetValue(output)!;
            if (!DrgCommands.Exists(file, "input file") || !DrgCommands.Exists(weightsFile, "weights file") || !DrgCommands.Exists(hospitalsFile, "hospitals file")
                || !CliFiles.Writable(outputFile.Directory!))
            {
                return 2;
            }

            if (!CaseFiles.LoadHeaderMap(parse.GetValue(headerMap), file, CsvReadOptions.Default, out var map))
            {
                return 2;
            }

            if (!TextEncodings.TryParseChoice(parse.GetValue(encoding), out var choice))
            {
                Console.Error.WriteLine("medpay: --encoding must be auto, utf-8 or gb18030");
                return 2;
            }

            if (!TryParseDate(parse.GetValue(effectiveFrom), "--effective-from", out var from) || !TryParseDate(parse.GetValue(effectiveTo), "--effective-to", out var to))
            {
                return 2;
            }

            if (from is { } f && to is { } t && t < f)
            {
                Console.Error.WriteLine("medpay: --effective-to is before --effective-from");
                return 2;
            }

            DrgPricingPolicy? pricingPolicy = null;
            DrgRegionalTable table;
            try
            {
                if (parse.GetValue(policy) is { } policyName)
                {
                    pricingPolicy = DrgPricingPolicyLoader.Load(policyName);
                }

                table = DrgRegionalTableReader.ReadFile(weightsFile.FullName, new DrgTableOptions(EffectiveFrom: from, EffectiveTo: to, Encoding: choice));
            }
            catch (Exception ex) when (ex is InvalidDataException or FileNotFoundException)
            {
                Console.Error.WriteLine("medpay: " + ex.Message);
                return 2;
            }

            if ((from is not null || to is not null)
                && CaseFiles.EveryCaseOutsidePeriod(file, CsvReadOptions.Default, map, "DRG table", CaseFiles.Period(parse.GetValue(effectiveFrom), parse.GetValue(effectiveTo)), table.InForceOn))
            {
                return 2;
            }

            var hospitalList = DrgCommands.ReadHospitalCoefficients(hospitalsFile);
            if (hospitalList is null)
            {
                return 2;
            }

            if (DrgCommands.LoadCrosswalks(parse.GetValue(crosswalk)) is not { } crosswalks)
            {
                return 2;
            }

            var grouper = rules.Load(parse);
            if (grouper is null)
            {
                return 2;
            }

            var system = parse.GetValue(pointSystem);
            var pricing = pricingPolicy is null
                ? new DrgSettlementPricing(table, system ?? DrgSettlementPricing.DefaultPointSystem, new RoundingRule(RoundingMode.HalfAwayFromZero, DrgSettlementPricing.DefaultPointDecimals))
                : new DrgSettlementPricing(table, system is null ? pricingPolicy : WithPointSystem(pricingPolicy, system));
            var counts = PriceFile(grouper, pricing, hospitalList, file, outputFile, Math.Max(1, parse.GetValue(threads)), new CsvReadOptions(choice), map, crosswalks);
            Console.Error.WriteLine(string.Format(CultureInfo.InvariantCulture, "pricing: {0} of {1} rows priced, {2} unpriced, {3} rejected", counts.Priced, counts.Total, counts.Total - counts.Priced - counts.Rejected, counts.Rejected));
            if (counts.Candidates > 0)
            {
                Console.Error.WriteLine(string.Format(CultureInfo.InvariantCulture, "pricing: {0} special-review candidates (review_candidate = 1); the agency decides", counts.Candidates));
            }

            return counts.Priced == counts.Total ? 0 : 1;
        });
        return command;
    }

    /// <summary>Parses an optional ISO date option; false (after saying why) when it is not one.</summary>
    private static bool TryParseDate(string? text, string option, out CalendarDate? date)
    {
        date = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (Cases.IsoDate.TryParse(text!.Trim(), out var d))
        {
            date = d;
            return true;
        }

        Console.Error.WriteLine("medpay: " + option + " must be an ISO date yyyy-MM-dd");
        return false;
    }

    private static DrgPricingPolicy WithPointSystem(DrgPricingPolicy p, string system) =>
        new(p.Name, p.Version, p.Region, p.Standards, p.Outliers, system, p.MoneyRounding, p.PointsRounding);

    /// <summary>Streams the case file into the output file (with the progress display on an interactive terminal).</summary>
    private static (int Total, int Priced, int Rejected, int Candidates) PriceFile(DrgGrouper grouper, DrgSettlementPricing pricing, DrgCommands.HospitalCoefficients hospitals, FileInfo input, FileInfo output, int threads, CsvReadOptions options, CaseHeaderMap? headerMap, IReadOnlyList<CodeEditionCrosswalk> crosswalks)
    {
        using var writer = CliOutput.Open(output.FullName);
        return BatchProgress.ReadStream(input, stream => Price(grouper, pricing, hospitals, stream, options, writer, threads, headerMap, crosswalks));
    }

    /// <summary>
    /// Streams cases through the shared block pipeline (<see cref="CaseFiles.ReadBlocks(Stream, CsvReadOptions, int, Action{IReadOnlyList{ReadRecord{InpatientCase}}}, CaseHeaderMap)"/>:
    /// the next block read on another thread): prepare, group (parallel within a block), price, write — memory bounded by
    /// a few blocks whatever the input size; rows written in input order. The reader's counts go to stderr.
    /// </summary>
    internal static (int Total, int Priced, int Rejected, int Candidates) Price(DrgGrouper grouper, DrgSettlementPricing pricing, DrgCommands.HospitalCoefficients hospitals, Stream input, CsvReadOptions options, TextWriter output, int threads, CaseHeaderMap? headerMap = null, IReadOnlyList<CodeEditionCrosswalk>? crosswalks = null)
    {
        var withPolicy = pricing.Policy is not null;
        int total = 0, priced = 0, rejected = 0, candidates = 0;
        using var csv = CliOutput.Csv(output, leaveOpen: true);
        foreach (var header in SettlementLineCsv.Header.Concat(PriceColumns).Concat(withPolicy ? PolicyColumns : Array.Empty<string>()))
        {
            csv.WriteField(header);
        }

        csv.NextRecord();
        var prepared = new List<DrgCase>(CaseFiles.BlockSize);
        var outcomes = new DrgOutcome[CaseFiles.BlockSize];
        var mappingIssues = new IReadOnlyList<ValidationIssue>?[CaseFiles.BlockSize];
        var report = CaseFiles.ReadBlocks(input, options, threads, block =>
        {
            // Codes of other code editions are mapped first when crosswalks are given (DRG_CODE_MAPPED, in the trace).
            prepared.Clear();
            for (var i = 0; i < block.Count; i++)
            {
                mappingIssues[i] = null;
                if (!block[i].IsRejected)
                {
                    var source = block[i].Value!;
                    if (crosswalks is { Count: > 0 })
                    {
                        var mapped = grouper.MapCodes(source, crosswalks);
                        source = mapped.Case;
                        mappingIssues[i] = mapped.Issues.Count == 0 ? null : mapped.Issues;
                    }

                    prepared.Add(grouper.Prepare(source));
                }
            }

            grouper.GroupBatch(prepared, outcomes, threads);
            var next = 0;
            for (var i = 0; i < block.Count; i++)
            {
                var record = block[i];
                total++;
                if (record.IsRejected)
                {
                    rejected++;
                    ResultCsv.WriteLineCells(csv, null, record.Id, record.Value?.HospitalId);
                    WriteColumns(csv, withPolicy, string.Empty, null, null, "rejected", record.Issues, null);
                    continue;
                }

                var inpatientCase = record.Value!;
                var prep = prepared[next];
                var grouping = grouper.Describe(prep, outcomes[next]);
                next++;
                var result = hospitals.Price(pricing, inpatientCase, grouping, out var coefficientIssue);
                var issues = DrgCommands.Merge(DrgCommands.Merge(mappingIssues[i] is { } mappedIssues ? DrgCommands.Merge(record.Issues, mappedIssues) : record.Issues, grouping.Issues), result.Issues.Concat(coefficientIssue is null ? Enumerable.Empty<ValidationIssue>() : new[] { coefficientIssue }));
                if (coefficientIssue is null && result.Line is { } line)
                {
                    priced++;
                    candidates += result.Outlier?.SpecialReviewCandidate == true ? 1 : 0;
                    ResultCsv.WriteLineCells(csv, line, record.Id, inpatientCase.HospitalId);
                    WriteColumns(csv, withPolicy, grouping.Drg, result.Weight, result.HospitalCoefficient, "priced", issues, result);
                    continue;
                }

                ResultCsv.WriteLineCells(csv, null, record.Id, inpatientCase.HospitalId);
                WriteColumns(csv, withPolicy, grouping.Drg, result.Weight, coefficientIssue is null ? result.HospitalCoefficient : null, "unpriced", issues, result);
            }
        }, headerMap);
        csv.Flush();
        Console.Error.WriteLine("reading: " + report);
        return (total, priced, rejected, candidates);
    }

    private static void WriteColumns(CsvWriter csv, bool withPolicy, string drg, RelativeWeight? weight, Coefficient? coefficient, string status, IEnumerable<ValidationIssue> issues, DrgPricingResult? result)
    {
        csv.WriteField(drg);
        csv.WriteField(weight?.ToString() ?? string.Empty);
        csv.WriteField(coefficient?.ToString() ?? string.Empty);
        csv.WriteField(status);
        csv.WriteField(ResultCsv.Issues(issues));
        if (withPolicy)
        {
            var standard = result?.Standard;
            var outlier = result?.Line is null ? null : result.Outlier;
            csv.WriteField(standard is null ? string.Empty : standard.Level.ToString(CultureInfo.InvariantCulture));
            csv.WriteField(standard is null ? string.Empty : N(standard.Standard));
            csv.WriteField(result?.Line is not null && result.Payment is { } payment ? N(payment) : string.Empty);
            csv.WriteField(outlier is null ? (result?.Line is null ? string.Empty : "normal") : Kind(outlier.Kind));
            csv.WriteField(outlier is null ? (result?.Line is null ? string.Empty : "standard") : Rule(outlier.Rule));
            csv.WriteField(outlier is null ? string.Empty : outlier.CostRatio.ToString("0.0000", CultureInfo.InvariantCulture));
            csv.WriteField(outlier?.LowThreshold is { } low ? Math.Round(low, 2, MidpointRounding.AwayFromZero).ToString("0.00", CultureInfo.InvariantCulture) : string.Empty);
            csv.WriteField(outlier?.HighThreshold is { } high ? Math.Round(high, 2, MidpointRounding.AwayFromZero).ToString("0.00", CultureInfo.InvariantCulture) : string.Empty);
            csv.WriteField(outlier is null ? string.Empty : outlier.SpecialReviewCandidate ? "1" : "0");
            csv.WriteField(outlier?.Formula ?? (standard is null || result?.Line is null ? string.Empty : standard.Formula));
        }

        csv.NextRecord();
    }

    private static string N(decimal value) => value.ToString("0.##########", CultureInfo.InvariantCulture);

    private static string Kind(DrgCaseKind kind) => kind switch
    {
        DrgCaseKind.Low => "low",
        DrgCaseKind.High => "high",
        DrgCaseKind.IncompleteStay => "incomplete",
        _ => "normal",
    };

    private static string Rule(DrgOutlierPaymentRule rule) => rule switch
    {
        DrgOutlierPaymentRule.ByItem => "by_item",
        DrgOutlierPaymentRule.CostRatio => "cost_ratio",
        DrgOutlierPaymentRule.CostRatioCapped => "cost_ratio_capped",
        DrgOutlierPaymentRule.ExcessShare => "excess_share",
        _ => "standard",
    };
}
