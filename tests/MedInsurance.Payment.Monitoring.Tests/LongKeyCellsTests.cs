using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Xunit;

namespace MedInsurance.Payment.Monitoring.Tests;

/// <summary>
/// The monitor's cell table (<see cref="LongKeyCells{TValue}"/>): every key keeps its value through the table's growth, a
/// place found before a growth is not trusted after it, and the table lists exactly what a dictionary would hold.
/// </summary>
public sealed class LongKeyCellsTests
{
    [Fact]
    public void Values_added_through_places_survive_every_growth_and_are_listed_once_each()
    {
        // 20 000 keys, each added three times in a shuffled order: the table grows from 32 slots to 32 768 on the way.
        var keys = Enumerable.Range(0, 20_000).Select(i => ((long)(i % 200) << 40) | ((long)(i / 200) << 16) | (uint)(i % 13)).ToArray();
        keys[0] = 0;
        keys[1] = long.MaxValue;
        var expected = new Dictionary<long, TestCell>();
        var table = new LongKeyCells<TestCell>();
        var random = new Random(67);
        var generations = 0;
        foreach (var key in keys.Concat(keys).Concat(keys).OrderBy(_ => random.Next()))
        {
            var before = table.Generation;
            var place = table.GetOrAdd(key, out var added);
            Assert.Equal(!expected.ContainsKey(key), added);
            generations += table.Generation - before;
            ref var cell = ref table.At(place);
            cell.Cases++;
            cell.CostFen += key % 1000;
            expected.TryGetValue(key, out var sums);
            expected[key] = new TestCell { Cases = sums.Cases + 1, CostFen = sums.CostFen + (key % 1000) };
            Assert.Equal(place, table.PlaceOf(key));
        }

        Assert.Equal(10, generations); // 32 → 32 768 slots, each time before the table was more than 70 % full
        Assert.Equal(32_768, table.Capacity);
        Assert.Equal(keys.Length, table.Count);
        table.ToArrays(out var listedKeys, out var values);
        Assert.Equal(keys.Length, listedKeys.Length);
        Assert.Equal(keys.OrderBy(k => k), listedKeys.OrderBy(k => k));
        for (var i = 0; i < listedKeys.Length; i++)
        {
            Assert.Equal(expected[listedKeys[i]].Cases, values[i].Cases);
            Assert.Equal(expected[listedKeys[i]].CostFen, values[i].CostFen);
            Assert.Equal(3, values[i].Cases);
        }
    }

    [Fact]
    public void A_place_found_before_a_growth_names_another_slot_after_it()
    {
        var table = new LongKeyCells<TestCell>();
        var first = table.GetOrAdd(12345, out _);
        table.At(first).Cases = 7;
        var generation = table.Generation;
        for (long key = 0; table.Generation == generation; key++)
        {
            table.GetOrAdd(key << 20, out _);
        }

        // The value moved with its key; what the old place holds now is not asserted, only that the key is found anew.
        var now = table.PlaceOf(12345);
        Assert.True(now >= 0);
        Assert.Equal(7, table.At(now).Cases);
        Assert.Equal(-1, table.PlaceOf(54321));
    }

    [Fact]
    public void Minus_one_is_refused_as_a_key_and_never_found()
    {
        var table = new LongKeyCells<TestCell>();
        table.GetOrAdd(1, out _);
        Assert.Equal(-1, table.PlaceOf(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => table.GetOrAdd(-1, out _));
        Assert.Equal(1, table.Count);
    }

    [Fact]
    public void A_value_whose_slot_is_not_32_or_64_bytes_is_refused()
    {
        Assert.Throws<NotSupportedException>(() => new LongKeyCells<long>());
    }

    [Property(MaxTest = 100)]
    public void The_table_holds_what_a_dictionary_holds_and_lists_it_in_an_order_fixed_by_the_additions(int[] additions)
    {
        additions ??= Array.Empty<int>();
        var model = new Dictionary<long, long>();
        var table = new LongKeyCells<TestCell>();
        var again = new LongKeyCells<TestCell>();
        foreach (var a in additions)
        {
            var key = (long)(a & 0x3FF) << (((a >> 28) & 3) * 8); // few distinct keys, some far apart
            model[key] = (model.TryGetValue(key, out var sum) ? sum : 0) + a;
            table.At(table.GetOrAdd(key, out _)).CostFen += a;
            again.At(again.GetOrAdd(key, out _)).CostFen += a;
        }

        table.ToArrays(out var keys, out var values);
        Assert.Equal(model.Count, table.Count);
        Assert.Equal(model.OrderBy(p => p.Key).Select(p => (p.Key, p.Value)), keys.Zip(values, (k, v) => (k, v.CostFen)).OrderBy(p => p.k));
        again.ToArrays(out var keysAgain, out _);
        Assert.Equal(keys, keysAgain);
    }

    /// <summary>A 24-byte value, as the monitor's cell.</summary>
    private struct TestCell
    {
        public long CostFen, LosDays;
        public int Cases, Deaths;
    }
}
