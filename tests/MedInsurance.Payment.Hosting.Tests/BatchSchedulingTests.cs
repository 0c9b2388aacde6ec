using System;
using System.Runtime.InteropServices;
using System.Threading;
using MedInsurance.Payment.Cli;

namespace MedInsurance.Payment.Hosting.Tests;

/// <summary>medpay asks for the batch scheduling class on Linux (<see cref="BatchScheduling"/>), and keeps the default
/// class when <c>MEDPAY_SCHED=normal</c>. Each case runs on a thread of its own, so no test thread changes class.</summary>
public sealed class BatchSchedulingTests
{
    private const int SchedBatch = 3;

    [Fact]
    public void On_linux_the_calling_thread_becomes_batch_scheduled()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "SCHED_BATCH is a Linux scheduling class.");
        var before = Environment.GetEnvironmentVariable("MEDPAY_SCHED");
        Environment.SetEnvironmentVariable("MEDPAY_SCHED", null);
        try
        {
            var (entered, policy, _) = OnOwnThread(() => BatchScheduling.TryEnter());
            Assert.True(entered);
            Assert.Equal(SchedBatch, policy);
        }
        finally
        {
            Environment.SetEnvironmentVariable("MEDPAY_SCHED", before);
        }
    }

    [Fact]
    public void MEDPAY_SCHED_normal_keeps_the_default_class()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "SCHED_BATCH is a Linux scheduling class.");
        var before = Environment.GetEnvironmentVariable("MEDPAY_SCHED");
        Environment.SetEnvironmentVariable("MEDPAY_SCHED", "normal");
        try
        {
            var (entered, policy, policyBefore) = OnOwnThread(() => BatchScheduling.TryEnter());
            Assert.False(entered);
            Assert.Equal(policyBefore, policy); // unchanged (the runner's own class, the default unless run under chrt)
        }
        finally
        {
            Environment.SetEnvironmentVariable("MEDPAY_SCHED", before);
        }
    }

    private static (bool Entered, int Policy, int PolicyBefore) OnOwnThread(Func<bool> enter)
    {
        var entered = false;
        var policy = -1;
        var before = -1;
        var thread = new Thread(() =>
        {
            before = GetScheduler(0);
            entered = enter();
            policy = GetScheduler(0);
        });
        thread.Start();
        thread.Join();
        return (entered, policy, before);
    }

    [DllImport("libc", EntryPoint = "sched_getscheduler")]
    private static extern int GetScheduler(int pid);
}
