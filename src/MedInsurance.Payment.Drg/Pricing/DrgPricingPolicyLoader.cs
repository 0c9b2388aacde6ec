using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using MedInsurance.Payment.Cases;
using MedInsurance.Payment.Interchange;
using MedInsurance.Payment.Validation;

namespace MedInsurance.Payment.Drg.Pricing;

/// <summary>
/// DRG定价政策加载 — reads a <see cref="DrgPricingPolicy"/> from its JSON format (docs/formats-drg.md, "Pricing policy";
/// comments and trailing commas allowed; unknown fields refused) and validates it.
/// </summary>
/// <remarks>A bad policy is a configuration error: <see cref="InvalidDataException"/> lists every problem as
/// <c>source: line N, field path: message (CODE)</c>. Thread-safe.</remarks>
public static class DrgPricingPolicyLoader
{
    private const string ResourcePrefix = "MedInsurance.Payment.Drg.Profiles.";

    /// <summary>内置示例 — the embedded example policies (<c>example-drg-pricing-2025</c>, <c>example-drg-points-2025</c>).</summary>
    public static EmbeddedProfiles Embedded { get; } = new(typeof(DrgPricingPolicyLoader).Assembly, ResourcePrefix);

    /// <summary>Loads a policy file, or an embedded example when the text names one and no such file exists.</summary>
    /// <param name="pathOrName">The path, or an embedded name.</param>
    /// <returns>The validated policy.</returns>
    /// <exception cref="InvalidDataException">When the policy is malformed or invalid.</exception>
    /// <exception cref="FileNotFoundException">When neither a file nor an embedded name.</exception>
    public static DrgPricingPolicy Load(string pathOrName)
    {
        var json = Embedded.ReadFileOrEmbedded(pathOrName, "DRG pricing policy", out var source);
        return Parse(json, source);
    }

    /// <summary>Parses and validates a policy.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="source">Where it came from, for messages.</param>
    /// <returns>The validated policy.</returns>
    /// <exception cref="InvalidDataException">When the JSON is malformed or the policy invalid.</exception>
    public static DrgPricingPolicy Parse(string json, string source)
    {
        var dto = PolicyJsonText.Read(json, DrgPricingJsonContext.Default.DrgPricingPolicyJson, source, DrgPricingIssueCodes.PolicyJsonInvalid);
        var issues = new List<ValidationIssue>();
        var policy = Convert(dto, issues);
        PolicyJsonText.RefuseIfInvalid(json, source, "DRG pricing policy", issues);
        return policy ?? throw new InvalidDataException(source + ": invalid DRG pricing policy (" + DrgPricingIssueCodes.PolicyValueInvalid + ")");
    }

