using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using MedInsurance.Payment.Dip.Internal;

namespace MedInsurance.Payment.Dip;

/// <summary>
/// 病种 — one group of a local DIP catalog (payment-rules.md §3; DIP 3.0 draft ch. 3): its key, score, mean cost,
/// case count and coefficient of variation, with optional group-specific level coefficients and auxiliary-subtype
/// coefficients.
/// </summary>
/// <threadsafety>Immutable once initialized; safe to share across threads.</threadsafety>
public sealed class DipGroup
{
    private readonly string[] _relatedProcedures = Array.Empty<string>();
    private readonly DipAuxiliaryCoefficient[] _auxiliary = Array.Empty<DipAuxiliaryCoefficient>();
    private readonly Dictionary<string, Coefficient> _levelCoefficients = new(StringComparer.Ordinal);
    private readonly Money _meanCost;
    private readonly decimal[]? _levelByIndex;
    private readonly Dictionary<string, Money> _levelMeanCosts = new(StringComparer.Ordinal);
    private readonly decimal[]? _levelMeanByIndex;

    /// <summary>Creates a group to fill with an object initializer (C# 11+: <see cref="Code"/> and <see cref="Diagnosis"/> are required).</summary>
    public DipGroup()
    {
    }

    /// <summary>Creates a group (for C# 7.3 callers, which cannot set <c>init</c> or <c>required</c> members; name the
    /// optional arguments).</summary>
    /// <param name="code">病种编码 — the group code.</param>
    /// <param name="diagnosis">主要诊断 — the diagnosis key (亚目 or 类目).</param>
    /// <param name="mainProcedure">主要手术操作 — the main procedure code, or empty for conservative treatment.</param>
    /// <param name="score">病种分值 — the group score.</param>
    /// <param name="meanCost">次均费用 — the mean total cost of the group.</param>
    /// <param name="name">病种名称 — the group name.</param>
    /// <param name="kind">病种类型 — the group kind.</param>
    /// <param name="caseCount">病例数 — the number of history cases.</param>
    /// <param name="coefficientOfVariation">变异系数 — the coefficient of variation of the group's costs.</param>
    /// <param name="relatedProcedures">相关手术操作 — the related procedures, or null for none.</param>
    /// <param name="procedureClass">操作分类 — the procedure class of a comprehensive group.</param>
    /// <param name="levelCoefficients">分病种级别系数 — group-specific level coefficients, or null for none.</param>
    /// <param name="levelMeanCosts">同级别次均费用 — the mean cost at each hospital level, or null for none.</param>
    /// <param name="auxiliaryCoefficients">辅助分型系数 — auxiliary-subtype coefficients, or null for none.</param>
    /// <exception cref="ArgumentOutOfRangeException">A level mean cost is not positive.</exception>
    [SetsRequiredMembers]
    public DipGroup(
        string code,
        string diagnosis,
        string mainProcedure,
        Score score,
        Money meanCost,
        string name = "",
        DipGroupKind kind = default,
        int caseCount = 0,
        decimal coefficientOfVariation = 0m,
        IEnumerable<string>? relatedProcedures = null,
        DipProcedureClass procedureClass = default,
        IReadOnlyDictionary<string, Coefficient>? levelCoefficients = null,
        IReadOnlyDictionary<string, Money>? levelMeanCosts = null,
        IEnumerable<DipAuxiliaryCoefficient>? auxiliaryCoefficients = null)
    {
        Code = code ?? throw new ArgumentNullException(nameof(code));
        Diagnosis = diagnosis ?? throw new ArgumentNullException(nameof(diagnosis));
        MainProcedure = mainProcedure ?? string.Empty;
        Score = score;
        MeanCost = meanCost;
        Name = name ?? string.Empty;
        Kind = kind;
        CaseCount = caseCount;
        CoefficientOfVariation = coefficientOfVariation;
        ProcedureClass = procedureClass;
        if (relatedProcedures is not null)
        {
            RelatedProcedures = relatedProcedures.ToArray();
        }

        if (levelCoefficients is not null)
        {
            LevelCoefficients = levelCoefficients;
        }

        if (levelMeanCosts is not null)
        {
            LevelMeanCosts = levelMeanCosts;
        }

        if (auxiliaryCoefficients is not null)
        {
            AuxiliaryCoefficients = auxiliaryCoefficients.ToArray();
        }
    }

    /// <summary>病种编码 — the group code, unique in the catalog.</summary>
    public required string Code { get; init; }

    /// <summary>病种名称 — the group name.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>病种类型 — core, comprehensive, primary-care, per-diem or TCM.</summary>
    public DipGroupKind Kind { get; init; }

    /// <summary>
    /// 主要诊断 — the diagnosis key: the 4-character subcategory (亚目, e.g. <c>K35.9</c>) for core, primary-care and
    /// TCM groups; the 3-character category (类目, e.g. <c>C54</c>) for comprehensive groups; either for per-diem groups.
    /// </summary>
    public required string Diagnosis { get; init; }

    /// <summary>主要手术操作 — the main procedure code, or empty for conservative treatment and comprehensive groups.</summary>
    public string MainProcedure { get; init; } = string.Empty;

