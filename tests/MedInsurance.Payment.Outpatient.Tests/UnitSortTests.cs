using System;
using System.Linq;
using FsCheck.Xunit;
using MedInsurance.Payment.Cases;

namespace MedInsurance.Payment.Outpatient.Tests;

/// <summary>
/// The date's unit sort (<see cref="UnitSortKey.Sort(UnitSortKey[], int)"/>, a sort written for the key) puts units in the order of
/// <see cref="UnitSortKey.CompareTo"/>, as <c>Array.Sort</c> does: on random dates of every size (insertion-sort sizes,
/// quicksort sizes, sorted and reversed input), with ids that share prefixes longer than the packed eight characters.
/// </summary>
public sealed class UnitSortTests
{
    [Property(MaxTest = 300)]
    public void Units_come_out_in_the_order_of_the_key(int seed, ushort size, byte shape)
    {
        var random = new Random(seed);
        var count = size % 3_000;
        var prefixes = new[] { string.Empty, "P", "P000000", "P0000000", "P00000000", "人员" };
        var distinct = Enumerable.Range(0, count * 2)
            .Select(_ => (Institution: random.Next(4), Person: prefixes[random.Next(prefixes.Length)] + random.Next(50).ToString(System.Globalization.CultureInfo.InvariantCulture), Fund: (InsuranceFund)random.Next(3)))
            .Distinct()
            .Take(count)
            .ToArray();
        var keys = distinct.Select((k, u) => new UnitSortKey(k.Institution, k.Person, k.Fund, u)).ToArray();
        switch (shape % 3)
        {
            case 1:
                Array.Sort(keys);
                break;
            case 2:
                Array.Sort(keys);
                Array.Reverse(keys);
                break;
        }

        var expected = (UnitSortKey[])keys.Clone();
        Array.Sort(expected);
        var actual = new UnitSortKey[keys.Length + 5]; // longer than the count: the rest must stay untouched
        Array.Copy(keys, actual, keys.Length);
        UnitSortKey.Sort(actual, keys.Length);

        Assert.Equal(expected.Select(k => k.Unit), actual.Take(keys.Length).Select(k => k.Unit));
        Assert.All(actual.Skip(keys.Length), k => Assert.Equal(0, k.CompareTo(default)));

        // The heapsort the introspective sort falls back to past its depth limit (depth 0: at once).
        var heap = (UnitSortKey[])keys.Clone();
        UnitSortKey.Sort(heap, heap.Length, depthLimit: 0);
        Assert.Equal(expected.Select(k => k.Unit), heap.Select(k => k.Unit));
    }
}
