using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json;
using System.Text.Json.Serialization;
using MedInsurance.Payment.Cases;
using MedInsurance.Payment.Hospitals;
using MedInsurance.Payment.Interchange;
using MedInsurance.Payment.Validation;

namespace MedInsurance.Payment.PerDiem;

/// <summary>
/// 按床日政策加载 — reads a <see cref="PerDiemPolicy"/> from its JSON format (System.Text.Json source generation;
/// comments and trailing commas allowed; documented in <c>docs/perdiem.md</c>) and validates it.
/// </summary>
/// <remarks>A bad policy is a configuration error: <see cref="InvalidDataException"/> lists every problem as
/// <c>source: line N, field path: message (CODE)</c>. Thread-safe.</remarks>
public static class PerDiemPolicyLoader
{
    private const string ResourcePrefix = "MedInsurance.Payment.PerDiem.Profiles.";

    /// <summary>内置示例 — the embedded example policies (e.g. <c>example-perdiem-2025</c>).</summary>
    public static EmbeddedProfiles Embedded { get; } = new(typeof(PerDiemPolicyLoader).Assembly, ResourcePrefix);

    /// <summary>The names of the embedded examples (<see cref="EmbeddedProfiles.Names"/>).</summary>
    public static IReadOnlyList<string> EmbeddedNames => Embedded.Names;

    /// <summary>Loads an embedded example policy.</summary>
    /// <param name="name">One of <see cref="EmbeddedNames"/>.</param>
    /// <returns>The validated policy.</returns>
    /// <exception cref="ArgumentException">When no such policy is embedded.</exception>
    public static PerDiemPolicy LoadEmbedded(string name)
    {
        var json = Embedded.Read(name)
            ?? throw new ArgumentException("No embedded per-diem policy '" + name + "'. Known: " + string.Join(", ", EmbeddedNames), nameof(name));
        return Parse(json, "embedded:" + name);
    }

    /// <summary>Loads a policy file, or an embedded policy when the text is one of <see cref="EmbeddedNames"/> and no such file exists.</summary>
    /// <param name="pathOrName">The path, or an embedded name.</param>
    /// <returns>The validated policy.</returns>
    /// <exception cref="InvalidDataException">When the policy is malformed or invalid.</exception>
    /// <exception cref="FileNotFoundException">When neither a file nor an embedded name.</exception>
    public static PerDiemPolicy Load(string pathOrName)
    {
        var json = Embedded.ReadFileOrEmbedded(pathOrName, "Per-diem policy", out var source);
        return Parse(json, source);
    }

    /// <summary>Parses and validates a policy.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="source">Where it came from, for messages.</param>
    /// <returns>The validated policy.</returns>
    /// <exception cref="InvalidDataException">When the JSON is malformed or the policy invalid.</exception>
    public static PerDiemPolicy Parse(string json, string source)
    {
        var dto = PolicyJsonText.Read(json, PerDiemJsonContext.Default.PolicyJson, source, PerDiemIssueCodes.PolicyJsonInvalid);
        var issues = new List<ValidationIssue>();
        var policy = Convert(dto, issues);
        issues.AddRange(policy.Validate());
        PolicyJsonText.RefuseIfInvalid(json, source, "per-diem policy", issues);

        return policy;
    }

