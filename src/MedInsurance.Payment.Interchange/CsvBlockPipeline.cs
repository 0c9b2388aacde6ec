using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.ExceptionServices;
using System.Threading;

namespace MedInsurance.Payment.Interchange;

/// <summary>
/// 并行分块流水线 — reads a CSV on several cores and hands the results back in file order. The calling thread splits
/// the rows (which must run in order: quotes, line numbers, the encoding decision) and does the little per-row work that
/// depends on earlier rows (<c>start</c> per row, then <c>finishStarts</c> per block: e.g. the duplicate-id check),
/// copying rows into blocks; <c>threads − 1</c>
/// worker threads — and the calling thread whenever it has nothing to split or hand back — convert each block's rows
/// into records (each thread with its own replaying <see cref="CsvInput"/> and caches) and run the caller's
/// <c>transform</c> on the block; the calling thread hands the blocks to <c>consume</c> in file order. So the work runs
/// on exactly <c>threads</c> threads (on a 2-core machine a separate splitting thread cost more CPU than it saved). A
/// fixed pool of <c>2 × threads + 1</c> blocks bounds memory whatever the file size.
/// </summary>
/// <remarks>
/// Results do not depend on the thread count: what depends on earlier rows runs on the calling thread in file order,
/// conversion is a pure function of the row (the threads' caches only memoise), and blocks are consumed in order. An
/// exception while converting or transforming a block is rethrown on the calling thread when that block's turn comes;
/// one in splitting or consuming stops the workers and propagates at once.
/// </remarks>
internal static class CsvBlockPipeline
{
    /// <summary>
    /// The rows of a run: a block's rows are converted in runs of this many, each handed to the converter's
    /// <em>converted</em> function right after, so what their conversion touched is still in the core's cache (the
    /// settlement-list check runs there). Until change 62 each run was also read ahead — its code tables' slots and
    /// strings prefetched — while the run before it was converted (changes 13 and 55); on this project's current
    /// 2-core VM, whose 2 MB core cache holds the code tables, that cost more than it saved (docs/performance.md).
    /// </summary>
    public const int RunRows = 64;

    /// <summary>Runs the pipeline over the data rows of <paramref name="input"/> (its header already read).</summary>
    /// <typeparam name="TStart">What <paramref name="start"/> knows of a row.</typeparam>
    /// <typeparam name="TRecord">A converted row.</typeparam>
    /// <typeparam name="TResult">The transform's result for a block.</typeparam>
    /// <param name="input">The input, positioned after its header.</param>
    /// <param name="threads">Threads doing the work, the calling thread included; 1 runs everything on the calling thread.</param>
    /// <param name="blockSize">Rows per block.</param>
    /// <param name="start">Per row, in file order, with <paramref name="input"/> on the row (on the calling thread).</param>
    /// <param name="converter">Per converting thread: given its input, a function converting its current row (1-based data row number
    /// and start) into a record, and optionally a function called with each run of <see cref="RunRows"/> rows right after they are
    /// converted (<em>converted</em>, below), on the same thread: it is that thread's own, so it may use what the thread's conversion
    /// noted of the run.</param>
    /// <param name="transform">Per block, on any of the threads.</param>
    /// <param name="consume">Per block, in file order, on the calling thread; the list is reused after it returns.</param>
    /// <param name="finishStarts">Per block, in file order, on the calling thread, once its rows are split and before any
    /// is converted: may complete the starts of the block's rows together (e.g. the duplicate-id check, whose memory
    /// reads overlap when done for a block at once). With one thread it is called for each row, with a block of one.</param>
    /// <remarks>The converter's <em>converted</em> function is called per run of at most <see cref="RunRows"/> rows of a
    /// block, on the thread that converted them, right after: the block's records so far, the run's first index and its count —
    /// for work on each record while what its conversion touched is still in the core's cache. Every record is in exactly one
    /// run, runs come in order within a block, and all of a block's runs come before its <paramref name="transform"/>, on the
    /// same thread.</remarks>
    /// <returns>The number of data rows read.</returns>
    public static long Run<TStart, TRecord, TResult>(
        CsvInput input,
        int threads,
        int blockSize,
        Func<TStart> start,
        Func<CsvInput, (Func<int, TStart, TRecord> Convert, Action<IReadOnlyList<TRecord>, int, int>? Converted)> converter,
        Func<IReadOnlyList<TRecord>, TResult> transform,
        Action<IReadOnlyList<TRecord>, TResult> consume,
        Action<TStart[], int>? finishStarts = null)
    {
        if (threads <= 1)
        {
            var only = converter(input);
            return RunOnCallingThread(input, blockSize, start, finishStarts, only.Convert, only.Converted, transform, consume);
        }

        var jobs = new Job<TStart, TRecord, TResult>[(2 * threads) + 1];
        var free = new Queue<Job<TStart, TRecord, TResult>>(jobs.Length);
        for (var i = 0; i < jobs.Length; i++)
        {
            jobs[i] = new Job<TStart, TRecord, TResult>(blockSize);
            free.Enqueue(jobs[i]);
        }

        var ordered = new Queue<Job<TStart, TRecord, TResult>>(jobs.Length);
        using var work = new BlockingCollection<Job<TStart, TRecord, TResult>>();
        using var stop = new CancellationTokenSource();

        // threads − 1 workers; the calling thread is the last of the threads: it splits, consumes, and converts blocks
        // itself when there is nothing to split or consume — so the work never needs more threads than it was given.
        var workers = new Thread[threads - 1];
        for (var w = 0; w < workers.Length; w++)
        {
            workers[w] = new Thread(() => Work(input, converter, transform, work, stop.Token)) { IsBackground = true, Name = "MedInsurance.Payment CSV convert" };
            workers[w].Start();
        }

        var replay = CsvInput.ForBlocks(input);
        var convert = converter(replay);
        long rows = 0;
        var end = false;
        try
        {
            while (true)
            {
                // 1. Hand back the finished blocks, in order.
                while (ordered.Count > 0 && ordered.Peek().Done.IsSet)
                {
                    var done = ordered.Dequeue();
                    done.Error?.Throw();
                    consume(done.Records, done.Result!);
                    free.Enqueue(done);
                }

                // 2. Split the next block while a block is free (keeps the workers fed).
                if (!end && free.Count > 0)
                {
                    var job = free.Dequeue();
                    job.Reset(checked((int)(rows + 1)));
                    while (job.Block.Count < blockSize && input.MoveNext())
                    {
                        rows++;
                        job.Starts[job.Block.Count] = start(); // before the copy: it may decide the encoding the copy records
                        input.CopyTo(job.Block);
                    }

                    end = job.Block.Count < blockSize;
                    if (job.Block.Count == 0)
                    {
                        free.Enqueue(job);
                        continue;
                    }

                    finishStarts?.Invoke(job.Starts, job.Block.Count);

                    ordered.Enqueue(job);
                    work.Add(job);
                    continue;
                }

                if (ordered.Count == 0)
                {
                    return rows;
                }

                // 3. Convert a waiting block here, or 4. wait for the oldest one.
                if (work.TryTake(out var mine))
                {
                    Process(mine, replay, convert, transform);
                }
                else
                {
                    ordered.Peek().Done.Wait();
                }
            }
        }
        finally
        {
            work.CompleteAdding();
            stop.Cancel();
            foreach (var worker in workers)
            {
                worker.Join();
            }

            foreach (var job in jobs)
            {
                job.Done.Dispose();
            }
        }
    }

