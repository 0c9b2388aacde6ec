using System.IO;
using MedInsurance.Payment.Drg.Pricing;

namespace MedInsurance.Payment.Drg.Tests;

public sealed class DrgWeightTableTests
{
    [Fact]
    public void Reads_weights_by_drg_code()
    {
        var weights = DrgWeightTable.Read(new StringReader("drg,weight\nGD25,0.9860\n\nFM11, 3.2150\n"), "w.csv");
        Assert.Equal(2, weights.Count);
        Assert.Equal(new RelativeWeight(0.9860m), weights["GD25"]);
        Assert.Equal(new RelativeWeight(3.2150m), weights["FM11"]);
    }

    [Fact]
    public void A_drg_listed_with_an_empty_weight_reads_as_zero_and_one_not_listed_is_absent()
    {
        var weights = DrgWeightTable.Read(new StringReader("drg,weight\nGD25,\nFM11, \nGW19,0.3920\n"), "w.csv");
        Assert.Equal(3, weights.Count);
        Assert.Equal(new RelativeWeight(0m), weights["GD25"]);
        Assert.Equal(new RelativeWeight(0m), weights["FM11"]);
        Assert.Equal(new RelativeWeight(0.3920m), weights["GW19"]);
        Assert.False(weights.ContainsKey("GD21"));
    }

    [Theory]
    [InlineData("drg,weight\nGD25\n", "w.csv line 2: expected 'drg,weight'")]
    [InlineData("drg,weight\n,1.0\n", "w.csv line 2: expected 'drg,weight'")]
    [InlineData("drg,weight\nGD25,abc\n", "w.csv line 2: expected 'drg,weight'")]
    [InlineData("drg,weight\nGD25,-1\n", "w.csv line 2: expected 'drg,weight'")]
    [InlineData("drg,weight\nGD25,1\nGD25,2\n", "w.csv line 3: DRG GD25 appears twice.")]
    public void Bad_lines_name_the_file_and_line(string text, string message)
    {
        var error = Assert.Throws<InvalidDataException>(() => DrgWeightTable.Read(new StringReader(text), "w.csv"));
        Assert.StartsWith(message, error.Message, System.StringComparison.Ordinal);
    }
}
