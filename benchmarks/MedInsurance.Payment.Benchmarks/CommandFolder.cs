using System;
using System.IO;

namespace MedInsurance.Payment.Benchmarks;

/// <summary>
/// The files of a benchmark that runs a command's own code, in a folder under the temporary path, with the console
/// silenced while it runs (the commands print summaries); disposing restores the console and deletes the folder.
/// </summary>
internal sealed class CommandFolder : IDisposable
{
    private readonly TextWriter _out;
    private readonly TextWriter _error;

    /// <summary>Creates the folder <paramref name="name"/>, writes its files with <paramref name="write"/>, then silences the console.</summary>
    /// <param name="name">The folder's name under the temporary path.</param>
    /// <param name="write">Writes the benchmark's files into the folder (given its path).</param>
    public CommandFolder(string name, Action<string> write)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), name);
        write(Path);
        _out = Console.Out;
        _error = Console.Error;
        Console.SetOut(TextWriter.Null);
        Console.SetError(TextWriter.Null);
    }

    /// <summary>The folder.</summary>
    public string Path { get; }

    public void Dispose()
    {
        Console.SetOut(_out);
        Console.SetError(_error);
        Directory.Delete(Path, recursive: true);
    }
}
