using System.Globalization;
using System.IO;
using CsvHelper;
using CsvHelper.Configuration;

namespace MedInsurance.Payment.Interchange;

/// <summary>
/// 安全CSV写出 — a CsvHelper <see cref="CsvWriter"/> (invariant culture) that escapes cells a spreadsheet would run as
/// formulas (<see cref="CsvCellSafety"/>) unless created raw. Every result file of the library and the CLI is written
/// through it.
/// </summary>
public sealed class SafeCsvWriter : CsvWriter
{
    /// <summary>Creates a writer.</summary>
    /// <param name="writer">The text writer.</param>
    /// <param name="leaveOpen">Whether to leave <paramref name="writer"/> open when this is disposed.</param>
    /// <param name="raw">True to write cells exactly as given (no formula escaping).</param>
    public SafeCsvWriter(TextWriter writer, bool leaveOpen = false, bool raw = false)
        : base(writer, Settings(raw), leaveOpen)
    {
        Raw = raw;
    }

    /// <summary>Whether cells are written exactly as given.</summary>
    public bool Raw { get; }

    /// <summary>Escapes a formula-like cell (not a plain number) with a leading apostrophe.</summary>
    /// <param name="field">The cell.</param>
    /// <returns>The cell to write.</returns>
    protected override string SanitizeForInjection(string? field)
    {
        if (Raw || field is null || field.Length == 0)
        {
            return field ?? string.Empty;
        }

        // CsvHelper hands over the cell already quoted when it needs quotes: escape inside the opening quote.
        if (field.Length >= 2 && field[0] == '"' && field[field.Length - 1] == '"')
        {
            var inner = field.Substring(1, field.Length - 2).Replace("\"\"", "\"");
            return CsvCellSafety.NeedsEscape(inner) ? "\"" + CsvCellSafety.EscapeCharacter + field.Substring(1) : field;
        }

        return CsvCellSafety.Escape(field);
    }

    private static CsvConfiguration Settings(bool raw) => new(CultureInfo.InvariantCulture)
    {
        InjectionOptions = raw ? InjectionOptions.None : InjectionOptions.Escape,
        ShouldQuote = args => CsvCellSafety.NeedsQuotes(args.Field),
    };
}
