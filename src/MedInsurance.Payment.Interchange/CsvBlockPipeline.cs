using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.ExceptionServices;
using System.Threading;

namespace MedInsurance.Payment.Interchange;

/// <summary>
/// 并行分块流水线 — reads a CSV on several cores and hands the results back in file order. One thread splits the rows
/// (which must run in order: quotes, line numbers, the encoding decision) and does the little per-row work that depends
/// on earlier rows (<c>start</c>: e.g. the duplicate-id check), copying rows into blocks; worker threads convert each
/// block's rows into records (each worker with its own replaying <see cref="CsvInput"/> and caches) and run the caller's
/// <c>transform</c> on the block; the calling thread receives the blocks in file order (<c>consume</c>). A fixed pool
/// of <c>2 × threads + 1</c> blocks bounds memory whatever the file size; a slow consumer stops the splitter.
/// </summary>
/// <remarks>
/// Results do not depend on the thread count: what depends on earlier rows runs on the one splitting thread in file
/// order, conversion is a pure function of the row (the workers' caches only memoise), and blocks are consumed in order.
/// An exception in any stage stops the others and is rethrown on the calling thread (the first in file order).
/// </remarks>
internal static class CsvBlockPipeline
{
    /// <summary>Runs the pipeline over the data rows of <paramref name="input"/> (its header already read).</summary>
    /// <typeparam name="TStart">What <paramref name="start"/> knows of a row.</typeparam>
    /// <typeparam name="TRecord">A converted row.</typeparam>
    /// <typeparam name="TResult">The transform's result for a block.</typeparam>
    /// <param name="input">The input, positioned after its header.</param>
    /// <param name="threads">Converting threads; 1 runs everything on the calling thread.</param>
    /// <param name="blockSize">Rows per block.</param>
    /// <param name="start">Per row, in file order, with <paramref name="input"/> on the row (the splitting thread).</param>
    /// <param name="converter">Per worker: given the worker's input, a function converting its current row (1-based data row number and start) into a record.</param>
    /// <param name="transform">Per block, on a worker thread.</param>
    /// <param name="consume">Per block, in file order, on the calling thread; the list is reused after it returns.</param>
    /// <returns>The number of data rows read.</returns>
    public static long Run<TStart, TRecord, TResult>(
        CsvInput input,
        int threads,
        int blockSize,
        Func<TStart> start,
        Func<CsvInput, Func<int, TStart, TRecord>> converter,
        Func<IReadOnlyList<TRecord>, TResult> transform,
        Action<IReadOnlyList<TRecord>, TResult> consume)
    {
        if (threads <= 1)
        {
            return RunOnCallingThread(input, blockSize, start, converter(input), transform, consume);
        }

        var jobs = new Job<TStart, TRecord, TResult>[(2 * threads) + 1];
        var free = new BlockingCollection<Job<TStart, TRecord, TResult>>();
        for (var i = 0; i < jobs.Length; i++)
        {
            jobs[i] = new Job<TStart, TRecord, TResult>(blockSize);
            free.Add(jobs[i]);
        }

        using var work = new BlockingCollection<Job<TStart, TRecord, TResult>>();
        using var ordered = new BlockingCollection<Job<TStart, TRecord, TResult>>();
        using var stop = new CancellationTokenSource();
        long rows = 0;
        ExceptionDispatchInfo? splitError = null;
        var splitter = new Thread(() =>
        {
            try
            {
                while (true)
                {
                    var job = free.Take(stop.Token);
                    job.Reset(checked((int)(rows + 1)));
                    while (job.Block.Count < blockSize && input.MoveNext())
                    {
                        rows++;
                        job.Starts[job.Block.Count] = start(); // before the copy: it may decide the encoding the copy records
                        input.CopyTo(job.Block);
                    }

                    if (job.Block.Count == 0)
                    {
                        break;
                    }

                    ordered.Add(job, stop.Token);
                    work.Add(job, stop.Token);
                    if (job.Block.Count < blockSize)
                    {
                        break;
                    }
                }
            }
            catch (OperationCanceledException)
            {
            }
            catch (Exception e)
            {
                splitError = ExceptionDispatchInfo.Capture(e);
            }
            finally
            {
                work.CompleteAdding();
                ordered.CompleteAdding();
            }
        }) { IsBackground = true, Name = "MedInsurance.Payment CSV split" };

        var workers = new Thread[threads];
        for (var w = 0; w < threads; w++)
        {
            workers[w] = new Thread(() => Work(input, converter, transform, work, stop.Token)) { IsBackground = true, Name = "MedInsurance.Payment CSV convert" };
        }

        splitter.Start();
        foreach (var worker in workers)
        {
            worker.Start();
        }

        try
        {
            foreach (var job in ordered.GetConsumingEnumerable())
            {
                job.Done.Wait();
                job.Error?.Throw();
                consume(job.Records, job.Result!);
                free.Add(job);
            }

            splitError?.Throw();
            return rows;
        }
        finally
        {
            stop.Cancel();
            splitter.Join();
            foreach (var worker in workers)
            {
                worker.Join();
            }

            foreach (var job in jobs)
            {
                job.Done.Dispose();
            }

            free.Dispose();
        }
    }

