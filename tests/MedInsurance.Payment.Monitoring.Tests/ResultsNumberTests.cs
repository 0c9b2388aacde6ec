using System;
using System.Globalization;
using System.Text;
using FsCheck.Xunit;

namespace MedInsurance.Payment.Monitoring.Tests;

/// <summary>The results file's fast number reader against <c>decimal.TryParse</c>, the slow way it stands in for: where it
/// reads a value, the value and its scale are the same; where it declines, the slow way reads the cell.</summary>
public sealed class ResultsNumberTests
{
    private static readonly NumberStyles Styles = NumberStyles.Number;

    private static void AgreesWithDecimalTryParse(string text)
    {
        if (ResultsFile.TryParsePlainDecimal(Encoding.ASCII.GetBytes(text), out var fast))
        {
            Assert.True(decimal.TryParse(text, Styles, CultureInfo.InvariantCulture, out var slow), text);
            Assert.Equal(decimal.GetBits(slow), decimal.GetBits(fast));
        }
    }

    [Theory]
    [InlineData("1.4", true)]
    [InlineData("1.40", true)]
    [InlineData("0", true)]
    [InlineData("-2.5", true)]
    [InlineData("123456789012345678", true)]
    [InlineData("1234567890123456789", false)]
    [InlineData("-0", false)]
    [InlineData("-0.00", false)]
    [InlineData("+1", false)]
    [InlineData(" 1", false)]
    [InlineData("1,000", false)]
    [InlineData("1e3", false)]
    [InlineData("1.", false)]
    [InlineData(".5", false)]
    [InlineData("1.2.3", false)]
    [InlineData("'-1.5", false)]
    [InlineData("", false)]
    [InlineData("-", false)]
    public void Reads_plain_decimals_and_declines_the_rest(string text, bool read)
    {
        Assert.Equal(read, ResultsFile.TryParsePlainDecimal(Encoding.ASCII.GetBytes(text), out _));
        AgreesWithDecimalTryParse(text);
    }

    [Property(MaxTest = 500)]
    public void Any_decimal_written_as_text_reads_back_as_decimal_TryParse_reads_it(decimal value, byte extraZeros)
    {
        var text = value.ToString(CultureInfo.InvariantCulture);
        AgreesWithDecimalTryParse(text);
        AgreesWithDecimalTryParse(text.Contains('.', StringComparison.Ordinal) ? text + new string('0', extraZeros % 6) : text);
    }
}
