using System.CommandLine;
using System.IO;
using System.Text;
using MedInsurance.Payment.Interchange;

namespace MedInsurance.Payment.Cli;

/// <summary>
/// How every command writes its files: CSV cells that a spreadsheet would run as formulas are escaped with an
/// apostrophe (<see cref="CsvCellSafety"/>) unless <c>--raw</c>; text files carry a UTF-8 BOM (so Excel on Chinese
/// Windows opens them correctly) unless <c>--no-bom</c>. Both are global options, read once at start-up.
/// </summary>
internal static class CliOutput
{
    /// <summary><c>--raw</c>: write CSV cells exactly as computed (no formula escaping).</summary>
    public static Option<bool> RawOption { get; } = new("--raw") { Description = "Write CSV cells exactly as computed: no apostrophe before cells starting with = + - @ (formula-injection protection is on by default).", Recursive = true };

    /// <summary><c>--no-bom</c>: write UTF-8 files without a byte-order mark.</summary>
    public static Option<bool> NoBomOption { get; } = new("--no-bom") { Description = "Write UTF-8 output files without a byte-order mark (by default they carry one, for Excel).", Recursive = true };

    /// <summary><c>--verbose</c>: print the stack trace of an internal error.</summary>
    public static Option<bool> VerboseOption { get; } = new("--verbose") { Description = "On an internal error (exit 3), also print the stack trace.", Recursive = true };

    /// <summary>Whether cells are written raw (set at start-up from <c>--raw</c>).</summary>
    public static bool Raw { get; set; }

    /// <summary>Whether files carry a BOM (false with <c>--no-bom</c>).</summary>
    public static bool Bom { get; set; } = true;

    /// <summary>The encoding of output text files: UTF-8, with a BOM unless <c>--no-bom</c>.</summary>
    public static Encoding Encoding => new UTF8Encoding(Bom);

    /// <summary>Opens an output text file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The writer.</returns>
    public static StreamWriter Open(string path) => new(path, false, Encoding, 1 << 16);

    /// <summary>A CSV writer over <paramref name="writer"/> with the formula escaping of <c>--raw</c>.</summary>
    /// <param name="writer">The text writer.</param>
    /// <param name="leaveOpen">Whether to leave the writer open.</param>
    /// <returns>The CSV writer.</returns>
    public static SafeCsvWriter Csv(TextWriter writer, bool leaveOpen = false) => new(writer, leaveOpen, Raw);
}
