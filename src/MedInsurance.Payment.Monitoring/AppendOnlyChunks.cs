using System.Collections.Generic;

namespace MedInsurance.Payment.Monitoring;

/// <summary>
/// An append-only list kept as chunks of <see cref="ChunkSize"/> items: adding never copies what was added, and never asks
/// for one array the size of the whole list. A <see cref="List{T}"/> of the benchmark's 1.1 million short stays doubled its array
/// nineteen times, copying each time into pages the kernel had to clear first, on the monitor's one in-order thread
/// (docs/performance.md, change 45). Not thread-safe.
/// </summary>
/// <typeparam name="T">The items (small structs).</typeparam>
internal sealed class AppendOnlyChunks<T>
    where T : struct
{
    /// <summary>Items a chunk: 2¹⁴ (384 KB of 24-byte short stays).</summary>
    public const int ChunkSize = 1 << ChunkBits;

    private const int ChunkBits = 14;
    private readonly List<T[]> _chunks = new();

    /// <summary>How many items were added.</summary>
    public int Count { get; private set; }

    /// <summary>The item at <paramref name="index"/> (0 ≤ index &lt; <see cref="Count"/>; not checked beyond the chunk's bounds).</summary>
    /// <param name="index">The place, in the order added.</param>
    public ref readonly T this[int index] => ref _chunks[index >> ChunkBits][index & (ChunkSize - 1)];

    /// <summary>Adds an item after the others.</summary>
    /// <param name="item">The item.</param>
    public void Add(in T item)
    {
        var place = Count & (ChunkSize - 1);
        if (place == 0)
        {
            _chunks.Add(new T[ChunkSize]);
        }

        _chunks[_chunks.Count - 1][place] = item;
        Count++;
    }
}
