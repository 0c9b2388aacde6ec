using System;
using System.Runtime;
using MedInsurance.Payment.Cli;

namespace MedInsurance.Payment.Reporting.Tests;

/// <summary>The CLI's batch-collection wrapper (<c>monitor</c>, <c>outpatient group</c>): batch mode inside, the caller's mode restored after, even on failure.</summary>
/// <remarks>The latency mode is process-wide: this class runs alone (<see cref="GcLatencyCollection"/>).</remarks>
[Collection(GcLatencyCollection.Name)]
public sealed class BatchCollectionsTests
{
    [Fact]
    public void The_command_runs_in_batch_mode_and_the_mode_is_restored_even_when_it_throws()
    {
        var original = GCSettings.LatencyMode;
        GCSettings.LatencyMode = GCLatencyMode.Interactive; // a mode other than Batch, so the restore is seen
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
        GCSettings.LatencyMode = original;
    }
}

/// <summary>Tests that change the process-wide GC latency mode run with no other test beside them.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class GcLatencyCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "GC latency mode";
}
