using System;
using System.Collections.Generic;
using System.Linq;
using MedInsurance.Payment.Cases;

namespace MedInsurance.Payment.Dip.Internal;

/// <summary>The grouper's lookup structures, built once per catalog. Lookups allocate nothing.</summary>
internal sealed class DipGroupIndex
{
    private readonly Dictionary<CodePairKey, CoreCandidates> _core = new(CodePairKeyComparer.Instance);
    private readonly PackedTable<CoreCandidates> _packedCore;
    private readonly Dictionary<CodeKey, ByClass> _comprehensive = new(CodeKeyComparer.Instance);
    private readonly PackedTable<ByClass> _packedComprehensive;
    private readonly Dictionary<CodeKey, int> _perDiem = new(CodeKeyComparer.Instance);
    private readonly DipGroup[] _groups;
    private readonly int[] _candidates;

    public DipGroupIndex(IReadOnlyList<DipGroup> groups)
    {
        _groups = groups.ToArray();
        var core = new Dictionary<CodePairKey, List<int>>(CodePairKeyComparer.Instance);
        var comprehensive = new Dictionary<CodeKey, int[]>(CodeKeyComparer.Instance);
        for (var ordinal = 0; ordinal < _groups.Length; ordinal++)
        {
            var g = _groups[ordinal];
            switch (g.Kind)
            {
                case DipGroupKind.Comprehensive:
                    var key = new CodeKey(g.Diagnosis);
                    if (!comprehensive.TryGetValue(key, out var byClass))
                    {
                        byClass = new[] { -1, -1, -1, -1 };
                        comprehensive.Add(key, byClass);
                    }

                    if (byClass[(int)g.ProcedureClass] >= 0)
                    {
                        throw new ArgumentException("Comprehensive groups '" + _groups[byClass[(int)g.ProcedureClass]].Code + "' and '" + g.Code + "' have the same category and procedure class.", nameof(groups));
                    }

                    byClass[(int)g.ProcedureClass] = ordinal;
                    break;
                case DipGroupKind.PerDiem:
                    if (_perDiem.ContainsKey(new CodeKey(g.Diagnosis)))
                    {
                        throw new ArgumentException("Two per-diem groups have the diagnosis '" + g.Diagnosis + "'.", nameof(groups));
                    }

                    _perDiem.Add(new CodeKey(g.Diagnosis), ordinal);
                    break;
                default:
                    var pair = new CodePairKey(new CodeKey(g.Diagnosis), new CodeKey(g.MainProcedure));
                    if (!core.TryGetValue(pair, out var list))
                    {
                        list = new List<int>();
                        core.Add(pair, list);
                    }

                    if (list.Any(o => _groups[o].RelatedArray.SequenceEqual(g.RelatedArray, StringComparer.Ordinal)))
                    {
                        throw new ArgumentException("Group '" + g.Code + "' repeats the key of another group (" + g.Diagnosis + " / " + g.MainProcedure + ").", nameof(groups));
                    }

                    list.Add(ordinal);
                    break;
            }
        }

        var packedCore = new List<KeyValuePair<PackedCodePair, CoreCandidates>>();
        var candidates = new List<int>();
        foreach (var pair in core)
        {
            // Most related procedures first, so the first candidate whose related procedures are all present wins.
            var sorted = pair.Value
                .OrderByDescending(o => _groups[o].RelatedArray.Length)
                .ThenBy(o => _groups[o].Code, StringComparer.Ordinal)
                .ToArray();
            var entry = new CoreCandidates(sorted[0], _groups[sorted[0]].RelatedArray.Length, candidates.Count, sorted.Length);
            candidates.AddRange(sorted);

            // Keys that pack into 128 bits go to the integer-keyed table; a case key finds its group in the same table,
            // since whether a key packs depends only on its characters.
            var k = pair.Key;
            if (PackedCodePair.TryPack(k.Diagnosis.Text, k.Diagnosis.Length, k.Procedure.Text, k.Procedure.Length, out var packed))
            {
                packedCore.Add(new KeyValuePair<PackedCodePair, CoreCandidates>(packed, entry));
            }
            else
            {
                _core.Add(k, entry);
            }
        }

        _candidates = candidates.ToArray();
        _packedCore = new PackedTable<CoreCandidates>(packedCore);
        var packedComprehensive = new List<KeyValuePair<PackedCodePair, ByClass>>();
        foreach (var pair in comprehensive)
        {
            var byClass = new ByClass(pair.Value[0], pair.Value[1], pair.Value[2], pair.Value[3]);
            if (PackedCodePair.TryPackDiagnosis(pair.Key.Text, pair.Key.Length, out var packed))
            {
                packedComprehensive.Add(new KeyValuePair<PackedCodePair, ByClass>(packed, byClass));
            }
            else
            {
                _comprehensive.Add(pair.Key, byClass);
            }
        }

        _packedComprehensive = new PackedTable<ByClass>(packedComprehensive);
    }

