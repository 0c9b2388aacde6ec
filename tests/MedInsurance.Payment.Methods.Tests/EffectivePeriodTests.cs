using System;
using System.IO;
using static MedInsurance.Payment.Methods.Tests.Cases;

namespace MedInsurance.Payment.Methods.Tests;

/// <summary>A method mix routes only cases discharged inside its effective period (issue 13: dates on every policy).</summary>
public sealed class EffectivePeriodTests
{
    private static string Example => MethodMixPolicyLoader.Embedded.Read("example-mix-2025")!;

    private static string WithPeriod(string from, string to) =>
        Example.Replace("\"order\":", "\"effectiveFrom\": \"" + from + "\", \"effectiveTo\": \"" + to + "\", \"order\":", StringComparison.Ordinal);

    [Fact]
    public void A_case_discharged_outside_the_period_gets_no_method_and_the_reason()
    {
        // Cases are discharged on 2025-06-30.
        var inside = new MethodRouter(MethodMixPolicyLoader.Parse(WithPeriod("2025-01-01", "2025-06-30"), "mix.json"));
        Assert.Equal("PER_DIEM", inside.Route(Case("F20.000", los: 75).At(H3)).Method);

        var outside = new MethodRouter(MethodMixPolicyLoader.Parse(WithPeriod("2025-07-01", "2025-12-31"), "mix.json")).Route(Case("F20.000", los: 75).At(H3));
        Assert.False(outside.IsRouted);
        Assert.Equal(MethodIssueCodes.MixNotInForce, outside.Reason);
    }

    [Theory]
    [InlineData("2025-12-31", "2025-01-01", "effectiveTo")]
    [InlineData("2025-02-30", "2025-12-31", "effectiveFrom")]
    public void A_period_that_is_not_one_is_refused_with_its_field(string from, string to, string field)
    {
        var ex = Assert.Throws<InvalidDataException>(() => MethodMixPolicyLoader.Parse(WithPeriod(from, to), "mix.json"));
        Assert.Contains(field, ex.Message, StringComparison.Ordinal);
        Assert.Contains(MethodIssueCodes.PolicyValueInvalid, ex.Message, StringComparison.Ordinal);
    }
}
