using System;
using System.IO;
#if NET
using System.Numerics;
using System.Runtime.Intrinsics;
#endif

namespace MedInsurance.Payment.Interchange;

/// <summary>What is structurally wrong with a row, if anything.</summary>
internal enum CsvRowProblem
{
    None = 0,

    /// <summary>A quote inside an unquoted field, or text after a closing quote on the same line.</summary>
    StrayQuote,

    /// <summary>A quote opened and not closed before the end of the file, the field limit, or text that cannot follow a closing quote.</summary>
    UnterminatedQuote,

    /// <summary>A field longer than the field limit.</summary>
    FieldTooLong,

    /// <summary>A row wider than the row limit.</summary>
    RowTooWide,

    /// <summary>More fields than the column limit.</summary>
    TooManyColumns,
}

/// <summary>
/// 字节级CSV切分 — splits a byte stream into RFC 4180 records without decoding it: the delimiter, quote and line
/// breaks are ASCII, and in UTF-8 and GB18030 no byte of a multi-byte character is below 0x30, so splitting on bytes
/// is exact for both. Fields are handed out as byte spans of one reused buffer (valid until the next
/// <see cref="MoveNext"/>); decoding is left to the caller, field by field.
/// </summary>
/// <remarks>
/// <para>Recovery: a quote that is not closed (end of file, a closing quote followed by other text on a later line,
/// or a quoted field past the field limit after a line break) rejects only the line it opened on: the record is cut
/// to the fields on that line, <see cref="Problem"/> says why, and reading resumes at the next line. A row past the
/// row limit is skipped to the end of its first line the same way. So a bad quote never swallows the rows after it.</para>
/// <para>Empty lines are skipped and counted. Lines end with LF, CRLF or a lone CR. Memory is the buffer: twice the row
/// limit, at least 256 KiB, whatever the file size. Not thread-safe.</para>
/// </remarks>
internal sealed class CsvByteReader : IDisposable
{
    private const byte Quote = (byte)'"';
    private const byte Comma = (byte)',';
    private const byte Lf = (byte)'\n';
    private const byte Cr = (byte)'\r';

    private readonly Stream _stream;
    private readonly bool _ownsStream;
    private readonly int _maxField;
    private readonly int _maxRow;
    private readonly int _maxColumns;
    private readonly long _length;
    private byte[] _buffer;
    private int _end;
    private bool _eof;
    private int _ascii; // the current record: 0 not yet known, 1 all ASCII, 2 not
    private int _cur;
    private int _next;
    private int[] _starts = new int[32];
    private int[] _ends = new int[32];
    private bool[] _escaped = new bool[32];
    private byte[] _scratch = new byte[256];
    private long _line = 1;
    private long _discarded;

    public CsvByteReader(Stream stream, CsvReadOptions options, bool ownsStream)
        : this(stream, options, ownsStream, replay: false)
    {
    }

    private CsvByteReader(Stream stream, CsvReadOptions options, bool ownsStream, bool replay)
    {
        _stream = stream ?? throw new ArgumentNullException(nameof(stream));
        _ownsStream = ownsStream;
        var o = (options ?? CsvReadOptions.Default).Normalized();
        _maxField = o.MaxFieldBytes;
        _maxRow = o.MaxRowBytes;
        _maxColumns = o.MaxColumns;
        _buffer = replay ? Array.Empty<byte>() : new byte[Math.Max(1 << 18, (_maxRow * 2) + 16)];
        _length = replay ? -1 : RemainingLength(stream);
    }

    /// <summary>The bytes consumed so far: up to the end of the current record.</summary>
    public long Position => _discarded + _next;

    /// <summary>
    /// How many records the whole stream holds, extrapolated from the <paramref name="records"/> read in the first
    /// <see cref="Position"/> bytes; −1 when the stream's length is unknown (not seekable) or nothing was read yet. An
    /// estimate for sizing tables up front, never a count.
    /// </summary>
    /// <param name="records">Records read so far.</param>
    /// <returns>The estimate, or −1.</returns>
    public long EstimateRecords(long records)
    {
        var position = Position;
        if (_length <= 0 || records <= 0 || position <= 0)
        {
            return -1;
        }

        // records × length / position, without overflowing.
        return records <= long.MaxValue / _length ? records * _length / position : long.MaxValue;
    }

