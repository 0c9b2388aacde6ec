using System;
using System.Collections.Generic;
using System.Linq;
using MedInsurance.Payment.Dip.Internal;

namespace MedInsurance.Payment.Dip;

/// <summary>
/// 病种目录 — a local DIP catalog: the groups a region built from its own history, the edition, region and
/// effective dates, the regional mean cost the scores are relative to, and the hospital-level coefficients.
/// Indexed once on construction for the grouper.
/// </summary>
/// <threadsafety>Immutable; safe to share across threads.</threadsafety>
public sealed class DipCatalog
{
    private readonly DipGroup[] _groups;
    private readonly Dictionary<string, DipGroup> _byCode;
    private readonly Dictionary<string, Coefficient> _levelCoefficients;
    private readonly decimal[]? _levelByIndex;

    /// <summary>Creates a catalog and indexes its groups.</summary>
    /// <param name="edition">The edition, e.g. <c>2026.1</c>.</param>
    /// <param name="region">The region (统筹地区), e.g. a city code or name.</param>
    /// <param name="groups">The groups; codes must be unique and keys must not repeat within a kind.</param>
    /// <exception cref="ArgumentException">A code or a key occurs twice.</exception>
    public DipCatalog(string edition, string region, IEnumerable<DipGroup> groups)
        : this(edition, region, groups, null)
    {
    }

