using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using MedInsurance.Payment.Cases;
using MedInsurance.Payment.Drg.Pricing;
using MedInsurance.Payment.Interchange;

namespace MedInsurance.Payment.Cli;

/// <summary>
/// <c>medpay drg standards</c>: the payment standard of every DRG of a regional table per hospital level and fund
/// (支付标准 = RW × 费率 × 系数), with 基础病组, the point form and outlier thresholds.
/// </summary>
internal static class DrgStandardsCommand
{
    private static readonly string[] Columns = { "drg", "name", "weight", "level", "fund", "rate", "coefficient", "standard" };
    private static readonly string[] ThresholdColumns = { "low_threshold", "high_threshold" };
    private static readonly int[] AllLevels = { 1, 2, 3 };

    public static Command Create()
    {
        var weights = new Option<FileInfo>("--weights", "-w") { Description = "The region's DRG table as published, CSV or .xlsx (table.xlsx#Sheet for a sheet other than the first): Chinese headers, per-level columns, flags; docs/formats-drg.md.", Required = true };
        var encoding = new Option<string>("--encoding") { Description = "auto (BOM, else valid UTF-8, else GB18030), utf-8 or gb18030.", DefaultValueFactory = _ => "auto" };
        var rates = new Option<string[]>("--rate") { Description = "费率 [FUND:][LEVEL=]YUAN, repeatable; FUND 职工|居民|employee|resident, LEVEL 一级|二级|三级|1|2|3; a dimension not named is all. E.g. --rate 职工:三级=9865.", AllowMultipleArgumentsPerToken = true };
        var coefficients = new Option<string[]>("--coefficient") { Description = "等级系数 LEVEL=X, repeatable (the table's own per-level column wins).", AllowMultipleArgumentsPerToken = true };
        var baseLevel = new Option<string?>("--base-group-level") { Description = "基础病组 (同病同价): the level whose standard every level gets." };
        var low = new Option<decimal?>("--low-multiple") { Description = "低倍: low threshold = standard × X (e.g. 0.35)." };
        var high = new Option<decimal?>("--high-multiple") { Description = "高倍: high threshold = standard × Y (e.g. 2)." };
        var scale = new Option<decimal?>("--points-scale") { Description = "点数法: standards in points = RW × scale × coefficient (e.g. 100) instead of yuan." };
        var decimals = new Option<int>("--decimals") { Description = "Decimals of the standards (四舍五入).", DefaultValueFactory = _ => 2 };
        var pricing = new Option<string?>("--policy") { Description = "DRG pricing policy (JSON file, or example-drg-pricing-2025 / example-drg-points-2025) instead of --rate, --coefficient, --base-group-level, --points-scale and the multiples; thresholds from its outlier multiples." };
        var output = new Option<FileInfo>("--output", "-o") { Description = "CSV: drg,name,weight,level,fund,rate,coefficient,standard[,low_threshold,high_threshold] — one row per DRG × level × fund.", Required = true };
        var command = new Command("standards", "DRG payment standards (支付标准) of a regional table per level and fund. Exit 0, 1 when DRGs have no weight or no rate, 2 input or configuration unusable.");
        foreach (var option in new Option[] { weights, encoding, pricing, rates, coefficients, baseLevel, low, high, scale, decimals, output })
        {
            command.Options.Add(option);
        }

        command.SetAction(parse =>
        {
            if (!TextEncodings.TryParseChoice(parse.GetValue(encoding), out var choice))
            {
                return Fail("--encoding must be auto, utf-8 or gb18030");
            }

            var rateList = new List<DrgRate>();
            foreach (var text in parse.GetValue(rates) ?? [])
            {
                if (!TryRate(text, out var rate))
                {
                    return Fail("--rate '" + text + "' is not [FUND:][LEVEL=]YUAN");
                }

                rateList.Add(rate);
            }

            var levelCoefficients = new Dictionary<int, Coefficient>();
            foreach (var text in parse.GetValue(coefficients) ?? [])
            {
                var parts = text.Split('=');
                if (parts.Length != 2 || ParseLevel(parts[0]) is not { } level || !decimal.TryParse(parts[1], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) || value <= 0m)
                {
                    return Fail("--coefficient '" + text + "' is not LEVEL=X with X > 0");
                }

                levelCoefficients[level] = new Coefficient(value);
            }

            int? baseGroupLevel = null;
            if (parse.GetValue(baseLevel) is { } b)
            {
                baseGroupLevel = ParseLevel(b);
                if (baseGroupLevel is null)
                {
                    return Fail("--base-group-level must be 一级, 二级, 三级, 1, 2 or 3");
                }
            }

            var points = parse.GetValue(scale);
            var places = parse.GetValue(decimals);
            if (places is < 0 or > 6)
            {
                return Fail("--decimals must be 0–6");
            }

            var file = parse.GetValue(weights)!;
            if (!CliFiles.Exists(file))
            {
                return Fail("input file not found: " + file.FullName);
            }

            DrgStandardPolicy policy;
            DrgOutlierRules? outliers = null;
            DrgRegionalTable table;
            try
            {
                if (parse.GetValue(pricing) is { } policyName)
                {
                    if (rateList.Count > 0 || levelCoefficients.Count > 0 || baseGroupLevel is not null || points is not null || parse.GetValue(low) is not null || parse.GetValue(high) is not null)
                    {
                        return Fail("give --policy or the rate options (--rate, --coefficient, --base-group-level, --points-scale, --low-multiple, --high-multiple), not both");
                    }

                    var loaded = DrgPricingPolicyLoader.Load(policyName);
                    policy = loaded.Standards;
                    outliers = loaded.Outliers is { Comparator: DrgOutlierComparator.Standard } o && (o.LowMultiple is not null || o.HighBands.Count > 0) ? o : null;
                    rateList.AddRange(policy.Rates);
                    foreach (var pair in policy.LevelCoefficients)
                    {
                        levelCoefficients[pair.Key] = pair.Value;
                    }
                }
                else
                {
                    policy = new DrgStandardPolicy(rateList, levelCoefficients, baseGroupLevel, new RoundingRule(RoundingMode.HalfAwayFromZero, places), points is null ? DrgPaymentForm.Money : DrgPaymentForm.Points, points ?? 100m, parse.GetValue(low), parse.GetValue(high));
                }

                table = DrgRegionalTableReader.ReadFile(file.FullName, new DrgTableOptions(Encoding: choice));
            }
            catch (Exception ex) when (ex is ArgumentException or InvalidDataException or IOException)
            {
                return Fail(ex.Message);
            }

            var levels = rateList.Where(r => r.Level is not null).Select(r => r.Level!.Value).Concat(levelCoefficients.Keys).Distinct().OrderBy(l => l).ToArray();
            levels = levels.Length == 0 ? AllLevels : levels;
            var funds = rateList.Where(r => r.Fund is not null).Select(r => r.Fund).Distinct().OrderBy(f => f).ToArray();
            funds = funds.Length == 0 ? new InsuranceFund?[] { null } : funds;
            var thresholds = policy.LowMultiple is not null || policy.HighMultiple is not null || outliers is not null;
            var missing = 0;
            using (var writer = CliOutput.Open(parse.GetValue(output)!.FullName))
            using (var csv = CliOutput.Csv(writer))
            {
                foreach (var column in thresholds ? Columns.Concat(ThresholdColumns) : Columns)
                {
                    csv.WriteField(column);
                }

                csv.NextRecord();
                foreach (var row in table.Rows)
                {
                    foreach (var fund in funds)
                    {
                        foreach (var level in levels)
                        {
                            if (policy.StandardFor(row, fund, level) is not { } s)
                            {
                                missing++;
                                continue;
                            }

                            csv.WriteField(row.Code);
                            csv.WriteField(row.Name);
                            csv.WriteField(N(s.Weight.Value));
                            csv.WriteField(level.ToString(CultureInfo.InvariantCulture));
                            csv.WriteField(fund is null ? "all" : SettlementLineCsv.FundText(fund.Value));
                            csv.WriteField(N(s.Rate));
                            csv.WriteField(N(s.Coefficient.Value));
                            csv.WriteField(N(s.Standard));
                            if (outliers is not null)
                            {
                                // The policy's multiples × the standard (the high multiple by the group's base points, RW × scale).
                                csv.WriteField(outliers.LowMultiple is { } lm ? N(policy.Rounding.Round(s.Standard * lm)) : string.Empty);
                                csv.WriteField(outliers.HighMultipleFor(s.Weight.Value * policy.PointScale) is { } hm ? N(policy.Rounding.Round(s.Standard * hm)) : string.Empty);
                            }
                            else if (thresholds)
                            {
                                csv.WriteField(s.LowThreshold is { } lo ? N(lo) : string.Empty);
                                csv.WriteField(s.HighThreshold is { } hi ? N(hi) : string.Empty);
                            }

                            csv.NextRecord();
                        }
                    }
                }
            }

            var report = table.Report;
            Console.Error.WriteLine(string.Format(
                CultureInfo.InvariantCulture,
                "standards: {0} DRGs with a weight ({1}), {2} without, {3} rows skipped, {4} DRG × level × fund without a standard",
                report.RowsWithWeight,
                report.Encoding,
                report.WithoutWeight.Count,
                report.Skipped.Count,
                missing));
            return missing > 0 ? 1 : 0;
        });
        return command;
    }