    /// <summary>The fields of the current record (after a problem, only those on its first line).</summary>
    public int FieldCount { get; private set; }

    /// <summary>The physical line the current record starts on (1-based, the header is line 1).</summary>
    public long FirstLine { get; private set; }

    /// <summary>The physical line the current record ends on.</summary>
    public long LastLine { get; private set; }

    /// <summary>What is wrong with the current record.</summary>
    public CsvRowProblem Problem { get; private set; }

    /// <summary>The field the problem concerns, or −1.</summary>
    public int ProblemField { get; private set; } = -1;

    /// <summary>Physical lines consumed so far.</summary>
    public long Lines { get; private set; }

    /// <summary>Empty lines skipped so far.</summary>
    public long BlankLines { get; private set; }

    /// <summary>The buffered bytes from the start of the stream that are not yet consumed (for encoding detection before the first record).</summary>
    public ReadOnlySpan<byte> Peek(int atLeast)
    {
        while (!_eof && _end - _next < atLeast && _end < _buffer.Length)
        {
            Fill();
        }

        return new ReadOnlySpan<byte>(_buffer, _next, _end - _next);
    }

    /// <summary>Whether the buffered prefix (see <see cref="Peek"/>) reaches the end of the stream.</summary>
    public bool PeekIsComplete => _eof;

    /// <summary>Skips bytes at the current position (a byte-order mark before the first record).</summary>
    public void Skip(int count) => _next = Math.Min(_end, _next + count);

    /// <summary>The bytes of the whole current record, quotes and delimiters included (on its first line only after a problem).</summary>
    public ReadOnlySpan<byte> RecordBytes => FieldCount == 0
        ? ReadOnlySpan<byte>.Empty
        : new ReadOnlySpan<byte>(_buffer, _cur, _ends[FieldCount - 1]);

    /// <summary>Whether every byte of the current record is ASCII (found once per record, on the first question): then so
    /// is every field of it, and a field's own check is skipped (<see cref="IsAscii"/>).</summary>
    public bool RecordIsAscii
    {
        get
        {
            if (_ascii == 0)
            {
                _ascii = TextEncodings.IsAscii(RecordBytes) ? 1 : 2;
            }

            return _ascii == 1;
        }
    }

    /// <summary>Whether the bytes of a field of the current record are ASCII: at once when the whole record is (a record
    /// read without a problem holds every field's bytes), else by looking at them.</summary>
    /// <param name="field">A field of the current record.</param>
    /// <returns>Whether they are ASCII.</returns>
    public bool IsAscii(ReadOnlySpan<byte> field) => (Problem == CsvRowProblem.None && RecordIsAscii) || TextEncodings.IsAscii(field);

    /// <summary>The bytes of field <paramref name="index"/>, unescaped and without surrounding spaces; empty when absent.</summary>
    public ReadOnlySpan<byte> Field(int index)
    {
        if (index < 0 || index >= FieldCount)
        {
            return ReadOnlySpan<byte>.Empty;
        }

        var span = new ReadOnlySpan<byte>(_buffer, _cur + _starts[index], _ends[index] - _starts[index]);
        if (_escaped[index])
        {
            span = Unescape(span);
        }

        return Trim(span);
    }

    /// <summary>Moves to the next record; false at the end of the stream.</summary>
    /// <summary>
    /// A reader that reads no stream: it only shows rows of <see cref="CsvRowBlock"/>s split by another reader
    /// (<see cref="Show(CsvRowBlock, int)"/>), so the rows can be converted on another thread.
    /// </summary>
    /// <returns>The replaying reader.</returns>
    public static CsvByteReader ForBlocks() => new(Stream.Null, CsvReadOptions.Default, ownsStream: false, replay: true);

    /// <summary>Appends the current record to <paramref name="block"/> (its bytes, fields, lines and problem).</summary>
    /// <param name="block">The block being filled.</param>
    public void CopyTo(CsvRowBlock block) =>
        block.Add(RecordBytes, _starts, _ends, _escaped, FieldCount, FirstLine, LastLine, Problem, ProblemField, (byte)_ascii);

