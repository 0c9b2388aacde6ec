using System;
using System.Collections.Generic;
using System.Globalization;
using MedInsurance.Payment.Cases;
using MedInsurance.Payment.Validation;

namespace MedInsurance.Payment.Drg.Grouping;

/// <summary>
/// 病例预处理 — turns a case into the kernel's form: codes interned to ids, duplicates removed with a warning, and the
/// input checked (missing main diagnosis, length of stay, ages, newborn weight, sex against the main diagnosis). Issues,
/// never exceptions.
/// </summary>
internal sealed class CasePreparer
{
    private readonly string _edition;
    private readonly Dictionary<string, int> _dxIds;
    private readonly Dictionary<string, int> _pxIds;
    private readonly int[] _mdcTableMask;
    private readonly CompiledMdc[] _mdcs;

    public CasePreparer(string edition, KernelTables tables)
    {
        _edition = edition;
        _dxIds = tables.DxIds;
        _pxIds = tables.PxIds;
        _mdcTableMask = tables.MdcTableMask;
        _mdcs = tables.Mdcs;
    }

    public DrgCase Prepare(DrgGrouper owner, InpatientCase inpatientCase)
    {
        if (inpatientCase is null)
        {
            throw new ArgumentNullException(nameof(inpatientCase));
        }

        var c = inpatientCase;
        List<ValidationIssue>? issues = null; // most cases have none: no list to allocate
        var main = -1;
        if (c.MainDiagnosis.IsEmpty)
        {
            (issues ??= new List<ValidationIssue>()).Add(ValidationIssue.Error(IssueCodes.MainDiagnosisMissing, "diagnoses[0]", "缺少主要诊断", "The main diagnosis is missing."));
        }
        else if (!_dxIds.TryGetValue(c.MainDiagnosis.Value, out main))
        {
            main = -1;
            (issues ??= new List<ValidationIssue>()).Add(ValidationIssue.Error(DrgIssueCodes.MainDiagnosisUnknown, "diagnoses[0]", "主要诊断不在 " + _edition + " 分组方案中", "The main diagnosis is not in any table of " + _edition + ".").WithValue(c.MainDiagnosis.Value));
        }

        var secondary = c.SecondaryDiagnoses;
        var diagnoses = new int[1 + secondary.Count];
        var diagnosisCount = 0;
        if (main >= 0)
        {
            diagnoses[diagnosisCount++] = main;
        }

        for (var i = 0; i < secondary.Count; i++)
        {
            var code = secondary[i];
            if (code.IsEmpty)
            {
                continue;
            }

            // Duplicates: a linear scan of the codes before this one (a case lists a handful; no set to allocate).
            if (code.Value == c.MainDiagnosis.Value || IndexOf(secondary, code, i) >= 0)
            {
                (issues ??= new List<ValidationIssue>()).Add(ValidationIssue.Warning(IssueCodes.DiagnosisDuplicated, "diagnoses[" + (i + 1).ToString(CultureInfo.InvariantCulture) + "]", "诊断重复，已忽略", "The diagnosis is listed more than once; ignored.").WithValue(code.Value));
                continue;
            }

            if (_dxIds.TryGetValue(code.Value, out var id))
            {
                diagnoses[diagnosisCount++] = id;
            }
        }

        var others = c.OtherProcedures;
        var procedures = new int[1 + others.Count];
        var procedureCount = 0;
        var mainPx = -1;
        var index = 0;
        for (var k = c.MainProcedure.IsEmpty ? 0 : -1; k < others.Count; k++)
        {
            var code = k < 0 ? c.MainProcedure : others[k];
            if (k >= 0 && ((!c.MainProcedure.IsEmpty && code == c.MainProcedure) || IndexOf(others, code, k) >= 0))
            {
                (issues ??= new List<ValidationIssue>()).Add(ValidationIssue.Warning(IssueCodes.ProcedureDuplicated, "procedures[" + index.ToString(CultureInfo.InvariantCulture) + "]", "手术操作重复，已忽略", "The procedure is listed more than once; ignored.").WithValue(code.Value));
            }
            else if (_pxIds.TryGetValue(code.Value, out var id))
            {
                if (index == 0)
                {
                    mainPx = id;
                }

                procedures[procedureCount++] = id;
            }

            index++;
        }

        if (c.LengthOfStayDays <= 0)
        {
            (issues ??= new List<ValidationIssue>()).Add(ValidationIssue.Error(IssueCodes.LengthOfStayInvalid, "los", "住院天数必须大于0", "The length of stay must be at least one day."));
        }

        if (c.AgeYears < 0 || c.AgeYears > InpatientCaseValidator.MaximumAgeYears || c.AgeDays is < 0 or > 365)
        {
            (issues ??= new List<ValidationIssue>()).Add(ValidationIssue.Error(IssueCodes.FieldOutOfRange, "age", "年龄超出范围", "The age is out of range."));
        }

        if (c.AgeYears == 0 && c.AgeDays is null)
        {
            (issues ??= new List<ValidationIssue>()).Add(ValidationIssue.Warning(DrgIssueCodes.AgeDaysMissing, "age_days", "不足1周岁患儿缺少年龄（天），新生儿规则不适用", "Age in days is missing for an infant; newborn rules cannot apply."));
        }

        if (c.IsNewborn && c.BirthWeightGrams is null)
        {
            (issues ??= new List<ValidationIssue>()).Add(ValidationIssue.Error(IssueCodes.NewbornWeightMissing, "birth_weight_g", "新生儿缺少出生体重", "A newborn (28 days or younger) needs a birth weight."));
        }

        if (c.Sex is not (Sex.Male or Sex.Female))
        {
            (issues ??= new List<ValidationIssue>()).Add(ValidationIssue.Warning(IssueCodes.SexUnknown, "sex", "性别未知，MDCM/MDCN 不能入组", "Sex is unknown; MDCM/MDCN cannot be entered."));
        }
        else if (main >= 0)
        {
            var conflict = SexConflict(main, c.Sex);
            if (conflict is not null)
            {
                (issues ??= new List<ValidationIssue>()).Add(ValidationIssue.Warning(DrgIssueCodes.SexDiagnosisConflict, "sex", "性别与主要诊断（" + conflict + "）冲突", "Sex conflicts with the main diagnosis (" + conflict + ")."));
            }
        }

        Array.Resize(ref diagnoses, diagnosisCount);
        Array.Resize(ref procedures, procedureCount);
        return new DrgCase(owner, c, main, diagnoses, mainPx, procedures, (IReadOnlyList<ValidationIssue>?)issues ?? Array.Empty<ValidationIssue>());
    }

    /// <summary>The position of <paramref name="code"/> among the first <paramref name="count"/> items, or −1.</summary>
    private static int IndexOf<T>(IReadOnlyList<T> items, T code, int count)
        where T : IEquatable<T>
    {
        for (var j = 0; j < count; j++)
        {
            if (items[j].Equals(code))
            {
                return j;
            }
        }

        return -1;
    }

    private string? SexConflict(int main, Sex sex)
    {
        var mask = _mdcTableMask[main];
        string? conflict = null;
        for (var m = 0; m < _mdcs.Length; m++)
        {
            if ((mask & (1 << m)) == 0)
            {
                continue;
            }

            var implied = _mdcs[m].ImpliedSex;
            if (implied != Sex.Unknown && implied != sex)
            {
                conflict = _mdcs[m].Rule.Code;
            }
            else
            {
                return null;
            }
        }

        return conflict;
    }
}
