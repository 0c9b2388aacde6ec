using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using MedInsurance.Payment.Cases;
using MedInsurance.Payment.Validation;

namespace MedInsurance.Payment.Settlement;

/// <summary>
/// 结算政策 — a named, versioned regional policy profile holding every parameter of the budget, payment standards
/// and the settlement cycle: method, value method, pools with budgets and fund payment ratios, advance ratio,
/// quality deposit rate, risk-sharing bands, assessment bands and the rounding rule of each named step.
/// </summary>
/// <remarks>
/// Load one with <see cref="SettlementPolicyLoader"/> (JSON) or build it in code; check it with <see cref="Validate"/>.
/// Immutable and thread-safe.
/// </remarks>
public sealed record SettlementPolicy
{
    /// <summary>The quality deposit cap of the 2025 handling rules (按病种付费经办规程 2025: 不超过5%).</summary>
    public const decimal DepositCap2025 = 0.05m;

    /// <summary>政策编号 — the profile id, e.g. <c>example-dip-2025</c>.</summary>
    public required string Id { get; init; }

    /// <summary>版本 — the profile version.</summary>
    public required string Version { get; init; }

    /// <summary>名称 — a human-readable name.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>年度 — the settlement year.</summary>
    public int Year { get; init; }

    /// <summary>规则版本 — the national rule edition the profile follows (e.g. <c>2025</c>); 2025 and later cap the deposit at 5%.</summary>
    public int RuleEdition { get; init; } = 2025;

    /// <summary>点值/费率方法 — fixed, floating or elastic: the default of every pool that names none.</summary>
    public ValueMethod ValueMethod { get; init; } = ValueMethod.Floating;

    /// <summary>应付形式 — patients' share deducted, or × fund payment ratio.</summary>
    public PayableForm PayableForm { get; init; } = PayableForm.PatientShareDeducted;

    /// <summary>支付单元精度 — decimals kept for case weights and scores (0–6); more are rounded by the <see cref="RoundingStep.Units"/> rule.</summary>
    public int UnitDecimals { get; init; } = 4;

    /// <summary>资金池 — one pool for all funds, or one per fund (职工/居民).</summary>
    public IReadOnlyList<FundPool> Pools { get; init; } = [];

    /// <summary>预拨比例 — the monthly pre-settlement ratio (e.g. 0.9).</summary>
    public Ratio AdvanceRatio { get; init; } = new(0.9m);

    /// <summary>质量保证金比例 — the share of the monthly amount withheld as quality deposit (≤ 5% under the 2025 rules); 0 with <see cref="DepositForm.UnpaidRemainder"/>.</summary>
    public Ratio QualityDepositRate { get; init; }

    /// <summary>质量保证金形式 — withheld from the advance, or the unpaid remainder itself (payment-rules.md §5).</summary>
    public DepositForm DepositForm { get; init; } = DepositForm.WithheldFromAdvance;

    /// <summary>预付周转金月数 — the working advance in months of last year's fund payments (about one month).</summary>
    public decimal WorkingAdvanceMonths { get; init; } = 1m;

    /// <summary>
    /// 特例单议比例上限 — per method code, the cap on approved special-review lines as a share of the <b>pooling region's</b>
    /// lines of that method (2025 interim measures: DRG 5%; DIP 3.0 draft ch. 6 §2: DIP 5‰, "不能以每家医疗机构的病例数为基数计算").
    /// A method not listed has no special review: approvals on its lines are reported and paid by their basis.
    /// </summary>
    public IReadOnlyDictionary<string, Ratio> SpecialReviewCaps { get; init; } = new Dictionary<string, Ratio>(System.StringComparer.Ordinal)
    {
        [Settlement.SettlementMethods.Drg] = new(0.05m),
        [Settlement.SettlementMethods.Dip] = new(0.005m),
    };

    /// <summary>
    /// 合理服务量比例 — for the elastic method, the share of a hospital's last-year points taken as its base points when no
    /// base points are given (DIP 3.0 draft ch. 4 §3: "基准部分以上一年度医疗机构合理服务量为基础折算确定基准服务点数"); 1 by default.
    /// </summary>
    public Ratio ElasticLastYearShare { get; init; } = new(1m);

