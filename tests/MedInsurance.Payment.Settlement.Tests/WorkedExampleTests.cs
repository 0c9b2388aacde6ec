using System.Linq;
using MedInsurance.Payment.Cases;
using MedInsurance.Payment.Statistics;

namespace MedInsurance.Payment.Settlement.Tests;

/// <summary>The worked examples of ../shared/docs/payment-rules.md §2, §3 and §5, expected values as written there.</summary>
public sealed class WorkedExampleTests
{
    [Fact]
    public void Monthly_pre_settlement_is_7_150_000()
    {
        // §2: (1000 × 10 000 − 2 000 000) × 0.9 − 50 000 = 7 150 000. Built from 1 000 cases of RW 1, each with the
        // patient paying 2 000 and an audit deduction of 50 (totals 2 000 000 and 50 000).
        var policy = Build.Plain("DRG", ValueMethod.Fixed, 1_000_000_000m, 1m, 10_000m);
        var cases = Enumerable.Range(0, 1000)
            .Select(i => Build.Drg("c" + i, "H1", 3, 1m, 2000m, 8000m).WithAuditDeduction(Build.Y(50m)))
            .ToArray();
        var statement = Assert.Single(Build.Run(policy, [Build.Hospital("H1")], cases).Statements);
        var march = statement.Lines.Single(l => l.Code == "month.03");
        Assert.Equal(Build.Y(7_150_000m), march.Amount);
        Assert.Equal(Build.Y(7_150_000m), statement.MonthlyPreSettlements);
        Assert.Contains("× 预拨比例 0.9", march.Formula, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Settlement_point_value_is_10_yuan()
    {
        // §3: fund 800 000 000, ratio 0.8, total score 100 000 000 → 10 yuan per point.
        Assert.Equal(new PointValue(10m), PointValueFormulas.Settlement(Build.Y(800_000_000m), new Ratio(0.8m), 100_000_000m));
    }

    [Fact]
    public void Settlement_point_value_is_10_yuan_through_the_clearing()
    {
        // The same example as a region: two hospitals with 60 000 000 and 40 000 000 points (100 cases of 600 000 and 400 000).
        var policy = Build.Plain("DIP", ValueMethod.Floating, 800_000_000m, 0.8m, 9m);
        var cases = Enumerable.Range(0, 100).Select(i => Build.Dip("a" + i, "A", 1 + (i % 12), 600_000m, 0m, 0m))
            .Concat(Enumerable.Range(0, 100).Select(i => Build.Dip("b" + i, "B", 1 + (i % 12), 400_000m, 0m, 0m)))
            .ToArray();
        var result = Build.Run(policy, [Build.Hospital("A"), Build.Hospital("B")], cases);
        var pool = Assert.Single(result.Pools);
        Assert.Equal(100_000_000m, pool.TotalPoints);
        Assert.Equal(10m, pool.Value.Yuan);
        // Gross at 10 yuan: 600 000 000 and 400 000 000 (patients paid nothing in this example).
        Assert.Equal(Build.Y(600_000_000m), result.Statements[0].AnnualPayable);
        Assert.Equal(Build.Y(400_000_000m), result.Statements[1].AnnualPayable);
    }

    [Fact]
    public void Budget_form_base_rate_divides_the_fund_by_ratio_and_total_weight()
    {
        // §2 budget form: (DRG fund ÷ ratio) ÷ Σ(RW × cases) = (600 000 000 ÷ 0.75) ÷ 80 000 = 10 000.
        Assert.Equal(new PointValue(10_000m), PointValueFormulas.Settlement(Build.Y(600_000_000m), new Ratio(0.75m), 80_000m));
    }

    [Fact]
    public void Start_of_year_value_trims_each_years_cost_per_point()
    {
        // 40 cases in one year, one point each: 38 cost 10 000, one 100 (low outlier), one 1 000 000 (high outlier).
        // PercentileTrimming 2.5–97.5 (docs/decisions.md): ⌊40 × 0.025⌋ = 1 case goes at the bottom (100) and
        // 40 − ⌈40 × 0.975⌉ = 1 at the top (1 000 000): 38 × 10 000 ÷ 38 = 10 000 per point.
        var history = Enumerable.Repeat(new HistoricalCase("A", 0, 1m, Build.Y(10_000m)), 38)
            .Append(new HistoricalCase("A", 0, 1m, Build.Y(100m)))
            .Append(new HistoricalCase("A", 0, 1m, Build.Y(1_000_000m)))
            .ToArray();
        Assert.Equal(10_000m, PointValueFormulas.StartOfYear(history, [1m], PercentileTrimming.Default).Yuan);
        // With no lower cut (0–97.5) the 100 case stays: (38 × 10 000 + 100) ÷ 39 points.
        Assert.Equal((38m * 10_000m + 100m) / 39m, PointValueFormulas.StartOfYear(history, [1m], new PercentileTrimming(0m, 97.5m)).Yuan);
        // Untrimmed: (38 × 10 000 + 100 + 1 000 000) ÷ 40 = 1 380 100 ÷ 40 = 34 502.5.
        Assert.Equal(34_502.5m, PointValueFormulas.StartOfYear(history, [1m], PercentileTrimming.None).Yuan);
    }

    [Fact]
    public void Start_of_year_value_can_trim_by_cost_as_the_draft_words_it()
    {
        // 40 cases: 19 of 1 point at 1 000, 19 of 10 points at 10 000, one of 1 point at 100, one of 1 point at 5 000.
        // By cost per point (100, 1 000 × 38, 5 000): the band [x₂, x₃₉] = [1 000, 1 000] keeps the 38 → 209 000 ÷ 209 = 1 000.
        // By cost (DIP 3.0 draft ch. 5 §4, 住院费用: 100, 1 000 × 19, 5 000, 10 000 × 19): the band [1 000, 10 000] drops only
        // the 100 (ties at the top are kept together) → (19 000 + 5 000 + 190 000) ÷ (19 + 1 + 190) = 214 000 ÷ 210.
        var history = Enumerable.Repeat(new HistoricalCase("A", 0, 1m, Build.Y(1_000m)), 19)
            .Concat(Enumerable.Repeat(new HistoricalCase("B", 0, 10m, Build.Y(10_000m)), 19))
            .Append(new HistoricalCase("A", 0, 1m, Build.Y(100m)))
            .Append(new HistoricalCase("A", 0, 1m, Build.Y(5_000m)))
            .ToArray();
        Assert.Equal(1_000m, PointValueFormulas.StartOfYear(history, [1m], PercentileTrimming.Default, StartOfYearTrimmingBasis.CostPerPoint).Yuan);
        Assert.Equal(214_000m / 210m, PointValueFormulas.StartOfYear(history, [1m], PercentileTrimming.Default, StartOfYearTrimmingBasis.Cost).Yuan);
        Assert.Equal(1_000m, PointValueFormulas.StartOfYear(history, [1m], PercentileTrimming.Default).Yuan);
    }

    [Fact]
    public void Start_of_year_value_is_weighted_cost_over_weighted_score()
    {
        // Year 0: 10 cases, 100 points and 1 000 yuan each (10/point); year 1: 10 cases, 100 points and 1 200 yuan (12/point).
        // Weights 1:3 → (1 × 10 000 + 3 × 12 000) ÷ (1 × 1 000 + 3 × 1 000) = 46 000 ÷ 4 000 = 11.5.
        var history = Enumerable.Repeat(new HistoricalCase("g", 0, 100m, Build.Y(1_000m)), 10)
            .Concat(Enumerable.Repeat(new HistoricalCase("g", 1, 100m, Build.Y(1_200m)), 10));
        Assert.Equal(11.5m, PointValueFormulas.StartOfYear(history, [1m, 3m], PercentileTrimming.None).Yuan);
    }

    [Fact]
    public void Budget_by_items_itemizes_every_deduction()
    {
        // Employee pool of the example profile: 1 200 000 000 − 5% reserve (60 000 000) − (20 + 150 + 90 + 30 + 60 + 10 + 25 + 15 = 400) million
        // = 740 000 000.
        var pool = SettlementPolicyLoader.LoadEmbedded("example-dip-2025").Pools[0];
        var budget = RegionalBudget.Derive(pool, RoundingRule.Default);
        Assert.Equal(Build.Y(740_000_000m), budget.Total);
        Assert.Equal(11, budget.Steps.Count);
        Assert.Equal(Build.Y(-60_000_000m), budget.Steps.Single(s => s.Code == "reserve").Amount);
        Assert.Equal(Build.Y(-15_000_000m), budget.Steps.Single(s => s.Code == "deduct.maternity").Amount);
        Assert.Equal(InsuranceFund.Employee, budget.Fund);
    }

    [Fact]
    public void Budget_by_growth_rate_is_capped_by_the_cost_growth_target()
    {
        // Resident pool: 500 000 000 × (1 + min(8%, 5%)) = 525 000 000.
        var pool = SettlementPolicyLoader.LoadEmbedded("example-dip-2025").Pools[1];
        Assert.Equal(Build.Y(525_000_000m), RegionalBudget.Derive(pool, RoundingRule.Default).Total);
        // Growth below the target is used as is: 500 000 000 × 1.03 = 515 000 000.
        var lower = pool with { Budget = pool.Budget with { GrowthRate = new Ratio(0.03m) } };
        Assert.Equal(Build.Y(515_000_000m), RegionalBudget.Derive(lower, RoundingRule.Default).Total);
    }

    [Fact]
    public void Budget_by_last_year_share()
    {
        // DRG example profile: 2 000 000 000 × (600 000 000 ÷ 1 500 000 000 = 0.4) = 800 000 000.
        var pool = SettlementPolicyLoader.LoadEmbedded("example-drg-2025").Pools[0];
        var budget = RegionalBudget.Derive(pool, RoundingRule.Default);
        Assert.Equal(Build.Y(800_000_000m), budget.Total);
        Assert.Contains("0.4", budget.Steps[^1].Formula, System.StringComparison.Ordinal);
    }
}
