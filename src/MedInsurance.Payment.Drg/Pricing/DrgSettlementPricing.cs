using System;
using System.Collections.Generic;
using MedInsurance.Payment.Cases;
using MedInsurance.Payment.Drg.Grouping;
using MedInsurance.Payment.Settlement;
using MedInsurance.Payment.Validation;

namespace MedInsurance.Payment.Drg.Pricing;

/// <summary>
/// DRG结算定价 — turns a grouped case (the settlement list plus its <see cref="DrgResult"/>) into a method-neutral
/// <see cref="SettlementLine"/> (结算行) for the settlement core: method <c>DRG</c>, basis = points in a named point
/// system, points = relative weight (权重) × hospital adjustment coefficient (医院系数). The base rate (费率) is not
/// applied here: it is the pool's point value at clearing (payment-rules.md §2, §4).
/// </summary>
/// <remarks>
/// <para><b>Points (病例点数)</b> are rounded once, at this step, by <see cref="PointsRounding"/> (default 四舍五入 to
/// 4 decimals): RW 0.9860 × coefficient 1.1 = 1.0846 points.</para>
/// <para><b>The line</b>: line id = case id; hospital, fund; month = the discharge month; total cost, patient paid; the
/// item-based fund amount (按项目统筹基金支付) is <see cref="CostBreakdown.FundPaid"/>, except that a fund amount of
/// zero on a case whose total cost is positive is taken as <i>not reported</i> and written as unknown (null), so risk
/// sharing says it cannot apply instead of comparing with a false zero; audit deduction 0 and special review none
/// (the agency decides both later).</para>
/// <para><b>No line</b> — with every reason that applies, as errors of <see cref="DrgPricingIssueCodes"/> naming the field —
/// when the case is not grouped (rejected input, 0000, QY ambiguous), its DRG has no weight or a blank one, it has no
/// discharge date or one outside the regional table's effective dates, no hospital id, an unknown hospital, a hospital whose row failed validation (<see cref="DrgHospitalTerms.Invalid(string)"/>), a coefficient outside (0, 10], or a negative cost. Messages
/// never repeat patient values (diagnoses, ages, costs).</para>
/// <para><b>With a pricing policy</b> (<see cref="DrgSettlementPricing(DrgRegionalTable, DrgPricingPolicy)"/>) the case
/// is priced at its hospital's level and its fund: the standard of <see cref="DrgStandardPolicy"/> (yuan in the money
/// form, RW × scale × coefficient points in the point form), then the policy's <see cref="DrgOutlierRules"/> (low, high,
/// incomplete stay, special-review candidates); the line's basis is money (money form, or a case paid by item) or points,
/// in the policy's point system. A money line carries the fund's part, <see cref="FundShareOfPayment"/> (the case payment
/// less the patient's share), as the settlement core pays money lines as computed. <see cref="DrgPricingResult.Standard"/> and <see cref="DrgPricingResult.Outlier"/> say
/// which rule applied, with the numbers.</para>
/// <para>Pure: an instance holds its own copy of the weight table; it is immutable and thread-safe. Callable from
/// C# 7.3.</para>
/// </remarks>
public sealed class DrgSettlementPricing
{
    /// <summary>默认点数体系 — the default point system of DRG lines: <c>DRG</c>.</summary>
    public const string DefaultPointSystem = SettlementMethods.Drg;

    /// <summary>默认点数小数位 — points keep 4 decimals by default.</summary>
    public const int DefaultPointDecimals = 4;

    private const decimal MaxCoefficient = 10m;

    private readonly Dictionary<string, RelativeWeight> _weights;
    private readonly DrgRegionalTable? _table;

    /// <summary>Creates a pricing over a weight table, in the <c>DRG</c> point system, points 四舍五入 to 4 decimals.</summary>
    /// <param name="weights">权重表 — relative weight by DRG code (<see cref="DrgWeightTable"/>; 0 = listed without a weight).</param>
    /// <exception cref="ArgumentNullException">When <paramref name="weights"/> is null.</exception>
    public DrgSettlementPricing(IReadOnlyDictionary<string, RelativeWeight> weights)
        : this(weights, DefaultPointSystem, new RoundingRule(RoundingMode.HalfAwayFromZero, DefaultPointDecimals))
    {
    }