    private static DrgPricingPolicy? Convert(DrgPricingPolicyJson dto, List<ValidationIssue> issues)
    {
        if (string.IsNullOrWhiteSpace(dto.Name))
        {
            issues.Add(Missing("name"));
        }

        if (string.IsNullOrWhiteSpace(dto.Version))
        {
            issues.Add(Missing("version"));
        }

        var form = DrgPaymentForm.Money;
        switch ((dto.Form ?? "money").Trim().ToLowerInvariant())
        {
            case "money" or "金额":
                break;
            case "points" or "点数" or "点数法":
                form = DrgPaymentForm.Points;
                break;
            default:
                issues.Add(Invalid("form", "form is money or points."));
                break;
        }

        var rates = new List<DrgRate>();
        var rateList = dto.Rates ?? new List<DrgRateJson>();
        for (var i = 0; i < rateList.Count; i++)
        {
            var at = "rates[" + I(i) + "]";
            var r = rateList[i];
            if (r is null)
            {
                issues.Add(Invalid(at, "A rate is an object."));
                continue;
            }

            InsuranceFund? fund = null;
            if (r.Fund is { } f && f.Trim() is not ("" or "all" or "全部"))
            {
                fund = SettlementLineCsv.ParseFund(f);
                if (fund is null)
                {
                    issues.Add(Invalid(at + ".fund", "fund is employee, resident (职工, 居民) or all."));
                    continue;
                }
            }

            if (r.Level is < 1 or > 3)
            {
                issues.Add(Invalid(at + ".level", "level is 1, 2 or 3 (omit it for every level)."));
                continue;
            }

            if (r.Yuan is not { } yuan || yuan <= 0m || yuan > 10_000_000m)
            {
                issues.Add(Invalid(at + ".yuan", "yuan is a rate above 0 and at most 10 000 000."));
                continue;
            }

            if (rates.Any(x => x.Fund == fund && x.Level == r.Level))
            {
                issues.Add(Invalid(at, "A second rate for the same fund and level."));
                continue;
            }

            rates.Add(new DrgRate(fund, r.Level, new PointValue(yuan)));
        }

        if (form == DrgPaymentForm.Money && rates.Count == 0)
        {
            issues.Add(Invalid("rates", "The money form needs at least one rate."));
        }

        var coefficients = new Dictionary<int, Coefficient>();
        foreach (var pair in dto.LevelCoefficients ?? new Dictionary<string, decimal>())
        {
            var level = pair.Key.Trim() switch { "1" or "一级" => 1, "2" or "二级" => 2, "3" or "三级" => 3, _ => 0 };
            if (level == 0 || pair.Value <= 0m || pair.Value > 10m)
            {
                issues.Add(Invalid("levelCoefficients." + pair.Key, "levelCoefficients maps level 1, 2 or 3 to a coefficient in (0, 10]."));
                continue;
            }

            coefficients[level] = new Coefficient(pair.Value);
        }

        if (dto.BaseGroupLevel is < 1 or > 3)
        {
            issues.Add(Invalid("baseGroupLevel", "baseGroupLevel is 1, 2 or 3."));
        }

        if (dto.PointScale is <= 0m or > 100_000m)
        {
            issues.Add(Invalid("pointScale", "pointScale is above 0 and at most 100 000."));
        }

        var standardsRounding = Rounding(dto.Rounding, "rounding", RoundingRule.HalfAwayFromZeroToFen, 10, issues);
        var moneyRounding = Rounding(dto.LineRounding?.Money, "lineRounding.money", RoundingRule.HalfAwayFromZeroToFen, 2, issues);
        var pointsRounding = Rounding(dto.LineRounding?.Points, "lineRounding.points", new RoundingRule(RoundingMode.HalfAwayFromZero, DrgSettlementPricing.DefaultPointDecimals), 10, issues);
        var outliers = dto.Outliers is null ? null : Outliers(dto.Outliers, issues);
        if (issues.Count > 0)
        {
            return null;
        }

        try
        {
            var standards = new DrgStandardPolicy(rates, coefficients, dto.BaseGroupLevel, standardsRounding, form, dto.PointScale ?? 100m);
            var from = ReadDate(dto.EffectiveFrom, "effectiveFrom", issues);
            var to = ReadDate(dto.EffectiveTo, "effectiveTo", issues);
            return new DrgPricingPolicy(dto.Name!, dto.Version!, dto.Region ?? string.Empty, standards, outliers, dto.PointSystem ?? DrgSettlementPricing.DefaultPointSystem, moneyRounding, pointsRounding, from, to);
        }
        catch (ArgumentException ex)
        {
            issues.Add(Invalid(ex.ParamName switch { "outliers" => "outliers", "effectiveTo" => "effectiveTo", _ => "$" }, ex.Message));
            return null;
        }
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

        issues.Add(Invalid(field, "The date must be yyyy-MM-dd."));
        return null;
    }

