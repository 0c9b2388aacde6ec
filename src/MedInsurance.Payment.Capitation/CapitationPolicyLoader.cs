using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;
using MedInsurance.Payment.Cases;
using MedInsurance.Payment.Settlement;
using MedInsurance.Payment.Validation;

namespace MedInsurance.Payment.Capitation;

/// <summary>
/// 按人头付费政策加载 — reads a <see cref="CapitationPolicy"/> from JSON (System.Text.Json source generation) and
/// validates it. The format is in <c>docs/capitation.md</c>.
/// </summary>
/// <remarks>A bad policy is a configuration error: <see cref="InvalidDataException"/> names the source, the line, the
/// field and the code of every error. Thread-safe.</remarks>
public static class CapitationPolicyLoader
{
    /// <summary>Loads a policy file.</summary>
    /// <param name="path">The JSON file.</param>
    /// <returns>The validated policy.</returns>
    /// <exception cref="InvalidDataException">When the JSON is malformed or the policy invalid.</exception>
    public static CapitationPolicy LoadFile(string path) => Parse(File.ReadAllText(path), path);

    /// <summary>Parses and validates a policy.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="source">Where it came from, for messages.</param>
    /// <returns>The validated policy.</returns>
    /// <exception cref="InvalidDataException">When the JSON is malformed or the policy invalid.</exception>
    public static CapitationPolicy Parse(string json, string source)
    {
        var dto = Interchange.PolicyJsonText.Read(json, CapitationJsonContext.Default.CapitationPolicyJson, source, CapitationIssueCodes.PolicyJsonInvalid);
        var issues = new List<ValidationIssue>();
        var c = new PolicyJson.Converter(issues);
        var classes = (dto.Classes ?? []).Select((k, i) =>
        {
            var f = "classes[" + i.ToString(CultureInfo.InvariantCulture) + "]";
            if (k.Standard is null)
            {
                c.Required(f + ".standard");
            }

            return new PopulationClass(k.Code ?? string.Empty, k.Name ?? string.Empty, c.Fund(k.Fund, f + ".fund"), c.Yuan(k.Standard ?? 0m, f + ".standard"));
        }).ToArray();
        if (dto.Classes is null)
        {
            c.Required("classes");
        }

        var referral = dto.Referral is { } r
            ? new ReferralChargeRule(c.Enum(r.Mode, ReferralChargeMode.None, "referral.mode"), c.Yuan(r.Fee ?? 0m, "referral.fee"), c.Yuan(r.Cap ?? 0m, "referral.cap"))
            : ReferralChargeRule.NoCharge;
        if (referral.Mode == ReferralChargeMode.Fee && dto.Referral?.Fee is null)
        {
            c.Required("referral.fee");
        }

        if (referral.Mode == ReferralChargeMode.Cost && dto.Referral?.Cap is null)
        {
            c.Required("referral.cap");
        }

        var rounding = c.Rounding(dto.Rounding);
        var policy = new CapitationPolicy(
            dto.Id ?? string.Empty,
            dto.Version ?? string.Empty,
            dto.Name ?? string.Empty,
            dto.Year,
            c.Enum(dto.Basis, CapitationBasis.Served, "basis"),
            classes,
            dto.Advance?.Schedule?.Select(s => new Ratio(s)).ToArray(),
            c.Advance(dto.Advance, rounding, "advance"),
            referral,
            c.RiskSharing(dto.RiskSharing, "riskSharing"),
            PolicyJson.Converter.ScoreBands(dto.Assessment?.Coefficients),
            PolicyJson.Converter.ScoreBands(dto.Assessment?.DepositRelease),
            dto.Assessment?.DefaultScore ?? 100m,
            rounding,
            dto.Lines?.PointSystem,
            dto.Lines?.ConversionValue);
        issues.AddRange(policy.Validate());
        Interchange.PolicyJsonText.RefuseIfInvalid(json, source, "capitation policy", issues.Where(i => i.IsError).ToList());
        return policy;
    }
}

/// <summary>JSON shapes shared by the capitation and consortium policies, and their conversion with field-named issues.</summary>
internal static class PolicyJson
{
    internal sealed class Converter
    {
        private readonly List<ValidationIssue> _issues;

        public Converter(List<ValidationIssue> issues) => _issues = issues;

        public void Required(string field) =>
            _issues.Add(ValidationIssue.Error(CapitationIssueCodes.PolicyFieldRequired, field, "缺少必填字段 " + field, "The field is required."));

        public void Invalid(string field, string en) =>
            _issues.Add(ValidationIssue.Error(CapitationIssueCodes.PolicyValueInvalid, field, en, en));

        public Money Yuan(decimal yuan, string field)
        {
            if (decimal.Round(yuan, 2, MidpointRounding.AwayFromZero) != yuan)
            {
                Invalid(field, "The amount must be exact to the fen.");
                return Money.Zero;
            }

            return Money.FromYuan(yuan);
        }

        public InsuranceFund Fund(string? text, string field)
        {
            switch ((text ?? string.Empty).Trim().ToUpperInvariant())
            {
                case "EMPLOYEE": case "职工": return InsuranceFund.Employee;
                case "RESIDENT": case "居民": return InsuranceFund.Resident;
                case "OTHER": case "其他": return InsuranceFund.Other;
                case "":
                    Required(field);
                    return InsuranceFund.Other;
                default:
                    Invalid(field, "The fund must be employee, resident or other.");
                    return InsuranceFund.Other;
            }
        }

