using System.IO;
using System.Linq;
using MedInsurance.Payment.Cases;

namespace MedInsurance.Payment.Settlement.Tests;

public sealed class PolicyTests
{
    [Fact]
    public void Embedded_profiles_load_and_validate()
    {
        Assert.Contains("example-dip-2025", SettlementPolicyLoader.EmbeddedNames);
        Assert.Contains("example-drg-2025", SettlementPolicyLoader.EmbeddedNames);
        foreach (var name in SettlementPolicyLoader.EmbeddedNames)
        {
            var policy = SettlementPolicyLoader.LoadEmbedded(name);
            Assert.Equal(name, policy.Id);
            Assert.DoesNotContain(policy.Validate(), i => i.IsError);
        }
    }

    [Fact]
    public void Dip_profile_holds_every_regional_parameter()
    {
        var p = SettlementPolicyLoader.LoadEmbedded("example-dip-2025");
        Assert.Equal(["DIP", "DIP"], p.Pools.Select(pool => pool.PointSystem).ToArray());
        Assert.Equal(0.005m, p.SpecialReviewCaps["DIP"].Value);
        Assert.Equal(ValueMethod.Floating, p.ValueMethod);
        Assert.Equal(0.9m, p.AdvanceRatio.Value);
        Assert.Equal(0.05m, p.QualityDepositRate.Value);
        Assert.Equal(2, p.Pools.Count);
        Assert.Equal(InsuranceFund.Employee, p.Pools[0].Fund);
        Assert.Equal(0.8m, p.Pools[0].FundPaymentRatio.Value);
        Assert.Equal(BudgetMethod.ByItems, p.Pools[0].Budget.Method);
        Assert.Equal(8, p.Pools[0].Budget.Deductions.Count);
        Assert.Equal(BudgetMethod.ByGrowthRate, p.Pools[1].Budget.Method);
        Assert.Equal(2, p.RiskSharing.Surplus.Count);
        Assert.Null(p.RiskSharing.Overspend[^1].UpTo);
        Assert.Equal(0.98m, p.AssessmentCoefficientFor(85m).Value);
        Assert.Equal(0.95m, p.AssessmentCoefficientFor(10m).Value);
        Assert.Equal(0.5m, p.DepositReleaseFor(60m).Value);
        Assert.Equal(new RoundingRule(RoundingMode.HalfAwayFromZero, 6), p.ValueRule(RoundingStep.UnitValue));
        Assert.Null(SettlementPolicyLoader.LoadEmbedded("example-drg-2025").ValueRule(RoundingStep.UnitValue));
        Assert.Equal(RoundingRule.Default, p.MoneyRule(RoundingStep.Assessment));
    }

    [Fact]
    public void A_deposit_above_five_percent_is_rejected_under_the_2025_rules_only()
    {
        var policy = Build.Plain("DIP", ValueMethod.Floating, 1m, 0.8m, 10m) with { QualityDepositRate = new Ratio(0.06m), AdvanceRatio = new Ratio(0.9m) };
        var issue = Assert.Single(policy.Validate(), i => i.IsError);
        Assert.Equal(PolicyIssueCodes.DepositAbove2025Cap, issue.Code);
        Assert.Equal("qualityDepositRate", issue.Field);
        Assert.Empty((policy with { QualityDepositRate = new Ratio(0.05m) }).Validate());
        Assert.Empty((policy with { RuleEdition = 2021, AdvanceRatio = new Ratio(0.9m), QualityDepositRate = new Ratio(0.1m) }).Validate());
    }

