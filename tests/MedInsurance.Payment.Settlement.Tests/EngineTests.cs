using System.Linq;
using MedInsurance.Payment.Cases;

namespace MedInsurance.Payment.Settlement.Tests;

public sealed class EngineTests
{
    [Fact]
    public void Every_bad_line_is_reported_in_input_order_naming_the_field_and_not_settled()
    {
        var policy = Build.Plain("DIP", ValueMethod.Fixed, 1_000m, 1m, 10m);
        var lines = new[]
        {
            Build.Dip("ok", "H1", 1, 10m, 0m, 0m),
            Build.Dip("nohosp", "HX", 1, 10m, 0m, 0m),
            Build.Dip("month", "H1", 13, 10m, 0m, 0m),
            Build.Drg("drg", "H1", 1, 1m, 0m, 0m),
            Build.Dip("neg", "H1", 1, -1m, 0m, 0m),
            new SettlementLine("negcost", "H1", InsuranceFund.Employee, 1, "DIP", SettlementBasis.OfPoints("DIP", 1m), Build.Y(-5m)),
            Build.Amount("nopool", "H1", 1, SettlementMethods.SingleDisease, 100m, 0m, 100m, fromPool: "PER_DIEM"),
            new SettlementLine("huge", "H1", InsuranceFund.Employee, 1, "DIP", SettlementBasis.OfPoints("DIP", 1m), Money.FromFen(9_223_372_036_854_775_807L)),
            Build.Dip("fine", "H1", 2, 10.123456m, 0m, 0m),
        };
        var result = Build.Run(policy, [Build.Hospital("H1")], lines);
        Assert.Equal(
            [
                "nohosp:" + SettlementIssueCodes.HospitalUnknown + "(hospital_id)",
                "month:" + SettlementIssueCodes.MonthOutOfRange + "(month)",
                "drg:" + SettlementIssueCodes.PoolUnknown + "(point_system)",
                "neg:" + SettlementIssueCodes.UnitsNegative + "(points)",
                "negcost:" + SettlementIssueCodes.AmountNegative + "(total_cost)",
                "nopool:" + SettlementIssueCodes.PoolUnknown + "(point_system)",
                "huge:" + SettlementIssueCodes.ValueOutOfRange + "(total_cost)",
                "fine:" + SettlementIssueCodes.UnitsRounded + "(points)",
            ],
            result.LineIssues.Select(i => i.Id + ":" + i.Issue.ToCompactString()).ToArray());
        Assert.Equal(7, result.Summary.RejectedLines);
        Assert.Equal(2, result.Summary.Lines);
        // Settled: 10 + 10.1235 (rounded to 4 decimals, 四舍五入) = 20.1235 points at 10 yuan = 201.235 → 201.24.
        Assert.Equal(20.1235m, result.Pools[0].TotalPoints);
        Assert.Equal(Build.Y(201.24m), result.Statements[0].AnnualPayable);
    }

    [Fact]
    public void Special_review_cap_is_counted_on_the_region_not_the_hospital()
    {
        // DIP 3.0 draft ch. 6 §2: 5‰ of the region's DIP discharges, "不能以每家医疗机构的病例数为基数计算". Region: hospital A
        // 100 lines, hospital B 900 lines → 1 000 lines, cap ⌊1 000 × 0.005⌋ = 5. A's one approved line is paid although
        // ⌊100 × 0.005⌋ = 0 would have refused it under a per-hospital count.
        // Fixed value 10, 1 point a line; the approved line has patient 100 and approved amount 5 000 → 5 000 − 100 = 4 900.
        // A: 99 × 10 + 4 900 = 5 890.
        var policy = Build.Plain("DIP", ValueMethod.Fixed, 1m, 1m, 10m) with { SpecialReviewCaps = Build.Caps("DIP", 0.005m) };
        var lines = Enumerable.Range(0, 99).Select(i => Build.Dip("a" + i, "A", 1, 1m, 0m, 0m))
            .Append(Build.Dip("a-special", "A", 3, 1m, 100m, 0m).WithSpecialReview(SpecialReviewStatus.Approved, Build.Y(5_000m)))
            .Concat(Enumerable.Range(0, 900).Select(i => Build.Dip("b" + i, "B", 1, 1m, 0m, 0m)))
            .ToArray();
        var result = Build.Run(policy, [Build.Hospital("A"), Build.Hospital("B")], lines);
        var a = result.Statements[0];
        Assert.Equal(1, a.SpecialReviewLines);
        Assert.Equal(Build.Y(5_890m), a.AnnualPayable);
        var review = Assert.Single(result.SpecialReview);
        Assert.Equal(("DIP", 1_000, 5, 1, false), (review.Method, review.RegionLines, review.Cap, review.Approved, review.OverCap));
        Assert.DoesNotContain(result.LineIssues, i => i.Issue.Code == SettlementIssueCodes.SpecialReviewOverRegionalCap);
    }

