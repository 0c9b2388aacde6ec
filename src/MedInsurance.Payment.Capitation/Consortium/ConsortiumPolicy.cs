using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

using MedInsurance.Payment.Settlement;
using MedInsurance.Payment.Validation;

using MedInsurance.Payment.Capitation;

namespace MedInsurance.Payment.Consortium;

/// <summary>医共体内部分配方式 — how the package result is split among members.</summary>
public enum ConsortiumSplitMethod
{
    /// <summary>按成员结算行金额 — in proportion to what each member's settlement lines paid during the year.</summary>
    Lines = 0,

    /// <summary>按成员点数 — in proportion to each member's points (all point systems).</summary>
    Points = 1,

    /// <summary>按固定比例 — by the shares in the members file.</summary>
    Shares = 2,

    /// <summary>按给定金额 — the amounts in the members file, which must sum to the result.</summary>
    Supplied = 3,
}

/// <summary>有出处的调整项 — a named, cited amount (volume or quality adjustment of the package target).</summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed class CitedAdjustment
{
    /// <summary>Creates an adjustment.</summary>
    /// <param name="code">代码 — e.g. <c>volume</c>, <c>quality</c>.</param>
    /// <param name="name">名称.</param>
    /// <param name="amount">金额 — positive or negative.</param>
    /// <param name="source">出处 — the negotiation record or document it comes from.</param>
    public CitedAdjustment(string code, string name, Money amount, string source)
    {
        Code = code ?? string.Empty;
        Name = name ?? string.Empty;
        Amount = amount;
        Source = source ?? string.Empty;
    }

    /// <summary>代码.</summary>
    public string Code { get; }

    /// <summary>名称.</summary>
    public string Name { get; }

    /// <summary>金额.</summary>
    public Money Amount { get; }

    /// <summary>出处.</summary>
    public string Source { get; }
}

/// <summary>
/// 医共体打包预算 — one consortium's package: last year's actual fund spend of its insured population (inpatient,
/// outpatient, care outside the consortium), the negotiated growth, cited volume and quality adjustments, and the
/// internal split (payment-rules.md §4 Medical consortium; §0 "one packaged budget … from last year's actual spend
/// adjusted for volume, quality and growth").
/// </summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed class ConsortiumPackage
{
    /// <summary>Creates a package.</summary>
    /// <param name="id">医共体编码.</param>
    /// <param name="name">名称.</param>
    /// <param name="baseInpatient">上年住院基金支出.</param>
    /// <param name="baseOutpatient">上年门诊基金支出.</param>
    /// <param name="baseOutside">上年医共体外就医基金支出.</param>
    /// <param name="baseSource">基数出处.</param>
    /// <param name="growthRate">谈判增长率.</param>
    /// <param name="growthSource">增长率出处.</param>
    /// <param name="adjustments">服务量、质量等调整.</param>
    /// <param name="split">内部分配方式.</param>
    public ConsortiumPackage(string id, string name, Money baseInpatient, Money baseOutpatient, Money baseOutside, string baseSource, Ratio growthRate, string growthSource, IReadOnlyList<CitedAdjustment> adjustments, ConsortiumSplitMethod split)
    {
        Id = id ?? string.Empty;
        Name = name ?? string.Empty;
        BaseInpatient = baseInpatient;
        BaseOutpatient = baseOutpatient;
        BaseOutside = baseOutside;
        BaseSource = baseSource ?? string.Empty;
        GrowthRate = growthRate;
        GrowthSource = growthSource ?? string.Empty;
        Adjustments = (adjustments ?? []).ToArray();
        Split = split;
    }

    /// <summary>医共体编码.</summary>
    public string Id { get; }

    /// <summary>名称.</summary>
    public string Name { get; }

    /// <summary>上年住院基金支出.</summary>
    public Money BaseInpatient { get; }

    /// <summary>上年门诊基金支出.</summary>
    public Money BaseOutpatient { get; }

    /// <summary>上年医共体外就医基金支出.</summary>
    public Money BaseOutside { get; }

    /// <summary>基数 = inpatient + outpatient + outside.</summary>
    public Money Base => BaseInpatient + BaseOutpatient + BaseOutside;

    /// <summary>基数出处.</summary>
    public string BaseSource { get; }

    /// <summary>谈判增长率.</summary>
    public Ratio GrowthRate { get; }

    /// <summary>增长率出处.</summary>
    public string GrowthSource { get; }

    /// <summary>调整项.</summary>
    public IReadOnlyList<CitedAdjustment> Adjustments { get; }

    /// <summary>内部分配方式.</summary>
    public ConsortiumSplitMethod Split { get; }
}

