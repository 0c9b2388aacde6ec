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
    private readonly PricedDay _day;
    private string? _trace;

    internal CombinationDay(in PricedDay day) => _day = day;

    /// <summary>单元编号 — the unit's id: the smallest claim id of the day (ordinal order).</summary>
    public string UnitId => _day.UnitId;

    /// <summary>人员编号.</summary>
    public string PersonId => _day.PersonId;

    /// <summary>定点医疗机构编码.</summary>
    public string InstitutionId => _day.InstitutionId;

    /// <summary>险种.</summary>
    public InsuranceFund Fund => _day.Fund;

    /// <summary>就诊日期 as <c>yyyyMMdd</c>.</summary>
    public int ServiceDate => _day.ServiceDate;

    /// <summary>结算次数 — the claims of the day.</summary>
    public int Claims => _day.Claims;

    /// <summary>明细条数 — the item lines of the day.</summary>
    public int Items => _day.Items;

    /// <summary>医疗总费用 — the sum of the item amounts.</summary>
    public Money TotalCost => _day.TotalCost;

    /// <summary>诊疗组合 — the matched combination; null for a fee-for-service day.</summary>
    public TreatmentCombination? Combination => _day.Combination;

    /// <summary>匹配编码 — the item or procedure code that decided the match (empty for fee-for-service).</summary>
    public string MatchedCode => _day.MatchedCode;

    /// <summary>按项目原因 — the fallback reason code (<see cref="OutpatientIssueCodes"/>); empty when a combination pays.</summary>
    public string FallbackCode => _day.FallbackCode;

    /// <summary>Whether the day is paid by a combination.</summary>
    public bool IsCombination => _day.IsCombination;

    /// <summary>分组路径 — which rule matched (or why none did), in English with the Chinese terms (built when first read).</summary>
    public string Trace => _trace ??= CombinationTrace.Describe(this, _day.Candidates, _day.LevelCode);

    /// <summary>组合支付标准 — the combination's price at the level (money tables; zero otherwise).</summary>
    public Money Price => _day.Price;

    /// <summary>组合点数 — the combination's points at the level (points tables; zero otherwise).</summary>
    public decimal Points => _day.Points;

    /// <summary>基金支付比例 — the share applied (combination share, or the item share for fee-for-service).</summary>
    public decimal FundShare => _day.FundShare;

    /// <summary>基金支付 — the fund's money payment (money tables and fee-for-service; zero for points).</summary>
    public Money FundPays => _day.FundPays;

    /// <summary>基金点数 — the fund's points (points tables; zero otherwise).</summary>
    public decimal FundPoints => _day.FundPoints;

    /// <summary>按项目基金支付 — what the fund would pay by item: total × item share, rounded.</summary>
    public Money ItemFund => _day.ItemFund;

    /// <summary>个人支付 — the patient's part of the items: total − item-based fund amount.</summary>
    public Money PatientPays => _day.PatientPays;

    /// <summary>结算行 — the day's settlement line (<c>OUTPATIENT_COMBINATION</c> or <c>FEE_FOR_SERVICE</c>): id the unit id, the
    /// payment basis, total cost, patient part (total − item-based fund amount) and item-based fund amount.</summary>
    /// <remarks>Built when read (<c>PricedDay.Line</c>).</remarks>
    public SettlementLine Line => _day.Line;
}
