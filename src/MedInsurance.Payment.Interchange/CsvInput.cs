using System;
using System.IO;
using System.Text;

namespace MedInsurance.Payment.Interchange;

/// <summary>
/// One CSV file being read: the byte-level records of <see cref="CsvByteReader"/> and the encoding their fields are
/// decoded with. <c>auto</c> looks at the first 64 KiB: a BOM decides (UTF-8, or UTF-16 which is decoded first); else
/// their non-ASCII bytes decide (valid UTF-8 → UTF-8, otherwise GB18030); when they are all ASCII, the first record
/// with a non-ASCII byte decides. Fields are decoded strictly: a row whose bytes are not valid in the encoding is
/// found by <see cref="FindUndecodable"/>, never decoded into replacement characters. Not thread-safe.
/// </summary>
internal sealed class CsvInput : IDisposable
{
    private const int DetectBytes = 1 << 16;

    private readonly ByteKeyCache<string> _strings = new(1 << 12);
    private Encoding? _encoding;

    private CsvInput(CsvByteReader rows, Encoding? encoding, bool detected)
    {
        Rows = rows;
        _encoding = encoding;
        EncodingDetected = detected;
    }

    public CsvByteReader Rows { get; }

    /// <summary>The encoding's web name (<c>utf-8</c> until non-ASCII bytes decide otherwise).</summary>
    public string EncodingName => (_encoding ?? TextEncodings.StrictUtf8).WebName;

    public bool EncodingDetected { get; }

    /// <summary>Opens a byte stream in the chosen encoding.</summary>
    public static CsvInput Open(Stream stream, CsvReadOptions options, bool ownsStream)
    {
        var rows = new CsvByteReader(stream, options, ownsStream);
        var prefix = rows.Peek(DetectBytes);
        var choice = options.Encoding;
        var buffer = prefix.ToArray();
        var encoding = TextEncodings.Detect(buffer, buffer.Length, rows.PeekIsComplete, choice, out var preamble);
        if (encoding is UnicodeEncoding)
        {
            // UTF-16 (a BOM under auto): decode it strictly and read the text as UTF-8.
            rows.Skip(preamble);
            var reader = new StreamReader(new RestStream(rows, stream, ownsStream), encoding, detectEncodingFromByteOrderMarks: false);
            return Open(reader, options, ownsReader: true, detected: true, encodingName: encoding.WebName);
        }

        rows.Skip(preamble);
        var undecided = choice == TextEncodingChoice.Auto && preamble == 0 && TextEncodings.IsAscii(prefix);
        return new CsvInput(rows, undecided ? null : encoding, choice == TextEncodingChoice.Auto);
    }

    /// <summary>Opens decoded text: it is read as UTF-8 bytes (a character that cannot be encoded, a lone surrogate, makes its row undecodable).</summary>
    public static CsvInput Open(TextReader reader, CsvReadOptions options, bool ownsReader = false) =>
        Open(reader, options, ownsReader, detected: false, encodingName: null);

    public bool MoveNext() => Rows.MoveNext();

    /// <summary>
    /// An input that reads nothing itself: it shows the rows of blocks split by another input's reader
    /// (<see cref="CopyTo(CsvRowBlock)"/>, <see cref="Show(CsvRowBlock, int)"/>), decoding them as that input does, so
    /// a block can be converted on another thread. Its own caches are its own (one per converting thread).
    /// </summary>
    /// <param name="source">The input that splits the rows.</param>
    /// <returns>The replaying input.</returns>
    public static CsvInput ForBlocks(CsvInput source) => new(CsvByteReader.ForBlocks(), source._encoding, source.EncodingDetected);

    /// <summary>Appends the current row to <paramref name="block"/>, with the encoding decided so far.</summary>
    /// <param name="block">The block being filled.</param>
    public void CopyTo(CsvRowBlock block)
    {
        Rows.CopyTo(block);
        block.Encoding = _encoding;
    }

    /// <summary>Makes row <paramref name="index"/> of <paramref name="block"/> the current row (an input from <see cref="ForBlocks(CsvInput)"/>).</summary>
    /// <param name="block">A block filled by <see cref="CopyTo(CsvRowBlock)"/>.</param>
    /// <param name="index">The row in the block.</param>
    public void Show(CsvRowBlock block, int index)
    {
        Rows.Show(block, index);
        _encoding = block.Encoding ?? _encoding;
    }

    /// <summary>
    /// −1 when every byte of the current record is valid in the file's encoding; otherwise the first field that is not
    /// (or <see cref="CsvByteReader.FieldCount"/> when the bad bytes lie outside the kept fields).
    /// </summary>
    public int FindUndecodable()
    {
        if (Rows.RecordIsAscii)
        {
            return -1;
        }

        var record = Rows.RecordBytes;
        if (_encoding is null)
        {
            // Auto, and everything so far was ASCII: the first non-ASCII bytes decide, once.
            _encoding = TextEncodings.IsValidUtf8(record) ? TextEncodings.StrictUtf8 : TextEncodings.Gb18030;
        }

        if (IsValid(record))
        {
            return -1;
        }

        for (var i = 0; i < Rows.FieldCount; i++)
        {
            if (!IsValid(Rows.Field(i)))
            {
                return i;
            }
        }

        return Rows.FieldCount;
    }

