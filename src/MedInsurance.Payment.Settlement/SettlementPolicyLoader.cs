using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;
using MedInsurance.Payment.Cases;

namespace MedInsurance.Payment.Settlement;

/// <summary>
/// 结算政策加载 — reads a <see cref="SettlementPolicy"/> from its JSON profile (System.Text.Json source generation)
/// and lists the embedded example profiles. The format is documented in <c>docs/formats-settlement.md</c>.
/// </summary>
/// <remarks>A bad profile is a configuration error: <see cref="InvalidDataException"/> names the source, line and field.
/// Thread-safe.</remarks>
public static class SettlementPolicyLoader
{
    private const string ResourcePrefix = "MedInsurance.Payment.Settlement.Profiles.";

    /// <summary>内置示例 — the embedded example profiles (e.g. <c>example-dip-2025</c>).</summary>
    public static EmbeddedProfiles Embedded { get; } = new(typeof(SettlementPolicyLoader).Assembly, ResourcePrefix);

    /// <summary>The names of the embedded examples (<see cref="EmbeddedProfiles.Names"/>).</summary>
    public static IReadOnlyList<string> EmbeddedNames => Embedded.Names;

    /// <summary>Loads an embedded example profile.</summary>
    /// <param name="name">The name, one of <see cref="EmbeddedNames"/>.</param>
    /// <returns>The validated policy.</returns>
    /// <exception cref="ArgumentException">When no such profile is embedded.</exception>
    public static SettlementPolicy LoadEmbedded(string name)
    {
        var json = Embedded.Read(name)
            ?? throw new ArgumentException("No embedded settlement profile '" + name + "'. Known: " + string.Join(", ", EmbeddedNames), nameof(name));
        return Parse(json, "embedded:" + name);
    }

    /// <summary>Loads a profile file.</summary>
    /// <param name="path">The path of the JSON file.</param>
    /// <returns>The validated policy.</returns>
    /// <exception cref="InvalidDataException">When the JSON is malformed or the profile invalid.</exception>
    public static SettlementPolicy LoadFile(string path) => Parse(File.ReadAllText(path), path);

    /// <summary>Parses and validates a profile.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="source">Where it came from (file name), for error messages.</param>
    /// <returns>The validated policy.</returns>
    /// <exception cref="InvalidDataException">When the JSON is malformed or the profile invalid.</exception>
    public static SettlementPolicy Parse(string json, string source)
    {
        if (json is null)
        {
            throw new ArgumentNullException(nameof(json));
        }

        Interchange.JsonLineMap.RefuseNullArrayItems(json, source, PolicyIssueCodes.JsonInvalid);
        PolicyJson? dto;
        try
        {
            dto = JsonSerializer.Deserialize(json, SettlementJsonContext.Default.PolicyJson);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException(
                string.Format(CultureInfo.InvariantCulture, "{0}: line {1}, field {2}: {3} ({4})", source, (ex.LineNumber ?? 0) + 1, ex.Path ?? "$", ex.Message, PolicyIssueCodes.JsonInvalid),
                ex);
        }

        if (dto is null)
        {
            throw new InvalidDataException(source + ": the profile is empty (" + PolicyIssueCodes.JsonInvalid + ").");
        }

        var policy = Convert(dto, source);
        var errors = policy.Validate().Where(i => i.IsError).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidDataException(source + ": invalid settlement profile: " + string.Join("; ", errors.Select(e => e.Code + " at " + e.Field + ": " + e.MessageEn)));
        }

