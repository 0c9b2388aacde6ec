using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json;
using System.Text.Json.Serialization;
using MedInsurance.Payment.Cases;
using MedInsurance.Payment.Hospitals;
using MedInsurance.Payment.PerDiem;
using MedInsurance.Payment.Validation;

namespace MedInsurance.Payment.Methods;

/// <summary>
/// 支付方式组合加载 — reads a <see cref="MethodMixPolicy"/> from its JSON format (System.Text.Json source generation;
/// comments and trailing commas allowed; documented in <c>docs/methods.md</c>) and validates it. The per-diem section
/// names a per-diem policy file (relative to the mix file) or an embedded per-diem policy.
/// </summary>
/// <remarks>A bad policy is a configuration error: <see cref="InvalidDataException"/> lists every problem as
/// <c>source: line N, field path: message (CODE)</c>. Thread-safe.</remarks>
public static class MethodMixPolicyLoader
{
    private const string ResourcePrefix = "MedInsurance.Payment.Methods.Profiles.";

    /// <summary>内置示例 — the embedded example mixes (e.g. <c>example-mix-2025</c>).</summary>
    public static EmbeddedProfiles Embedded { get; } = new(typeof(MethodMixPolicyLoader).Assembly, ResourcePrefix);

    /// <summary>The names of the embedded examples (<see cref="EmbeddedProfiles.Names"/>).</summary>
    public static IReadOnlyList<string> EmbeddedNames => Embedded.Names;

    /// <summary>Loads a mix file, or an embedded mix when the text is one of <see cref="EmbeddedNames"/> and no such file exists.</summary>
    /// <param name="pathOrName">The path, or an embedded name.</param>
    /// <returns>The validated mix.</returns>
    /// <exception cref="InvalidDataException">When the mix (or its per-diem policy) is malformed or invalid.</exception>
    /// <exception cref="FileNotFoundException">When neither a file nor an embedded name.</exception>
    public static MethodMixPolicy Load(string pathOrName)
    {
        var json = Embedded.ReadFileOrEmbedded(pathOrName, "Method mix", out var source);
        return Parse(json, source, ReferenceEquals(source, pathOrName) ? Path.GetDirectoryName(Path.GetFullPath(pathOrName)) : null);
    }

    /// <summary>Parses and validates a mix.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="source">Where it came from, for messages.</param>
    /// <param name="folder">The folder a relative per-diem policy path is resolved against, or null for the current folder.</param>
    /// <returns>The validated mix.</returns>
    /// <exception cref="InvalidDataException">When the JSON is malformed or the mix invalid.</exception>
    public static MethodMixPolicy Parse(string json, string source, string? folder = null)
    {
        if (json is null)
        {
            throw new ArgumentNullException(nameof(json));
        }

        var dto = Interchange.PolicyJsonText.Read(json, MethodsJsonContext.Default.MixJson, source, MethodIssueCodes.PolicyJsonInvalid);
        var issues = new List<ValidationIssue>();
        var policy = Convert(dto, folder, issues);
        issues.AddRange(policy.Validate());
        Interchange.PolicyJsonText.RefuseIfInvalid(json, source, "method mix", issues);

        return policy;
    }

