using System;

namespace MedInsurance.Payment.Dip;

/// <summary>
/// DIP政策配置 — a named, versioned policy profile: every regional difference in DIP scoring as a parameter
/// (payment-rules.md §3; DIP 3.0 draft ch. 5). The built-in profiles are <c>national-dip-1.0</c>,
/// <c>national-dip-3.0</c>, <c>guangzhou</c> and <c>jining</c> (<see cref="DipPolicyProfiles"/>).
/// </summary>
/// <threadsafety>Immutable; safe to share across threads.</threadsafety>
public sealed class DipPolicyProfile
{
    /// <summary>名称 — the profile name, e.g. <c>jining</c>.</summary>
    public required string Name { get; init; }

    /// <summary>版本 — the profile version.</summary>
    public string Version { get; init; } = "1";

    /// <summary>说明 — a description.</summary>
    public string Description { get; init; } = string.Empty;

    /// <summary>依据 — the policy text the profile implements.</summary>
    public string Source { get; init; } = string.Empty;

    /// <summary>倍率基准 — the basis of the deviation ratio.</summary>
    public DipRatioBasis RatioBasis { get; init; }

    /// <summary>费用超低界值 — the low bound (0.5 in every built-in profile).</summary>
    public decimal LowThreshold { get; init; } = 0.5m;

    /// <summary>下界含等号 — whether a ratio equal to the low bound is low (≤ instead of &lt;).</summary>
    public bool LowInclusive { get; init; }

    /// <summary>费用超低公式 — the low-case formula.</summary>
    public DipLowCaseFormula LowFormula { get; init; } = DipLowCaseFormula.ScoreTimesRatio;

    /// <summary>费用超高界值 — the high bound (2 in every built-in profile).</summary>
    public decimal HighThreshold { get; init; } = 2m;

    /// <summary>上界含等号 — whether a ratio equal to the high bound is high (≥ instead of &gt;).</summary>
    public bool HighInclusive { get; init; }

    /// <summary>费用超高公式 — the high-case formula.</summary>
    public DipHighCaseFormula HighFormula { get; init; } = DipHighCaseFormula.RatioMinusThresholdPlusOne;

    /// <summary>超高病例特例单议 — whether high cases are flagged for special review.</summary>
    public bool HighReview { get; init; }

    /// <summary>费用极高界值 — the extreme bound (5 in DIP 1.0 and Jining, 3 in the DIP 3.0 draft), or null for none.</summary>
    public decimal? ExtremeThreshold { get; init; }

    /// <summary>极高界含等号 — whether a ratio equal to the extreme bound is extreme.</summary>
    public bool ExtremeInclusive { get; init; }

    /// <summary>费用极高公式 — the extreme-case formula.</summary>
    public DipExtremeCaseFormula ExtremeFormula { get; init; }

    /// <summary>极高病例特例单议 — whether extreme cases are flagged for special review.</summary>
    public bool ExtremeReview { get; init; } = true;

    /// <summary>偏差病例不乘医院系数 — whether low, high and extreme cases skip the hospital coefficient (Jining).</summary>
    public bool DeviationSkipsHospitalCoefficient { get; init; }

    /// <summary>基层病种不乘医院系数 — whether primary-care groups skip the hospital coefficient (national rule: true).</summary>
    public bool PrimaryCareSkipsHospitalCoefficient { get; init; } = true;

    /// <summary>未入组规则 — the unmatched rule.</summary>
    public DipUnmatchedRule UnmatchedRule { get; init; }

    /// <summary>未入组折算系数 — the factor of <see cref="DipUnmatchedRule.CostRatio"/> (Jining 0.7).</summary>
    public decimal UnmatchedFactor { get; init; } = 1m;

    /// <summary>床日病种起点天数 — the length of stay from which a case with a per-diem group is paid by bed-days (0 = never).</summary>
    public int PerDiemMinimumDays { get; init; }

    /// <summary>分值小数位 — the decimals of a case score, rounded half away from zero (四舍五入).</summary>
    public int ScoreDecimals { get; init; } = 4;

    /// <summary>年龄与监护病房分段 — the age and ICU bands of the auxiliary typing (every built-in profile: <see cref="DipAuxiliaryBands.Default"/>).</summary>
    public DipAuxiliaryBands AuxiliaryBands { get; init; } = DipAuxiliaryBands.Default;

    /// <summary>疾病严重程度分型方案 — the disease- and tumour-severity subtypes the typing sets (DIP 1.0 codes, or the DIP 3.0 draft's).</summary>
    public DipSeverityTyping SeverityTyping { get; init; }