    /// <summary>Makes row <paramref name="index"/> of <paramref name="block"/> the current record, as the splitter saw it.</summary>
    /// <param name="block">A block filled by <see cref="CopyTo(CsvRowBlock)"/>.</param>
    /// <param name="index">The row in the block.</param>
    public void Show(CsvRowBlock block, int index)
    {
        var row = block.Load(index, ref _starts, ref _ends, ref _escaped);
        _buffer = block.Bytes;
        _cur = row.Offset;
        _next = _cur;
        _end = _cur;
        _eof = true;
        FieldCount = row.FieldCount;
        FirstLine = row.FirstLine;
        LastLine = row.LastLine;
        Problem = row.Problem;
        ProblemField = row.ProblemField;
        _ascii = row.Ascii; // as the splitter found it (its row checks look first): each record's bytes are scanned once
    }

    public bool MoveNext()
    {
        _ascii = 0;
        FieldCount = 0;
        Problem = CsvRowProblem.None;
        ProblemField = -1;
        _cur = _next;
        while (true)
        {
            if (!Has(0))
            {
                return false;
            }

            var b = At(0);
            if (b == Lf)
            {
                EndBlank(1);
            }
            else if (b == Cr)
            {
                EndBlank(Has(1) && At(1) == Lf ? 2 : 1);
            }
            else
            {
                break;
            }
        }

        FirstLine = _line;
        if (TryUnquotedLine())
        {
            return true;
        }

        var i = 0;
        var breaks = 0;
        while (true)
        {
            var k = i;
            while (Has(k) && At(k) is (byte)' ' or (byte)'\t')
            {
                k++;
            }

            if (Has(k) && At(k) == Quote)
            {
                var contentStart = k + 1;
                var escaped = false;
                k = contentStart;
                while (true)
                {
                    if (k > _maxRow || (breaks > 0 && k - contentStart > _maxField))
                    {
                        return Recover(breaks > 0 ? CsvRowProblem.UnterminatedQuote : CsvRowProblem.RowTooWide, k);
                    }

                    if (!Has(k))
                    {
                        return Recover(CsvRowProblem.UnterminatedQuote, k);
                    }

                    var c = At(k);
                    if (c == Quote)
                    {
                        if (Has(k + 1) && At(k + 1) == Quote)
                        {
                            escaped = true;
                            k += 2;
                            continue;
                        }

                        break;
                    }

                    if (c == Lf || (c == Cr && !(Has(k + 1) && At(k + 1) == Lf)))
                    {
                        breaks++;
                    }

                    k++;
                }

                var contentEnd = k;
                k++;
                while (Has(k) && At(k) is (byte)' ' or (byte)'\t')
                {
                    k++;
                }

                if (Has(k) && At(k) is not (Comma or Lf or Cr))
                {
                    if (breaks > 0)
                    {
                        return Recover(CsvRowProblem.UnterminatedQuote, k);
                    }

                    // Text after a closing quote on the same line: keep the raw field, reject the row.
                    Flag(CsvRowProblem.StrayQuote, FieldCount);
                    k = ScanUnquoted(k);
                    if (k < 0)
                    {
                        return Recover(CsvRowProblem.RowTooWide, -k);
                    }

                    AddField(i, k, false);
                }
                else
                {
                    AddField(contentStart, contentEnd, escaped);
                }
            }
            else
            {
                k = ScanUnquoted(i);
                if (k < 0)
                {
                    return Recover(CsvRowProblem.RowTooWide, -k);
                }

                AddField(i, k, false);
            }

            if (Has(k) && At(k) == Comma)
            {
                i = k + 1;
                continue;
            }

            EndRecord(k, breaks);
            return true;
        }
    }

    public void Dispose()
    {
        if (_ownsStream)
        {
            _stream.Dispose();
        }
    }

