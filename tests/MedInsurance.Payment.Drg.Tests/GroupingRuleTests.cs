using System.Linq;
using MedInsurance.Payment.Cases;
using MedInsurance.Payment.Drg.Grouping;
using MedInsurance.Payment.Drg.Rules;
using MedInsurance.Payment.Validation;
using static MedInsurance.Payment.Drg.Tests.MiniRuleText;

namespace MedInsurance.Payment.Drg.Tests;

/// <summary>One test per rule type and prose rule, on the hand-written mini rule text.</summary>
public sealed class GroupingRuleTests
{
    private static readonly DrgGrouper G = Grouper();
    private static readonly DrgGrouper GNoQy = Grouper(ambiguousCheck: false);

    private static string Drg(InpatientCase c, DrgGrouper? g = null) => (g ?? G).Group(c).Drg;

    [Fact]
    public void Pre_mdc_procedure_groups_come_first_whatever_the_diagnosis() =>
        Assert.Equal("AA19", Drg(Case("G40.900", procedures: "37.5100")));

    [Fact]
    public void Main_diagnosis_and_main_procedure_must_both_match() =>
        Assert.Equal("BB15", Drg(Case("S06.000", procedures: "01.2400")));

    [Fact]
    public void A_procedure_only_in_other_procedures_does_not_admit_a_main_procedure_adrg()
    {
        var r = G.Group(Case("S06.000", procedures: "88.4100|01.2400"));
        Assert.NotEqual("BB1", r.Adrg);
    }

    [Fact]
    public void Procedure_tables_need_one_procedure_from_each_table_in_any_position()
    {
        Assert.Equal("BC19", Drg(Case("I63.900", procedures: "88.4100|39.5100")));
        Assert.NotEqual("BC19", Drg(Case("I63.900", procedures: "39.5100"), GNoQy));
    }

    [Fact]
    public void Alternative_table_combinations_each_admit()
    {
        Assert.Equal("BD19", Drg(Case("C71.900", procedures: "03.0900|81.0500")));
        Assert.Equal("BD19", Drg(Case("C71.900", procedures: "03.4x00")));
        Assert.NotEqual("BD19", Drg(Case("C71.900", procedures: "03.0900"), GNoQy));
    }

    [Fact]
    public void Medical_adrg_by_main_diagnosis() => Assert.Equal("BX15", Drg(Case("G40.900")));

    [Fact]
    public void Mcc_chooses_the_1_group_and_cc_the_3_group()
    {
        Assert.Equal("BB11", Drg(Case("S06.000", "N17.900", "01.2400")));
        Assert.Equal("BB13", Drg(Case("S06.000", "E11.900", "01.2400")));
        Assert.Equal("BB15", Drg(Case("S06.000", "Z51.100", "01.2400")));
    }

    [Fact]
    public void Mcc_counts_as_cc_when_the_adrg_has_no_1_group() => Assert.Equal("BX13", Drg(Case("G40.900", "R57.000")));

    [Fact]
    public void Unsplit_adrg_takes_the_9_group_whatever_the_complications() => Assert.Equal("XR19", Drg(Case("Z51.100", "J96.000")));

    [Fact]
    public void Exclusion_table_cancels_a_cc_for_its_main_diagnoses()
    {
        // J96.000 (MCC, 表 7-1) and I63.900 in 表 7-1: excluded. E11.900 (CC, 表 7-2): counts.
        var r = G.Group(Case("I63.900", "J96.000|E11.900"));
        Assert.Equal("BR13", r.Drg);
        var excluded = Assert.Single(r.Excluded);
        Assert.Equal(("J96.000", ComplicationLevel.Mcc, "7-1"), (excluded.Code, excluded.Level, excluded.ExclusionTable));
        Assert.Equal("E11.900", Assert.Single(r.Counted).Code);
    }

    [Fact]
    public void Complication_without_exclusion_table_always_counts() => Assert.Equal("BR13", Drg(Case("I63.900", "I10.x00")));

    [Fact]
    public void Sex_gates_mdcm_and_mdcn()
    {
        Assert.Equal("MR19", Drg(Case("N40.x00", sex: Sex.Male)));
        var r = G.Group(Case("N40.x00", sex: Sex.Female));
        Assert.Equal(DrgStatus.Ungroupable, r.Status);
        Assert.Equal("0000", r.Drg);
        Assert.Contains(r.Issues, i => i.Code == DrgIssueCodes.SexExcludesMdc);
        Assert.Contains(r.Issues, i => i.Code == DrgIssueCodes.SexDiagnosisConflict);
        Assert.Equal("NR19", Drg(Case("N80.000", sex: Sex.Female)));
        Assert.Equal(DrgStatus.Ungroupable, G.Group(Case("N80.000", sex: Sex.Male)).Status);
    }

