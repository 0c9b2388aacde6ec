using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using MedInsurance.Payment.Demo;

namespace MedInsurance.Payment.Hosting.Tests;

/// <summary><c>medpay drg group</c> run as a process on the demo rule pack: one output row per input row, in order.</summary>
public sealed class DrgCliTests
{
    [Fact]
    public void Drg_group_writes_one_row_per_input_row_in_order_and_times_the_grouping()
    {
        var folder = Path.Combine(Path.GetTempPath(), "medpay-drg-cli-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var input = Path.Combine(folder, "cases.csv");
            var output = Path.Combine(folder, "results.csv");
            File.WriteAllText(input, "id,sex,age,los,discharge_type,diagnoses,procedures\n"
                + "C1,2,30,5,1,K35.800x002|J96.000,47.0100\n"
                + "C2,1,50,0,1,,\n"
                + "C3,1,50,3,1,E11.900,\n"
                + "C4,1,65,8,1,I20.000|E11.900,36.0700\n");
            var (exit, stderr) = Run("drg", "group", "--rules", DemoRegion.Load().DrgRuleFolder, "--edition", "chs-drg-1.1",
                "--input", input, "--output", output, "--threads", "1");
            Assert.True(exit == 0, stderr);
            var lines = File.ReadAllLines(output);
            Assert.Equal("id,status,mdc,adrg,drg,issues", lines[0]);
            Assert.Equal(new[] { "C1", "C2", "C3", "C4" }, lines.Skip(1).Select(l => l.Split(',')[0]));
            Assert.StartsWith("C1,grouped,MDCG,GD2,GD21,", lines[1], StringComparison.Ordinal);
            Assert.StartsWith("C2,rejected,", lines[2], StringComparison.Ordinal);
            Assert.Contains("DX_MAIN_MISSING", lines[2], StringComparison.Ordinal);
            Assert.StartsWith("C3,ungroupable,", lines[3], StringComparison.Ordinal);
            Assert.StartsWith("C4,grouped,MDCF,FM1,FM13,", lines[4], StringComparison.Ordinal);
            // The rejected row is not grouped, so the timing line counts the three cases the kernel grouped.
            Assert.Matches(new Regex(@"^grouping: 3 cases in [0-9.]+ ms = [0-9]+ cases/s \(threads 1\)$", RegexOptions.Multiline), stderr);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static (int Exit, string Stderr) Run(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "medpay.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stderr.Result);
    }
}