    /// <summary>
    /// 严重程度住院天数 — the stay of "住院天数 3 天以上" in the DIP 3.0 draft's severity rules (ch. 5 §2 二(四) 1): a case
    /// meets those rules from this many days (以上 includes the number); 3.
    /// </summary>
    public int SeverityMinimumStayDays { get; init; } = 3;

    /// <summary>
    /// 肿瘤高费用倍数 — the DIP 3.0 draft's malignant high-cost rules (2)(3): cost at least this multiple of the group's
    /// score cost standard (分值费用标准 = score × point value); the draft's example 3.
    /// </summary>
    public decimal TumourHighCostMultiple { get; init; } = 3m;

    /// <summary>
    /// 肿瘤高费用占比 — the share of the cost that treatment without surgery (rule (2)) or drugs (rule (3)) must reach; the
    /// draft's example 0.5 (不小于 50%).
    /// </summary>
    public decimal TumourHighCostShare { get; init; } = 0.5m;

    /// <summary>Checks the parameters are consistent.</summary>
    /// <exception cref="ArgumentException">A parameter is out of range; the message names it.</exception>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Name))
        {
            throw new ArgumentException("Profile: 'name' is required.");
        }

        if (LowThreshold < 0 || HighThreshold <= LowThreshold)
        {
            throw new ArgumentException("Profile '" + Name + "': need 0 ≤ lowThreshold < highThreshold.");
        }

        if (ExtremeThreshold is decimal e && e < HighThreshold)
        {
            throw new ArgumentException("Profile '" + Name + "': extremeThreshold must be at least highThreshold.");
        }

        if (UnmatchedFactor < 0 || PerDiemMinimumDays < 0 || ScoreDecimals < 0 || ScoreDecimals > 10)
        {
            throw new ArgumentException("Profile '" + Name + "': unmatchedFactor, perDiemMinimumDays must be ≥ 0 and scoreDecimals 0–10.");
        }

        if (AuxiliaryBands is null)
        {
            throw new ArgumentException("Profile '" + Name + "': the age and ICU bands ('ageBands', 'icuBands') are required.");
        }

        if (SeverityMinimumStayDays < 0)
        {
            throw new ArgumentException("Profile '" + Name + "': field 'severityMinimumStayDays' must be ≥ 0.");
        }

        if (TumourHighCostMultiple <= 0m || TumourHighCostMultiple > 1_000m)
        {
            throw new ArgumentException("Profile '" + Name + "': field 'tumourHighCostMultiple' must be above 0 and at most 1000.");
        }

        if (TumourHighCostShare <= 0m || TumourHighCostShare > 1m)
        {
            throw new ArgumentException("Profile '" + Name + "': field 'tumourHighCostShare' must be above 0 and at most 1.");
        }
    }

    /// <summary>
    /// 费用偏差分类 — the deviation class of a ratio under this profile's bounds and their inclusivity.
    /// </summary>
    /// <param name="ratio">The ratio.</param>
    /// <returns>The class.</returns>
    public DipDeviation Classify(decimal ratio)
    {
        if (LowInclusive ? ratio <= LowThreshold : ratio < LowThreshold)
        {
            return DipDeviation.Low;
        }

        if (ExtremeThreshold is decimal e && (ExtremeInclusive ? ratio >= e : ratio > e))
        {
            return DipDeviation.Extreme;
        }

        return (HighInclusive ? ratio >= HighThreshold : ratio > HighThreshold) ? DipDeviation.High : DipDeviation.Normal;
    }

    /// <summary>
    /// 费用偏差分类 — the deviation class of <paramref name="cost"/> against a positive <paramref name="basis"/>,
    /// comparing cost with bound × basis (exact: no division, so a cost exactly at a bound is classified exactly).
    /// </summary>
    /// <param name="cost">The cost in yuan.</param>
    /// <param name="basis">The ratio basis in yuan (positive).</param>
    /// <returns>The class.</returns>
    public DipDeviation Classify(decimal cost, decimal basis)
    {
        var low = LowThreshold * basis;
        if (LowInclusive ? cost <= low : cost < low)
        {
            return DipDeviation.Low;
        }

        if (ExtremeThreshold is decimal e)
        {
            var extreme = e * basis;
            if (ExtremeInclusive ? cost >= extreme : cost > extreme)
            {
                return DipDeviation.Extreme;
            }
        }

        var high = HighThreshold * basis;
        return (HighInclusive ? cost >= high : cost > high) ? DipDeviation.High : DipDeviation.Normal;
    }
}