    /// <summary>Creates a pricing over a weight table in a named point system with a stated points rounding.</summary>
    /// <param name="weights">权重表 — relative weight by DRG code (<see cref="DrgWeightTable"/>; 0 = listed without a weight).</param>
    /// <param name="pointSystem">点数体系 — the point system the lines belong to (e.g. <c>DRG</c>); null or blank for the policy's only one.</param>
    /// <param name="pointsRounding">点数舍入规则 — the rule of the one rounding step, RW × coefficient → points.</param>
    /// <exception cref="ArgumentNullException">When <paramref name="weights"/> is null.</exception>
    public DrgSettlementPricing(IReadOnlyDictionary<string, RelativeWeight> weights, string? pointSystem, RoundingRule pointsRounding)
    {
        if (weights is null)
        {
            throw new ArgumentNullException(nameof(weights));
        }

        _weights = new Dictionary<string, RelativeWeight>(StringComparer.Ordinal);
        foreach (var pair in weights)
        {
            _weights.Add(pair.Key, pair.Value);
        }

        PointSystem = string.IsNullOrWhiteSpace(pointSystem) ? null : pointSystem!.Trim();
        PointsRounding = pointsRounding;
    }

    /// <summary>
    /// Creates a pricing over a regional table's weights without a policy (points = RW × hospital coefficient), keeping
    /// the table's effective dates: a case discharged outside them is not priced (<see cref="DrgPricingIssueCodes.TableNotInForce"/>).
    /// </summary>
    /// <param name="table">地区DRG分组方案表 — weights and effective dates.</param>
    /// <param name="pointSystem">点数体系 — the point system the lines belong to; null or blank for the settlement policy's only one.</param>
    /// <param name="pointsRounding">点数舍入规则 — the rule of the one rounding step, RW × coefficient → points.</param>
    /// <exception cref="ArgumentNullException">When <paramref name="table"/> is null.</exception>
    public DrgSettlementPricing(DrgRegionalTable table, string? pointSystem, RoundingRule pointsRounding)
        : this((table ?? throw new ArgumentNullException(nameof(table))).Weights, pointSystem, pointsRounding)
    {
        _table = table;
    }

    /// <summary>Creates a pricing by a regional table and a pricing policy (standards by fund and level, outliers).</summary>
    /// <param name="table">地区DRG分组方案表 — weights, flags and per-level values.</param>
    /// <param name="policy">DRG定价政策.</param>
    /// <exception cref="ArgumentNullException">When an argument is null.</exception>
    public DrgSettlementPricing(DrgRegionalTable table, DrgPricingPolicy policy)
        : this((table ?? throw new ArgumentNullException(nameof(table))).Weights, (policy ?? throw new ArgumentNullException(nameof(policy))).PointSystem, policy.PointsRounding)
    {
        _table = table;
        Policy = policy;
    }

    /// <summary>DRG定价政策 — the policy this pricing applies, or null for points = RW × hospital coefficient.</summary>
    public DrgPricingPolicy? Policy { get; }

    /// <summary>点数体系 — the point system of the lines; null for the policy's only one.</summary>
    public string? PointSystem { get; }

    /// <summary>点数舍入规则 — the rule that rounds RW × coefficient to the case points.</summary>
    public RoundingRule PointsRounding { get; }

    /// <summary>病例点数 — the named rounding step: RW × hospital coefficient, rounded by <see cref="PointsRounding"/>.</summary>
    /// <param name="weight">权重 — the DRG's relative weight.</param>
    /// <param name="hospitalCoefficient">医院系数 — the hospital's adjustment coefficient.</param>
    /// <returns>The case points.</returns>
    public decimal CasePoints(RelativeWeight weight, Coefficient hospitalCoefficient) =>
        PointsRounding.Round(weight.Value * hospitalCoefficient.Value);

    /// <summary>Prices a grouped case at a given hospital coefficient.</summary>
    /// <param name="inpatientCase">医保结算清单 — the case.</param>
    /// <param name="grouping">分组结果 — the grouper's result for the same case.</param>
    /// <param name="hospitalCoefficient">医院系数 — the hospital's adjustment coefficient (<see cref="Coefficient.One"/> for none), in (0, 10].</param>
    /// <returns>The line, or the reasons there is none.</returns>
    /// <exception cref="ArgumentNullException">When an argument is null.</exception>
    /// <exception cref="ArgumentException">When <paramref name="grouping"/> is for another case id.</exception>
    /// <exception cref="InvalidOperationException">When this pricing has a policy (it prices by level: pass <see cref="DrgHospitalTerms"/>).</exception>
    public DrgPricingResult Price(InpatientCase inpatientCase, DrgResult grouping, Coefficient hospitalCoefficient) =>
        Policy is null
            ? PriceCore(inpatientCase, grouping, hospitalCoefficient, null)
            : throw new InvalidOperationException("A pricing policy prices by hospital level: pass the hospital's DrgHospitalTerms.");

