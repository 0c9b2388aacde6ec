using System;
using System.Collections.Generic;
using MedInsurance.Payment.Validation;

namespace MedInsurance.Payment.PerDiem;

/// <summary>按床日结果状态 — the outcome of pricing a stay per diem.</summary>
public enum PerDiemStatus
{
    /// <summary>数据不合格 — the stay's data is unusable (see the issues); no line.</summary>
    Rejected = 0,

    /// <summary>不符合按床日条件 — not eligible (see the reasons); the case goes to another method (DRG/DIP).</summary>
    NotEligible = 1,

    /// <summary>已定价 — priced; the stay has a settlement line.</summary>
    Priced = 2,
}

/// <summary>按床日原因与说明 — the reasons and notes of a per-diem result, one flag per <see cref="PerDiemIssueCodes"/> code.</summary>
[Flags]
public enum PerDiemReasons
{
    /// <summary>None.</summary>
    None = 0,

    /// <summary><see cref="PerDiemIssueCodes.LengthOfStayNotPositive"/>.</summary>
    LengthOfStayNotPositive = 1 << 0,

    /// <summary><see cref="PerDiemIssueCodes.AdmissionAfterDischarge"/>.</summary>
    AdmissionAfterDischarge = 1 << 1,

    /// <summary><see cref="PerDiemIssueCodes.DischargeDateMissing"/>.</summary>
    DischargeDateMissing = 1 << 2,

    /// <summary><see cref="PerDiemIssueCodes.HospitalUnknown"/>.</summary>
    HospitalUnknown = 1 << 3,

    /// <summary><see cref="PerDiemIssueCodes.DiagnosisMissing"/>.</summary>
    DiagnosisMissing = 1 << 4,

    /// <summary><see cref="PerDiemIssueCodes.CostNegative"/>.</summary>
    CostNegative = 1 << 5,

    /// <summary><see cref="PerDiemIssueCodes.ClassNone"/>.</summary>
    ClassNone = 1 << 6,

    /// <summary><see cref="PerDiemIssueCodes.HospitalTypeNotEligible"/>.</summary>
    HospitalTypeNotEligible = 1 << 7,

    /// <summary><see cref="PerDiemIssueCodes.WardNotEligible"/>.</summary>
    WardNotEligible = 1 << 8,

    /// <summary><see cref="PerDiemIssueCodes.BelowMinimumStay"/>.</summary>
    BelowMinimumStay = 1 << 9,

    /// <summary><see cref="PerDiemIssueCodes.NoStandardForLevel"/>.</summary>
    NoStandardForLevel = 1 << 10,

    /// <summary><see cref="PerDiemIssueCodes.DaysBeyondLastBand"/> (note).</summary>
    DaysBeyondLastBand = 1 << 11,

    /// <summary><see cref="PerDiemIssueCodes.DaysBeyondStayMaximum"/> (note).</summary>
    DaysBeyondStayMaximum = 1 << 12,

    /// <summary><see cref="PerDiemIssueCodes.DaysBeyondYearMaximum"/> (note).</summary>
    DaysBeyondYearMaximum = 1 << 13,

    /// <summary><see cref="PerDiemIssueCodes.DailyCapApplied"/> (note).</summary>
    DailyCapApplied = 1 << 14,

    /// <summary><see cref="PerDiemIssueCodes.ReadmissionContinued"/> (note).</summary>
    ReadmissionContinued = 1 << 15,

    /// <summary><see cref="PerDiemIssueCodes.PolicyNotInForce"/>.</summary>
    PolicyNotInForce = 1 << 16,
}

