using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MedInsurance.Payment.Cli;

namespace MedInsurance.Payment.Reporting.Tests;

/// <summary>
/// The CLI's ordered hand-off (<c>medpay monitor</c> feeds its monitor through it): every item is worked on once, in the
/// order posted, on one other thread; a failure of the work reaches the producer; disposing stops the thread.
/// </summary>
public sealed class OrderedHandOffTests
{
    [Property(MaxTest = 100)]
    public Property Every_item_is_worked_on_once_in_the_order_posted(PositiveInt count, PositiveInt capacity)
    {
        var seen = new List<int>();
        var threads = new HashSet<int>();
        var n = count.Get % 2000;
        using (var handOff = new OrderedHandOff<int>(i => { seen.Add(i); threads.Add(Environment.CurrentManagedThreadId); }, 1 + (capacity.Get % 8), "test"))
        {
            for (var i = 0; i < n; i++)
            {
                handOff.Post(i);
            }

            handOff.Complete();
        }

        var inOrder = seen.Count == n;
        for (var i = 0; inOrder && i < n; i++)
        {
            inOrder = seen[i] == i;
        }

        return (inOrder && (n == 0 || (threads.Count == 1 && !threads.Contains(Environment.CurrentManagedThreadId)))).ToProperty();
    }

    [Fact]
    public void A_failure_of_the_work_is_rethrown_to_the_producer_and_no_later_item_is_worked_on()
    {
        var worked = new List<int>();
        using var handOff = new OrderedHandOff<int>(
            i =>
            {
                if (i == 3)
                {
                    throw new InvalidOperationException("item 3");
                }

                worked.Add(i);
            },
            1,
            "test");
        var error = Assert.Throws<InvalidOperationException>(() =>
        {
            for (var i = 0; i < 1000; i++)
            {
                handOff.Post(i);
            }

            handOff.Complete();
        });
        Assert.Equal("item 3", error.Message);
        Assert.Equal(new[] { 0, 1, 2 }, worked);
    }

    [Fact]
    public void A_failure_on_the_last_item_is_rethrown_by_Complete()
    {
        using var handOff = new OrderedHandOff<int>(i => throw new InvalidDataException("bad " + i.ToString(System.Globalization.CultureInfo.InvariantCulture)), 4, "test");
        handOff.Post(7);
        var error = Assert.Throws<InvalidDataException>(handOff.Complete);
        Assert.Equal("bad 7", error.Message);
    }

    [Fact]
    public void Disposing_before_Complete_stops_the_thread_without_working_on_the_items_still_waiting()
    {
        using var started = new ManualResetEventSlim(false);
        using var release = new ManualResetEventSlim(false);
        var worked = 0;
        var handOff = new OrderedHandOff<int>(
            _ =>
            {
                started.Set();
                release.Wait();
                Interlocked.Increment(ref worked);
            },
            8,
            "test");
        for (var i = 0; i < 5; i++)
        {
            handOff.Post(i);
        }

        // The first item is being worked on (blocked until released, half a second after Dispose has begun): Dispose waits
        // for it and drops the four still waiting.
        Assert.True(started.Wait(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken), "the first item was not taken");
        var releasing = new Thread(() =>
        {
            Thread.Sleep(500);
            release.Set();
        });
        releasing.Start();
        handOff.Dispose();
        releasing.Join();
        Assert.Equal(1, Volatile.Read(ref worked));
        handOff.Dispose(); // a second Dispose does nothing
    }
}
