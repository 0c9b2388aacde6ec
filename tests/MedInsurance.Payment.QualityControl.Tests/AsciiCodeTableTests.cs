using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace MedInsurance.Payment.QualityControl.Tests;

/// <summary>
/// The checker's packed code table (<see cref="AsciiCodeTable{T}"/>) answers as a dictionary of the same codes does, for
/// every code that packs; it never answers for a code that does not pack or was not given.
/// </summary>
public sealed class AsciiCodeTableTests
{
    /// <summary>Code characters, a non-ASCII one and one at the ASCII edge, so random codes hit every packing rule.</summary>
    private static readonly char[] Alphabet = { 'A', 'Z', 'x', '0', '9', '.', '+', '*', '\u007F', '中', 'Ａ' };

    private static Gen<string> Code() =>
        Gen.Choose(0, 18).SelectMany(length => Gen.ArrayOf(Gen.Elements(Alphabet), length)).Select(chars => new string(chars));

    [Property(MaxTest = 300)]
    public Property Answers_as_a_dictionary_of_the_codes_that_pack() =>
        Prop.ForAll(
            Gen.ArrayOf(Code()).ToArbitrary(),
            Gen.ArrayOf(Code()).ToArbitrary(),
            (given, probes) =>
            {
                var dictionary = new Dictionary<string, int>(StringComparer.Ordinal);
                foreach (var code in given)
                {
                    dictionary[code] = dictionary.Count;
                }

                var table = new AsciiCodeTable<int>(dictionary);
                foreach (var code in given.Concat(probes))
                {
                    var packs = code.Length is > 0 and <= AsciiCodeTable<int>.MaxLength && code.All(c => c <= '\u007F');
                    var expected = packs && dictionary.TryGetValue(code, out var v) ? v : (int?)null;
                    var found = table.TryGet(code, out var value) ? value : (int?)null;
                    if (expected != found)
                    {
                        return false;
                    }
                }

                return table.Count == dictionary.Keys.Count(k => k.Length is > 0 and <= AsciiCodeTable<int>.MaxLength && k.All(c => c <= '\u007F'));
            });

    [Fact]
    public void Codes_that_differ_only_in_length_padding_or_the_ninth_character_are_told_apart()
    {
        // "A" and "A\0" would pack to the same bytes but for the length; the ninth character sits in the second word.
        var table = new AsciiCodeTable<int>(new Dictionary<string, int> { ["A"] = 1, ["A\0"] = 2, ["12345678A"] = 3, ["12345678B"] = 4, ["I25.800x012"] = 5 });
        Assert.True(table.TryGet("A", out var a) && a == 1);
        Assert.True(table.TryGet("A\0", out var b) && b == 2);
        Assert.True(table.TryGet("12345678A", out var c) && c == 3);
        Assert.True(table.TryGet("12345678B", out var d) && d == 4);
        Assert.True(table.TryGet("I25.800x012", out var e) && e == 5);
        Assert.False(table.TryGet("I25.800x013", out _));
        Assert.False(table.TryGet("I25.800x01", out _));
        Assert.False(table.TryGet(string.Empty, out _));
    }

    [Fact]
    public void A_longer_or_non_ascii_code_is_left_out_for_the_dictionary()
    {
        var table = new AsciiCodeTable<int>(new Dictionary<string, int> { ["A01.002+G01.000*"] = 1, ["Ａ01"] = 2, ["A01"] = 3 });
        Assert.Equal(1, table.Count);
        Assert.False(table.TryGet("A01.002+G01.000*", out _));
        Assert.False(table.TryGet("Ａ01", out _));
        Assert.True(table.TryGet("A01", out var v) && v == 3);
    }

    [Fact]
    public void Packing_without_a_loop_gives_what_packing_by_character_gives()
    {
        // Every length 0–18; a non-ASCII character (U+0080 at the edge, U+FF21, U+4E2D) at each position in turn.
        var random = new Random(1204);
        var odd = new[] { '\u0080', 'Ａ', '中', '\u00FF', '\u0100' };
        for (var length = 0; length <= 18; length++)
        {
            for (var round = 0; round < 50; round++)
            {
                var chars = new char[length];
                for (var i = 0; i < length; i++)
                {
                    chars[i] = (char)random.Next(0x21, 0x80);
                }

                if (round % 2 == 1 && length > 0)
                {
                    chars[random.Next(length)] = odd[random.Next(odd.Length)];
                }

                var code = new string(chars);
                var packs = AsciiCodeTable<int>.TryPack(code, out var a, out var b);
                var expected = AsciiCodeTable<int>.TryPackByChar(code, out var ea, out var eb);

                Assert.Equal(expected, packs);
                if (packs)
                {
                    Assert.Equal(ea, a);
                    Assert.Equal(eb, b);
                }
            }
        }
    }
}
