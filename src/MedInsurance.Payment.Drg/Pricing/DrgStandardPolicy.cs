using System;
using System.Collections.Generic;
using System.Linq;
using MedInsurance.Payment.Cases;

namespace MedInsurance.Payment.Drg.Pricing;

/// <summary>DRG费率 — one base rate, for a fund and a hospital level, or for all of either.</summary>
/// <remarks>Immutable. The most specific rate applies: fund and level, then level, then fund, then all.</remarks>
public sealed class DrgRate
{
    /// <summary>Creates a rate.</summary>
    /// <param name="fund">险种, or null for every fund.</param>
    /// <param name="level">医院等级 1–3, or null for every level.</param>
    /// <param name="rate">费率 — yuan per unit of weight.</param>
    public DrgRate(InsuranceFund? fund, int? level, PointValue rate)
    {
        if (level is < 1 or > 3)
        {
            throw new ArgumentOutOfRangeException(nameof(level), level, "A hospital level is 1, 2 or 3.");
        }

        Fund = fund;
        Level = level;
        Rate = rate;
    }

    /// <summary>险种 — the fund, or null for all.</summary>
    public InsuranceFund? Fund { get; }

    /// <summary>医院等级 — 1, 2, 3, or null for all.</summary>
    public int? Level { get; }

    /// <summary>费率 — the rate.</summary>
    public PointValue Rate { get; }
}

/// <summary>支付形式 — money (RW × rate × coefficient in yuan) or points (RW × scale × coefficient, valued at clearing).</summary>
public enum DrgPaymentForm
{
    /// <summary>金额 — the payment standard in yuan.</summary>
    Money = 0,

    /// <summary>点数法 — DRG points = RW × point scale × coefficient (Panzhihua plan), valued by the pool's point value.</summary>
    Points = 1,
}

/// <summary>DRG支付标准 — one DRG's standard at a fund and level, with everything that produced it.</summary>
/// <param name="Drg">The DRG code.</param>
/// <param name="Level">The level priced (a 基础病组 is priced at the policy's base-group level).</param>
/// <param name="Fund">The fund, or null for all.</param>
/// <param name="Weight">RW.</param>
/// <param name="Rate">The rate applied (money form), or the point scale (points form).</param>
/// <param name="Coefficient">The coefficient applied.</param>
/// <param name="Standard">支付标准 — yuan (money form) or points (points form), rounded by the policy's rule.</param>
/// <param name="LowThreshold">低倍临界值 — standard × low multiple, or null.</param>
/// <param name="HighThreshold">高倍临界值 — standard × high multiple, or null.</param>
/// <param name="Formula">The formula with its numbers.</param>
public sealed record DrgStandard(string Drg, int Level, InsuranceFund? Fund, RelativeWeight Weight, decimal Rate, Coefficient Coefficient, decimal Standard, decimal? LowThreshold, decimal? HighThreshold, string Formula);

/// <summary>
/// DRG支付标准政策 — how a region turns its table into payment standards (payment-rules.md §2): payment standard = RW ×
/// rate × coefficient, the rate by fund (职工/居民) and hospital level, the coefficient from the table's own per-level
/// column, else the hospital's, else the level's default, else 1; a 基础病组 (同病同价) priced at one named level's
/// standard for every level; the point form RW × scale × coefficient; low and high thresholds as multiples of the
/// standard; one rounding rule for published standards.
/// </summary>
/// <remarks>Immutable and thread-safe; build in code or from <c>medpay drg standards</c> options.</remarks>
public sealed class DrgStandardPolicy
{
    private readonly DrgRate[] _rates;
    private readonly Dictionary<int, Coefficient> _levelCoefficients;

    /// <summary>Creates a policy.</summary>
    /// <param name="rates">费率 — by fund and level (the most specific applies).</param>
    /// <param name="levelCoefficients">等级系数 — default coefficient per level 1–3.</param>
    /// <param name="baseGroupLevel">基础病组定价等级 — the level whose standard a 基础病组 gets at every level, or null to price them like others.</param>
    /// <param name="rounding">支付标准舍入规则 — e.g. 四舍五入 to 2 decimals.</param>
    /// <param name="form">Money or points.</param>
    /// <param name="pointScale">点数倍数 — points form: RW × scale (e.g. 100).</param>
    /// <param name="lowMultiple">低倍数 — low threshold = standard × this (e.g. 0.35), or null.</param>
    /// <param name="highMultiple">高倍数 — high threshold = standard × this (e.g. 2), or null.</param>
    public DrgStandardPolicy(
        IReadOnlyList<DrgRate> rates,
        IReadOnlyDictionary<int, Coefficient> levelCoefficients,
        int? baseGroupLevel,
        RoundingRule rounding,
        DrgPaymentForm form = DrgPaymentForm.Money,
        decimal pointScale = 100m,
        decimal? lowMultiple = null,
        decimal? highMultiple = null)
    {
        _rates = (rates ?? throw new ArgumentNullException(nameof(rates))).ToArray();
        _levelCoefficients = (levelCoefficients ?? throw new ArgumentNullException(nameof(levelCoefficients))).ToDictionary(p => p.Key, p => p.Value);
        if (_levelCoefficients.Keys.Any(l => l is < 1 or > 3) || _levelCoefficients.Values.Any(c => c.Value <= 0m))
        {
            throw new ArgumentException("Level coefficients are for levels 1–3 and positive.", nameof(levelCoefficients));
        }

        if (baseGroupLevel is < 1 or > 3)
        {
            throw new ArgumentOutOfRangeException(nameof(baseGroupLevel), baseGroupLevel, "A hospital level is 1, 2 or 3.");
        }

        if (pointScale <= 0m || lowMultiple is < 0m || highMultiple is <= 0m || (lowMultiple is { } lo && highMultiple is { } hi && lo >= hi))
        {
            throw new ArgumentException("The point scale and the high multiple must be positive, and the low multiple below the high one.");
        }

        if (form == DrgPaymentForm.Money && _rates.Length == 0)
        {
            throw new ArgumentException("The money form needs at least one rate.", nameof(rates));
        }

        BaseGroupLevel = baseGroupLevel;
        Rounding = rounding;
        Form = form;
        PointScale = pointScale;
        LowMultiple = lowMultiple;
        HighMultiple = highMultiple;
    }

