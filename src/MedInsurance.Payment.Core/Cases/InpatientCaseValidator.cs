using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using MedInsurance.Payment.Validation;

namespace MedInsurance.Payment.Cases;

/// <summary>
/// 结算清单基础校验 — the one set of basic checks of a settlement-list case, shared by the case reader, the
/// settlement-list quality control (结算清单质控), the DRG preparation and the DIP scorer: required id and main diagnosis,
/// ranges (age, age in days, ICU days, newborn weights), length of stay, date order, newborn weight, duplicated codes and
/// cost consistency. Layers add only what is theirs (a grouper: codes unknown to its rule pack; the QC checker:
/// dictionaries, clinical lists, code editions).
/// </summary>
/// <remarks>Pure and thread-safe. Returns issues; never throws on bad data. A clean case allocates nothing.</remarks>
public static class InpatientCaseValidator
{
    /// <summary>Oldest age in years accepted without an issue.</summary>
    public const int MaximumAgeYears = 150;

    // The issues without a value are the same object every time: a batch of millions of cases reports them without allocating.
    private static readonly ValidationIssue IdMissing = ValidationIssue.Error(IssueCodes.FieldRequired, "id", "缺少结算清单号/病案号", "The case id is missing.");
    private static readonly ValidationIssue MainDiagnosisMissing = ValidationIssue.Error(IssueCodes.MainDiagnosisMissing, "diagnoses[0]", "缺少主要诊断", "The main diagnosis is missing.");
    private static readonly ValidationIssue SexUnknown = ValidationIssue.Warning(IssueCodes.SexUnknown, "sex", "性别未知或未说明", "Sex is unknown or not stated.");
    private static readonly ValidationIssue AgeOutOfRange = ValidationIssue.Error(IssueCodes.FieldOutOfRange, "age", "年龄超出0–150岁", "Age must be between 0 and 150 years.");
    private static readonly ValidationIssue AgeDaysOutOfRange = ValidationIssue.Error(IssueCodes.FieldOutOfRange, "age_days", "年龄（天）仅用于不足1周岁的患儿，应在0–365之间", "Age in days applies only to infants under one year and must be 0–365.");
    private static readonly ValidationIssue LengthOfStayInvalid = ValidationIssue.Error(IssueCodes.LengthOfStayInvalid, "los", "住院天数必须大于0", "The length of stay must be at least one day.");
    private static readonly ValidationIssue DatesOutOfOrder = ValidationIssue.Error(IssueCodes.DatesOutOfOrder, "discharge_date", "出院日期早于入院日期", "The discharge date is before the admission date.");
    private static readonly ValidationIssue NewbornWeightMissing = ValidationIssue.Error(IssueCodes.NewbornWeightMissing, "birth_weight_g", "新生儿（≤28天）缺少出生体重或入院体重", "A newborn (28 days or younger) needs a birth or admission weight.");
    private static readonly ValidationIssue BirthWeightOutOfRange = ValidationIssue.Error(IssueCodes.FieldOutOfRange, "birth_weight_g", "新生儿体重应在100–9999克之间", "A newborn weight must be 100–9999 g.");
    private static readonly ValidationIssue AdmissionWeightOutOfRange = ValidationIssue.Error(IssueCodes.FieldOutOfRange, "admission_weight_g", "新生儿体重应在100–9999克之间", "A newborn weight must be 100–9999 g.");
    private static readonly ValidationIssue IcuOutOfRange = ValidationIssue.Error(IssueCodes.FieldOutOfRange, "icu_days", "重症监护天数应在0与住院天数之间", "ICU days must be between 0 and the length of stay.");
    private static readonly ValidationIssue CostNegative = ValidationIssue.Error(IssueCodes.CostNegative, "total_cost", "费用金额不能为负数", "Cost amounts must not be negative.");
    private static readonly ValidationIssue CostBreakdownMismatch = ValidationIssue.Warning(IssueCodes.CostBreakdownMismatch, "total_cost", "分项费用合计与总费用不符", "The cost categories do not add up to the total cost.");

    /// <summary>Checks a case.</summary>
    /// <param name="inpatientCase">The case.</param>
    /// <returns>The issues found, in a fixed order; empty when the case is clean.</returns>
    public static IReadOnlyList<ValidationIssue> Validate(InpatientCase inpatientCase)
    {
        List<ValidationIssue>? issues = null;
        Validate(inpatientCase, ref issues);
        return (IReadOnlyList<ValidationIssue>?)issues ?? Array.Empty<ValidationIssue>();
    }

