using System;
using System.Linq;
using System.Reflection;
using AngleSharp.Html.Parser;
using MedInsurance.Payment.Cases;
using MedInsurance.Payment.Hospitals;
using MedInsurance.Payment.Settlement;

namespace MedInsurance.Payment.Reporting.Tests;

/// <summary>Case mix (CMI, deviation share), DRG labels, and the repository's design rules over the reporting assembly.</summary>
public sealed class HospitalCaseMixTests
{
    [Fact]
    public void Case_mix_counts_only_settled_cases_of_known_hospitals_in_statement_order()
    {
        var result = Scenario.Run();
        var mix = HospitalCaseMix.FromLines(Scenario.Cases, result, c => Scenario.DeviationCaseIds.Contains(c.LineId));
        Assert.Equal(["A01", "B02", "C03"], mix.Select(m => m.HospitalId).ToArray());
        Assert.Equal([4, 4, 4], mix.Select(m => m.Cases).ToArray());
        Assert.Equal([4_000m, 1_775m, 4_834m], mix.Select(m => m.Units).ToArray());
        Assert.Equal([1_000m, 443.75m, 1_208.5m], mix.Select(m => m.CaseMixIndex!.Value).ToArray());
        Assert.Equal([1, 0, 2], mix.Select(m => m.DeviationCases!.Value).ToArray());
        Assert.Equal([0.25m, 0m, 0.5m], mix.Select(m => m.DeviationShare!.Value.Value).ToArray());
        // The case counts agree with the statements.
        Assert.Equal(result.Statements.Select(s => s.LineCount), mix.Select(m => m.Cases));
    }

    [Fact]
    public void Without_a_deviation_predicate_or_cases_the_share_and_index_are_unknown()
    {
        var result = Scenario.Run();
        Assert.All(HospitalCaseMix.FromLines(Scenario.Cases, result), m => Assert.Null(m.DeviationShare));
        var empty = HospitalCaseMix.FromLines([], result, _ => true);
        Assert.All(empty, m =>
        {
            Assert.Equal(0, m.Cases);
            Assert.Null(m.CaseMixIndex);
            Assert.Null(m.DeviationShare);
        });
        Assert.Throws<ArgumentNullException>(() => HospitalCaseMix.FromLines(null!, result));
        Assert.Throws<ArgumentNullException>(() => HospitalCaseMix.FromLines(Scenario.Cases, null!));
    }

    [Fact]
    public void A_drg_run_uses_weights_and_base_rates_and_its_cmi_is_the_mean_rw()
    {
        var policy = Scenario.Policy with { Id = "drg", Pools = [Scenario.Policy.Pools[0] with { PointSystem = "DRG" }] };
        var hospitals = new[]
        {
            new SettlementHospital { Hospital = new Hospital { Id = "D1", Name = "甲医院", Level = HospitalLevel.Parse("3A") }, AssessmentScore = 95m, WorkingAdvance = Money.Zero },
            new SettlementHospital { Hospital = new Hospital { Id = "D2", Name = "乙医院", Level = HospitalLevel.Parse("2A") }, AssessmentScore = 95m, WorkingAdvance = Money.Zero },
        };
        // D1: RW 1.2 and 0.85 → CMI 1.025; D2: RW 2.5 → 2.5.
        SettlementLine Drg(string id, string hospital, decimal rw) =>
            new(id, hospital, InsuranceFund.Employee, 3, SettlementMethods.Drg, SettlementBasis.OfPoints("DRG", rw), Money.FromYuan(10_000m), Money.FromYuan(2_000m), Money.FromYuan(8_000m));
        var cases = new[] { Drg("1", "D1", 1.2m), Drg("2", "D2", 2.5m), Drg("3", "D1", 0.85m) };
        var result = ClearingEngine.Run(policy, hospitals, cases, [], 1);
        var html = ClearingHtmlReport.Render(result, new ClearingReportOptions { CaseMix = HospitalCaseMix.FromLines(cases, result) });
        var doc = new HtmlParser().ParseDocument(html);
        Assert.StartsWith("总权重", doc.QuerySelector("#hospital-table th[data-col=\"units\"]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("费率 Base rate", html, StringComparison.Ordinal);
        Assert.DoesNotContain("点值", html, StringComparison.Ordinal);
        Assert.Equal(["1.0250", "2.5000"], doc.QuerySelectorAll("#hospital-table tbody td[data-col=\"cmi\"]").Select(c => c.TextContent).ToArray());
        Assert.Equal(2, doc.QuerySelectorAll("#chart-units rect.bar").Length);
    }

    [Fact]
    public void Public_types_are_sealed_or_static_and_use_no_floating_point()
    {
        var types = typeof(ClearingHtmlReport).Assembly.GetExportedTypes();
        Assert.Empty(types.Where(t => t.IsClass && !t.IsSealed && !t.IsAbstract).Select(t => t.FullName));
        var floats = types
            .SelectMany(t => t.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => m switch
            {
                PropertyInfo p => IsFloat(p.PropertyType),
                MethodInfo mi => IsFloat(mi.ReturnType) || mi.GetParameters().Any(p => IsFloat(p.ParameterType)),
                ConstructorInfo c => c.GetParameters().Any(p => IsFloat(p.ParameterType)),
                _ => false,
            })
            .Select(m => m.DeclaringType!.Name + "." + m.Name);
        Assert.Empty(floats);
    }

    private static bool IsFloat(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t == typeof(double) || t == typeof(float);
    }
}