    /// <summary>费率 — the rates.</summary>
    public IReadOnlyList<DrgRate> Rates => _rates;

    /// <summary>等级系数 — default coefficients by level.</summary>
    public IReadOnlyDictionary<int, Coefficient> LevelCoefficients => _levelCoefficients;

    /// <summary>基础病组定价等级 — or null.</summary>
    public int? BaseGroupLevel { get; }

    /// <summary>支付标准舍入规则.</summary>
    public RoundingRule Rounding { get; }

    /// <summary>支付形式.</summary>
    public DrgPaymentForm Form { get; }

    /// <summary>点数倍数 (points form).</summary>
    public decimal PointScale { get; }

    /// <summary>低倍数, or null.</summary>
    public decimal? LowMultiple { get; }

    /// <summary>高倍数, or null.</summary>
    public decimal? HighMultiple { get; }

    /// <summary>The rate for a fund and level: fund and level, then level, then fund, then all; null when none applies.</summary>
    /// <param name="fund">The fund, or null for "all".</param>
    /// <param name="level">The level 1–3.</param>
    /// <returns>The rate, or null.</returns>
    public PointValue? RateFor(InsuranceFund? fund, int level)
    {
        DrgRate? best = null;
        var bestRank = -1;
        foreach (var r in _rates)
        {
            if ((r.Fund is not null && r.Fund != fund) || (r.Level is not null && r.Level != level))
            {
                continue;
            }

            var rank = (r.Level is null ? 0 : 2) + (r.Fund is null ? 0 : 1);
            if (rank > bestRank)
            {
                best = r;
                bestRank = rank;
            }
        }

        return best?.Rate;
    }

    /// <summary>
    /// 支付标准 — the standard of a DRG row at a fund and level; null when the row has no weight or no rate applies.
    /// </summary>
    /// <param name="row">The table row.</param>
    /// <param name="fund">The fund, or null for all.</param>
    /// <param name="level">The hospital level 1–3.</param>
    /// <param name="hospitalCoefficient">The hospital's own coefficient, or null.</param>
    /// <returns>The standard with its formula, or null.</returns>
    public DrgStandard? StandardFor(DrgTableRow row, InsuranceFund? fund, int level, Coefficient? hospitalCoefficient = null)
    {
        if (row is null)
        {
            throw new ArgumentNullException(nameof(row));
        }

        if (row.Weight is not { } weight)
        {
            return null;
        }

        var baseGroup = (row.Flags & DrgTableFlags.BaseGroup) != 0 && BaseGroupLevel is not null;
        var priced = baseGroup ? BaseGroupLevel!.Value : level;
        var coefficient = row.ValueAt(DrgTableValue.Coefficient, priced) is { } own
            ? new Coefficient(own)
            : !baseGroup && hospitalCoefficient is { } h
                ? h
                : _levelCoefficients.TryGetValue(priced, out var byLevel) ? byLevel : Coefficient.One;
        decimal rate;
        string rateText;
        if (Form == DrgPaymentForm.Points)
        {
            rate = PointScale;
            rateText = "点数倍数 " + N(PointScale);
        }
        else if (RateFor(fund, priced) is { } r)
        {
            rate = r.Yuan;
            rateText = "费率 " + N(rate);
        }
        else
        {
            return null;
        }

        // Money form: DrgPaymentStandard (RW × 费率 × 系数); point form: RW × 点数倍数 × 系数 (Panzhihua plan).
        var standard = Rounding.Round(Form == DrgPaymentForm.Points
            ? weight.Value * rate * coefficient.Value
            : DrgPaymentStandard.Compute(weight, new PointValue(rate), coefficient).Yuan);
        decimal? low = LowMultiple is { } lm ? Rounding.Round(standard * lm) : null;
        decimal? high = HighMultiple is { } hm ? Rounding.Round(standard * hm) : null;
        var formula = "RW " + N(weight.Value) + " × " + rateText + " × 系数 " + N(coefficient.Value) + " = " + N(standard)
            + (baseGroup ? "（基础病组，按" + priced.ToString(System.Globalization.CultureInfo.InvariantCulture) + "级定价）" : string.Empty);
        return new DrgStandard(row.Code, priced, fund, weight, rate, coefficient, standard, low, high, formula);
    }

    private static string N(decimal value) => value.ToString("0.##########", System.Globalization.CultureInfo.InvariantCulture);
}
