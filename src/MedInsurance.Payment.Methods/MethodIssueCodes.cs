namespace MedInsurance.Payment.Methods;

/// <summary>
/// 支付方式问题代码 — the stable codes of the small methods and the method mix: routing reasons (why a case went to a
/// method, why it fell through the methods before it), data problems of a case (issues naming the field, never thrown)
/// and policy errors found at load.
/// </summary>
public static class MethodIssueCodes
{
    /// <summary>床日病种 (route) — the case is in a per-diem class and eligible (or rejected by per-diem data checks).</summary>
    public const string RoutePerDiem = "METHOD_ROUTE_PER_DIEM";

    /// <summary>单病种目录内 (route) — the case is on the single-disease list with a price for the hospital's level.</summary>
    public const string RouteSingleDisease = "METHOD_ROUTE_SINGLE_DISEASE";

    /// <summary>日间手术 (route) — the case is a day-surgery case (listed procedure or group, stay within the limit).</summary>
    public const string RouteDaySurgery = "METHOD_ROUTE_DAY_SURGERY";

    /// <summary>按病组 (route) — the case goes to DRG (every case reaching DRG in the order does).</summary>
    public const string RouteDrg = "METHOD_ROUTE_DRG";

    /// <summary>按病种分值 (route) — the case goes to DIP (every case reaching DIP in the order does).</summary>
    public const string RouteDip = "METHOD_ROUTE_DIP";

    /// <summary>按项目 (route) — the case goes to fee for service (a listed special disease, or every case when no list).</summary>
    public const string RouteFeeForService = "METHOD_ROUTE_FEE_FOR_SERVICE";

    /// <summary>无适用支付方式 (route) — no method of the order takes the case (field <c>diagnoses[0]</c>); the row is not priced.</summary>
    public const string RouteNone = "METHOD_ROUTE_NONE";

    /// <summary>支付方式组合不在有效期内 — the case was discharged outside the mix's <see cref="MethodMixPolicy.EffectiveFrom"/>–<see cref="MethodMixPolicy.EffectiveTo"/> (field <c>discharge_date</c>); no method takes it.</summary>
    public const string MixNotInForce = "METHOD_MIX_NOT_IN_FORCE";

    /// <summary>不符合按床日 (fallback) — not in a per-diem class, or not eligible; the case goes on to the next method.</summary>
    public const string PerDiemNotEligible = "METHOD_PER_DIEM_NOT_ELIGIBLE";

    /// <summary>不在单病种目录 (fallback) — the diagnosis (and procedure) is on no single-disease list entry.</summary>
    public const string SingleDiseaseNotListed = "SINGLE_DISEASE_NOT_LISTED";

    /// <summary>单病种无该级别价格 (fallback) — the entry has no price for the hospital's level (or the hospital is unknown).</summary>
    public const string SingleDiseaseNoPrice = "SINGLE_DISEASE_NO_PRICE";

    /// <summary>不符合日间手术 (fallback) — no listed procedure or group, or the stay is longer than the day-surgery limit.</summary>
    public const string DaySurgeryNotEligible = "DAY_SURGERY_NOT_ELIGIBLE";

    /// <summary>不属于按项目病种 (fallback) — the fee-for-service list names diagnoses and the case has none of them.</summary>
    public const string FeeForServiceNotListed = "FEE_FOR_SERVICE_NOT_LISTED";

    /// <summary>日间手术无该级别价格 — day surgery priced by price, and the procedure has no price for the level (field <c>procedures[0]</c>).</summary>
    public const string DaySurgeryNoPrice = "DAY_SURGERY_NO_PRICE";

    /// <summary>缺少出院日期 — no discharge date, so no settlement month (field <c>discharge_date</c>).</summary>
    public const string DischargeDateMissing = "METHOD_DISCHARGE_DATE_MISSING";

    /// <summary>医疗机构不在机构清单中 — the hospital is not in the hospital list (field <c>hospital_id</c>).</summary>
    public const string HospitalUnknown = "METHOD_HOSPITAL_UNKNOWN";

    /// <summary>按项目统筹支付未知 — fee for service needs the item-based fund amount and the case leaves it blank (field <c>fund_paid</c>).</summary>
    public const string FundPaidUnknown = "FEE_FOR_SERVICE_FUND_PAID_UNKNOWN";

    /// <summary>费用为负 — a cost is negative (field <c>total_cost</c>, <c>patient_paid</c> or <c>fund_paid</c>).</summary>
    public const string CostNegative = "METHOD_COST_NEGATIVE";

    /// <summary>分组结果不可用 — the DRG/DIP line the day-surgery case is paid by was not priced (see its issues).</summary>
    public const string GroupLineMissing = "DAY_SURGERY_GROUP_LINE_MISSING";

    /// <summary>政策文件不是有效的JSON或缺少必填项 — the mix policy is not valid JSON or lacks a required field.</summary>
    public const string PolicyJsonInvalid = "METHOD_POLICY_JSON_INVALID";

    /// <summary>政策取值无效 — a policy value is out of range or unknown.</summary>
    public const string PolicyValueInvalid = "METHOD_POLICY_VALUE_INVALID";

    /// <summary>支付方式顺序无效 — the order is empty, names an unknown or repeated method, or a method without its section.</summary>
    public const string PolicyOrderInvalid = "METHOD_POLICY_ORDER_INVALID";

    /// <summary>支付方式不可达 — a method follows one that takes every case (DRG, DIP, or fee for service without a list).</summary>
    public const string PolicyUnreachable = "METHOD_POLICY_UNREACHABLE";

    /// <summary>按病组支付日间手术需分组 — day surgery paid by the group, or eligible by group, needs DRG or DIP in the order.</summary>
    public const string PolicyDaySurgeryGrouper = "METHOD_POLICY_DAY_SURGERY_GROUPER";

    /// <summary>重复的目录编码 — two single-disease entries or day-surgery items share a code.</summary>
    public const string PolicyCodeDuplicated = "METHOD_POLICY_CODE_DUPLICATED";
}
