using System;
using System.IO;
using System.Text;

namespace MedInsurance.Payment.Interchange;

/// <summary>
/// Reads a <see cref="TextReader"/> as a stream of UTF-8 bytes, so that decoded text goes through the same byte-level
/// reader as files. A lone surrogate (text that no encoding can hold) becomes the byte 0xFF, which is never valid UTF-8,
/// so its row is rejected as undecodable rather than read with a replacement character. When the reader itself fails to
/// decode its bytes (a strict decoder), the stream ends with such a byte on a line of its own.
/// </summary>
internal sealed class Utf8TextStream : Stream
{
    private readonly TextReader _reader;
    private readonly bool _ownsReader;
    private readonly char[] _chars = new char[4096];
    private readonly byte[] _bytes = new byte[(4096 * 3) + 8];
    private int _byteStart;
    private int _byteEnd;
    private char _pendingHigh;
    private bool _done;

    public Utf8TextStream(TextReader reader, bool ownsReader)
    {
        _reader = reader;
        _ownsReader = ownsReader;
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
        while (_byteStart == _byteEnd)
        {
            if (_done)
            {
                return 0;
            }

            Refill();
        }

        var n = Math.Min(count, _byteEnd - _byteStart);
        Buffer.BlockCopy(_bytes, _byteStart, buffer, offset, n);
        _byteStart += n;
        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && _ownsReader)
        {
            _reader.Dispose();
        }

        base.Dispose(disposing);
    }

    private void Refill()
    {
        _byteStart = 0;
        _byteEnd = 0;
        int read;
        try
        {
            read = _reader.Read(_chars, 0, _chars.Length);
        }
        catch (DecoderFallbackException)
        {
            // The reader's own strict decoding failed: end with an undecodable line instead of throwing.
            _bytes[_byteEnd++] = 0xFF;
            _bytes[_byteEnd++] = (byte)'\n';
            _done = true;
            return;
        }

        if (read <= 0)
        {
            if (_pendingHigh != '\0')
            {
                _bytes[_byteEnd++] = 0xFF;
                _pendingHigh = '\0';
            }

            _done = true;
            return;
        }

        for (var i = 0; i < read; i++)
        {
            var c = _chars[i];
            if (_pendingHigh != '\0')
            {
                var high = _pendingHigh;
                _pendingHigh = '\0';
                if (char.IsLowSurrogate(c))
                {
                    var code = char.ConvertToUtf32(high, c);
                    _bytes[_byteEnd++] = (byte)(0xF0 | (code >> 18));
                    _bytes[_byteEnd++] = (byte)(0x80 | ((code >> 12) & 0x3F));
                    _bytes[_byteEnd++] = (byte)(0x80 | ((code >> 6) & 0x3F));
                    _bytes[_byteEnd++] = (byte)(0x80 | (code & 0x3F));
                    continue;
                }

                _bytes[_byteEnd++] = 0xFF;
            }

            if (c < 0x80)
            {
                _bytes[_byteEnd++] = (byte)c;
            }
            else if (c < 0x800)
            {
                _bytes[_byteEnd++] = (byte)(0xC0 | (c >> 6));
                _bytes[_byteEnd++] = (byte)(0x80 | (c & 0x3F));
            }
            else if (char.IsHighSurrogate(c))
            {
                _pendingHigh = c;
            }
            else if (char.IsLowSurrogate(c))
            {
                _bytes[_byteEnd++] = 0xFF;
            }
            else
            {
                _bytes[_byteEnd++] = (byte)(0xE0 | (c >> 12));
                _bytes[_byteEnd++] = (byte)(0x80 | ((c >> 6) & 0x3F));
                _bytes[_byteEnd++] = (byte)(0x80 | (c & 0x3F));
            }
        }
    }
}
