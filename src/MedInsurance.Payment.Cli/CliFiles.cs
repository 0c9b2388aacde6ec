using System;
using System.IO;

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
            if (file is { Exists: false })
            {
                Console.Error.WriteLine("medpay: input file not found: " + file.FullName);
                return false;
            }
        }

        return true;
    }

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
