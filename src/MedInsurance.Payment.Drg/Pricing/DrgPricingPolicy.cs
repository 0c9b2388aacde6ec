using System;

namespace MedInsurance.Payment.Drg.Pricing;

/// <summary>
/// DRG定价政策 — a named, versioned regional policy for pricing DRG cases into settlement lines: the payment standards
/// (<see cref="DrgStandardPolicy"/>: rates by fund and level, coefficients, 基础病组, money or point form), the outlier
/// rules (<see cref="DrgOutlierRules"/>), the point system of the lines and the rounding of each case's payment.
/// Loaded from JSON by <see cref="DrgPricingPolicyLoader"/> (format: docs/formats-drg.md).
/// </summary>
/// <remarks>Immutable and thread-safe. Callable from C# 7.3.</remarks>
public sealed class DrgPricingPolicy
{
    /// <summary>Creates a policy.</summary>
    /// <param name="name">名称 — e.g. <c>example-drg-pricing-2025</c>.</param>
    /// <param name="version">版本.</param>
    /// <param name="region">统筹地区, or empty.</param>
    /// <param name="standards">支付标准政策.</param>
    /// <param name="outliers">异常病例规则, or null to pay every case its standard.</param>
    /// <param name="pointSystem">点数体系 — the pool the lines belong to (e.g. <c>DRG</c>), or null for the settlement policy's only one.</param>
    /// <param name="moneyRounding">金额舍入 — a case payment in yuan (at most 2 decimals; default 四舍五入 to the fen).</param>
    /// <param name="pointsRounding">点数舍入 — a case payment in points (default 四舍五入 to 4 decimals).</param>
    /// <param name="effectiveFrom">生效日期 — the first discharge date priced, or null (no start).</param>
    /// <param name="effectiveTo">失效日期 — the last discharge date priced, or null (no end).</param>
    /// <exception cref="ArgumentException">When a required value is missing, the money rounding keeps more than 2 decimals, the point form compares with the standard without a reference point value, or the period ends before it starts.</exception>
    public DrgPricingPolicy(
        string name,
        string version,
        string region,
        DrgStandardPolicy standards,
        DrgOutlierRules? outliers,
        string? pointSystem,
        RoundingRule moneyRounding,
        RoundingRule pointsRounding,
        CalendarDate? effectiveFrom = null,
        CalendarDate? effectiveTo = null)
    {
        if (effectiveFrom is { } start && effectiveTo is { } end && end < start)
        {
            throw new ArgumentException("effectiveTo is before effectiveFrom.", nameof(effectiveTo));
        }

        if (string.IsNullOrWhiteSpace(name) || string.IsNullOrWhiteSpace(version))
        {
            throw new ArgumentException("A pricing policy has a name and a version.");
        }

        if (moneyRounding.Decimals > 2)
        {
            throw new ArgumentException("A money payment is rounded to at most 2 decimals (the fen).", nameof(moneyRounding));
        }

        Standards = standards ?? throw new ArgumentNullException(nameof(standards));
        if (outliers is not null && standards.Form == DrgPaymentForm.Points && outliers.Comparator == DrgOutlierComparator.Standard && outliers.ReferencePointValue is null
            && (outliers.LowMultiple is not null || outliers.HighBands.Count > 0 || outliers.ExtremeMultiple is not null || outliers.ThresholdSource == DrgThresholdSource.Table
                || outliers.IncompleteStayMaxDays is not null))
        {
            throw new ArgumentException("The point form compares cost with the standard through a reference point value (参考点值); give one, or compare with the group mean.", nameof(outliers));
        }

        Name = name.Trim();
        Version = version.Trim();
        Region = region ?? string.Empty;
        Outliers = outliers;
        PointSystem = string.IsNullOrWhiteSpace(pointSystem) ? null : pointSystem!.Trim();
        MoneyRounding = moneyRounding;
        PointsRounding = pointsRounding;
        EffectiveFrom = effectiveFrom;
        EffectiveTo = effectiveTo;
    }

    /// <summary>生效日期 — the first discharge date priced, or null.</summary>
    public CalendarDate? EffectiveFrom { get; }

    /// <summary>失效日期 — the last discharge date priced, or null.</summary>
    public CalendarDate? EffectiveTo { get; }

    /// <summary>是否在有效期内 — whether a case discharged on <paramref name="dischargeDate"/> is priced by this policy (both ends included).</summary>
    /// <param name="dischargeDate">The discharge date.</param>
    /// <returns>True inside the period (or when the policy has none).</returns>
    public bool InForceOn(CalendarDate dischargeDate) =>
        (EffectiveFrom is not { } from || dischargeDate >= from) && (EffectiveTo is not { } to || dischargeDate <= to);

    /// <summary>名称.</summary>
    public string Name { get; }

    /// <summary>版本.</summary>
    public string Version { get; }

    /// <summary>统筹地区.</summary>
    public string Region { get; }

    /// <summary>支付标准政策.</summary>
    public DrgStandardPolicy Standards { get; }

    /// <summary>异常病例规则, or null.</summary>
    public DrgOutlierRules? Outliers { get; }

    /// <summary>点数体系, or null.</summary>
    public string? PointSystem { get; }

    /// <summary>金额舍入.</summary>
    public RoundingRule MoneyRounding { get; }

    /// <summary>点数舍入.</summary>
    public RoundingRule PointsRounding { get; }
}
