using System;
using System.Globalization;
using System.Linq;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MedInsurance.Payment.Interchange;

namespace MedInsurance.Payment.Core.Tests;

/// <summary>The reader's date table answers every text as parsing it would, first time or from the table.</summary>
public sealed class IsoDateCacheTests
{
    /// <summary>Date-like texts: valid and invalid days and months, leap days, other separators and lengths, digits
    /// swapped for letters, so hits, misses and texts that never enter the table are all drawn.</summary>
    private static Arbitrary<string[]> Texts()
    {
        var year = Gen.Elements(1999, 2000, 2023, 2024, 2025, 2026, 2100, 9999, 1);
        var text = Gen.OneOf(
            from y in year
            from m in Gen.Choose(0, 13)
            from d in Gen.Choose(0, 32)
            select y.ToString("0000", CultureInfo.InvariantCulture) + "-" + m.ToString("00", CultureInfo.InvariantCulture) + "-" + d.ToString("00", CultureInfo.InvariantCulture),
            from y in year
            from m in Gen.Choose(1, 12)
            from d in Gen.Choose(1, 31)
            from sep in Gen.Elements("/", "-", ".", "_")
            select y.ToString("0000", CultureInfo.InvariantCulture) + sep + m.ToString(CultureInfo.InvariantCulture) + sep + d.ToString("00", CultureInfo.InvariantCulture),
            from d in Gen.Elements("2026-03-01 10:30:00", "2026-03-01T10:30", "20260301", "2026-3-1", "2026-0A-01", "2026-03-0A", "X026-03-01", "2026-03-01 ", " 2026-03-1", "2026-02-29", "2024-02-29", "\0\0\0\0-\0\0-\0\0", "\0\0\0\0-\0\0-\001")
            select d);
        return Gen.ArrayOf(text).ToArbitrary();
    }

    [Property(MaxTest = 200)]
    public Property Every_text_reads_as_parsing_it_would() => Prop.ForAll(Texts(), texts =>
    {
        var cache = new IsoDateCache();

        // Twice through: the second pass answers the valid yyyy-MM-dd texts from the table.
        foreach (var text in texts.Concat(texts))
        {
            var bytes = Encoding.ASCII.GetBytes(text);
            var expected = CsvValues.TryParseDate(bytes, out var y, out var m, out var d);
            Assert.Equal(expected, cache.TryParse(bytes, out var date));
            if (expected)
            {
                Assert.Equal((y, m, d), (date.Year, date.Month, date.Day));
            }
        }
    });

    [Fact]
    public void Texts_sharing_a_slot_do_not_answer_for_each_other()
    {
        // Every day of 30 years: 10 958 texts in 4 096 entries, so many share an entry and replace each other.
        var cache = new IsoDateCache();
        var first = new DateTime(2000, 1, 1);
        for (var pass = 0; pass < 2; pass++)
        {
            for (var day = 0; day < 10_958; day++)
            {
                var expected = first.AddDays(day);
                var text = Encoding.ASCII.GetBytes(expected.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                Assert.True(cache.TryParse(text, out var date));
                Assert.Equal((expected.Year, expected.Month, expected.Day), (date.Year, date.Month, date.Day));
            }
        }

        // An invalid text whose key would sit beside valid ones is never kept: it stays invalid on a second read.
        var bad = Encoding.ASCII.GetBytes("2023-02-29");
        Assert.False(cache.TryParse(bad, out _));
        Assert.False(cache.TryParse(bad, out _));
    }
}