    /// <summary>结余留用、合理超支分担 — the risk-sharing bands.</summary>
    public RiskSharingRule RiskSharing { get; init; } = new();

    /// <summary>考核系数区间 — assessment score → assessment coefficient.</summary>
    public IReadOnlyList<ScoreBand> AssessmentCoefficients { get; init; } = [new ScoreBand(0m, 1m)];

    /// <summary>保证金返还区间 — assessment score → share of the quality deposit released.</summary>
    public IReadOnlyList<ScoreBand> DepositRelease { get; init; } = [new ScoreBand(0m, 1m)];

    /// <summary>
    /// 全区域点数法折算 — money lines converted into points of a pool (outpatient capitation, fee for service, consortium …),
    /// each at its documented conversion value; empty when every money line is paid as computed.
    /// </summary>
    public IReadOnlyList<PointConversion> PointConversions { get; init; } = [];

    /// <summary>The conversion rule of a money line of <paramref name="method"/> and <paramref name="fund"/>: a rule for that
    /// fund before a rule for every fund.</summary>
    /// <param name="method">The line's method code (normalised).</param>
    /// <param name="fund">The line's fund.</param>
    /// <returns>The rule's index in <see cref="PointConversions"/>, or −1 when the line is not converted.</returns>
    public int PointConversionIndexOf(string method, InsuranceFund fund)
    {
        var any = -1;
        for (var i = 0; i < PointConversions.Count; i++)
        {
            var rule = PointConversions[i];
            if (rule.Converts(method, fund))
            {
                if (rule.Fund is not null)
                {
                    return i;
                }

                any = any < 0 ? i : any;
            }
        }

        return any;
    }

    /// <summary>舍入规则 — the rule of each named step; steps not listed use <see cref="RoundingRule.Default"/> (money) or stay exact (values).</summary>
    public IReadOnlyDictionary<RoundingStep, RoundingRule> Rounding { get; init; } = new Dictionary<RoundingStep, RoundingRule>();

    /// <summary>The rounding rule of a money step (the profile's, or 四舍五入 to the fen).</summary>
    /// <param name="step">The step.</param>
    /// <returns>The rule.</returns>
    public RoundingRule MoneyRule(RoundingStep step) => Rounding.TryGetValue(step, out var rule) ? rule : RoundingRule.Default;

    /// <summary>The rounding rule of a value step, or null when the value stays exact.</summary>
    /// <param name="step">The step.</param>
    /// <returns>The rule or null.</returns>
    public RoundingRule? ValueRule(RoundingStep step) => Rounding.TryGetValue(step, out var rule) ? rule : null;

