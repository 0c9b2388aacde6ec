using System;
using System.Collections.Generic;

namespace MedInsurance.Payment.Monitoring;

/// <summary>
/// The per-person stays of a monitor run, distributed as they are added into <see cref="BucketCount"/> buckets by the top
/// bits of the patient hash, each bucket a list of chunks of <see cref="ChunkSize"/> records. A person's stays all fall in
/// one bucket, and the buckets in order, each sorted, are the stays in <see cref="PersonStay"/> order: the readmission
/// scan sorts one bucket at a time where its chunks lie (<see cref="TakeChunks"/>, <see cref="PersonStaySort.SortBucket"/>) and scans it, on several threads, and never needs a second
/// whole copy of the records, nor a pass that distributes them at the end (docs/performance.md, change 19). The chunks'
/// unfilled tails cost at most 8 KB a bucket (8 MB in all); a bucket is allocated when its first stay comes.
/// </summary>
internal sealed class PersonStayBook
{
    /// <summary>How many buckets: 2¹⁰, so that the buckets' last chunks (64 KB of lines being filled) stay in the core's cache
    /// while cases are added; 10 000 000 stays make buckets of about 9 800 records (310 KB) to sort.</summary>
    public const int BucketCount = 1 << Bits;

    /// <summary>Records a chunk (8 KB).</summary>
    public const int ChunkSize = 1 << ChunkBits;

    /// <summary>The bits of a stay's place in its bucket that name its place in a chunk (<see cref="ChunkSize"/> = 2⁸).</summary>
    public const int ChunkBits = 8;

    /// <summary>The top bits of the patient hash that name a stay's bucket (all the stays of a bucket share them).</summary>
    internal const int Bits = 10;
    private readonly List<PersonStay[]>?[] _full = new List<PersonStay[]>?[BucketCount];
    private readonly PersonStay[]?[] _tail = new PersonStay[]?[BucketCount];
    private readonly int[] _fill = new int[BucketCount];

    /// <summary>How many stays were added.</summary>
    public long Count { get; private set; }

    /// <summary>The bucket of a patient hash: its top 10 bits.</summary>
    public static int BucketOf(ulong patient) => (int)(patient >> (64 - Bits));

    /// <summary>Adds a stay to its bucket: to the bucket's last chunk, kept apart so that adding reads two places.</summary>
    public void Add(in PersonStay stay)
    {
        var b = BucketOf(stay.Patient);
        var tail = _tail[b];
        if (tail is null || _fill[b] == ChunkSize)
        {
            if (tail is not null)
            {
                (_full[b] ??= new List<PersonStay[]>()).Add(tail);
            }

            _tail[b] = tail = new PersonStay[ChunkSize];
            _fill[b] = 0;
        }

        tail[_fill[b]++] = stay;
        Count++;
    }

    /// <summary>How many stays bucket <paramref name="bucket"/> holds.</summary>
    public int SizeOf(int bucket) => _tail[bucket] is null ? 0 : ((_full[bucket]?.Count ?? 0) * ChunkSize) + _fill[bucket];

    /// <summary>
    /// Puts bucket <paramref name="bucket"/>'s chunks in <paramref name="chunks"/> (grown when short), in the order added, and
    /// lets the bucket go: every chunk but the last is full. Returns how many stays they hold.
    /// </summary>
    /// <param name="bucket">The bucket.</param>
    /// <param name="chunks">The chunks, from the first; the caller's scratch array.</param>
    /// <param name="chunkCount">How many chunks were put.</param>
    /// <returns>How many stays: <c>(chunkCount − 1) × ChunkSize</c> and the last chunk's fill.</returns>
    public int TakeChunks(int bucket, ref PersonStay[][] chunks, out int chunkCount)
    {
        var size = SizeOf(bucket);
        chunkCount = (size + ChunkSize - 1) / ChunkSize;
        if (chunks.Length < chunkCount)
        {
            chunks = new PersonStay[Math.Max(chunkCount, chunks.Length * 2)][];
        }

        var at = 0;
        if (_full[bucket] is { } full)
        {
            foreach (var chunk in full)
            {
                chunks[at++] = chunk;
            }
        }

        if (_tail[bucket] is { } tail)
        {
            chunks[at] = tail;
        }

        _full[bucket] = null;
        _tail[bucket] = null;
        _fill[bucket] = 0;
        return size;
    }

    /// <summary>
    /// Copies bucket <paramref name="bucket"/>'s stays, in the order added, to the start of <paramref name="target"/>
    /// (grown when too small) and lets the bucket's chunks go; returns how many. Buckets are independent: different threads
    /// may take different buckets at once.
    /// </summary>
    public int CopyBucket(int bucket, ref PersonStay[] target)
    {
        var size = SizeOf(bucket);
        if (target.Length < size)
        {
            target = new PersonStay[Math.Max(size, target.Length * 2)];
        }

        var at = 0;
        if (_full[bucket] is { } full)
        {
            foreach (var chunk in full)
            {
                Array.Copy(chunk, 0, target, at, ChunkSize);
                at += ChunkSize;
            }
        }

        if (_tail[bucket] is { } tail)
        {
            Array.Copy(tail, 0, target, at, _fill[bucket]);
        }

        _full[bucket] = null;
        _tail[bucket] = null;
        _fill[bucket] = 0;
        return size;
    }
}
