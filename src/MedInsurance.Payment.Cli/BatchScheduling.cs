using System;
using System.Runtime.InteropServices;

namespace MedInsurance.Payment.Cli;

/// <summary>
/// On Linux, asks the kernel to schedule medpay as a batch job (<c>SCHED_BATCH</c>: the class for CPU-bound,
/// non-interactive work — the same share of the processors at the same nice level, but a running thread is not preempted
/// each time another of the process's threads wakes). medpay's commands keep more threads busy than a small machine has
/// cores (the reader, the converters, the monitor, the results file): 10 M `monitor --check` on 2 cores was 1.3 % faster
/// with fewer preemptions (docs/performance.md, change 41). Threads created afterwards inherit the class. Set
/// <c>MEDPAY_SCHED=normal</c> to keep the default class. Elsewhere, or when the call fails, nothing changes.
/// </summary>
internal static class BatchScheduling
{
    private const int SchedBatch = 3;

    /// <summary>Makes the calling thread (and the threads it creates from now on) batch-scheduled on Linux.</summary>
    /// <returns>Whether the class was changed.</returns>
    public static bool TryEnter()
    {
        if (!OperatingSystem.IsLinux() || string.Equals(Environment.GetEnvironmentVariable("MEDPAY_SCHED"), "normal", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        try
        {
            var parameter = new SchedParam { Priority = 0 };
            return SetScheduler(0, SchedBatch, ref parameter) == 0;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return false; // a C library without the call: the default class stays
        }
    }

    [DllImport("libc", EntryPoint = "sched_setscheduler")]
    private static extern int SetScheduler(int pid, int policy, ref SchedParam parameter);

    [StructLayout(LayoutKind.Sequential)]
    private struct SchedParam
    {
        public int Priority;
    }
}
