using System;
using System.IO;
using System.Linq;
using System.Text;
using MedInsurance.Payment.Drg.Editions;
using MedInsurance.Payment.Drg.Grouping;
using MedInsurance.Payment.Drg.Loading;
using MedInsurance.Payment.TestSupport;
using MedInsurance.Payment.Validation;
using static MedInsurance.Payment.Drg.Tests.MiniRuleText;

namespace MedInsurance.Payment.Drg.Tests;

public sealed class EditionTests
{
    private static readonly DrgGrouper Old = new(RuleTextLoader.Load(Write(), "mini-2023").Pack);
    private static readonly DrgGrouper New = new(RuleTextLoader.Load(Write(), "mini-2024h2").Pack);

    private static CalendarDate Date(int y, int m, int d) => new(y, m, d);

    private static CodeCrosswalk MiniCrosswalk()
    {
        var folder = Path.Combine(Path.GetTempPath(), "medpay-drg-map-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "ZD_MAP.dat"), "G40.901 G40.900\nG40.900 G40.900\nI63.900 I63.900\nE11.900 E11.900\nbroken line here\n", new UTF8Encoding(false));
        File.WriteAllText(Path.Combine(folder, "SS_MAP.dat"), "01.2401 01.2400\n", new UTF8Encoding(false));
        return CodeCrosswalk.Load(Path.Combine(folder, "ZD_MAP.dat"), Path.Combine(folder, "SS_MAP.dat"));
    }

    private static DrgEditionRegistry Registry(CodeCrosswalk? crosswalk = null) => new(new[]
    {
        new DrgEdition(New, Date(2024, 7, 1), null, crosswalk),
        new DrgEdition(Old, Date(2023, 1, 1), Date(2024, 6, 30), null),
    });

    [Fact]
    public void The_discharge_date_picks_the_edition_and_a_region_can_switch_mid_year()
    {
        var registry = Registry();
        Assert.Equal("mini-2023", registry.Group(Case("G40.900") with { DischargeDate = Date(2024, 6, 30) }).Edition);
        Assert.Equal("mini-2024h2", registry.Group(Case("G40.900") with { DischargeDate = Date(2024, 7, 1) }).Edition);
        var r = registry.Group(Case("G40.900") with { DischargeDate = Date(2024, 7, 1) });
        Assert.Equal(DrgTraceKind.Edition, r.Trace.Steps[0].Kind);
        Assert.Equal("BX15", r.Drg);
    }

    [Fact]
    public void Missing_date_or_no_edition_is_rejected_with_a_coded_issue()
    {
        var registry = Registry();
        Assert.Equal(DrgIssueCodes.DischargeDateMissing, Assert.Single(registry.Group(Case("G40.900")).Issues).Code);
        var early = registry.Group(Case("G40.900") with { DischargeDate = Date(2022, 12, 31) });
        Assert.Equal(DrgStatus.Rejected, early.Status);
        Assert.Equal(DrgIssueCodes.NoEdition, Assert.Single(early.Issues).Code);
    }

    [Fact]
    public void Overlapping_editions_are_a_configuration_error()
    {
        var e = Assert.Throws<ArgumentException>(() => new DrgEditionRegistry(new[]
        {
            new DrgEdition(Old, Date(2023, 1, 1), Date(2024, 12, 31), null),
            new DrgEdition(New, Date(2024, 7, 1), null, null),
        }));
        Assert.Contains("overlap", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_crosswalk_maps_older_codes_before_grouping_and_the_trace_shows_it()
    {
        var crosswalk = MiniCrosswalk();
        Assert.Equal("ZD_MAP.dat", Assert.Single(crosswalk.Unparsed).File);
        var r = Registry(crosswalk).Group(Case("G40.901", "E11.900", "01.2401") with { DischargeDate = Date(2024, 8, 1) });
        Assert.Equal("BQY", r.Drg); // 01.2401 → 01.2400, an operating-room procedure unrelated to G40.900 (QY on)
        var steps = r.Trace.Steps.Where(s => s.Kind == DrgTraceKind.Crosswalk).Select(s => s.Subject + " " + s.Detail).ToArray();
        Assert.Equal(new[] { "diagnoses[0] G40.901 → G40.900", "procedures[0] 01.2401 → 01.2400" }, steps);
    }

    [Fact]
    public void An_unmapped_main_diagnosis_is_rejected_other_codes_are_warned()
    {
        var registry = Registry(MiniCrosswalk());
        var r = registry.Group(Case("N40.x00") with { DischargeDate = Date(2024, 8, 1) });
        Assert.Equal(DrgStatus.Rejected, r.Status);
        Assert.Contains(r.Issues, i => i.Code == DrgIssueCodes.CodeNotMapped && i.IsError);
        var warned = registry.Group(Case("G40.900", "N17.900") with { DischargeDate = Date(2024, 8, 1) });
        Assert.Equal("BX15", warned.Drg); // N17.900 is kept (warning); as an MCC of 表 7-2 it is cancelled by G40.900
        Assert.Contains(warned.Issues, i => i.Code == DrgIssueCodes.CodeNotMapped && i.Severity == IssueSeverity.Warning);
    }

    [Fact]
    public void The_national_crosswalk_loads_and_maps_an_older_code()
    {
        var crosswalk = CodeCrosswalk.Load(SharedData.Require("data/codes/ZD_MAP.dat"), SharedData.Require("data/codes/SS_MAP.dat"));
        Assert.Empty(crosswalk.Unparsed);
        Assert.True(crosswalk.DiagnosisCount > 35_000);
        Assert.True(crosswalk.ProcedureCount > 13_000);
        var mapped = crosswalk.Apply(Case("A01.000x002"));
        Assert.Equal("A01.003", mapped.Case.MainDiagnosis.Value);
        Assert.Equal("A01.000x002", Assert.Single(mapped.Mappings).From);
    }
}
