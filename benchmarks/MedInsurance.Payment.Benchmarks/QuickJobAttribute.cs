using System;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;

namespace MedInsurance.Payment.Benchmarks;

/// <summary>
/// The short job preset: 3 warm-ups, 8 iterations, one launch, memory diagnoser on; median and minimum beside the mean,
/// since on a shared machine one slow iteration moves the mean.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class QuickJobAttribute : Attribute, IConfigSource
{
    public QuickJobAttribute()
    {
        Config = ManualConfig.CreateEmpty()
            .AddJob(Job.Default.WithWarmupCount(3).WithIterationCount(8).WithLaunchCount(1))
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddColumn(StatisticColumn.Median, StatisticColumn.Min);
    }

    public IConfig Config { get; }
}