    private static MethodMixPolicy Convert(MixJson dto, string? folder, List<ValidationIssue> issues)
    {
        void Bad(string field, string en) => issues.Add(ValidationIssue.Error(MethodIssueCodes.PolicyValueInvalid, field, en, en));

        if (dto.Version is null)
        {
            issues.Add(ValidationIssue.Error(MethodIssueCodes.PolicyJsonInvalid, "version", "缺少版本", "The version is required."));
        }

        if (dto.Order is null)
        {
            issues.Add(ValidationIssue.Error(MethodIssueCodes.PolicyJsonInvalid, "order", "缺少支付方式顺序", "order is required."));
        }

        PerDiemPolicy? perDiem = null;
        if (!string.IsNullOrWhiteSpace(dto.PerDiem))
        {
            var reference = dto.PerDiem!.Trim();
            var path = folder is null || Path.IsPathRooted(reference) ? reference : Path.Combine(folder, reference);
            try
            {
                perDiem = PerDiemPolicyLoader.Load(File.Exists(path) ? path : reference);
            }
            catch (Exception e) when (e is InvalidDataException or FileNotFoundException or ArgumentException or IOException)
            {
                issues.Add(ValidationIssue.Error(MethodIssueCodes.PolicyValueInvalid, "perDiem", "按床日政策不可用", "The per-diem policy is unusable: " + e.Message));
            }
        }

        SingleDiseaseList? single = null;
        if (dto.SingleDisease is { } sd)
        {
            var entries = new List<SingleDiseaseEntry>();
            var list = sd.Diseases ?? new List<DiseaseJson>();
            for (var i = 0; i < list.Count; i++)
            {
                var at = "singleDisease.diseases[" + i.ToString(CultureInfo.InvariantCulture) + "]";
                var e = list[i];
                entries.Add(new SingleDiseaseEntry(e.Code ?? string.Empty, e.Name ?? string.Empty, e.Diagnosis ?? string.Empty, e.Procedure,
                    TierMoney(e.Price, at + ".price", issues) ?? new Dictionary<HospitalTier, Money>(), TierRatio(e.FundShare, at + ".fundShare", issues)));
            }

            single = new SingleDiseaseList(entries, sd.PointSystem, Rounding(sd.Rounding, "singleDisease.rounding", issues));
        }

        DaySurgeryPolicy? day = null;
        if (dto.DaySurgery is { } ds)
        {
            var payment = DaySurgeryPayment.Group;
            switch ((ds.Payment ?? "group").Trim().ToUpperInvariant())
            {
                case "GROUP" or "按病组" or "病组":
                    break;
                case "PRICE" or "按价格" or "价格":
                    payment = DaySurgeryPayment.Price;
                    break;
                default:
                    Bad("daySurgery.payment", "payment must be group or price.");
                    break;
            }

            var items = new List<DaySurgeryItem>();
            var list = ds.Procedures ?? new List<DaySurgeryItemJson>();
            for (var i = 0; i < list.Count; i++)
            {
                var at = "daySurgery.procedures[" + i.ToString(CultureInfo.InvariantCulture) + "]";
                items.Add(new DaySurgeryItem(list[i].Code ?? string.Empty, list[i].Name ?? string.Empty, TierMoney(list[i].Price, at + ".price", issues)));
            }

            day = new DaySurgeryPolicy(payment, items, ds.Groups, ds.MaxStayDays ?? 1, TierRatio(ds.FundShare, "daySurgery.fundShare", issues), ds.PointSystem,
                Rounding(ds.Rounding, "daySurgery.rounding", issues));
        }

        FeeForServicePolicy? ffs = null;
        if (dto.FeeForService is { } fs)
        {
            ffs = new FeeForServicePolicy(new Ratio(fs.FundShare ?? 1m), fs.PointSystem, fs.Diagnoses, Rounding(fs.Rounding, "feeForService.rounding", issues));
        }

        return new MethodMixPolicy(dto.Id ?? string.Empty, dto.Version ?? string.Empty, dto.Name ?? string.Empty, dto.Order ?? new List<string>(), perDiem, single, day, ffs,
            ReadDate(dto.EffectiveFrom, "effectiveFrom", issues), ReadDate(dto.EffectiveTo, "effectiveTo", issues));
    }

    private static CalendarDate? ReadDate(string? text, string field, List<ValidationIssue> issues)
    {
        if (text is null)
        {
            return null;
        }

        if (IsoDate.TryParse(text, out var date))
        {
            return date;
        }

        issues.Add(ValidationIssue.Error(MethodIssueCodes.PolicyValueInvalid, field, "日期须为yyyy-MM-dd", "The date must be yyyy-MM-dd."));
        return null;
    }

    private static RoundingRule Rounding(RoundingJson? json, string field, List<ValidationIssue> issues)
    {
        if (json is null)
        {
            return RoundingRule.Default;
        }

        if (!Enum.TryParse<RoundingMode>(json.Mode ?? "HalfAwayFromZero", true, out var mode) || json.Decimals is < 0 or > 2)
        {
            issues.Add(ValidationIssue.Error(MethodIssueCodes.PolicyValueInvalid, field, "舍入规则无效", "A money rounding rule needs a RoundingMode name and 0–2 decimals."));
            return RoundingRule.Default;
        }

        return new RoundingRule(mode, json.Decimals ?? 2);
    }