    private static void Work<TStart, TRecord, TResult>(
        CsvInput input,
        Func<CsvInput, Func<int, TStart, TRecord>> converter,
        Func<IReadOnlyList<TRecord>, TResult> transform,
        BlockingCollection<Job<TStart, TRecord, TResult>> work,
        CancellationToken stop)
    {
        var replay = CsvInput.ForBlocks(input);
        var convert = converter(replay);
        try
        {
            foreach (var job in work.GetConsumingEnumerable(stop))
            {
                try
                {
                    for (var i = 0; i < job.Block.Count; i++)
                    {
                        replay.Show(job.Block, i);
                        job.Records.Add(convert(job.FirstRow + i, job.Starts[i]));
                    }

                    job.Result = transform(job.Records);
                }
                catch (Exception e)
                {
                    job.Error = ExceptionDispatchInfo.Capture(e);
                }
                finally
                {
                    job.Done.Set();
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static long RunOnCallingThread<TStart, TRecord, TResult>(
        CsvInput input,
        int blockSize,
        Func<TStart> start,
        Func<int, TStart, TRecord> convert,
        Func<IReadOnlyList<TRecord>, TResult> transform,
        Action<IReadOnlyList<TRecord>, TResult> consume)
    {
        var records = new List<TRecord>(blockSize);
        long rows = 0;
        while (input.MoveNext())
        {
            rows++;
            records.Add(convert(checked((int)rows), start()));
            if (records.Count == blockSize)
            {
                consume(records, transform(records));
                records.Clear();
            }
        }

        if (records.Count > 0)
        {
            consume(records, transform(records));
        }

        return rows;
    }

    /// <summary>One block on its way through the pipeline: the split rows, what the splitter knew of them, the records and the result.</summary>
    private sealed class Job<TStart, TRecord, TResult>
    {
        public Job(int blockSize)
        {
            Starts = new TStart[blockSize];
            Records = new List<TRecord>(blockSize);
        }

        public CsvRowBlock Block { get; } = new();

        public TStart[] Starts { get; }

        public List<TRecord> Records { get; }

        public int FirstRow { get; private set; }

        public TResult? Result { get; set; }

        public ExceptionDispatchInfo? Error { get; set; }

        public ManualResetEventSlim Done { get; } = new(false);

        public void Reset(int firstRow)
        {
            Block.Clear();
            Array.Clear(Starts, 0, Starts.Length);
            Records.Clear();
            FirstRow = firstRow;
            Result = default;
            Error = null;
            Done.Reset();
        }
    }
}