    [Theory]
    [InlineData('M')]
    [InlineData('N')]
    [InlineData('O')]
    [InlineData('B')]
    public void One_place_for_the_sex_of_an_mdc_the_gate_is_implied_sex_for_mdcm_and_mdcn_only(char letter)
    {
        var implied = ChsDrgProseRules.ImpliedSex(letter);
        var required = ChsDrgProseRules.RequiredSex(letter);
        Assert.Equal(letter is 'M' or 'N' ? implied : Sex.Unknown, required);
        Assert.Equal(letter switch { 'M' => Sex.Male, 'N' or 'O' => Sex.Female, _ => Sex.Unknown }, implied);
    }

    [Fact]
    public void A_male_with_an_mdco_main_diagnosis_is_grouped_and_warned_about()
    {
        // MDCO implies a female patient (ChsDrgProseRules.ImpliedSex) but the text has no sex condition for it (RequiredSex).
        var g = SharedPack.Grouper(ambiguousCheck: false);
        var mdco = g.Pack.Mdcs.Single(m => m.Code == "MDCO").MainDiagnoses
            .First(code => g.Pack.Mdcs.Count(m => m.MainDiagnoses.Contains(code)) == 1);
        var male = g.Group(Case(mdco, sex: Sex.Male));
        var female = g.Group(Case(mdco, sex: Sex.Female));
        Assert.Equal(("MDCO", DrgStatus.Grouped), (male.Mdc, male.Status));
        Assert.Equal(female.Drg, male.Drg);
        Assert.Contains(male.Issues, i => i.Code == DrgIssueCodes.SexDiagnosisConflict);
        Assert.DoesNotContain(female.Issues, i => i.Code == DrgIssueCodes.SexDiagnosisConflict);
    }

    [Fact]
    public void Newborn_weight_bands_choose_the_ps_group()
    {
        Assert.Equal("PS19", Drg(Case("P59.900", "P07.300", age: 0, ageDays: 3, weight: 1499)));
        Assert.Equal("PS29", Drg(Case("P59.900", "P07.300", age: 0, ageDays: 3, weight: 1500)));
        Assert.Equal("PU19", Drg(Case("P59.900", "P07.300", age: 0, ageDays: 3, weight: 2600)));
    }

    [Fact]
    public void Infant_age_band_separates_newborn_and_older_infant_groups()
    {
        Assert.Equal("PU19", Drg(Case("P59.900", age: 0, ageDays: 28, weight: 3000)));
        Assert.Equal("PV19", Drg(Case("P59.900", age: 0, ageDays: 29)));
        Assert.Equal(DrgStatus.Ungroupable, G.Group(Case("P59.900", age: 1)).Status);
    }

    [Fact]
    public void Multiple_trauma_needs_two_body_regions()
    {
        Assert.Equal("ZZ19", Drg(Case("S06.000", "S27.000")));
        Assert.Equal("ZB19", Drg(Case("S06.000", "S27.000", "01.2400")));
        Assert.Equal("BX15", Drg(Case("G40.900", "S06.000|S27.000")));
        Assert.Equal("BB15", Drg(Case("S06.000", procedures: "01.2400")));
    }

    [Fact]
    public void No_procedure_condition_is_enforced_and_the_case_moves_on()
    {
        // S06.000 with an unrelated operating-room procedure: ZZ1 needs “无手术”.
        var on = G.Group(Case("S06.000", "S27.000", "37.5100|03.0900"));
        Assert.Equal("AA19", on.Drg);
        Assert.Equal(DrgStatus.Ambiguous, G.Group(Case("S06.000", "S27.000", "03.0900")).Status);
        Assert.Equal("ZQY", G.Group(Case("S06.000", "S27.000", "03.0900")).Drg);
        Assert.NotEqual("ZZ19", Drg(Case("S06.000", "S27.000", "03.0900"), GNoQy));
    }

    [Fact]
    public void Qy_check_is_a_policy_switch()
    {
        var c = Case("G40.900", procedures: "01.2400");
        var on = G.Group(c);
        Assert.Equal(DrgStatus.Ambiguous, on.Status);
        Assert.Equal("BQY", on.Drg);
        Assert.Contains(on.Issues, i => i.Code == DrgIssueCodes.Ambiguous);
        var off = GNoQy.Group(c);
        Assert.Equal(DrgStatus.Grouped, off.Status);
        Assert.Equal("BX15", off.Drg);
        Assert.True(DrgPolicy.National.AmbiguousGroupCheck);
    }

    [Fact]
    public void Non_operating_room_procedures_never_make_a_case_ambiguous() =>
        Assert.Equal("BX15", Drg(Case("G40.900", procedures: "88.4100")));

