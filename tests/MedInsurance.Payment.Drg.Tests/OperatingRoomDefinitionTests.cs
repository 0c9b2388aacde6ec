using System;
using System.IO;
using MedInsurance.Payment.Cases;
using MedInsurance.Payment.Drg.Grouping;
using MedInsurance.Payment.Drg.Rules;
using MedInsurance.Payment.TestSupport;
using static MedInsurance.Payment.Drg.Tests.MiniRuleText;

namespace MedInsurance.Payment.Drg.Tests;

/// <summary>The operating-room definition as a policy choice (docs/drg/peer-differences.md, D2/D5) and its table reader.</summary>
public sealed class OperatingRoomDefinitionTests
{
    private static readonly DrgPolicy QyOff = new() { Name = "test", Version = "1", AmbiguousGroupCheck = false };
    private static readonly DrgPolicy QyOn = new() { Name = "test", Version = "1", AmbiguousGroupCheck = true };

    [Fact]
    public void The_reader_streams_a_table_and_keeps_every_class()
    {
        var table = ProcedureClassification.Read(new StringReader("\uFEFF00.0100 治疗性操作\r\n00.5500 介入治疗\n\n01.2400 手术\n88.4100 诊断性操作\n"), "t.dat");
        Assert.Equal(4, table.Classes.Count);
        Assert.Equal(ProcedureClass.Interventional, table.Classes["00.5500"]);
        Assert.Equal(ProcedureClass.Diagnostic, table.Classes["88.4100"]);
        var or = OperatingRoomDefinition.FromClassification(table);
        Assert.Equal(new[] { "00.5500", "01.2400" }, or.Codes);
        Assert.Equal(OperatingRoomDefinitionKind.NationalClassification, or.Kind);
    }

    [Theory]
    [InlineData("01.2400 手术\n 治疗性操作\n", "t.dat:2: field 'code' empty.")]
    [InlineData("01.2400 手术\n01.2500 手 术\n", "t.dat:2: field 'class' has more than one field after the code.")]
    [InlineData("01.2400 外科\n", "t.dat:1: field 'class' is not one of 手术, 介入治疗, 治疗性操作, 诊断性操作.")]
    [InlineData("01.2400\n", "t.dat:1: field 'class' missing: a line needs a code and a class separated by whitespace.")]
    [InlineData("01.2400 手术\n01.2400 诊断性操作\n", "t.dat:2: field 'code' is classed differently on an earlier line.")]
    public void A_corrupt_table_is_refused_with_file_line_and_field_but_no_value(string text, string message)
    {
        var e = Assert.Throws<FormatException>(() => ProcedureClassification.Read(new StringReader(text), "t.dat"));
        Assert.Equal(message, e.Message);
        Assert.DoesNotContain("01.2", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lines_without_a_code_are_skipped_and_counted_only_when_asked()
    {
        var table = ProcedureClassification.Read(new StringReader("01.2400 手术\n 治疗性操作\n 手术\n"), "t.dat", skipLinesWithoutCode: true);
        Assert.Equal((1, 2), (table.Classes.Count, table.SkippedLines));
    }

    [Fact]
    public void The_default_is_the_surgical_adrg_lists()
    {
        var g = Grouper();
        Assert.Same(OperatingRoomDefinition.SurgicalAdrgLists, g.OperatingRoom);
        Assert.True(g.IsOperatingRoomProcedure("01.2400")); // BB1's main-procedure list (mini text)
        Assert.True(g.IsOperatingRoomProcedure("39.5100")); // BC1's first combination table
        Assert.False(g.IsOperatingRoomProcedure("88.4100")); // BC1's companion table
    }

    [Fact]
    public void A_regional_list_decides_alone_and_codes_no_adrg_lists_still_count()
    {
        var pack = Grouper().Pack;
        var g = new DrgGrouper(pack, QyOff, OperatingRoomDefinition.FromList("region", new[] { "88.4100", "99.9999" }));
        Assert.False(g.IsOperatingRoomProcedure("01.2400"));
        Assert.True(g.IsOperatingRoomProcedure("88.4100"));
        Assert.True(g.IsOperatingRoomProcedure("99.9999"));

        // XJ1 (包含全部手术) takes a case with the regional OR procedure, not with a listed but non-regional one.
        var d = new DrgGrouper(pack, QyOff);
        Assert.Equal("XJ1", g.Group(Case("Z51.100", procedures: "99.9999")).Adrg);
        Assert.NotEqual("XJ1", d.Group(Case("Z51.100", procedures: "99.9999")).Adrg);
        Assert.NotEqual("XJ1", g.Group(Case("Z51.100", procedures: "01.2400")).Adrg);
    }

    [Fact]
    public void The_qy_check_uses_the_same_definition()
    {
        var pack = Grouper().Pack;
        var regional = new DrgGrouper(pack, QyOn, OperatingRoomDefinition.FromList("region", new[] { "99.9999" }));
        Assert.Equal(DrgStatus.Ambiguous, regional.Group(Case("G40.900", procedures: "99.9999")).Status);
        Assert.Equal(DrgStatus.Grouped, regional.Group(Case("G40.900", procedures: "01.2400")).Status);
        Assert.Equal(DrgStatus.Ambiguous, new DrgGrouper(pack, QyOn).Group(Case("G40.900", procedures: "01.2400")).Status);
    }

    [Fact]
    public void Under_the_national_classification_an_interventional_procedure_no_surgical_adrg_lists_is_an_operating_room_one()
    {
        // D5's TB1 case: 17.5600x001 is 介入治疗 in SS_GL30_CLASS.dat but no surgical ADRG lists it.
        var table = ProcedureClassification.ReadFile(SharedData.Require("data/codes-2.0/SS_GL30_CLASS.dat"), skipLinesWithoutCode: true);
        var pack = SharedPack.Chs11().Pack;
        var national = new DrgGrouper(pack, QyOff, OperatingRoomDefinition.FromClassification(table));
        Assert.Equal(ProcedureClass.Interventional, table.Classes["17.5600x001"]);
        Assert.Equal("TB1", national.Group(Case("F45.803", procedures: "17.5600x001", sex: Sex.Female)).Adrg);
        Assert.Equal("TS2", new DrgGrouper(pack, QyOff).Group(Case("F45.803", procedures: "17.5600x001", sex: Sex.Female)).Adrg);
    }

    [Fact]
    public void The_national_table_as_supplied_has_lines_without_a_code_and_is_refused_unless_they_are_skipped()
    {
        var path = SharedData.Require("data/codes-2.0/SS_GL30_CLASS.dat");
        var e = Assert.Throws<FormatException>(() => ProcedureClassification.ReadFile(path));
        Assert.StartsWith("SS_GL30_CLASS.dat:48: field 'code' empty", e.Message, StringComparison.Ordinal);
        var table = ProcedureClassification.ReadFile(path, skipLinesWithoutCode: true);
        Assert.Equal(42, table.SkippedLines);
        Assert.Equal(9832 + 370, OperatingRoomDefinition.FromClassification(table).Codes.Count);
    }
}
