using System;
using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using System.Threading;

namespace MedInsurance.Payment.Monitoring;

/// <summary>
/// Reads a <see cref="ResultsFile"/> on a thread of its own, a block of rows ahead of the join, so parsing the results
/// (ids, groups, numbers) does not run on the thread that joins them to the cases in file order. At most
/// <see cref="BlocksAhead"/> blocks of <see cref="BlockRows"/> rows are held: memory does not grow with the file. The rows
/// come out exactly as <see cref="ResultsFile.Next(out string, out CaseResult)"/> gives them, in order; an error while reading is rethrown by
/// <see cref="Next"/>. The file's counters (<see cref="ResultsFile.Rows"/>, the unreadable counts) are final once
/// <see cref="Next"/> has returned false.
/// </summary>
internal sealed class ResultsReadAhead : IDisposable
{
    /// <summary>Rows per block.</summary>
    public const int BlockRows = 4096;

    /// <summary>Blocks read ahead at most.</summary>
    public const int BlocksAhead = 8;

    private readonly BlockingCollection<Block> _full = new(BlocksAhead);
    private readonly ConcurrentBag<Block> _free = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Thread _thread;
    private ExceptionDispatchInfo? _error;
    private Block? _current;
    private int _next;
    private bool _ended;

    /// <summary>Starts reading <paramref name="file"/> (owned: disposed with this).</summary>
    public ResultsReadAhead(ResultsFile file)
    {
        File = file ?? throw new ArgumentNullException(nameof(file));
        _thread = new Thread(Read) { IsBackground = true, Name = "MedInsurance.Payment results read-ahead" };
        _thread.Start();
    }

    /// <summary>The file read; its counters are final once <see cref="Next"/> has returned false.</summary>
    public ResultsFile File { get; }

    /// <summary>The next row's id and result, in file order; false at the end of the file.</summary>
    public bool Next(out string id, out CaseResult result)
    {
        while (_current is null || _next == _current.Count)
        {
            if (_current is not null)
            {
                _free.Add(_current);
                _current = null;
            }

            if (_ended || !_full.TryTake(out _current, Timeout.Infinite))
            {
                _ended = true;
                _thread.Join();
                _error?.Throw();
                id = string.Empty;
                result = null!;
                return false;
            }

            _next = 0;
        }

        id = _current.Ids[_next];
        result = _current.Results[_next];
        _next++;
        return true;
    }

    /// <summary>Stops the reading thread (when the join ends early) and closes the file.</summary>
    public void Dispose()
    {
        _stop.Cancel();
        _thread.Join();
        _full.Dispose();
        _stop.Dispose();
        File.Dispose();
    }

    private void Read()
    {
        try
        {
            while (true)
            {
                if (!_free.TryTake(out var block))
                {
                    block = new Block();
                }

                block.Count = 0;
                while (block.Count < BlockRows && File.Next(out var id, out var result))
                {
                    block.Ids[block.Count] = id;
                    block.Results[block.Count] = result;
                    block.Count++;
                }

                if (block.Count > 0)
                {
                    _full.Add(block, _stop.Token);
                }

                if (block.Count < BlockRows)
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Disposed before the end: nobody reads further.
        }
        catch (Exception e)
        {
            _error = ExceptionDispatchInfo.Capture(e);
        }
        finally
        {
            _full.CompleteAdding();
        }
    }

    private sealed class Block
    {
        public readonly string[] Ids = new string[BlockRows];
        public readonly CaseResult[] Results = new CaseResult[BlockRows];
        public int Count;
    }
}
