using System;
using System.Diagnostics;
using System.IO;
using System.Text;

namespace MedInsurance.Payment.TestSupport;

/// <summary>What one run of the <c>medpay</c> tool returned.</summary>
/// <param name="Exit">The exit code.</param>
/// <param name="Out">Standard output.</param>
/// <param name="Err">Standard error.</param>
public sealed record MedpayRun(int Exit, string Out, string Err);

/// <summary>Runs <c>medpay</c> as a process (the <c>medpay.dll</c> copied beside the test assembly), as a user would.</summary>
public static class MedpayProcess
{
    /// <summary>Runs the tool with <paramref name="args"/> and waits for it.</summary>
    /// <param name="args">The arguments.</param>
    /// <returns>The exit code and both output streams (UTF-8).</returns>
    public static MedpayRun Run(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "medpay.dll"));
        foreach (var arg in args ?? Array.Empty<string>())
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return new MedpayRun(process.ExitCode, stdout, stderr.Result);
    }
}
