using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using MedInsurance.Payment.Cases;
using MedInsurance.Payment.Dip;
using MedInsurance.Payment.Drg.Grouping;
using MedInsurance.Payment.Drg.Pricing;
using MedInsurance.Payment.Interchange;
using MedInsurance.Payment.Methods;
using MedInsurance.Payment.PerDiem;
using MedInsurance.Payment.Settlement;
using MedInsurance.Payment.Validation;

namespace MedInsurance.Payment.Cli;

/// <summary>
/// <c>medpay price</c> — prices a year's cases under a region's method mix (多元复合式支付): routes every case to one
/// method and writes one settlement-line row per input row. Per diem, DRG and DIP are priced by their own assemblies.
/// </summary>
internal static class PriceCommands
{
    private static readonly string[] Columns = { "route", "reason", "status", "issues" };

    public static Command Create()
    {
        var policy = new Option<string>("--policy", "-p") { Description = "Method-mix JSON file, or an embedded mix (" + string.Join(", ", MethodMixPolicyLoader.EmbeddedNames) + ").", Required = true };
        var hospitals = new Option<FileInfo>("--hospitals") { Description = "Hospitals CSV or .xlsx: hospital_id,name,level,type[,coefficient][,coefficient_bonus].", Required = true };
        var input = new Option<FileInfo>("--input", "-i") { Description = "Case CSV (case format) with optional patient_id and ward columns.", Required = true };
        var output = new Option<FileInfo>("--output", "-o") { Description = "Settlement-line CSV: one row per input row, in order, then route,reason,status,issues.", Required = true };
        var drg = new DrgCommands.GrouperOptions(rulesRequired: false);
        var weights = new Option<FileInfo?>("--weights", "-w") { Description = "DRG weight CSV or .xlsx (drg,weight), when the mix routes to DRG." };
        var drgPointSystem = new Option<string>("--drg-point-system") { Description = "Point system of DRG lines.", DefaultValueFactory = _ => DrgSettlementPricing.DefaultPointSystem };
        var catalog = new Option<FileInfo?>("--dip-catalog") { Description = "DIP catalog (.json, .csv or .xlsx), when the mix routes to DIP." };
        var profile = new Option<string?>("--dip-profile") { Description = "DIP policy profile (built-in name or JSON file), when the mix routes to DIP." };
        var pointValue = new Option<decimal?>("--point-value") { Description = "DIP start-of-year point value in yuan, for profiles that need it." };
        var attributes = new Option<FileInfo?>("--procedure-attributes") { Description = "DIP procedure-attribute CSV or .xlsx (procedure,attribute)." };
        var typing = new Option<FileInfo?>("--auxiliary-lists") { Description = "DIP auxiliary-typing lists (JSON)." };
        var dipPointSystem = new Option<string>("--dip-point-system") { Description = "Point system of DIP lines.", DefaultValueFactory = _ => DipSettlementPricing.DefaultPointSystem };
        var threads = DrgCommands.ThreadsOption();
        var headerMap = CaseFiles.HeaderMapOption();
        var command = new Command("price", "Price a year's cases under a method mix (per diem, single disease, day surgery, DRG, DIP, fee for service): every case goes to exactly one method, in the mix's order, with the reason; one settlement-line row per input row. Exit 0 all priced, 1 some rows not priced or rejected, 2 unusable input or configuration.");
        foreach (var option in new Option[] { policy, hospitals, input, output, weights, drgPointSystem, catalog, profile, pointValue, attributes, typing, dipPointSystem, threads, headerMap }.Concat(drg.All))
        {
            command.Options.Add(option);
        }

        command.SetAction(parse =>
        {
            MethodMixPolicy mix;
            try
            {
                mix = MethodMixPolicyLoader.Load(parse.GetValue(policy)!);
            }
            catch (Exception e) when (e is InvalidDataException or FileNotFoundException or ArgumentException or IOException)
            {
                Console.Error.WriteLine("medpay: " + e.Message);
                return 2;
            }

            var hospitalsFile = parse.GetValue(hospitals)!;
            var inputFile = parse.GetValue(input)!;
            if (!DrgCommands.Exists(hospitalsFile, "hospitals file") || !DrgCommands.Exists(inputFile, "input file"))
            {
                return 2;
            }

            if (!CaseFiles.LoadHeaderMap(parse.GetValue(headerMap), inputFile, CsvReadOptions.Default, out var map))
            {
                return 2;
            }

            var pdHospitals = PerDiemCommands.ReadHospitals(hospitalsFile);
            if (pdHospitals is null)
            {
                return 2;
            }

            var usesDrg = mix.Order.Contains(SettlementMethods.Drg);
            var usesDip = mix.Order.Contains(SettlementMethods.Dip);

            // DRG: the rule text, weights and hospital coefficients of `medpay drg price`.
            DrgGrouper? grouper = null;
            DrgSettlementPricing? drgPricing = null;
            DrgCommands.HospitalCoefficients? coefficients = null;
            if (usesDrg)
            {
                if (parse.GetValue(drg.Rules) is null || parse.GetValue(drg.Edition) is null || parse.GetValue(weights) is not { } weightsFile)
                {
                    Console.Error.WriteLine("medpay: the mix routes cases to DRG: --rules, --edition and --weights are required.");
                    return 2;
                }

                grouper = drg.Load(parse);
                if (grouper is null || !DrgCommands.Exists(weightsFile, "weights file"))
                {
                    return 2;
                }

                var weightTable = DrgCommands.ReadWeights(weightsFile);
                coefficients = DrgCommands.ReadHospitalCoefficients(hospitalsFile);
                if (weightTable is null || coefficients is null)
                {
                    return 2;
                }

                drgPricing = new DrgSettlementPricing(weightTable, parse.GetValue(drgPointSystem), new RoundingRule(RoundingMode.HalfAwayFromZero, DrgSettlementPricing.DefaultPointDecimals));
            }

            // DIP: the catalog, profile and hospital contexts of `medpay dip score`.
            DipScorer? scorer = null;
            DipSettlementPricing? dipPricing = null;
            DipHospitalTable? contexts = null;
            if (usesDip)
            {
                if (parse.GetValue(catalog) is not { } catalogFile || parse.GetValue(profile) is not { } profileText)
                {
                    Console.Error.WriteLine("medpay: the mix routes cases to DIP: --dip-catalog and --dip-profile are required.");
                    return 2;
                }

                if (!DrgCommands.Exists(catalogFile, "DIP catalog"))
                {
                    return 2;
                }

                scorer = DipCommands.LoadScorer(profileText, catalogFile, parse.GetValue(pointValue), parse.GetValue(attributes), parse.GetValue(typing));
                contexts = DipCommands.ReadContexts(hospitalsFile);
                if (scorer is null || contexts is null)
                {
                    return 2;
                }

                dipPricing = new DipSettlementPricing(scorer.Profile, parse.GetValue(dipPointSystem));
            }

            IReadOnlyList<ReadRecord<InpatientCase>> records;
            DrgResult?[]? groupings = null;
            if (grouper is not null)
            {
                var grouped = DrgCommands.GroupFile(grouper, inputFile, Math.Max(1, parse.GetValue(threads)), map);
                records = grouped.Records;
                groupings = grouped.Results;
            }
            else
            {
                records = CaseFiles.Read(inputFile, map);
            }

            var extra = PerDiemCommands.ReadExtraColumns(inputFile.FullName, records.Count);
            var router = new MethodRouter(mix);
            var pricing = new MethodPricing(mix);
            var n = records.Count;
            var cases = new MethodCase?[n];
            var routes = new MethodRoute[n];
            var dipResults = new DipCaseResult[n];
            for (var i = 0; i < n; i++)
            {
                if (records[i].IsRejected)
                {
                    continue;
                }

                var c = records[i].Value!;
                var hospital = pdHospitals.TryGetValue(c.HospitalId, out var h) ? h : PerDiemHospital.Unknown;
                string? group = groupings?[i]?.Drg;
                if (scorer is not null)
                {
                    dipResults[i] = scorer.Score(c, contexts!.Resolve(c.HospitalId));
                    group ??= dipResults[i].Group?.Code;
                }

                var mc = new MethodCase(c, hospital, extra[i].Ward, extra[i].Patient, group);
                cases[i] = mc;
                routes[i] = router.Route(mc);
            }

            // Per diem: the stays routed to it are priced as one batch (readmission continuation, yearly maximum).
            var perDiemRows = Enumerable.Range(0, n).Where(i => cases[i] is not null && routes[i].Method == SettlementMethods.PerDiem).ToArray();
            var lines = new SettlementLine?[n];
            var issues = new List<ValidationIssue>[n];
            if (perDiemRows.Length > 0)
            {
                var calculator = router.PerDiemCalculator!;
                var stays = perDiemRows.Select(i => cases[i]!.Value.ToStay()).ToList();
                var batch = PerDiemBatch.Price(calculator, stays, pdHospitals);
                for (var k = 0; k < perDiemRows.Length; k++)
                {
                    var i = perDiemRows[k];
                    var result = batch.Results[k];
                    issues[i] = result.Issues().ToList();
                    if (result.IsPriced && calculator.TryGetLine(stays[k], result, out var line))
                    {
                        lines[i] = line;
                    }
                }
            }

            for (var i = 0; i < n; i++)
            {
                if (cases[i] is not { } mc || routes[i].Method == SettlementMethods.PerDiem)
                {
                    continue;
                }

                var found = new List<ValidationIssue>();
                SettlementLine? GroupLine()
                {
                    if (mix.GroupingMethod == SettlementMethods.Drg)
                    {
                        var grouping = groupings![i]!;
                        var result = coefficients!.Price(drgPricing!, mc.Case, grouping, out var coefficientIssue);
                        found.AddRange(grouping.Issues.Concat(result.Issues));
                        if (coefficientIssue is not null)
                        {
                            found.Add(coefficientIssue);
                            return null;
                        }

                        return result.Line;
                    }

                    var priced = dipPricing!.Price(mc.Case, dipResults[i]);
                    found.AddRange(dipResults[i].Issues().Concat(priced.Issues));
                    return priced.TryGetLine(out var dipLine) ? dipLine : null;
                }

                switch (routes[i].Method)
                {
                    case SettlementMethods.Drg:
                    case SettlementMethods.Dip:
                        lines[i] = GroupLine();
                        break;
                    case SettlementMethods.SingleDisease:
                        lines[i] = Take(pricing.PriceSingleDisease(mc), found);
                        break;
                    case SettlementMethods.DaySurgery:
                        lines[i] = mix.DaySurgery!.Payment == DaySurgeryPayment.Price
                            ? Take(pricing.PriceDaySurgery(mc), found)
                            : Take(MethodPricing.RelabelDaySurgery(GroupLine()), found);
                        break;
                    case SettlementMethods.FeeForService:
                        lines[i] = Take(pricing.PriceFeeForService(mc), found);
                        break;
                    default:
                        found.Add(routes[i].Reason == MethodIssueCodes.MixNotInForce
                            ? ValidationIssue.Error(MethodIssueCodes.MixNotInForce, "discharge_date", "出院日期不在支付方式组合政策的有效期内", "The discharge date is outside the method mix's effective period.")
                            : ValidationIssue.Error(MethodIssueCodes.RouteNone, "diagnoses[0]", "无适用支付方式", "No method of the mix takes the case."));
                        break;
                }

                issues[i] = found;
            }

            var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
            var pricedCount = 0;
            var rejected = 0;
            using (var writer = CliOutput.Open(parse.GetValue(output)!.FullName))
            using (var csv = CliOutput.Csv(writer))
            {
                foreach (var column in SettlementLineCsv.Header.Concat(Columns))
                {
                    csv.WriteField(column);
                }

                csv.NextRecord();
                for (var i = 0; i < n; i++)
                {
                    var record = records[i];
                    ResultCsv.WriteLineCells(csv, lines[i], record.Id, record.Value?.HospitalId);

                    string status;
                    if (record.IsRejected)
                    {
                        status = "rejected";
                        rejected++;
                    }
                    else if (lines[i] is not null)
                    {
                        status = "priced";
                        pricedCount++;
                        counts[routes[i].Method] = counts.TryGetValue(routes[i].Method, out var count) ? count + 1 : 1;
                    }
                    else
                    {
                        status = "unpriced";
                    }

                    csv.WriteField(record.IsRejected ? string.Empty : routes[i].Method);
                    csv.WriteField(record.IsRejected ? string.Empty : routes[i].Describe());
                    csv.WriteField(status);
                    csv.WriteField(ResultCsv.Issues(Distinct(record.Issues.Concat(issues[i] ?? Enumerable.Empty<ValidationIssue>()))));
                    csv.NextRecord();
                }
            }

            Console.Error.WriteLine(string.Format(
                CultureInfo.InvariantCulture,
                "price: {0} of {1} rows priced ({2}), {3} unpriced, {4} rejected",
                pricedCount,
                n,
                string.Join(", ", counts.Select(p => p.Key + " " + p.Value.ToString(CultureInfo.InvariantCulture))),
                n - pricedCount - rejected,
                rejected));
            return pricedCount == n ? 0 : 1;
        });
        return command;
    }

    private static SettlementLine? Take(MethodLineResult result, List<ValidationIssue> issues)
    {
        issues.AddRange(result.Issues);
        return result.Line;
    }

    private static IEnumerable<ValidationIssue> Distinct(IEnumerable<ValidationIssue> issues)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var issue in issues)
        {
            if (seen.Add(issue.ToCompactString()))
            {
                yield return issue;
            }
        }
    }
}