    /// <summary>
    /// The common case, vectorized: a whole line already buffered, within the row limit and without any quote, is
    /// split at its commas with <c>IndexOf</c> instead of byte by byte. False (nothing consumed) otherwise.
    /// </summary>
    private bool TryUnquotedLine()
    {
        var available = new ReadOnlySpan<byte>(_buffer, _cur, Math.Min(_end - _cur, _maxRow + 1));
        var end = available.IndexOfAny(Lf, Cr, Quote);
        if (end < 0 || available[end] == Quote)
        {
            return false;
        }

#if NET
        if (Vector256.IsHardwareAccelerated && _cur + end + Vector256<byte>.Count <= _buffer.Length)
        {
            SplitAtCommas(end);
            return true;
        }
#endif

        var line = available.Slice(0, end);
        var start = 0;
        while (true)
        {
            var comma = line.Slice(start).IndexOf(Comma);
            if (comma < 0)
            {
                AddField(start, end, false);
                break;
            }

            AddField(start, start + comma, false);
            start += comma + 1;
        }

        EndRecord(end, 0);
        return true;
    }

#if NET
    /// <summary>
    /// Splits the line of <paramref name="end"/> bytes at <see cref="_cur"/> (no quote in it, its end found) at its commas:
    /// 32 bytes compared at once, the commas taken from the bit mask one by one. One <c>IndexOf</c> per field cost a call
    /// and a vector set-up for every 7-byte field (docs/performance.md, "The line split in one pass"). The buffer holds
    /// 32 bytes from every position before <paramref name="end"/> (checked by the caller); bytes past the line are masked off.
    /// </summary>
    private void SplitAtCommas(int end)
    {
        ref var line = ref _buffer[_cur];
        var commas = Vector256.Create(Comma);
        var start = 0;
        for (var position = 0; position < end; position += Vector256<byte>.Count)
        {
            var mask = Vector256.Equals(Vector256.LoadUnsafe(ref line, (nuint)position), commas).ExtractMostSignificantBits();
            if (end - position < Vector256<byte>.Count)
            {
                mask &= (1u << (end - position)) - 1;
            }

            while (mask != 0)
            {
                var comma = position + BitOperations.TrailingZeroCount(mask);
                AddField(start, comma, false);
                start = comma + 1;
                mask &= mask - 1;
            }
        }

        AddField(start, end, false);
        EndRecord(end, 0);
    }
#endif

    /// <summary>Scans an unquoted field from <paramref name="k"/> to its delimiter or line end; a negative position when the row limit is passed.</summary>
    private int ScanUnquoted(int k)
    {
        while (true)
        {
            if (k > _maxRow)
            {
                return -k;
            }

            if (!Has(k))
            {
                return k;
            }

            var c = At(k);
            if (c is Comma or Lf or Cr)
            {
                return k;
            }

            if (c == Quote)
            {
                Flag(CsvRowProblem.StrayQuote, FieldCount);
            }

            k++;
        }
    }

    private void AddField(int start, int end, bool escaped)
    {
        if (FieldCount >= _maxColumns)
        {
            Flag(CsvRowProblem.TooManyColumns, -1);
            return;
        }

        if (end - start > _maxField)
        {
            Flag(CsvRowProblem.FieldTooLong, FieldCount);
        }

        if (FieldCount == _starts.Length)
        {
            Array.Resize(ref _starts, FieldCount * 2);
            Array.Resize(ref _ends, FieldCount * 2);
            Array.Resize(ref _escaped, FieldCount * 2);
        }

        _starts[FieldCount] = start;
        _ends[FieldCount] = end;
        _escaped[FieldCount] = escaped;
        FieldCount++;
    }

    private void Flag(CsvRowProblem problem, int field)
    {
        if (Problem == CsvRowProblem.None)
        {
            Problem = problem;
            ProblemField = field;
        }
    }

    /// <summary>Ends the record at <paramref name="k"/> (a line break or the end of the stream).</summary>
    private void EndRecord(int k, int breaks)
    {
        if (Has(k))
        {
            k += At(k) == Cr && Has(k + 1) && At(k + 1) == Lf ? 2 : 1;
        }

        _next = _cur + k;
        LastLine = FirstLine + breaks;
        _line = LastLine + 1;
        Lines += breaks + 1;
    }

    private void EndBlank(int length)
    {
        _cur += length;
        _next = _cur;
        _line++;
        Lines++;
        BlankLines++;
    }