    /// <summary>Parses <c>[FUND:][LEVEL=]YUAN</c>.</summary>
    internal static bool TryRate(string text, out DrgRate rate)
    {
        rate = null!;
        InsuranceFund? fund = null;
        int? level = null;
        var rest = text.Trim();
        var colon = rest.IndexOf(':');
        if (colon < 0)
        {
            colon = rest.IndexOf('：');
        }

        if (colon >= 0)
        {
            fund = SettlementLineCsv.ParseFund(rest.Substring(0, colon));
            if (fund is null)
            {
                return false;
            }

            rest = rest.Substring(colon + 1);
        }

        var eq = rest.IndexOf('=');
        if (eq >= 0)
        {
            level = ParseLevel(rest.Substring(0, eq));
            if (level is null)
            {
                return false;
            }

            rest = rest.Substring(eq + 1);
        }

        if (!decimal.TryParse(rest.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var yuan) || yuan <= 0m)
        {
            return false;
        }

        rate = new DrgRate(fund, level, new PointValue(yuan));
        return true;
    }

    internal static int? ParseLevel(string text) => text.Trim() switch
    {
        "1" or "一级" or "一" => 1,
        "2" or "二级" or "二" => 2,
        "3" or "三级" or "三" => 3,
        _ => null,
    };

    private static int Fail(string message)
    {
        Console.Error.WriteLine("medpay: " + message);
        return 2;
    }

    private static string N(decimal value) => value.ToString("0.##########", CultureInfo.InvariantCulture);
}