    /// <summary>Prices a grouped case at its hospital's terms (level and own coefficient).</summary>
    /// <param name="inpatientCase">医保结算清单 — the case.</param>
    /// <param name="grouping">分组结果 — the grouper's result for the same case.</param>
    /// <param name="hospital">医院定价条件 — the case's hospital, or null when it is not in the hospital list.</param>
    /// <returns>The line, or the reasons there is none.</returns>
    /// <exception cref="ArgumentNullException">When the case or the grouping is null.</exception>
    /// <exception cref="ArgumentException">When <paramref name="grouping"/> is for another case id, or the terms are another hospital's.</exception>
    public DrgPricingResult Price(InpatientCase inpatientCase, DrgResult grouping, DrgHospitalTerms? hospital)
    {
        if (hospital is not null && inpatientCase is not null && !string.Equals(hospital.HospitalId, inpatientCase.HospitalId, StringComparison.Ordinal))
        {
            throw new ArgumentException("The hospital terms are for another hospital.", nameof(hospital));
        }

        return PriceCore(inpatientCase!, grouping, hospital is null ? null : hospital.Coefficient ?? Coefficient.One, hospital);
    }

    /// <summary>Prices a grouped case, looking its hospital's terms up by the case's hospital id.</summary>
    /// <param name="inpatientCase">医保结算清单 — the case.</param>
    /// <param name="grouping">分组结果 — the grouper's result for the same case.</param>
    /// <param name="hospitals">医院定价条件 by hospital id; a hospital not in it is unknown.</param>
    /// <returns>The line, or the reasons there is none.</returns>
    /// <exception cref="ArgumentNullException">When an argument is null.</exception>
    /// <exception cref="ArgumentException">When <paramref name="grouping"/> is for another case id.</exception>
    public DrgPricingResult Price(InpatientCase inpatientCase, DrgResult grouping, IReadOnlyDictionary<string, DrgHospitalTerms> hospitals)
    {
        if (hospitals is null)
        {
            throw new ArgumentNullException(nameof(hospitals));
        }

        var hospitalId = inpatientCase?.HospitalId;
        var terms = hospitalId is { Length: > 0 } && hospitals.TryGetValue(hospitalId, out var t) ? t : null;
        return PriceCore(inpatientCase!, grouping, terms is null ? null : terms.Coefficient ?? Coefficient.One, terms);
    }

    /// <summary>Prices a grouped case, looking the hospital's coefficient up by the case's hospital id.</summary>
    /// <param name="inpatientCase">医保结算清单 — the case.</param>
    /// <param name="grouping">分组结果 — the grouper's result for the same case.</param>
    /// <param name="hospitalCoefficients">医院系数表 — adjustment coefficient by hospital id (1 for a hospital without one); a hospital not in it is unknown.</param>
    /// <returns>The line, or the reasons there is none.</returns>
    /// <exception cref="ArgumentNullException">When an argument is null.</exception>
    /// <exception cref="ArgumentException">When <paramref name="grouping"/> is for another case id.</exception>
    public DrgPricingResult Price(InpatientCase inpatientCase, DrgResult grouping, IReadOnlyDictionary<string, Coefficient> hospitalCoefficients)
    {
        if (hospitalCoefficients is null)
        {
            throw new ArgumentNullException(nameof(hospitalCoefficients));
        }

        var hospitalId = inpatientCase?.HospitalId;
        Coefficient? coefficient = hospitalId is { Length: > 0 } && hospitalCoefficients.TryGetValue(hospitalId, out var c) ? c : null;
        if (Policy is not null)
        {
            throw new InvalidOperationException("A pricing policy prices by hospital level: pass the hospitals' DrgHospitalTerms.");
        }

        return PriceCore(inpatientCase!, grouping, coefficient, null);
    }

