using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using MedInsurance.Payment.Interchange;

namespace MedInsurance.Payment.Core.Tests;

/// <summary>
/// The reader's split of unquoted lines (32 bytes compared at once on .NET, <c>IndexOf</c> per field elsewhere) gives the
/// fields <see cref="string.Split(char[])"/> gives: commas at every offset across the 32- and 64-byte boundaries, empty
/// fields, lines ending in LF or CRLF, and lines that straddle the end of the reader's buffer.
/// </summary>
public sealed class CsvLineSplitTests
{
    [Fact]
    public void Every_line_splits_into_the_fields_it_was_written_with()
    {
        var random = new Random(4_12_2026);
        var lines = new List<string>();
        for (var width = 0; width <= 100; width++)
        {
            // A comma at each single offset of a line of this width, then one at every offset.
            for (var at = 0; at < width; at++)
            {
                lines.Add(new string('a', at) + "," + new string('b', width - at - 1));
            }

            lines.Add(new string(',', width));
        }

        // Enough random lines (fields of 0–40 bytes) that some straddle the end of a 256 KB buffer.
        while (lines.Count < 40_000)
        {
            var fields = new string[random.Next(1, 12)];
            for (var f = 0; f < fields.Length; f++)
            {
                fields[f] = new string((char)('A' + random.Next(26)), random.Next(0, 41));
            }

            lines.Add(string.Join(",", fields));
        }

        var text = new StringBuilder();
        for (var i = 0; i < lines.Count; i++)
        {
            text.Append(lines[i]).Append(i % 3 == 0 ? "\r\n" : "\n");
        }

        using var reader = new CsvByteReader(new MemoryStream(Encoding.ASCII.GetBytes(text.ToString())), CsvReadOptions.Default, ownsStream: true);
        var read = 0;
        foreach (var line in lines)
        {
            if (line.Length == 0)
            {
                continue; // an empty line is skipped, not a record
            }

            Assert.True(reader.MoveNext());
            Assert.Equal(CsvRowProblem.None, reader.Problem);
            var expected = line.Split(',');
            Assert.Equal(expected.Length, reader.FieldCount);
            for (var f = 0; f < expected.Length; f++)
            {
                Assert.Equal(expected[f], Encoding.ASCII.GetString(reader.Field(f).ToArray()));
            }

            read++;
        }

        Assert.False(reader.MoveNext());
        Assert.Equal(lines.FindAll(line => line.Length > 0).Count, read);
    }
}
