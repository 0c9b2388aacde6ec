namespace MedInsurance.Payment.Reporting.Tests;

/// <summary>千分位: digit grouping of the report's number cells only.</summary>
public sealed class NumberTextTests
{
    [Theory]
    [InlineData("120000000.00", "120,000,000.00")]
    [InlineData("1234.5", "1,234.5")]
    [InlineData("-9876543.21", "-9,876,543.21")]
    [InlineData("999.99", "999.99")]
    [InlineData("1000", "1,000")]
    [InlineData("1198.6087", "1,198.6087")]
    [InlineData("12.5%", "12.5%")]
    [InlineData("H12345", "H12345")]
    [InlineData("", "")]
    [InlineData("-", "-")]
    [InlineData("2026-12", "2026-12")]
    public void Only_plain_numbers_are_grouped(string text, string expected) => Assert.Equal(expected, NumberText.Grouped(text));
}
