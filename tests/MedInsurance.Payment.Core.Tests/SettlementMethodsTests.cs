using MedInsurance.Payment.Settlement;

namespace MedInsurance.Payment.Core.Tests;

public sealed class SettlementMethodsTests
{
    [Theory]
    [InlineData("DIP", "DIP")]
    [InlineData(" dip ", "DIP")]
    [InlineData("per-diem", "PER_DIEM")]
    [InlineData("PERDIEM", "PER_DIEM")]
    [InlineData("按床日", "PER_DIEM")]
    [InlineData("按单病种", "SINGLE_DISEASE")]
    [InlineData("fee for service", "FEE_FOR_SERVICE")]
    [InlineData("医共体", "CONSORTIUM")]
    [InlineData("TEST_HOSPICE", "TEST_HOSPICE")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Method_names_normalise_to_codes(string? text, string code) => Assert.Equal(code, SettlementMethods.Normalize(text));

    [Fact]
    public void A_code_is_returned_as_it_is_without_a_copy()
    {
        var own = string.Concat("TEST_", "METHOD");
        Assert.Same(own, SettlementMethods.Normalize(own));
        Assert.Same(SettlementMethods.Dip, new SettlementLine("a", "H", Cases.InsuranceFund.Employee, 1, SettlementMethods.Dip, SettlementBasis.OfPoints("DIP", 1m)).Method);
    }
}