    /// <summary>相关手术操作 — the related procedures of the group, sorted ordinally and distinct.</summary>
    public IReadOnlyList<string> RelatedProcedures
    {
        get => _relatedProcedures;
        init => _relatedProcedures = (value ?? throw new ArgumentNullException(nameof(value)))
            .Select(v => v.Trim()).Where(v => v.Length > 0).Distinct(StringComparer.Ordinal).OrderBy(v => v, StringComparer.Ordinal).ToArray();
    }

    /// <summary>操作分类 — the procedure class of a comprehensive group (conservative for other kinds).</summary>
    public DipProcedureClass ProcedureClass { get; init; }

    /// <summary>病种分值 — the group score (RW × 1000 in the average-cost method; per bed-day for per-diem groups).</summary>
    public Score Score { get; init; }

    /// <summary>次均费用 — the three-year weighted, trimmed mean total cost of the group (per bed-day for per-diem groups).</summary>
    public Money MeanCost
    {
        get => _meanCost;
        init
        {
            _meanCost = value;
            MeanYuan = value.Yuan;
        }
    }

    /// <summary>病例数 — the number of history cases the group was built from.</summary>
    public int CaseCount { get; init; }

    /// <summary>变异系数 — the coefficient of variation of the group's costs (CV = standard deviation ÷ mean).</summary>
    public decimal CoefficientOfVariation { get; init; }

    /// <summary>分病种级别系数 — group-specific hospital-level coefficients, keyed by <see cref="Hospitals.HospitalLevel.Code"/>.</summary>
    public IReadOnlyDictionary<string, Coefficient> LevelCoefficients
    {
        get => _levelCoefficients;
        init
        {
            _levelCoefficients = new Dictionary<string, Coefficient>(StringComparer.Ordinal);
            foreach (var pair in value ?? throw new ArgumentNullException(nameof(value)))
            {
                _levelCoefficients[pair.Key] = pair.Value;
            }

            _levelByIndex = LevelTable.From(_levelCoefficients);
        }
    }

    /// <summary>
    /// 同级别次均费用 — the group's mean cost at each hospital level (同级别定点医疗机构该病种例均费用), keyed by
    /// <see cref="Hospitals.HospitalLevel.Code"/>: the basis of the cost-deviation ratio under
    /// <see cref="DipRatioBasis.SameLevelMean"/> (payment-rules.md §3: ratio = cost ÷ group mean at the same level). A level
    /// the table does not name (no history case of the group at that level) falls back to <see cref="MeanCost"/>.
    /// Per bed-day for per-diem groups, like the mean.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A mean is not positive.</exception>
    public IReadOnlyDictionary<string, Money> LevelMeanCosts
    {
        get => _levelMeanCosts;
        init
        {
            _levelMeanCosts = new Dictionary<string, Money>(StringComparer.Ordinal);
            foreach (var pair in value ?? throw new ArgumentNullException(nameof(value)))
            {
                if (pair.Value.Fen <= 0)
                {
                    throw new ArgumentOutOfRangeException(nameof(value), "Group '" + Code + "': the mean cost at level '" + pair.Key + "' must be positive.");
                }

                _levelMeanCosts[pair.Key] = pair.Value;
            }

            _levelMeanByIndex = LevelTable.From(_levelMeanCosts);
        }
    }

    /// <summary>辅助分型系数 — auxiliary-subtype coefficients that met the trigger conditions when the catalog was built.</summary>
    public IReadOnlyList<DipAuxiliaryCoefficient> AuxiliaryCoefficients
    {
        get => _auxiliary;
        init
        {
            _auxiliary = (value ?? throw new ArgumentNullException(nameof(value))).ToArray();
        }
    }

    /// <summary>是否基层病种 — whether the hospital coefficient is skipped (primary-care groups).</summary>
    public bool IsPrimaryCare => Kind == DipGroupKind.PrimaryCare;

    /// <summary>
    /// 最高适用辅助分型系数 — the highest coefficient among the subtypes in <paramref name="subtypeMask"/> that the group
    /// has (payment-rules.md §3: the highest applicable one wins); 1 and <see cref="DipAuxiliaryType.None"/> when none applies.
    /// </summary>
    /// <param name="subtypeMask">A mask from <see cref="DipAuxiliaryTypingData.Classify(Cases.InpatientCase)"/>.</param>
    /// <param name="type">The winning subtype.</param>
    /// <returns>The coefficient.</returns>
    public Coefficient AuxiliaryCoefficientFor(long subtypeMask, out DipAuxiliaryType type)
    {
        type = DipAuxiliaryType.None;
        var best = Coefficient.One;
        var found = false;
        var items = _auxiliary;
        for (var i = 0; i < items.Length; i++)
        {
            if ((subtypeMask & DipAuxiliaryTypingData.Bit(items[i].Type)) != 0 && (!found || items[i].Coefficient > best))
            {
                best = items[i].Coefficient;
                type = items[i].Type;
                found = true;
            }
        }

        return best;
    }

    internal string[] RelatedArray => _relatedProcedures;

    internal decimal MeanYuan { get; private init; }

    internal bool TryGetLevelCoefficient(int levelIndex, out decimal coefficient) =>
        LevelTable.TryGet(_levelByIndex, levelIndex, out coefficient);

    /// <summary>The mean cost in yuan at a level slot; false when the group has none there.</summary>
    internal bool TryGetLevelMean(int levelIndex, out decimal yuan) =>
        LevelTable.TryGet(_levelMeanByIndex, levelIndex, out yuan);

    /// <inheritdoc />
    public override string ToString() => Code;
}
