using System.Linq;
using MedInsurance.Payment.Cases;

namespace MedInsurance.Payment.Settlement.Tests;

public sealed class EngineTests
{
    [Fact]
    public void Every_bad_case_is_reported_in_input_order_and_not_settled()
    {
        var policy = Build.Plain(PaymentMethod.Dip, ValueMethod.Fixed, 1_000m, 1m, 10m);
        var cases = new[]
        {
            Build.Dip("ok", "H1", 1, 10m, 0m, 0m),
            Build.Dip("nohosp", "HX", 1, 10m, 0m, 0m),
            Build.Dip("month", "H1", 13, 10m, 0m, 0m),
            Build.Drg("drg", "H1", 1, 1m, 0m, 0m),
            Build.Dip("neg", "H1", 1, -1m, 0m, 0m),
            Build.Dip("fine", "H1", 2, 10.123456m, 0m, 0m),
        };
        var result = Build.Run(policy, [Build.Hospital("H1")], cases);
        Assert.Equal(
            ["nohosp:" + SettlementIssueCodes.HospitalUnknown, "month:" + SettlementIssueCodes.MonthOutOfRange, "drg:" + SettlementIssueCodes.MethodNotSettled, "neg:" + SettlementIssueCodes.UnitsNegative, "fine:" + SettlementIssueCodes.UnitsRounded],
            result.CaseIssues.Select(i => i.CaseId + ":" + i.Issue.Code).ToArray());
        Assert.Equal(4, result.Summary.RejectedCases);
        // Settled: 10 + 10.1235 (rounded to 4 decimals, 四舍五入) = 20.1235 points at 10 yuan = 201.235 → 201.24.
        Assert.Equal(20.1235m, result.Pools[0].TotalUnits);
        Assert.Equal(Build.Y(201.24m), result.Statements[0].AnnualPayable);
    }

    [Fact]
    public void Special_review_cases_are_paid_by_item_within_the_cap()
    {
        // DRG, fixed rate 10 000, cap 5%: 40 cases → at most ⌊40 × 0.05⌋ = 2 approved cases paid by item.
        // 40 cases of RW 1, patient 1 000 each; three approved at 30 000 (ids s1, s2, s3: s3 over the cap, paid by group).
        // Annual: 38 cases by group = 38 × 10 000 − 38 × 1 000 = 342 000; special: 2 × (30 000 − 1 000) = 58 000 → 400 000.
        var policy = Build.Plain(PaymentMethod.Drg, ValueMethod.Fixed, 1m, 1m, 10_000m) with { SpecialReviewCap = new Ratio(0.05m) };
        var cases = Enumerable.Range(0, 37).Select(i => Build.Drg("c" + i, "H1", 1 + (i % 12), 1m, 1_000m, 9_000m))
            .Concat(new[] { "s3", "s1", "s2" }.Select(id => Build.Drg(id, "H1", 5, 1m, 1_000m, 29_000m) with { SpecialReview = SpecialReviewStatus.Approved, ApprovedItemAmount = Build.Y(30_000m) }))
            .ToArray();
        var result = Build.Run(policy, [Build.Hospital("H1")], cases);
        var s = result.Statements[0];
        Assert.Equal(2, s.SpecialReviewCases);
        Assert.Equal(Build.Y(400_000m), s.AnnualPayable);
        Assert.Equal(Build.Y(58_000m), result.Pools[0].SpecialReviewPaid);
        var over = Assert.Single(result.CaseIssues);
        Assert.Equal("s3", over.CaseId);
        Assert.Equal(SettlementIssueCodes.SpecialReviewOverCap, over.Issue.Code);
    }

    [Fact]
    public void Special_review_beyond_the_budget_leaves_nothing_to_float()
    {
        // Budget 10 000; the approved case is paid 30 000 − 0 by item; the floating pool is max(0, 10 000 − 30 000) = 0,
        // so the 40 other cases of 1 point each get 0 and the value is 0.
        var policy = Build.Plain(PaymentMethod.Drg, ValueMethod.Floating, 10_000m, 1m, 1m) with { SpecialReviewCap = new Ratio(0.05m) };
        var cases = Enumerable.Range(0, 40).Select(i => Build.Drg("c" + i, "H1", 1, 1m, 0m, 0m))
            .Append(Build.Drg("s", "H1", 1, 1m, 0m, 0m) with { SpecialReview = SpecialReviewStatus.Approved, ApprovedItemAmount = Build.Y(30_000m) })
            .ToArray();
        var result = Build.Run(policy, [Build.Hospital("H1")], cases);
        Assert.Equal(0m, result.Pools[0].Value.Yuan);
        Assert.Equal(Build.Y(30_000m), result.Statements[0].AnnualPayable);
    }