/// <summary>
/// 医共体打包付费政策 — the consortia of a region for one year, the point values that turn members' points into money,
/// the risk-sharing bands and the rounding rules.
/// </summary>
/// <remarks>Immutable; thread-safe. Loaded by <see cref="ConsortiumPolicyLoader"/>.</remarks>
public sealed class ConsortiumPolicy
{
    /// <summary>Creates a policy.</summary>
    /// <param name="id">政策编号.</param>
    /// <param name="version">版本.</param>
    /// <param name="name">名称.</param>
    /// <param name="year">年度.</param>
    /// <param name="packages">医共体.</param>
    /// <param name="pointValues">点值 — yuan per point per point system (the year's settlement values), for members' point lines.</param>
    /// <param name="riskSharing">结余留用、合理超支分担 — bounds are shares of the package target.</param>
    /// <param name="rounding">舍入规则 by step (budget for the target, annualPayable for point lines, riskSharing).</param>
    public ConsortiumPolicy(string id, string version, string name, int year, IReadOnlyList<ConsortiumPackage> packages, IReadOnlyDictionary<string, decimal> pointValues, RiskSharingRule riskSharing, IReadOnlyDictionary<RoundingStep, RoundingRule>? rounding)
    {
        Id = id ?? string.Empty;
        Version = version ?? string.Empty;
        Name = name ?? string.Empty;
        Year = year;
        Packages = (packages ?? throw new ArgumentNullException(nameof(packages))).ToArray();
        PointValues = (pointValues ?? new Dictionary<string, decimal>()).ToDictionary(p => p.Key, p => p.Value, StringComparer.OrdinalIgnoreCase);
        RiskSharing = riskSharing ?? new RiskSharingRule();
        Rounding = (rounding ?? new Dictionary<RoundingStep, RoundingRule>()).ToDictionary(p => p.Key, p => p.Value);
    }

    /// <summary>政策编号.</summary>
    public string Id { get; }

    /// <summary>版本.</summary>
    public string Version { get; }

    /// <summary>名称.</summary>
    public string Name { get; }

    /// <summary>年度.</summary>
    public int Year { get; }

    /// <summary>医共体.</summary>
    public IReadOnlyList<ConsortiumPackage> Packages { get; }

    /// <summary>点值 by point system (case-insensitive).</summary>
    public IReadOnlyDictionary<string, decimal> PointValues { get; }

    /// <summary>风险分担区间.</summary>
    public RiskSharingRule RiskSharing { get; }

    /// <summary>舍入规则.</summary>
    public IReadOnlyDictionary<RoundingStep, RoundingRule> Rounding { get; }

    /// <summary>The rounding rule of a step (四舍五入 to the fen by default).</summary>
    /// <param name="step">The step.</param>
    /// <returns>The rule.</returns>
    public RoundingRule MoneyRule(RoundingStep step) => Rounding.TryGetValue(step, out var rule) ? rule : RoundingRule.Default;