    [Fact]
    public void Approvals_beyond_the_regional_cap_are_paid_as_decided_and_reported()
    {
        // DRG, fixed rate 10 000, cap 5%: 40 lines → cap ⌊40 × 0.05⌋ = 2; the agency approved 3 (s1, s2, s3) at 30 000.
        // All three are paid as approved: 37 by group = 37 × 10 000 − 37 × 1 000 = 333 000; special 3 × 29 000 = 87 000
        // → 420 000; and one region-level warning says 3 > 2 (no order among the approvals is invented).
        var policy = Build.Plain("DRG", ValueMethod.Fixed, 1m, 1m, 10_000m) with { SpecialReviewCaps = Build.Caps("DRG", 0.05m) };
        var lines = Enumerable.Range(0, 37).Select(i => Build.Drg("c" + i, "H1", 1 + (i % 12), 1m, 1_000m, 9_000m))
            .Concat(new[] { "s3", "s1", "s2" }.Select(id => Build.Drg(id, "H1", 5, 1m, 1_000m, 29_000m).WithSpecialReview(SpecialReviewStatus.Approved, Build.Y(30_000m))))
            .ToArray();
        var result = Build.Run(policy, [Build.Hospital("H1")], lines);
        var s = result.Statements[0];
        Assert.Equal(3, s.SpecialReviewLines);
        Assert.Equal(Build.Y(420_000m), s.AnnualPayable);
        Assert.Equal(Build.Y(87_000m), result.Pools[0].SpecialReviewPaid);
        var over = Assert.Single(result.LineIssues);
        Assert.Equal((-1, SettlementIssueCodes.SpecialReviewOverRegionalCap, "special_review.DRG"), (over.Index, over.Issue.Code, over.Issue.Field));
        Assert.True(Assert.Single(result.SpecialReview).OverCap);
    }

    [Fact]
    public void Approval_on_a_method_without_special_review_is_reported_and_paid_by_its_basis()
    {
        var policy = Build.Plain("DIP", ValueMethod.Fixed, 1m, 1m, 10m) with { SpecialReviewCaps = Build.Caps("DIP", 0.005m) };
        var lines = new[] { Build.PerDiem("p", "H1", 1, 100m, 0m, 0m).WithSpecialReview(SpecialReviewStatus.Approved, Build.Y(9_999m)) };
        var result = Build.Run(policy, [Build.Hospital("H1")], lines);
        Assert.Equal(SettlementIssueCodes.SpecialReviewNotApplicable, Assert.Single(result.LineIssues).Issue.Code);
        Assert.Equal(Build.Y(1_000m), result.Statements[0].AnnualPayable);
    }

    [Fact]
    public void Special_review_beyond_the_budget_leaves_nothing_to_float()
    {
        // Budget 10 000; the approved case is paid 30 000 − 0 by item; the floating pool is max(0, 10 000 − 30 000) = 0,
        // so the 40 other cases of 1 point each get 0 and the value is 0.
        var policy = Build.Plain("DRG", ValueMethod.Floating, 10_000m, 1m, 1m) with { SpecialReviewCaps = Build.Caps("DRG", 0.05m) };
        var cases = Enumerable.Range(0, 40).Select(i => Build.Drg("c" + i, "H1", 1, 1m, 0m, 0m))
            .Append(Build.Drg("s", "H1", 1, 1m, 0m, 0m).WithSpecialReview(SpecialReviewStatus.Approved, Build.Y(30_000m)))
            .ToArray();
        var result = Build.Run(policy, [Build.Hospital("H1")], cases);
        Assert.Equal(0m, result.Pools[0].Value.Yuan);
        Assert.Equal(Build.Y(30_000m), result.Statements[0].AnnualPayable);
    }

