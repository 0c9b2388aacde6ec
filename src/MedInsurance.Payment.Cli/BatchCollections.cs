using System;
using System.Runtime;

namespace MedInsurance.Payment.Cli;

/// <summary>
/// 批处理回收 — runs a long batch command with the garbage collector in <see cref="GCLatencyMode.Batch"/>: no background
/// collections, which on a two-core machine take a core from the work for longer than they save in pauses
/// (docs/performance.md: <c>outpatient group</c>; docs/monitoring.md: <c>monitor</c>). The mode is restored afterwards.
/// Not for the commands with a peak-memory goal (<c>drg group</c>, <c>dip score</c>, <c>cases check</c>): without
/// background collections their peak rises by a third.
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