    /// <summary>Creates a catalog with hospital-level coefficients.</summary>
    /// <param name="edition">The edition.</param>
    /// <param name="region">The region.</param>
    /// <param name="groups">The groups.</param>
    /// <param name="levelCoefficients">级别系数 — coefficients keyed by <see cref="Hospitals.HospitalLevel.Code"/> (e.g. <c>3A</c>); may be null.</param>
    public DipCatalog(string edition, string region, IEnumerable<DipGroup> groups, IReadOnlyDictionary<string, Coefficient>? levelCoefficients)
    {
        Edition = edition ?? throw new ArgumentNullException(nameof(edition));
        Region = region ?? throw new ArgumentNullException(nameof(region));
        _groups = (groups ?? throw new ArgumentNullException(nameof(groups))).ToArray();
        _byCode = new Dictionary<string, DipGroup>(StringComparer.Ordinal);
        foreach (var group in _groups)
        {
            if (group is null)
            {
                throw new ArgumentException("The group list contains null.", nameof(groups));
            }

            if (_byCode.ContainsKey(group.Code))
            {
                throw new ArgumentException("The group code '" + group.Code + "' occurs twice in the catalog.", nameof(groups));
            }

            _byCode.Add(group.Code, group);
        }

        _levelCoefficients = levelCoefficients?.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal)
            ?? new Dictionary<string, Coefficient>(StringComparer.Ordinal);
        _levelByIndex = LevelTable.From(_levelCoefficients);
        Index = new DipGroupIndex(_groups);
    }

    /// <summary>Creates a catalog with its validity and score basis (for C# 7.3 callers, which cannot set <c>init</c> members).</summary>
    /// <param name="edition">The edition.</param>
    /// <param name="region">The region.</param>
    /// <param name="groups">The groups.</param>
    /// <param name="levelCoefficients">级别系数 — coefficients keyed by level code; may be null.</param>
    /// <param name="effectiveFrom">生效日期 — ISO <c>yyyy-MM-dd</c>, or empty.</param>
    /// <param name="effectiveTo">失效日期 — ISO <c>yyyy-MM-dd</c>, or empty.</param>
    /// <param name="regionalMeanCost">全部病例次均费用 — M, or zero when unknown.</param>
    /// <param name="scoreScale">分值倍数 — 1000 when RW = m ÷ M × 1000, 1 for the standard-quota form.</param>
    public DipCatalog(
        string edition,
        string region,
        IEnumerable<DipGroup> groups,
        IReadOnlyDictionary<string, Coefficient>? levelCoefficients,
        string effectiveFrom,
        string effectiveTo,
        Money regionalMeanCost,
        decimal scoreScale)
        : this(edition, region, groups, levelCoefficients)
    {
        EffectiveFrom = effectiveFrom ?? string.Empty;
        EffectiveTo = effectiveTo ?? string.Empty;
        RegionalMeanCost = regionalMeanCost;
        ScoreScale = scoreScale;
    }

    /// <summary>版本 — the catalog edition.</summary>
    public string Edition { get; }

    /// <summary>统筹地区 — the region.</summary>
    public string Region { get; }

    /// <summary>生效日期 — the first day the catalog applies, ISO <c>yyyy-MM-dd</c>, or empty.</summary>
    public string EffectiveFrom { get; init; } = string.Empty;

    /// <summary>失效日期 — the last day the catalog applies, ISO <c>yyyy-MM-dd</c>, or empty.</summary>
    public string EffectiveTo { get; init; } = string.Empty;

    /// <summary>
    /// 是否在有效期内 — whether a discharge date is within <see cref="EffectiveFrom"/>–<see cref="EffectiveTo"/> (both
    /// inclusive; an empty bound is open). A case discharged outside is rejected by <see cref="DipScorer"/>
    /// (<see cref="DipIssueCodes.CatalogNotInForce"/>).
    /// </summary>
    /// <param name="dischargeDate">出院日期.</param>
    /// <returns>Whether the catalog applies on that date.</returns>
    /// <exception cref="FormatException">When a non-empty bound is not an ISO date.</exception>
    public bool InForceOn(CalendarDate dischargeDate) =>
        (IsoDate(EffectiveFrom) is not { } from || dischargeDate >= from) && (IsoDate(EffectiveTo) is not { } to || dischargeDate <= to);

    /// <summary>Whether the catalog has an effective date (from or to).</summary>
    public bool HasEffectivePeriod => EffectiveFrom.Length > 0 || EffectiveTo.Length > 0;

    /// <summary>An ISO <c>yyyy-MM-dd</c> bound as a date; null when empty.</summary>
    internal static CalendarDate? IsoDate(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        return Cases.IsoDate.TryParse(text, out var d)
            ? d
            : throw new FormatException("The catalog's effective date is not an ISO date yyyy-MM-dd.");
    }

    /// <summary>
    /// 全部病例次均费用 — M, the weighted mean cost the scores are relative to (payment-rules.md §3, score);
    /// zero when unknown (a catalog read from CSV).
    /// </summary>
    public Money RegionalMeanCost { get; init; }

    /// <summary>分值倍数 — 1000 when RW = m ÷ M × 1000, 1 for the standard-quota form.</summary>
    public decimal ScoreScale { get; init; } = 1000m;

    /// <summary>病种 — the groups, in catalog order.</summary>
    public IReadOnlyList<DipGroup> Groups => _groups;

    /// <summary>级别系数 — hospital-level coefficients keyed by level code.</summary>
    public IReadOnlyDictionary<string, Coefficient> LevelCoefficients => _levelCoefficients;

    internal DipGroupIndex Index { get; }

    /// <summary>按编码查找 — the group with <paramref name="code"/>, or null.</summary>
    /// <param name="code">The group code.</param>
    /// <returns>The group or null.</returns>
    public DipGroup? Find(string code) => code is not null && _byCode.TryGetValue(code, out var group) ? group : null;

    /// <summary>
    /// 总分值 — Σ score × case count over the catalog's groups (per-diem groups excluded: their score is per bed-day).
    /// </summary>
    /// <returns>The total.</returns>
    public Score TotalScore()
    {
        var total = 0m;
        foreach (var g in _groups)
        {
            if (g.Kind != DipGroupKind.PerDiem)
            {
                total += g.Score.Value * g.CaseCount;
            }
        }

        return new Score(total);
    }

    /// <summary>
    /// 协商调整 — applies a negotiated internal adjustment (协商调整): the listed groups' scores are multiplied by
    /// their factors, then every score is rescaled so that the catalog's <see cref="TotalScore"/> is unchanged
    /// (the region's total points are fixed by the budget; only the relative values move).
    /// Scores are not rounded, so the total is preserved to decimal precision.
    /// </summary>
    /// <param name="factors">Factors by group code; unknown codes are a caller error.</param>
    /// <returns>The adjusted catalog.</returns>
    public DipCatalog WithNegotiatedAdjustment(IReadOnlyDictionary<string, Coefficient> factors)
    {
        if (factors is null)
        {
            throw new ArgumentNullException(nameof(factors));
        }

        foreach (var code in factors.Keys)
        {
            if (!_byCode.ContainsKey(code))
            {
                throw new ArgumentException("No group '" + code + "' in the catalog.", nameof(factors));
            }
        }

        var before = TotalScore().Value;
        var raw = _groups.Select(g => factors.TryGetValue(g.Code, out var f) ? g.Score.Value * f.Value : g.Score.Value).ToArray();
        var after = 0m;
        for (var i = 0; i < _groups.Length; i++)
        {
            if (_groups[i].Kind != DipGroupKind.PerDiem)
            {
                after += raw[i] * _groups[i].CaseCount;
            }
        }

        var scale = after == 0m ? 1m : before / after;
        var adjusted = _groups.Select((g, i) => g.Kind == DipGroupKind.PerDiem ? g : Copy(g, new Score(raw[i] * scale)));
        return new DipCatalog(Edition, Region, adjusted, _levelCoefficients)
        {
            EffectiveFrom = EffectiveFrom,
            EffectiveTo = EffectiveTo,
            RegionalMeanCost = RegionalMeanCost,
            ScoreScale = ScoreScale,
        };
    }

    internal static DipGroup Copy(DipGroup g, Score score) => new()
    {
        Code = g.Code,
        Name = g.Name,
        Kind = g.Kind,
        Diagnosis = g.Diagnosis,
        MainProcedure = g.MainProcedure,
        RelatedProcedures = g.RelatedProcedures,
        ProcedureClass = g.ProcedureClass,
        Score = score,
        MeanCost = g.MeanCost,
        CaseCount = g.CaseCount,
        CoefficientOfVariation = g.CoefficientOfVariation,
        LevelCoefficients = g.LevelCoefficients,
        LevelMeanCosts = g.LevelMeanCosts,
        AuxiliaryCoefficients = g.AuxiliaryCoefficients,
    };

    internal bool TryGetLevelCoefficient(int levelIndex, out decimal coefficient) =>
        LevelTable.TryGet(_levelByIndex, levelIndex, out coefficient);
}