    [Fact]
    public void Bad_bands_and_pools_are_reported()
    {
        var policy = Build.Plain("DIP", ValueMethod.Floating, 1m, 0.8m, 10m) with
        {
            RiskSharing = new RiskSharingRule { Overspend = [new RiskSharingBand(new Ratio(0.2m), new Ratio(0.5m)), new RiskSharingBand(new Ratio(0.1m), new Ratio(0.3m))] },
            Pools = [new FundPool { FundPaymentRatio = new Ratio(0m) }, new FundPool { Fund = InsuranceFund.Employee, FundPaymentRatio = new Ratio(0.8m) }],
        };
        var codes = policy.Validate().Select(i => i.Code + "@" + i.Field).ToList();
        Assert.Contains(PolicyIssueCodes.BandsInvalid + "@riskSharing.overspend[1].upTo", codes);
        Assert.Contains(PolicyIssueCodes.PoolsInvalid + "@pools", codes);
        Assert.Contains(PolicyIssueCodes.ValueOutOfRange + "@pools[0].fundPaymentRatio", codes);
    }

    [Fact]
    public void Rising_band_shares_and_a_high_special_review_cap_are_warnings()
    {
        var policy = Build.Plain("DIP", ValueMethod.Floating, 1m, 0.8m, 10m) with
        {
            SpecialReviewCaps = Build.Caps("DIP", 0.01m),
            RiskSharing = new RiskSharingRule { Overspend = [new RiskSharingBand(new Ratio(0.1m), new Ratio(0.2m)), new RiskSharingBand(null, new Ratio(0.9m))] },
        };
        var issues = policy.Validate();
        Assert.DoesNotContain(issues, i => i.IsError);
        Assert.Equal(
            [PolicyIssueCodes.SpecialReviewAbove2025Cap + "@specialReview.caps.DIP", PolicyIssueCodes.BandSharesIncrease + "@riskSharing.overspend[1].share"],
            issues.Select(i => i.Code + "@" + i.Field).ToArray());
        // 1% is within the DRG guideline of 5%.
        Assert.DoesNotContain((policy with { SpecialReviewCaps = Build.Caps("DRG", 0.01m) }).Validate(), i => i.Code == PolicyIssueCodes.SpecialReviewAbove2025Cap);
    }

    [Fact]
    public void Rounding_rules_must_fit_their_step()
    {
        var policy = Build.Plain("DIP", ValueMethod.Floating, 1m, 0.8m, 10m) with
        {
            Rounding = new System.Collections.Generic.Dictionary<RoundingStep, RoundingRule>
            {
                [RoundingStep.Units] = new(RoundingMode.HalfAwayFromZero, 6),
                [RoundingStep.Assessment] = new(RoundingMode.HalfAwayFromZero, 3),
                [RoundingStep.UnitValue] = new(RoundingMode.HalfAwayFromZero, 8),
            },
        };
        Assert.Equal(["rounding.units", "rounding.Assessment"], policy.Validate().Where(i => i.IsError).Select(i => i.Field).ToArray());
    }

    [Fact]
    public void Named_rounding_steps_apply_their_rule()
    {
        // One case: 333.3333 points at a fixed 3 yuan = 999.9999; patient 0. Monthly basis 999.9999 × 0.9 = 899.99991:
        // 四舍五入 → 900.00 by default; a TowardZero rule on the monthly step → 899.99.
        // The annual payable 999.9999 rounds to 1 000.00 by default and to 999.99 with TowardZero on annualPayable.
        var policy = Build.Plain("DIP", ValueMethod.Fixed, 1m, 1m, 3m);
        SettlementLine[] cases = [Build.Dip("c", "H", 1, 333.3333m, 0m, 0m)];
        var plain = Build.Run(policy, [Build.Hospital("H")], cases).Statements[0];
        Assert.Equal(Build.Y(900m), plain.MonthlyPreSettlements);
        Assert.Equal(Build.Y(1_000m), plain.AnnualPayable);
        var ruled = Build.Run(
            policy with
            {
                Rounding = new System.Collections.Generic.Dictionary<RoundingStep, RoundingRule>
                {
                    [RoundingStep.MonthlyPreSettlement] = new(RoundingMode.TowardZero, 2),
                    [RoundingStep.AnnualPayable] = new(RoundingMode.TowardZero, 2),
                },
            },
            [Build.Hospital("H")],
            cases).Statements[0];
        Assert.Equal(Build.Y(899.99m), ruled.MonthlyPreSettlements);
        Assert.Equal(Build.Y(999.99m), ruled.AnnualPayable);
    }