    private static PerDiemPolicy Convert(PolicyJson dto, List<ValidationIssue> issues)
    {
        void Bad(string field, string en) => issues.Add(ValidationIssue.Error(PerDiemIssueCodes.PolicyValueInvalid, field, en, en));

        if (dto.Version is null)
        {
            issues.Add(ValidationIssue.Error(PerDiemIssueCodes.PolicyJsonInvalid, "version", "缺少版本", "The version is required."));
        }

        var form = PerDiemForm.Money;
        switch ((dto.Form ?? "money").Trim().ToUpperInvariant())
        {
            case "MONEY" or "金额":
                break;
            case "POINTS" or "分值" or "床日分值":
                form = PerDiemForm.Points;
                break;
            default:
                Bad("form", "form must be money or points.");
                break;
        }

        var classes = new List<PerDiemClass>();
        var classList = dto.Classes ?? new List<ClassJson>();
        if (dto.Classes is null)
        {
            issues.Add(ValidationIssue.Error(PerDiemIssueCodes.PolicyJsonInvalid, "classes", "缺少床日病种", "classes is required."));
        }

        for (var c = 0; c < classList.Count; c++)
        {
            var cj = classList[c];
            var at = "classes[" + c.ToString(CultureInfo.InvariantCulture) + "]";
            var ranges = new List<DiagnosisRange>();
            var dx = cj.Diagnoses ?? new List<string>();
            for (var d = 0; d < dx.Count; d++)
            {
                try
                {
                    ranges.Add(DiagnosisRange.Parse(dx[d]));
                }
                catch (ArgumentException)
                {
                    Bad(at + ".diagnoses[" + d.ToString(CultureInfo.InvariantCulture) + "]", "Not a diagnosis range such as F20-F29 (from must not sort after to).");
                }
            }

            var types = new List<HospitalType>();
            var typeList = cj.HospitalTypes ?? new List<string>();
            for (var t = 0; t < typeList.Count; t++)
            {
                if (TryType(typeList[t], out var type))
                {
                    types.Add(type);
                }
                else
                {
                    Bad(at + ".hospitalTypes[" + t.ToString(CultureInfo.InvariantCulture) + "]", "A hospital type is general, specialist, tcm or primary.");
                }
            }

            var beyond = BeyondLastBandRule.NotPaid;
            switch ((cj.BeyondLastBand ?? "notPaid").Trim().ToUpperInvariant())
            {
                case "NOTPAID" or "不予支付":
                    break;
                case "LASTBAND" or "按最后分段":
                    beyond = BeyondLastBandRule.LastBand;
                    break;
                default:
                    Bad(at + ".beyondLastBand", "beyondLastBand must be notPaid or lastBand.");
                    break;
            }

            var bands = new List<PerDiemBand>();
            var bandList = cj.Bands ?? new List<BandJson>();
            for (var b = 0; b < bandList.Count; b++)
            {
                var bj = bandList[b];
                var bat = at + ".bands[" + b.ToString(CultureInfo.InvariantCulture) + "]";
                bands.Add(new PerDiemBand(
                    bj.FromDay,
                    bj.ToDay,
                    TierMoney(bj.Daily, bat + ".daily", issues),
                    bj.Points ?? 0m,
                    TierRatio(bj.FundShare, bat + ".fundShare", issues)));
            }

            classes.Add(new PerDiemClass(
                cj.Code ?? string.Empty,
                cj.Name ?? string.Empty,
                ranges,
                bands,
                TierRatio(cj.FundShare, at + ".fundShare", issues),
                types,
                cj.Wards,
                cj.MinStayDays ?? 0,
                cj.MaxPaidDaysPerStay,
                beyond,
                TierMoney(cj.DailyCap, at + ".dailyCap", issues)));
        }

        return new PerDiemPolicy(
            dto.Id ?? string.Empty,
            dto.Version ?? string.Empty,
            dto.Name ?? string.Empty,
            form,
            dto.PointSystem,
            classes,
            dto.ReadmissionDays ?? 0,
            dto.MaxPaidDaysPerYear,
            dto.ApplyHospitalCoefficient ?? false,
            Rounding(dto.Rounding?.Fund, "rounding.fund", RoundingRule.Default, issues),
            Rounding(dto.Rounding?.Points, "rounding.points", new RoundingRule(RoundingMode.HalfAwayFromZero, 4), issues),
            ReadDate(dto.EffectiveFrom, "effectiveFrom", issues),
            ReadDate(dto.EffectiveTo, "effectiveTo", issues));
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

        issues.Add(ValidationIssue.Error(PerDiemIssueCodes.PolicyValueInvalid, field, "日期须为yyyy-MM-dd", "The date must be yyyy-MM-dd."));
        return null;
    }

    private static RoundingRule Rounding(RoundingJson? json, string field, RoundingRule fallback, List<ValidationIssue> issues)
    {
        if (json is null)
        {
            return fallback;
        }

        if (!Enum.TryParse<RoundingMode>(json.Mode ?? "HalfAwayFromZero", true, out var mode) || json.Decimals is < 0 or > 10)
        {
            issues.Add(ValidationIssue.Error(PerDiemIssueCodes.PolicyValueInvalid, field, "舍入规则无效", "A rounding rule needs a RoundingMode name and 0–10 decimals."));
            return fallback;
        }

        return new RoundingRule(mode, json.Decimals ?? fallback.Decimals);
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
                issues.Add(ValidationIssue.Error(PerDiemIssueCodes.PolicyValueInvalid, field + "." + pair.Key, "医院级别无效", "A level key is 3, 2, 1, 0 (or 三级, 3A …) or * for every level."));
                continue;
            }

