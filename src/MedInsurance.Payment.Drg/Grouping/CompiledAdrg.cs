using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Runtime.CompilerServices;
using MedInsurance.Payment.Drg.Rules;

namespace MedInsurance.Payment.Drg.Grouping;

/// <summary>An ADRG in kernel form: bit sets of its code lists and procedure tables, and its DRG for each CC/MCC level.</summary>
internal sealed class CompiledAdrg
{
    // The ADRG's DRGs in the order of the edition's split rules (EditionConventions.Splits), with each rule's condition.
    private readonly Split[] _splits;

    public CompiledAdrg(AdrgRule rule, int mdc, Dictionary<string, int> dxIds, Dictionary<string, int> pxIds, int nDx, int nPx, IReadOnlyList<DrgRule> drgs, EditionConventions conventions)
    {
        Rule = rule;
        Mdc = mdc;
        MainDiagnoses = Bitset.Of(rule.MainDiagnoses, dxIds, nDx);
        AnyDiagnoses = Bitset.Of(rule.AnyDiagnoses, dxIds, nDx);
        MainProcedures = Bitset.Of(rule.MainProcedures, pxIds, nPx);
        Tables = rule.ProcedureTables.ToDictionary(t => t.Number, t => Bitset.Of(t.Codes, pxIds, nPx) ?? new Bitset(0));
        Combinations = rule.TableCombinations.Select(c => c.Select(n => Tables.TryGetValue(n, out var t) ? t : new Bitset(0)).ToArray()).ToArray();
        AgeBounded = rule.AgeBand.IsBounded;
        WeightBounded = rule.BirthWeightBand.IsBounded;
        var chosen = new List<(int Drg, DrgSplitRule Split)>();
        foreach (var split in conventions.Splits)
        {
            for (var d = 0; d < drgs.Count; d++)
            {
                if (drgs[d].Code.Length == 4 && drgs[d].Code[3] == split.Digit && string.Equals(drgs[d].Adrg, rule.Code, StringComparison.Ordinal))
                {
                    chosen.Add((d, split));
                    break;
                }
            }
        }

        // A split without an age condition gets the whole int range, so Choose tests every split the same way.
        _splits = chosen.Select(x => new Split(
            x.Drg,
            (int)x.Split.MinimumLevel,
            x.Split.HasAgeCondition ? x.Split.MinimumAgeYears : int.MinValue,
            x.Split.HasAgeCondition ? x.Split.MaximumAgeYears : int.MaxValue)).ToArray();
    }

    public AdrgRule Rule { get; }

    public int Mdc { get; }

    public Bitset? MainDiagnoses { get; }

    public Bitset? AnyDiagnoses { get; }

    public Bitset? MainProcedures { get; }

    public Dictionary<int, Bitset> Tables { get; }

    public Bitset[][] Combinations { get; }

    public bool AgeBounded { get; }

    public bool WeightBounded { get; }

    [MethodImpl(JitHints.Optimize)]
    public bool TablesSatisfied(int[] procedures)
    {
        for (var c = 0; c < Combinations.Length; c++)
        {
            var all = true;
            var combo = Combinations[c];
            for (var t = 0; t < combo.Length && all; t++)
            {
                all = combo[t].ContainsAny(procedures);
            }

            if (all)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// DRG split (3_DRG.txt fourth character), by the edition's split rules in their order: the first DRG whose minimum
    /// CC/MCC level (and age range, when it has one) the case meets. 1.1: 9 not split; 1 with MCC; 3 with CC (or MCC when
    /// there is no 1); 5 otherwise. −1 when none applies.
    /// </summary>
    [MethodImpl(JitHints.Optimize)]
    public int Choose(int level, int ageYears)
    {
        var splits = _splits;
        for (var i = 0; i < splits.Length; i++)
        {
            ref readonly var s = ref splits[i];
            if (level >= s.Level && ageYears >= s.AgeMin && ageYears <= s.AgeMax)
            {
                return s.Drg;
            }
        }

        return -1;
    }

    private readonly struct Split
    {
        public Split(int drg, int level, int ageMin, int ageMax)
        {
            Drg = drg;
            Level = level;
            AgeMin = ageMin;
            AgeMax = ageMax;
        }

        public int Drg { get; }

        public int Level { get; }

        public int AgeMin { get; }

        public int AgeMax { get; }
    }

    public string Describe(bool chinese)
    {
        string N(int n) => n.ToString(CultureInfo.InvariantCulture);
        var parts = new List<string>();
        if (Rule.MainDiagnoses.Count > 0)
        {
            parts.Add(chinese ? "主要诊断在主要诊断表内（" + N(Rule.MainDiagnoses.Count) + "个）" : "main diagnosis in list (" + N(Rule.MainDiagnoses.Count) + ")");
        }

        if (Rule.AnyDiagnoses.Count > 0)
        {
            parts.Add(chinese ? "主要或其他诊断在诊断表内（" + N(Rule.AnyDiagnoses.Count) + "个）" : "a diagnosis in list (" + N(Rule.AnyDiagnoses.Count) + ")");
        }

        if (Rule.MainProcedures.Count > 0)
        {
            parts.Add(chinese ? "主要手术在手术表内（" + N(Rule.MainProcedures.Count) + "个）" : "main procedure in list (" + N(Rule.MainProcedures.Count) + ")");
        }

        if (Rule.TableCombinations.Count > 0)
        {
            var combos = string.Join(" or ", Rule.TableCombinations.Select(c => string.Join("+", c)));
            parts.Add(chinese ? "同时包含手术表 " + combos.Replace(" or ", " 或 ") : "procedure tables " + combos);
        }

        if (Rule.RequiresOperatingRoomProcedure)
        {
            parts.Add(chinese ? "主要手术为手术室手术" : "main procedure is an operating-room procedure");
        }

        if (Rule.RequiresNoProcedure)
        {
            parts.Add(chinese ? "无手术室手术" : "no operating-room procedure");
        }

        if (AgeBounded)
        {
            parts.Add((chinese ? "年龄 " : "age ") + Rule.AgeBand);
        }

        if (WeightBounded)
        {
            parts.Add((chinese ? "出生体重 " : "birth weight ") + Rule.BirthWeightBand);
        }

        return string.Join(chinese ? "；" : "; ", parts);
    }
}
