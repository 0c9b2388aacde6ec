using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck.Xunit;
using MedInsurance.Payment.Drg.Grouping;

namespace MedInsurance.Payment.Drg.Tests;

/// <summary>
/// The preparer's code → id table answers exactly the codes it was built from — packed ones (up to 16 ASCII characters)
/// and the others (longer, non-ASCII, with zero characters) — and nothing else, whatever the codes share.
/// </summary>
public sealed class CodeIdTableTests
{
    [Property(MaxTest = 300)]
    public void Every_code_has_its_id_and_no_other_string_is_found(string[] raw, int seed)
    {
        var codes = (raw ?? Array.Empty<string>()).Where(c => c is not null).Distinct(StringComparer.Ordinal).ToList();
        var random = new Random(seed);
        foreach (var i in Enumerable.Range(0, 40))
        {
            // Realistic codes and near neighbours: same prefix, one character changed, longer than 16, a zero character.
            var code = "K" + random.Next(100).ToString("00", System.Globalization.CultureInfo.InvariantCulture) + "." + random.Next(1000).ToString("000", System.Globalization.CultureInfo.InvariantCulture)
                + (random.Next(3) == 0 ? "x" + random.Next(100).ToString("000", System.Globalization.CultureInfo.InvariantCulture) : string.Empty)
                + (random.Next(10) == 0 ? "x0012345678" : string.Empty) + (random.Next(20) == 0 ? "\0" : string.Empty) + (random.Next(20) == 0 ? "甲" : string.Empty);
            if (!codes.Contains(code, StringComparer.Ordinal))
            {
                codes.Add(code);
            }
        }

        var table = new CodeIdTable(codes);
        for (var id = 0; id < codes.Count; id++)
        {
            Assert.True(table.TryGetValue(codes[id], out var found), codes[id]);
            Assert.Equal(id, found);
        }

        var known = new HashSet<string>(codes, StringComparer.Ordinal);
        foreach (var code in codes.Take(60))
        {
            foreach (var other in new[] { code + "0", code.Length > 0 ? code.Substring(0, code.Length - 1) : "x", code.Length > 0 ? code.Substring(0, code.Length - 1) + (char)(code[^1] ^ 1) : "\0", code + "\0" })
            {
                if (!known.Contains(other))
                {
                    Assert.False(table.TryGetValue(other, out var id), other);
                    Assert.Equal(-1, id);
                }
            }
        }
    }

    [Fact]
    public void An_empty_table_finds_nothing()
    {
        var table = new CodeIdTable(Array.Empty<string>());
        Assert.False(table.TryGetValue("I10", out _));
        Assert.False(table.TryGetValue(string.Empty, out _));
    }
}
