using System;
using System.Runtime;

namespace MedInsurance.Payment.Cli;

/// <summary>
/// 批处理回收 — runs a long batch command with the garbage collector in <see cref="GCLatencyMode.Batch"/>: no background
/// collections, which on a two-core machine take a core from the work for longer than they save in pauses
/// (docs/outpatient.md, "Batch GC latency"; docs/performance.md, "The monitor on a thread of its own"). The caller's mode
/// is restored afterwards. The collector's start-up switches cannot be set per command: the tool runs with the server
/// collector for every command (its project file; docs/performance.md, change 44), <c>DOTNET_gcServer=0</c> turns it off
/// for a run.
/// </summary>
internal static class BatchCollections
{
    /// <summary>Runs <paramref name="command"/> in batch latency mode and returns its exit code.</summary>
    public static int Run(Func<int> command)
    {
        var latency = GCSettings.LatencyMode;
        GCSettings.LatencyMode = GCLatencyMode.Batch;
        try
        {
            return command();
        }
        finally
        {
            GCSettings.LatencyMode = latency;
        }
    }
}
