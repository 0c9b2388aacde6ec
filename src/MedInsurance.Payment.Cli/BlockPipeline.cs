using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace MedInsurance.Payment.Cli;

/// <summary>
/// 分块流水线 — hands a stream of records to the work in blocks, in input order. With two threads or more the next
/// block is read (the enumeration: reading and parsing) on another thread while the current one is processed; with one
/// everything runs on the calling thread. At most three blocks are alive (being read, queued, being processed), so
/// memory is bounded by the block size whatever the input's length.
/// </summary>
internal static class BlockPipeline
{
    /// <summary>Runs <paramref name="process"/> over <paramref name="records"/> in blocks of <paramref name="blockSize"/>.</summary>
    /// <typeparam name="T">The record type.</typeparam>
    /// <param name="records">The records (enumerated once, on the reading thread).</param>
    /// <param name="blockSize">Records per block.</param>
    /// <param name="threads">1: one thread; ≥ 2: reading overlaps processing.</param>
    /// <param name="process">The work on one block (the list is reused after it returns).</param>
    public static void Run<T>(IEnumerable<T> records, int blockSize, int threads, Action<IReadOnlyList<T>> process)
    {
        if (threads <= 1)
        {
            var block = new List<T>(blockSize);
            foreach (var record in records)
            {
                block.Add(record);
                if (block.Count == blockSize)
                {
                    process(block);
                    block.Clear();
                }
            }

            if (block.Count > 0)
            {
                process(block);
            }

            return;
        }

        // Two blocks may wait while one is processed; a processed block's list is handed back to the reader.
        using var full = new BlockingCollection<List<T>>(boundedCapacity: 1);
        using var stop = new CancellationTokenSource();
        var free = new ConcurrentQueue<List<T>>();
        var reader = Task.Run(() =>
        {
            try
            {
                var block = new List<T>(blockSize);
                foreach (var record in records)
                {
                    block.Add(record);
                    if (block.Count == blockSize)
                    {
                        full.Add(block, stop.Token);
                        block = free.TryDequeue(out var recycled) ? recycled : new List<T>(blockSize);
                    }
                }

                if (block.Count > 0)
                {
                    full.Add(block, stop.Token);
                }
            }
            finally
            {
                full.CompleteAdding();
            }
        });
        try
        {
            foreach (var block in full.GetConsumingEnumerable())
            {
                process(block);
                block.Clear();
                free.Enqueue(block);
            }
        }
        catch
        {
            // Stop the reader (it waits on the full queue at most) before giving up.
            stop.Cancel();
            try
            {
                reader.GetAwaiter().GetResult();
            }
            catch (OperationCanceledException)
            {
            }

            throw;
        }

        reader.GetAwaiter().GetResult();
    }

    /// <summary>
    /// The same records, read ahead: with two threads or more a background thread enumerates <paramref name="records"/>
    /// in blocks (at most two waiting) while the caller consumes them; with one, the records themselves.
    /// </summary>
    /// <typeparam name="T">The record type.</typeparam>
    /// <param name="records">The records (enumerated once, on the reading thread).</param>
    /// <param name="blockSize">Records per block.</param>
    /// <param name="threads">1: no read-ahead.</param>
    /// <returns>The records in order.</returns>
    public static IEnumerable<T> ReadAhead<T>(IEnumerable<T> records, int blockSize, int threads)
    {
        if (threads <= 1)
        {
            return records;
        }

        return ReadAheadIterator(records, blockSize);
    }

    private static IEnumerable<T> ReadAheadIterator<T>(IEnumerable<T> records, int blockSize)
    {
        using var full = new BlockingCollection<List<T>>(boundedCapacity: 2);
        using var stop = new CancellationTokenSource();
        var reader = Task.Run(() =>
        {
            try
            {
                var block = new List<T>(blockSize);
                foreach (var record in records)
                {
                    block.Add(record);
                    if (block.Count == blockSize)
                    {
                        full.Add(block, stop.Token);
                        block = new List<T>(blockSize);
                    }
                }

                if (block.Count > 0)
                {
                    full.Add(block, stop.Token);
                }
            }
            finally
            {
                full.CompleteAdding();
            }
        });
        try
        {
            foreach (var block in full.GetConsumingEnumerable())
            {
                foreach (var record in block)
                {
                    yield return record;
                }
            }

            reader.GetAwaiter().GetResult();
        }
        finally
        {
            // Stopped early (or failed): stop the reader before its queue goes away.
            if (!reader.IsCompleted)
            {
                stop.Cancel();
                try
                {
                    reader.GetAwaiter().GetResult();
                }
                catch (OperationCanceledException)
                {
                }
            }
        }
    }
}
