using System.Linq;
using MedInsurance.Payment.Demo;
using MedInsurance.Payment.PerDiem;

namespace MedInsurance.Payment.Methods.Tests;

/// <summary>The demo stays of the other methods: deterministic, and routed by example-mix-2025 to the method each kind is written for.</summary>
public sealed class DemoTests
{
    [Fact]
    public void Every_demo_stay_goes_to_the_method_of_its_kind()
    {
        var demo = DemoRegion.Load();
        var stays = demo.GenerateOtherMethodsYear(300);
        Assert.Equal(stays.Select(s => s.Case), demo.GenerateOtherMethodsYear(300).Select(s => s.Case));
        var router = new MethodRouter(Cases.Example());
        var hospitals = demo.Hospitals.ToDictionary(h => h.Id, h => PerDiemHospital.From(h));
        foreach (var s in stays)
        {
            var dx = s.Case.MainDiagnosis.Value;
            var expected = dx.Substring(0, 1) is "F" || dx.StartsWith("Z5", System.StringComparison.Ordinal) ? "PER_DIEM"
                : dx.StartsWith("O82", System.StringComparison.Ordinal) ? "SINGLE_DISEASE"
                : dx.StartsWith("K35", System.StringComparison.Ordinal) ? (s.Case.HospitalId == "DEMO-H5" ? "DIP" : "SINGLE_DISEASE") // SD02 has no 一级 price
                : dx.StartsWith("N18.5", System.StringComparison.Ordinal) ? "FEE_FOR_SERVICE"
                : "DAY_SURGERY";
            var route = router.Route(new MethodCase(s.Case, hospitals[s.Case.HospitalId], s.Ward));
            Assert.True(expected == route.Method, s.Case.CaseId + " " + dx + " at " + s.Case.HospitalId + ": " + route);
        }

        Assert.Equal(5, stays.Select(s => router.Route(new MethodCase(s.Case, hospitals[s.Case.HospitalId], s.Ward)).Method).Distinct().Count());
    }
}
