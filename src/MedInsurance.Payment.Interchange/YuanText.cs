using System;

namespace MedInsurance.Payment.Interchange;

/// <summary>金额文本读取结果 — the outcome of <see cref="YuanText.Parse(string, out Money)"/>.</summary>
public enum YuanTextStatus
{
    /// <summary>成功 — an amount exact to the fen.</summary>
    Ok = 0,

    /// <summary>格式错误 — not written as an amount (<c>1,5</c>, <c>1,2,3,4</c>, <c>12.345</c>, <c>1e3</c>, <c>.5</c>, white space, non-ASCII).</summary>
    Malformed = 1,

    /// <summary>超出范围 — written correctly but beyond 999 999 999 999.99 yuan either way (under 1 万亿元).</summary>
    OutOfRange = 2,
}

/// <summary>
/// 金额文本 — the strict reading of an amount in yuan that every reader uses (the case and settlement-line readers, the
/// settlement hospital and monthly files, the regional DRG table): an optional sign, digits — or groups of three
/// separated by commas, <c>1,234,567.89</c> — then optionally a point and one or two decimals; at most 12 digits before
/// the point. No culture, no exponent, no white space, never rounded.
/// </summary>
/// <remarks>Pure and thread-safe. Callable from C# 7.3.</remarks>
public static class YuanText
{
    /// <summary>Reads an amount in yuan strictly.</summary>
    /// <param name="text">The text, already trimmed (white space is malformed).</param>
    /// <param name="value">The amount when <see cref="YuanTextStatus.Ok"/>, else zero.</param>
    /// <returns>Ok, malformed or out of range.</returns>
    public static YuanTextStatus Parse(string text, out Money value)
    {
        value = Money.Zero;
        if (string.IsNullOrEmpty(text) || text.Length > 64)
        {
            return YuanTextStatus.Malformed;
        }

        Span<byte> bytes = stackalloc byte[text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] > 127)
            {
                return YuanTextStatus.Malformed;
            }

            bytes[i] = (byte)text[i];
        }

        switch (CsvValues.ParseYuan(bytes, out var fen))
        {
            case ValueStatus.Ok:
                value = Money.FromFen(fen);
                return YuanTextStatus.Ok;
            case ValueStatus.OutOfRange:
                return YuanTextStatus.OutOfRange;
            default:
                return YuanTextStatus.Malformed;
        }
    }
}