            if (decimal.Round(pair.Value, 2, MidpointRounding.AwayFromZero) != pair.Value || Math.Abs(pair.Value) > 1_000_000m)
            {
                issues.Add(ValidationIssue.Error(PerDiemIssueCodes.PolicyValueInvalid, field + "." + pair.Key, "金额须精确到分且不超过1000000元", "An amount must be exact to the fen and at most 1 000 000 yuan."));
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
                issues.Add(ValidationIssue.Error(PerDiemIssueCodes.PolicyValueInvalid, field + "." + pair.Key, "医院级别无效", "A level key is 3, 2, 1, 0 (or 三级, 3A …) or * for every level."));
                continue;
            }

            foreach (var tier in tiers)
            {
                result[tier] = new Ratio(pair.Value);
            }
        }

        return result;
    }

    internal static bool TryTiers(string key, out HospitalTier[] tiers)
    {
        if (key.Trim() == "*")
        {
            tiers = new[] { HospitalTier.Unrated, HospitalTier.Primary, HospitalTier.Secondary, HospitalTier.Tertiary };
            return true;
        }

        if (HospitalLevel.TryParse(key, out var level))
        {
            tiers = new[] { level.Tier };
            return true;
        }

        tiers = Array.Empty<HospitalTier>();
        return false;
    }

    private static bool TryType(string text, out HospitalType type)
    {
        switch ((text ?? string.Empty).Trim().ToUpperInvariant())
        {
            case "GENERAL" or "综合" or "综合医院":
                type = HospitalType.General;
                return true;
            case "SPECIALIST" or "专科" or "专科医院":
                type = HospitalType.Specialist;
                return true;
            case "TCM" or "中医" or "中医医院":
                type = HospitalType.TraditionalChineseMedicine;
                return true;
            case "PRIMARY" or "基层" or "基层医疗机构":
                type = HospitalType.PrimaryCare;
                return true;
            default:
                type = default;
                return false;
        }
    }
}

internal sealed class PolicyJson
{
    public string? Id { get; set; }

    public string? Version { get; set; }

    public string? Name { get; set; }

    public string? Form { get; set; }

    public string? PointSystem { get; set; }

    public bool? ApplyHospitalCoefficient { get; set; }

    public int? ReadmissionDays { get; set; }

    public string? EffectiveFrom { get; set; }

    public string? EffectiveTo { get; set; }

    public int? MaxPaidDaysPerYear { get; set; }

    public RoundingPairJson? Rounding { get; set; }

    public List<ClassJson>? Classes { get; set; }
}

internal sealed class RoundingPairJson
{
    public RoundingJson? Fund { get; set; }

    public RoundingJson? Points { get; set; }
}

internal sealed class RoundingJson
{
    public string? Mode { get; set; }

    public int? Decimals { get; set; }
}

internal sealed class ClassJson
{
    public string? Code { get; set; }

    public string? Name { get; set; }

    public List<string>? Diagnoses { get; set; }

    public List<string>? HospitalTypes { get; set; }

    public List<string>? Wards { get; set; }

    public int? MinStayDays { get; set; }

    public int? MaxPaidDaysPerStay { get; set; }

    public string? BeyondLastBand { get; set; }

    public Dictionary<string, decimal>? FundShare { get; set; }

    public Dictionary<string, decimal>? DailyCap { get; set; }

    public List<BandJson>? Bands { get; set; }
}

internal sealed class BandJson
{
    public int FromDay { get; set; }

    public int? ToDay { get; set; }

    public Dictionary<string, decimal>? Daily { get; set; }

    public decimal? Points { get; set; }

    public Dictionary<string, decimal>? FundShare { get; set; }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(PolicyJson))]
internal sealed partial class PerDiemJsonContext : JsonSerializerContext
{
}
