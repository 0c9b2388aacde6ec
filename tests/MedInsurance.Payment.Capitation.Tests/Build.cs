using System.Collections.Generic;
using System.Linq;
using MedInsurance.Payment.Cases;
using MedInsurance.Payment.Settlement;

namespace MedInsurance.Payment.Capitation.Tests;

/// <summary>Small builders for hand-computed examples.</summary>
internal static class Build
{
    public static readonly RiskSharingRule Section4Bands = new()
    {
        Surplus = [new RiskSharingBand(new Ratio(0.1m), new Ratio(1m)), new RiskSharingBand(null, new Ratio(0m))],
        Overspend = [new RiskSharingBand(new Ratio(0.1m), new Ratio(0.5m)), new RiskSharingBand(null, new Ratio(0m))],
    };

    public static CapitationPolicy Policy(
        RiskSharingRule? bands = null,
        ReferralChargeRule? referral = null,
        CapitationBasis basis = CapitationBasis.Served,
        decimal advanceRatio = 1m,
        decimal depositRate = 0m,
        IReadOnlyList<ScoreBand>? coefficients = null,
        IReadOnlyList<ScoreBand>? release = null,
        RiskSharingRule? rule = null)
    {
        var classes = new[]
        {
            new PopulationClass("employee", "职工", InsuranceFund.Employee, Money.FromYuan(240m)),
            new PopulationClass("resident", "居民", InsuranceFund.Resident, Money.FromYuan(120m)),
            new PopulationClass("elderly", "65岁以上老年人", InsuranceFund.Resident, Money.FromYuan(180m)),
            new PopulationClass("signed_resident", "签约居民", InsuranceFund.Resident, Money.FromYuan(150m)),
            new PopulationClass("flat", "示例类别", InsuranceFund.Resident, Money.FromYuan(100m)),
        };
        var policy = new CapitationPolicy(
            "test", "1", "test", 2026, basis, classes, null,
            new AdvanceTerms(new Ratio(advanceRatio), new Ratio(depositRate), DepositForm.WithheldFromAdvance, RoundingRule.Default, RoundingRule.Default),
            referral ?? ReferralChargeRule.NoCharge,
            rule ?? bands ?? Section4Bands,
            coefficients ?? [new ScoreBand(0m, 1m)],
            release ?? [new ScoreBand(0m, 1m)],
            100m,
            null,
            null,
            null);
        Assert.Empty(policy.Validate());
        return policy;
    }

    /// <summary>n persons of class <paramref name="classCode"/> at <paramref name="institution"/> for the whole year.</summary>
    public static IEnumerable<RosterEntry> Persons(string prefix, int n, string institution, string classCode = "flat") =>
        Enumerable.Range(0, n).Select(i => new RosterEntry(prefix + i, classCode, institution, 1, 12, true));

    public static OutpatientClaim Claim(string person, string institution, int month, decimal yuan, string? referralTo = null) =>
        new("C-" + person + "-" + month + "-" + yuan, person, institution, 2026, month, Money.FromYuan(yuan), referralTo is not null, referralTo);

    public static CapitationResult Run(CapitationPolicy policy, IEnumerable<RosterEntry> roster, IEnumerable<OutpatientClaim> claims, IEnumerable<SettlementHospital>? institutions = null)
    {
        var calc = new CapitationCalculation(CapitationRoster.Build(policy, roster));
        foreach (var claim in claims)
        {
            var issues = calc.Add(claim);
            Assert.DoesNotContain(issues, i => i.IsError);
        }

        return calc.Complete(institutions);
    }

    public static Money Y(decimal yuan) => Money.FromYuan(yuan);
}
