using System;
using System.Linq;
using MedInsurance.Payment.Interchange;

namespace MedInsurance.Payment.Core.Tests;

/// <summary>
/// Arrays whose pages are written before the tables read them (<see cref="FreshArrays"/>): what they hold is what
/// <c>new</c> and <see cref="Array.Resize{T}"/> give, below and above the size from which pages are written.
/// </summary>
public sealed class FreshArraysTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1000)]
    [InlineData((FreshArrays.MinimumBytes / 8) + 3)] // just over the threshold, not a whole number of pages
    public void A_new_array_is_all_zero(int length)
    {
        var array = FreshArrays.Allocate<long>(length);

        Assert.Equal(length, array.Length);
        Assert.All(array, value => Assert.Equal(0L, value));
    }

    [Theory]
    [InlineData(5, 17)]
    [InlineData(100_000, 300_001)] // grows past the threshold
    public void Growing_keeps_the_elements_in_place_and_zeroes_the_rest(int before, int after)
    {
        var array = Enumerable.Range(1, before).Select(i => (long)i * 7).ToArray();
        var expected = new long[after];
        Array.Copy(array, expected, before);

        FreshArrays.Resize(ref array, after);

        Assert.Equal(expected, array);
    }
}
