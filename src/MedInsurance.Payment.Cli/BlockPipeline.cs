using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace MedInsurance.Payment.Cli;

/// <summary>
/// 分块流水线 — hands a stream of records to the work in blocks, in input order. With two threads or more the next
/// blocks are read (the enumeration: reading and parsing) on another thread while the current one is processed; with one
/// everything runs on the calling thread. At most four blocks are alive (being read, two queued, being processed), so
/// memory is bounded by the block size whatever the input's length.
/// </summary>
internal static class BlockPipeline
{
    /// <summary>Runs <paramref name="process"/> over <paramref name="records"/> in blocks of <paramref name="blockSize"/>.</summary>
    /// <typeparam name="T">The record type.</typeparam>
    /// <param name="records">The records (enumerated once, on the reading thread).</param>
    /// <param name="blockSize">Records per block.</param>
    /// <param name="threads">1: one thread; ≥ 2: reading overlaps processing.</param>
    /// <param name="process">The work on one block.</param>
    public static void Run<T>(IEnumerable<T> records, int blockSize, int threads, Action<IReadOnlyList<T>> process)
    {
        // A processed block's list goes back to the reader: a block of large structs is on the large-object heap, and
        // a new one per block would cost a full collection every few blocks.
        var free = new ConcurrentQueue<List<T>>();
        foreach (var block in threads <= 1 ? Blocks(records, blockSize, free) : ReadAheadBlocks(records, blockSize, free))
        {
            process(block);
            block.Clear();
            free.Enqueue(block);
        }
    }

    /// <summary>
    /// The same records, read ahead: with two threads or more a background thread enumerates <paramref name="records"/>
    /// in blocks while the caller consumes them; with one, the records themselves.
    /// </summary>
    /// <typeparam name="T">The record type.</typeparam>
    /// <param name="records">The records (enumerated once, on the reading thread).</param>
    /// <param name="blockSize">Records per block.</param>
    /// <param name="threads">1: no read-ahead.</param>
    /// <returns>The records in order.</returns>
    public static IEnumerable<T> ReadAhead<T>(IEnumerable<T> records, int blockSize, int threads) =>
        threads <= 1 ? records : Flatten(ReadAheadBlocks(records, blockSize, null));

    private static IEnumerable<T> Flatten<T>(IEnumerable<List<T>> blocks)
    {
        foreach (var block in blocks)
        {
            foreach (var record in block)
            {
                yield return record;
            }
        }
    }

    // The records in blocks, on the calling thread; lists handed back through free are used again.
    private static IEnumerable<List<T>> Blocks<T>(IEnumerable<T> records, int blockSize, ConcurrentQueue<List<T>>? free)
    {
        List<T> Next() => free is not null && free.TryDequeue(out var recycled) ? recycled : new List<T>(blockSize);
        var block = Next();
        foreach (var record in records)
        {
            block.Add(record);
            if (block.Count == blockSize)
            {
                yield return block;
                block = Next();
            }
        }

        if (block.Count > 0)
        {
            yield return block;
        }
    }

    // The records in blocks made on a background thread, at most two waiting; an exception of the reader is rethrown
    // here, and a consumer that stops early (or fails) stops the reader before its queue goes away.
    private static IEnumerable<List<T>> ReadAheadBlocks<T>(IEnumerable<T> records, int blockSize, ConcurrentQueue<List<T>>? free)
    {
        using var full = new BlockingCollection<List<T>>(boundedCapacity: 2);
        using var stop = new CancellationTokenSource();
        var reader = Task.Run(() =>
        {
            try
            {
                foreach (var block in Blocks(records, blockSize, free))
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
                yield return block;
            }

            reader.GetAwaiter().GetResult();
        }
        finally
        {
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
