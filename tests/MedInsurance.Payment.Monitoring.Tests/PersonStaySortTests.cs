using System;
using System.Collections.Generic;
using System.Linq;

namespace MedInsurance.Payment.Monitoring.Tests;

/// <summary>
/// A bucket's stays sorted by number (<see cref="PersonStaySort"/>) come out in exactly the order
/// <see cref="PersonStayOrder"/> gives: persons with many stays, persons whose hashes differ only in the low bits the
/// sort replaces by the stay's place, equal admissions broken by discharge, then by the hospital's and the group's rank
/// (not their numbers), then by row.
/// </summary>
public sealed class PersonStaySortTests
{
    // Ranks unlike the numbers, as for hospitals and groups that first appeared out of ordinal order: hospital 0 sorts
    // last, group 2 first. A comparison by number instead of rank puts same-date stays in another order.
    private static readonly int[] HospitalRanks = { 4, 0, 3, 1, 2 };
    private static readonly int[] GroupRanks = { 2, 4, 0, 3, 1 };
    private static readonly PersonStayOrder Order = new(HospitalRanks, GroupRanks);

    /// <summary>The order the sort must give, written out key by key (not through <see cref="PersonStayOrder"/>).</summary>
    private static PersonStay[] Expected(IEnumerable<PersonStay> stays) => stays
        .OrderBy(s => s.Patient).ThenBy(s => s.Admission).ThenBy(s => s.Discharge)
        .ThenBy(s => HospitalRanks[s.Hospital]).ThenBy(s => GroupRanks[s.Group]).ThenBy(s => s.Row)
        .ToArray();

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(5_000)]
    [InlineData(70_000)]
    public void The_stays_come_out_in_the_comparison_order(int count)
    {
        var random = new Random(count + 11);
        var bucket = 0x2A5UL << (64 - PersonStayBook.Bits); // every hash in one bucket: the top bits shared
        var stays = new PersonStay[count + 3]; // longer than count: the tail is not the sort's
        for (var i = 0; i < count; i++)
        {
            // 300 persons by their high bits, each spread over low bits the sort replaces (so different persons share a
            // run), and many stays a person with repeated admissions.
            var patient = bucket | ((ulong)random.Next(300) << 30) | (uint)random.Next(4);
            stays[i] = new PersonStay(patient, random.Next(50), random.Next(50, 60), random.Next(3), random.Next(3), 0, count - i);
        }

        var expected = Expected(stays.Take(count));
        var keys = Array.Empty<ulong>();
        var scratch = new PersonStay[2];

        PersonStaySort.Sort(ref stays, count, PersonStayBook.Bits, ref keys, ref scratch, Order);

        Assert.Equal(expected, stays.Take(count).ToArray());
    }

    [Fact]
    public void Scratch_arrays_of_an_earlier_larger_bucket_are_reused_and_still_sorted_right()
    {
        var keys = Array.Empty<ulong>();
        var scratch = Array.Empty<PersonStay>();
        var random = new Random(3);
        foreach (var count in new[] { 1_000, 10, 3_000, 2_999 })
        {
            var stays = Enumerable.Range(0, count)
                .Select(i => new PersonStay((0x11UL << 54) | (uint)random.Next(100), random.Next(20), 30, 0, 0, 0, i + 1))
                .ToArray();
            var expected = Expected(stays);

            PersonStaySort.Sort(ref stays, count, PersonStayBook.Bits, ref keys, ref scratch, Order);

            Assert.Equal(expected, stays.Take(count).ToArray());
        }
    }

    [Fact]
    public void Many_stays_of_one_patient_id_are_sorted_like_the_rest()
    {
        // A placeholder patient id on 200 000 stays (one run far longer than insertion is used for), among other persons.
        var random = new Random(5);
        var placeholder = PersonStay.Hash("0");
        var count = 210_000;
        var stays = Enumerable.Range(0, count)
            .Select(i => new PersonStay(
                i < 200_000 ? placeholder : (placeholder & (0x3FFUL << 54)) | (uint)random.Next(1000),
                random.Next(365),
                random.Next(365, 400),
                random.Next(5),
                random.Next(5),
                0,
                count - i))
            .ToArray();
        var expected = Expected(stays);
        var keys = Array.Empty<ulong>();
        var scratch = Array.Empty<PersonStay>();

        PersonStaySort.Sort(ref stays, count, PersonStayBook.Bits, ref keys, ref scratch, Order);

        Assert.Equal(expected, stays);
    }

    [Theory]
    [InlineData(0, "uniform")]
    [InlineData(63, "uniform")]
    [InlineData(64, "uniform")]
    [InlineData(10_000, "uniform")]
    [InlineData(100_000, "uniform")]
    [InlineData(10_000, "shared")]
    [InlineData(10_000, "two")]
    [InlineData(10_000, "crowded")]
    [InlineData(100, "high")]
    [InlineData(10_000, "high")]
    public void Numbers_sorted_by_groups_come_out_as_Array_Sort_gives_them(int count, string spread)
    {
        // Numbers as the stay sort makes them: hash bits above PlaceBits, a distinct place below. Uniform hashes (a
        // bucket's), one hash for all (one placeholder person: a single group), two far-apart clusters, and one group
        // holding half of them (sorted by Array.Sort inside the counting pass's order).
        var random = new Random(count + spread.Length);
        var numbers = new ulong[count + 5];
        for (var i = 0; i < count; i++)
        {
            var hash = spread switch
            {
                "uniform" => (ulong)random.Next() << 33 ^ (ulong)random.Next() << 22,
                "shared" => 0xABCDEFUL << 30,
                "two" => random.Next(2) == 0 ? 0x1UL << 60 : 0x7UL << 61,
                "high" => (1UL << 63) | ((ulong)i << 22), // a set top bit shared by all, the differences low down

                _ => i % 2 == 0 ? 0x5UL << 50 : (ulong)random.Next() << 31,
            };
            numbers[i] = (hash & ~((1UL << PersonStaySort.PlaceBits) - 1)) | (uint)i;
        }

        var expected = numbers.Take(count).OrderBy(n => n).ToArray();
        var keys = numbers;
        var spare = new ulong[3];

        PersonStaySort.SortNumbers(ref keys, count, ref spare);

        Assert.Equal(expected, keys.Take(count).ToArray());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(255)]
    [InlineData(256)]
    [InlineData(257)]
    [InlineData(9_999)]
    public void A_bucket_sorted_from_its_chunks_is_its_stays_in_comparison_order(int count)
    {
        // Stays added to a book (several persons of one bucket, a person with many stays, a chunk boundary crossed or met
        // exactly), sorted where they lie: the bucket's stays in PersonStay order, and the bucket empty afterwards.
        var random = new Random(count + 3);
        var bucket = 0x155UL << (64 - PersonStayBook.Bits);
        var book = new PersonStayBook();
        var stays = new List<PersonStay>();
        for (var i = 0; i < count; i++)
        {
            var patient = bucket | (i % 10 == 0 ? 0x77UL << 30 : ((ulong)random.Next() << 22) ^ (ulong)random.Next());
            var stay = new PersonStay(patient, random.Next(50), random.Next(50, 60), random.Next(3), random.Next(3), 0, i + 1);
            stays.Add(stay);
            book.Add(stay);
        }

        book.Add(new PersonStay(0x3UL << (64 - PersonStayBook.Bits), 1, 2, 0, 0, 0, count + 1)); // another bucket: untouched
        var keys = Array.Empty<ulong>();
        var spare = Array.Empty<ulong>();
        var chunks = Array.Empty<PersonStay[]>();
        var sorted = new PersonStay[1];

        var n = PersonStaySort.SortBucket(book, PersonStayBook.BucketOf(bucket), ref keys, ref spare, ref chunks, ref sorted, Order);

        Assert.Equal(count, n);
        Assert.Equal(Expected(stays), sorted.Take(n).ToArray());
        Assert.Equal(0, book.SizeOf(PersonStayBook.BucketOf(bucket)));
        Assert.Equal(1, book.SizeOf(3));
        Assert.All(chunks, c => Assert.Null(c)); // the chunks are not kept by the scratch list
    }
}
