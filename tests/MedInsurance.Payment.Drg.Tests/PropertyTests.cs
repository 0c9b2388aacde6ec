using System;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MedInsurance.Payment.Cases;
using MedInsurance.Payment.Drg.Grouping;
using MedInsurance.Payment.Drg.Loading;
using static MedInsurance.Payment.Drg.Tests.MiniRuleText;

namespace MedInsurance.Payment.Drg.Tests;

/// <summary>Invariants of grouping, checked on random cases built from the mini rule text's codes (plus unknown ones).</summary>
public sealed class PropertyTests
{
    private static readonly DrgGrouper G = Grouper();

    private static readonly string[] Diagnoses =
    {
        "G40.900", "I63.900", "S06.000", "C71.900", "G45.900", "N40.x00", "N80.000", "P07.300", "P59.900", "Z51.100",
        "S27.000", "J96.000", "N17.900", "R57.000", "E11.900", "I10.x00", "J18.900", "K35.800",
    };

    private static readonly string[] Procedures =
    {
        "37.5100", "01.2400", "39.5100", "88.4100", "03.0900", "81.0500", "03.4x00", "47.0900",
    };

    private static Gen<InpatientCase> CaseGen() =>
        from main in Gen.Elements(Diagnoses)
        from secondary in Gen.Elements(Diagnoses).ListOf()
        from procedures in Gen.Elements(Procedures).ListOf()
        from sex in Gen.Elements(Sex.Male, Sex.Female)
        from age in Gen.Elements(0, 0, 1, 40)
        from days in Gen.Choose(0, 364)
        from weight in Gen.Choose(900, 4200)
        select Case(
            main,
            string.Join("|", secondary.Where(d => d != main)),
            string.Join("|", procedures),
            sex,
            age,
            age == 0 ? days : null,
            age == 0 ? weight : null);

    [Property(MaxTest = 300)]
    public Property Grouping_is_deterministic() =>
        Prop.ForAll(CaseGen().ToArbitrary(), c =>
        {
            var a = G.Group(c);
            var b = G.Group(c);
            return a.Drg == b.Drg && a.Status == b.Status && a.Trace.Render(TraceLanguage.English) == b.Trace.Render(TraceLanguage.English);
        });

    [Property(MaxTest = 300)]
    public Property Order_of_secondary_diagnoses_and_other_procedures_does_not_matter() =>
        Prop.ForAll(CaseGen().ToArbitrary(), Gen.Choose(0, int.MaxValue).ToArbitrary(), (c, seed) =>
        {
            var random = new Random(seed);
            var shuffled = c with
            {
                SecondaryDiagnoses = c.SecondaryDiagnoses.OrderBy(_ => random.Next()).ToArray(),
                OtherProcedures = c.OtherProcedures.OrderBy(_ => random.Next()).ToArray(),
            };
            var a = G.Group(c);
            var b = G.Group(shuffled);
            return a.Drg == b.Drg && a.Status == b.Status && a.Counted.Count == b.Counted.Count;
        });

    [Property(MaxTest = 30)]
    public Property Thread_count_does_not_change_any_outcome() =>
        Prop.ForAll(CaseGen().ListOf().ToArbitrary(), Gen.Choose(2, 8).ToArbitrary(), (cases, threads) =>
        {
            var prepared = cases.Select((c, i) => G.Prepare(c with { CaseId = "C" + i })).ToList();
            var one = new DrgOutcome[prepared.Count];
            var many = new DrgOutcome[prepared.Count];
            G.GroupBatch(prepared, one, 1);
            G.GroupBatch(prepared, many, threads);
            return one.SequenceEqual(many) && prepared.Select(p => G.Explain(p).Drg).SequenceEqual(one.Select(G.DrgCode));
        });

    [Fact]
    public void Loading_the_same_text_twice_gives_equal_packs_that_group_alike()
    {
        var first = RuleTextLoader.Load(Write(), "mini");
        var second = RuleTextLoader.Load(Write(), "mini");
        Assert.True(first.Pack.ContentEquals(second.Pack));
        var g1 = new DrgGrouper(first.Pack);
        var g2 = new DrgGrouper(second.Pack);
        var sample = CaseGen().Sample(200, 7).ToList();
        Assert.Equal(sample.Select(c => g1.Group(c).Drg), sample.Select(c => g2.Group(c).Drg));
    }
}
