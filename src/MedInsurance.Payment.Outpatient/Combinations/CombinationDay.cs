using MedInsurance.Payment.Cases;
using MedInsurance.Payment.Settlement;

namespace MedInsurance.Payment.Outpatient;

/// <summary>
/// 门诊诊疗日结果 — one unit (a person's items of one day at one institution) grouped and priced: the combination it
/// matched with the rule that matched, or the fee-for-service fallback with its reason; the payment and its line.
/// </summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed class CombinationDay
{
    private readonly int _candidates;
    private readonly string _levelCode;
    private readonly SettlementBasis _basis;
    private string? _trace;

    internal CombinationDay(string unitId, string personId, string institutionId, InsuranceFund fund, int serviceDate, int claims, int items, Money totalCost, TreatmentCombination? combination, string matchedCode, string fallbackCode, int candidates, string levelCode, Money price, decimal points, decimal fundShare, Money fundPays, decimal fundPoints, Money itemFund, SettlementBasis basis)
    {
        UnitId = unitId;
        PersonId = personId;
        InstitutionId = institutionId;
        Fund = fund;
        ServiceDate = serviceDate;
        Claims = claims;
        Items = items;
        TotalCost = totalCost;
        Combination = combination;
        MatchedCode = matchedCode;
        FallbackCode = fallbackCode;
        _candidates = candidates;
        _levelCode = levelCode;
        Price = price;
        Points = points;
        FundShare = fundShare;
        FundPays = fundPays;
        FundPoints = fundPoints;
        ItemFund = itemFund;
        _basis = basis;
    }

    /// <summary>单元编号 — the unit's id: the smallest claim id of the day (ordinal order).</summary>
    public string UnitId { get; }

    /// <summary>人员编号.</summary>
    public string PersonId { get; }

    /// <summary>定点医疗机构编码.</summary>
    public string InstitutionId { get; }

    /// <summary>险种.</summary>
    public InsuranceFund Fund { get; }

    /// <summary>就诊日期 as <c>yyyyMMdd</c>.</summary>
    public int ServiceDate { get; }

    /// <summary>结算次数 — the claims of the day.</summary>
    public int Claims { get; }

    /// <summary>明细条数 — the item lines of the day.</summary>
    public int Items { get; }

    /// <summary>医疗总费用 — the sum of the item amounts.</summary>
    public Money TotalCost { get; }

    /// <summary>诊疗组合 — the matched combination; null for a fee-for-service day.</summary>
    public TreatmentCombination? Combination { get; }

    /// <summary>匹配编码 — the item or procedure code that decided the match (empty for fee-for-service).</summary>
    public string MatchedCode { get; }

    /// <summary>按项目原因 — the fallback reason code (<see cref="OutpatientIssueCodes"/>); empty when a combination pays.</summary>
    public string FallbackCode { get; }

    /// <summary>Whether the day is paid by a combination.</summary>
    public bool IsCombination => Combination is not null && FallbackCode.Length == 0;

    /// <summary>分组路径 — which rule matched (or why none did), in English with the Chinese terms (built when first read).</summary>
    public string Trace => _trace ??= CombinationTrace.Describe(this, _candidates, _levelCode);

    /// <summary>组合支付标准 — the combination's price at the level (money tables; zero otherwise).</summary>
    public Money Price { get; }

    /// <summary>组合点数 — the combination's points at the level (points tables; zero otherwise).</summary>
    public decimal Points { get; }

    /// <summary>基金支付比例 — the share applied (combination share, or the item share for fee-for-service).</summary>
    public decimal FundShare { get; }

    /// <summary>基金支付 — the fund's money payment (money tables and fee-for-service; zero for points).</summary>
    public Money FundPays { get; }

    /// <summary>基金点数 — the fund's points (points tables; zero otherwise).</summary>
    public decimal FundPoints { get; }

    /// <summary>按项目基金支付 — what the fund would pay by item: total × item share, rounded.</summary>
    public Money ItemFund { get; }

    /// <summary>个人支付 — the patient's part of the items: total − item-based fund amount.</summary>
    public Money PatientPays => TotalCost - ItemFund;

    /// <summary>结算行 — the day's settlement line (<c>OUTPATIENT_COMBINATION</c> or <c>FEE_FOR_SERVICE</c>): id the unit id, the
    /// payment basis, total cost, patient part (total − item-based fund amount) and item-based fund amount.</summary>
    /// <remarks>Built when read from the day's fields (a day holds no second copy of them).</remarks>
    public SettlementLine Line => new(UnitId, InstitutionId, Fund, ServiceDate / 100 % 100, IsCombination ? SettlementMethods.OutpatientCombination : SettlementMethods.FeeForService, _basis, TotalCost, TotalCost - ItemFund, ItemFund);
}
