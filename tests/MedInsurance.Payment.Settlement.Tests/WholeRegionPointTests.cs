using System;
using System.IO;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MedInsurance.Payment.Cases;

namespace MedInsurance.Payment.Settlement.Tests;

/// <summary>
/// 全区域点数法 — outpatient money converted into the inpatient pool's points (payment-rules.md §4; worked example in
/// docs/settlement.md, "One regional point system"). Every expected number is computed by hand in the comments.
/// </summary>
public sealed class WholeRegionPointTests
{
    private static SettlementPolicy Region(ValueMethod method, decimal budget, decimal conversionValue, decimal preset = 10m) =>
        Build.Plain("DIP", method, budget, 1m, preset) with
        {
            PointConversions = [new PointConversion(SettlementMethods.Capitation, null, "DIP", new PointValue(conversionValue), "2025年年初点值")],
        };

    private static SettlementLine Capitation(string id, string hospital, int month, decimal amount, InsuranceFund fund = InsuranceFund.Employee, string? pointSystem = null) =>
        new(id, hospital, fund, month, SettlementMethods.Capitation, SettlementBasis.OfMoney(Build.Y(amount), pointSystem), Build.Y(amount), fundPaid: Build.Y(amount));

    [Fact]
    public void Outpatient_capitation_and_inpatient_points_share_one_floating_point_value()
    {
        // Budget 1 100 000, floating, ratio 1. Hospital A: DIP points 50 000 + 40 000 = 90 000 (patients 0).
        // Primary-care centre C: capitation 60 000 (March) + 40 000 (April) at 10 yuan a point = 6 000 + 4 000 = 10 000 points.
        // Total 100 000 points; value = 1 100 000 ÷ 1 ÷ 100 000 = 11; A = 90 000 × 11 = 990 000; C = 10 000 × 11 = 110 000.
        var lines = new[]
        {
            Build.Dip("a1", "A", 3, 50_000m, 0m, 500_000m),
            Build.Dip("a2", "A", 4, 40_000m, 0m, 400_000m),
            Capitation("c3", "C", 3, 60_000m),
            Capitation("c4", "C", 4, 40_000m),
        };
        var result = Build.Run(Region(ValueMethod.Floating, 1_100_000m, 10m), [Build.Hospital("A"), Build.Hospital("C")], lines);

        Assert.Empty(result.LineIssues);
        Assert.Equal(100_000m, result.Pools[0].TotalPoints);
        Assert.Equal(11m, result.Pools[0].Value.Yuan);
        Assert.Equal(Build.Y(990_000m), result.Statements.Single(s => s.Hospital.Id == "A").AnnualPayable);
        var c = result.Statements.Single(s => s.Hospital.Id == "C");
        Assert.Equal(Build.Y(110_000m), c.AnnualPayable);
        Assert.Equal(Build.Y(0m), result.Summary.OutsidePools);

        var converted = c.Lines.Single(l => l.Code == "converted.CAPITATION.DIP");
        Assert.Equal(Build.Y(100_000m), converted.Amount);
        var points = c.Lines.Single(l => l.Code == "converted_points.CAPITATION.DIP");
        Assert.Equal(10_000m, points.Quantity);
        Assert.Contains("折算点值 10", points.Formula, StringComparison.Ordinal);
        Assert.Contains("2025年年初点值", points.Formula, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Statements.Single(s => s.Hospital.Id == "A").Lines, l => l.Code.StartsWith("converted", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_the_rule_the_same_money_is_paid_outside_the_pool_and_inpatient_points_take_the_whole_budget()
    {
        // The same lines, no conversion: C's 100 000 is paid as computed outside every pool; A's 90 000 points share
        // 1 100 000 alone → A = 1 100 000 (value 12.2222…, allocated by largest remainder to the single hospital).
        var lines = new[]
        {
            Build.Dip("a1", "A", 3, 50_000m, 0m, 500_000m),
            Build.Dip("a2", "A", 4, 40_000m, 0m, 400_000m),
            Capitation("c3", "C", 3, 60_000m),
            Capitation("c4", "C", 4, 40_000m),
        };
        var result = Build.Run(Build.Plain("DIP", ValueMethod.Floating, 1_100_000m, 1m, 10m), [Build.Hospital("A"), Build.Hospital("C")], lines);
        Assert.Equal(Build.Y(1_100_000m), result.Statements.Single(s => s.Hospital.Id == "A").AnnualPayable);
        Assert.Equal(Build.Y(100_000m), result.Statements.Single(s => s.Hospital.Id == "C").AnnualPayable);
        Assert.Equal(Build.Y(100_000m), result.Summary.OutsidePools);
    }

    [Fact]
    public void At_a_settlement_value_equal_to_the_conversion_value_the_amount_comes_back_to_the_fen()
    {
        // Fixed value 10.3 = conversion value 10.3. 12 345.67 ÷ 10.3 = 1 198.608737… → 1 198.6087 points (4 decimals);
        // × 10.3 = 12 345.669 61 → 12 345.67.
        var policy = Region(ValueMethod.Fixed, 1m, 10.3m, preset: 10.3m);
        var result = Build.Run(policy, [Build.Hospital("C")], [Capitation("c1", "C", 1, 12_345.67m)]);
        Assert.Empty(result.LineIssues);
        Assert.Equal(1_198.6087m, result.Pools[0].TotalPoints);
        Assert.Equal(Build.Y(12_345.67m), result.Statements.Single().AnnualPayable);
    }

    [Fact]
    public void Each_month_is_converted_once_so_many_small_lines_do_not_drift()
    {
        // 1 000 lines of 0.01 yuan in one month at 3 yuan a point: 10.00 ÷ 3 = 3.3333 points (one rounding), not
        // 1 000 × round(0.01 ÷ 3 = 0.003333…) = 1 000 × 0.0033 = 3.3 points.
        var policy = Region(ValueMethod.Fixed, 1m, 3m, preset: 3m);
        var lines = Enumerable.Range(0, 1_000).Select(i => Capitation("c" + i, "C", 5, 0.01m)).ToArray();
        var result = Build.Run(policy, [Build.Hospital("C")], lines);
        Assert.Equal(3.3333m, result.Pools[0].TotalPoints);
        Assert.Equal(Build.Y(10m), result.Statements.Single().AnnualPayable); // 3.3333 × 3 = 9.9999 → 10.00
    }

    [Fact]
    public void A_line_that_names_another_point_system_is_rejected()
    {
        var policy = Region(ValueMethod.Fixed, 1m, 10m) with
        {
            Pools = [.. Build.Plain("DIP", ValueMethod.Fixed, 1m, 1m, 10m).Pools, .. Build.Plain("PER_DIEM", ValueMethod.Fixed, 1m, 1m, 10m).Pools],
        };
        var result = Build.Run(policy, [Build.Hospital("C")], [Capitation("c1", "C", 1, 100m, pointSystem: "PER_DIEM"), Capitation("c2", "C", 1, 100m, pointSystem: "DIP")]);
        var issue = Assert.Single(result.LineIssues);
        Assert.Equal("c1", issue.Id);
        Assert.Equal(SettlementIssueCodes.PointSystemConflict, issue.Issue.Code);
        Assert.Equal(10m, result.Pools.Single(p => p.PointSystem == "DIP").TotalPoints);
    }

    [Fact]
    public void A_rule_for_the_line_s_fund_comes_before_a_rule_for_every_fund()
    {
        var policy = Region(ValueMethod.Fixed, 1m, 10m) with
        {
            PointConversions =
            [
                new PointConversion("capitation", null, "DIP", new PointValue(10m), null),
                new PointConversion(SettlementMethods.Capitation, InsuranceFund.Resident, "DIP", new PointValue(5m), null),
            ],
        };
        Assert.Equal(1, policy.PointConversionIndexOf(SettlementMethods.Capitation, InsuranceFund.Resident));
        Assert.Equal(0, policy.PointConversionIndexOf(SettlementMethods.Capitation, InsuranceFund.Employee));
        Assert.Equal(-1, policy.PointConversionIndexOf(SettlementMethods.FeeForService, InsuranceFund.Employee));

        // Employee 100 ÷ 10 = 10 points; resident 100 ÷ 5 = 20 points.
        var result = Build.Run(policy, [Build.Hospital("C")], [Capitation("e", "C", 1, 100m), Capitation("r", "C", 1, 100m, InsuranceFund.Resident)]);
        Assert.Equal(30m, result.Pools[0].TotalPoints);
    }

    [Theory]
    [InlineData(100, 4, false)] // 100 × 0.0001 = 0.01: half a unit is half a fen, not exact
    [InlineData(99.99, 4, true)]
    [InlineData(0.99, 2, true)]
    [InlineData(1, 2, false)]
    public void The_policy_refuses_a_conversion_value_that_cannot_come_back_to_the_fen(decimal value, int decimals, bool valid)
    {
        var policy = Region(ValueMethod.Fixed, 1m, value) with { UnitDecimals = decimals };
        var errors = policy.Validate().Where(i => i.IsError).ToList();
        if (valid)
        {
            Assert.Empty(errors);
        }
        else
        {
            var error = Assert.Single(errors);
            Assert.Equal(PolicyIssueCodes.PointConversionInvalid, error.Code);
            Assert.Equal("pointConversions[0].conversionValue", error.Field);
        }
    }

    [Fact]
    public void The_policy_refuses_repeated_rules_unknown_pools_and_special_review_methods()
    {
        var policy = Region(ValueMethod.Fixed, 1m, 10m) with
        {
            PointConversions =
            [
                new PointConversion(SettlementMethods.Capitation, null, "DIP", new PointValue(10m), null),
                new PointConversion(SettlementMethods.Capitation, null, "DIP", new PointValue(9m), null),
                new PointConversion(SettlementMethods.FeeForService, null, "OUTPATIENT", new PointValue(10m), null),
                new PointConversion(SettlementMethods.Dip, null, "DIP", new PointValue(10m), null),
            ],
        };
        var fields = policy.Validate().Where(i => i.IsError).Select(i => i.Code + " " + i.Field).ToArray();
        Assert.Equal(
            [
                "POLICY_POINT_CONVERSION_INVALID pointConversions[1]",
                "POLICY_POINT_CONVERSION_INVALID pointConversions[2].pointSystem",
                "POLICY_POINT_CONVERSION_INVALID pointConversions[3].method",
            ],
            fields);
    }

    [Fact]
    public void The_loader_reads_conversions_and_refuses_a_broken_one_with_its_field()
    {
        const string Head = """{"id":"r","version":"1","year":2025,"valueMethod":"fixed","pools":[{"pointSystem":"DIP","presetValue":10,"budget":{"method":"fixed","amount":1}}],""";
        static string J(string text) => text.Replace('\'', '"');
        var policy = SettlementPolicyLoader.Parse(Head + J("'pointConversions':[{'method':'capitation','fund':'resident','pointSystem':'DIP','conversionValue':9.87,'source':'年初点值'}]}"), "p.json");
        var rule = Assert.Single(policy.PointConversions);
        Assert.Equal((SettlementMethods.Capitation, InsuranceFund.Resident, "DIP", 9.87m, "年初点值"), (rule.Method, rule.Fund!.Value, rule.PointSystem, rule.ConversionValue.Yuan, rule.Source));

        var missing = Assert.Throws<InvalidDataException>(() => SettlementPolicyLoader.Parse(Head + J("'pointConversions':[{'method':'capitation','pointSystem':'DIP'}]}"), "p.json"));
        Assert.Contains("pointConversions[0].conversionValue", missing.Message, StringComparison.Ordinal);
        var empty = Assert.Throws<InvalidDataException>(() => SettlementPolicyLoader.Parse(Head + J("'pointConversions':[null]}"), "p.json"));
        Assert.Contains("pointConversions[0]", empty.Message, StringComparison.Ordinal);
        var zero = Assert.Throws<InvalidDataException>(() => SettlementPolicyLoader.Parse(Head + J("'pointConversions':[{'method':'capitation','pointSystem':'DIP','conversionValue':0}]}"), "p.json"));
        Assert.Contains("POLICY_POINT_CONVERSION_INVALID", zero.Message, StringComparison.Ordinal);
        var pool = Assert.Throws<InvalidDataException>(() => SettlementPolicyLoader.Parse(Head + J("'pointConversions':[{'method':'capitation','pointSystem':'DRG','conversionValue':10}]}"), "p.json"));
        Assert.Contains("pointConversions[0].pointSystem", pool.Message, StringComparison.Ordinal);
    }

    /// <summary>Amount → points → amount at the conversion value is exact to the fen whenever the policy accepts the value.</summary>
    [Property(MaxTest = 500)]
    public Property Converting_to_points_and_back_is_exact_to_the_fen()
    {
        var gen =
            from low in Gen.Choose(0, int.MaxValue)
            from times in Gen.Choose(1, 47)
            let fen = (long)low * times
            from decimals in Gen.Choose(2, 6)
            from valueUnits in Gen.Choose(1, 999_999)
            select (fen, decimals, valueUnits);
        return Prop.ForAll(gen.ToArbitrary(), t =>
        {
            // Conversion values below 10^(decimals − 2) with 4 decimals: the largest the policy accepts.
            var limit = 1m;
            for (var i = 2; i < t.decimals; i++)
            {
                limit *= 10m;
            }

            var value = new PointValue(Math.Min(limit - 0.0001m, t.valueUnits / 10_000m));
            Assert.True(PointConversionFormulas.IsExactToTheFen(value, t.decimals));
            var units = new RoundingRule(RoundingMode.HalfAwayFromZero, t.decimals);
            var amount = Money.FromFen(Math.Min(t.fen, 100_000_000_000L));
            var points = PointConversionFormulas.ToPoints(amount, value, units);
            return PointConversionFormulas.ToAmount(points, value, RoundingRule.Default) == amount;
        });
    }

    /// <summary>A converted region clears to the same statements for any line order and thread count.</summary>
    [Property(MaxTest = 40)]
    public Property Conversion_is_independent_of_line_order_and_threads(int seed)
    {
        var rng = new Random(seed);
        var lines = Enumerable.Range(0, 200).Select(i => i % 3 == 0
            ? Capitation("c" + i, "H" + rng.Next(0, 3), rng.Next(1, 13), rng.Next(1, 1_000_000) / 100m, rng.Next(0, 2) == 0 ? InsuranceFund.Employee : InsuranceFund.Resident)
            : Build.Dip("d" + i, "H" + rng.Next(0, 3), rng.Next(1, 13), rng.Next(1, 100_000) / 100m, 0m, 1m)).ToArray();
        var policy = Region(ValueMethod.Floating, 3_000_000m, 7.77m);
        var hospitals = new[] { Build.Hospital("H0"), Build.Hospital("H1"), Build.Hospital("H2") };
        var first = Build.Run(policy, hospitals, lines);
        var shuffled = Build.Run(policy, hospitals, lines.OrderBy(_ => rng.Next()).ToArray(), threads: 3);
        return (Text(first) == Text(shuffled)).ToProperty();

        static string Text(ClearingResult r) => string.Join("\n", r.Statements.SelectMany(s => s.Lines.Select(l => s.Hospital.Id + " " + l.Code + " " + l.Amount + " " + l.Quantity + " " + l.Formula)));
    }
}
