using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using MedInsurance.Payment.Cases;
using MedInsurance.Payment.Drg.Grouping;
using MedInsurance.Payment.Drg.Rules;
using static MedInsurance.Payment.Drg.Tests.MiniRuleText;

namespace MedInsurance.Payment.Drg.Tests;

/// <summary>
/// Domain properties of CHS-DRG grouping on the 1.1 rule pack, with generators that shrink (a failing case loses
/// secondary diagnoses and procedures one at a time until the smallest failing case is left).
/// </summary>
/// <remarks>
/// A “neutral” secondary diagnosis is one the pack uses for nothing but CC/MCC: it is in no MDCZ trauma region (those
/// count for multiple trauma) and in no ADRG's 主要诊断或其他诊断 / 包含以下诊断 list (PS1–PS4, YC1).
/// </remarks>
public sealed class DomainPropertyTests
{
    [Fact]
    public void An_excluded_cc_or_mcc_never_changes_the_drg()
    {
        var w = World.Get();
        var gen =
            from spec in w.Specs()
            from complication in Gen.Elements(w.ExcludableComplications)
            from main in Gen.Elements(w.Pack.ExclusionTables[w.Pack.Complications[complication].ExclusionTable!].MainDiagnoses.ToArray())
            select (Spec: spec with { Main = main }, Extra: complication);
        Check(gen, w, t => t.Extra != t.Spec.Main, t =>
        {
            var before = w.Grouper.Group(t.Spec.ToCase());
            var after = w.Grouper.Group(t.Spec.With(t.Extra).ToCase());
            return before.Drg == after.Drg && (after.Status != DrgStatus.Grouped || after.Excluded.Any(f => f.Code == t.Extra));
        });
    }

    [Fact]
    public void Adding_a_cc_never_lowers_the_split()
    {
        var w = World.Get();
        var gen = from spec in w.Specs() from cc in Gen.Elements(w.NeutralCcs) select (Spec: spec, Extra: cc);
        Check(gen, w, t => t.Extra != t.Spec.Main, t =>
        {
            var before = w.Grouper.Group(t.Spec.ToCase());
            var after = w.Grouper.Group(t.Spec.With(t.Extra).ToCase());
            if (before.Status != DrgStatus.Grouped)
            {
                return before.Adrg == after.Adrg;
            }

            // Split digit: 1 with MCC, 3 with CC, 5 without, 9 not split; a higher severity is a smaller digit.
            return after.Status == DrgStatus.Grouped && after.Adrg == before.Adrg && after.Drg[3] <= before.Drg[3];
        });
    }

    [Fact]
    public void Adding_a_neutral_secondary_diagnosis_never_changes_the_adrg()
    {
        var w = World.Get();
        var gen = from spec in w.Specs() from dx in Gen.Elements(w.NeutralDiagnoses) select (Spec: spec, Extra: dx);
        Check(gen, w, t => t.Extra != t.Spec.Main, t =>
        {
            var before = w.Grouper.Group(t.Spec.ToCase());
            var after = w.Grouper.Group(t.Spec.With(t.Extra).ToCase());
            return (before.Mdc, before.Adrg) == (after.Mdc, after.Adrg);
        });
    }

    [Fact]
    public void The_result_does_not_depend_on_the_order_of_secondary_codes()
    {
        var w = World.Get();
        var gen = from spec in w.Specs() from seed in Gen.Choose(0, int.MaxValue) select (Spec: spec, Extra: seed);
        Check(gen, w, _ => true, t =>
        {
            var random = new Random(t.Extra);
            var shuffled = t.Spec with
            {
                Secondary = t.Spec.Secondary.OrderBy(_ => random.Next()).ToArray(),
                Procedures = t.Spec.Procedures.Take(1).Concat(t.Spec.Procedures.Skip(1).OrderBy(_ => random.Next())).ToArray(),
            };
            var a = w.Grouper.Group(t.Spec.ToCase());
            var b = w.Grouper.Group(shuffled.ToCase());
            return a.Drg == b.Drg && a.Status == b.Status
                && a.Counted.Select(f => f.Code).OrderBy(c => c, StringComparer.Ordinal).SequenceEqual(b.Counted.Select(f => f.Code).OrderBy(c => c, StringComparer.Ordinal));
        });
    }

    [Fact]
    public void The_shrinker_removes_codes_one_at_a_time()
    {
        var spec = new CaseSpec("I63.900", new[] { "E11.900", "I10.x00" }, new[] { "01.2400" }, Sex.Male, 40);
        var smaller = CaseSpec.Shrink(spec).ToList();
        Assert.Contains(smaller, s => s.Secondary.SequenceEqual(new[] { "I10.x00" }));
        Assert.Contains(smaller, s => s.Secondary.SequenceEqual(new[] { "E11.900" }));
        Assert.Contains(smaller, s => s.Procedures.Length == 0);
        Assert.All(smaller, s => Assert.Equal("I63.900", s.Main));
    }