    private static DrgOutlierRules? Outliers(DrgOutliersJson o, List<ValidationIssue> issues)
    {
        var before = issues.Count;
        var comparator = (o.Comparator ?? "standard").Trim().ToLowerInvariant() switch
        {
            "standard" or "支付标准" => DrgOutlierComparator.Standard,
            "group_mean" or "例均费用" => DrgOutlierComparator.GroupMean,
            _ => Bad<DrgOutlierComparator>(issues, "outliers.comparator", "comparator is standard or group_mean."),
        };
        var source = (o.ThresholdSource ?? "multiples").Trim().ToLowerInvariant() switch
        {
            "multiples" or "倍数" => DrgThresholdSource.Multiples,
            "table" or "分组表" => DrgThresholdSource.Table,
            _ => Bad<DrgThresholdSource>(issues, "outliers.thresholdSource", "thresholdSource is multiples or table."),
        };
        var bands = new List<OutlierThreshold>();
        if (o.HighMultiple is { } single)
        {
            if (o.HighBands is { Count: > 0 })
            {
                issues.Add(Invalid("outliers.highBands", "Give highMultiple or highBands, not both."));
            }

            bands.Add(new OutlierThreshold(null, single));
        }

        var bandList = o.HighBands ?? new List<DrgHighBandJson>();
        for (var i = 0; i < bandList.Count; i++)
        {
            if (bandList[i] is not { Multiple: { } multiple } band)
            {
                issues.Add(Invalid("outliers.highBands[" + I(i) + "].multiple", "A band has a multiple."));
                continue;
            }

            bands.Add(new OutlierThreshold(band.UpToBasePoints, multiple));
        }

        var types = new List<DischargeType>();
        var typeList = o.IncompleteStay?.DischargeTypes ?? new List<string>();
        for (var i = 0; i < typeList.Count; i++)
        {
            var type = (typeList[i] ?? string.Empty).Trim().ToLowerInvariant() switch
            {
                "death" or "死亡" => DischargeType.Death,
                "transfer_to_hospital" or "医嘱转院" or "转院" => DischargeType.TransferToHospital,
                "transfer_to_community" or "医嘱转社区" => DischargeType.TransferToCommunity,
                "against_medical_advice" or "非医嘱离院" => DischargeType.AgainstMedicalAdvice,
                "other" or "其他" => DischargeType.Other,
                _ => (DischargeType?)null,
            };
            if (type is null)
            {
                issues.Add(Invalid("outliers.incompleteStay.dischargeTypes[" + I(i) + "]", "A discharge type is death, transfer_to_hospital, transfer_to_community, against_medical_advice or other."));
                continue;
            }

            types.Add(type.Value);
        }

        if (o.IncompleteStay is { } stay && (stay.MaxDays is null || types.Count == 0))
        {
            issues.Add(Invalid("outliers.incompleteStay", "An incomplete-stay rule has maxDays and at least one discharge type."));
        }

        var low = PaymentRule(o.LowPayment, "outliers.lowPayment", DrgOutlierPaymentRule.CostRatio, issues);
        var high = PaymentRule(o.HighPayment, "outliers.highPayment", DrgOutlierPaymentRule.ExcessShare, issues);
        var incomplete = PaymentRule(o.IncompleteStay?.Payment, "outliers.incompleteStay.payment", DrgOutlierPaymentRule.CostRatioCapped, issues);
        if (issues.Count > before)
        {
            return null;
        }

        try
        {
            return new DrgOutlierRules(
                comparator,
                source,
                o.LowMultiple,
                bands,
                low,
                high,
                o.HighExcessShare ?? 1m,
                o.ExtremeMultiple,
                o.IncompleteStay?.MaxDays,
                types,
                incomplete,
                o.LongStayDays,
                o.ReferencePointValue is { } pv && pv > 0m ? new PointValue(pv) : null);
        }
        catch (ArgumentException ex)
        {
            issues.Add(Invalid("outliers", ex.Message));
            return null;
        }
    }

    private static DrgOutlierPaymentRule PaymentRule(string? text, string field, DrgOutlierPaymentRule fallback, List<ValidationIssue> issues) =>
        (text ?? string.Empty).Trim().ToLowerInvariant() switch
        {
            "" => fallback,
            "standard" or "按标准" => DrgOutlierPaymentRule.Standard,
            "by_item" or "按项目" => DrgOutlierPaymentRule.ByItem,
            "cost_ratio" or "按费用比例" => DrgOutlierPaymentRule.CostRatio,
            "cost_ratio_capped" => DrgOutlierPaymentRule.CostRatioCapped,
            "excess_share" or "超出部分加付" => DrgOutlierPaymentRule.ExcessShare,
            _ => Bad<DrgOutlierPaymentRule>(issues, field, "A payment rule is standard, by_item, cost_ratio, cost_ratio_capped or excess_share."),
        };

    private static RoundingRule Rounding(DrgRoundingJson? json, string field, RoundingRule fallback, int maxDecimals, List<ValidationIssue> issues)
    {
        if (json is null)
        {
            return fallback;
        }

        if (!Enum.TryParse<RoundingMode>(json.Mode ?? "HalfAwayFromZero", true, out var mode) || (json.Mode ?? "H").Trim().Any(char.IsDigit) || json.Decimals is < 0 || json.Decimals > maxDecimals)
        {
            issues.Add(Invalid(field, "A rounding rule is a RoundingMode name (HalfAwayFromZero = 四舍五入, HalfToEven, TowardZero, AwayFromZero, Floor, Ceiling) and 0–" + I(maxDecimals) + " decimals."));
            return fallback;
        }

        return new RoundingRule(mode, json.Decimals ?? fallback.Decimals);
    }

    private static T Bad<T>(List<ValidationIssue> issues, string field, string message)
    {
        issues.Add(Invalid(field, message));
        return default!;
    }

    private static ValidationIssue Missing(string field) =>
        ValidationIssue.Error(DrgPricingIssueCodes.PolicyJsonInvalid, field, "缺少必填字段", field + " is required.");

    private static ValidationIssue Invalid(string field, string message) =>
        ValidationIssue.Error(DrgPricingIssueCodes.PolicyValueInvalid, field, "定价政策取值无效", message);

    private static string I(int value) => value.ToString(CultureInfo.InvariantCulture);
}
