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
    private readonly int _mcc;
    private readonly int _cc;
    private readonly int _none;
    private readonly int _notSplit;

    public CompiledAdrg(AdrgRule rule, int mdc, Dictionary<string, int> dxIds, Dictionary<string, int> pxIds, int nDx, int nPx, IReadOnlyList<DrgRule> drgs)
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
        _mcc = _cc = _none = _notSplit = -1;
        for (var d = 0; d < drgs.Count; d++)
        {
            if (!string.Equals(drgs[d].Adrg, rule.Code, StringComparison.Ordinal))
            {
                continue;
            }

            switch (drgs[d].Split)
            {
                case DrgSplit.WithMcc: _mcc = d; break;
                case DrgSplit.WithCc: _cc = d; break;
                case DrgSplit.WithoutCc: _none = d; break;
                case DrgSplit.NotSplit: _notSplit = d; break;
            }
        }
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

    [MethodImpl(KernelJit.Optimize)]
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

    /// <summary>DRG split (3_DRG.txt fourth character): 9 not split; 1 with MCC; 3 with CC (or MCC when there is no 1); 5 otherwise.</summary>
    [MethodImpl(KernelJit.Optimize)]
    public int Choose(int level)
    {
        if (_notSplit >= 0)
        {
            return _notSplit;
        }

        if (level >= (int)ComplicationLevel.Mcc && _mcc >= 0)
        {
            return _mcc;
        }

        if (level >= (int)ComplicationLevel.Cc && _cc >= 0)
        {
            return _cc;
        }

        return _none;
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
