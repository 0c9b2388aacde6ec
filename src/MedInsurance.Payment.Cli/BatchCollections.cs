using System;
using System.Runtime;

namespace MedInsurance.Payment.Cli;

/// <summary>
/// 批处理回收 — runs a long batch command with the garbage collector in <see cref="GCLatencyMode.Batch"/>: no background
/// collections, which on a two-core machine take a core from the work for longer than they save in pauses
/// (docs/outpatient.md, "Batch GC latency"; docs/performance.md, "The monitor on a thread of its own"). The caller's mode
/// is restored afterwards. The collector's start-up switches (<c>DOTNET_gcServer</c>, <c>DOTNET_gcConcurrent</c>) do
/// more but cannot be set per command; they are measured in docs/performance.md and left to the user.
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
