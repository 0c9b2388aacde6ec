using System;
using System.IO;
using System.Text;

namespace MedInsurance.Payment.Interchange;

/// <summary>文本编码选择 — how a reader decides the encoding of a file.</summary>
public enum TextEncodingChoice
{
    /// <summary>自动 — a BOM decides (UTF-8 or UTF-16); otherwise valid UTF-8 is UTF-8; otherwise GB18030.</summary>
    Auto = 0,

    /// <summary>UTF-8 — strict: invalid bytes are an error, never a replacement character.</summary>
    Utf8 = 1,

    /// <summary>GB18030 — the national encoding of Chinese HIS exports (a superset of GBK and GB2312).</summary>
    Gb18030 = 2,
}

/// <summary>
/// 文本编码 — detects and opens the encodings regional files arrive in: UTF-8 with or without a BOM, UTF-16 with a BOM,
/// and GB18030 (GBK/GB2312) from Chinese systems. Decoding is strict: bytes the encoding cannot decode are an error
/// naming the source, never silently replaced.
/// </summary>
/// <remarks>Thread-safe.</remarks>
public static class TextEncodings
{
    private const int Gb18030CodePage = 54936;

    private static readonly Lazy<Encoding> Gb18030Strict = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(Gb18030CodePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    });

    /// <summary>Strict UTF-8 without a BOM: invalid bytes throw <see cref="DecoderFallbackException"/>.</summary>
    public static Encoding StrictUtf8 { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Strict GB18030 (code page 54936).</summary>
    public static Encoding Gb18030 => Gb18030Strict.Value;

    /// <summary>Parses an encoding option as written on a command line: <c>auto</c>, <c>utf-8</c>/<c>utf8</c>, <c>gb18030</c>/<c>gbk</c>/<c>gb2312</c>.</summary>
    /// <param name="text">The text.</param>
    /// <param name="choice">The choice.</param>
    /// <returns>Whether the text names a choice.</returns>
    public static bool TryParseChoice(string? text, out TextEncodingChoice choice)
    {
        switch ((text ?? string.Empty).Trim().ToUpperInvariant())
        {
            case "AUTO":
            case "":
                choice = TextEncodingChoice.Auto;
                return true;
            case "UTF-8":
            case "UTF8":
                choice = TextEncodingChoice.Utf8;
                return true;
            case "GB18030":
            case "GBK":
            case "GB2312":
                choice = TextEncodingChoice.Gb18030;
                return true;
            default:
                choice = TextEncodingChoice.Auto;
                return false;
        }
    }

    /// <summary>
    /// Decides the encoding of <paramref name="bytes"/> (the whole file, or its first part when <paramref name="complete"/>
    /// is false) and the length of its byte-order mark.
    /// </summary>
    /// <param name="bytes">The bytes.</param>
    /// <param name="count">How many of them to look at.</param>
    /// <param name="complete">Whether these are all the bytes (a multi-byte character cut at the end of a prefix is then not an error).</param>
    /// <param name="choice">The caller's choice; only <see cref="TextEncodingChoice.Auto"/> looks at the bytes.</param>
    /// <param name="preamble">The length of the BOM to skip.</param>
    /// <returns>The strict encoding to decode with.</returns>
    public static Encoding Detect(byte[] bytes, int count, bool complete, TextEncodingChoice choice, out int preamble)
    {
        if (bytes is null)
        {
            throw new ArgumentNullException(nameof(bytes));
        }

        preamble = 0;
        if (count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
        {
            preamble = choice == TextEncodingChoice.Gb18030 ? 0 : 3;
            return choice == TextEncodingChoice.Gb18030 ? Gb18030 : StrictUtf8;
        }

        if (choice != TextEncodingChoice.Auto)
        {
            return choice == TextEncodingChoice.Utf8 ? StrictUtf8 : Gb18030;
        }

        if (count >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
        {
            preamble = 2;
            return new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true);
        }

        if (count >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
        {
            preamble = 2;
            return new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true);
        }

        return IsUtf8(new ReadOnlySpan<byte>(bytes, 0, Math.Min(count, bytes.Length)), complete) ? StrictUtf8 : Gb18030;
    }

    /// <summary>Reads a whole file as text in the chosen or detected encoding.</summary>
    /// <param name="bytes">The file's bytes.</param>
    /// <param name="choice">The choice.</param>
    /// <param name="source">The file name, for the error.</param>
    /// <param name="encoding">The encoding used.</param>
    /// <returns>The text, without a BOM.</returns>
    /// <exception cref="InvalidDataException">When the bytes are not valid in the encoding (with the byte offset).</exception>
    public static string Decode(byte[] bytes, TextEncodingChoice choice, string source, out Encoding encoding)
    {
        if (bytes is null)
        {
            throw new ArgumentNullException(nameof(bytes));
        }

        encoding = Detect(bytes, bytes.Length, complete: true, choice, out var preamble);
        try
        {
            return encoding.GetString(bytes, preamble, bytes.Length - preamble);
        }
        catch (DecoderFallbackException ex)
        {
            throw new InvalidDataException(source + ": the bytes at offset " + (preamble + Math.Max(0, ex.Index)).ToString(System.Globalization.CultureInfo.InvariantCulture)
                + " are not valid " + encoding.WebName + " (choose the file's encoding: auto, utf-8 or gb18030).", ex);
        }
    }

    /// <summary>Whether the bytes are well-formed UTF-8 (a sequence cut at the end of an incomplete prefix is allowed).</summary>
    internal static bool IsUtf8(ReadOnlySpan<byte> bytes, bool complete)
    {
        var count = bytes.Length;
        var i = 0;
        while (i < count)
        {
            var b = bytes[i];
            int extra;
            if (b < 0x80)
            {
                i++;
                continue;
            }

            if (b >= 0xC2 && b <= 0xDF)
            {
                extra = 1;
            }
            else if (b >= 0xE0 && b <= 0xEF)
            {
                extra = 2;
            }
            else if (b >= 0xF0 && b <= 0xF4)
            {
                extra = 3;
            }
            else
            {
                return false;
            }

            if (i + extra >= count)
            {
                // A sequence cut by the end of a prefix is fine; at the end of the whole file it is not.
                return !complete;
            }

            for (var k = 1; k <= extra; k++)
            {
                if ((bytes[i + k] & 0xC0) != 0x80)
                {
                    return false;
                }
            }

            // Overlong and surrogate forms are invalid UTF-8 (RFC 3629).
            if ((b == 0xE0 && bytes[i + 1] < 0xA0) || (b == 0xED && bytes[i + 1] > 0x9F) || (b == 0xF0 && bytes[i + 1] < 0x90) || (b == 0xF4 && bytes[i + 1] > 0x8F))
            {
                return false;
            }

            i += extra + 1;
        }

        return true;
    }

    /// <summary>Whether every byte is ASCII (below 0x80).</summary>
    internal static bool IsAscii(ReadOnlySpan<byte> bytes)
    {
#if NET
        return System.Text.Ascii.IsValid(bytes);
#else
        foreach (var b in bytes)
        {
            if (b >= 0x80)
            {
                return false;
            }
        }

        return true;
#endif
    }

    /// <summary>Whether the bytes are complete, well-formed UTF-8.</summary>
    internal static bool IsValidUtf8(ReadOnlySpan<byte> bytes)
    {
#if NET
        return System.Text.Unicode.Utf8.IsValid(bytes);
#else
        return IsUtf8(bytes, complete: true);
#endif
    }

    /// <summary>Decodes bytes strictly; null when they are not valid in <paramref name="encoding"/> (never a replacement character).</summary>
    internal static string? TryGetString(Encoding encoding, ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            return string.Empty;
        }

        try
        {
#if NET
            return encoding.GetString(bytes);
#else
            return encoding.GetString(bytes.ToArray());
#endif
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }
}
