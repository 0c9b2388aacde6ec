using System.Linq;
using MedInsurance.Payment.Capitation;
using MedInsurance.Payment.Consortium;
using MedInsurance.Payment.Demo;

namespace MedInsurance.Payment.Hosting.Tests;

/// <summary>The demo region's capitation roster, outpatient claims and three-member consortium.</summary>
public sealed class DemoCapitationTests
{
    [Fact]
    public void Demo_capitation_year_is_deterministic_and_every_row_and_claim_is_accepted()
    {
        var demo = DemoRegion.Load();
        Assert.DoesNotContain(demo.CapitationPolicy.Validate(), i => i.IsError);
        Assert.Equal(["DEMO-C1", "DEMO-C2", "DEMO-H5"], demo.CapitationInstitutions.Select(h => h.Id).ToArray());

        var roster = demo.GenerateCapitationRoster(600, seed: 7);
        Assert.Equal(Describe(roster), Describe(demo.GenerateCapitationRoster(600, seed: 7)));
        Assert.NotEqual(Describe(roster), Describe(demo.GenerateCapitationRoster(600, seed: 8)));
        Assert.Equal(600 + 60, roster.Count);   // one person in ten moves in July: two rows

        var claims = demo.GenerateOutpatientClaims(roster, seed: 7);
        var calculation = new CapitationCalculation(CapitationRoster.Build(demo.CapitationPolicy, roster));
        Assert.Empty(calculation.AddRange(claims));
        var result = calculation.Complete(demo.CapitationInstitutions);

        Assert.Empty(result.RosterOutcomes);
        Assert.Equal(3, result.Statements.Count);
        Assert.All(result.Statements, s => Assert.False(string.IsNullOrEmpty(s.Name)));
        Assert.Contains(claims, c => c.Referral);

        // The region's budget is Σ standard × months ÷ 12 over the rows (the standards: 240, 120, 180, 150 a year).
        var standards = new System.Collections.Generic.Dictionary<string, decimal> { ["employee"] = 240m, ["resident"] = 120m, ["elderly"] = 180m, ["signed_resident"] = 150m };
        var budget = roster.Sum(r => standards[r.ClassCode] * r.Months) / 12m;
        Assert.Equal(decimal.Round(budget, 2, System.MidpointRounding.AwayFromZero), result.Summary.Budget.Yuan);
    }

    [Fact]
    public void Demo_consortium_has_three_members_whose_allocations_sum_to_its_result()
    {
        var demo = DemoRegion.Load();
        Assert.DoesNotContain(demo.ConsortiumPolicy.Validate(), i => i.IsError);
        Assert.Equal(["DEMO-H3", "DEMO-H4", "DEMO-H5"], demo.ConsortiumMembers.Select(m => m.MemberId).ToArray());

        var roster = demo.GenerateCapitationRoster();
        var calculation = new CapitationCalculation(CapitationRoster.Build(demo.CapitationPolicy, roster));
        calculation.AddRange(demo.GenerateOutpatientClaims(roster));
        var consortium = new ConsortiumCalculation(demo.ConsortiumPolicy, demo.ConsortiumMembers);
        foreach (var line in calculation.Complete(demo.CapitationInstitutions).SettlementLines.Where(l => l.HospitalId == "DEMO-H5"))
        {
            Assert.Empty(consortium.AddLine(line));
        }

        foreach (var claim in demo.GenerateConsortiumOutsideClaims())
        {
            Assert.Empty(consortium.AddOutside(claim));
        }

        var package = Assert.Single(consortium.Complete().Statements);
        Assert.Equal(3, package.Members.Count);
        Assert.Equal(package.Result, Money.Sum(package.Members.Select(m => m.Allocated)));

        // Target = (7 200 000 + 400 000 + 550 000) × 1.05 + 100 000 − 50 000 = 8 607 500.00.
        Assert.Equal(Money.FromYuan(8_607_500m), package.Target);
    }

    private static string[] Describe(System.Collections.Generic.IReadOnlyList<RosterEntry> roster) =>
        roster.Select(r => r.PersonId + "," + r.ClassCode + "," + r.InstitutionId + "," + r.FromMonth + "-" + r.ToMonth + "," + r.Signed).ToArray();
}
