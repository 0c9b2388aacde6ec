using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using MedInsurance.Payment.Validation;

namespace MedInsurance.Payment.Cases;

/// <summary>
/// 结算清单基础校验 — the checks of a settlement-list case that need no rule pack: required fields, ranges,
/// date order, newborn weight, duplicated codes and cost consistency. Payment layers add their own checks
/// (for example, codes unknown to the grouper's dictionary).
/// </summary>
/// <remarks>Pure and thread-safe. Returns issues; never throws on bad data.</remarks>
public static class InpatientCaseValidator
{
    /// <summary>Oldest age in years accepted without an issue.</summary>
    public const int MaximumAgeYears = 150;

    /// <summary>Checks a case.</summary>
    /// <param name="inpatientCase">The case.</param>
    /// <returns>The issues found, in a fixed order; empty when the case is clean.</returns>
    public static IReadOnlyList<ValidationIssue> Validate(InpatientCase inpatientCase)
    {
        if (inpatientCase is null)
        {
            throw new ArgumentNullException(nameof(inpatientCase));
        }

        var issues = new List<ValidationIssue>();
        var c = inpatientCase;

        if (string.IsNullOrWhiteSpace(c.CaseId))
        {
            issues.Add(ValidationIssue.Error(IssueCodes.FieldRequired, "id", "缺少结算清单号/病案号", "The case id is missing."));
        }

        if (c.MainDiagnosis.IsEmpty)
        {
            issues.Add(ValidationIssue.Error(IssueCodes.MainDiagnosisMissing, "diagnoses[0]", "缺少主要诊断", "The main diagnosis is missing."));
        }

        if (c.Sex is not (Sex.Male or Sex.Female))
        {
            issues.Add(ValidationIssue.Warning(IssueCodes.SexUnknown, "sex", "性别未知或未说明", "Sex is unknown or not stated."));
        }

        if (c.AgeYears < 0 || c.AgeYears > MaximumAgeYears)
        {
            issues.Add(ValidationIssue.Error(IssueCodes.FieldOutOfRange, "age", "年龄超出0–150岁", "Age must be between 0 and 150 years."));
        }

        if (c.AgeDays is int days && (days < 0 || days > 365 || c.AgeYears > 0))
        {
            issues.Add(ValidationIssue.Error(IssueCodes.FieldOutOfRange, "age_days", "年龄（天）仅用于不足1周岁的患儿，应在0–365之间", "Age in days applies only to infants under one year and must be 0–365."));
        }

        if (c.LengthOfStayDays <= 0)
        {
            issues.Add(ValidationIssue.Error(IssueCodes.LengthOfStayInvalid, "los", "住院天数必须大于0", "The length of stay must be at least one day."));
        }

        CheckDates(c, issues);
        CheckNewborn(c, issues);
        CheckDuplicates(c, issues);
        CheckCosts(c, issues);

        if (c.IcuDays < 0 || (c.LengthOfStayDays > 0 && c.IcuDays > c.LengthOfStayDays))
        {
            issues.Add(ValidationIssue.Error(IssueCodes.FieldOutOfRange, "icu_days", "重症监护天数应在0与住院天数之间", "ICU days must be between 0 and the length of stay."));
        }

        return issues;
    }

    private static void CheckDates(InpatientCase c, List<ValidationIssue> issues)
    {
        if (c.AdmissionDate is not { } admitted || c.DischargeDate is not { } discharged)
        {
            return;
        }

        var days = CalendarDates.DaysBetween(admitted, discharged);
        if (days < 0)
        {
            issues.Add(ValidationIssue.Error(IssueCodes.DatesOutOfOrder, "discharge_date", "出院日期早于入院日期", "The discharge date is before the admission date."));
        }
        else if (c.LengthOfStayDays > 0 && Math.Max(1, days) != c.LengthOfStayDays)
        {
            issues.Add(ValidationIssue.Warning(
                IssueCodes.LengthOfStayMismatch,
                "los",
                "住院天数与入出院日期相差的天数不符",
                "The length of stay differs from the days between the admission and discharge dates.").WithValue(c.LengthOfStayDays.ToString(CultureInfo.InvariantCulture)));
        }
    }

    private static void CheckNewborn(InpatientCase c, List<ValidationIssue> issues)
    {
        if (c.IsNewborn && c.BirthWeightGrams is null && c.AdmissionWeightGrams is null)
        {
            issues.Add(ValidationIssue.Error(IssueCodes.NewbornWeightMissing, "birth_weight_g", "新生儿（≤28天）缺少出生体重或入院体重", "A newborn (28 days or younger) needs a birth or admission weight."));
        }

        CheckNewbornWeight(c.BirthWeightGrams, "birth_weight_g", issues);
        CheckNewbornWeight(c.AdmissionWeightGrams, "admission_weight_g", issues);
    }

    private static void CheckNewbornWeight(int? weight, string field, List<ValidationIssue> issues)
    {
        if (weight is int grams && (grams < 100 || grams > 9999))
        {
            issues.Add(ValidationIssue.Error(IssueCodes.FieldOutOfRange, field, "新生儿体重应在100–9999克之间", "A newborn weight must be 100–9999 g."));
        }
    }

    private static void CheckDuplicates(InpatientCase c, List<ValidationIssue> issues)
    {
        // Almost every case lists each code once: find that out without allocating (readers validate millions of cases).
        if (!HasRepeat(c.MainDiagnosis, c.SecondaryDiagnoses) && !HasRepeat(c.MainProcedure, c.OtherProcedures))
        {
            return;
        }

        ReportRepeats(c.AllDiagnoses().Select(d => d.Value), IssueCodes.DiagnosisDuplicated, "diagnoses", "诊断", "diagnosis", issues);
        ReportRepeats(c.AllProcedures().Select(p => p.Value), IssueCodes.ProcedureDuplicated, "procedures", "手术操作", "procedure", issues);
    }

    /// <summary>Whether a code occurs twice among <paramref name="main"/> (when not empty) and <paramref name="others"/>.</summary>
    private static bool HasRepeat<T>(T main, IReadOnlyList<T> others)
        where T : struct, IEquatable<T>
    {
        if (others.Count > 64)
        {
            return true; // rare: let the set-based check decide
        }

        var hasMain = !main.Equals(default);
        for (var i = 0; i < others.Count; i++)
        {
            if (hasMain && others[i].Equals(main))
            {
                return true;
            }

            for (var j = i + 1; j < others.Count; j++)
            {
                if (others[i].Equals(others[j]))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static void ReportRepeats(IEnumerable<string> codes, string issueCode, string column, string kindZh, string kindEn, List<ValidationIssue> issues)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var code in codes)
        {
            if (!seen.Add(code))
            {
                issues.Add(ValidationIssue.Warning(
                    issueCode,
                    column + "[" + index.ToString(CultureInfo.InvariantCulture) + "]",
                    kindZh + "编码重复填写",
                    "The " + kindEn + " code is listed more than once.").WithValue(code));
            }

            index++;
        }
    }

    private static void CheckCosts(InpatientCase c, List<ValidationIssue> issues)
    {
        var costs = c.Costs;
        if (!costs.AllNonNegative())
        {
            issues.Add(ValidationIssue.Error(IssueCodes.CostNegative, "total_cost", "费用金额不能为负数", "Cost amounts must not be negative."));
        }

        if (costs.HasCategories && costs.CategorySum != costs.Total)
        {
            issues.Add(ValidationIssue.Warning(
                IssueCodes.CostBreakdownMismatch,
                "total_cost",
                "分项费用合计与总费用不符",
                "The cost categories do not add up to the total cost."));
        }
    }
}
