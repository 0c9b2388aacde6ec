using System.Collections.Generic;

namespace MedInsurance.Payment.Monitoring;

/// <summary>
/// The severe cases kept for the severity-mix review (高套信号的复核病例): for each hospital × ADRG cell, its first severe
/// cases (row and case id) in file order, up to the profile's maximum, until <see cref="SupervisionMonitor.Finish"/> lists
/// those of the cells that drive a hospital's shift. At 10 000 000 cases that is millions of entries kept for the whole
/// run, so they are kept without an object each: the rows and cells in fixed chunks of structs, the ids' characters in
/// chunks of <see cref="char"/>s. A list of (row, id string) per cell kept every id as a string the collector copied from
/// generation to generation and marked at every full collection (docs/performance.md, "Fewer objects that live long").
/// Not thread-safe.
/// </summary>
internal sealed class SevereCaseBook
{
    private const int EntryChunk = 1 << 16;
    private const int CharChunk = 1 << 20;
    private readonly List<Entry[]> _entries = new();
    private readonly List<char[]> _chars = new();
    private int _entryFill = EntryChunk;
    private int _charFill = CharChunk;

    /// <summary>How many cases are kept.</summary>
    public int Count { get; private set; }

    /// <summary>Keeps a severe case of a cell (cells are numbered by the caller); its row is 1 to <see cref="int.MaxValue"/>.</summary>
    public void Add(int cell, int row, string caseId)
    {
        if (_entryFill == EntryChunk)
        {
            _entries.Add(new Entry[EntryChunk]);
            _entryFill = 0;
        }

        int chunk, offset;
        if (caseId.Length > CharChunk / 16)
        {
            // A long id (rare): a chunk of its own, so that chunks stay filled.
            _chars.Add(caseId.ToCharArray());
            chunk = _chars.Count - 1;
            offset = 0;
            _charFill = CharChunk; // the next id starts a new chunk after this one
        }
        else
        {
            if (_charFill + caseId.Length > CharChunk)
            {
                _chars.Add(new char[CharChunk]);
                _charFill = 0;
            }

            chunk = _chars.Count - 1;
            offset = _charFill;
            caseId.CopyTo(0, _chars[chunk], offset, caseId.Length);
            _charFill += caseId.Length;
        }

        _entries[_entries.Count - 1][_entryFill++] = new Entry(cell, row, chunk, offset, caseId.Length);
        Count++;
    }

    /// <summary>The kept cases of the marked cells, each cell's in the order they were added (file order).</summary>
    /// <param name="marked">Whether a cell is wanted, by cell number (cells past its end are not).</param>
    public Dictionary<int, List<(long Row, string CaseId)>> Of(bool[] marked)
    {
        var result = new Dictionary<int, List<(long Row, string CaseId)>>();
        for (var i = 0; i < Count; i++)
        {
            ref readonly var e = ref _entries[i / EntryChunk][i % EntryChunk];
            if (e.Cell >= marked.Length || !marked[e.Cell])
            {
                continue;
            }

            if (!result.TryGetValue(e.Cell, out var list))
            {
                result.Add(e.Cell, list = new List<(long Row, string CaseId)>());
            }

            list.Add((e.Row, new string(_chars[e.Chunk], e.Offset, e.Length)));
        }

        return result;
    }

    /// <summary>A kept case: 20 bytes.</summary>
    private readonly struct Entry
    {
        public Entry(int cell, int row, int chunk, int offset, int length)
        {
            Cell = cell;
            Row = row;
            Chunk = chunk;
            Offset = offset;
            Length = length;
        }

        public int Cell { get; }

        public int Row { get; }

        public int Chunk { get; }

        public int Offset { get; }

        public int Length { get; }
    }
}