/// <summary>
/// 按床日结果 — the per-diem result of one stay: status, class, the stay's first day in its episode, paid days, the
/// standard (床日支付标准 = Σ days × daily standard), the fund amount (基金支付 = standard × fund share, rounded once),
/// the hospital's gain or loss against its cost (结余/亏损 = standard − total cost), the bed-day points, and the reasons.
/// </summary>
/// <remarks>An immutable value computed without allocation; thread-safe. <see cref="Issues"/> builds the coded issues
/// (errors for rejected and not-eligible stays, warnings for the notes) when asked.</remarks>
public readonly struct PerDiemResult
{
    internal PerDiemResult(PerDiemStatus status, PerDiemReasons reasons, int classIndex, int firstDay, int days, int paidDays, Money standard, Money fundAmount, Money gain, decimal points)
    {
        Status = status;
        Reasons = reasons;
        ClassIndex = classIndex;
        FirstDay = firstDay;
        Days = days;
        PaidDays = paidDays;
        Standard = standard;
        FundAmount = fundAmount;
        Gain = gain;
        Points = points;
    }

    /// <summary>状态 — the status.</summary>
    public PerDiemStatus Status { get; }

    /// <summary>原因 — the reasons (rejected, not eligible) and notes (priced).</summary>
    public PerDiemReasons Reasons { get; }

    /// <summary>床日病种 — the index of the class in the policy, or −1.</summary>
    public int ClassIndex { get; }

    /// <summary>起始天 — the stay's first day counted in its episode (1, or more for a continued readmission).</summary>
    public int FirstDay { get; }

    /// <summary>住院天数 — the stay's length in days.</summary>
    public int Days { get; }

    /// <summary>支付天数 — the days paid.</summary>
    public int PaidDays { get; }

    /// <summary>床日支付标准 — Σ paid days × daily standard (after the cap); zero when the policy has no standard for the level.</summary>
    public Money Standard { get; }

    /// <summary>基金支付 — Σ days × daily standard × fund share, rounded once by the policy's fund rounding.</summary>
    public Money FundAmount { get; }

    /// <summary>结余（亏损） — standard − total cost: what the hospital keeps (negative: its loss).</summary>
    public Money Gain { get; }

    /// <summary>床日分值 — Σ paid days × points per day (× hospital coefficient when the policy says so), rounded once.</summary>
    public decimal Points { get; }

    /// <summary>Whether the stay is priced.</summary>
    public bool IsPriced => Status == PerDiemStatus.Priced;

    /// <summary>The coded issues of the result: errors for the reasons a stay is rejected or not eligible, warnings for notes. Messages carry no patient values.</summary>
    /// <returns>The issues, in flag order.</returns>
    public IReadOnlyList<ValidationIssue> Issues()
    {
        if (Reasons == PerDiemReasons.None)
        {
            return Array.Empty<ValidationIssue>();
        }

        var list = new List<ValidationIssue>();
        for (var i = 0; i < PerDiemIssueTexts.All.Length; i++)
        {
            if ((Reasons & (PerDiemReasons)(1 << i)) != 0)
            {
                list.Add(PerDiemIssueTexts.All[i]);
            }
        }

        return list;
    }
}

/// <summary>The issue of each <see cref="PerDiemReasons"/> flag, by bit position.</summary>
internal static class PerDiemIssueTexts
{
    internal static readonly ValidationIssue[] All =
    {
        ValidationIssue.Error(PerDiemIssueCodes.LengthOfStayNotPositive, "los", "住院天数须大于0", "The length of stay must be greater than 0."),
        ValidationIssue.Error(PerDiemIssueCodes.AdmissionAfterDischarge, "admission_date", "入院日期晚于出院日期", "The admission date is after the discharge date."),
        ValidationIssue.Error(PerDiemIssueCodes.DischargeDateMissing, "discharge_date", "缺少出院日期，无法确定结算月份", "The discharge date is missing, so the settlement month is not known."),
        ValidationIssue.Error(PerDiemIssueCodes.HospitalUnknown, "hospital_id", "医疗机构不在机构清单中", "The stay's hospital is not in the hospital list."),
        ValidationIssue.Error(PerDiemIssueCodes.DiagnosisMissing, "diagnoses[0]", "缺少主要诊断", "The main diagnosis is missing."),
        ValidationIssue.Error(PerDiemIssueCodes.CostNegative, "total_cost", "费用不能为负", "A cost of the stay is negative."),
        ValidationIssue.Error(PerDiemIssueCodes.ClassNone, "diagnoses[0]", "主要诊断不属于按床日付费病种，按DRG/DIP结算", "The main diagnosis is in no per-diem class: the case goes to DRG/DIP."),
        ValidationIssue.Error(PerDiemIssueCodes.HospitalTypeNotEligible, "type", "该类别医疗机构不适用本床日病种", "This class is not paid per diem at this type of hospital."),
        ValidationIssue.Error(PerDiemIssueCodes.WardNotEligible, "ward", "病区类型不适用本床日病种", "The stay's ward is not one of the class's wards."),
        ValidationIssue.Error(PerDiemIssueCodes.BelowMinimumStay, "los", "住院天数低于本病种最低天数", "The stay is shorter than the class's minimum length of stay."),
        ValidationIssue.Error(PerDiemIssueCodes.NoStandardForLevel, "level", "政策未规定该医院级别的床日标准", "The policy sets no daily standard for the hospital's level in this class."),
        ValidationIssue.Warning(PerDiemIssueCodes.DaysBeyondLastBand, "los", "超出最后分段的天数不予支付", "Days beyond the last band are not paid."),
        ValidationIssue.Warning(PerDiemIssueCodes.DaysBeyondStayMaximum, "los", "超出单次住院最高支付天数的部分不予支付", "Days beyond the class's maximum paid stay are not paid."),
        ValidationIssue.Warning(PerDiemIssueCodes.DaysBeyondYearMaximum, "los", "超出年度最高支付天数的部分不予支付", "Days beyond the yearly maximum of paid days are not paid."),
        ValidationIssue.Warning(PerDiemIssueCodes.DailyCapApplied, "daily", "床日标准高于日限额，按限额支付", "A daily standard above the daily cap was paid at the cap."),
        ValidationIssue.Warning(PerDiemIssueCodes.ReadmissionContinued, "admission_date", "再入院，延续上次住院天数计算分段", "A readmission within the policy's window: the day count continues the previous stay's."),
        ValidationIssue.Error(PerDiemIssueCodes.PolicyNotInForce, "discharge_date", "出院日期不在按床日付费政策的有效期内", "The discharge date is outside the per-diem policy's effective period."),
    };
}
