using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using FsCheck.Xunit;
using MedInsurance.Payment.Interchange;

namespace MedInsurance.Payment.Core.Tests;

/// <summary>
/// The reader's set of ids seen (for <c>CASE_ID_DUPLICATED</c>) and the estimate it is sized from: a set reserved for
/// the whole file keeps the ids it had and takes the rest without growing again; the estimate follows the file's length.
/// </summary>
public sealed class IdSetTests
{
    [Property(MaxTest = 100)]
    public void Reserving_room_keeps_every_id_and_repeats_are_still_found(ushort before, ushort after)
    {
        var set = new IdSet();
        for (var i = 0; i < before; i++)
        {
            Assert.True(set.Add(Id(i)));
        }

        set.Reserve(before + after);
        for (var i = 0; i < before; i++)
        {
            Assert.False(set.Add(Id(i)));
        }

        for (var i = before; i < before + after; i++)
        {
            Assert.True(set.Add(Id(i)));
        }

        Assert.Equal(before + after, set.Count);
    }

    [Property(MaxTest = 200)]
    public void Adding_a_block_marks_each_id_as_adding_them_one_by_one_does(byte[] picks, byte blockSize)
    {
        // Ids from a pool that changes every second round (so they repeat within a round, and across rounds and blocks),
        // with empty and null ids; blocks of 1–256; 20 pools of up to 254 ids, so a list of more than a few dozen picks
        // takes the set past its first 1 024 slots (growth at 717 ids), also in the middle of a block.
        var ids = new List<string?>();
        for (var round = 0; round < 40; round++)
        {
            ids.AddRange(picks.Select(p => p switch { 0 => null, 1 => string.Empty, _ => Id(p + ((round / 2) * 256)) }));
        }

        var one = new IdSet();
        var capacities = new int[ids.Count];
        var expected = ids.Select((id, i) =>
        {
            var added = id is not { Length: > 0 } || one.Add(id);
            capacities[i] = one.Capacity;
            return added;
        }).ToArray();

        var block = new IdSet();
        var size = blockSize % 256 + 1;
        var actual = new List<bool>();
        for (var start = 0; start < ids.Count; start += size)
        {
            var count = Math.Min(size, ids.Count - start);
            var added = new bool[count];
            block.Add(ids.Skip(start).Take(count).ToArray(), count, added);
            actual.AddRange(added);
            Assert.Equal(capacities[start + count - 1], block.Capacity); // grown exactly when one-by-one adds grow
        }

        Assert.Equal(expected, actual);
        Assert.Equal(one.Count, block.Count);
        Assert.Equal(one.Capacity, block.Capacity);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(1_024)]
    public void A_set_fed_in_blocks_grows_exactly_when_one_fed_id_by_id_grows(int size)
    {
        var one = new IdSet();
        var block = new IdSet();
        var ids = Enumerable.Range(0, 5_000).Select(i => (string?)Id(i)).ToArray();
        for (var start = 0; start < ids.Length; start += size)
        {
            var count = Math.Min(size, ids.Length - start);
            for (var i = start; i < start + count; i++)
            {
                one.Add(ids[i]!);
            }

            block.Add(ids.Skip(start).Take(count).ToArray(), count, new bool[count]);
            Assert.Equal(one.Capacity, block.Capacity);
        }

        Assert.True(block.Capacity > 1_024 * 2, "grown more than once");
    }

    [Fact]
    public void A_block_of_ids_repeated_in_it_finds_the_repeats_and_grows_the_set()
    {
        var set = new IdSet();
        var ids = Enumerable.Range(0, 3_000).Select(i => (string?)Id(i % 2_000)).ToArray();
        var added = new bool[ids.Length];
        set.Add(ids, ids.Length, added);

        Assert.Equal(Enumerable.Range(0, 3_000).Select(i => i < 2_000), added);
        Assert.Equal(2_000, set.Count);
        Assert.True(set.Capacity >= 2_000 * 10 / 7, "grew past its first 1 024 slots");
        Assert.False(set.Add(Id(1_999)));
        Assert.True(set.Add(Id(2_000)));
    }

    [Fact]
    public void Reserving_no_ids_or_fewer_changes_nothing()
    {
        var set = new IdSet();
        var capacity = set.Capacity;
        set.Reserve(0);
        set.Reserve(-5);
        set.Reserve(long.MinValue);
        Assert.Equal(capacity, set.Capacity);
        Assert.True(set.Add("C1"));
        Assert.False(set.Add("C1"));
    }

    [Fact]
    public void A_set_reserved_for_its_ids_takes_them_without_growing()
    {
        var set = new IdSet();
        set.Reserve(100_000);
        var capacity = set.Capacity;
        Assert.True(capacity >= 100_000 * 10 / 7, "room for 100 000 ids at the set's load factor (7 in 10)");
        Assert.True(capacity < 100_000 * 10 / 7 * 11 / 10, "not much more than that");

        for (var i = 0; i < 100_000; i++)
        {
            set.Add(Id(i));
        }

        Assert.Equal(capacity, set.Capacity);
        for (var i = 100_000; i < 110_000; i++)
        {
            set.Add(Id(i));
        }

        Assert.True(set.Capacity > capacity);
    }

    [Fact]
    public void Reserving_less_than_the_set_holds_changes_nothing()
    {
        var set = new IdSet();
        set.Reserve(50_000);
        var capacity = set.Capacity;
        set.Reserve(10);
        set.Reserve(-5);
        Assert.Equal(capacity, set.Capacity);
    }

    [Fact]
    public void The_record_estimate_extrapolates_the_rows_read_to_the_stream_length()
    {
        // 3 000 rows of 12 bytes after a 9-byte header: after 1 000 rows, about 3 000 in all.
        var text = new StringBuilder("id,los,x\n");
        for (var i = 0; i < 3_000; i++)
        {
            text.Append('R').Append(i.ToString("D6", CultureInfo.InvariantCulture)).Append(",3,A\n");
        }

        var bytes = Encoding.ASCII.GetBytes(text.ToString());
        using var reader = new CsvByteReader(new MemoryStream(bytes), CsvReadOptions.Default, ownsStream: true);
        Assert.Equal(-1, reader.EstimateRecords(0));
        for (var i = 0; i < 1_001; i++)
        {
            Assert.True(reader.MoveNext());
        }

        // The header and 1 000 rows took 9 + 12 000 bytes of the 9 + 36 000: 1 000 × 36 009 / 12 009 = 2 998 rows.
        Assert.Equal(9 + 12_000, reader.Position);
        Assert.Equal(2_998, reader.EstimateRecords(1_000));
    }

    [Fact]
    public void A_stream_of_unknown_length_gives_no_estimate()
    {
        var bytes = Encoding.ASCII.GetBytes("id\nA\nB\nC\n");
        using var reader = new CsvByteReader(new UnknownLengthStream(bytes), CsvReadOptions.Default, ownsStream: true);
        Assert.True(reader.MoveNext());
        Assert.True(reader.MoveNext());
        Assert.Equal(-1, reader.EstimateRecords(2));
    }

    private static string Id(int i) => "C" + i.ToString(CultureInfo.InvariantCulture);

    /// <summary>A stream that reads but neither seeks nor knows its length (a pipe, a network stream).</summary>
    private sealed class UnknownLengthStream : MemoryStream
    {
        public UnknownLengthStream(byte[] bytes)
            : base(bytes)
        {
        }

        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }
    }
}
