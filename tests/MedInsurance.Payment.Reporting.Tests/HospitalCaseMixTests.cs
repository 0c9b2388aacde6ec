using System;
using System.Collections.Generic;
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
        var mix = HospitalCaseMix.FromLines(Scenario.Cases, result, CaseMixMethod.Dip, c => Scenario.DeviationCaseIds.Contains(c.LineId));
        Assert.Equal(["A01", "B02", "C03"], mix.Select(m => m.HospitalId).ToArray());
        Assert.Equal([4, 4, 4], mix.Select(m => m.Cases).ToArray());
        Assert.Equal([4_000m, 1_775m, 4_834m], mix.Select(m => m.Units).ToArray());
        // Region mean score = (4 000 + 1 775 + 4 834) ÷ 12 = 10 609 ÷ 12 (Z99's case is rejected: unknown hospital), so
        // CMI = hospital mean × 12 ÷ 10 609: A01 12 000 ÷ 10 609 = 1.13111…, B02 5 325 ÷ 10 609 = 0.50193…, C03 14 502 ÷ 10 609 = 1.36695…
        Assert.Equal([1.1311m, 0.5019m, 1.3670m], mix.Select(m => decimal.Round(m.CaseMixIndex!.Value, 4, MidpointRounding.AwayFromZero)).ToArray());
        Assert.Equal([1, 0, 2], mix.Select(m => m.DeviationCases!.Value).ToArray());
        Assert.Equal([0.25m, 0m, 0.5m], mix.Select(m => m.DeviationShare!.Value.Value).ToArray());
        // The case counts agree with the statements.
        Assert.Equal(result.Statements.Select(s => s.LineCount), mix.Select(m => m.Cases));
    }

    [Fact]
    public void Dip_cmi_is_the_hospitals_mean_case_score_over_the_regions_mean_case_score()
    {
        // Three DIP cases in two hospitals: A01 1 000 and 2 000 (mean 1 500), B02 600; region mean 3 600 ÷ 3 = 1 200.
        // CMI A01 = 1 500 ÷ 1 200 = 1.25, B02 = 600 ÷ 1 200 = 0.5; C03 has no case. A per-diem line of A01 (bed-day
        // points) is not a DIP case and counts nowhere.
        SettlementLine Line(string id, string hospital, string method, decimal points) =>
            new(id, hospital, InsuranceFund.Employee, 3, method, SettlementBasis.OfPoints("DIP", points), Money.FromYuan(9_000m), Money.FromYuan(1_000m), Money.FromYuan(8_000m));
        var cases = new[]
        {
            Line("1", "A01", SettlementMethods.Dip, 1_000m),
            Line("2", "B02", SettlementMethods.Dip, 600m),
            Line("3", "A01", SettlementMethods.Dip, 2_000m),
            Line("4", "A01", SettlementMethods.PerDiem, 5_000m),
        };
        var result = ClearingEngine.Run(Scenario.Policy, Scenario.Hospitals, cases, [], 1);
        var mix = HospitalCaseMix.FromLines(cases, result, CaseMixMethod.Dip);
        Assert.Equal(["A01", "B02", "C03"], mix.Select(m => m.HospitalId).ToArray());
        Assert.Equal([2, 1, 0], mix.Select(m => m.Cases).ToArray());
        Assert.Equal([1.25m, 0.5m, null], mix.Select(m => m.CaseMixIndex).ToArray());
        Assert.All(mix, m => Assert.Equal(CaseMixMethod.Dip, m.Method));

        var doc = new HtmlParser().ParseDocument(ClearingHtmlReport.Render(result, new ClearingReportOptions { CaseMix = mix }));
        Assert.Equal(["1.2500", "0.5000", "—"], doc.QuerySelectorAll("#hospital-table tbody td[data-col=\"cmi\"]").Select(c => c.TextContent).ToArray());
        var definition = doc.QuerySelector("#cmi-definition")!.TextContent;
        Assert.Contains("例均分值 ÷ 本统筹区", definition, StringComparison.Ordinal);
        Assert.Contains("mean DIP case score ÷ the mean DIP case score of every case in the region", definition, StringComparison.Ordinal);
    }

    [Fact]
    public void Cmi_definitions_by_method()
    {
        Assert.Equal(1.7m, CaseMixIndex.Compute(CaseMixMethod.Drg, 3.4m, 2, 100m, 7));        // DRG: mean RW, the region does not matter
        Assert.Equal(1.25m, CaseMixIndex.Compute(CaseMixMethod.Dip, 3_000m, 2, 3_600m, 3));   // DIP: 1 500 ÷ 1 200
        Assert.Equal(1m, CaseMixIndex.Compute(CaseMixMethod.Dip, 3_600m, 3, 3_600m, 3));      // the region itself is 1
        Assert.Null(CaseMixIndex.Compute(CaseMixMethod.Drg, 0m, 0, 1m, 1));
        Assert.Null(CaseMixIndex.Compute(CaseMixMethod.Dip, 5m, 1, 0m, 0));
    }

    [Fact]
    public void Without_a_deviation_predicate_or_cases_the_share_and_index_are_unknown()
    {
        var result = Scenario.Run();
        Assert.All(HospitalCaseMix.FromLines(Scenario.Cases, result, CaseMixMethod.Dip), m => Assert.Null(m.DeviationShare));
        var empty = HospitalCaseMix.FromLines([], result, CaseMixMethod.Dip, _ => true);
        Assert.All(empty, m =>
        {
            Assert.Equal(0, m.Cases);
            Assert.Null(m.CaseMixIndex);
            Assert.Null(m.DeviationShare);
        });

        // One case of C03 without a known class: C03's share is unknown, the others' are not.
        var partial = HospitalCaseMix.FromLines(Scenario.Cases, result, CaseMixMethod.Dip, c => c.LineId == "C03-4" ? null : Scenario.DeviationCaseIds.Contains(c.LineId));
        Assert.Equal([1, 0, null], partial.Select(m => m.DeviationCases).ToArray());
        Assert.Throws<ArgumentNullException>(() => HospitalCaseMix.FromLines(null!, result, CaseMixMethod.Dip));
        Assert.Throws<ArgumentNullException>(() => HospitalCaseMix.FromLines(Scenario.Cases, null!, CaseMixMethod.Dip));
    }

    [Fact]
    public void A_drg_run_uses_weights_and_base_rates_and_its_cmi_is_the_mean_rw_not_the_mean_points()
    {
        var policy = Scenario.Policy with { Id = "drg", Pools = [Scenario.Policy.Pools[0] with { PointSystem = "DRG" }] };
        var hospitals = new[]
        {
            new SettlementHospital { Hospital = new Hospital { Id = "D1", Name = "甲医院", Level = HospitalLevel.Parse("3A") }, AssessmentScore = 95m, WorkingAdvance = Money.Zero },
            new SettlementHospital { Hospital = new Hospital { Id = "D2", Name = "乙医院", Level = HospitalLevel.Parse("2A") }, AssessmentScore = 95m, WorkingAdvance = Money.Zero },
        };
        // The lines carry RW × hospital coefficient 1.1 as points; the RW comes beside them.
        // D1: RW 1.2 and 0.85 → CMI (1.2 + 0.85) ÷ 2 = 1.025 (the mean points would be 1.1275); D2: RW 2.5 → 2.5.
        var weights = new Dictionary<string, decimal> { ["1"] = 1.2m, ["2"] = 2.5m, ["3"] = 0.85m };
        SettlementLine Drg(string id, string hospital) =>
            new(id, hospital, InsuranceFund.Employee, 3, SettlementMethods.Drg, SettlementBasis.OfPoints("DRG", weights[id] * 1.1m), Money.FromYuan(10_000m), Money.FromYuan(2_000m), Money.FromYuan(8_000m));
        var cases = new[] { Drg("1", "D1"), Drg("2", "D2"), Drg("3", "D1") };
        var result = ClearingEngine.Run(policy, hospitals, cases, [], 1);
        Assert.Equal(CaseMixMethod.Drg, CaseMixIndex.MethodOf(result));
        var html = ClearingHtmlReport.Render(result, new ClearingReportOptions { CaseMix = HospitalCaseMix.FromLines(cases, result, CaseMixMethod.Drg, relativeWeight: l => weights[l.LineId]) });
        var doc = new HtmlParser().ParseDocument(html);
        Assert.StartsWith("总权重", doc.QuerySelector("#hospital-table th[data-col=\"units\"]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("费率 Base rate", html, StringComparison.Ordinal);
        Assert.DoesNotContain("点值", html, StringComparison.Ordinal);
        Assert.Equal(["1.0250", "2.5000"], doc.QuerySelectorAll("#hospital-table tbody td[data-col=\"cmi\"]").Select(c => c.TextContent).ToArray());
        Assert.Contains("平均相对权重", doc.QuerySelector("#cmi-definition")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("mean relative weight (RW)", doc.QuerySelector("#cmi-definition")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(2, doc.QuerySelectorAll("#chart-units rect.bar").Length);

        // Without the RW a DRG CMI is not known: "—", never the mean of the points.
        var unknown = HospitalCaseMix.FromLines(cases, result, CaseMixMethod.Drg);
        Assert.All(unknown, m => Assert.Null(m.CaseMixIndex));
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