    private static Dictionary<HospitalTier, Money>? TierMoney(Dictionary<string, decimal>? map, string field, List<ValidationIssue> issues)
    {
        if (map is null)
        {
            return null;
        }

        var result = new Dictionary<HospitalTier, Money>();
        foreach (var pair in map)
        {
            if (!TryTiers(pair.Key, out var tiers))
            {
                issues.Add(ValidationIssue.Error(MethodIssueCodes.PolicyValueInvalid, field + "." + pair.Key, "医院级别无效", "A level key is 3, 2, 1, 0 (or 三级, 3A …) or * for every level."));
                continue;
            }

            if (decimal.Round(pair.Value, 2, MidpointRounding.AwayFromZero) != pair.Value || pair.Value <= 0m || pair.Value > 10_000_000m)
            {
                issues.Add(ValidationIssue.Error(MethodIssueCodes.PolicyValueInvalid, field + "." + pair.Key, "价格须为正、精确到分且不超过10000000元", "A price is positive, exact to the fen and at most 10 000 000 yuan."));
                continue;
            }

            foreach (var tier in tiers)
            {
                result[tier] = Money.FromYuan(pair.Value);
            }
        }

        return result;
    }

    private static Dictionary<HospitalTier, Ratio>? TierRatio(Dictionary<string, decimal>? map, string field, List<ValidationIssue> issues)
    {
        if (map is null)
        {
            return null;
        }

        var result = new Dictionary<HospitalTier, Ratio>();
        foreach (var pair in map)
        {
            if (!TryTiers(pair.Key, out var tiers))
            {
                issues.Add(ValidationIssue.Error(MethodIssueCodes.PolicyValueInvalid, field + "." + pair.Key, "医院级别无效", "A level key is 3, 2, 1, 0 (or 三级, 3A …) or * for every level."));
                continue;
            }

            foreach (var tier in tiers)
            {
                result[tier] = new Ratio(pair.Value);
            }
        }

        return result;
    }

    /// <summary>Level keys as the per-diem policy reads them: 3, 2, 1, 0, 三级, 3A … or * for every level.</summary>
    private static bool TryTiers(string key, out HospitalTier[] tiers) => PerDiemPolicyLoader.TryTiers(key, out tiers);
}

internal sealed class MixJson
{
    public string? Id { get; set; }

    public string? Version { get; set; }

    public string? Name { get; set; }

    public List<string>? Order { get; set; }

    public string? EffectiveFrom { get; set; }

    public string? EffectiveTo { get; set; }

    public string? PerDiem { get; set; }

    public SingleDiseaseJson? SingleDisease { get; set; }

    public DaySurgeryJson? DaySurgery { get; set; }

    public FeeForServiceJson? FeeForService { get; set; }
}

internal sealed class RoundingJson
{
    public string? Mode { get; set; }

    public int? Decimals { get; set; }
}

internal sealed class SingleDiseaseJson
{
    public string? PointSystem { get; set; }

    public RoundingJson? Rounding { get; set; }

    public List<DiseaseJson>? Diseases { get; set; }
}

internal sealed class DiseaseJson
{
    public string? Code { get; set; }

    public string? Name { get; set; }

    public string? Diagnosis { get; set; }

    public string? Procedure { get; set; }

    public Dictionary<string, decimal>? Price { get; set; }

    public Dictionary<string, decimal>? FundShare { get; set; }
}

internal sealed class DaySurgeryJson
{
    public string? Payment { get; set; }

    public int? MaxStayDays { get; set; }

    public string? PointSystem { get; set; }

    public RoundingJson? Rounding { get; set; }

    public Dictionary<string, decimal>? FundShare { get; set; }

    public List<DaySurgeryItemJson>? Procedures { get; set; }

    public List<string>? Groups { get; set; }
}

internal sealed class DaySurgeryItemJson
{
    public string? Code { get; set; }

    public string? Name { get; set; }

    public Dictionary<string, decimal>? Price { get; set; }
}

internal sealed class FeeForServiceJson
{
    public decimal? FundShare { get; set; }

    public string? PointSystem { get; set; }

    public List<string>? Diagnoses { get; set; }

    public RoundingJson? Rounding { get; set; }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(MixJson))]
internal sealed partial class MethodsJsonContext : JsonSerializerContext
{
}
