using System;

namespace MedInsurance.Payment.Interchange;

/// <summary>
/// CSV读取选项 — how the case, settlement-line and hospital readers read a file: its encoding and the limits beyond
/// which a row is rejected with a coded issue instead of being read.
/// </summary>
/// <param name="Encoding">文本编码 — <c>auto</c> (BOM, else the first non-ASCII bytes decide between UTF-8 and GB18030), <c>utf-8</c> or <c>gb18030</c>.
/// Used by the <see cref="System.IO.Stream"/> and file overloads; a <see cref="System.IO.TextReader"/> is already decoded.</param>
/// <param name="MaxFieldBytes">字段长度上限 — the longest field, in bytes of the file's encoding (a longer one rejects its row: <c>FIELD_TOO_LONG</c>).</param>
/// <param name="MaxRowBytes">行宽上限 — the longest row, in bytes (a longer one rejects its row: <c>ROW_TOO_WIDE</c>). At least 1 024.</param>
/// <param name="MaxColumns">列数上限 — the most fields in a row (more rejects the row: <c>ROW_TOO_WIDE</c>).</param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record CsvReadOptions(
    TextEncodingChoice Encoding = TextEncodingChoice.Auto,
    int MaxFieldBytes = CsvReadOptions.DefaultMaxFieldBytes,
    int MaxRowBytes = CsvReadOptions.DefaultMaxRowBytes,
    int MaxColumns = CsvReadOptions.DefaultMaxColumns)
{
    /// <summary>The default field limit: 8 192 bytes.</summary>
    public const int DefaultMaxFieldBytes = 8_192;

    /// <summary>The default row limit: 65 536 bytes.</summary>
    public const int DefaultMaxRowBytes = 65_536;

    /// <summary>The default column limit: 1 024.</summary>
    public const int DefaultMaxColumns = 1_024;

    /// <summary>The defaults: auto-detected encoding, 8 192-byte fields, 65 536-byte rows, 1 024 columns.</summary>
    public static CsvReadOptions Default { get; } = new();

    /// <summary>The limits checked and clamped into their usable ranges (a row of at least 1 024 bytes, a field no wider than a row).</summary>
    internal CsvReadOptions Normalized()
    {
        var row = Math.Max(1_024, Math.Min(MaxRowBytes, 1 << 28));
        return new CsvReadOptions(Encoding, Math.Max(1, Math.Min(MaxFieldBytes, row)), row, Math.Max(1, MaxColumns));
    }
}