        return policy;
    }

    private static SettlementPolicy Convert(PolicyJson dto, string source)
    {
        T Required<T>(T? value, string field)
            where T : class => value ?? throw new InvalidDataException(source + ": field " + field + " is required (" + PolicyIssueCodes.JsonInvalid + ").");

        var rounding = new Dictionary<RoundingStep, RoundingRule>();
        foreach (var pair in dto.Rounding ?? new Dictionary<string, RoundingJson>())
        {
            var step = ParseEnum<RoundingStep>(pair.Key, "rounding." + pair.Key, source);
            var mode = ParseEnum<RoundingMode>(pair.Value.Mode ?? "HalfAwayFromZero", "rounding." + pair.Key + ".mode", source);
            try
            {
                rounding[step] = new RoundingRule(mode, pair.Value.Decimals);
            }
            catch (ArgumentOutOfRangeException ex)
            {
                throw new InvalidDataException(source + ": field rounding." + pair.Key + ": " + ex.Message, ex);
            }
        }

        var method = dto.Method is null ? null : ParseMethod(dto.Method, source);
        if (dto.Elastic?.BaseShare is not null)
        {
            throw new InvalidDataException(source + ": field elastic.baseShare is no longer read: it priced a share of each hospital's current-year points as base, "
                + "so growth was never valued at the floating value. The base is last year's reasonable volume (DIP 3.0 draft ch. 4 §3): give base_points or "
                + "last_year_points per hospital and, if needed, elastic.lastYearShare (" + PolicyIssueCodes.JsonInvalid + ").");
        }

        var caps = new Dictionary<string, Ratio>(StringComparer.Ordinal);
        if (dto.SpecialReview?.Caps is { } given)
        {
            foreach (var pair in given)
            {
                caps[SettlementMethods.Normalize(pair.Key)] = new Ratio(pair.Value);
            }
        }
        else if (dto.SpecialReviewCap is { } single)
        {
            caps[method ?? throw new InvalidDataException(source + ": field specialReviewCap needs method (DRG or DIP), or use specialReview.caps (" + PolicyIssueCodes.JsonInvalid + ").")] = new Ratio(single);
        }
        else
        {
            caps[SettlementMethods.Drg] = new Ratio(0.05m);
            caps[SettlementMethods.Dip] = new Ratio(0.005m);
        }

        return new SettlementPolicy
        {
            Id = Required(dto.Id, "id"),
            Version = Required(dto.Version, "version"),
            Name = dto.Name ?? string.Empty,
            Year = dto.Year,
            RuleEdition = dto.Rules ?? 2025,
            ValueMethod = ParseEnum<ValueMethod>(dto.ValueMethod ?? "floating", "valueMethod", source),
            PayableForm = ParseEnum<PayableForm>(dto.PayableForm ?? "patientShareDeducted", "payableForm", source),
            UnitDecimals = dto.UnitDecimals ?? 4,
            AdvanceRatio = new Ratio(dto.AdvanceRatio ?? 0.9m),
            QualityDepositRate = new Ratio(dto.QualityDepositRate ?? 0m),
            WorkingAdvanceMonths = dto.WorkingAdvanceMonths ?? 1m,
            DepositForm = ParseEnum<DepositForm>(dto.DepositForm ?? "withheldFromAdvance", "depositForm", source),
            SpecialReviewCaps = caps,
            ElasticLastYearShare = new Ratio(dto.Elastic?.LastYearShare ?? 1m),
            Pools = Required(dto.Pools, "pools").Select((p, i) => ConvertPool(p, "pools[" + i.ToString(CultureInfo.InvariantCulture) + "]", method ?? SettlementMethods.Dip, source)).ToArray(),
            RiskSharing = new RiskSharingRule
            {
                Surplus = (dto.RiskSharing?.Surplus ?? []).Select(b => new RiskSharingBand(b.UpTo is { } u ? new Ratio(u) : null, new Ratio(b.Share))).ToArray(),
                Overspend = (dto.RiskSharing?.Overspend ?? []).Select(b => new RiskSharingBand(b.UpTo is { } u ? new Ratio(u) : null, new Ratio(b.Share))).ToArray(),
                OverspendPool = dto.RiskSharing?.OverspendPool is { } pool ? Yuan(pool, "riskSharing.overspendPool", source) : null,
            },
            AssessmentCoefficients = dto.Assessment?.Coefficients is { } c ? c.Select(b => new ScoreBand(b.MinScore, b.Value)).ToArray() : [new ScoreBand(0m, 1m)],
            DepositRelease = dto.Assessment?.DepositRelease is { } d ? d.Select(b => new ScoreBand(b.MinScore, b.Value)).ToArray() : [new ScoreBand(0m, 1m)],
            Rounding = rounding,
            PointConversions = (dto.PointConversions ?? []).Select((c, i) => ConvertPointConversion(c, "pointConversions[" + i.ToString(CultureInfo.InvariantCulture) + "]", source)).ToArray(),
        };
    }

    private static PointConversion ConvertPointConversion(PointConversionJson? c, string field, string source)
    {
        if (c is null)
        {
            throw new InvalidDataException(source + ": field " + field + " is null (" + PolicyIssueCodes.JsonInvalid + ").");
        }

        var fund = ParseFund(c.Fund, field + ".fund", source);
        try
        {
            return new PointConversion(
                c.Method ?? throw new InvalidDataException(source + ": field " + field + ".method is required (" + PolicyIssueCodes.JsonInvalid + ")."),
                fund,
                c.PointSystem ?? throw new InvalidDataException(source + ": field " + field + ".pointSystem is required (" + PolicyIssueCodes.JsonInvalid + ")."),
                new PointValue(c.ConversionValue ?? throw new InvalidDataException(source + ": field " + field + ".conversionValue is required (" + PolicyIssueCodes.JsonInvalid + ").")),
                c.Source);
        }
        catch (ArgumentException ex)
        {
            throw new InvalidDataException(source + ": field " + field + ": " + ex.Message + " (" + PolicyIssueCodes.PointConversionInvalid + ")", ex);
        }
    }

    private static InsuranceFund? ParseFund(string? text, string field, string source) => (text ?? "all").ToUpperInvariant() switch
    {
        "ALL" or "全部" => null,
        "EMPLOYEE" or "职工" => InsuranceFund.Employee,
        "RESIDENT" or "居民" => InsuranceFund.Resident,
        _ => throw new InvalidDataException(source + ": field " + field + ": '" + text + "' is not all, employee or resident."),
    };

    private static FundPool ConvertPool(PoolJson p, string field, string defaultSystem, string source)
    {
        var fund = ParseFund(p.Fund, field + ".fund", source);
        var b = p.Budget ?? new BudgetJson();
        var budget = new BudgetRule
        {
            Method = ParseEnum<BudgetMethod>(b.Method ?? "fixed", field + ".budget.method", source),
            Amount = Yuan(b.Amount ?? 0m, field + ".budget.amount", source),
            Income = Yuan(b.Income ?? 0m, field + ".budget.income", source),
            ReserveRate = new Ratio(b.ReserveRate ?? 0m),
            Deductions = (b.Deductions ?? new Dictionary<string, decimal>())
                .Select(pair => new BudgetDeduction(ParseEnum<BudgetItem>(pair.Key, field + ".budget.deductions." + pair.Key, source), Yuan(pair.Value, field + ".budget.deductions." + pair.Key, source)))
                .ToArray(),
            FundBudget = Yuan(b.FundBudget ?? 0m, field + ".budget.fundBudget", source),
            LastYearSpend = Yuan(b.LastYearSpend ?? 0m, field + ".budget.lastYearSpend", source),
            LastYearFundSpend = Yuan(b.LastYearFundSpend ?? 0m, field + ".budget.lastYearFundSpend", source),
            GrowthRate = new Ratio(b.GrowthRate ?? 0m),
            CostGrowthTarget = new Ratio(b.CostGrowthTarget ?? 0m),
        };
        try
        {
            return Pool();
        }
        catch (ArgumentException ex)
        {
            throw new InvalidDataException(source + ": field " + field + ": " + ex.Message + " (" + PolicyIssueCodes.ValueOutOfRange + ")", ex);
        }

        FundPool Pool() => new FundPool
        {
            PointSystem = string.IsNullOrWhiteSpace(p.PointSystem) ? defaultSystem : p.PointSystem!.Trim(),
            ValueMethod = p.ValueMethod is null ? null : ParseEnum<ValueMethod>(p.ValueMethod, field + ".valueMethod", source),
            Fund = fund,
            FundPaymentRatio = new Ratio(p.FundPaymentRatio ?? 1m),
            PresetValue = new PointValue(p.PresetValue ?? 0m),
            IncrementValueCap = p.IncrementValueCap is { } cap ? new PointValue(cap) : null,
            Budget = budget,
        };
    }

    private static Money Yuan(decimal yuan, string field, string source)
    {
        try
        {
            return Money.FromYuan(yuan);
        }
        catch (ArgumentException ex)
        {
            throw new InvalidDataException(source + ": field " + field + ": " + ex.Message, ex);
        }
    }

    private static string ParseMethod(string text, string source) => SettlementMethods.Normalize(text) switch
    {
        SettlementMethods.Drg => SettlementMethods.Drg,
        SettlementMethods.Dip => SettlementMethods.Dip,
        _ => throw new InvalidDataException(source + ": field method: '" + text + "' is not DRG or DIP (" + PolicyIssueCodes.MethodInvalid + ")."),
    };

    private static T ParseEnum<T>(string text, string field, string source)
        where T : struct => Enum.TryParse<T>(text, ignoreCase: true, out var value) && Enum.IsDefined(typeof(T), value) && !int.TryParse(text, out _)
        ? value
        : throw new InvalidDataException(source + ": field " + field + ": '" + text + "' is not one of " + string.Join(", ", Enum.GetNames(typeof(T))) + ".");
}

