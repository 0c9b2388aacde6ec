using System;
using System.Collections.Generic;

namespace MedInsurance.Payment.Monitoring.Tests;

/// <summary>The monitor's internal structures against the plain structures they replace: <see cref="LongKeyTable"/>
/// against a dictionary, <see cref="PersonStayBook"/> against one sort of every stay, <see cref="AppendOnlyChunks{T}"/>
/// against a list.</summary>
public sealed class StructureTests
{
    [Fact]
    public void The_key_table_numbers_keys_in_first_seen_order_as_a_dictionary_would()
    {
        var random = new Random(7);
        var table = new LongKeyTable();
        var expected = new Dictionary<long, int>();
        for (var i = 0; i < 200_000; i++)
        {
            // Keys that differ only in high bits, in low bits, negative ones, and repeats.
            var key = (i % 4) switch
            {
                0 => (long)random.Next(5_000) << 40,
                1 => random.Next(50_000),
                2 => -random.Next(1_000),
                _ => ((long)random.Next(200) << 40) | ((long)random.Next(600) << 16) | (uint)random.Next(24_000, 24_012),
            };
            var index = table.GetOrAdd(key, out var added);
            if (expected.TryGetValue(key, out var known))
            {
                Assert.False(added);
                Assert.Equal(known, index);
            }
            else
            {
                Assert.True(added);
                Assert.Equal(expected.Count, index);
                expected.Add(key, index);
            }
        }

        Assert.Equal(expected.Count, table.Count);
        foreach (var pair in expected)
        {
            Assert.Equal(pair.Value, table.IndexOf(pair.Key));
            Assert.Equal(pair.Key, table.KeyAt(pair.Value));
        }

        Assert.Equal(-1, table.IndexOf(long.MaxValue));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(4_097)]
    [InlineData(300_000)]
    public void The_sorted_buckets_in_order_are_the_stays_sorted_and_each_person_is_in_one_bucket(int count)
    {
        var random = new Random(count);
        var book = new PersonStayBook();
        var all = new PersonStay[count];
        for (var i = 0; i < count; i++)
        {
            // Few people, so most have several stays; some stays repeat but for the row.
            var patient = PersonStay.Hash("P" + random.Next(Math.Max(1, count / 3)).ToString(System.Globalization.CultureInfo.InvariantCulture));
            var admission = 20_000 + random.Next(30);
            all[i] = new PersonStay(patient, admission, admission + random.Next(3), random.Next(3), random.Next(2), 0, i + 1);
            book.Add(all[i]);
        }

        Assert.Equal(count, book.Count);
        var sorted = new List<PersonStay>();
        var bucketOf = new Dictionary<ulong, int>();
        var stays = Array.Empty<PersonStay>();
        var order = new PersonStayOrder(new[] { 0, 1, 2 }, new[] { 0, 1 });
        for (var b = 0; b < PersonStayBook.BucketCount; b++)
        {
            var n = book.CopyBucket(b, ref stays);
            Array.Sort(stays, 0, n, order);
            for (var i = 0; i < n; i++)
            {
                sorted.Add(stays[i]);
                Assert.Equal(b, bucketOf.TryGetValue(stays[i].Patient, out var seen) ? seen : bucketOf[stays[i].Patient] = b);
            }

            Assert.Equal(0, book.SizeOf(b)); // let go once copied
        }

        Array.Sort(all, order);
        Assert.Equal(all, sorted);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(AppendOnlyChunks<long>.ChunkSize - 1)]
    [InlineData(AppendOnlyChunks<long>.ChunkSize)]
    [InlineData(AppendOnlyChunks<long>.ChunkSize + 1)]
    [InlineData((3 * AppendOnlyChunks<long>.ChunkSize) + 17)]
    public void The_chunked_list_gives_back_every_item_in_the_order_added_across_chunk_ends(int count)
    {
        var random = new Random(count);
        var chunks = new AppendOnlyChunks<(int, long)>();
        var expected = new List<(int, long)>();
        for (var i = 0; i < count; i++)
        {
            var item = (i, random.NextInt64());
            chunks.Add(item);
            expected.Add(item);
        }

        Assert.Equal(expected.Count, chunks.Count);
        for (var i = 0; i < count; i++)
        {
            Assert.Equal(expected[i], chunks[i]);
        }
    }
}
