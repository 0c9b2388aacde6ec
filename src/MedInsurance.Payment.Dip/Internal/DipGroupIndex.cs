using System;
using System.Collections.Generic;
using System.Linq;
using MedInsurance.Payment.Cases;

namespace MedInsurance.Payment.Dip.Internal;

/// <summary>The grouper's lookup structures, built once per catalog. Lookups allocate nothing.</summary>
internal sealed class DipGroupIndex
{
    private readonly Dictionary<CodePairKey, DipGroup[]> _core = new(CodePairKeyComparer.Instance);
    private readonly Dictionary<CodeKey, DipGroup?[]> _comprehensive = new(CodeKeyComparer.Instance);
    private readonly Dictionary<CodeKey, DipGroup> _perDiem = new(CodeKeyComparer.Instance);

    public DipGroupIndex(IReadOnlyList<DipGroup> groups)
    {
        var core = new Dictionary<CodePairKey, List<DipGroup>>(CodePairKeyComparer.Instance);
        foreach (var g in groups)
        {
            switch (g.Kind)
            {
                case DipGroupKind.Comprehensive:
                    var key = new CodeKey(g.Diagnosis);
                    if (!_comprehensive.TryGetValue(key, out var byClass))
                    {
                        byClass = new DipGroup?[4];
                        _comprehensive.Add(key, byClass);
                    }

                    if (byClass[(int)g.ProcedureClass] is { } existing)
                    {
                        throw new ArgumentException("Comprehensive groups '" + existing.Code + "' and '" + g.Code + "' have the same category and procedure class.", nameof(groups));
                    }

                    byClass[(int)g.ProcedureClass] = g;
                    break;
                case DipGroupKind.PerDiem:
                    if (_perDiem.ContainsKey(new CodeKey(g.Diagnosis)))
                    {
                        throw new ArgumentException("Two per-diem groups have the diagnosis '" + g.Diagnosis + "'.", nameof(groups));
                    }

                    _perDiem.Add(new CodeKey(g.Diagnosis), g);
                    break;
                default:
                    var pair = new CodePairKey(new CodeKey(g.Diagnosis), new CodeKey(g.MainProcedure));
                    if (!core.TryGetValue(pair, out var list))
                    {
                        list = new List<DipGroup>();
                        core.Add(pair, list);
                    }

                    if (list.Any(o => o.RelatedArray.SequenceEqual(g.RelatedArray, StringComparer.Ordinal)))
                    {
                        throw new ArgumentException("Group '" + g.Code + "' repeats the key of another group (" + g.Diagnosis + " / " + g.MainProcedure + ").", nameof(groups));
                    }

                    list.Add(g);
                    break;
            }
        }

        foreach (var pair in core)
        {
            // Most related procedures first, so the first candidate whose related procedures are all present wins.
            _core.Add(pair.Key, pair.Value
                .OrderByDescending(g => g.RelatedArray.Length)
                .ThenBy(g => g.Code, StringComparer.Ordinal)
                .ToArray());
        }
    }

    /// <summary>
    /// The grouper (payment-rules.md §3, matching a case): exact → most related procedures matched → diagnosis +
    /// main procedure → comprehensive group; null when nothing matches (the profile's unmatched rule applies).
    /// </summary>
    public DipGroup? Match(InpatientCase c, ProcedureAttributeTable attributes, int perDiemMinimumDays, out DipMatchKind kind, out bool unknownAttribute)
    {
        kind = DipMatchKind.None;
        unknownAttribute = false;
        var dx = c.MainDiagnosis.Value;
        if (dx.Length == 0)
        {
            return null;
        }

        var subLength = CodeKey.SubcategoryLength(dx);
        if (perDiemMinimumDays > 0 && c.LengthOfStayDays >= perDiemMinimumDays && _perDiem.Count > 0
            && (_perDiem.TryGetValue(new CodeKey(dx, subLength), out var perDiem) || _perDiem.TryGetValue(new CodeKey(dx, Math.Min(3, dx.Length)), out perDiem)))
        {
            kind = DipMatchKind.PerDiem;
            return perDiem;
        }

        if (TryMatchCore(dx, c.MainProcedure.Value, c.OtherProcedures, out var core, out kind))
        {
            return core;
        }

        if (TryMatchComprehensive(dx, ClassOf(c.MainProcedure, c.OtherProcedures, attributes, out unknownAttribute), out var comprehensive))
        {
            kind = DipMatchKind.Comprehensive;
            return comprehensive;
        }

        kind = DipMatchKind.Unmatched;
        return null;
    }

