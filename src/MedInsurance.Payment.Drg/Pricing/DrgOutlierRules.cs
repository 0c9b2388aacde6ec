using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using MedInsurance.Payment.Cases;

namespace MedInsurance.Payment.Drg.Pricing;

/// <summary>
/// 异常病例规则 — the low, high, extreme and incomplete-stay rules of a region as data (payment-rules.md §2: no national
/// number; the Zhejiang, Jinhua and 2025 handling-rule forms are all expressible), and the one place a priced case is
/// classified and paid by them.
/// </summary>
/// <remarks>
/// <para><b>Classification</b> (in this order): an <i>incomplete stay</i> when the discharge type is listed and the stay
/// is at most <see cref="IncompleteStayMaxDays"/>; <i>high</i> when cost ≥ high threshold; <i>low</i> when cost &lt; low
/// threshold; otherwise <i>normal</i>. Thresholds = multiple × comparator, or the table's published 低倍/高倍临界值 when
/// <see cref="ThresholdSource"/> is <see cref="DrgThresholdSource.Table"/> and the row has them. The high multiple may be
/// banded by the group's base points (RW × point scale).</para>
/// <para><b>Payment</b> (U = the case's standard in yuan or points, r = cost ÷ comparator): standard U; by item = the
/// total cost as money; cost ratio U × r; capped U × min(r, 1); excess share U + U × (cost − high threshold) ÷ comparator
/// × share. Worked examples: docs/drg/README.md, "Outliers".</para>
/// <para><b>Special review candidates</b> (特例单议): cost ≥ <see cref="ExtremeMultiple"/> × comparator, or a stay of at
/// least <see cref="LongStayDays"/>. Flagged only; the agency decides (the settlement core takes its decisions).</para>
/// <para>Immutable and thread-safe. Callable from C# 7.3.</para>
/// </remarks>
public sealed class DrgOutlierRules
{
    private readonly OutlierThreshold[] _highBands;
    private readonly DischargeType[] _incompleteTypes;

