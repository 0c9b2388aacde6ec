using System;
using System.Collections.Generic;
using System.IO;
using BenchmarkDotNet.Attributes;
using MedInsurance.Payment.Cases;
using MedInsurance.Payment.Interchange;

namespace MedInsurance.Payment.Benchmarks;

/// <summary>
/// The case reader across cores (issue 13): <see cref="CaseCsvReader.ReadInParallel{TResult}(Stream, CsvReadOptions, CaseHeaderMap, int, Func{IReadOnlyList{ReadRecord{InpatientCase}}, TResult}, Action{IReadOnlyList{ReadRecord{InpatientCase}}, TResult})"/> on 1 000 000 rows of the
/// measurement file held in memory, with 1, 2 and 4 converting threads, against the one-thread enumerator
/// (<see cref="CaseCsvReader.Read(Stream, CsvReadOptions, Action{CsvReadReport})"/>). Every record is converted and
/// validated; the transform counts the accepted ones, so the time is the reader's alone.
/// </summary>
/// <remarks>Run: <c>dotnet run -c Release --project benchmarks/MedInsurance.Payment.Benchmarks -- --filter '*ParallelCaseReader*'</c>.
/// Results: docs/performance.md.</remarks>
[QuickJob]
public class ParallelCaseReaderBenchmarks
{
    /// <summary>Rows per operation.</summary>
    public const int Rows = 1_000_000;

    private byte[] _bytes = Array.Empty<byte>();

    /// <summary>Converting threads.</summary>
    [Params(1, 2, 4)]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Setup() => _bytes = CsvParserBenchmarks.MeasurementRows(Rows, "medpay-parallel-reader-bench");

    /// <summary>The one-thread enumerator.</summary>
    [Benchmark(Baseline = true)]
    public long Enumerator()
    {
        long accepted = 0;
        foreach (var record in CaseCsvReader.Read(new MemoryStream(_bytes), CsvReadOptions.Default, null))
        {
            accepted += record.IsRejected ? 0 : 1;
        }

        return accepted;
    }

    /// <summary>Split on one thread, converted on <see cref="Threads"/>, consumed in order.</summary>
    [Benchmark]
    public long AcrossCores()
    {
        long accepted = 0;
        CaseCsvReader.ReadInParallel(
            new MemoryStream(_bytes),
            CsvReadOptions.Default,
            null,
            Threads,
            block =>
            {
                var n = 0;
                for (var i = 0; i < block.Count; i++)
                {
                    n += block[i].IsRejected ? 0 : 1;
                }

                return n;
            },
            (block, n) => accepted += n);
        return accepted;
    }
}
