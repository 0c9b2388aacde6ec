using System;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MedInsurance.Payment.Hospitals;
using MedInsurance.Payment.PerDiem;
using MedInsurance.Payment.Settlement;
using static MedInsurance.Payment.Methods.Tests.Cases;

namespace MedInsurance.Payment.Methods.Tests;

/// <summary>Routing: the order of the mix decides; every case goes to exactly one method; a route depends on its case only.</summary>
public sealed class RoutingTests
{
    private static readonly MethodRouter Router = new(Example());

    /// <summary>A mix whose single-disease list also lists schizophrenia (a per-diem class), in the given order.</summary>
    private static MethodRouter Overlapping(string order) => new(MethodMixPolicyLoader.Parse(
        "{ \"id\": \"o\", \"version\": \"1\", \"order\": [" + order + "], \"perDiem\": \"example-perdiem-2025\","
        + " \"singleDisease\": { \"diseases\": [ { \"code\": \"SZ\", \"diagnosis\": \"F20\", \"price\": { \"*\": 9000 } } ] } }", "test"));

    [Fact]
    public void The_first_method_of_the_order_that_takes_a_case_wins()
    {
        var schizophrenia = Case("F20.000", los: 40).At(H3);
        Assert.Equal(SettlementMethods.PerDiem, Overlapping("\"PER_DIEM\", \"SINGLE_DISEASE\", \"DIP\"").Route(schizophrenia).Method);
        var sdFirst = Overlapping("\"SINGLE_DISEASE\", \"PER_DIEM\", \"DIP\"").Route(schizophrenia);
        Assert.Equal(SettlementMethods.SingleDisease, sdFirst.Method);
        Assert.Equal(RouteFallbacks.None, sdFirst.Fallbacks);
    }

    [Fact]
    public void The_example_mix_routes_each_kind_of_case_by_hand()
    {
        Assert.Equal("PER_DIEM", Router.Route(Case("F20.000", los: 75).At(H3)).Method);
        // Psychiatry at a primary-care hospital is not eligible for per diem (PSY lists specialist and general hospitals).
        var primary = Router.Route(Case("F20.000", los: 75, hospitalId: "H1").At(H1));
        Assert.Equal("DIP", primary.Method);
        Assert.True((primary.Fallbacks & RouteFallbacks.PerDiemNotEligible) != 0);
        // Rehabilitation needs the rehabilitation ward.
        Assert.Equal("PER_DIEM", Router.Route(Case("Z50.100", los: 20).At(H3, ward: "rehabilitation")).Method);
        Assert.Equal("DIP", Router.Route(Case("Z50.100", los: 20).At(H3)).Method);
        Assert.Equal("SINGLE_DISEASE", Router.Route(Case("O82.000").At(H2)).Method);
        Assert.Equal("DAY_SURGERY", Router.Route(Case("K40.900", los: 1, procedure: "53.0000").At(H2)).Method);
        Assert.Equal("FEE_FOR_SERVICE", Router.Route(Case("N18.500").At(H2)).Method);
        Assert.Equal("DIP", Router.Route(Case("I10.x00").At(H2)).Method);
    }

    [Fact]
    public void A_mix_without_a_catch_all_leaves_a_case_unrouted_with_a_reason()
    {
        var mix = MethodMixPolicyLoader.Parse("{ \"id\": \"n\", \"version\": \"1\", \"order\": [\"FEE_FOR_SERVICE\"], \"feeForService\": { \"diagnoses\": [\"N18.5\"] } }", "test");
        var route = new MethodRouter(mix).Route(Case("I10.x00").At(H3));
        Assert.False(route.IsRouted);
        Assert.Equal("FEE_FOR_SERVICE_NOT_LISTED>METHOD_ROUTE_NONE", route.Describe());
    }

