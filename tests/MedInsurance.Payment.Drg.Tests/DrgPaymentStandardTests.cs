using MedInsurance.Payment.Drg.Pricing;

namespace MedInsurance.Payment.Drg.Tests;

/// <summary>支付标准 = RW × 费率 × 调整系数 (payment-rules.md §2), hand-computed.</summary>
public sealed class DrgPaymentStandardTests
{
    [Fact]
    public void Worked_example_rw_1_5_at_10_000_with_coefficient_1_1_is_16_500()
    {
        // 1.5 × 10 000 = 15 000; × 1.1 = 16 500.00.
        var standard = DrgPaymentStandard.Compute(new RelativeWeight(1.5m), new PointValue(10_000m), new Coefficient(1.1m));
        Assert.Equal(16_500m, standard.Yuan);
        Assert.Equal(Money.FromYuan(16_500m), standard.Round(RoundingRule.Default));
    }

    [Fact]
    public void The_standard_stays_exact_until_the_caller_rounds_it()
    {
        // 0.392 × 9 876.54 = 3 871.60368; × 1.05 = 4 065.183864 exactly; 四舍五入 to the fen 4 065.18.
        var standard = DrgPaymentStandard.Compute(new RelativeWeight(0.3920m), new PointValue(9_876.54m), new Coefficient(1.05m));
        Assert.Equal(4_065.183864m, standard.Yuan);
        Assert.Equal(Money.FromYuan(4_065.18m), standard.Round(RoundingRule.Default));
    }
}