    /// <summary>Checks the policy; issues name their JSON path.</summary>
    /// <returns>The errors.</returns>
    public IReadOnlyList<ValidationIssue> Validate()
    {
        var issues = new List<ValidationIssue>();
        void Error(string code, string field, string en) => issues.Add(ValidationIssue.Error(code, field, en, en));
        if (Id.Length == 0)
        {
            Error(ConsortiumIssueCodes.PolicyFieldRequired, "id", "The policy id is required.");
        }

        if (Version.Length == 0)
        {
            Error(ConsortiumIssueCodes.PolicyFieldRequired, "version", "The policy version is required.");
        }

        if (Packages.Count == 0)
        {
            Error(ConsortiumIssueCodes.PolicyFieldRequired, "consortia", "At least one consortium is required.");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Packages.Count; i++)
        {
            var p = Packages[i];
            var f = "consortia[" + i.ToString(CultureInfo.InvariantCulture) + "]";
            if (p.Id.Length == 0 || !seen.Add(p.Id))
            {
                Error(ConsortiumIssueCodes.PolicyValueInvalid, f + ".id", "Each consortium needs its own id.");
            }

            if (p.BaseInpatient.IsNegative || p.BaseOutpatient.IsNegative || p.BaseOutside.IsNegative)
            {
                Error(ConsortiumIssueCodes.PolicyValueInvalid, f + ".base", "Base amounts must not be negative.");
            }

            if (p.BaseSource.Trim().Length == 0)
            {
                Error(ConsortiumIssueCodes.PolicyFieldRequired, f + ".base.source", "The base needs its source.");
            }

            if (p.GrowthRate.Value is < -1m or > 1m)
            {
                Error(ConsortiumIssueCodes.PolicyValueInvalid, f + ".growth.rate", "The growth rate must be between −1 and 1.");
            }

            if (p.GrowthSource.Trim().Length == 0)
            {
                Error(ConsortiumIssueCodes.PolicyFieldRequired, f + ".growth.source", "The negotiated growth needs its source.");
            }

            for (var a = 0; a < p.Adjustments.Count; a++)
            {
                var af = f + ".adjustments[" + a.ToString(CultureInfo.InvariantCulture) + "]";
                if (p.Adjustments[a].Code.Trim().Length == 0)
                {
                    Error(ConsortiumIssueCodes.PolicyFieldRequired, af + ".code", "An adjustment needs a code.");
                }

                if (p.Adjustments[a].Source.Trim().Length == 0)
                {
                    Error(ConsortiumIssueCodes.PolicyFieldRequired, af + ".source", "An adjustment needs its source.");
                }
            }
        }

        foreach (var pair in PointValues)
        {
            if (pair.Value <= 0m)
            {
                Error(ConsortiumIssueCodes.PolicyValueInvalid, "pointValues." + pair.Key, "A point value must be positive.");
            }
        }

        CapitationPolicyValidation.CheckRiskSharing(RiskSharing, "riskSharing", issues);
        return issues;
    }
}

/// <summary>医共体政策加载 — reads and validates a <see cref="ConsortiumPolicy"/> (format in <c>docs/capitation.md</c>).</summary>
/// <remarks><see cref="InvalidDataException"/> names the source, line, field and code of every error. Thread-safe.</remarks>
public static class ConsortiumPolicyLoader
{
    /// <summary>Loads a policy file.</summary>
    /// <param name="path">The JSON file.</param>
    /// <returns>The validated policy.</returns>
    public static ConsortiumPolicy LoadFile(string path) => Parse(File.ReadAllText(path), path);

    /// <summary>Parses and validates a policy.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="source">Where it came from.</param>
    /// <returns>The validated policy.</returns>
    public static ConsortiumPolicy Parse(string json, string source)
    {
        var dto = Interchange.PolicyJsonText.Read(json, CapitationJsonContext.Default.ConsortiumPolicyJson, source, CapitationIssueCodes.PolicyJsonInvalid);
        var issues = new List<ValidationIssue>();
        var c = new PolicyJson.Converter(issues);
        var packages = (dto.Consortia ?? []).Select((p, i) =>
        {
            var f = "consortia[" + i.ToString(CultureInfo.InvariantCulture) + "]";
            return new ConsortiumPackage(
                p.Id ?? string.Empty,
                p.Name ?? string.Empty,
                c.Yuan(p.Base?.Inpatient ?? 0m, f + ".base.inpatient"),
                c.Yuan(p.Base?.Outpatient ?? 0m, f + ".base.outpatient"),
                c.Yuan(p.Base?.Outside ?? 0m, f + ".base.outside"),
                p.Base?.Source ?? string.Empty,
                new Ratio(p.Growth?.Rate ?? 0m),
                p.Growth?.Source ?? string.Empty,
                (p.Adjustments ?? []).Select((a, k) => new CitedAdjustment(a.Code ?? string.Empty, a.Name ?? string.Empty, c.Yuan(a.Amount, f + ".adjustments[" + k.ToString(CultureInfo.InvariantCulture) + "].amount"), a.Source ?? string.Empty)).ToArray(),
                c.Enum(p.Split?.Method, ConsortiumSplitMethod.Lines, f + ".split.method"));
        }).ToArray();
        var policy = new ConsortiumPolicy(dto.Id ?? string.Empty, dto.Version ?? string.Empty, dto.Name ?? string.Empty, dto.Year, packages, dto.PointValues ?? new Dictionary<string, decimal>(), c.RiskSharing(dto.RiskSharing, "riskSharing"), c.Rounding(dto.Rounding));
        issues.AddRange(policy.Validate());
        Interchange.PolicyJsonText.RefuseIfInvalid(json, source, "consortium policy", issues.Where(i => i.IsError).ToList());
        return policy;
    }
}

