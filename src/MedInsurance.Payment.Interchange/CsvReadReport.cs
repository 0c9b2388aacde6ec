namespace MedInsurance.Payment.Interchange;

/// <summary>
/// 读取统计 — what a reader read from one file: the encoding it decoded with (and whether it detected it), the lines
/// and rows it read, and how many rows came out accepted and rejected. Every data row comes out, so
/// <see cref="Rows"/> = <see cref="Accepted"/> + <see cref="Rejected"/> always holds.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class CsvReadReport
{
    /// <summary>Creates a report.</summary>
    /// <param name="encoding">The encoding's web name (<c>utf-8</c>, <c>gb18030</c>, <c>utf-16</c>).</param>
    /// <param name="encodingDetected">Whether the encoding was detected (<c>auto</c>) rather than given.</param>
    /// <param name="lines">Physical lines read, the header's included.</param>
    /// <param name="blankLines">Empty lines skipped (not rows).</param>
    /// <param name="rows">Data rows read (rows in).</param>
    /// <param name="accepted">Rows out accepted.</param>
    /// <param name="rejected">Rows out rejected.</param>
    public CsvReadReport(string encoding, bool encodingDetected, long lines, long blankLines, long rows, long accepted, long rejected)
    {
        Encoding = encoding ?? string.Empty;
        EncodingDetected = encodingDetected;
        Lines = lines;
        BlankLines = blankLines;
        Rows = rows;
        Accepted = accepted;
        Rejected = rejected;
    }

    /// <summary>文本编码 — the encoding's web name.</summary>
    public string Encoding { get; }

    /// <summary>Whether the encoding was detected rather than given.</summary>
    public bool EncodingDetected { get; }

    /// <summary>物理行数 — the lines read, the header's included.</summary>
    public long Lines { get; }

    /// <summary>空行数 — empty lines skipped.</summary>
    public long BlankLines { get; }

    /// <summary>读入行数 — data rows read (rows in).</summary>
    public long Rows { get; }

    /// <summary>接受行数 — rows out accepted.</summary>
    public long Accepted { get; }

    /// <summary>拒绝行数 — rows out rejected.</summary>
    public long Rejected { get; }

    /// <summary>One line for a log: rows in and out, lines and encoding.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Format(
        System.Globalization.CultureInfo.InvariantCulture,
        "{0} rows in = {1} accepted + {2} rejected; {3} lines ({4} blank); encoding {5}{6}",
        Rows,
        Accepted,
        Rejected,
        Lines,
        BlankLines,
        Encoding,
        EncodingDetected ? " (detected)" : string.Empty);
}
