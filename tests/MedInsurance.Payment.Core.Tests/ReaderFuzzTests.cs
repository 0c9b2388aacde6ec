using System;
using System.IO;
using System.Linq;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MedInsurance.Payment.Interchange;

namespace MedInsurance.Payment.Core.Tests;

/// <summary>
/// Random and mutated bytes through the case reader: truncation, byte flips, random quotes and line breaks, invalid
/// UTF-8, huge fields. Whatever comes in, no exception escapes, every row comes out (rows in = accepted + rejected),
/// no physical line is lost, and nothing is decoded into a replacement character.
/// </summary>
public sealed class ReaderFuzzTests
{
    private const string Valid =
        "id,hospital_id,fund,sex,age,age_days,birth_weight_g,los,admission_date,discharge_date,discharge_type,diagnoses,procedures,total_cost,drug_cost,payment_method\n"
        + "A1,H01,employee,1,64,,,14,2025-01-01,2025-01-15,1,G70.800x001|B49.x00x021|H25.002,,1000.00,\"1,000.00\",drg\n"
        + "A2,H02,居民,2,0,10,3200,5,2025/02/01,20250206,1,P07.300|O69.802,65.7900x009|47.0900x001,12.5,,dip\n"
        + "\"A3\",\"H 03\",\"resident\",1,40,,,3,,,9,\"K35.800x002\",\"47.0900x001\",\"2,345.67\",0.01,\n"
        + "A4,H01,职工,男,30,,,2,2025-3-1,2025-3-3,5,I10,,0,0,per_diem\r\n"
        + "A5,H04,other,F,55,,,1,,,,E11.900,,-1.00,,fee_for_service\n";

    private static readonly byte[] ValidBytes = new UTF8Encoding(false).GetBytes(Valid);

    private static readonly byte[] Interesting = { (byte)'"', (byte)',', (byte)'\n', (byte)'\r', (byte)'|', 0xFF, 0xC3, 0xE4, 0x80, (byte)' ', 0, (byte)'.', (byte)'-' };

    [Property(MaxTest = 500)]
    public void Mutated_case_files_never_throw_and_every_row_comes_out(int seed, byte kind)
    {
        var bytes = Mutate(new Random(seed), ValidBytes, kind % 7);
        foreach (var options in new[] { CsvReadOptions.Default, new CsvReadOptions(TextEncodingChoice.Utf8, 64, 1_024, 12), new CsvReadOptions(TextEncodingChoice.Gb18030) })
        {
            Check(bytes, options);
        }
    }

    [Property(MaxTest = 300)]
    public void Random_bytes_never_throw_and_every_row_comes_out(int seed, PositiveInt length)
    {
        var random = new Random(seed);
        var bytes = new byte[length.Get % 4_000];
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] = random.Next(3) == 0 ? Interesting[random.Next(Interesting.Length)] : (byte)random.Next(256);
        }

        Check(bytes, CsvReadOptions.Default);
        Check(bytes, new CsvReadOptions(TextEncodingChoice.Utf8, 16, 1_024, 4));
    }

    [Fact]
    public void The_mutations_do_hit_every_kind_of_rejection()
    {
        // Guards the property: if the mutations stopped producing broken rows, it would pass vacuously.
        var codes = Enumerable.Range(0, 400).SelectMany(seed =>
        {
            var bytes = Mutate(new Random(seed), ValidBytes, seed % 7);
            using var stream = new MemoryStream(bytes);
            return CaseCsvReader.Read(stream, new CsvReadOptions(TextEncodingChoice.Utf8, 64, 1_024, 20), null).SelectMany(r => r.Issues).Select(i => i.Code).ToList();
        }).ToHashSet();
        Assert.Superset(new[] { "ROW_MALFORMED", "FIELD_TOO_LONG", "ROW_TOO_WIDE", "TEXT_ENCODING_INVALID", "FIELD_INVALID" }.ToHashSet(), codes);
    }

    private static void Check(byte[] bytes, CsvReadOptions options)
    {
        CsvReadReport? report = null;
        using var stream = new MemoryStream(bytes);
        var records = CaseCsvReader.Read(stream, options, r => report = r).ToList();
        Assert.NotNull(report);
        Assert.Equal(records.Count, report!.Rows);
        Assert.Equal(report.Rows, report.Accepted + report.Rejected);
        Assert.Equal(records.Count(r => !r.IsRejected), report.Accepted);
        Assert.Equal(Enumerable.Range(1, records.Count), records.Select(r => r.RowNumber));
        Assert.DoesNotContain(records, r => r.Id.Contains('\uFFFD', StringComparison.Ordinal) || (r.Value?.HospitalId.Contains('\uFFFD', StringComparison.Ordinal) ?? false));
        if (!report.Encoding.StartsWith("utf-16", StringComparison.Ordinal))
        {
            // No line is lost: the reader consumed exactly the physical lines of the file (a BOM is not a line).
            Assert.Equal(PhysicalLines(bytes), report.Lines);
            Assert.True(report.Rows + report.BlankLines <= report.Lines);
        }
    }

    /// <summary>Lines as a text editor counts them: LF, CRLF and lone CR end a line; a last line without an end still counts.</summary>
    private static long PhysicalLines(byte[] bytes)
    {
        long lines = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == '\n' || (bytes[i] == '\r' && (i + 1 >= bytes.Length || bytes[i + 1] != '\n')))
            {
                lines++;
            }
        }

        return lines + (bytes.Length > 0 && bytes[^1] is not ((byte)'\n' or (byte)'\r') ? 1 : 0);
    }

    private static byte[] Mutate(Random random, byte[] source, int kind)
    {
        var bytes = source.ToList();
        var edits = 1 + random.Next(6);
        for (var e = 0; e < edits; e++)
        {
            var at = random.Next(bytes.Count + 1);
            switch (kind)
            {
                case 0: // truncation
                    bytes.RemoveRange(Math.Min(at, bytes.Count), bytes.Count - Math.Min(at, bytes.Count));
                    break;
                case 1: // byte flips
                    if (bytes.Count > 0)
                    {
                        var i = Math.Min(at, bytes.Count - 1);
                        bytes[i] = (byte)(bytes[i] ^ (1 << random.Next(8)));
                    }

                    break;
                case 2: // random quotes
                    bytes.Insert(at, (byte)'"');
                    break;
                case 3: // huge fields
                    bytes.InsertRange(at, Enumerable.Repeat((byte)(random.Next(2) == 0 ? 'x' : ','), random.Next(50, 5_000)));
                    break;
                case 4: // invalid UTF-8 and NULs
                    bytes.Insert(at, new byte[] { 0xFF, 0xC0, 0x80, 0xED, 0 }[random.Next(5)]);
                    break;
                case 5: // line breaks
                    bytes.Insert(at, random.Next(2) == 0 ? (byte)'\n' : (byte)'\r');
                    break;
                default: // anything interesting
                    bytes.Insert(at, Interesting[random.Next(Interesting.Length)]);
                    break;
            }
        }

        return bytes.ToArray();
    }
}
