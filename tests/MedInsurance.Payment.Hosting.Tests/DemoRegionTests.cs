using System.Linq;
using MedInsurance.Payment.Demo;
using MedInsurance.Payment.Drg.Loading;

namespace MedInsurance.Payment.Hosting.Tests;

public sealed class DemoRegionTests
{
    [Fact]
    public void Demo_rule_text_loads_completely_with_the_regional_loader()
    {
        var demo = DemoRegion.Load();
        var load = RuleTextLoader.Load(demo.DrgRuleFolder, DemoRegion.DrgEdition);
        Assert.Empty(load.Report.Unparsed);
        Assert.Equal(2, load.Pack.Mdcs.Count);
        Assert.Equal(7, load.Pack.Adrgs.Count);
        Assert.Equal(14, load.Pack.Drgs.Count);
        Assert.True(load.Pack.ContentEquals(demo.DrgRulePack));
        Assert.All(load.Pack.Drgs, d => Assert.True(demo.DrgWeights.ContainsKey(d.Code), d.Code + " has no weight"));
    }

    [Fact]
    public void Demo_data_is_consistent()
    {
        var demo = DemoRegion.Load();
        Assert.Equal(5, demo.Hospitals.Count);
        Assert.DoesNotContain(demo.SettlementPolicy.Validate(), i => i.IsError);
        Assert.Equal(15, demo.DipCatalog.Groups.Count);
    }

    [Fact]
    public void Generated_year_is_deterministic_and_clean()
    {
        var demo = DemoRegion.Load();
        var a = demo.GenerateYear(500, seed: 7);
        var b = demo.GenerateYear(500, seed: 7);
        Assert.Equal(a, b);
        Assert.NotEqual(a, demo.GenerateYear(500, seed: 8));
        Assert.All(a, c => Assert.DoesNotContain(Cases.InpatientCaseValidator.Validate(c), i => i.IsError));
        Assert.Equal(12, a.Select(c => c.DischargeDate!.Value.Month).Distinct().Count());
        Assert.All(a, c => Assert.Equal(c.Costs.Total, c.Costs.FundPaid + c.Costs.PatientPaid));
    }
}
