using System.Collections.Generic;
using MedInsurance.Payment.Cases;

namespace MedInsurance.Payment.Outpatient;

/// <summary>
/// 门诊诊疗组合目录 — the region's combination table (one version): whether it pays money or points, the fund shares
/// of combination payments and of item-based (fee-for-service) payments per fund, and the combinations.
/// </summary>
/// <remarks>Immutable; thread-safe. Built and validated by <see cref="CombinationTableLoader"/>.</remarks>
public sealed class CombinationTable
{
    internal CombinationTable(string id, string version, string name, bool paysInPoints, string? pointSystem, IReadOnlyDictionary<InsuranceFund, decimal> fundShares, IReadOnlyDictionary<InsuranceFund, decimal> itemFundShares, string? feeForServicePointSystem, RoundingRule rounding, IReadOnlyList<TreatmentCombination> combinations)
    {
        Id = id;
        Version = version;
        Name = name;
        PaysInPoints = paysInPoints;
        PointSystem = pointSystem;
        FundShares = fundShares;
        ItemFundShares = itemFundShares;
        FeeForServicePointSystem = feeForServicePointSystem;
        Rounding = rounding;
        Combinations = combinations;
    }

    /// <summary>目录编号.</summary>
    public string Id { get; }

    /// <summary>版本.</summary>
    public string Version { get; }

    /// <summary>名称.</summary>
    public string Name { get; }

    /// <summary>按点数付费 — true when prices are points (valued at clearing by the pool's point value), false for money.</summary>
    public bool PaysInPoints { get; }

    /// <summary>点数体系 — the point system of the combination lines (or the pool paying money lines); null for none.</summary>
    public string? PointSystem { get; }

    /// <summary>组合基金支付比例 — the fund share of a combination's price or points per fund.</summary>
    public IReadOnlyDictionary<InsuranceFund, decimal> FundShares { get; }

    /// <summary>按项目基金支付比例 — the fund share of item amounts (fee-for-service fallback, and the item-based fund amount of every day).</summary>
    public IReadOnlyDictionary<InsuranceFund, decimal> ItemFundShares { get; }

    /// <summary>按项目付费点数体系 — the pool paying fallback (fee-for-service) lines; null for outside every pool.</summary>
    public string? FeeForServicePointSystem { get; }

    /// <summary>取整规则 — the rounding of fund amounts (default 四舍五入 to the fen).</summary>
    public RoundingRule Rounding { get; }

    /// <summary>诊疗组合 — in table order (the tie-break within a class).</summary>
    public IReadOnlyList<TreatmentCombination> Combinations { get; }
}
