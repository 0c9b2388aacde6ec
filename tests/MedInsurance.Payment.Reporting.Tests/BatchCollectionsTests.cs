using System;
using System.Runtime;
using MedInsurance.Payment.Cli;

namespace MedInsurance.Payment.Reporting.Tests;

/// <summary>The CLI's batch-collection wrapper (<c>monitor</c>, <c>outpatient group</c>): batch mode inside, the caller's mode restored after, even on failure.</summary>
public sealed class BatchCollectionsTests
{
    [Fact]
    public void The_command_runs_in_batch_mode_and_the_mode_is_restored_even_when_it_throws()
    {
        var before = GCSettings.LatencyMode;
        var inside = GCLatencyMode.Interactive;
        Assert.Equal(7, BatchCollections.Run(() =>
        {
            inside = GCSettings.LatencyMode;
            return 7;
        }));
        Assert.Equal(GCLatencyMode.Batch, inside);
        Assert.Equal(before, GCSettings.LatencyMode);
        Assert.Throws<InvalidOperationException>(() => BatchCollections.Run(() => throw new InvalidOperationException()));
        Assert.Equal(before, GCSettings.LatencyMode);
    }
}
