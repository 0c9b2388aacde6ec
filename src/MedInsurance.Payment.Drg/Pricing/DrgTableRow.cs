using System.Collections.Generic;

namespace MedInsurance.Payment.Drg.Pricing;

/// <summary>
/// DRG分组表行 — one DRG of a region's published table: code, name, relative weight (RW) or none, the flags the region
/// sets (基础病组, 稳定组, 单议病组, 中医优势病组) and whatever it publishes per hospital level (coefficient, rate, payment
/// standard, low and high thresholds).
/// </summary>
/// <remarks>Immutable and thread-safe. Levels are 1 (一级), 2 (二级), 3 (三级).</remarks>
public sealed class DrgTableRow
{
    /// <summary>Creates a row.</summary>
    /// <param name="lineNumber">The line of the file (the header is line 1).</param>
    /// <param name="code">DRG编码.</param>
    /// <param name="name">DRG名称.</param>
    /// <param name="weight">权重 (RW), or null when the region publishes none (groups paid by item).</param>
    /// <param name="flags">The flags set on the row.</param>
    /// <param name="levelValues">Per-level published values.</param>
    public DrgTableRow(int lineNumber, string code, string name, RelativeWeight? weight, DrgTableFlags flags, IReadOnlyDictionary<DrgTableValue, IReadOnlyDictionary<int, decimal>> levelValues)
    {
        LineNumber = lineNumber;
        Code = code ?? string.Empty;
        Name = name ?? string.Empty;
        Weight = weight;
        Flags = flags;
        LevelValues = levelValues ?? new Dictionary<DrgTableValue, IReadOnlyDictionary<int, decimal>>();
    }

    /// <summary>行号 — the line of the file.</summary>
    public int LineNumber { get; }

    /// <summary>DRG编码 — the DRG code.</summary>
    public string Code { get; }

    /// <summary>DRG名称 — the DRG name.</summary>
    public string Name { get; }

    /// <summary>权重 — the relative weight, or null when the table gives none.</summary>
    public RelativeWeight? Weight { get; }

    /// <summary>标记 — 基础病组, 稳定组, 单议病组, 中医优势病组.</summary>
    public DrgTableFlags Flags { get; }

    /// <summary>按医院等级公布的值 — coefficient, rate, standard, thresholds, mean cost by level (1–3), as published.</summary>
    public IReadOnlyDictionary<DrgTableValue, IReadOnlyDictionary<int, decimal>> LevelValues { get; }

    /// <summary>A published value for a level, or null.</summary>
    /// <param name="value">The value kind.</param>
    /// <param name="level">The level, 1–3.</param>
    /// <returns>The value, or null.</returns>
    public decimal? ValueAt(DrgTableValue value, int level) =>
        LevelValues.TryGetValue(value, out var byLevel) && byLevel.TryGetValue(level, out var v) ? v : null;
}

/// <summary>DRG分组表标记 — the flags a regional table sets on a DRG.</summary>
[System.Flags]
public enum DrgTableFlags
{
    /// <summary>无 — none.</summary>
    None = 0,

    /// <summary>基础病组 — the same price at every hospital level (同病同价).</summary>
    BaseGroup = 1,

    /// <summary>稳定组 — a stable group.</summary>
    Stable = 2,

    /// <summary>单议病组 — a group paid by special review.</summary>
    SpecialReview = 4,

    /// <summary>中医优势病组 — a TCM-advantage group.</summary>
    TcmAdvantage = 8,
}

/// <summary>DRG分组表按等级的值 — the kinds of value a table publishes per hospital level.</summary>
public enum DrgTableValue
{
    /// <summary>等级系数 — the level's adjustment coefficient.</summary>
    Coefficient = 0,

    /// <summary>费率 — the base rate in yuan per unit of weight.</summary>
    Rate = 1,

    /// <summary>支付标准 — the published payment standard in yuan.</summary>
    Standard = 2,

    /// <summary>低倍临界值 — the low-outlier threshold in yuan.</summary>
    LowThreshold = 3,

    /// <summary>高倍临界值 — the high-outlier threshold in yuan.</summary>
    HighThreshold = 4,

    /// <summary>例均费用 — the group's mean cost in yuan (the comparator of the group-mean outlier form).</summary>
    MeanCost = 5,
}
