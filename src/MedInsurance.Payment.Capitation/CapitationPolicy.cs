using System;
using System.Collections.Generic;
using System.Linq;
using MedInsurance.Payment.Cases;
using MedInsurance.Payment.Settlement;

namespace MedInsurance.Payment.Capitation;

/// <summary>人头计算口径 — whose heads count for the budget (payment-rules.md §4: "served persons or signed persons, a parameter").</summary>
public enum CapitationBasis
{
    /// <summary>服务人数 — every person on the institution's roster (服务人口) counts.</summary>
    Served = 0,

    /// <summary>签约人数 — only persons whose roster row is signed (家庭医生签约) count.</summary>
    Signed = 1,
}

/// <summary>转诊费用方式 — how a referral upward is charged to the referring institution (payment-rules.md §4).</summary>
public enum ReferralChargeMode
{
    /// <summary>不收取 — referrals are counted but not charged.</summary>
    None = 0,

    /// <summary>按次定额 — a fixed fee per referral.</summary>
    Fee = 1,

    /// <summary>按转诊费用封顶 — the referred outpatient fund amount, up to a cap per referral.</summary>
    Cost = 2,
}

/// <summary>人群类别 — one population class with its per-head standard for the policy year (人头标准).</summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed class PopulationClass
{
    /// <summary>Creates a class.</summary>
    /// <param name="code">类别代码 — e.g. <c>employee</c>, <c>resident</c>, <c>elderly</c>, <c>signed_resident</c> or a region's own.</param>
    /// <param name="name">类别名称 — the Chinese name.</param>
    /// <param name="fund">险种 — the fund that pays for the class.</param>
    /// <param name="standardPerYear">年人头标准 — yuan per person per full year.</param>
    public PopulationClass(string code, string name, InsuranceFund fund, Money standardPerYear)
    {
        Code = code ?? throw new ArgumentNullException(nameof(code));
        Name = name ?? string.Empty;
        Fund = fund;
        StandardPerYear = standardPerYear;
    }

    /// <summary>类别代码 — the code used in the roster.</summary>
    public string Code { get; }

    /// <summary>类别名称 — the Chinese name.</summary>
    public string Name { get; }

    /// <summary>险种 — the fund.</summary>
    public InsuranceFund Fund { get; }

    /// <summary>年人头标准 — per person per full year.</summary>
    public Money StandardPerYear { get; }
}

/// <summary>转诊费用规则 — the referral charge (转诊费用): none, a fee per referral, or the referred cost up to a cap.</summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed class ReferralChargeRule
{
    /// <summary>Creates a rule.</summary>
    /// <param name="mode">The mode.</param>
    /// <param name="feePerReferral">每次转诊费用 — for <see cref="ReferralChargeMode.Fee"/>.</param>
    /// <param name="capPerReferral">每次封顶 — for <see cref="ReferralChargeMode.Cost"/>.</param>
    public ReferralChargeRule(ReferralChargeMode mode, Money feePerReferral, Money capPerReferral)
    {
        Mode = mode;
        FeePerReferral = feePerReferral;
        CapPerReferral = capPerReferral;
    }

    /// <summary>No charge.</summary>
    public static ReferralChargeRule NoCharge { get; } = new(ReferralChargeMode.None, Money.Zero, Money.Zero);

    /// <summary>The mode.</summary>
    public ReferralChargeMode Mode { get; }

    /// <summary>每次转诊费用 — the fee per referral.</summary>
    public Money FeePerReferral { get; }

    /// <summary>每次封顶 — the cap per referral on the referred fund amount.</summary>
    public Money CapPerReferral { get; }

    /// <summary>
    /// 转诊费用 — the charge of one referral: the fee, min(referred fund amount, cap), or 0. Exact in fen, no rounding
    /// (payment-rules.md §4 "a referral fee (fixed per referral) or the referred outpatient cost up to a cap").
    /// </summary>
    /// <param name="referredFundAmount">The fund amount of the referred outpatient care.</param>
    /// <returns>The charge.</returns>
    public Money ChargeFor(Money referredFundAmount) => Mode switch
    {
        ReferralChargeMode.Fee => FeePerReferral,
        ReferralChargeMode.Cost => Money.Min(referredFundAmount, CapPerReferral),
        _ => Money.Zero,
    };
}

