using System;
using System.IO;
using MedInsurance.Payment.Interchange;

namespace MedInsurance.Payment.Cli;

/// <summary>The checks every command makes on its files before any work (exit code 2 when one fails).</summary>
internal static class CliFiles
{
    /// <summary>Whether every given input file exists; names the first missing one on stderr.</summary>
    /// <param name="files">The files; null entries (optional options not given) are skipped.</param>
    /// <returns>True when all exist.</returns>
    public static bool AllExist(params FileInfo?[] files)
    {
        foreach (var file in files)
        {
            if (file is not null && !Exists(file))
            {
                Console.Error.WriteLine("medpay: input file not found: " + file.FullName);
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether an input file exists; a workbook with a sheet, <c>table.xlsx#Sheet2</c>, exists when <c>table.xlsx</c> does.</summary>
    /// <param name="file">The file as given on the command line.</param>
    /// <returns>True when it exists.</returns>
    public static bool Exists(FileInfo file) => TableFiles.Exists(file.FullName);

    /// <summary>Opens a table option — CSV (UTF-8, or as its BOM says) or an Excel workbook's sheet — as CSV text (<see cref="TableFiles"/>).</summary>
    /// <param name="file">The file as given on the command line.</param>
    /// <returns>The text; dispose it.</returns>
    public static TextReader OpenTable(FileInfo file) => TableFiles.OpenText(file.FullName);

    /// <summary>Whether the output folder can be created and written (checked before the work, not after it).</summary>
    /// <param name="folder">The folder.</param>
    /// <returns>True when writable; otherwise says so on stderr.</returns>
    public static bool Writable(DirectoryInfo folder)
    {
        try
        {
            folder.Create();
            var probe = Path.Combine(folder.FullName, ".medpay-write-test");
            File.WriteAllText(probe, string.Empty);
            File.Delete(probe);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine("medpay: the output folder cannot be written: " + folder.FullName);
            return false;
        }
    }
}
