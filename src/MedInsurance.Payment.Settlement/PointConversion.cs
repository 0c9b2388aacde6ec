using System;
using MedInsurance.Payment.Cases;

namespace MedInsurance.Payment.Settlement;

/// <summary>
/// 金额折算点数 — one rule of the whole-region point method (全区域点数法): the money lines of a payment method (outpatient
/// capitation, fee for service, a consortium package …) are converted into points of a named point system at a
/// documented conversion value, so that one regional budget and one point value settle them with the inpatient points
/// (payment-rules.md §4; Inner Mongolia DIP work plan §4(7): "探索将门诊按人头、按项目，紧密型医共体总额付费转化为点数，与住院服务点数
/// 形成可比关系，实现统筹地区全区域点数法总额预算").
/// </summary>
/// <remarks>
/// <para>A converted line is then settled exactly like a point line of its pool: valued at the pool's settlement point
/// value, less its patients' share (or × the pool's fund payment ratio, by the policy's payable form), and counted in the
/// monthly pre-settlement at the preset value. Convert amounts of the kind the pool's points price — the standard amount
/// (标准金额) — and the line pays its amount × (settlement value ÷ conversion value).</para>
/// <para>Immutable and thread-safe. Callable from C# 7.3 (constructor).</para>
/// </remarks>
public sealed class PointConversion
{
    /// <summary>Creates a conversion rule.</summary>
    /// <param name="method">支付方式 — the method code whose money lines are converted (e.g. <c>CAPITATION</c>); normalised.</param>
    /// <param name="fund">险种 — the fund whose lines it converts, or null for every fund.</param>
    /// <param name="pointSystem">点数体系 — the point system the points join (its pool for the line's fund settles them).</param>
    /// <param name="conversionValue">折算点值 — yuan per point of the conversion, above 0 (e.g. the start-of-year point value).</param>
    /// <param name="source">依据 — where the conversion value comes from (written on the statement); may be empty.</param>
    /// <exception cref="ArgumentException">When the method or point system is empty, or the value is not above 0.</exception>
    public PointConversion(string method, InsuranceFund? fund, string pointSystem, PointValue conversionValue, string? source)
    {
        if (string.IsNullOrWhiteSpace(method))
        {
            throw new ArgumentException("The method is required.", nameof(method));
        }

        if (string.IsNullOrWhiteSpace(pointSystem))
        {
            throw new ArgumentException("The point system is required.", nameof(pointSystem));
        }

        if (conversionValue.Yuan <= 0m)
        {
            throw new ArgumentException("The conversion value must be above 0 yuan per point.", nameof(conversionValue));
        }

        Method = SettlementMethods.Normalize(method);
        Fund = fund;
        PointSystem = pointSystem.Trim();
        ConversionValue = conversionValue;
        Source = source?.Trim() ?? string.Empty;
    }

    /// <summary>支付方式 — the method code whose money lines are converted.</summary>
    public string Method { get; }

    /// <summary>险种 — the fund whose lines are converted, or null for every fund.</summary>
    public InsuranceFund? Fund { get; }

    /// <summary>点数体系 — the point system the converted points join.</summary>
    public string PointSystem { get; }

    /// <summary>折算点值 — yuan per point of the conversion.</summary>
    public PointValue ConversionValue { get; }

    /// <summary>依据 — where the conversion value comes from.</summary>
    public string Source { get; }

    /// <summary>Whether the rule converts a money line of <paramref name="method"/> and <paramref name="fund"/>.</summary>
    /// <param name="method">The line's method code (normalised).</param>
    /// <param name="fund">The line's fund.</param>
    /// <returns>True when the method matches and the rule's fund is the line's or every fund.</returns>
    public bool Converts(string method, InsuranceFund fund) =>
        string.Equals(Method, method, StringComparison.Ordinal) && (Fund is null || Fund == fund);
}
