using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using MedInsurance.Payment.Interchange;

namespace MedInsurance.Payment.Core.Tests;

/// <summary>
/// The reader's table of known codes (<see cref="KnownCodeTable{T}"/>) holds exactly the codes the reader would parse to
/// themselves, and answers exactly those bytes.
/// </summary>
public sealed class KnownCodeTableTests
{
    [Fact]
    public void It_holds_a_code_only_when_the_reader_would_read_its_bytes_as_that_very_code()
    {
        var table = new CaseCodeVocabulary(
            new Dictionary<string, ulong>
            {
                ["A01.000"] = 1, // held
                ["a01.001"] = 2, // the reader writes it A01.001: not these bytes' own code
                ["A01.000x001+G01*"] = 3, // 16 characters: longer than an entry keeps
                ["Ａ01.000"] = 4, // not ASCII
                ["Q"] = 5, // not a diagnosis code
                [string.Empty] = 6,
            },
            Array.Empty<KeyValuePair<string, ulong>>()).Diagnoses;

        Assert.Equal(1, table.Count);
        Assert.True(table.TryGet(Encoding.ASCII.GetBytes("A01.000"), out var code, out var text, out var tag));
        Assert.Equal(("A01.000", "A01.000", 1UL), (code.Value, text, tag));
        Assert.Same(code.Value, text); // the case's code and the hint's text are one string: hints match by reference
        Assert.False(table.TryGet(Encoding.ASCII.GetBytes("a01.001"), out _, out _, out _));
        Assert.False(table.TryGet(Encoding.ASCII.GetBytes("A01.001"), out _, out _, out _));
        Assert.False(table.TryGet(ReadOnlySpan<byte>.Empty, out _, out _, out _));
        Assert.False(table.TryGet(Encoding.UTF8.GetBytes("Ａ01.000"), out _, out _, out _));
        Assert.False(KnownCodeTable<DiagnosisCode>.TryPack(Encoding.UTF8.GetBytes("Ａ01.000"), out _, out _)); // not even packable
    }

    [Fact]
    public void A_lookup_in_two_steps_answers_as_one_lookup_does()
    {
        // Prefetch then TryGetAt (the reader prepares a row's codes first, performance.md change 64) against TryGet.
        var held = new[] { "A01.000", "A01.001", "B02", "K35.800x001", "Z99.9" };
        var table = new CaseCodeVocabulary(held.Select((c, i) => new KeyValuePair<string, ulong>(c, (ulong)i + 10)), Array.Empty<KeyValuePair<string, ulong>>()).Diagnoses;
        Assert.Equal(held.Length, table.Count);
        var unpackable = new[] { string.Empty, "Ａ01.000", "A01.000x001+G01*" };
        foreach (var key in held.Concat(new[] { "A01.002", "A01.00", "B02.0", "k35.800x001" }).Concat(unpackable))
        {
            var bytes = Encoding.UTF8.GetBytes(key);
            var slot = table.Prefetch(bytes, out var a, out var b);
            Assert.Equal(unpackable.Contains(key), slot < 0);
            var once = table.TryGet(bytes, out var code, out var text, out var tag);
            var twice = slot >= 0 & table.TryGetAt(a, b, Math.Max(slot, 0), out var code2, out var text2, out var tag2);
            Assert.Equal(held.Contains(key), once);
            Assert.Equal(once, twice);
            Assert.Equal((code.Value, text, tag), (code2.Value, text2, tag2));
        }
    }

    [Fact]
    public void Every_held_code_is_found_with_its_tag_and_its_neighbours_are_not()
    {
        // Codes of every length from 3 to 15 bytes, as the editions write them (category, subcategory, extensions).
        var codes = new List<string>();
        for (var i = 0; i < 20_000; i++)
        {
            var letter = (char)('A' + (i % 26));
            var category = letter + (i % 100).ToString("00", CultureInfo.InvariantCulture);
            codes.Add((i % 5) switch
            {
                0 => category,
                1 => category + "." + (i % 10).ToString(CultureInfo.InvariantCulture),
                2 => category + "." + (i % 1000).ToString("000", CultureInfo.InvariantCulture),
                3 => category + "." + (i % 100).ToString("00", CultureInfo.InvariantCulture) + "0x" + (i % 1000).ToString("000", CultureInfo.InvariantCulture),
                _ => category + ".x" + (i % 100).ToString("00", CultureInfo.InvariantCulture) + "x" + (i % 1000).ToString("000", CultureInfo.InvariantCulture),
            });
        }

        var distinct = codes.Distinct(StringComparer.Ordinal).ToList();
        var tags = distinct.Select((c, i) => new KeyValuePair<string, ulong>(c, (ulong)i * 7919)).ToList();
        var table = new CaseCodeVocabulary(tags, Array.Empty<KeyValuePair<string, ulong>>()).Diagnoses;

        var held = tags.Where(t => table.TryGet(Encoding.ASCII.GetBytes(t.Key), out _, out _, out _)).ToList();
        Assert.Equal(table.Count, held.Count);
        Assert.True(held.Count > 5_000, held.Count + " held"); // the generated forms are well-formed codes, so most are held
        var set = new HashSet<string>(held.Select(h => h.Key), StringComparer.Ordinal);
        foreach (var (key, value) in held)
        {
            Assert.True(table.TryGet(Encoding.ASCII.GetBytes(key), out var code, out var text, out var tag));
            Assert.Equal((key, key, value), (code.Value, text, tag));

            // In two steps too (Prefetch, then TryGetAt from its slot), over a table full enough to have collisions.
            var slot = table.Prefetch(Encoding.ASCII.GetBytes(key), out var a, out var b);
            Assert.True(slot >= 0);
            Assert.True(table.TryGetAt(a, b, slot, out var twice, out _, out var twiceTag));
            Assert.Equal((key, value), (twice.Value, twiceTag));
            foreach (var neighbour in new[] { key + "0", key.Substring(0, key.Length - 1), key.Substring(0, key.Length - 1) + (char)(key[key.Length - 1] ^ 1) })
            {
                if (!set.Contains(neighbour))
                {
                    Assert.False(table.TryGet(Encoding.ASCII.GetBytes(neighbour), out _, out _, out _), neighbour);
                }
            }
        }
    }
}
