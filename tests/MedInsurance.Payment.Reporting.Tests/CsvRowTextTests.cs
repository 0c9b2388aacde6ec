using System;
using System.Globalization;
using System.IO;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MedInsurance.Payment.Cli;
using MedInsurance.Payment.Interchange;

namespace MedInsurance.Payment.Reporting.Tests;

/// <summary>
/// The CLI's block formatter writes what the library's CSV writer (<see cref="SafeCsvWriter"/>, CsvHelper) writes, byte
/// for byte: quoting, doubled quotes, formula escaping inside and outside quotes, raw mode, numbers.
/// </summary>
public sealed class CsvRowTextTests
{
    /// <summary>Characters that decide quoting or escaping, and ordinary ones, so random cells hit every rule.</summary>
    private static readonly char[] Alphabet = { 'a', 'Z', '中', '0', '7', '.', ',', '"', '\r', '\n', ' ', '\t', '=', '+', '-', '@', '\'', '|' };

    [Property(MaxTest = 500)]
    public Property Rows_of_random_cells_are_written_as_the_csv_writer_writes_them() =>
        Prop.ForAll(
            Gen.ArrayOf(Gen.ArrayOf(Cell())).ToArbitrary(),
            Gen.Elements(false, true).ToArbitrary(),
            (rows, raw) =>
            {
                var expected = new StringWriter();
                using (var csv = new SafeCsvWriter(expected, leaveOpen: true, raw: raw))
                {
                    foreach (var row in rows)
                    {
                        foreach (var cell in row)
                        {
                            csv.WriteField(cell);
                        }

                        csv.NextRecord();
                    }
                }

                var text = new CsvRowText(raw);
                foreach (var row in rows)
                {
                    foreach (var cell in row)
                    {
                        text.WriteField(cell);
                    }

                    text.NextRecord();
                }

                return text.ToString() == expected.ToString();
            });

    [Property(MaxTest = 300)]
    public Property Numbers_are_written_as_their_invariant_text(decimal value, bool pattern)
    {
        var format = pattern ? "0.####" : null;
        var expected = value.ToString(format, CultureInfo.InvariantCulture);
        var text = new CsvRowText(raw: false);
        text.WriteField("x");
        text.WriteNumber(value, format);
        text.NextRecord();
        return (text.ToString() == "x," + expected + "\r\n").Label(expected);
    }

    [Property(MaxTest = 300)]
    public Property Whole_numbers_are_written_as_their_invariant_text(long value)
    {
        var expected = value.ToString(CultureInfo.InvariantCulture);
        var text = new CsvRowText(raw: false);
        text.WriteNumber(value);
        text.WriteField("x");
        text.NextRecord();
        return (text.ToString() == expected + ",x\r\n").Label(expected);
    }

    [Property(MaxTest = 300)]
    public Property Indicator_numbers_in_the_buffer_are_the_text_cells_the_other_tables_write(decimal value, int pick, bool raw)
    {
        // The monitor's large tables (CsvRowText) and its small ones (text cells through SafeCsvWriter) must write a
        // number alike: rounded to 6 places half away from zero, no trailing zeros; absent values as empty cells. Values
        // include negatives, midpoints at the 7th place and absent ones.
        decimal? number = (pick % 4) switch
        {
            0 => null,
            1 => value,
            2 => Math.Round(value, 6, MidpointRounding.AwayFromZero) + (0.0000005m * Math.Sign(value == 0 ? 1 : value)),
            _ => -value / 7,
        };
        long? whole = pick % 3 == 0 ? null : (long)Math.Truncate(value % 1_000_000_000_000m);
        var expected = new StringWriter();
        using (var csv = new SafeCsvWriter(expected, leaveOpen: true, raw: raw))
        {
            csv.WriteField(IndicatorNumber.Text(number));
            csv.WriteField(IndicatorNumber.Text(whole));
            csv.NextRecord();
        }

        var text = new CsvRowText(raw);
        IndicatorNumber.Write(text, number);
        IndicatorNumber.Write(text, whole);
        text.NextRecord();
        return (text.ToString() == expected.ToString()).Label(expected.ToString());
    }

    [Fact]
    public void Hand_checked_cells()
    {
        var text = new CsvRowText(raw: false);
        foreach (var cell in new[] { "=SUM(A1)", "-12.50", "a,b", "=1,2", "say \"hi\"", " pad", null, string.Empty, "@x" })
        {
            text.WriteField(cell);
        }

        text.NextRecord();
        Assert.Equal("'=SUM(A1),-12.50,\"a,b\",\"'=1,2\",\"say \"\"hi\"\"\",\" pad\",,,'@x\r\n", text.ToString());
    }

    [Fact]
    public void A_buffer_outgrown_many_times_keeps_every_character()
    {
        var text = new CsvRowText(raw: true);
        var cell = new string('x', 1_000);
        for (var i = 0; i < 100; i++)
        {
            text.WriteField(cell);
            text.WriteNumber(i);
        }

        text.NextRecord();
        var written = new StringWriter();
        text.WriteTo(written);
        Assert.Equal(string.Join(",", Enumerable.Range(0, 100).Select(i => cell + "," + i.ToString(CultureInfo.InvariantCulture))) + "\r\n", written.ToString());
        text.Clear();
        Assert.Equal(0, text.Length);
        Assert.Equal(string.Empty, text.ToString());
    }

    [Property(MaxTest = 200)]
    public Property Three_issue_lists_are_joined_as_their_concatenation(byte a, byte b, byte c)
    {
        var issues = new[]
        {
            Validation.ValidationIssue.Warning("DX_DUPLICATED", "diagnoses[1]", "重复", "Repeated."),
            Validation.ValidationIssue.Error("COST_MISSING", "total_cost", "缺失", "Missing."),
            Validation.ValidationIssue.Warning("NO_FIELD", string.Empty, "无", "None."),
        };
        Validation.ValidationIssue[] List(byte n) => Enumerable.Range(0, n % 4).Select(i => issues[(n + i) % issues.Length]).ToArray();
        var (first, second, third) = (List(a), List(b), List(c));
        var expected = ResultCsv.Issues(first.Concat(second).Concat(third));
        return (ResultCsv.Issues(first, second, third) == expected).Label(expected);
    }

    private static Gen<string?> Cell() =>
        Gen.OneOf(
            Gen.Constant<string?>(null),
            Gen.ArrayOf(Gen.Elements(Alphabet)).Select(chars => (string?)new string(chars)),
            Gen.Elements<string?>("-1", "+2.5", "-0.75", "=A1", "-", "1.", ".5", "'=x"));
}