    /// <summary>Creates the rules.</summary>
    /// <param name="comparator">比较基准 — the standard (default) or the group mean.</param>
    /// <param name="thresholdSource">界值来源 — multiples (default) or the table's published thresholds.</param>
    /// <param name="lowMultiple">低倍数 — low when cost &lt; this × comparator (e.g. 0.35); null for no low cases.</param>
    /// <param name="highBands">高倍数 — by base points ascending, the last unbounded; empty for no high cases.</param>
    /// <param name="lowPayment">低倍率病例支付 — <see cref="DrgOutlierPaymentRule.CostRatio"/> (default), by item or standard.</param>
    /// <param name="highPayment">高倍率病例支付 — <see cref="DrgOutlierPaymentRule.ExcessShare"/> (default), by item or standard.</param>
    /// <param name="highExcessShare">超出部分支付比例 — share of the excess paid (default 1), in [0, 1].</param>
    /// <param name="extremeMultiple">极端费用倍数 — flags special-review candidates; null for none.</param>
    /// <param name="incompleteStayMaxDays">未完成治疗天数 — a listed discharge within this many days is incomplete; null for none.</param>
    /// <param name="incompleteStayDischargeTypes">未完成治疗离院方式 — e.g. death and transfer to another hospital.</param>
    /// <param name="incompletePayment">未完成治疗支付 — <see cref="DrgOutlierPaymentRule.CostRatioCapped"/> (default), cost ratio, by item or standard.</param>
    /// <param name="longStayDays">超长住院天数 — a stay of at least this many days is a special-review candidate; null for none.</param>
    /// <param name="referencePointValue">参考点值 — points form with the standard comparator: yuan per point to compare cost with.</param>
    /// <exception cref="ArgumentException">When a value is out of range or a payment rule does not fit its kind.</exception>
    public DrgOutlierRules(
        DrgOutlierComparator comparator = DrgOutlierComparator.Standard,
        DrgThresholdSource thresholdSource = DrgThresholdSource.Multiples,
        decimal? lowMultiple = null,
        IReadOnlyList<OutlierThreshold>? highBands = null,
        DrgOutlierPaymentRule lowPayment = DrgOutlierPaymentRule.CostRatio,
        DrgOutlierPaymentRule highPayment = DrgOutlierPaymentRule.ExcessShare,
        decimal highExcessShare = 1m,
        decimal? extremeMultiple = null,
        int? incompleteStayMaxDays = null,
        IReadOnlyList<DischargeType>? incompleteStayDischargeTypes = null,
        DrgOutlierPaymentRule incompletePayment = DrgOutlierPaymentRule.CostRatioCapped,
        int? longStayDays = null,
        PointValue? referencePointValue = null)
    {
        _highBands = (highBands ?? Array.Empty<OutlierThreshold>()).ToArray();
        _incompleteTypes = (incompleteStayDischargeTypes ?? Array.Empty<DischargeType>()).Distinct().ToArray();
        Comparator = comparator;
        ThresholdSource = thresholdSource;
        LowMultiple = lowMultiple;
        LowPayment = lowPayment;
        HighPayment = highPayment;
        HighExcessShare = highExcessShare;
        ExtremeMultiple = extremeMultiple;
        IncompleteStayMaxDays = incompleteStayMaxDays;
        IncompletePayment = incompletePayment;
        LongStayDays = longStayDays;
        ReferencePointValue = referencePointValue;
        var problems = Problems(lowMultiple, lowPayment, highPayment, highExcessShare, extremeMultiple, incompleteStayMaxDays, incompletePayment, longStayDays, referencePointValue)
            .Concat(BandProblems()).Distinct().ToList();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems));
        }
    }

    /// <summary>比较基准.</summary>
    public DrgOutlierComparator Comparator { get; }

    /// <summary>界值来源.</summary>
    public DrgThresholdSource ThresholdSource { get; }

    /// <summary>低倍数, or null.</summary>
    public decimal? LowMultiple { get; }

    /// <summary>高倍数分段 — by base points, ascending.</summary>
    public IReadOnlyList<OutlierThreshold> HighBands => _highBands;

    /// <summary>低倍率病例支付规则.</summary>
    public DrgOutlierPaymentRule LowPayment { get; }

    /// <summary>高倍率病例支付规则.</summary>
    public DrgOutlierPaymentRule HighPayment { get; }

    /// <summary>超出部分支付比例.</summary>
    public decimal HighExcessShare { get; }

    /// <summary>极端费用倍数, or null.</summary>
    public decimal? ExtremeMultiple { get; }

    /// <summary>未完成治疗天数, or null.</summary>
    public int? IncompleteStayMaxDays { get; }

    /// <summary>未完成治疗离院方式.</summary>
    public IReadOnlyList<DischargeType> IncompleteStayDischargeTypes => _incompleteTypes;

    /// <summary>未完成治疗支付规则.</summary>
    public DrgOutlierPaymentRule IncompletePayment { get; }

    /// <summary>超长住院天数, or null.</summary>
    public int? LongStayDays { get; }

    /// <summary>参考点值 (points form, standard comparator), or null.</summary>
    public PointValue? ReferencePointValue { get; }

    /// <summary>The high multiple for a group with <paramref name="basePoints"/> (RW × point scale); null when no band applies.</summary>
    /// <param name="basePoints">The group's base points.</param>
    /// <returns>The multiple, or null.</returns>
    public decimal? HighMultipleFor(decimal basePoints)
    {
        foreach (var band in _highBands)
        {
            if (band.UpToBasePoints is null || basePoints <= band.UpToBasePoints.Value)
            {
                return band.HighMultiple;
            }
        }

        return null;
    }

    /// <summary>Classifies a priced case and computes its payment (the one place these formulas live).</summary>
    /// <param name="standard">U — the case's standard in the policy's unit (yuan or points).</param>
    /// <param name="isMoneyForm">Whether <paramref name="standard"/> is yuan.</param>
    /// <param name="comparator">比较基准 — yuan, positive.</param>
    /// <param name="cost">医疗总费用 — the case's total cost.</param>
    /// <param name="basePoints">The group's base points (RW × point scale), for banded high multiples.</param>
    /// <param name="tableLow">The table's low threshold at the priced level, or null.</param>
    /// <param name="tableHigh">The table's high threshold at the priced level, or null.</param>
    /// <param name="lengthOfStay">住院天数.</param>
    /// <param name="dischargeType">离院方式.</param>
    /// <param name="moneyRounding">The rounding of a payment in yuan (at most 2 decimals).</param>
    /// <param name="pointsRounding">The rounding of a payment in points.</param>
    /// <returns>The assessment.</returns>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="comparator"/> is not positive.</exception>
    public DrgOutlierAssessment Assess(
        decimal standard,
        bool isMoneyForm,
        decimal comparator,
        Money cost,
        decimal basePoints,
        decimal? tableLow,
        decimal? tableHigh,
        int lengthOfStay,
        DischargeType dischargeType,
        RoundingRule moneyRounding,
        RoundingRule pointsRounding)
    {
        if (comparator <= 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(comparator), "The comparator must be positive.");
        }

        var yuan = cost.Yuan;
        var ratio = yuan / comparator;
        var useTable = ThresholdSource == DrgThresholdSource.Table;
        decimal? low = useTable && tableLow is { } tl ? tl : LowMultiple is { } lm ? lm * comparator : null;
        decimal? high = useTable && tableHigh is { } th ? th : HighMultipleFor(basePoints) is { } hm ? hm * comparator : null;
        var candidate = (ExtremeMultiple is { } em && yuan >= em * comparator) || (LongStayDays is { } ld && lengthOfStay >= ld);

        DrgCaseKind kind;
        DrgOutlierPaymentRule rule;
        if (IncompleteStayMaxDays is { } maxDays && lengthOfStay <= maxDays && Array.IndexOf(_incompleteTypes, dischargeType) >= 0)
        {
            kind = DrgCaseKind.IncompleteStay;
            rule = IncompletePayment;
        }
        else if (high is { } h && yuan >= h)
        {
            kind = DrgCaseKind.High;
            rule = HighPayment;
        }
        else if (low is { } l && yuan < l)
        {
            kind = DrgCaseKind.Low;
            rule = LowPayment;
        }
        else
        {
            kind = DrgCaseKind.Normal;
            rule = DrgOutlierPaymentRule.Standard;
        }

        var isMoney = isMoneyForm || rule == DrgOutlierPaymentRule.ByItem;
        decimal exact;
        string how;
        switch (rule)
        {
            case DrgOutlierPaymentRule.ByItem:
                exact = yuan;
                how = "按项目 " + N(yuan);
                break;
            case DrgOutlierPaymentRule.CostRatio:
                exact = standard * ratio;
                how = N(standard) + " × " + N(yuan) + " ÷ " + N(comparator);
                break;
            case DrgOutlierPaymentRule.CostRatioCapped:
                exact = standard * Math.Min(ratio, 1m);
                how = N(standard) + " × min(" + N(yuan) + " ÷ " + N(comparator) + ", 1)";
                break;
            case DrgOutlierPaymentRule.ExcessShare:
                exact = standard + (standard * (yuan - high!.Value) / comparator * HighExcessShare);
                how = N(standard) + " + " + N(standard) + " × (" + N(yuan) + " − " + N(high.Value) + ") ÷ " + N(comparator) + " × " + N(HighExcessShare);
                break;
            default:
                exact = standard;
                how = "标准 " + N(standard);
                break;
        }

        var payment = (isMoney ? moneyRounding : pointsRounding).Round(exact);
        var formula = "倍率 " + N(yuan) + " ÷ " + N(comparator) + " = " + ratio.ToString("0.0000", CultureInfo.InvariantCulture)
            + (low is { } lo ? "；低倍界值 " + N(Round2(lo)) : string.Empty)
            + (high is { } hi ? "；高倍界值 " + N(Round2(hi)) : string.Empty)
            + "；" + KindName(kind) + "：" + how + " = " + N(payment)
            + (candidate ? "；特例单议候选" : string.Empty);
        return new DrgOutlierAssessment(kind, rule, comparator, ratio, low, high, payment, isMoney, candidate, formula);
    }

    private static IEnumerable<string> Problems(
        decimal? lowMultiple,
        DrgOutlierPaymentRule lowPayment,
        DrgOutlierPaymentRule highPayment,
        decimal highExcessShare,
        decimal? extremeMultiple,
        int? incompleteStayMaxDays,
        DrgOutlierPaymentRule incompletePayment,
        int? longStayDays,
        PointValue? referencePointValue)
    {
        if (lowMultiple is <= 0m or >= 1m)
        {
            yield return "The low multiple is in (0, 1).";
        }

        if (lowPayment is not (DrgOutlierPaymentRule.CostRatio or DrgOutlierPaymentRule.ByItem or DrgOutlierPaymentRule.Standard))
        {
            yield return "A low case is paid by cost ratio, by item or at the standard.";
        }

        if (highPayment is not (DrgOutlierPaymentRule.ExcessShare or DrgOutlierPaymentRule.ByItem or DrgOutlierPaymentRule.Standard))
        {
            yield return "A high case is paid by excess share, by item or at the standard.";
        }

        if (highExcessShare is < 0m or > 1m)
        {
            yield return "The high excess share is in [0, 1].";
        }

        if (incompletePayment == DrgOutlierPaymentRule.ExcessShare)
        {
            yield return "An incomplete stay is paid by cost ratio (capped or not), by item or at the standard.";
        }

        if (incompleteStayMaxDays is < 0 || longStayDays is <= 0)
        {
            yield return "Incomplete-stay days are at least 0 and long-stay days at least 1.";
        }

        if (referencePointValue is { } pv && pv.Yuan <= 0m)
        {
            yield return "The reference point value is positive.";
        }
    }

    /// <summary>The high bands' problems: multiples above 1 (and the low multiple), ascending, only the last unbounded.</summary>
    private IEnumerable<string> BandProblems()
    {
        for (var i = 0; i < _highBands.Length; i++)
        {
            var band = _highBands[i];
            if (band.HighMultiple <= 1m || (LowMultiple is { } lm && band.HighMultiple <= lm))
            {
                yield return "A high multiple is above 1.";
            }

            if (band.UpToBasePoints is null && i < _highBands.Length - 1)
            {
                yield return "Only the last high band is unbounded.";
            }

            if (i > 0 && band.UpToBasePoints is { } up && _highBands[i - 1].UpToBasePoints is { } before && up <= before)
            {
                yield return "High bands are in ascending base points.";
            }
        }

        if (ExtremeMultiple is { } em && _highBands.Any(b => em <= b.HighMultiple))
        {
            yield return "The extreme multiple is above every high multiple.";
        }
    }

    private static decimal Round2(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);

    private static string KindName(DrgCaseKind kind) => kind switch
    {
        DrgCaseKind.Low => "低倍率病例",
        DrgCaseKind.High => "高倍率病例",
        DrgCaseKind.IncompleteStay => "未完成治疗病例",
        _ => "正常病例",
    };

    private static string N(decimal value) => value.ToString("0.##########", CultureInfo.InvariantCulture);
}