    [Fact]
    public void Drg_payment_applies_the_hospital_coefficient()
    {
        // Two hospitals, fixed rate 10 000: A (coefficient 1.1) 12 cases of RW 2 → 24 × 1.1 = 26.4 × 10 000 = 264 000;
        // B (coefficient 0.9) 12 cases of RW 1 → 10.8 × 10 000 = 108 000; no patient share.
        var policy = Build.Plain(PaymentMethod.Drg, ValueMethod.Fixed, 1m, 1m, 10_000m);
        var cases = Enumerable.Range(1, 12).SelectMany(m => new[] { Build.Drg("a" + m, "A", m, 2m, 0m, 0m), Build.Drg("b" + m, "B", m, 1m, 0m, 0m) }).ToArray();
        var result = Build.Run(policy, [Build.Hospital("A") with { Coefficient = new Coefficient(1.1m) }, Build.Hospital("B") with { Coefficient = new Coefficient(0.9m) }], cases);
        Assert.Equal(Build.Y(264_000m), result.Statements[0].AnnualPayable);
        Assert.Equal(Build.Y(108_000m), result.Statements[1].AnnualPayable);
        // Monthly: A 2 × 1.1 × 10 000 × 0.9 = 19 800.
        Assert.Equal(Build.Y(19_800m), result.Statements[0].Lines.Single(l => l.Code == "month.01").Amount);
    }

    [Fact]
    public void Elastic_value_pays_base_points_at_the_preset_value_and_the_increment_at_the_floating_value()
    {
        // Fund 100 000, ratio 1, preset 10. A: 6 000 points, base points 5 000; B: 4 000 points, base share 80% → 3 200.
        // Base: A 50 000, B 32 000 = 82 000; increment pool 18 000 over 1 000 + 800 = 1 800 points → 10 per point:
        // A 50 000 + 10 000 = 60 000; B 32 000 + 8 000 = 40 000.
        var policy = Build.Plain(PaymentMethod.Dip, ValueMethod.Elastic, 100_000m, 1m, 10m) with { ElasticBaseShare = new Ratio(0.8m) };
        var cases = new[] { Build.Dip("a", "A", 1, 6_000m, 0m, 0m), Build.Dip("b", "B", 1, 4_000m, 0m, 0m) };
        var result = Build.Run(policy, [Build.Hospital("A") with { BasePoints = new Score(5_000m) }, Build.Hospital("B")], cases);
        Assert.Equal(Build.Y(60_000m), result.Statements[0].AnnualPayable);
        Assert.Equal(Build.Y(40_000m), result.Statements[1].AnnualPayable);
        Assert.Equal(10m, result.Pools[0].Value.Yuan);

        // With an increment cap of 5: A 50 000 + 1 000 × 5 = 55 000; B 32 000 + 800 × 5 = 36 000.
        var capped = policy with { Pools = [policy.Pools[0] with { IncrementValueCap = new PointValue(5m) }] };
        var c = Build.Run(capped, [Build.Hospital("A") with { BasePoints = new Score(5_000m) }, Build.Hospital("B")], cases);
        Assert.Equal(Build.Y(55_000m), c.Statements[0].AnnualPayable);
        Assert.Equal(Build.Y(36_000m), c.Statements[1].AnnualPayable);
    }

    [Fact]
    public void Separate_fund_pools_have_their_own_point_values()
    {
        // Employee pool 80 000 ÷ 0.8 over 10 000 points → 10; resident pool 30 000 ÷ 0.6 over 10 000 points → 5.
        var policy = Build.Plain(PaymentMethod.Dip, ValueMethod.Floating, 1m, 1m, 1m) with
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
        var policy = Build.Plain(PaymentMethod.Dip, ValueMethod.Fixed, 1m, 1m, 10m);
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