    private DrgPricingResult PriceCore(InpatientCase inpatientCase, DrgResult grouping, Coefficient? coefficient, DrgHospitalTerms? terms)
    {
        if (inpatientCase is null)
        {
            throw new ArgumentNullException(nameof(inpatientCase));
        }

        if (grouping is null)
        {
            throw new ArgumentNullException(nameof(grouping));
        }

        if (!string.Equals(inpatientCase.CaseId, grouping.CaseId, StringComparison.Ordinal))
        {
            throw new ArgumentException("The grouping result is for another case.", nameof(grouping));
        }

        var issues = new List<ValidationIssue>();
        RelativeWeight? weight = null;
        switch (grouping.Status)
        {
            case DrgStatus.Grouped:
                if (_weights.TryGetValue(grouping.Drg, out var w))
                {
                    weight = w;
                    if (w.Value == 0m)
                    {
                        issues.Add(ValidationIssue.Error(DrgPricingIssueCodes.WeightBlank, "weight", "权重表中该DRG的权重为空", "The weight table lists the case's DRG without a weight."));
                    }
                    else if (w.Value < 0m)
                    {
                        issues.Add(ValidationIssue.Error(DrgPricingIssueCodes.WeightNegative, "weight", "该DRG的权重为负", "The weight of the case's DRG is negative."));
                    }
                }
                else
                {
                    issues.Add(ValidationIssue.Error(DrgPricingIssueCodes.WeightMissing, "weight", "权重表中没有该病例的DRG", "The case's DRG is not in the weight table."));
                }

                break;
            case DrgStatus.Ambiguous:
                issues.Add(ValidationIssue.Error(DrgPricingIssueCodes.Ambiguous, "drg", "歧义组（QY）病例无权重，不能按DRG定价", "An ambiguous (QY) case has no weight and cannot be priced by DRG."));
                break;
            case DrgStatus.Ungroupable:
                issues.Add(ValidationIssue.Error(DrgPricingIssueCodes.Ungroupable, "drg", "无法入组（0000）病例不能按DRG定价", "An ungroupable (0000) case cannot be priced by DRG."));
                break;
            default:
                issues.Add(ValidationIssue.Error(DrgPricingIssueCodes.NotGrouped, "drg", "病例数据不合格未分组，不能按DRG定价", "The case was rejected by the grouper and cannot be priced by DRG."));
                break;
        }

        if (inpatientCase.DischargeDate is not { } discharged)
        {
            issues.Add(ValidationIssue.Error(DrgPricingIssueCodes.DischargeDateMissing, "discharge_date", "缺少出院日期，无法确定结算月份", "The discharge date is missing, so the settlement month is not known."));
        }
        else if (_table is not null && !_table.InForceOn(discharged))
        {
            issues.Add(ValidationIssue.Error(DrgPricingIssueCodes.TableNotInForce, "discharge_date", "出院日期不在DRG分组方案表有效期内", "The discharge date is outside the DRG table's effective dates."));
        }
        else if (Policy is not null && !Policy.InForceOn(discharged))
        {
            issues.Add(ValidationIssue.Error(DrgPricingIssueCodes.PolicyNotInForce, "discharge_date", "出院日期不在DRG定价政策有效期内", "The discharge date is outside the DRG pricing policy's effective dates."));
        }

        if (inpatientCase.HospitalId.Length == 0)
        {
            issues.Add(ValidationIssue.Error(DrgPricingIssueCodes.HospitalMissing, "hospital_id", "缺少医疗机构代码", "The case has no hospital id."));
            coefficient = null;
        }
        else if (terms is { IsInvalid: true })
        {
            issues.Add(ValidationIssue.Error(DrgPricingIssueCodes.HospitalInvalid, "hospital_id", "医疗机构在机构清单中的行未通过校验，不能定价", "The hospital's row in the hospital list failed validation, so the case cannot be priced."));
            coefficient = null;
        }
        else if (coefficient is null)
        {
            issues.Add(ValidationIssue.Error(DrgPricingIssueCodes.HospitalUnknown, "hospital_id", "病例所属医疗机构不在机构清单中，无医院系数", "The case's hospital is not in the hospital list, so it has no coefficient."));
        }
        else if (coefficient.Value.Value <= 0m || coefficient.Value.Value > MaxCoefficient)
        {
            issues.Add(ValidationIssue.Error(DrgPricingIssueCodes.CoefficientInvalid, "coefficient", "医院系数须大于0且不超过10", "The hospital coefficient must be greater than 0 and at most 10."));
        }

        var costs = inpatientCase.Costs;
        NotNegative(costs.Total, "total_cost", issues);
        NotNegative(costs.PatientPaid, "patient_paid", issues);
        NotNegative(costs.FundPaid, "fund_paid", issues);
        if (Policy is not null && terms is { IsInvalid: false } && terms.Level is < 1 or > 3)
        {
            issues.Add(ValidationIssue.Error(DrgPricingIssueCodes.LevelUnknown, "level", "医院等级未知，无法确定费率与系数", "The hospital is not rated 1–3, so its rate and coefficient are not known."));
        }

        if (issues.Count > 0)
        {
            return new DrgPricingResult(inpatientCase.CaseId, null, weight, coefficient, issues);
        }

        if (Policy is not null)
        {
            return PriceByPolicy(inpatientCase, grouping, terms!, Policy);
        }

        var points = CasePoints(weight!.Value, coefficient!.Value);
        var line = SettlementLine.ForCase(inpatientCase, SettlementMethods.Drg, SettlementBasis.OfPoints(PointSystem, points));
        return new DrgPricingResult(inpatientCase.CaseId, line, weight, coefficient, Array.Empty<ValidationIssue>());
    }

