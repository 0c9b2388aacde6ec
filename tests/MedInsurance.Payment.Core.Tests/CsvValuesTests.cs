using System.Linq;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MedInsurance.Payment.Interchange;

namespace MedInsurance.Payment.Core.Tests;

/// <summary>
/// <see cref="CsvValues.ParseYuan"/> reads the common form (digits, then nothing or a point and one or two digits) in one
/// pass before its full rule; both must give the same status and amount for every text.
/// </summary>
public sealed class CsvValuesTests
{
    [Property(MaxTest = 3000)]
    public Property The_one_pass_form_reads_every_text_as_the_full_rule_does() =>
        Prop.ForAll(
            Gen.ArrayOf(Gen.Elements("0123456789.,-+ e".ToCharArray())).Select(c => new string(c.Take(20).ToArray())).ToArbitrary(),
            text =>
            {
                var bytes = Encoding.ASCII.GetBytes(text);
                var status = CsvValues.ParseYuan(bytes, out var fen);
                var ruled = CsvValues.ParseYuanByRule(bytes, out var ruledFen);
                return (status == ruled && fen == ruledFen).Label(text);
            });

    [Theory]
    [InlineData("0", "Ok", 0L)]
    [InlineData("19551", "Ok", 1955100L)]
    [InlineData("68.79", "Ok", 6879L)]
    [InlineData("68.7", "Ok", 6870L)]
    [InlineData("007.05", "Ok", 705L)]
    [InlineData("999999999999.99", "Ok", 99999999999999L)]
    [InlineData("1000000000000", "OutOfRange", 0L)]
    [InlineData("1,234.50", "Ok", 123450L)]
    [InlineData("-12.5", "Ok", -1250L)]
    [InlineData("12.", "Malformed", 0L)]
    [InlineData(".5", "Malformed", 0L)]
    [InlineData("1.234", "Malformed", 0L)]
    [InlineData("12a", "Malformed", 0L)]
    public void Hand_checked_amounts(string text, string expected, long expectedFen)
    {
        var status = CsvValues.ParseYuan(Encoding.ASCII.GetBytes(text), out var fen);
        Assert.Equal((expected, expectedFen), (status.ToString(), status == ValueStatus.Ok ? fen : 0L));
    }
}