/// <summary>
/// 按人头付费政策 — a region's capitation policy for one year: population classes with per-head standards, the basis,
/// the monthly advance, the referral charge, year-end risk-sharing bands, assessment and deposit, and how the result is
/// written as settlement lines (payment-rules.md §0 "人头付费、结余留用、合理超支分担", §4 Capitation).
/// </summary>
/// <remarks>Immutable once built; loaded and validated by <see cref="CapitationPolicyLoader"/>. Thread-safe.</remarks>
public sealed class CapitationPolicy
{
    private readonly Dictionary<string, int> _classIndex;

    /// <summary>Creates a policy. Validation is the loader's (<see cref="CapitationPolicyLoader"/>); code building a policy
    /// directly should call <see cref="Validate"/>.</summary>
    /// <param name="id">政策编号.</param>
    /// <param name="version">版本.</param>
    /// <param name="name">名称.</param>
    /// <param name="year">政策年度.</param>
    /// <param name="basis">人头计算口径.</param>
    /// <param name="classes">人群类别 with their standards.</param>
    /// <param name="monthlySchedule">按月预付比例 — 12 shares of the budget summing to 1 (null: 1/12 each).</param>
    /// <param name="advance">预拨条款 — the advance ratio, deposit rate and form and the rounding of the monthly steps.</param>
    /// <param name="referral">转诊费用规则.</param>
    /// <param name="riskSharing">结余留用、合理超支分担 bands; bounds are shares of the budget.</param>
    /// <param name="assessmentCoefficients">考核系数 bands.</param>
    /// <param name="depositRelease">保证金返还 bands.</param>
    /// <param name="defaultAssessmentScore">考核得分 used for an institution that is not listed.</param>
    /// <param name="rounding">舍入规则 of the annual steps (budget, risk sharing, assessment, deposit release), by step; missing steps use 四舍五入 to the fen.</param>
    /// <param name="linePointSystem">结算行点数体系 — the point system whose pool pays capitation lines in <c>settle year</c>, or null for outside every pool.</param>
    /// <param name="lineConversionValue">折算点值 — when given, lines carry points = amount ÷ this value (全区域点数法) instead of money.</param>
    public CapitationPolicy(
        string id,
        string version,
        string name,
        int year,
        CapitationBasis basis,
        IReadOnlyList<PopulationClass> classes,
        IReadOnlyList<Ratio>? monthlySchedule,
        AdvanceTerms advance,
        ReferralChargeRule referral,
        RiskSharingRule riskSharing,
        IReadOnlyList<ScoreBand> assessmentCoefficients,
        IReadOnlyList<ScoreBand> depositRelease,
        decimal defaultAssessmentScore,
        IReadOnlyDictionary<RoundingStep, RoundingRule>? rounding,
        string? linePointSystem,
        decimal? lineConversionValue)
    {
        Id = id ?? string.Empty;
        Version = version ?? string.Empty;
        Name = name ?? string.Empty;
        Year = year;
        Basis = basis;
        Classes = (classes ?? throw new ArgumentNullException(nameof(classes))).ToArray();
        MonthlySchedule = monthlySchedule?.ToArray() ?? Enumerable.Repeat(new Ratio(1m / 12m), 12).ToArray();
        ScheduleGiven = monthlySchedule is not null;
        Advance = advance ?? throw new ArgumentNullException(nameof(advance));
        Referral = referral ?? ReferralChargeRule.NoCharge;
        RiskSharing = riskSharing ?? new RiskSharingRule();
        AssessmentCoefficients = (assessmentCoefficients ?? [new ScoreBand(0m, 1m)]).ToArray();
        DepositRelease = (depositRelease ?? [new ScoreBand(0m, 1m)]).ToArray();
        DefaultAssessmentScore = defaultAssessmentScore;
        Rounding = (rounding ?? new Dictionary<RoundingStep, RoundingRule>()).ToDictionary(p => p.Key, p => p.Value);
        LinePointSystem = string.IsNullOrWhiteSpace(linePointSystem) ? null : linePointSystem!.Trim();
        LineConversionValue = lineConversionValue;
        _classIndex = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < Classes.Count; i++)
        {
            if (!_classIndex.ContainsKey(Classes[i].Code))
            {
                _classIndex[Classes[i].Code] = i;
            }
        }
    }

    /// <summary>政策编号.</summary>
    public string Id { get; }

    /// <summary>版本.</summary>
    public string Version { get; }

    /// <summary>名称.</summary>
    public string Name { get; }

    /// <summary>政策年度 — claims are dated in this year.</summary>
    public int Year { get; }

    /// <summary>人头计算口径.</summary>
    public CapitationBasis Basis { get; }

    /// <summary>人群类别.</summary>
    public IReadOnlyList<PopulationClass> Classes { get; }

    /// <summary>按月预付比例 — 12 shares summing to 1.</summary>
    public IReadOnlyList<Ratio> MonthlySchedule { get; }

    /// <summary>Whether the schedule was given (false: 1/12 each).</summary>
    public bool ScheduleGiven { get; }

    /// <summary>预拨条款 — advance ratio, deposit rate and form.</summary>
    public AdvanceTerms Advance { get; }

    /// <summary>转诊费用规则.</summary>
    public ReferralChargeRule Referral { get; }

    /// <summary>结余留用、合理超支分担 — bands whose bounds are shares of the institution's budget.</summary>
    public RiskSharingRule RiskSharing { get; }

    /// <summary>考核系数区间.</summary>
    public IReadOnlyList<ScoreBand> AssessmentCoefficients { get; }

    /// <summary>保证金返还区间.</summary>
    public IReadOnlyList<ScoreBand> DepositRelease { get; }

    /// <summary>默认考核得分 — for institutions without an assessment row.</summary>
    public decimal DefaultAssessmentScore { get; }

    /// <summary>舍入规则 by step.</summary>
    public IReadOnlyDictionary<RoundingStep, RoundingRule> Rounding { get; }

    /// <summary>结算行点数体系 — or null.</summary>
    public string? LinePointSystem { get; }

    /// <summary>折算点值 — or null for money lines.</summary>
    public decimal? LineConversionValue { get; }

    /// <summary>The rounding rule of a step (四舍五入 to the fen when the policy names none).</summary>
    /// <param name="step">The step.</param>
    /// <returns>The rule.</returns>
    public RoundingRule MoneyRule(RoundingStep step) => Rounding.TryGetValue(step, out var rule) ? rule : RoundingRule.Default;

    /// <summary>The index of a class code (case-insensitive), or −1.</summary>
    /// <param name="code">The code.</param>
    /// <returns>The index in <see cref="Classes"/>, or −1.</returns>
    public int ClassIndex(string code) => code is not null && _classIndex.TryGetValue(code.Trim(), out var i) ? i : -1;

    /// <summary>考核系数 — the band with the highest minimum score not above <paramref name="score"/> (0 when none).</summary>
    /// <param name="score">The score.</param>
    /// <returns>The coefficient.</returns>
    public Coefficient AssessmentCoefficientFor(decimal score) => new(Band(AssessmentCoefficients, score));

    /// <summary>保证金返还比例 — the share of the deposit released for a score.</summary>
    /// <param name="score">The score.</param>
    /// <returns>The share.</returns>
    public Ratio DepositReleaseFor(decimal score) => new(Band(DepositRelease, score));

    /// <summary>Checks the policy; every issue names its JSON field path (e.g. <c>classes[1].standard</c>).</summary>
    /// <returns>The errors found (empty when valid).</returns>
    public IReadOnlyList<Validation.ValidationIssue> Validate() => CapitationPolicyValidation.Check(this);

    internal static decimal Band(IReadOnlyList<ScoreBand> bands, decimal score)
    {
        ScoreBand? best = null;
        foreach (var band in bands)
        {
            if (band.MinScore <= score && (best is null || band.MinScore > best.MinScore))
            {
                best = band;
            }
        }

        return best?.Value ?? 0m;
    }
}