    /// <summary>The policy path: standard at the hospital's level and the case's fund, then the outlier rules.</summary>
    private DrgPricingResult PriceByPolicy(InpatientCase inpatientCase, DrgResult grouping, DrgHospitalTerms terms, DrgPricingPolicy policy)
    {
        _table!.TryGet(grouping.Drg, out var row);
        var standard = policy.Standards.StandardFor(row, inpatientCase.Fund, terms.Level, terms.Coefficient);
        if (standard is null)
        {
            var missing = ValidationIssue.Error(DrgPricingIssueCodes.RateMissing, "rate", "定价政策没有该险种与医院等级的费率", "The pricing policy has no rate for the case's fund and hospital level.");
            return new DrgPricingResult(inpatientCase.CaseId, null, row.Weight, terms.Coefficient ?? Coefficient.One, new[] { missing });
        }

        var isMoneyForm = policy.Standards.Form == DrgPaymentForm.Money;
        var outliers = policy.Outliers;
        DrgOutlierAssessment? assessment = null;
        decimal payment;
        bool isMoney;
        if (outliers is null)
        {
            payment = (isMoneyForm ? policy.MoneyRounding : policy.PointsRounding).Round(standard.Standard);
            isMoney = isMoneyForm;
        }
        else
        {
            decimal? comparator = outliers.Comparator == DrgOutlierComparator.GroupMean
                ? row.ValueAt(DrgTableValue.MeanCost, standard.Level)
                : isMoneyForm ? standard.Standard : outliers.ReferencePointValue is { } pv ? standard.Standard * pv.Yuan : null;
            if (comparator is not { } positive || positive <= 0m)
            {
                var missing = ValidationIssue.Error(DrgPricingIssueCodes.MeanMissing, "mean_cost", "分组表没有该DRG在该等级的例均费用", "The table has no mean cost of the case's DRG at the priced level.");
                return new DrgPricingResult(inpatientCase.CaseId, null, row.Weight, standard.Coefficient, new[] { missing }, standard);
            }

            assessment = outliers.Assess(
                standard.Standard,
                isMoneyForm,
                positive,
                inpatientCase.Costs.Total,
                standard.Weight.Value * policy.Standards.PointScale,
                row.ValueAt(DrgTableValue.LowThreshold, standard.Level),
                row.ValueAt(DrgTableValue.HighThreshold, standard.Level),
                inpatientCase.LengthOfStayDays,
                inpatientCase.DischargeType,
                policy.MoneyRounding,
                policy.PointsRounding);
            payment = assessment.Payment;
            isMoney = assessment.IsMoney;
        }

        var basis = isMoney
            ? SettlementBasis.OfMoney(FundShareOfPayment(Money.FromYuan(payment), inpatientCase.Costs.PatientPaid), policy.PointSystem)
            : SettlementBasis.OfPoints(policy.PointSystem, payment);
        var line = SettlementLine.ForCase(inpatientCase, SettlementMethods.Drg, basis);
        return new DrgPricingResult(inpatientCase.CaseId, line, row.Weight, standard.Coefficient, Array.Empty<ValidationIssue>(), standard, assessment, payment);
    }

    /// <summary>
    /// 统筹基金支付 — the fund's part of a case paid in money: the case payment (standard, outlier payment, or the total
    /// cost by item) less what the patient paid, never below zero (payment-rules.md §2, 支付标准 − 个人支付; the settlement
    /// core pays a money line as computed).
    /// </summary>
    /// <param name="payment">病例支付 — the case payment in yuan.</param>
    /// <param name="patientPaid">个人支付.</param>
    /// <returns>The fund's amount.</returns>
    public static Money FundShareOfPayment(Money payment, Money patientPaid) => Money.Max(Money.Zero, payment - patientPaid);

    private static void NotNegative(Money amount, string field, List<ValidationIssue> issues)
    {
        if (amount.IsNegative)
        {
            issues.Add(ValidationIssue.Error(DrgPricingIssueCodes.AmountNegative, field, field + "不能为负", field + " must not be negative."));
        }
    }
}
