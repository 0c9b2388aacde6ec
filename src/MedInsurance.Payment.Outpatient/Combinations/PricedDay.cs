using MedInsurance.Payment.Cases;
using MedInsurance.Payment.Settlement;

namespace MedInsurance.Payment.Outpatient;

/// <summary>
/// A grouped and priced unit as a value (the fields of a <see cref="CombinationDay"/>): the batch path keeps a date's
/// days in one reused array of these on the grouping thread, and makes each <see cref="CombinationDay"/> only when it
/// hands the day over, so days waiting for their turn are not objects the collector has to promote.
/// </summary>
internal readonly struct PricedDay
{
    public readonly string UnitId;
    public readonly string PersonId;
    public readonly string InstitutionId;
    public readonly InsuranceFund Fund;
    public readonly int ServiceDate;
    public readonly int Claims;
    public readonly int Items;
    public readonly Money TotalCost;
    public readonly TreatmentCombination? Combination;
    public readonly string MatchedCode;
    public readonly string FallbackCode;
    public readonly int Candidates;
    public readonly string LevelCode;
    public readonly Money Price;
    public readonly decimal Points;
    public readonly decimal FundShare;
    public readonly Money FundPays;
    public readonly decimal FundPoints;
    public readonly Money ItemFund;
    public readonly SettlementBasis Basis;

    public PricedDay(string unitId, string personId, string institutionId, InsuranceFund fund, int serviceDate, int claims, int items, Money totalCost, TreatmentCombination? combination, string matchedCode, string fallbackCode, int candidates, string levelCode, Money price, decimal points, decimal fundShare, Money fundPays, decimal fundPoints, Money itemFund, SettlementBasis basis)
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
        Candidates = candidates;
        LevelCode = levelCode;
        Price = price;
        Points = points;
        FundShare = fundShare;
        FundPays = fundPays;
        FundPoints = fundPoints;
        ItemFund = itemFund;
        Basis = basis;
    }

    /// <summary>Whether a combination pays the day.</summary>
    public bool IsCombination => Combination is not null && FallbackCode.Length == 0;

    /// <summary>个人支付 — total − item-based fund amount.</summary>
    public Money PatientPays => TotalCost - ItemFund;

    /// <summary>
    /// 结算行 — the day's settlement line: id the unit id, <c>OUTPATIENT_COMBINATION</c> (the combination's basis) or
    /// <c>FEE_FOR_SERVICE</c> (the item-based fund amount), total cost, patient part and item-based fund amount.
    /// </summary>
    public SettlementLine Line => new(UnitId, InstitutionId, Fund, ServiceDate / 100 % 100, IsCombination ? SettlementMethods.OutpatientCombination : SettlementMethods.FeeForService, Basis, TotalCost, PatientPays, ItemFund);
}