    /// <summary>
    /// The grouper (payment-rules.md §3, matching a case): exact → most related procedures matched → diagnosis +
    /// main procedure → comprehensive group; null when nothing matches (the profile's unmatched rule applies).
    /// </summary>
    public int Match(InpatientCase c, ProcedureAttributeTable attributes, int perDiemMinimumDays, out DipMatchKind kind, out bool unknownAttribute)
    {
        kind = DipMatchKind.None;
        unknownAttribute = false;
        var dx = c.MainDiagnosis.Value;
        if (dx.Length == 0)
        {
            return -1;
        }

        var subLength = CodeKey.SubcategoryLength(dx);
        if (perDiemMinimumDays > 0 && c.LengthOfStayDays >= perDiemMinimumDays && _perDiem.Count > 0
            && (_perDiem.TryGetValue(new CodeKey(dx, subLength), out var perDiem) || _perDiem.TryGetValue(new CodeKey(dx, Math.Min(3, dx.Length)), out perDiem)))
        {
            kind = DipMatchKind.PerDiem;
            return perDiem;
        }

        var core = MatchCore(dx, c.MainProcedure.Value, c.OtherProcedures, out kind);
        if (core >= 0)
        {
            return core;
        }

        var comprehensive = MatchComprehensive(dx, ClassOf(c.MainProcedure, c.OtherProcedures, attributes, out unknownAttribute));
        if (comprehensive >= 0)
        {
            kind = DipMatchKind.Comprehensive;
            return comprehensive;
        }

        kind = DipMatchKind.Unmatched;
        return -1;
    }

    /// <summary>Core, primary-care and TCM groups: exact → most related procedures → diagnosis + main procedure.</summary>
    public int MatchCore(string dx, string main, IReadOnlyList<ProcedureCode> others, out DipMatchKind kind)
    {
        var dxLength = CodeKey.SubcategoryLength(dx);
        if (FindCore(dx, dxLength, main, main.Length, out var found)
            || (main.Length > 0 && FindCore(dx, dxLength, main, CodeKey.BaseLength(main), out found)))
        {
            if (found.FirstRelatedCount == 0)
            {
                // The usual case: the key's only group has no related procedures (candidates with related procedures
                // sort first, and one key has at most one group without), so no group needs to be read.
                kind = others.Count == 0 ? DipMatchKind.Exact : DipMatchKind.DiagnosisAndMainProcedure;
                return found.First;
            }

            for (var i = 0; i < found.Count; i++)
            {
                var ordinal = _candidates[found.Start + i];
                var related = _groups[ordinal].RelatedArray;
                if (AllPresent(related, others))
                {
                    kind = related.Length == others.Count ? DipMatchKind.Exact
                        : related.Length == 0 ? DipMatchKind.DiagnosisAndMainProcedure
                        : DipMatchKind.MostRelatedProcedures;
                    return ordinal;
                }
            }
        }

        kind = DipMatchKind.None;
        return -1;
    }

    private bool FindCore(string dx, int dxLength, string main, int mainLength, out CoreCandidates found) =>
        PackedCodePair.TryPack(dx, dxLength, main, mainLength, out var packed)
            ? _packedCore.TryGetValue(packed, out found)
            : _core.TryGetValue(new CodePairKey(new CodeKey(dx, dxLength), new CodeKey(main, mainLength)), out found);

    /// <summary>The comprehensive group of the diagnosis category and procedure class.</summary>
    public int MatchComprehensive(string dx, DipProcedureClass procedureClass)
    {
        var length = Math.Min(3, dx.Length);
        var byClass = default(ByClass);
        var found = PackedCodePair.TryPackDiagnosis(dx, length, out var packed)
            ? _packedComprehensive.TryGetValue(packed, out byClass)
            : _comprehensive.TryGetValue(new CodeKey(dx, length), out byClass);
        return found ? byClass.For(procedureClass) : -1;
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
        if (related.Length == 0)
        {
            return true;
        }

        if (others is ProcedureCode[] array)
        {
            // The usual backing store (InpatientCase copies its lists to arrays): no interface calls.
            for (var r = 0; r < related.Length; r++)
            {
                if (!Contains(array, related[r]))
                {
                    return false;
                }
            }

            return true;
        }

        for (var r = 0; r < related.Length; r++)
        {
            var wanted = related[r];
            var found = false;
            for (var o = 0; o < others.Count && !found; o++)
            {
                found = Same(others[o].Value, wanted);
            }

            if (!found)
            {
                return false;
            }
        }

        return true;
    }

    private static bool Contains(ProcedureCode[] others, string wanted)
    {
        for (var o = 0; o < others.Length; o++)
        {
            if (Same(others[o].Value, wanted))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Same(string code, string wanted) =>
        string.Equals(code, wanted, StringComparison.Ordinal)
        || (CodeKey.BaseLength(code) == wanted.Length && string.CompareOrdinal(code, 0, wanted, 0, wanted.Length) == 0);

    /// <summary>The groups of one core key: the first candidate inline (most related procedures first), the rest in the flat candidate array.</summary>
    private readonly struct CoreCandidates
    {
        public CoreCandidates(int first, int firstRelatedCount, int start, int count)
        {
            First = first;
            FirstRelatedCount = firstRelatedCount;
            Start = start;
            Count = count;
        }

        public int First { get; }

        public int FirstRelatedCount { get; }

        public int Start { get; }

        public int Count { get; }
    }

    /// <summary>The comprehensive groups of one diagnosis category, by procedure class (−1 when absent).</summary>
    private readonly struct ByClass
    {
        private readonly int _conservative;
        private readonly int _diagnostic;
        private readonly int _therapeutic;
        private readonly int _surgery;

        public ByClass(int c0, int c1, int c2, int c3)
        {
            _conservative = c0;
            _diagnostic = c1;
            _therapeutic = c2;
            _surgery = c3;
        }

        public int For(DipProcedureClass procedureClass) => (int)procedureClass switch
        {
            0 => _conservative,
            1 => _diagnostic,
            2 => _therapeutic,
            3 => _surgery,
            _ => -1,
        };
    }
}