    [Fact]
    public void Companion_tables_do_not_define_operating_room_procedures()
    {
        // 88.4100 is only in BC1's “和” table: not an operating-room procedure, so XJ1 (全部手术) does not take it.
        Assert.Equal("XR19", Drg(Case("Z51.100", procedures: "88.4100")));
        Assert.Equal("XJ19", Drg(Case("Z51.100", procedures: "01.2400")));
    }

    [Fact]
    public void Main_diagnosis_in_no_table_but_in_an_adrg_list_falls_back_to_that_mdc()
    {
        var r = G.Group(Case("G45.900"));
        Assert.Equal("BR15", r.Drg);
        Assert.Contains(r.Trace.Steps, s => s.Kind == DrgTraceKind.MdcEntered && s.Detail.Contains("fallback", System.StringComparison.Ordinal));
    }

    [Fact]
    public void Main_diagnosis_unknown_to_the_edition_is_rejected()
    {
        var r = G.Group(Case("K35.800"));
        Assert.Equal(DrgStatus.Rejected, r.Status);
        Assert.Equal(string.Empty, r.Drg);
        Assert.Contains(r.Issues, i => i.Code == DrgIssueCodes.MainDiagnosisUnknown && i.IsError);
    }

    [Theory]
    [InlineData("", 5, null, IssueCodes.MainDiagnosisMissing)]
    [InlineData("G40.900", 0, null, IssueCodes.LengthOfStayInvalid)]
    [InlineData("P59.900", 5, 3, IssueCodes.NewbornWeightMissing)]
    public void Input_errors_reject_the_case_with_a_coded_issue(string main, int los, int? ageDays, string code)
    {
        var r = G.Group(Case(main, los: los, age: ageDays is null ? 40 : 0, ageDays: ageDays));
        Assert.Equal(DrgStatus.Rejected, r.Status);
        Assert.Contains(r.Issues, i => i.Code == code);
    }

    [Fact]
    public void Duplicated_codes_are_warned_and_ignored()
    {
        var r = G.Group(Case("I63.900", "E11.900|E11.900", "88.4100|88.4100"));
        Assert.Equal("BR13", r.Drg);
        Assert.Contains(r.Issues, i => i.Code == IssueCodes.DiagnosisDuplicated);
        Assert.Contains(r.Issues, i => i.Code == IssueCodes.ProcedureDuplicated);
        Assert.Single(r.Counted);
    }

    [Fact]
    public void Main_diagnosis_in_no_mdc_is_ungroupable_with_reason()
    {
        // J96.000 is known (an MCC) but in no MDC table or ADRG list.
        var r = G.Group(Case("J96.000"));
        Assert.Equal(DrgStatus.Ungroupable, r.Status);
        Assert.Equal("0000", r.Drg);
        Assert.Contains(r.Issues, i => i.Code == DrgIssueCodes.NoMdc);
    }

    [Fact]
    public void Trace_renders_in_chinese_and_english_with_rule_text_locations()
    {
        var r = G.Group(Case("I63.900", "J96.000|E11.900"));
        var zh = r.Trace.Render(TraceLanguage.Chinese);
        var en = r.Trace.Render(TraceLanguage.English);
        Assert.Contains("进入 MDCB", zh, System.StringComparison.Ordinal);
        Assert.Contains("被排除", zh, System.StringComparison.Ordinal);
        Assert.Contains("entered MDCB", en, System.StringComparison.Ordinal);
        Assert.Contains("4_ADRG_DETAIL.txt:", en, System.StringComparison.Ordinal);
        Assert.Contains("3_DRG.txt:", en, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Batch_outcome_matches_the_explained_result()
    {
        var c = G.Prepare(Case("I63.900", "J96.000|E11.900"));
        var o = G.Group(c);
        Assert.Equal("BR13", G.DrgCode(o));
        Assert.Equal("BR1", G.AdrgCode(o));
        Assert.Equal("MDCB", G.MdcCode(o));
        Assert.Equal(G.Explain(c).Drg, G.Describe(c, o).Drg);
    }

    [Fact]
    public void A_case_prepared_by_another_grouper_is_refused() =>
        Assert.Throws<System.ArgumentException>(() => G.Group(GNoQy.Prepare(Case("G40.900"))));

    [Fact]
    public void Policy_round_trips_through_json()
    {
        var p = DrgPolicy.FromJson("{\"name\":\"shenzhen\",\"version\":\"2024\",\"ambiguousGroupCheck\":false}");
        Assert.Equal(("shenzhen", "2024", false), (p.Name, p.Version, p.AmbiguousGroupCheck));
        var back = DrgPolicy.FromJson(p.ToJson());
        Assert.Equal((p.Name, p.Version, p.AmbiguousGroupCheck), (back.Name, back.Version, back.AmbiguousGroupCheck));
        Assert.Throws<System.FormatException>(() => DrgPolicy.FromJson("{"));
    }
}