    [Fact]
    public void Elastic_value_prices_last_years_reasonable_volume_at_the_preset_value_and_growth_at_the_floating_value()
    {
        // DIP 3.0 draft ch. 4 §3. Fund 100 000, ratio 1, preset 10. A: 6 000 points, base points 5 000 (given);
        // B: 4 000 points, last year 4 000 points × reasonable-volume share 0.8 → base 3 200.
        // Base: A 50 000, B 32 000 = 82 000; increment pool 18 000 over 1 000 + 800 = 1 800 points → 10 per point:
        // A 50 000 + 10 000 = 60 000; B 32 000 + 8 000 = 40 000.
        var policy = Build.Plain("DIP", ValueMethod.Elastic, 100_000m, 1m, 10m) with { ElasticLastYearShare = new Ratio(0.8m) };
        var lines = new[] { Build.Dip("a", "A", 1, 6_000m, 0m, 0m), Build.Dip("b", "B", 1, 4_000m, 0m, 0m) };
        SettlementHospital[] hospitals =
        [
            Build.Hospital("A") with { ElasticBases = [new ElasticBase(null, null, new Score(5_000m), null)] },
            Build.Hospital("B") with { ElasticBases = [new ElasticBase(null, null, null, new Score(4_000m))] },
        ];
        var result = Build.Run(policy, hospitals, lines);
        Assert.Equal(Build.Y(60_000m), result.Statements[0].AnnualPayable);
        Assert.Equal(Build.Y(40_000m), result.Statements[1].AnnualPayable);
        Assert.Equal(10m, result.Pools[0].Value.Yuan);
        Assert.Empty(result.LineIssues);

        // With an increment cap of 5: A 50 000 + 1 000 × 5 = 55 000; B 32 000 + 800 × 5 = 36 000.
        var capped = policy with { Pools = [policy.Pools[0] with { IncrementValueCap = new PointValue(5m) }] };
        var c = Build.Run(capped, hospitals, lines);
        Assert.Equal(Build.Y(55_000m), c.Statements[0].AnnualPayable);
        Assert.Equal(Build.Y(36_000m), c.Statements[1].AnnualPayable);
    }

    [Fact]
    public void Elastic_growth_is_priced_at_the_floating_value_not_hidden_in_a_share_of_this_years_points()
    {
        // The old fallback took 80% of this year's points as base, so a hospital that doubled its volume still had 80% at
        // the fixed value. With last year's volume as base: A grew from 1 000 to 2 000 points, B stayed at 1 000.
        // Fund 25 000, preset 10, ratio 1: base A 1 000 × 10 = 10 000, B 10 000 → 20 000; increment 5 000 over A's 1 000
        // growth points → 5 per point: A 10 000 + 5 000 = 15 000; B 10 000.
        var policy = Build.Plain("DIP", ValueMethod.Elastic, 25_000m, 1m, 10m);
        var lines = new[] { Build.Dip("a", "A", 1, 2_000m, 0m, 0m), Build.Dip("b", "B", 1, 1_000m, 0m, 0m) };
        SettlementHospital[] hospitals =
        [
            Build.Hospital("A") with { ElasticBases = [new ElasticBase(null, null, null, new Score(1_000m))] },
            Build.Hospital("B") with { ElasticBases = [new ElasticBase(null, null, null, new Score(1_000m))] },
        ];
        var result = Build.Run(policy, hospitals, lines);
        Assert.Equal(5m, result.Pools[0].Value.Yuan);
        Assert.Equal(Build.Y(15_000m), result.Statements[0].AnnualPayable);
        Assert.Equal(Build.Y(10_000m), result.Statements[1].AnnualPayable);
    }

