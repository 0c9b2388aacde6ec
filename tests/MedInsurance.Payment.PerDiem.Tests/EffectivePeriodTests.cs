using System;
using System.IO;
using System.Linq;
using static MedInsurance.Payment.PerDiem.Tests.Stays;

namespace MedInsurance.Payment.PerDiem.Tests;

/// <summary>A per-diem policy prices only stays discharged inside its effective period (issue 13: dates on every policy).</summary>
public sealed class EffectivePeriodTests
{
    private static string Example => PerDiemPolicyLoader.Embedded.Read("example-perdiem-2025")!;

    private static string WithPeriod(string from, string to) =>
        Example.Replace("\"readmissionDays\": 15,", "\"readmissionDays\": 15, \"effectiveFrom\": \"" + from + "\", \"effectiveTo\": \"" + to + "\",", StringComparison.Ordinal);

    [Fact]
    public void A_stay_discharged_outside_the_period_is_rejected_with_its_field_and_inside_it_is_priced()
    {
        var policy = PerDiemPolicyLoader.Parse(WithPeriod("2025-01-01", "2025-12-31"), "p.json");
        Assert.Equal(new DateOnly(2025, 1, 1), policy.EffectiveFrom);
        var calculator = new PerDiemCalculator(policy);

        var inside = calculator.Price(Stay("F20.000", 75, cost: 22_000m, discharge: "2025-12-31"), Tertiary, PerDiemEpisode.First);
        Assert.True(inside.IsPriced);
        Assert.Equal(Money.FromYuan(20_700m), inside.Standard); // 30 × 300 + 30 × 270 + 15 × 240, as without a period

        foreach (var date in new[] { "2024-12-31", "2026-01-01" })
        {
            var outside = calculator.Price(Stay("F20.000", 75, cost: 22_000m, discharge: date), Tertiary, PerDiemEpisode.First);
            Assert.Equal(PerDiemStatus.Rejected, outside.Status);
            var issue = Assert.Single(outside.Issues());
            Assert.Equal((PerDiemIssueCodes.PolicyNotInForce, "discharge_date"), (issue.Code, issue.Field));
        }
    }

    [Theory]
    [InlineData("2025-12-31", "2025-01-01", "effectiveTo")]
    [InlineData("2025-13-01", "2025-12-31", "effectiveFrom")]
    [InlineData("2025-01-01", "31/12/2025", "effectiveTo")]
    public void A_period_that_is_not_one_is_refused_with_its_field(string from, string to, string field)
    {
        var ex = Assert.Throws<InvalidDataException>(() => PerDiemPolicyLoader.Parse(WithPeriod(from, to), "p.json"));
        Assert.Contains(field, ex.Message, StringComparison.Ordinal);
        Assert.Contains(PerDiemIssueCodes.PolicyValueInvalid, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_period_every_discharge_date_is_priced()
    {
        var policy = PerDiemPolicyLoader.Parse(Example, "p.json");
        Assert.Null(policy.EffectiveFrom);
        Assert.True(new[] { "1999-01-01", "2099-12-31" }.All(d => new PerDiemCalculator(policy).Price(Stay("F20.000", 75, discharge: d), Tertiary, PerDiemEpisode.First).IsPriced));
    }
}
