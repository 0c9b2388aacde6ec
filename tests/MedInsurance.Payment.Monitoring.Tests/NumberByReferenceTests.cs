using System.Collections.Generic;
using System.Linq;

namespace MedInsurance.Payment.Monitoring.Tests;

/// <summary>The monitor's lookup by reference gives exactly the dictionary's numbers.</summary>
public sealed class NumberByReferenceTests
{
    [Fact]
    public void Every_name_gets_the_dictionarys_number_whichever_string_holds_it()
    {
        // 10 000 names in 4 096 entries: entries are shared and replaced; each name is asked through two strings of the
        // same text (two converting threads' copies) and in a shuffled order, twice.
        var index = new Dictionary<string, int>(System.StringComparer.Ordinal);
        var names = Enumerable.Range(0, 10_000).Select(i => "H" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        for (var i = 0; i < names.Length; i += 2)
        {
            index.Add(names[i], i * 7); // only the even names are numbered
        }

        var copies = names.Select(n => new string(n.ToCharArray())).ToArray();
        var lookup = new NumberByReference();
        var order = Enumerable.Range(0, names.Length).OrderBy(i => (i * 7919) % names.Length).ToArray();
        for (var pass = 0; pass < 2; pass++)
        {
            foreach (var i in order)
            {
                foreach (var name in new[] { names[i], copies[i] })
                {
                    Assert.Equal(i % 2 == 0, lookup.TryGet(index, name, out var number));
                    Assert.Equal(i % 2 == 0 ? i * 7 : 0, number);
                }
            }
        }

        // A null name is never found (an empty entry holds null too).
        Assert.False(new NumberByReference().TryGet(index, null!, out _));

        // A name numbered after it was first asked for is found then.
        index.Add(names[1], 42);
        Assert.True(lookup.TryGet(index, names[1], out var late));
        Assert.Equal(42, late);
    }
}