    [Fact]
    public void Json_errors_name_the_source_line_and_field()
    {
        var ex = Assert.Throws<InvalidDataException>(() => SettlementPolicyLoader.Parse("{\n  \"id\": \"x\",\n  \"version\": \"1\",\n  \"method\": \"DIP\",\n  \"advanceRatio\": \"high\"\n}", "p.json"));
        Assert.Contains("p.json: line 5", ex.Message, System.StringComparison.Ordinal);
        Assert.Contains("advanceRatio", ex.Message, System.StringComparison.Ordinal);

        var unknown = Assert.Throws<InvalidDataException>(() => SettlementPolicyLoader.Parse("{\"id\":\"x\",\"version\":\"1\",\"method\":\"DIP\",\"advanceRatoi\":0.9,\"pools\":[]}", "q.json"));
        Assert.Contains("advanceRatoi", unknown.Message, System.StringComparison.Ordinal);

        var invalid = Assert.Throws<InvalidDataException>(() => SettlementPolicyLoader.Parse("{\"id\":\"x\",\"version\":\"1\",\"method\":\"DIP\",\"qualityDepositRate\":0.08,\"pools\":[{\"fund\":\"all\",\"fundPaymentRatio\":0.8}]}", "r.json"));
        Assert.Contains(PolicyIssueCodes.DepositAbove2025Cap, invalid.Message, System.StringComparison.Ordinal);

        var method = Assert.Throws<InvalidDataException>(() => SettlementPolicyLoader.Parse("{\"id\":\"x\",\"version\":\"1\",\"method\":\"DIP\",\"valueMethod\":\"sliding\",\"pools\":[]}", "s.json"));
        Assert.Contains("valueMethod", method.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Budget_and_preset_values_that_cannot_be_computed_are_refused_at_load_with_the_field()
    {
        var policy = Build.Plain("DIP", ValueMethod.Floating, 1m, 1m, 1m);
        var byShare = policy with { Pools = [policy.Pools[0] with { Budget = new BudgetRule { Method = BudgetMethod.ByLastYearShare, FundBudget = Build.Y(100m) } }] };
        Assert.Contains(byShare.Validate(), i => i.IsError && i.Field == "pools[0].budget.lastYearFundSpend");
        var negative = policy with { Pools = [policy.Pools[0] with { Budget = new BudgetRule { Amount = Build.Y(-1m) } }] };
        Assert.Contains(negative.Validate(), i => i.IsError && i.Field == "pools[0].budget");

        const string json = """
            { "id": "x", "version": "1", "pools": [ { "pointSystem": "DIP", "presetValue": -3, "budget": { "amount": 1 } } ] }
            """;
        var error = Assert.Throws<System.IO.InvalidDataException>(() => SettlementPolicyLoader.Parse(json, "p.json"));
        Assert.StartsWith("p.json: field pools[0]:", error.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void The_old_elastic_base_share_is_refused_with_the_reason()
    {
        const string json = """
            { "id": "x", "version": "1", "valueMethod": "elastic", "elastic": { "baseShare": 0.8 },
              "pools": [ { "presetValue": 10, "budget": { "amount": 1 } } ] }
            """;
        var error = Assert.Throws<System.IO.InvalidDataException>(() => SettlementPolicyLoader.Parse(json, "p.json"));
        Assert.Contains("elastic.baseShare", error.Message, System.StringComparison.Ordinal);
        Assert.Contains("last year", error.Message, System.StringComparison.Ordinal);
        var ok = SettlementPolicyLoader.Parse(json.Replace("\"baseShare\": 0.8", "\"lastYearShare\": 0.9", System.StringComparison.Ordinal), "p.json");
        Assert.Equal((0.9m, ValueMethod.Elastic, "DIP"), (ok.ElasticLastYearShare.Value, ok.ValueMethodOf(0), ok.Pools[0].PointSystem));
    }
}