/// <summary>JSON shape of a profile (camelCase); see docs/formats-settlement.md.</summary>
internal sealed class PolicyJson
{
    public string? Id { get; set; }

    public string? Version { get; set; }

    public string? Name { get; set; }

    public int Year { get; set; }

    public int? Rules { get; set; }

    public string? Method { get; set; }

    public string? ValueMethod { get; set; }

    public string? PayableForm { get; set; }

    public int? UnitDecimals { get; set; }

    public decimal? AdvanceRatio { get; set; }

    public decimal? QualityDepositRate { get; set; }

    public decimal? WorkingAdvanceMonths { get; set; }

    public decimal? SpecialReviewCap { get; set; }

    public SpecialReviewJson? SpecialReview { get; set; }

    public string? DepositForm { get; set; }

    public ElasticJson? Elastic { get; set; }

    public List<PoolJson>? Pools { get; set; }

    public RiskSharingJson? RiskSharing { get; set; }

    public AssessmentJson? Assessment { get; set; }

    public Dictionary<string, RoundingJson>? Rounding { get; set; }

    public List<PointConversionJson?>? PointConversions { get; set; }
}

internal sealed class PointConversionJson
{
    public string? Method { get; set; }

    public string? Fund { get; set; }

    public string? PointSystem { get; set; }