        public TEnum Enum<TEnum>(string? text, TEnum fallback, string field)
            where TEnum : struct, Enum
        {
            if (text is null)
            {
                return fallback;
            }

            if (System.Enum.TryParse<TEnum>(text.Trim(), ignoreCase: true, out var value) && !int.TryParse(text, out _))
            {
                return value;
            }

            Invalid(field, "'" + text + "' is not one of " + string.Join(", ", Names<TEnum>()) + ".");
            return fallback;
        }

        private static string[] Names<TEnum>()
            where TEnum : struct, Enum
        {
#if NET
            return System.Enum.GetNames<TEnum>();
#else
            return System.Enum.GetNames(typeof(TEnum));
#endif
        }

        public Dictionary<RoundingStep, RoundingRule> Rounding(Dictionary<string, RoundingJson>? given)
        {
            var rounding = new Dictionary<RoundingStep, RoundingRule>();
            foreach (var pair in given ?? new Dictionary<string, RoundingJson>())
            {
                var field = "rounding." + pair.Key;
                if (!System.Enum.TryParse<RoundingStep>(pair.Key, true, out var step))
                {
                    Invalid(field, "'" + pair.Key + "' is not a rounding step (" + string.Join(", ", Names<RoundingStep>()) + ").");
                    continue;
                }

                var mode = Enum(pair.Value.Mode ?? "HalfAwayFromZero", RoundingMode.HalfAwayFromZero, field + ".mode");
                if (pair.Value.Decimals is < 0 or > 4)
                {
                    Invalid(field + ".decimals", "Decimals must be between 0 and 4.");
                    continue;
                }

                rounding[step] = new RoundingRule(mode, pair.Value.Decimals);
            }

            return rounding;
        }

        public AdvanceTerms Advance(AdvanceJson? a, Dictionary<RoundingStep, RoundingRule> rounding, string field) => new(
            new Ratio(a?.AdvanceRatio ?? 1m),
            new Ratio(a?.DepositRate ?? 0m),
            Enum(a?.DepositForm, DepositForm.WithheldFromAdvance, field + ".depositForm"),
            rounding.TryGetValue(RoundingStep.MonthlyPreSettlement, out var m) ? m : RoundingRule.Default,
            rounding.TryGetValue(RoundingStep.QualityDeposit, out var q) ? q : RoundingRule.Default);

        public RiskSharingRule RiskSharing(RiskSharingJson? r, string field) => new()
        {
            Surplus = (r?.Surplus ?? []).Select(b => new RiskSharingBand(b.UpTo is { } u ? new Ratio(u) : null, new Ratio(b.Share))).ToArray(),
            Overspend = (r?.Overspend ?? []).Select(b => new RiskSharingBand(b.UpTo is { } u ? new Ratio(u) : null, new Ratio(b.Share))).ToArray(),
            OverspendPool = r?.OverspendPool is { } pool ? Yuan(pool, field + ".overspendPool") : null,
        };

        public static IReadOnlyList<ScoreBand> ScoreBands(List<ScoreBandJson>? bands) =>
            bands is null ? [new ScoreBand(0m, 1m)] : bands.Select(b => new ScoreBand(b.MinScore, b.Value)).ToArray();
    }
}

#pragma warning disable CA1812 // instantiated by the JSON source generator
internal sealed class CapitationPolicyJson
{
    public string? Id { get; set; }

    public string? Version { get; set; }

    public string? Name { get; set; }

    public int Year { get; set; }

    public string? Basis { get; set; }

    public List<ClassJson>? Classes { get; set; }

    public AdvanceJson? Advance { get; set; }

    public ReferralJson? Referral { get; set; }

    public RiskSharingJson? RiskSharing { get; set; }

    public AssessmentJson? Assessment { get; set; }

    public LinesJson? Lines { get; set; }

    public Dictionary<string, RoundingJson>? Rounding { get; set; }
}

internal sealed class ClassJson
{
    public string? Code { get; set; }

    public string? Name { get; set; }

    public string? Fund { get; set; }

    public decimal? Standard { get; set; }
}

internal sealed class AdvanceJson
{
    public List<decimal>? Schedule { get; set; }

    public decimal? AdvanceRatio { get; set; }

    public decimal? DepositRate { get; set; }

    public string? DepositForm { get; set; }
}

internal sealed class ReferralJson
{
    public string? Mode { get; set; }

    public decimal? Fee { get; set; }

    public decimal? Cap { get; set; }
}

internal sealed class RiskSharingJson
{
    public List<BandJson>? Surplus { get; set; }

    public List<BandJson>? Overspend { get; set; }

    public decimal? OverspendPool { get; set; }
}

internal sealed class BandJson
{
    public decimal? UpTo { get; set; }

    public decimal Share { get; set; }
}

internal sealed class AssessmentJson
{
    public decimal? DefaultScore { get; set; }

    public List<ScoreBandJson>? Coefficients { get; set; }

    public List<ScoreBandJson>? DepositRelease { get; set; }
}

internal sealed class ScoreBandJson
{
    public decimal MinScore { get; set; }

    public decimal Value { get; set; }
}

internal sealed class LinesJson
{
    public string? PointSystem { get; set; }

    public decimal? ConversionValue { get; set; }
}

internal sealed class RoundingJson
{
    public string? Mode { get; set; }

    public int Decimals { get; set; } = 2;
}
#pragma warning restore CA1812

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(CapitationPolicyJson))]
[JsonSerializable(typeof(Consortium.ConsortiumPolicyJson))]
internal sealed partial class CapitationJsonContext : JsonSerializerContext
{
}