    /// <summary>The pool that settles points of <paramref name="fund"/> in <paramref name="pointSystem"/>.</summary>
    /// <param name="fund">The fund.</param>
    /// <param name="pointSystem">The point system, or null/empty for the policy's only one.</param>
    /// <returns>The pool index, or −1.</returns>
    public int PoolIndexOf(InsuranceFund fund, string? pointSystem)
    {
        if (string.IsNullOrEmpty(pointSystem))
        {
            var systems = Pools.Select(p => p.PointSystem).Distinct(System.StringComparer.OrdinalIgnoreCase).Count();
            if (systems != 1)
            {
                return -1;
            }

            pointSystem = Pools[0].PointSystem;
        }

        for (var i = 0; i < Pools.Count; i++)
        {
            if (Pools[i].Covers(fund, pointSystem!))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The value method of pool <paramref name="index"/>: its own, or the policy's.</summary>
    /// <param name="index">The pool index.</param>
    /// <returns>The value method.</returns>
    public ValueMethod ValueMethodOf(int index) => Pools[index].ValueMethod ?? ValueMethod;

    /// <summary>预拨条款 — the monthly advance and deposit terms of this policy, for the monthly step used on its own.</summary>
    public AdvanceTerms AdvanceTerms => new(AdvanceRatio, QualityDepositRate, DepositForm, MoneyRule(RoundingStep.MonthlyPreSettlement), MoneyRule(RoundingStep.QualityDeposit));

    /// <summary>考核系数 — the assessment coefficient for a score: the band with the highest <see cref="ScoreBand.MinScore"/> not above it.</summary>
    /// <param name="score">The assessment score.</param>
    /// <returns>The coefficient.</returns>
    public Coefficient AssessmentCoefficientFor(decimal score) => new(Band(AssessmentCoefficients, score));

    /// <summary>保证金返还比例 — the share of the deposit released for a score.</summary>
    /// <param name="score">The assessment score.</param>
    /// <returns>The share.</returns>
    public Ratio DepositReleaseFor(decimal score) => new(Band(DepositRelease, score));

    private static decimal Band(IReadOnlyList<ScoreBand> bands, decimal score)
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

    /// <summary>
    /// Checks the profile: ratios in range, pools, bands ascending, and — under rule edition 2025 or later — the
    /// quality deposit rate at most 5% (按病种付费经办规程 2025, 质量保证金不超过5%).
    /// </summary>
    /// <returns>The issues found; errors make the profile unusable.</returns>
    public IReadOnlyList<ValidationIssue> Validate()
    {
        var issues = new List<ValidationIssue>();
        void Error(string code, string field, string zh, string en) => issues.Add(ValidationIssue.Error(code, field, zh, en));

        if (UnitDecimals is < 0 or > 6)
        {
            Error(PolicyIssueCodes.ValueOutOfRange, "unitDecimals", "支付单元精度须在0–6之间", "unitDecimals must be between 0 and 6.");
        }

        if (Rounding.TryGetValue(RoundingStep.Units, out var unitsRule) && unitsRule.Decimals > UnitDecimals)
        {
            Error(PolicyIssueCodes.ValueOutOfRange, "rounding.units", "支付单元舍入位数不能超过支付单元精度", "The units rounding rule must not keep more decimals than unitDecimals.");
        }

        foreach (var step in Rounding.Keys.Where(k => k is not (RoundingStep.Units or RoundingStep.UnitValue)))
        {
            if (Rounding[step].Decimals > 2)
            {
                Error(PolicyIssueCodes.ValueOutOfRange, "rounding." + step, "金额舍入最多保留两位小数（分）", "Money is rounded to the fen or coarser (at most 2 decimals).");
            }
        }

        CheckShare(AdvanceRatio, "advanceRatio", allowZero: false);
        CheckShare(QualityDepositRate, "qualityDepositRate", allowZero: true);
        CheckShare(ElasticLastYearShare, "elastic.lastYearShare", allowZero: false, max: 2m);
        if (DepositForm == DepositForm.WithheldFromAdvance)
        {
            if (RuleEdition >= 2025 && QualityDepositRate.Value > DepositCap2025)
            {
                Error(
                    PolicyIssueCodes.DepositAbove2025Cap,
                    "qualityDepositRate",
                    "质量保证金比例" + Pct(QualityDepositRate) + "超过2025年经办规程上限5%",
                    "The quality deposit rate " + Pct(QualityDepositRate) + " exceeds the 5% cap of the 2025 handling rules.");
            }

            if (QualityDepositRate.Value > AdvanceRatio.Value)
            {
                Error(PolicyIssueCodes.ValueOutOfRange, "qualityDepositRate", "保证金比例不能超过预拨比例", "qualityDepositRate cannot exceed advanceRatio: the deposit is withheld from the advance.");
            }
        }
        else
        {
            if (QualityDepositRate.Value != 0m)
            {
                Error(PolicyIssueCodes.ValueOutOfRange, "qualityDepositRate", "“未拨部分即保证金”形式下保证金比例由预拨比例决定，须为0", "With the unpaid-remainder form the deposit is 1 − advanceRatio; qualityDepositRate must be 0.");
            }

            if (AdvanceRatio.Value == 1m)
            {
                Error(PolicyIssueCodes.ValueOutOfRange, "advanceRatio", "“未拨部分即保证金”形式要求预拨比例小于1", "The unpaid-remainder form needs an advance ratio below 1.");
            }

            if (RuleEdition >= 2025 && 1m - AdvanceRatio.Value > DepositCap2025)
            {
                issues.Add(ValidationIssue.Warning(
                    PolicyIssueCodes.DepositAbove2025Cap,
                    "advanceRatio",
                    "未拨部分（保证金）" + Pct(new Ratio(1m - AdvanceRatio.Value)) + "超过2025年经办规程上限5%（DIP 3.0征求意见稿为10%）",
                    "The unpaid remainder held as deposit, " + Pct(new Ratio(1m - AdvanceRatio.Value)) + ", exceeds the 5% cap of the 2025 handling rules (the DIP 3.0 draft holds 10%)."));
            }
        }

        foreach (var pair in SpecialReviewCaps)
        {
            CheckShare(pair.Value, "specialReview.caps." + pair.Key, allowZero: true);
            var guideline = pair.Key == Settlement.SettlementMethods.Drg ? 0.05m : pair.Key == Settlement.SettlementMethods.Dip ? 0.005m : (decimal?)null;
            if (RuleEdition >= 2025 && guideline is { } g && pair.Value.Value > g)
            {
                issues.Add(ValidationIssue.Warning(
                    PolicyIssueCodes.SpecialReviewAbove2025Cap,
                    "specialReview.caps." + pair.Key,
                    "特例单议比例超过2025年规程原则上限（DRG 5%、DIP 5‰）",
                    "The special-review cap exceeds the 2025 rules' guideline (DRG 5%, DIP 5‰)."));
            }
        }

        if (WorkingAdvanceMonths is < 0m or > 12m)
        {
            Error(PolicyIssueCodes.ValueOutOfRange, "workingAdvanceMonths", "预付周转金月数须在0–12之间", "workingAdvanceMonths must be between 0 and 12.");
        }

        if (Pools.Count == 0)
        {
            Error(PolicyIssueCodes.PoolsInvalid, "pools", "至少需要一个资金池", "At least one pool is required.");
        }

        foreach (var system in Pools.GroupBy(p => p.PointSystem ?? string.Empty, System.StringComparer.OrdinalIgnoreCase))
        {
            if (system.Key.Trim().Length == 0)
            {
                Error(PolicyIssueCodes.PoolsInvalid, "pools.pointSystem", "资金池须指明点数体系", "Every pool needs a point system.");
            }

            if (system.Count() > 1 && system.Any(p => p.Fund is null))
            {
                Error(PolicyIssueCodes.PoolsInvalid, "pools", "点数体系" + system.Key + "中不分险种的资金池只能有一个", "In point system " + system.Key + " a pool for all funds must be the only pool.");
            }

            if (system.Where(p => p.Fund is not null).GroupBy(p => p.Fund).Any(g => g.Count() > 1))
            {
                Error(PolicyIssueCodes.PoolsInvalid, "pools", "点数体系" + system.Key + "中同一险种有多个资金池", "In point system " + system.Key + " a fund has more than one pool.");
            }
        }

        for (var i = 0; i < Pools.Count; i++)
        {
            var pool = Pools[i];
            var field = "pools[" + i.ToString(CultureInfo.InvariantCulture) + "]";
            if (pool.FundPaymentRatio.Value is <= 0m or > 1m)
            {
                Error(PolicyIssueCodes.ValueOutOfRange, field + ".fundPaymentRatio", "基金支付比例须在(0,1]之间", "fundPaymentRatio must be in (0, 1].");
            }

            var budget = pool.Budget;
            if (budget.Method == BudgetMethod.ByLastYearShare && !budget.LastYearFundSpend.IsNegative && budget.LastYearFundSpend.IsZero)
            {
                Error(PolicyIssueCodes.ValueOutOfRange, field + ".budget.lastYearFundSpend", "按上年占比测算预算需要上年基金支出大于0", "The by-last-year's-share budget needs lastYearFundSpend above 0.");
            }

            if (new[] { budget.Amount, budget.Income, budget.FundBudget, budget.LastYearSpend, budget.LastYearFundSpend }.Any(m => m.IsNegative) || budget.Deductions.Any(d => d.Amount.IsNegative))
            {
                Error(PolicyIssueCodes.ValueOutOfRange, field + ".budget", "预算金额不能为负", "Budget amounts must not be negative.");
            }

            if (ValueMethodOf(i) != ValueMethod.Floating && pool.PresetValue.Yuan == 0m)
            {
                Error(PolicyIssueCodes.ValueOutOfRange, field + ".presetValue", "固定或弹性方法需要预设点值/费率", "The fixed and elastic methods need a preset value.");
            }
        }

        CheckPointConversions();
        CheckBands(RiskSharing.Surplus, "riskSharing.surplus");
        CheckBands(RiskSharing.Overspend, "riskSharing.overspend");
        if (RiskSharing.OverspendPool is { IsNegative: true })
        {
            Error(PolicyIssueCodes.ValueOutOfRange, "riskSharing.overspendPool", "超支分担资金池不能为负", "overspendPool must not be negative.");
        }

        CheckScoreBands(AssessmentCoefficients, "assessment.coefficients", maxValue: 2m);
        CheckScoreBands(DepositRelease, "assessment.depositRelease", maxValue: 1m);
        return issues;

        void CheckPointConversions()
        {
            for (var i = 0; i < PointConversions.Count; i++)
            {
                var rule = PointConversions[i];
                var field = "pointConversions[" + i.ToString(CultureInfo.InvariantCulture) + "]";
                if (SpecialReviewCaps.ContainsKey(rule.Method))
                {
                    Error(PolicyIssueCodes.PointConversionInvalid, field + ".method", "设有特例单议的支付方式按点数结算，不折算", "A method with special review is settled in points; its money lines are not converted.");
                }

                if (PointConversions.Take(i).Any(r => r.Method == rule.Method && r.Fund == rule.Fund))
                {
                    Error(PolicyIssueCodes.PointConversionInvalid, field, "同一支付方式、险种的折算规则重复", "Another conversion rule has the same method and fund.");
                }

                var funds = rule.Fund is { } f ? new[] { f } : new[] { InsuranceFund.Employee, InsuranceFund.Resident };
                if (!Pools.Any(p => string.Equals(p.PointSystem, rule.PointSystem, System.StringComparison.OrdinalIgnoreCase)) || funds.Any(f => PoolIndexOf(f, rule.PointSystem) < 0))
                {
                    Error(PolicyIssueCodes.PointConversionInvalid, field + ".pointSystem", "没有结算该点数体系（及险种）的资金池", "No pool settles this point system for the rule's fund(s).");
                }

                if (!PointConversionFormulas.IsExactToTheFen(rule.ConversionValue, UnitDecimals))
                {
                    Error(
                        PolicyIssueCodes.PointConversionInvalid,
                        field + ".conversionValue",
                        "折算点值过大：按支付单元精度保留的点数换回金额不能精确到分，请提高 unitDecimals",
                        "The conversion value is too large for unitDecimals: points kept at that precision do not convert back to the fen; raise unitDecimals.");
                }
            }
        }

        void CheckShare(Ratio ratio, string field, bool allowZero, decimal max = 1m)
        {
            if (ratio.Value > max || ratio.Value < 0m || (!allowZero && ratio.Value == 0m))
            {
                var range = max.ToString("0.##", CultureInfo.InvariantCulture);
                Error(PolicyIssueCodes.ValueOutOfRange, field, field + "须在0–" + range + "之间", field + " must be between 0 and " + range + ".");
            }
        }

        void CheckBands(IReadOnlyList<RiskSharingBand> bands, string field)
        {
            for (var i = 1; i < bands.Count; i++)
            {
                if (bands[i].Share > bands[i - 1].Share)
                {
                    issues.Add(ValidationIssue.Warning(
                        PolicyIssueCodes.BandSharesIncrease,
                        field + "[" + i.ToString(CultureInfo.InvariantCulture) + "].share",
                        "分担比例逐档上升，医院支付可能随分值增加而减少",
                        "A band share rises from the band below: a hospital's payment may then fall when its points rise."));
                }
            }

            decimal previous = 0m;
            for (var i = 0; i < bands.Count; i++)
            {
                var band = bands[i];
                var at = field + "[" + i.ToString(CultureInfo.InvariantCulture) + "]";
                if (band.Share.Value is < 0m or > 1m)
                {
                    Error(PolicyIssueCodes.BandsInvalid, at + ".share", "分担比例须在0–1之间", "A band share must be between 0 and 1.");
                }

                if (band.UpTo is null && i != bands.Count - 1)
                {
                    Error(PolicyIssueCodes.BandsInvalid, at + ".upTo", "无上限的区间必须是最后一个", "Only the last band may be unbounded.");
                }

                if (band.UpTo is { } upTo)
                {
                    if (upTo.Value <= previous)
                    {
                        Error(PolicyIssueCodes.BandsInvalid, at + ".upTo", "区间上限须递增且大于0", "Band bounds must be positive and ascending.");
                    }

                    previous = upTo.Value;
                }
            }
        }

        void CheckScoreBands(IReadOnlyList<ScoreBand> bands, string field, decimal? maxValue)
        {
            if (bands.Count == 0 || bands.All(b => b.MinScore > 0m))
            {
                Error(PolicyIssueCodes.BandsInvalid, field, "得分区间须覆盖0分", "The score bands must cover a score of 0.");
            }

            if (bands.GroupBy(b => b.MinScore).Any(g => g.Count() > 1))
            {
                Error(PolicyIssueCodes.BandsInvalid, field, "得分区间下限重复", "Two score bands start at the same score.");
            }

            if (bands.Any(b => b.MinScore is < 0m or > 100m))
            {
                Error(PolicyIssueCodes.BandsInvalid, field, "考核得分区间下限须在0–100之间", "A band's minimum score must be between 0 and 100.");
            }

            if (bands.Any(b => b.Value < 0m || (maxValue is { } max && b.Value > max)))
            {
                Error(PolicyIssueCodes.BandsInvalid, field, "区间取值超出范围", "A band value is out of range.");
            }
        }
    }

    private static string Pct(Ratio ratio) => ratio.Percent.ToString("0.##", CultureInfo.InvariantCulture) + "%";
}

/// <summary>政策问题代码 — stable codes of problems in a policy profile.</summary>
public static class PolicyIssueCodes
{
    /// <summary>支付方式无效 — the legacy <c>method</c> field is not DRG or DIP.</summary>
    public const string MethodInvalid = "POLICY_METHOD_INVALID";

    /// <summary>参数超出范围 — a parameter is out of range.</summary>
    public const string ValueOutOfRange = "POLICY_VALUE_OUT_OF_RANGE";

    /// <summary>质量保证金比例超过2025年规程上限5% — the deposit rate exceeds the 5% cap of the 2025 rules.</summary>
    public const string DepositAbove2025Cap = "POLICY_DEPOSIT_ABOVE_2025_CAP";

    /// <summary>资金池设置无效 — the pools are inconsistent.</summary>
    public const string PoolsInvalid = "POLICY_POOLS_INVALID";

    /// <summary>区间设置无效 — bands are not ascending or out of range.</summary>
    public const string BandsInvalid = "POLICY_BANDS_INVALID";

    /// <summary>特例单议比例超过2025年规程原则上限 (warning) — the special-review cap exceeds DRG 5% / DIP 5‰.</summary>
    public const string SpecialReviewAbove2025Cap = "POLICY_SPECIAL_REVIEW_ABOVE_2025_CAP";

    /// <summary>分担比例逐档上升 (warning) — a risk-sharing band's share rises from the band below, which breaks monotone payments.</summary>
    public const string BandSharesIncrease = "POLICY_BAND_SHARES_INCREASE";

    /// <summary>JSON格式或字段无效 — the JSON cannot be read or a field is unknown.</summary>
    public const string JsonInvalid = "POLICY_JSON_INVALID";

    /// <summary>折算规则无效 — a whole-region point conversion names no pool, repeats, converts a special-review method, or
    /// its value cannot convert back to the fen at the policy's point decimals.</summary>
    public const string PointConversionInvalid = "POLICY_POINT_CONVERSION_INVALID";
}