    private static void Work<TStart, TRecord, TResult>(
        CsvInput input,
        Func<CsvInput, (Func<int, TStart, TRecord> Convert, Action<IReadOnlyList<TRecord>, int, int>? Converted)> converter,
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
                Process(job, replay, convert, transform);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>Converts a block's rows in runs of <see cref="RunRows"/> (each handed to the converter's <c>Converted</c>
    /// right after) and runs the transform on them; an exception is kept for the consumer.</summary>
    private static void Process<TStart, TRecord, TResult>(
        Job<TStart, TRecord, TResult> job,
        CsvInput replay,
        (Func<int, TStart, TRecord> Convert, Action<IReadOnlyList<TRecord>, int, int>? Converted) convert,
        Func<IReadOnlyList<TRecord>, TResult> transform)
    {
        try
        {
            var converted = convert.Converted;
            for (var first = 0; first < job.Block.Count; first += RunRows)
            {
                var count = Math.Min(RunRows, job.Block.Count - first);
                for (var i = first; i < first + count; i++)
                {
                    replay.Show(job.Block, i);
                    job.Records.Add(convert.Convert(checked(job.FirstRow + i), job.Starts[i])); // a block may end past int.MaxValue rows
                }

                converted?.Invoke(job.Records, first, count);
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

    private static long RunOnCallingThread<TStart, TRecord, TResult>(
        CsvInput input,
        int blockSize,
        Func<TStart> start,
        Action<TStart[], int>? finishStarts,
        Func<int, TStart, TRecord> convert,
        Action<IReadOnlyList<TRecord>, int, int>? converted,
        Func<IReadOnlyList<TRecord>, TResult> transform,
        Action<IReadOnlyList<TRecord>, TResult> consume)
    {
        var records = new List<TRecord>(blockSize);
        var one = new TStart[1];
        long rows = 0;
        var runStart = 0;
        while (input.MoveNext())
        {
            rows++;
            one[0] = start();
            finishStarts?.Invoke(one, 1);
            records.Add(convert(checked((int)rows), one[0]));
            if (records.Count - runStart == RunRows || records.Count == blockSize)
            {
                converted?.Invoke(records, runStart, records.Count - runStart);
                runStart = records.Count;
            }

            if (records.Count == blockSize)
            {
                consume(records, transform(records));
                records.Clear();
                runStart = 0;
            }
        }

        if (records.Count > 0)
        {
            if (records.Count > runStart)
            {
                converted?.Invoke(records, runStart, records.Count - runStart);
            }

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