    /// <summary>
    /// Rejects the record's first line and resumes at the line after it: the record keeps the fields that lie wholly on
    /// that line. When the first line itself is past the row limit, it is skipped to its end without keeping it.
    /// </summary>
    private bool Recover(CsvRowProblem problem, int reached)
    {
        Problem = problem;
        ProblemField = -1;
        var known = Math.Min(reached, _end - _cur);
        var lineEnd = -1;
        for (var k = 0; k < known; k++)
        {
            if (At(k) is Lf or Cr)
            {
                lineEnd = k;
                break;
            }
        }

        if (lineEnd < 0 && reached <= _maxRow && !Has(known))
        {
            // The first line runs to the end of the file.
            lineEnd = known;
        }

        LastLine = FirstLine;
        _line = FirstLine + 1;
        Lines++;
        if (lineEnd < 0)
        {
            // The first line is wider than the row limit: drop what is buffered and skip to its end.
            FieldCount = 0;
            var k = known;
            while (true)
            {
                if (!Has(k))
                {
                    _next = _cur + k;
                    return true;
                }

                var c = At(k);
                if (c is Lf or Cr)
                {
                    _next = _cur + k + (c == Cr && Has(k + 1) && At(k + 1) == Lf ? 2 : 1);
                    return true;
                }

                k++;
                if (k > _maxRow)
                {
                    // Forget the bytes scanned so far (keeps memory bounded).
                    _cur += k;
                    _next = _cur;
                    k = 0;
                }
            }
        }

        while (FieldCount > 0 && _ends[FieldCount - 1] > lineEnd)
        {
            FieldCount--;
        }

        _next = _cur + lineEnd;
        if (Has(lineEnd))
        {
            _next += At(lineEnd) == Cr && Has(lineEnd + 1) && At(lineEnd + 1) == Lf ? 2 : 1;
        }

        return true;
    }

    private byte At(int k) => _buffer[_cur + k];

    /// <summary>Whether byte <paramref name="k"/> of the current record is available, reading more as needed.</summary>
    private bool Has(int k)
    {
        if (_cur + k < _end)
        {
            return true;
        }

        while (_cur + k >= _end)
        {
            if (_eof)
            {
                return false;
            }

            Fill();
        }

        return true;
    }

    /// <summary>Reads more bytes, first moving the current record to the start of the buffer.</summary>
    private void Fill()
    {
        var keep = Math.Min(_cur, _next);
        if (keep > 0)
        {
            Buffer.BlockCopy(_buffer, keep, _buffer, 0, _end - keep);
            _discarded += keep;
            _end -= keep;
            _cur -= keep;
            _next -= keep;
        }

        if (_end == _buffer.Length)
        {
            // Cannot happen within the limits (the buffer is twice the row limit); guard against a loop.
            throw new InvalidOperationException("CSV buffer full.");
        }

        var read = _stream.Read(_buffer, _end, _buffer.Length - _end);
        if (read <= 0)
        {
            _eof = true;
        }
        else
        {
            _end += read;
        }
    }

    private static long RemainingLength(Stream stream)
    {
        try
        {
            // Wrappers (a progress counter, say) may not seek yet know the length: ask, and take a refusal as unknown.
            return Math.Max(-1, stream.Length - stream.Position);
        }
        catch (Exception ex) when (ex is NotSupportedException or IOException or ObjectDisposedException or InvalidOperationException)
        {
            return -1;
        }
    }

    private ReadOnlySpan<byte> Unescape(ReadOnlySpan<byte> span)
    {
        if (_scratch.Length < span.Length)
        {
            _scratch = new byte[Math.Max(span.Length, _scratch.Length * 2)];
        }

        var n = 0;
        for (var k = 0; k < span.Length; k++)
        {
            _scratch[n++] = span[k];
            if (span[k] == Quote && k + 1 < span.Length && span[k + 1] == Quote)
            {
                k++;
            }
        }

        return new ReadOnlySpan<byte>(_scratch, 0, n);
    }

    private static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> span)
    {
        var start = 0;
        var end = span.Length;
        while (start < end && span[start] is (byte)' ' or (byte)'\t')
        {
            start++;
        }

        while (end > start && span[end - 1] is (byte)' ' or (byte)'\t')
        {
            end--;
        }

        return span.Slice(start, end - start);
    }
}