/// <summary>医共体问题代码 — stable codes of consortium issues.</summary>
public static class ConsortiumIssueCodes
{
    /// <summary>A required policy field is missing.</summary>
    public const string PolicyFieldRequired = "CONSORTIUM_POLICY_FIELD_REQUIRED";

    /// <summary>A policy value is invalid.</summary>
    public const string PolicyValueInvalid = "CONSORTIUM_POLICY_VALUE_INVALID";

    /// <summary>A required member, line or outside-claim field is empty or unreadable.</summary>
    public const string FieldInvalid = "CONSORTIUM_FIELD_INVALID";

    /// <summary>The member row names a consortium that is not in the policy.</summary>
    public const string ConsortiumUnknown = "CONSORTIUM_UNKNOWN";

    /// <summary>A member listed in two consortia (or twice): every row of that member is rejected.</summary>
    public const string MemberInTwoConsortia = "CONSORTIUM_MEMBER_IN_TWO_CONSORTIA";

    /// <summary>The split needs a share or supplied amount that the member row lacks.</summary>
    public const string SplitValueMissing = "CONSORTIUM_SPLIT_VALUE_MISSING";

    /// <summary>Supplied amounts do not sum to the package result: the split falls back to the members' lines.</summary>
    public const string SplitSuppliedMismatch = "CONSORTIUM_SPLIT_SUPPLIED_MISMATCH";

    /// <summary>A settlement line of a hospital that is not an accepted member (a warning: not counted).</summary>
    public const string LineNotMember = "CONSORTIUM_LINE_NOT_MEMBER";

    /// <summary>A points line in a point system without a value in the policy.</summary>
    public const string PointSystemUnknown = "CONSORTIUM_POINT_SYSTEM_UNKNOWN";

    /// <summary>A negative amount.</summary>
    public const string AmountNegative = "CONSORTIUM_AMOUNT_NEGATIVE";

    /// <summary>A date or month outside the policy year.</summary>
    public const string OutsideYear = "CONSORTIUM_OUTSIDE_YEAR";
}

#pragma warning disable CA1812 // instantiated by the JSON source generator
internal sealed class ConsortiumPolicyJson
{
    public string? Id { get; set; }

    public string? Version { get; set; }

    public string? Name { get; set; }

    public int Year { get; set; }

    public Dictionary<string, decimal>? PointValues { get; set; }

    public List<PackageJson>? Consortia { get; set; }

    public RiskSharingJson? RiskSharing { get; set; }

    public Dictionary<string, RoundingJson>? Rounding { get; set; }
}

internal sealed class PackageJson
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public BaseJson? Base { get; set; }

    public GrowthJson? Growth { get; set; }

    public List<AdjustmentJson>? Adjustments { get; set; }

    public SplitJson? Split { get; set; }
}

internal sealed class BaseJson
{
    public decimal? Inpatient { get; set; }

    public decimal? Outpatient { get; set; }

    public decimal? Outside { get; set; }

    public string? Source { get; set; }
}

internal sealed class GrowthJson
{
    public decimal? Rate { get; set; }

    public string? Source { get; set; }
}

internal sealed class AdjustmentJson
{
    public string? Code { get; set; }

    public string? Name { get; set; }

    public decimal Amount { get; set; }

    public string? Source { get; set; }
}

internal sealed class SplitJson
{
    public string? Method { get; set; }
}
#pragma warning restore CA1812
