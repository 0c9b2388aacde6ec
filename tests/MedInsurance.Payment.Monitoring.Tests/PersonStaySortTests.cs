using System;
using System.Linq;

namespace MedInsurance.Payment.Monitoring.Tests;

/// <summary>
/// A bucket's stays sorted by number (<see cref="PersonStaySort"/>) come out in exactly the order
/// <see cref="PersonStay.CompareTo"/> gives: persons with many stays, persons whose hashes differ only in the low bits the
/// sort replaces by the stay's place, equal admissions broken by discharge, hospital, group and row.
/// </summary>
public sealed class PersonStaySortTests
{
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

        var expected = stays.Take(count).ToArray();
        Array.Sort(expected);
        var keys = Array.Empty<ulong>();
        var scratch = new PersonStay[2];

        PersonStaySort.Sort(ref stays, count, PersonStayBook.Bits, ref keys, ref scratch);

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
            var expected = stays.OrderBy(s => s).ToArray();

            PersonStaySort.Sort(ref stays, count, PersonStayBook.Bits, ref keys, ref scratch);

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
        var expected = stays.OrderBy(s => s).ToArray();
        var keys = Array.Empty<ulong>();
        var scratch = Array.Empty<PersonStay>();

        PersonStaySort.Sort(ref stays, count, PersonStayBook.Bits, ref keys, ref scratch);

        Assert.Equal(expected, stays);
    }
}
