namespace MedInsurance.Payment.Outpatient;

/// <summary>
/// 门诊支付问题代码 — the stable codes of outpatient issues: table and policy errors (thrown at load, naming file, line
/// and field), item rows (each row accepted or rejected with its codes; nothing is dropped silently), and the reasons a
/// day falls back to fee-for-service or a chronic-disease claim is paid by the person. Messages never carry patient
/// values (diagnoses, costs, ids); a value may be attached with <c>WithValue</c>.
/// </summary>
public static class OutpatientIssueCodes
{
    /// <summary>The table or policy JSON is malformed or a field has the wrong type.</summary>
    public const string JsonInvalid = "OUTPATIENT_JSON_INVALID";

    /// <summary>A required table or policy field is missing.</summary>
    public const string PolicyFieldRequired = "OUTPATIENT_POLICY_FIELD_REQUIRED";

    /// <summary>A table or policy value is outside its range, not an allowed word, or not exact to the fen.</summary>
    public const string PolicyValueInvalid = "OUTPATIENT_POLICY_VALUE_INVALID";

    /// <summary>Two combinations (or diseases) in force on the same day share a code.</summary>
    public const string PolicyCodeDuplicated = "OUTPATIENT_POLICY_CODE_DUPLICATED";

    /// <summary>A required item field is empty, or the header lacks a required column.</summary>
    public const string FieldRequired = "OUTPATIENT_FIELD_REQUIRED";

    /// <summary>An item field is malformed (date, fund, kind, quantity, amount).</summary>
    public const string FieldInvalid = "OUTPATIENT_FIELD_INVALID";

    /// <summary>一次结算跨日 — the item lines of one claim id carry two or more service dates; the whole claim is rejected, never split.</summary>
    public const string ClaimSpansDays = "OUTPATIENT_CLAIM_SPANS_DAYS";

    /// <summary>一次结算跨人员或机构 — the item lines of one claim id carry two persons, institutions, funds or diagnoses; the whole claim is rejected.</summary>
    public const string ClaimInconsistent = "OUTPATIENT_CLAIM_INCONSISTENT";

    /// <summary>同一结算其他明细被拒 — another line of the same claim was rejected, so the claim is rejected whole (never priced incomplete).</summary>
    public const string ClaimLineRejected = "OUTPATIENT_CLAIM_LINE_REJECTED";

    /// <summary>
    /// 输入未按日期排序 — a claim's service date is earlier than a day already closed: the input breaks the ordering
    /// contract (claims in non-decreasing service date, the lines of a claim contiguous); the claim is rejected, never mis-grouped.
    /// </summary>
    public const string ItemsUnsorted = "OUTPATIENT_ITEMS_UNSORTED";

    /// <summary>结算明细不连续 — a claim id reappears after other claims of the same day; the later lines are rejected.</summary>
    public const string ClaimNotContiguous = "OUTPATIENT_CLAIM_NOT_CONTIGUOUS";

    /// <summary>当日缓冲已满 — the open day holds more item lines than the buffer allows; the claim is rejected (raise the limit).</summary>
    public const string DayBufferFull = "OUTPATIENT_DAY_BUFFER_FULL";

    /// <summary>未匹配诊疗组合 — no combination in force matches the day: paid by fee-for-service (按项目).</summary>
    public const string NoCombination = "OUTPATIENT_NO_COMBINATION";

    /// <summary>机构等级未知 — the institution is not in the hospital list: the day is paid by fee-for-service.</summary>
    public const string LevelUnknown = "OUTPATIENT_LEVEL_UNKNOWN";

    /// <summary>该等级无组合价格 — the matched combination has no price at the institution's level: fee-for-service.</summary>
    public const string NoPriceAtLevel = "OUTPATIENT_NO_PRICE_AT_LEVEL";

    /// <summary>非慢特病病种 — the claim's diagnosis is on no disease list in force: the person pays.</summary>
    public const string ChronicNotListed = "OUTPATIENT_CHRONIC_NOT_LISTED";

    /// <summary>非病种支付范围 — items not covered for the disease: the person pays them.</summary>
    public const string ChronicItemsNotCovered = "OUTPATIENT_CHRONIC_ITEMS_NOT_COVERED";

    /// <summary>起付标准 — part of the covered amount went to the deductible: the person pays it.</summary>
    public const string ChronicDeductible = "OUTPATIENT_CHRONIC_DEDUCTIBLE";

    /// <summary>超过年度最高支付限额 — the disease's or the person's annual ceiling is reached: the person pays beyond it.</summary>
    public const string ChronicBeyondCeiling = "OUTPATIENT_CHRONIC_BEYOND_CEILING";

    /// <summary>无适用待遇 — the disease has no terms for the claim's fund and date: the person pays.</summary>
    public const string ChronicNoTerms = "OUTPATIENT_CHRONIC_NO_TERMS";

    /// <summary>过渡期待遇 — paid under the old local list's terms (老人老办法) within the transition.</summary>
    public const string ChronicLegacyTerms = "OUTPATIENT_CHRONIC_LEGACY_TERMS";

    /// <summary>A certification row is malformed (person, disease, date).</summary>
    public const string CertificationInvalid = "OUTPATIENT_CERTIFICATION_INVALID";
}
