using System;
using System.Collections.Generic;
using MedInsurance.Payment.Hospitals;

namespace MedInsurance.Payment.Outpatient;

/// <summary>诊疗组合类别 — the three classes of outpatient treatment combinations, in match precedence order.</summary>
public enum CombinationClass
{
    /// <summary>手术操作 — surgical procedure: defined by procedure codes on procedure items; beats every other class.</summary>
    SurgicalProcedure = 1,

    /// <summary>内科诊疗 — internal medicine: defined by items (drugs, tests, procedures); beats auxiliary services.</summary>
    InternalMedicine = 2,

    /// <summary>辅助服务 — auxiliary service (e.g. rehabilitation, nursing, dressing changes).</summary>
    AuxiliaryService = 3,
}

/// <summary>匹配方式 — how a combination's defining codes must appear in a day's items.</summary>
public enum CombinationMatch
{
    /// <summary>任一 — at least one defining code appears.</summary>
    Any = 0,

    /// <summary>全部 — every defining code appears.</summary>
    All = 1,
}

/// <summary>组合价格 — the price (money) or points of a combination at one hospital level.</summary>
/// <remarks>An immutable value; thread-safe.</remarks>
public readonly struct CombinationPrice
{
    /// <summary>Creates a price.</summary>
    /// <param name="levelCode">医院等级 — a level code: a tier (<c>2</c>, <c>3</c>) or a tier and grade (<c>3A</c>).</param>
    /// <param name="amount">支付标准 — the price (money tables).</param>
    /// <param name="points">点数 — the points (points tables).</param>
    public CombinationPrice(string levelCode, Money amount, decimal points)
    {
        LevelCode = levelCode ?? string.Empty;
        Amount = amount;
        Points = points;
    }

    /// <summary>医院等级代码.</summary>
    public string LevelCode { get; }

    /// <summary>支付标准 — the price (zero in a points table).</summary>
    public Money Amount { get; }

    /// <summary>点数 — the points (zero in a money table).</summary>
    public decimal Points { get; }
}

/// <summary>
/// 门诊诊疗组合 — one row of the region's combination table: code, name, class, the codes that define it, how they
/// match, the price or points per hospital level, and the dates it is in force.
/// </summary>
/// <remarks>Immutable; thread-safe. Built by <see cref="CombinationTableLoader"/>.</remarks>
public sealed class TreatmentCombination
{
    private readonly Dictionary<string, CombinationPrice> _prices;

    internal TreatmentCombination(int order, string code, string name, CombinationClass combinationClass, CombinationMatch match, IReadOnlyList<string> codes, IReadOnlyList<CombinationPrice> prices, int from, int to)
    {
        Order = order;
        Code = code;
        Name = name;
        Class = combinationClass;
        Match = match;
        Codes = codes;
        Prices = prices;
        From = from;
        To = to;
        _prices = new Dictionary<string, CombinationPrice>(StringComparer.OrdinalIgnoreCase);
        foreach (var price in prices)
        {
            _prices[price.LevelCode] = price;
        }
    }

    /// <summary>表内顺序 — the 0-based position in the table (the tie-break within a class).</summary>
    public int Order { get; }

    /// <summary>组合编码.</summary>
    public string Code { get; }

    /// <summary>组合名称.</summary>
    public string Name { get; }

    /// <summary>组合类别.</summary>
    public CombinationClass Class { get; }

    /// <summary>匹配方式.</summary>
    public CombinationMatch Match { get; }

    /// <summary>定义编码 — item or procedure codes; a code ending in <c>*</c> is a prefix.</summary>
    public IReadOnlyList<string> Codes { get; }

    /// <summary>各级价格.</summary>
    public IReadOnlyList<CombinationPrice> Prices { get; }

    /// <summary>生效日期 as <c>yyyyMMdd</c>.</summary>
    public int From { get; }

    /// <summary>失效日期 (inclusive) as <c>yyyyMMdd</c>.</summary>
    public int To { get; }

    /// <summary>Whether the combination is in force on <paramref name="serviceDate"/> (<c>yyyyMMdd</c>).</summary>
    /// <param name="serviceDate">The date.</param>
    /// <returns>True when <see cref="From"/> ≤ date ≤ <see cref="To"/>.</returns>
    public bool InForce(int serviceDate) => serviceDate >= From && serviceDate <= To;

    /// <summary>The price at a level: the exact level code (<c>3A</c>) first, then the tier alone (<c>3</c>).</summary>
    /// <param name="level">The hospital level.</param>
    /// <param name="price">The price when found.</param>
    /// <returns>Whether the table prices the combination at the level.</returns>
    public bool TryPrice(HospitalLevel level, out CombinationPrice price) =>
        TryPrice(level.Code, ((int)level.Tier).ToString(System.Globalization.CultureInfo.InvariantCulture), out price);

    internal bool TryPrice(string levelCode, string tierCode, out CombinationPrice price) =>
        _prices.TryGetValue(levelCode, out price) || _prices.TryGetValue(tierCode, out price);

    /// <summary>类别中文名 — the class's Chinese name.</summary>
    /// <param name="combinationClass">The class.</param>
    /// <returns>手术操作, 内科诊疗 or 辅助服务.</returns>
    public static string ClassName(CombinationClass combinationClass) => combinationClass switch
    {
        CombinationClass.SurgicalProcedure => "手术操作",
        CombinationClass.InternalMedicine => "内科诊疗",
        CombinationClass.AuxiliaryService => "辅助服务",
        _ => string.Empty,
    };
}