    /// <summary>
    /// Checks a case, adding the issues to <paramref name="issues"/>, which is created only when there is one (a clean case
    /// allocates nothing): the form the DRG preparation, the DIP scorer and the QC checker call.
    /// </summary>
    internal static void Validate(InpatientCase inpatientCase, ref List<ValidationIssue>? issues) => Validate(inpatientCase, ref issues, InternedCodes.None);

    /// <summary>
    /// <see cref="Validate(InpatientCase, ref List{ValidationIssue})"/> for a case whose <paramref name="interned"/> code lists
    /// hold one string per code text (the case reader's dictionary codes): their repeats are found by reference. The
    /// issues are the same.
    /// </summary>
    internal static void Validate(InpatientCase inpatientCase, ref List<ValidationIssue>? issues, InternedCodes interned)
    {
        if (inpatientCase is null)
        {
            throw new ArgumentNullException(nameof(inpatientCase));
        }

        var c = inpatientCase;
        if (string.IsNullOrWhiteSpace(c.CaseId))
        {
            Add(ref issues, IdMissing);
        }

        if (c.MainDiagnosis.IsEmpty)
        {
            Add(ref issues, MainDiagnosisMissing);
        }

        if (c.Sex is not (Sex.Male or Sex.Female))
        {
            Add(ref issues, SexUnknown);
        }

        if (c.AgeYears < 0 || c.AgeYears > MaximumAgeYears)
        {
            Add(ref issues, AgeOutOfRange);
        }

        if (c.AgeDays is int days && (days < 0 || days > 365 || c.AgeYears > 0))
        {
            Add(ref issues, AgeDaysOutOfRange);
        }

        if (c.LengthOfStayDays <= 0)
        {
            Add(ref issues, LengthOfStayInvalid);
        }

        CheckDates(c, ref issues);
        CheckNewborn(c, ref issues);
        CheckDuplicates(c, interned, ref issues);
        CheckCosts(c, ref issues);

        if (c.IcuDays < 0 || (c.LengthOfStayDays > 0 && c.IcuDays > c.LengthOfStayDays))
        {
            Add(ref issues, IcuOutOfRange);
        }
    }

    [ThreadStatic]
    private static List<ValidationIssue>? t_scratch;

    /// <summary>Whether the basic checks find an error (a case every payment method rejects); reuses a per-thread list, so a
    /// clean case allocates nothing.</summary>
    internal static bool HasError(InpatientCase inpatientCase)
    {
        var issues = t_scratch;
        issues?.Clear();
        Validate(inpatientCase, ref issues);
        t_scratch = issues;
        if (issues is null)
        {
            return false;
        }

        var error = false;
        foreach (var issue in issues)
        {
            error |= issue.IsError;
        }

        issues.Clear();
        return error;
    }

    private static void Add(ref List<ValidationIssue>? issues, ValidationIssue issue) => (issues ??= new List<ValidationIssue>()).Add(issue);

    private static void CheckDates(InpatientCase c, ref List<ValidationIssue>? issues)
    {
        if (c.AdmissionDate is not { } admitted || c.DischargeDate is not { } discharged)
        {
            return;
        }

        // 实际住院天数 = 出院日期 − 入院日期, a same-day stay counting as one day (医保结算清单填写规范).
        var days = CalendarDates.DaysBetween(admitted, discharged);
        if (days < 0)
        {
            Add(ref issues, DatesOutOfOrder);
        }
        else if (c.LengthOfStayDays > 0 && Math.Max(1, days) != c.LengthOfStayDays)
        {
            Add(ref issues, ValidationIssue.Warning(
                IssueCodes.LengthOfStayMismatch,
                "los",
                "住院天数与入出院日期相差的天数不符",
                "The length of stay differs from the days between the admission and discharge dates.").WithValue(c.LengthOfStayDays.ToString(CultureInfo.InvariantCulture)));
        }
    }

    private static void CheckNewborn(InpatientCase c, ref List<ValidationIssue>? issues)
    {
        if (c.IsNewborn && c.BirthWeightGrams is null && c.AdmissionWeightGrams is null)
        {
            Add(ref issues, NewbornWeightMissing);
        }

        if (c.BirthWeightGrams is int birth && (birth < 100 || birth > 9999))
        {
            Add(ref issues, BirthWeightOutOfRange);
        }

        if (c.AdmissionWeightGrams is int admission && (admission < 100 || admission > 9999))
        {
            Add(ref issues, AdmissionWeightOutOfRange);
        }
    }