    /// <summary>The decoded, trimmed text of field <paramref name="index"/> (empty when absent or undecodable: call <see cref="FindUndecodable"/> first).</summary>
    /// <remarks>A cell escaped against formula injection (an apostrophe before <c>= + - @</c>, tab or CR) reads back
    /// without the apostrophe (<see cref="CsvCellSafety.Unescape"/>), so files chain from one command to the next.</remarks>
    public string Text(int index)
    {
        var bytes = Rows.Field(index);
        if (bytes.IsEmpty)
        {
            return string.Empty;
        }

        var text = Rows.IsAscii(bytes)
            ? Ascii(bytes)
            : TextEncodings.TryGetString(_encoding ?? TextEncodings.StrictUtf8, bytes)?.Trim() ?? string.Empty;
        return text.Length > 1 && text[0] == CsvCellSafety.EscapeCharacter ? CsvCellSafety.Unescape(text) : text;
    }

    /// <summary>Field <paramref name="index"/>'s bytes when they are its <see cref="Text"/> character for character — ASCII
    /// (which every encoding the reader takes decodes to itself) and not a cell <see cref="Text"/> unescapes — so they can
    /// be compared with a string without decoding; false otherwise.</summary>
    internal bool TryVerbatimAscii(int index, out ReadOnlySpan<byte> bytes)
    {
        bytes = Rows.Field(index);
        return Rows.IsAscii(bytes) && !(bytes.Length > 1 && bytes[0] == (byte)CsvCellSafety.EscapeCharacter);
    }

    /// <summary>Like <see cref="Text"/>, but the same bytes give the same string instance (for values a file repeats: hospital ids, enumerations).</summary>
    public string SharedText(int index)
    {
        var bytes = Rows.Field(index);
        if (_strings.TryGet(bytes, out var text))
        {
            return text;
        }

        text = Text(index);
        _strings.Add(bytes, text);
        return text;
    }

    public void Dispose() => Rows.Dispose();

    internal static string Ascii(ReadOnlySpan<byte> bytes)
    {
#if NET
        return Encoding.ASCII.GetString(bytes);
#else
        var chars = new char[bytes.Length];
        for (var i = 0; i < bytes.Length; i++)
        {
            chars[i] = (char)bytes[i];
        }

        return new string(chars);
#endif
    }

    private static CsvInput Open(TextReader reader, CsvReadOptions options, bool ownsReader, bool detected, string? encodingName)
    {
        var rows = new CsvByteReader(new Utf8TextStream(reader, ownsReader), options, ownsStream: true);
        var prefix = rows.Peek(3);
        if (prefix.Length >= 3 && prefix[0] == 0xEF && prefix[1] == 0xBB && prefix[2] == 0xBF)
        {
            rows.Skip(3);
        }

        var encoding = encodingName is null ? TextEncodings.StrictUtf8 : new NamedUtf8(encodingName);
        return new CsvInput(rows, encoding, detected);
    }

    private bool IsValid(ReadOnlySpan<byte> bytes)
    {
        var encoding = _encoding ?? TextEncodings.StrictUtf8;
        if (encoding is UTF8Encoding)
        {
            return TextEncodings.IsValidUtf8(bytes);
        }

        return TextEncodings.TryGetString(encoding, bytes) is not null;
    }

    /// <summary>Strict UTF-8 that reports the name of the encoding the text was decoded from (UTF-16 files).</summary>
    private sealed class NamedUtf8 : UTF8Encoding
    {
        private readonly string _name;

        public NamedUtf8(string name)
            : base(false, true) => _name = name;

        public override string WebName => _name;
    }

    /// <summary>The bytes the byte reader has buffered but not consumed, then the rest of the stream.</summary>
    private sealed class RestStream : Stream
    {
        private readonly Stream _inner;
        private readonly bool _owns;
        private byte[] _head;
        private int _at;

        public RestStream(CsvByteReader rows, Stream inner, bool owns)
        {
            _head = rows.Peek(0).ToArray();
            _inner = inner;
            _owns = owns;
        }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_at < _head.Length)
            {
                var n = Math.Min(count, _head.Length - _at);
                Buffer.BlockCopy(_head, _at, buffer, offset, n);
                _at += n;
                if (_at == _head.Length)
                {
                    _head = Array.Empty<byte>();
                    _at = 0;
                }

                return n;
            }

            return _inner.Read(buffer, offset, count);
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing && _owns)
            {
                _inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