    public decimal? ConversionValue { get; set; }

    public string? Source { get; set; }
}

internal sealed class ElasticJson
{
    public decimal? BaseShare { get; set; }

    public decimal? LastYearShare { get; set; }
}

internal sealed class SpecialReviewJson
{
    public Dictionary<string, decimal>? Caps { get; set; }
}

internal sealed class PoolJson
{
    public string? PointSystem { get; set; }

    public string? ValueMethod { get; set; }

    public string? Fund { get; set; }

    public decimal? FundPaymentRatio { get; set; }

    public decimal? PresetValue { get; set; }

    public decimal? IncrementValueCap { get; set; }

    public BudgetJson? Budget { get; set; }
}

internal sealed class BudgetJson
{
    public string? Method { get; set; }

    public decimal? Amount { get; set; }

    public decimal? Income { get; set; }

    public decimal? ReserveRate { get; set; }

    public Dictionary<string, decimal>? Deductions { get; set; }

    public decimal? FundBudget { get; set; }

    public decimal? LastYearSpend { get; set; }

    public decimal? LastYearFundSpend { get; set; }

    public decimal? GrowthRate { get; set; }

    public decimal? CostGrowthTarget { get; set; }
}

internal sealed class BandJson
{
    public decimal? UpTo { get; set; }

    public decimal Share { get; set; }
}

internal sealed class RiskSharingJson
{
    public List<BandJson>? Surplus { get; set; }

    public List<BandJson>? Overspend { get; set; }

    public decimal? OverspendPool { get; set; }
}

internal sealed class ScoreBandJson
{
    public decimal MinScore { get; set; }

    public decimal Value { get; set; }
}

internal sealed class AssessmentJson
{
    public List<ScoreBandJson>? Coefficients { get; set; }

    public List<ScoreBandJson>? DepositRelease { get; set; }
}

internal sealed class RoundingJson
{
    public string? Mode { get; set; }

    public int Decimals { get; set; } = 2;
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(PolicyJson))]
internal sealed partial class SettlementJsonContext : JsonSerializerContext
{
}