    private static readonly string[] Diagnoses = { "F20.000", "F32.900", "Z50.100", "Z51.500", "O82.000", "K35.800", "H25.900", "K63.500", "K40.900", "N18.500", "I10.x00", "J18.900" };
    private static readonly string?[] Procedures = { null, "47.0100", "47.0900", "13.4100", "45.4200", "53.0000", "88.5500" };
    private static readonly PerDiemHospital[] HospitalChoices = { H3, H2, H1, default };
    private static readonly string?[] Wards = { null, "rehabilitation", "psychiatry" };

    private static Gen<MethodCase> CaseGen(int id) =>
        from dx in Gen.Elements(Diagnoses)
        from px in Gen.Elements(Procedures)
        from los in Gen.Choose(0, 120)
        from h in Gen.Elements(HospitalChoices)
        from w in Gen.Elements(Wards)
        select Case(dx, los, px, h.Id ?? "HX", id: "C" + id).At(h, ward: w);

    private static Arbitrary<MethodCase[]> Batches => CaseGen(0).ArrayOf().Where(a => a.Length > 0)
        .Select(a => a.Select((c, i) => new MethodCase(c.Case with { CaseId = "C" + i }, c.Hospital, c.Ward)).ToArray()).ToArbitrary();

    /// <summary>The methods that would take a case on their own (written from the policy by hand, not by the router).</summary>
    private static bool Takes(string method, MethodCase c)
    {
        var dx = c.Case.MainDiagnosis.Value;
        var px = c.Case.AllProcedures().Select(p => p.Value).ToArray();
        var tier = c.Hospital.IsKnown ? c.Hospital.Level.Tier : (HospitalTier)(-1);
        switch (method)
        {
            case "PER_DIEM":
                return Router.PerDiemCalculator!.Policy.FindClass(c.Case.MainDiagnosis) >= 0
                    && Router.PerDiemCalculator.Price(c.ToStay(), c.Hospital, PerDiemEpisode.First).Status != PerDiemStatus.NotEligible;
            case "SINGLE_DISEASE":
                return (dx.StartsWith("O82", StringComparison.Ordinal) && tier >= HospitalTier.Primary)
                    || (dx.StartsWith("K35", StringComparison.Ordinal) && px.Any(p => p.StartsWith("47.01", StringComparison.Ordinal)) && tier >= HospitalTier.Secondary)
                    || (dx.StartsWith("H25", StringComparison.Ordinal) && px.Any(p => p.StartsWith("13.41", StringComparison.Ordinal)) && c.Hospital.IsKnown);
            case "DAY_SURGERY":
                return c.Case.LengthOfStayDays <= 1 && px.Any(p => p.StartsWith("45.42", StringComparison.Ordinal) || p.StartsWith("53.0", StringComparison.Ordinal));
            case "FEE_FOR_SERVICE":
                return dx.StartsWith("N18.5", StringComparison.Ordinal);
            default:
                return true; // DIP takes every case
        }
    }

    [Property(MaxTest = 200)]
    public Property Every_case_goes_to_exactly_one_method_the_first_of_the_order_that_takes_it() => Prop.ForAll(Batches, batch => batch.All(c =>
    {
        var route = Router.Route(c);
        var first = Router.Policy.Order.First(m => Takes(m, c));
        return route.IsRouted && route.Method == first && Router.Policy.Order.Count(m => m == route.Method) == 1;
    }));

    [Property(MaxTest = 200)]
    public Property A_route_does_not_depend_on_the_other_cases() => Prop.ForAll(Batches, batch =>
    {
        var alone = batch.ToDictionary(c => c.Case.CaseId, c => Router.Route(c));
        var reversed = batch.Reverse().Select(c => (c.Case.CaseId, Route: Router.Route(c))).ToList();
        var parallel = new MethodRoute[batch.Length];
        System.Threading.Tasks.Parallel.For(0, batch.Length, i => parallel[i] = Router.Route(batch[i]));
        return reversed.All(r => alone[r.CaseId] == r.Route) && batch.Select((c, i) => alone[c.Case.CaseId] == parallel[i]).All(x => x);
    });
}
