using System;
using System.Collections.Generic;
using System.Threading.Tasks;

namespace MedInsurance.Payment.Monitoring;

/// <summary>
/// The per-person stays of a monitor run, kept in fixed chunks of 65 536 records while cases are added (no list that doubles
/// and copies: at 10 000 000 stays a <c>List</c> would hold 512 MB of capacity plus the 256 MB it copies from), then
/// <see cref="TakeSortedBuckets"/> distributes them by the top bits of the patient hash into buckets of a few thousand
/// records, freeing each chunk once distributed, and sorts the buckets on the available cores. A person's stays all fall
/// in one bucket, and the buckets in order are the stays in <see cref="PersonStay"/> order (docs/monitoring.md, Memory).
/// </summary>
internal sealed class PersonStayBook
{
    private const int ChunkSize = 1 << 16;
    private const int TargetBucket = 4096;
    private readonly List<PersonStay[]> _chunks = new();
    private int _fill = ChunkSize;

    /// <summary>How many stays were added.</summary>
    public long Count { get; private set; }

    /// <summary>Adds a stay.</summary>
    public void Add(in PersonStay stay)
    {
        if (_fill == ChunkSize)
        {
            _chunks.Add(new PersonStay[ChunkSize]);
            _fill = 0;
        }

        _chunks[_chunks.Count - 1][_fill++] = stay;
        Count++;
    }

    /// <summary>
    /// The stays in buckets by the top bits of the patient hash, each bucket sorted (<see cref="PersonStay.CompareTo"/>);
    /// the book is empty afterwards. <paramref name="threads"/> buckets are sorted at once.
    /// </summary>
    public PersonStay[][] TakeSortedBuckets(int threads)
    {
        var bits = 0;
        while (bits < 20 && (Count >> bits) > TargetBucket)
        {
            bits++;
        }

        var shift = 64 - bits;
        int BucketOf(ulong patient) => bits == 0 ? 0 : (int)(patient >> shift);
        var sizes = new int[1 << bits];
        ForEachStay(s => sizes[BucketOf(s.Patient)]++, release: false);
        var buckets = new PersonStay[sizes.Length][];
        for (var b = 0; b < buckets.Length; b++)
        {
            buckets[b] = sizes[b] == 0 ? Array.Empty<PersonStay>() : new PersonStay[sizes[b]];
            sizes[b] = 0;
        }

        ForEachStay(
            s =>
            {
                var b = BucketOf(s.Patient);
                buckets[b][sizes[b]++] = s;
            },
            release: true);
        Count = 0;
        _fill = ChunkSize;
        Parallel.For(0, buckets.Length, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads) }, b => Array.Sort(buckets[b]));
        return buckets;
    }

    /// <summary>Calls <paramref name="action"/> for every stay in the order added; with <paramref name="release"/> each chunk is
    /// let go once read, so the buckets and the chunks are never both whole in memory.</summary>
    private void ForEachStay(Action<PersonStay> action, bool release)
    {
        for (var c = 0; c < _chunks.Count; c++)
        {
            var chunk = _chunks[c];
            var length = c == _chunks.Count - 1 ? _fill : ChunkSize;
            for (var i = 0; i < length; i++)
            {
                action(chunk[i]);
            }

            if (release)
            {
                _chunks[c] = null!;
            }
        }

        if (release)
        {
            _chunks.Clear();
        }
    }
}
