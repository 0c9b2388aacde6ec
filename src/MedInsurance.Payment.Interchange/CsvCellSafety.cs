namespace MedInsurance.Payment.Interchange;

/// <summary>
/// CSV公式注入防护 — keeps a spreadsheet from running a cell as a formula: a text cell that starts with <c>=</c>,
/// <c>+</c>, <c>-</c>, <c>@</c>, tab or carriage return is written with a leading apostrophe (the OWASP CSV-injection
/// rule), and the readers remove that apostrophe again, so files chain from one command to the next unchanged. A cell
/// that is a plain number (<c>-12.50</c>) is never escaped.
/// </summary>
/// <remarks>Pure and thread-safe. The CLI turns escaping off with <c>--raw</c>.</remarks>
public static class CsvCellSafety
{
    /// <summary>转义字符 — the apostrophe prefixed to an unsafe cell.</summary>
    public const char EscapeCharacter = '\'';

    /// <summary>The characters that make a cell need quotes: the quote, the delimiter and line breaks.</summary>
    private static readonly char[] QuoteTriggers = { '"', ',', '\r', '\n' };

    /// <summary>Whether a cell would be read as a formula by a spreadsheet (and is not a plain number).</summary>
    /// <param name="cell">The cell text.</param>
    /// <returns>True when the cell needs escaping.</returns>
    public static bool NeedsEscape(string? cell)
    {
        if (cell is null || cell.Length == 0 || !IsTrigger(cell[0]))
        {
            return false;
        }

        return !IsPlainNumber(cell);
    }

    /// <summary>
    /// Whether a cell must be written in quotes: it holds a quote, a comma or a line break, or starts or ends with a space
    /// (CsvHelper's default rule, in one scan of the cell instead of four; every result writer formats millions of cells).
    /// </summary>
    /// <param name="cell">The cell text.</param>
    /// <returns>True when the cell needs quotes.</returns>
    public static bool NeedsQuotes(string? cell) =>
        cell is not null && cell.Length > 0 && (cell.IndexOfAny(QuoteTriggers) >= 0 || cell[0] == ' ' || cell[cell.Length - 1] == ' ');

    /// <summary>The cell as it should be written: with a leading apostrophe when <see cref="NeedsEscape"/>.</summary>
    /// <param name="cell">The cell text.</param>
    /// <returns>The safe text (the same instance when nothing changes).</returns>
    public static string Escape(string? cell) => cell is null ? string.Empty : NeedsEscape(cell) ? EscapeCharacter + cell : cell;

    /// <summary>The cell as it was before <see cref="Escape"/>: an apostrophe followed by a trigger character is removed.</summary>
    /// <param name="cell">The cell text as read.</param>
    /// <returns>The original text.</returns>
    public static string Unescape(string? cell) =>
        cell is null ? string.Empty
        : cell.Length >= 2 && cell[0] == EscapeCharacter && IsTrigger(cell[1]) && !IsPlainNumber(cell.Substring(1)) ? cell.Substring(1)
        : cell;

    private static bool IsTrigger(char c) => c is '=' or '+' or '-' or '@' or '\t' or '\r';

    /// <summary>An optional sign, digits, at most one decimal point with digits around it.</summary>
    private static bool IsPlainNumber(string cell)
    {
        var i = cell[0] is '-' or '+' ? 1 : 0;
        var digits = 0;
        var dot = false;
        for (; i < cell.Length; i++)
        {
            var c = cell[i];
            if (c >= '0' && c <= '9')
            {
                digits++;
            }
            else if (c == '.' && !dot && digits > 0)
            {
                dot = true;
            }
            else
            {
                return false;
            }
        }

        return digits > 0 && cell[cell.Length - 1] != '.';
    }
}
