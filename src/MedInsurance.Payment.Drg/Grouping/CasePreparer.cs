using System;
using System.Collections.Generic;
using MedInsurance.Payment.Cases;
using MedInsurance.Payment.Validation;

namespace MedInsurance.Payment.Drg.Grouping;

/// <summary>
/// 病例预处理 — turns a case into the kernel's form: codes interned to ids and duplicates skipped. The case checks are the
/// one basic rule set of Core (<see cref="InpatientCaseValidator"/>: main diagnosis, length of stay, ages, newborn weight,
/// duplicates, dates, costs — the same codes and messages as the case reader and the QC checker); this class adds only what
/// is about grouping: a main diagnosis the rule pack does not know, an infant without age in days (newborn rules cannot
/// apply), a newborn without the birth weight MDCP groups by, and sex against the main diagnosis's MDC. Issues, never
/// exceptions; a clean case adds no issue list.
/// </summary>
internal sealed class CasePreparer
{
    private static readonly ValidationIssue AgeDaysMissing = ValidationIssue.Warning(DrgIssueCodes.AgeDaysMissing, "age_days", "不足1周岁患儿缺少年龄（天），新生儿规则不适用", "Age in days is missing for an infant; newborn rules cannot apply.");
    private static readonly ValidationIssue BirthWeightMissing = ValidationIssue.Error(DrgIssueCodes.BirthWeightMissing, "birth_weight_g", "新生儿缺少出生体重，MDCP 按出生体重分组", "A newborn needs a birth weight: MDCP groups by birth weight.");
    private readonly string _edition;
    private readonly CodeIdTable _dxIds;
    private readonly CodeIdTable _pxIds;
    private readonly int[] _mdcTableMask;
    private readonly CompiledMdc[] _mdcs;

    public CasePreparer(string edition, KernelTables tables)
    {
        _edition = edition;
        _dxIds = tables.DxTable;
        _pxIds = tables.PxTable;
        _mdcTableMask = tables.MdcTableMask;
        _mdcs = tables.Mdcs;
    }

    /// <summary>Prepares a case; <paramref name="checkedIssues"/>, when given, are the issues of the basic checks already run on it (with any others to keep), so they are not run again.</summary>
    public DrgCase Prepare(DrgGrouper owner, InpatientCase inpatientCase, IReadOnlyList<ValidationIssue>? checkedIssues)
    {
        if (inpatientCase is null)
        {
            throw new ArgumentNullException(nameof(inpatientCase));
        }

        var c = inpatientCase;
        List<ValidationIssue>? issues = null; // most cases have none: no list to allocate
        if (checkedIssues is null)
        {
            InpatientCaseValidator.Validate(c, ref issues);
        }
        else if (checkedIssues.Count > 0)
        {
            issues = new List<ValidationIssue>(checkedIssues);
        }

        var main = -1;
        if (!c.MainDiagnosis.IsEmpty && !_dxIds.TryGetValue(c.MainDiagnosis.Value, out main))
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

            // Duplicates (reported by the basic checks as DX_DUPLICATED) are skipped: a linear scan of the codes before this
            // one (a case lists a handful; no set to allocate).
            if (code.Value == c.MainDiagnosis.Value || IndexOf(secondary, code, i) >= 0)
            {
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
                // skipped; reported by the basic checks as PX_DUPLICATED
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

        if (c.AgeYears == 0 && c.AgeDays is null)
        {
            (issues ??= new List<ValidationIssue>()).Add(AgeDaysMissing);
        }

        // The basic checks accept a newborn with only an admission weight (清单: 出生体重 or 入院体重); MDCP groups by birth weight.
        if (c.IsNewborn && c.BirthWeightGrams is null && c.AdmissionWeightGrams is not null)
        {
            (issues ??= new List<ValidationIssue>()).Add(BirthWeightMissing);
        }

        if (c.Sex is Sex.Male or Sex.Female && main >= 0)
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
        if (items is T[] array)
        {
            // A case's lists are arrays: no interface call per element.
            for (var j = 0; j < count; j++)
            {
                if (array[j].Equals(code))
                {
                    return j;
                }
            }

            return -1;
        }

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
