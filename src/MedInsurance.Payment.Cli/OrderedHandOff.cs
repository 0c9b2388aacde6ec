using System;
using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using System.Threading;

namespace MedInsurance.Payment.Cli;

/// <summary>
/// 顺序移交 — runs <c>work</c> on a thread of its own over the items posted, one at a time and in the order they were
/// posted, so work that must see the items in file order (a monitor that is not thread-safe) leaves the thread that reads
/// the file. At most <c>capacity</c> items wait: memory does not grow with the file (and a producer blocked in
/// <see cref="Post"/> does no other work meanwhile). An exception of the work is rethrown by a later <see cref="Post"/> (the
/// next one, or one a few items later when it raced with the failure) or by <see cref="Complete"/>, and no item is worked on
/// after it.
/// </summary>
/// <typeparam name="T">An item.</typeparam>
internal sealed class OrderedHandOff<T> : IDisposable
{
    private readonly BlockingCollection<T> _queue;
    private readonly CancellationTokenSource _failed = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Thread _thread;
    private ExceptionDispatchInfo? _error;
    private bool _disposed;

    /// <summary>Starts the thread.</summary>
    /// <param name="work">The work on one item (on the hand-off's thread).</param>
    /// <param name="capacity">Items waiting at most; <see cref="Post"/> blocks while that many wait.</param>
    /// <param name="name">The thread's name.</param>
    public OrderedHandOff(Action<T> work, int capacity, string name)
    {
        _queue = new BlockingCollection<T>(capacity);
        _thread = new Thread(() =>
        {
            try
            {
                foreach (var item in _queue.GetConsumingEnumerable(_stop.Token))
                {
                    work(item);
                }
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                // Disposed before the end: the producer failed or stopped.
            }
            catch (Exception e)
            {
                _error = ExceptionDispatchInfo.Capture(e);
                _failed.Cancel();
            }
        })
        { IsBackground = true, Name = name };
        _thread.Start();
    }

    /// <summary>Hands the next item over (blocks while the queue is full); rethrows the work's exception if it failed.</summary>
    public void Post(T item)
    {
        try
        {
            _queue.Add(item, _failed.Token);
        }
        catch (OperationCanceledException)
        {
            _thread.Join();
            _error!.Throw();
        }
    }

    /// <summary>Waits until every item posted has been worked on; rethrows the work's exception if it failed.</summary>
    public void Complete()
    {
        _queue.CompleteAdding();
        _thread.Join();
        _error?.Throw();
    }

    /// <summary>Stops the thread after the item it is working on (the items still waiting are dropped: the producer failed or
    /// stopped) and frees the queue; after <see cref="Complete"/> there is nothing left to stop.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _stop.Cancel();
        _thread.Join();
        _queue.Dispose();
        _failed.Dispose();
        _stop.Dispose();
    }
}
