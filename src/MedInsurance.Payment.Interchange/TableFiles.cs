using System;
using System.IO;
using System.Text;

namespace MedInsurance.Payment.Interchange;

/// <summary>
/// 表格文件（CSV或Excel） — opens a table a region publishes (DRG weights, DIP catalog, hospitals, price lists) that
/// may be a CSV file or an Excel workbook (<c>.xlsx</c>, <c>.xlsm</c>). A workbook is read as CSV text, one line per
/// worksheet row, so the table's own CSV reader applies all its checks to it unchanged; see docs/formats.md
/// (".xlsx input") for how cells become text.
/// </summary>
/// <remarks>
/// <para>The sheet: the first visible worksheet, or the one named after <c>#</c> in the path
/// (<c>weights.xlsx#2025权重</c>; exact name first, then ignoring case).</para>
/// <para>A workbook is streamed: memory is one row plus the workbook's shared-string table, whatever the number of
/// rows. A file that is not a usable workbook — not a zip archive, no workbook inside, no such sheet, damaged XML — is
/// refused with <see cref="InvalidDataException"/> whose message names the file and the reason (and the row, for a
/// damaged sheet). Thread-safe (each call opens its own reader).</para>
/// </remarks>
public static class TableFiles
{
    /// <summary>The character between a workbook's path and a sheet name: <c>table.xlsx#Sheet2</c>.</summary>
    public const char SheetSeparator = '#';

    private static readonly string[] WorkbookExtensions = { ".xlsx", ".xlsm" };

    /// <summary>Whether a path names an Excel workbook (<c>.xlsx</c> or <c>.xlsm</c>, optionally with <c>#sheet</c>).</summary>
    /// <param name="path">The path as given.</param>
    /// <returns>True for a workbook.</returns>
    public static bool IsWorkbook(string path)
    {
        var file = FilePath(path);
        foreach (var extension in WorkbookExtensions)
        {
            if (file.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The file part of a path: without a <c>#sheet</c> suffix after <c>.xlsx</c> or <c>.xlsm</c> (unless a file has that whole name).</summary>
    /// <param name="path">The path as given.</param>
    /// <returns>The file's path.</returns>
    public static string FilePath(string path) => Split(path, out _);

    /// <summary>The sheet named in a path after <c>#</c>, or null for the first visible worksheet.</summary>
    /// <param name="path">The path as given.</param>
    /// <returns>The sheet name, or null.</returns>
    public static string? SheetName(string path)
    {
        Split(path, out var sheet);
        return sheet;
    }

    /// <summary>Whether the file of a path exists (a <c>#sheet</c> suffix aside).</summary>
    /// <param name="path">The path as given.</param>
    /// <returns>True when the file exists.</returns>
    public static bool Exists(string path) => File.Exists(FilePath(path));

    /// <summary>
    /// Opens a table as CSV text: a workbook's sheet converted row by row; any other file as UTF-8 text (a BOM, when
    /// present, decides its encoding), as the table readers read CSV.
    /// </summary>
    /// <param name="path">The file, with an optional <c>#sheet</c> for a workbook.</param>
    /// <returns>The text; dispose it.</returns>
    /// <exception cref="InvalidDataException">The workbook cannot be read (file and reason named), or the file is an Excel 97–2003 <c>.xls</c>.</exception>
    public static TextReader OpenText(string path)
    {
        if (path is null)
        {
            throw new ArgumentNullException(nameof(path));
        }

        var file = Split(path, out var sheet);
        if (IsWorkbook(path))
        {
            return OpenWorkbook(new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16), sheet, Path.GetFileName(path));
        }

        if (file.EndsWith(".xls", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidDataException(Path.GetFileName(file) + ": Excel 97-2003 workbooks (.xls) are not read; save the sheet as .xlsx or as CSV UTF-8.");
        }

        return new StreamReader(file, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
    }

    /// <summary>Opens a sheet of a workbook's bytes as CSV text (one line per worksheet row).</summary>
    /// <param name="stream">The .xlsx bytes; disposed with the returned reader (or at once when refused). Needs seeking; a file stream or a <see cref="MemoryStream"/> does.</param>
    /// <param name="sheet">The sheet's name, or null for the first visible worksheet.</param>
    /// <param name="source">The file name, for messages.</param>
    /// <returns>The text; dispose it.</returns>
    /// <exception cref="InvalidDataException">The workbook cannot be read (file and reason named).</exception>
    public static TextReader OpenWorkbook(Stream stream, string? sheet, string source)
    {
        if (stream is null || source is null)
        {
            throw new ArgumentNullException(stream is null ? nameof(stream) : nameof(source));
        }

        return new XlsxCsvText(XlsxSheetReader.Open(stream, source, sheet));
    }

    private static string Split(string path, out string? sheet)
    {
        sheet = null;
        if (path is null)
        {
            throw new ArgumentNullException(nameof(path));
        }

        if (File.Exists(path))
        {
            return path;
        }

        foreach (var extension in WorkbookExtensions)
        {
            var at = path.IndexOf(extension + SheetSeparator, StringComparison.OrdinalIgnoreCase);
            if (at >= 0)
            {
                var end = at + extension.Length;
                sheet = end + 1 < path.Length ? path.Substring(end + 1) : null;
                return path.Substring(0, end);
            }
        }

        return path;
    }
}