    [Fact]
    public void Elastic_base_points_work_with_one_pool_per_fund()
    {
        // Two elastic pools (职工, 居民), preset 10, ratio 1; A has 1 000 employee and 1 000 resident points, base points
        // 800 (employee) and 500 (resident). Employee fund 10 000: base 8 000, increment 2 000 over 200 → 10 → 10 000.
        // Resident fund 7 500: base 5 000, increment 2 500 over 500 → 5 → 7 500.
        var policy = Build.Plain("DIP", ValueMethod.Elastic, 1m, 1m, 10m) with
        {
            Pools =
            [
                new FundPool { Fund = InsuranceFund.Employee, PresetValue = new PointValue(10m), Budget = new BudgetRule { Amount = Build.Y(10_000m) } },
                new FundPool { Fund = InsuranceFund.Resident, PresetValue = new PointValue(10m), Budget = new BudgetRule { Amount = Build.Y(7_500m) } },
            ],
        };
        var lines = new[] { Build.Dip("e", "A", 1, 1_000m, 0m, 0m), Build.Dip("r", "A", 1, 1_000m, 0m, 0m, InsuranceFund.Resident) };
        var hospital = Build.Hospital("A") with
        {
            ElasticBases = [new ElasticBase(null, InsuranceFund.Employee, new Score(800m), null), new ElasticBase(null, InsuranceFund.Resident, new Score(500m), null)],
        };
        var result = Build.Run(policy, [hospital], lines);
        Assert.Equal([10m, 5m], result.Pools.Select(p => p.Value.Yuan).ToArray());
        Assert.Equal(Build.Y(17_500m), result.Statements[0].AnnualPayable);
    }

    [Fact]
    public void Elastic_pool_without_a_base_for_a_hospital_says_so()
    {
        var policy = Build.Plain("DIP", ValueMethod.Elastic, 1_000m, 1m, 10m);
        // B has no points in the pool, so it needs no base and gets no warning.
        var result = Build.Run(policy, [Build.Hospital("A"), Build.Hospital("B")], [Build.Dip("a", "A", 1, 100m, 0m, 0m)]);
        var issue = Assert.Single(result.LineIssues);
        Assert.Equal(("A", SettlementIssueCodes.ElasticBaseMissing), (issue.Id, issue.Issue.Code));
        // No base: all 100 points are increment; the increment pool 1 000 over 100 points → 10.
        Assert.Equal(Build.Y(1_000m), result.Statements[0].AnnualPayable);
    }

    [Fact]
    public void Separate_fund_pools_have_their_own_point_values()
    {
        // Employee pool 80 000 ÷ 0.8 over 10 000 points → 10; resident pool 30 000 ÷ 0.6 over 10 000 points → 5.
        var policy = Build.Plain("DIP", ValueMethod.Floating, 1m, 1m, 1m) with
        {
            Pools =
            [
                new FundPool { Fund = InsuranceFund.Employee, FundPaymentRatio = new Ratio(0.8m), Budget = new BudgetRule { Amount = Build.Y(80_000m) } },
                new FundPool { Fund = InsuranceFund.Resident, FundPaymentRatio = new Ratio(0.6m), Budget = new BudgetRule { Amount = Build.Y(30_000m) } },
            ],
        };
        var cases = new[] { Build.Dip("e", "A", 1, 10_000m, 0m, 0m), Build.Dip("r", "A", 1, 10_000m, 0m, 0m, InsuranceFund.Resident) };
        var result = Build.Run(policy, [Build.Hospital("A")], cases);
        Assert.Equal([10m, 5m], result.Pools.Select(p => p.Value.Yuan).ToArray());
        // A: 100 000 + 50 000.
        Assert.Equal(Build.Y(150_000m), result.Statements[0].AnnualPayable);
    }

    [Fact]
    public void Duplicate_hospitals_and_invalid_policies_are_caller_errors()
    {
        var policy = Build.Plain("DIP", ValueMethod.Fixed, 1m, 1m, 10m);
        Assert.Throws<System.ArgumentException>(() => Build.Run(policy, [Build.Hospital("A"), Build.Hospital("A")], []));
        Assert.Throws<System.ArgumentException>(() => Build.Run(policy with { QualityDepositRate = new Ratio(0.09m), AdvanceRatio = new Ratio(0.9m) }, [Build.Hospital("A")], []));
    }

    [Fact]
    public void Json_export_carries_pools_summary_and_lines()
    {
        var json = StatementExport.ToJson(ThreeHospitalScenarioTests.Run());
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        var root = doc.RootElement;
        Assert.Equal("scenario", root.GetProperty("policy").GetString());
        Assert.Equal("10", root.GetProperty("pools")[0].GetProperty("value").GetString());
        Assert.Equal("32690.80", root.GetProperty("summary").GetProperty("clearingTransfer").GetString());
        var h2 = root.GetProperty("statements")[1];
        Assert.Equal("H2", h2.GetProperty("hospitalId").GetString());
        Assert.Contains(h2.GetProperty("lines").EnumerateArray(), l => l.GetProperty("code").GetString() == "overspend.shared" && l.GetProperty("amount").GetString() == "3960.00");
    }
}