    /// <summary>Core, primary-care and TCM groups: exact → most related procedures → diagnosis + main procedure.</summary>
    public bool TryMatchCore(string dx, string main, IReadOnlyList<ProcedureCode> others, out DipGroup group, out DipMatchKind kind)
    {
        var diagnosisKey = new CodeKey(dx, CodeKey.SubcategoryLength(dx));
        if (_core.TryGetValue(new CodePairKey(diagnosisKey, new CodeKey(main)), out var candidates)
            || (main.Length > 0 && _core.TryGetValue(new CodePairKey(diagnosisKey, new CodeKey(main, CodeKey.BaseLength(main))), out candidates)))
        {
            for (var i = 0; i < candidates.Length; i++)
            {
                var related = candidates[i].RelatedArray;
                if (AllPresent(related, others))
                {
                    kind = related.Length == others.Count ? DipMatchKind.Exact
                        : related.Length == 0 ? DipMatchKind.DiagnosisAndMainProcedure
                        : DipMatchKind.MostRelatedProcedures;
                    group = candidates[i];
                    return true;
                }
            }
        }

        group = null!;
        kind = DipMatchKind.None;
        return false;
    }

    /// <summary>The comprehensive group of the diagnosis category and procedure class.</summary>
    public bool TryMatchComprehensive(string dx, DipProcedureClass procedureClass, out DipGroup group)
    {
        if (_comprehensive.TryGetValue(new CodeKey(dx, Math.Min(3, dx.Length)), out var byClass) && byClass[(int)procedureClass] is { } found)
        {
            group = found;
            return true;
        }

        group = null!;
        return false;
    }

    /// <summary>The case's procedure class: the highest class among its procedures (surgery &gt; therapeutic &gt; diagnostic &gt; conservative).</summary>
    public static DipProcedureClass ClassOf(ProcedureCode main, IReadOnlyList<ProcedureCode> others, ProcedureAttributeTable attributes, out bool unknownAttribute)
    {
        unknownAttribute = false;
        var result = DipProcedureClass.Conservative;
        if (!main.IsEmpty)
        {
            var attribute = attributes.Get(main);
            unknownAttribute |= attribute == DipProcedureAttribute.Unknown;
            result = ProcedureAttributeTable.ClassOf(attribute);
        }

        for (var i = 0; i < others.Count; i++)
        {
            var attribute = attributes.Get(others[i]);
            unknownAttribute |= attribute == DipProcedureAttribute.Unknown;
            var cls = ProcedureAttributeTable.ClassOf(attribute);
            if (cls > result)
            {
                result = cls;
            }
        }

        return result;
    }

    private static bool AllPresent(string[] related, IReadOnlyList<ProcedureCode> others)
    {
        for (var r = 0; r < related.Length; r++)
        {
            var wanted = related[r];
            var found = false;
            for (var o = 0; o < others.Count && !found; o++)
            {
                var code = others[o].Value;
                found = string.Equals(code, wanted, StringComparison.Ordinal)
                    || (CodeKey.BaseLength(code) == wanted.Length && string.CompareOrdinal(code, 0, wanted, 0, wanted.Length) == 0);
            }

            if (!found)
            {
                return false;
            }
        }

        return true;
    }
}
