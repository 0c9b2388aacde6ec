using System;
using System.Text;

namespace MedInsurance.Payment.Interchange;

/// <summary>
/// 原始行块 — a block of split CSV rows copied out of <see cref="CsvByteReader"/>'s buffer: each row's bytes, its field
/// boundaries, its physical lines and its structural problem, exactly as the splitter saw them. The splitting thread
/// fills a block; another thread replays it (<see cref="CsvByteReader.Show(CsvRowBlock, int)"/>) to convert the rows,
/// so splitting (which must run in order) and converting (which need not) can run on different cores. A block is
/// reused after <see cref="Clear"/>; its arrays grow to the largest block seen and stay (bounded by the row limits).
/// </summary>
internal sealed class CsvRowBlock
{
    private byte[] _bytes = new byte[1 << 16];
    private int _byteCount;
    private int _fieldCount;
    private int[] _starts = new int[1 << 12];
    private int[] _ends = new int[1 << 12];
    private bool[] _escaped = new bool[1 << 12];
    private Row[] _rows = new Row[64];

    /// <summary>
    /// The encoding the splitting input had decided when the last row was added (null while an <c>auto</c> file has been
    /// ASCII so far): rows before the decision are ASCII, so every row of the block decodes the same with it.
    /// </summary>
    public Encoding? Encoding { get; set; }

    /// <summary>The rows in the block.</summary>
    public int Count { get; private set; }

    /// <summary>The bytes of all rows, one after the other (a row's fields are offsets from its start).</summary>
    internal byte[] Bytes => _bytes;

    /// <summary>Empties the block (its arrays are kept).</summary>
    public void Clear()
    {
        Count = 0;
        Encoding = null;
        _byteCount = 0;
        _fieldCount = 0;
    }

    /// <summary>Appends a row: its bytes, the start, end and quote-escape flag of each field, and what the splitter knew of it.</summary>
    public void Add(ReadOnlySpan<byte> record, int[] starts, int[] ends, bool[] escaped, int fieldCount, long firstLine, long lastLine, CsvRowProblem problem, int problemField, byte ascii)
    {
        if (Count == _rows.Length)
        {
            Array.Resize(ref _rows, Count * 2);
        }

        // Checked: this project is compiled unchecked, and a block of very wide rows (raised limits) must fail, not wrap.
        if (checked(_byteCount + record.Length) > _bytes.Length)
        {
            Array.Resize(ref _bytes, Math.Max(checked(_bytes.Length * 2), _byteCount + record.Length));
        }

        if (checked(_fieldCount + fieldCount) > _starts.Length)
        {
            var size = Math.Max(checked(_starts.Length * 2), _fieldCount + fieldCount);
            Array.Resize(ref _starts, size);
            Array.Resize(ref _ends, size);
            Array.Resize(ref _escaped, size);
        }

        record.CopyTo(new Span<byte>(_bytes, _byteCount, record.Length));
        Array.Copy(starts, 0, _starts, _fieldCount, fieldCount);
        Array.Copy(ends, 0, _ends, _fieldCount, fieldCount);
        Array.Copy(escaped, 0, _escaped, _fieldCount, fieldCount);
        _rows[Count++] = new Row(_byteCount, _fieldCount, fieldCount, firstLine, lastLine, problem, problemField, ascii);
        _byteCount += record.Length;
        _fieldCount += fieldCount;
    }

    /// <summary>Copies row <paramref name="index"/>'s field boundaries into the given arrays (grown when too small) and returns its description.</summary>
    internal Row Load(int index, ref int[] starts, ref int[] ends, ref bool[] escaped)
    {
        var row = _rows[index];
        if (starts.Length < row.FieldCount)
        {
            starts = new int[row.FieldCount];
            ends = new int[row.FieldCount];
            escaped = new bool[row.FieldCount];
        }

        Array.Copy(_starts, row.FieldBase, starts, 0, row.FieldCount);
        Array.Copy(_ends, row.FieldBase, ends, 0, row.FieldCount);
        Array.Copy(_escaped, row.FieldBase, escaped, 0, row.FieldCount);
        return row;
    }

    /// <summary>One row of the block.</summary>
    internal readonly struct Row
    {
        public Row(int offset, int fieldBase, int fieldCount, long firstLine, long lastLine, CsvRowProblem problem, int problemField, byte ascii)
        {
            Ascii = ascii;
            Offset = offset;
            FieldBase = fieldBase;
            FieldCount = fieldCount;
            FirstLine = firstLine;
            LastLine = lastLine;
            Problem = problem;
            ProblemField = problemField;
        }

        /// <summary>Where the row's bytes start in <see cref="Bytes"/>.</summary>
        public int Offset { get; }

        /// <summary>Where the row's fields start in the block's field arrays.</summary>
        public int FieldBase { get; }

        /// <summary>The row's field count.</summary>
        public int FieldCount { get; }

        /// <summary>The physical line the row starts on.</summary>
        public long FirstLine { get; }

        /// <summary>The physical line the row ends on.</summary>
        public long LastLine { get; }

        /// <summary>The row's structural problem.</summary>
        public CsvRowProblem Problem { get; }

        /// <summary>The field the problem is in, or −1.</summary>
        public int ProblemField { get; }

        /// <summary>Whether the record is all ASCII as the splitter found it: 0 not looked at, 1 all ASCII, 2 not.</summary>
        public byte Ascii { get; }
    }
}