    private static void CheckDuplicates(InpatientCase c, InternedCodes interned, ref List<ValidationIssue>? issues)
    {
        // Almost every case lists each code once: find that out without allocating (readers validate millions of cases), and,
        // for a list of interned codes, without reading a code's text.
        if (HasRepeat(c.MainDiagnosis, c.SecondaryDiagnoses, (interned & InternedCodes.Diagnoses) != 0))
        {
            var index = 0;
            foreach (var code in c.AllDiagnoses())
            {
                if (IsRepeatAt(c.MainDiagnosis, c.SecondaryDiagnoses, index))
                {
                    Add(ref issues, ValidationIssue.Warning(IssueCodes.DiagnosisDuplicated, Field("diagnoses", index), "诊断编码重复填写", "The diagnosis code is listed more than once.").WithValue(code.Value));
                }

                index++;
            }
        }

        if (HasRepeat(c.MainProcedure, c.OtherProcedures, (interned & InternedCodes.Procedures) != 0))
        {
            var index = 0;
            foreach (var code in c.AllProcedures())
            {
                if (IsRepeatAt(c.MainProcedure, c.OtherProcedures, index))
                {
                    Add(ref issues, ValidationIssue.Warning(IssueCodes.ProcedureDuplicated, Field("procedures", index), "手术操作编码重复填写", "The procedure code is listed more than once.").WithValue(code.Value));
                }

                index++;
            }
        }
    }

    private static string Field(string column, int index) => column + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";

    /// <summary>Whether a code occurs twice among <paramref name="main"/> (when not empty) and <paramref name="others"/>.</summary>
    private static bool HasRepeat<T>(T main, IReadOnlyList<T> others, bool interned)
        where T : struct, IEquatable<T>, ICodeText
    {
        var hasMain = !main.Equals(default);
        if (others is T[] array)
        {
            // The case's own lists are arrays: compare without an interface call per element (millions of cases). A debug
            // build checks the reader's marking against the texts.
            Debug.Assert(!interned || HasSameText(main, array) == HasRepeat(main, hasMain, array), "A list marked interned holds equal codes that are different strings.");
            return interned ? HasSameText(main, array) : HasRepeat(main, hasMain, array);
        }

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

    private static bool HasRepeat<T>(T main, bool hasMain, T[] others)
        where T : struct, IEquatable<T>
    {
        for (var i = 0; i < others.Length; i++)
        {
            var code = others[i];
            if (hasMain && code.Equals(main))
            {
                return true;
            }

            for (var j = i + 1; j < others.Length; j++)
            {
                if (code.Equals(others[j]))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// Whether two codes of "main then others" are the same string: for interned codes (<see cref="InternedCodes"/>) the same
    /// answer as comparing their texts, without reading them (the texts are spread over the dictionary table's strings, the
    /// list itself was just written). The empty main code (null) is not compared; an empty code in the list compares as
    /// <see cref="HasRepeat{T}(T, bool, T[])"/> compares it (two empties are equal).
    /// </summary>
    private static bool HasSameText<T>(T main, T[] others)
        where T : struct, ICodeText
    {
        var first = main.Text;
        for (var i = 0; i < others.Length; i++)
        {
            var text = others[i].Text;
            if (first is not null && ReferenceEquals(text, first))
            {
                return true;
            }

            for (var j = i + 1; j < others.Length; j++)
            {
                if (ReferenceEquals(text, others[j].Text))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the code at <paramref name="position"/> of the list "main (when not empty) then others" repeats one before it:
    /// the second and later listings of a code are reported, the first is not.
    /// </summary>
    private static bool IsRepeatAt<T>(T main, IReadOnlyList<T> others, int position)
        where T : struct, IEquatable<T>
    {
        var hasMain = !main.Equals(default);
        var k = hasMain ? position - 1 : position; // index into others; −1 is the main code
        if (k < 0)
        {
            return false;
        }

        var code = others[k];
        if (hasMain && code.Equals(main))
        {
            return true;
        }

        for (var j = 0; j < k; j++)
        {
            if (others[j].Equals(code))
            {
                return true;
            }
        }

        return false;
    }

    private static void CheckCosts(InpatientCase c, ref List<ValidationIssue>? issues)
    {
        var costs = c.Costs;
        if (!costs.AllNonNegative())
        {
            Add(ref issues, CostNegative);
        }

        // 医疗总费用 = 各分项费用之和 (医保结算清单填写规范, 住院医疗收费信息).
        if (costs.HasCategories && costs.CategorySum != costs.Total)
        {
            Add(ref issues, CostBreakdownMismatch);
        }
    }
}
