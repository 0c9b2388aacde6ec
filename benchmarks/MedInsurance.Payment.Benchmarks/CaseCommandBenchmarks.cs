using System;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Text;
using BenchmarkDotNet.Attributes;
using MedInsurance.Payment.Cli;

namespace MedInsurance.Payment.Benchmarks;

/// <summary>
/// <c>medpay drg group</c>, <c>medpay dip score</c> and <c>medpay cases check</c> on 1 000 000 cases (issue 13: each
/// ≤ 2.5 s on this 2-core machine), run in process through the command line's own parser and handlers, so the figures
/// are the commands' work without the process start. The files are those of docs/performance.md, "End to end":
/// <c>cases-50k.csv</c> of the golden set repeated with new ids (<see cref="DrgPriceBenchmarks.WriteCases"/>), 20
/// hospitals, the CHS-DRG 1.1 pack compiled to JSON, and a DIP catalog built by <c>medpay dip build-catalog</c> from
/// the 50 000 golden cases placed in 2022–2024.
/// </summary>
/// <remarks>Run: <c>dotnet run -c Release --project benchmarks/MedInsurance.Payment.Benchmarks -- --filter '*CaseCommand*'</c>.
/// The process figures (start-up included, <c>/usr/bin/time</c>) are in docs/performance.md.</remarks>
[QuickJob]
public class CaseCommandBenchmarks
{
    /// <summary>Cases in the file.</summary>
    public const int Cases = 1_000_000;

    private CommandFolder _files = null!;

    [GlobalSetup]
    public void Setup()
    {
        _files = new CommandFolder("medpay-case-command-bench", WriteFiles);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _files.Dispose();
    }

    /// <summary><c>medpay drg group</c> with the compiled pack, all cores; returns the exit code (0).</summary>
    [Benchmark]
    public int DrgGroup() => Run(_files.Path, "drg", "group", "-r", "pack.json", "-e", "chs-drg-1.1", "-i", "cases.csv", "-o", "drg.csv");

    /// <summary><c>medpay dip score</c>, all cores; returns the exit code (0).</summary>
    [Benchmark]
    public int DipScore() => Run(_files.Path, "dip", "score", "--catalog", "catalog.json", "--hospitals", "hospitals.csv", "--profile", "national-dip-1.0", "-i", "cases.csv", "-o", "dip.csv");

    /// <summary><c>medpay cases check</c>, all cores; returns the exit code.</summary>
    [Benchmark]
    public int CasesCheck() => Run(_files.Path, "cases", "check", "-i", "cases.csv", "-o", "check.csv");

    /// <summary>Writes the benchmark's files into <paramref name="folder"/> (deterministic).</summary>
    /// <param name="folder">The folder (created).</param>
    public static void WriteFiles(string folder)
    {
        Directory.CreateDirectory(folder);
        var shared = SharedFolder.Find();
        var golden = Path.Combine(shared, "golden", "chs-drg-1.1", "cases-50k.csv");
        DrgPriceBenchmarks.WriteCases(golden, Path.Combine(folder, "cases.csv"), Cases);

        var hospitals = new StringBuilder("hospital_id,name,level,type\n");
        for (var h = 0; h < 20; h++)
        {
            var id = h.ToString("00", CultureInfo.InvariantCulture);
            hospitals.Append('H').Append(id).Append(",Hospital ").Append(h.ToString(CultureInfo.InvariantCulture)).Append(',').Append((3 - (h % 3)).ToString(CultureInfo.InvariantCulture)).Append(",general\n");
        }

        File.WriteAllText(Path.Combine(folder, "hospitals.csv"), hospitals.ToString());

        // History: the 50 000 golden cases, discharged in 2022, 2023 and 2024 in turn.
        var history = Path.Combine(folder, "history.csv");
        DrgPriceBenchmarks.WriteCases(golden, history, 50_000);
        var lines = File.ReadAllLines(history);
        for (var i = 1; i < lines.Length; i++)
        {
            lines[i] = lines[i].Replace(",2025-", "," + (2022 + ((i - 1) % 3)).ToString(CultureInfo.InvariantCulture) + "-", StringComparison.Ordinal);
        }

        File.WriteAllLines(history, lines);
        Require(Run(folder, "dip", "build-catalog", "--history", "history.csv", "--hospitals", "hospitals.csv", "-o", "catalog.json"), "dip build-catalog");
        Require(Run(folder, "drg", "rules", "--rules", Path.Combine(shared, "data", "chs-drg", "1.1"), "--edition", "chs-drg-1.1", "--save-compiled", "pack.json"), "drg rules");
    }

    /// <summary>Runs a <c>medpay</c> command line in <paramref name="folder"/> (relative paths resolve there).</summary>
    internal static int Run(string folder, params string[] args)
    {
        var root = CommandCatalog.CreateRoot();
        var at = Environment.CurrentDirectory;
        Environment.CurrentDirectory = folder;
        try
        {
            var parse = root.Parse(args);
            return parse.Errors.Count > 0 ? 2 : parse.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        finally
        {
            Environment.CurrentDirectory = at;
        }
    }

    private static void Require(int exit, string what)
    {
        if (exit > 1)
        {
            throw new InvalidOperationException("Benchmark setup: `medpay " + what + "` exited with " + exit.ToString(CultureInfo.InvariantCulture) + ".");
        }
    }
}
