using System.IO;
using System.Text;
using MedInsurance.Payment.Interchange;

namespace MedInsurance.Payment.Core.Tests;

/// <summary>The reader's once-per-record ASCII answer is the record's own, read in order or replayed from a block in any order.</summary>
public sealed class RecordAsciiTests
{
    private static readonly string[] Lines = { "a,b,c", "é,b,c", "a,\"b \"\"q\"\" \",c", "a,\"多\nline\",c", "x,y,\"z", };

    private static readonly bool[] Ascii = { true, false, true, false, true };

    [Fact]
    public void Each_record_and_field_is_ascii_exactly_when_its_bytes_are()
    {
        using var reader = new CsvByteReader(new MemoryStream(Encoding.UTF8.GetBytes(string.Join("\n", Lines) + "\n")), CsvReadOptions.Default, ownsStream: true);
        var block = new CsvRowBlock();
        for (var row = 0; row < Lines.Length; row++)
        {
            Assert.True(reader.MoveNext());
            Assert.Equal(Ascii[row], reader.RecordIsAscii);
            CheckFields(reader, row);
            reader.CopyTo(block);
        }

        // Replayed out of order: each record's answer is its own, not the one shown before it.
        var replay = CsvByteReader.ForBlocks();
        foreach (var row in new[] { 1, 0, 3, 2, 1, 4, 0 })
        {
            replay.Show(block, row);
            CheckFields(replay, row);
            Assert.Equal(Ascii[row], replay.RecordIsAscii);
        }
    }

    private static void CheckFields(CsvByteReader reader, int row)
    {
        for (var i = 0; i < reader.FieldCount; i++)
        {
            var field = reader.Field(i);
            var expected = true;
            foreach (var b in field)
            {
                expected &= b < 0x80;
            }

            Assert.Equal(expected, reader.IsAscii(field));
        }

        Assert.True(reader.FieldCount > 0, "row " + row.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