    private static void Check<T>(Gen<(CaseSpec Spec, T Extra)> gen, World w, Func<(CaseSpec Spec, T Extra), bool> applies, Func<(CaseSpec Spec, T Extra), bool> property)
    {
        _ = w;
        var arb = Arb.From(gen, t => CaseSpec.Shrink(t.Spec).Select(s => (s, t.Extra)));
        FsCheck.Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), Prop.ForAll(arb, t => !applies(t) || property(t)));
    }

    /// <summary>The pack, grouper and code pools, built once.</summary>
    private sealed class World
    {
        private static readonly object Gate = new();
        private static World? _instance;

        private World()
        {
            Grouper = SharedPack.Grouper(ambiguousCheck: false);
            Pack = Grouper.Pack;
            var trauma = new HashSet<string>(Pack.Mdcs.SelectMany(m => m.TraumaRegions.Keys), StringComparer.Ordinal);
            var any = new HashSet<string>(Pack.Adrgs.SelectMany(a => a.AnyDiagnoses), StringComparer.Ordinal);
            bool Neutral(string code) => !trauma.Contains(code) && !any.Contains(code);
            TraumaDiagnoses = trauma.OrderBy(c => c, StringComparer.Ordinal).ToArray();
            MainDiagnoses = Pack.Mdcs.SelectMany(m => m.MainDiagnoses).Distinct(StringComparer.Ordinal).OrderBy(c => c, StringComparer.Ordinal).ToArray();
            NeutralDiagnoses = MainDiagnoses.Concat(Pack.Complications.Keys).Distinct(StringComparer.Ordinal).Where(Neutral).OrderBy(c => c, StringComparer.Ordinal).ToArray();
            NeutralCcs = Pack.Complications.Values.Where(c => c.Level == ComplicationLevel.Cc && Neutral(c.Code)).Select(c => c.Code).OrderBy(c => c, StringComparer.Ordinal).ToArray();
            ExcludableComplications = Pack.Complications.Values
                .Where(c => c.ExclusionTable is not null && Pack.ExclusionTables.TryGetValue(c.ExclusionTable, out var t) && t.MainDiagnoses.Count > 0 && Neutral(c.Code))
                .Select(c => c.Code).OrderBy(c => c, StringComparer.Ordinal).ToArray();
            Procedures = Pack.Adrgs.SelectMany(a => a.MainProcedures.Concat(a.ProcedureTables.SelectMany(t => t.Codes))).Distinct(StringComparer.Ordinal).OrderBy(c => c, StringComparer.Ordinal).ToArray();
        }

        public DrgGrouper Grouper { get; }

        public RulePack Pack { get; }

        public string[] MainDiagnoses { get; }

        public string[] TraumaDiagnoses { get; }

        public string[] NeutralDiagnoses { get; }

        public string[] NeutralCcs { get; }

        public string[] ExcludableComplications { get; }

        public string[] Procedures { get; }

        public static World Get()
        {
            lock (Gate)
            {
                return _instance ??= new World();
            }
        }

        public Gen<CaseSpec> Specs() =>
            from main in Gen.OneOf(Gen.Elements(MainDiagnoses), Gen.Elements(TraumaDiagnoses)) // trauma mains half the time: MDCZ is where secondaries matter most
            from secondary in Gen.Elements(NeutralDiagnoses.Concat(Pack.Complications.Keys).ToArray()).ArrayOf()
            from procedures in Gen.Elements(Procedures).ArrayOf()
            from sex in Gen.Elements(Sex.Male, Sex.Female)
            from age in Gen.Elements(1, 40, 70)
            select new CaseSpec(main, secondary.Where(d => d != main).Distinct(StringComparer.Ordinal).ToArray(), procedures.Distinct(StringComparer.Ordinal).ToArray(), sex, age);
    }
}

/// <summary>A generated case: codes, sex and age (adults and children only; newborn rules are not under test here).</summary>
/// <param name="Main">The main diagnosis.</param>
/// <param name="Secondary">Secondary diagnoses, distinct, without the main one.</param>
/// <param name="Procedures">Procedures, distinct; the first is the main procedure.</param>
/// <param name="Sex">The sex.</param>
/// <param name="Age">Age in years (≥ 1).</param>
internal sealed record CaseSpec(string Main, string[] Secondary, string[] Procedures, Sex Sex, int Age)
{
    public CaseSpec With(string secondary) => this with { Secondary = Secondary.Where(d => d != secondary).Append(secondary).ToArray() };

    public InpatientCase ToCase() => Case(Main, string.Join("|", Secondary), string.Join("|", Procedures), Sex, Age);

    /// <summary>Smaller cases: one secondary diagnosis or one procedure fewer.</summary>
    public static IEnumerable<CaseSpec> Shrink(CaseSpec spec)
    {
        for (var i = 0; i < spec.Secondary.Length; i++)
        {
            yield return spec with { Secondary = spec.Secondary.Where((_, k) => k != i).ToArray() };
        }

        for (var i = 0; i < spec.Procedures.Length; i++)
        {
            yield return spec with { Procedures = spec.Procedures.Where((_, k) => k != i).ToArray() };
        }
    }

    public override string ToString() => Main + " | " + string.Join(",", Secondary) + " | " + string.Join(",", Procedures) + " | " + Sex + " " + Age;
}
