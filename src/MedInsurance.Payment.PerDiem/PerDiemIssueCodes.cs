namespace MedInsurance.Payment.PerDiem;

/// <summary>
/// 按床日问题代码 — the stable codes of per-diem problems: data problems of a stay (reported as issues naming the field,
/// never thrown), eligibility decisions, notes on unpaid days, and policy errors found at load.
/// </summary>
public static class PerDiemIssueCodes
{
    /// <summary>住院天数不大于0 — the length of stay is zero or negative (field <c>los</c>).</summary>
    public const string LengthOfStayNotPositive = "PERDIEM_LOS_NOT_POSITIVE";

    /// <summary>入院日期晚于出院日期 — the admission date is after the discharge date (field <c>admission_date</c>).</summary>
    public const string AdmissionAfterDischarge = "PERDIEM_ADMISSION_AFTER_DISCHARGE";

    /// <summary>缺少出院日期 — no discharge date, so no settlement month (field <c>discharge_date</c>).</summary>
    public const string DischargeDateMissing = "PERDIEM_DISCHARGE_DATE_MISSING";

    /// <summary>医疗机构不在机构清单中 — the stay's hospital is not in the hospital list (field <c>hospital_id</c>).</summary>
    public const string HospitalUnknown = "PERDIEM_HOSPITAL_UNKNOWN";

    /// <summary>缺少主要诊断 — the stay has no main diagnosis (field <c>diagnoses[0]</c>).</summary>
    public const string DiagnosisMissing = "PERDIEM_DIAGNOSIS_MISSING";

    /// <summary>费用为负 — a cost is negative (field <c>total_cost</c>, <c>patient_paid</c> or <c>fund_paid</c>).</summary>
    public const string CostNegative = "PERDIEM_COST_NEGATIVE";

    /// <summary>主要诊断不属于任何床日病种 (not eligible) — the main diagnosis is in no per-diem class; the case goes to DRG/DIP.</summary>
    public const string ClassNone = "PERDIEM_CLASS_NONE";

    /// <summary>医疗机构类别不适用 (not eligible) — the class is not paid per diem at this kind of hospital.</summary>
    public const string HospitalTypeNotEligible = "PERDIEM_HOSPITAL_TYPE_NOT_ELIGIBLE";

    /// <summary>病区类型不适用 (not eligible) — the stay's ward is not one of the class's wards.</summary>
    public const string WardNotEligible = "PERDIEM_WARD_NOT_ELIGIBLE";

    /// <summary>住院天数低于最低天数 (not eligible) — the stay is shorter than the class's minimum.</summary>
    public const string BelowMinimumStay = "PERDIEM_BELOW_MINIMUM_STAY";

    /// <summary>该医院级别无床日标准 (not eligible) — the policy sets no daily standard for the hospital's level in this class.</summary>
    public const string NoStandardForLevel = "PERDIEM_NO_STANDARD_FOR_LEVEL";

    /// <summary>超出最后分段的天数不予支付 (note) — days beyond the last band are not paid.</summary>
    public const string DaysBeyondLastBand = "PERDIEM_DAYS_BEYOND_LAST_BAND";

    /// <summary>超出单次住院最高支付天数 (note) — days beyond the class's maximum paid stay are not paid.</summary>
    public const string DaysBeyondStayMaximum = "PERDIEM_DAYS_BEYOND_STAY_MAXIMUM";

    /// <summary>超出年度最高支付天数 (note) — days beyond the patient's yearly maximum are not paid.</summary>
    public const string DaysBeyondYearMaximum = "PERDIEM_DAYS_BEYOND_YEAR_MAXIMUM";

    /// <summary>日标准超过日限额，按限额支付 (note) — a daily standard above the class's daily cap was paid at the cap.</summary>
    public const string DailyCapApplied = "PERDIEM_DAILY_CAP_APPLIED";

    /// <summary>再入院，延续上次住院天数 (note) — a readmission within the policy's days continues the previous stay's day count.</summary>
    public const string ReadmissionContinued = "PERDIEM_READMISSION_CONTINUED";

    /// <summary>政策JSON无效 — the policy JSON is malformed or a required field is missing.</summary>
    public const string PolicyJsonInvalid = "PERDIEM_POLICY_JSON_INVALID";

    /// <summary>政策字段取值无效 — a policy field is outside its domain.</summary>
    public const string PolicyValueInvalid = "PERDIEM_POLICY_VALUE_INVALID";

    /// <summary>分段之间有空缺 — a band does not start the day after the previous one ends (or the first does not start on day 1).</summary>
    public const string PolicyBandGap = "PERDIEM_POLICY_BAND_GAP";

    /// <summary>分段重叠 — a band starts on or before the last day of the previous one.</summary>
    public const string PolicyBandOverlap = "PERDIEM_POLICY_BAND_OVERLAP";

    /// <summary>医院级别标准不完整 — a level has a daily standard or fund share in some bands of a class but not all.</summary>
    public const string PolicyLevelIncomplete = "PERDIEM_POLICY_LEVEL_INCOMPLETE";

    /// <summary>病种编码重复 — two classes have the same code.</summary>
    public const string PolicyClassDuplicated = "PERDIEM_POLICY_CLASS_DUPLICATED";

    /// <summary>政策不在有效期内 — the stay was discharged outside the policy's <see cref="PerDiemPolicy.EffectiveFrom"/>–<see cref="PerDiemPolicy.EffectiveTo"/> (field <c>discharge_date</c>).</summary>
    public const string PolicyNotInForce = "PERDIEM_POLICY_NOT_IN_FORCE";
}
