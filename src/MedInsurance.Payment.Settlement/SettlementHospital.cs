using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using MedInsurance.Payment.Cases;
using MedInsurance.Payment.Hospitals;

namespace MedInsurance.Payment.Settlement;

/// <summary>
/// 结算医疗机构 — a hospital (or consortium) with the parameters its clearing needs: assessment score, annual
/// deductions, working advance and, for elastic pools, base points or last year's points. Method-specific parameters
/// (the DRG adjustment coefficient, the DIP hospital coefficient) belong to each method's pricing, not here.
/// </summary>
/// <remarks>Immutable and thread-safe. Read from the hospital CSV with <see cref="SettlementCsv.ReadHospitals(System.IO.TextReader)"/>.</remarks>
public sealed record SettlementHospital
{
    /// <summary>Creates a hospital to fill with an object initializer (C# 11+: <see cref="Hospital"/> is required).</summary>
    public SettlementHospital()
    {
    }

    /// <summary>Creates a hospital with its clearing parameters (for C# 7.3 callers, which cannot set <c>init</c> or
    /// <c>required</c> members; name the optional arguments).</summary>
    /// <param name="hospital">定点医疗机构 — the hospital.</param>
    /// <param name="assessmentScore">考核得分 — the annual assessment score (0–100).</param>
    /// <param name="annualDeduction">年度扣款 — deductions decided at clearing.</param>
    /// <param name="workingAdvance">预付周转金 — the working advance, or null to compute it from <paramref name="priorYearFundPaid"/>.</param>
    /// <param name="priorYearFundPaid">上年度基金支付 — last year's fund payments.</param>
    /// <param name="elasticBases">弹性点值基准 — base points or last year's points per elastic pool, or null for none.</param>
    [SetsRequiredMembers]
    public SettlementHospital(
        Hospital hospital,
        decimal assessmentScore = 0m,
        Money annualDeduction = default,
        Money? workingAdvance = null,
        Money priorYearFundPaid = default,
        IReadOnlyList<ElasticBase>? elasticBases = null)
    {
        Hospital = hospital ?? throw new ArgumentNullException(nameof(hospital));
        AssessmentScore = assessmentScore;
        AnnualDeduction = annualDeduction;
        WorkingAdvance = workingAdvance;
        PriorYearFundPaid = priorYearFundPaid;
        ElasticBases = elasticBases ?? [];
    }

    /// <summary>定点医疗机构 — the hospital (id, name, level, type).</summary>
    public required Hospital Hospital { get; init; }

    /// <summary>考核得分 — the annual assessment score (0–100) that selects the assessment coefficient and the deposit release.</summary>
    public decimal AssessmentScore { get; init; }

    /// <summary>年度扣款 — deductions decided at clearing (violations, assessment penalties) beyond the case audit deductions.</summary>
    public Money AnnualDeduction { get; init; }

    /// <summary>预付周转金 — the working advance paid at the start of the year; null to compute it from <see cref="PriorYearFundPaid"/>.</summary>
    public Money? WorkingAdvance { get; init; }

    /// <summary>上年度基金支付 — last year's fund payments, used to size the working advance (about one month).</summary>
    public Money PriorYearFundPaid { get; init; }

    /// <summary>弹性点值基准 — base points or last year's points per pool for the elastic method (DIP 3.0 draft ch. 4 §3).</summary>
    public IReadOnlyList<ElasticBase> ElasticBases { get; init; } = [];

    /// <summary>The elastic base of this hospital for a pool: the most specific entry matching its point system and fund.</summary>
    /// <param name="pool">The pool.</param>
    /// <returns>The entry, or null.</returns>
    public ElasticBase? ElasticBaseFor(FundPool pool)
    {
        ElasticBase? best = null;
        var bestRank = -1;
        foreach (var entry in ElasticBases)
        {
            if (entry.Matches(pool, out var rank) && rank > bestRank)
            {
                best = entry;
                bestRank = rank;
            }
        }

        return best;
    }

    /// <summary>The hospital id.</summary>
    public string Id => Hospital.Id;
}

/// <summary>
/// 弹性点值基准 — one hospital's base for an elastic pool: the base points (基准服务点数) agreed for the year, or last year's
/// points from which the base is derived by the policy's reasonable-volume share (DIP 3.0 draft ch. 4 §3: "基准部分以上一年度
/// 医疗机构合理服务量为基础折算确定基准服务点数").
/// </summary>
/// <param name="PointSystem">The point system it applies to, or null for every elastic pool of the fund.</param>
/// <param name="Fund">The fund it applies to, or null for every fund.</param>
/// <param name="BasePoints">基准点数 — explicit base points, or null.</param>
/// <param name="LastYearPoints">上年点数 — last year's points, or null.</param>
public sealed record ElasticBase(string? PointSystem, InsuranceFund? Fund, Score? BasePoints, Score? LastYearPoints)
{
    /// <summary>Whether this entry applies to <paramref name="pool"/>; the rank prefers entries naming the fund and the system.</summary>
    /// <param name="pool">The pool.</param>
    /// <param name="rank">0–3: one for a matching named system, two for a matching named fund.</param>
    /// <returns>True when it applies.</returns>
    public bool Matches(FundPool pool, out int rank)
    {
        rank = 0;
        if (pool is null)
        {
            return false;
        }

        if (PointSystem is { Length: > 0 } system)
        {
            if (!string.Equals(system, pool.PointSystem, System.StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            rank += 1;
        }

        if (Fund is { } fund)
        {
            if (pool.Fund != fund)
            {
                return false;
            }

            rank += 2;
        }

        return true;
    }
}
