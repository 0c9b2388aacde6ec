using System;
using System.Globalization;
using System.IO;
using System.Text;
using BenchmarkDotNet.Attributes;
using MedInsurance.Payment.Cli;

namespace MedInsurance.Payment.Benchmarks;

/// <summary>
/// <c>medpay capitation settle</c> end to end, in process (issue 17): a roster of 1 000 000 persons at 1 000 institutions
/// (10% move mid-year: 1 100 000 rows, 36 MB) and 10 000 000 outpatient claims (456 MB; one in 50 a referral) read from
/// CSV files, the roster indexed as it is read, the claims streamed in blocks, the year priced and every output file
/// written (statements, summary, settlement lines, 1 100 000 roster results, claim issues) — the command's own code
/// (<c>CapitationCommands.Run</c>), on all cores. <see cref="WriteFiles"/> writes the files; the same files timed as a
/// process with <c>/usr/bin/time -v</c> give the peak memory (docs/capitation.md, "Benchmark").
/// </summary>
/// <remarks>Run: <c>dotnet run -c Release --project benchmarks/MedInsurance.Payment.Benchmarks -- --filter '*CapitationSettle*'</c>.</remarks>
[QuickJob]
public class CapitationSettleBenchmarks
{
    /// <summary>Persons on the roster.</summary>
    public const int Persons = 1_000_000;

    /// <summary>Outpatient claims in the year.</summary>
    public const int Claims = 10_000_000;

    /// <summary>The capitation policy of the files (the demo region's classes and bands).</summary>
    public const string PolicyJson = """
        {
          "id": "bench-capitation-2026", "version": "1", "name": "benchmark", "year": 2026, "basis": "served",
          "classes": [
            { "code": "employee", "name": "职工", "fund": "employee", "standard": 240 },
            { "code": "resident", "name": "居民", "fund": "resident", "standard": 120 },
            { "code": "elderly", "name": "65岁以上老年人", "fund": "resident", "standard": 180 },
            { "code": "signed_resident", "name": "签约居民", "fund": "resident", "standard": 150 }
          ],
          "advance": { "schedule": null, "advanceRatio": 1, "depositRate": 0.05, "depositForm": "withheldFromAdvance" },
          "referral": { "mode": "cost", "cap": 300 },
          "riskSharing": { "surplus": [ { "upTo": 0.1, "share": 1 }, { "share": 0 } ], "overspend": [ { "upTo": 0.1, "share": 0.5 }, { "share": 0 } ] }
        }
        """;

    private CommandFolder _files = null!;

    [GlobalSetup]
    public void Setup()
    {
        _files = new CommandFolder("medpay-capitation-bench", WriteFiles);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _files.Dispose();
    }

    /// <summary>Read, index, stream, price and write the year; returns the exit code (0).</summary>
    [Benchmark]
    public int SettleYearFromFiles() => CapitationCommands.Run(
        new FileInfo(Path.Combine(_files.Path, "policy.json")),
        new FileInfo(Path.Combine(_files.Path, "roster.csv")),
        new FileInfo(Path.Combine(_files.Path, "claims.csv")),
        null,
        new DirectoryInfo(Path.Combine(_files.Path, "out")),
        "auto",
        Environment.ProcessorCount);

    /// <summary>Writes <c>policy.json</c>, <c>roster.csv</c> and <c>claims.csv</c> of the benchmark into <paramref name="folder"/> (deterministic).</summary>
    /// <param name="folder">The folder (created).</param>
    public static void WriteFiles(string folder)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "policy.json"), PolicyJson);
        var classes = new[] { "employee", "resident", "elderly", "signed_resident" };
        var rng = new Random(20260101);
        var homes = new int[Persons];
        var utf8 = new UTF8Encoding(false);
        using (var roster = new StreamWriter(Path.Combine(folder, "roster.csv"), false, utf8, 1 << 16))
        {
            roster.Write("person_id,class,institution_id,from_month,to_month,signed\n");
            for (var p = 0; p < Persons; p++)
            {
                homes[p] = rng.Next(1_000);
                var person = "P" + p.ToString("0000000", CultureInfo.InvariantCulture);
                var k = classes[rng.Next(classes.Length)];
                if (p % 10 == 1)
                {
                    roster.Write(person + "," + k + ",I" + rng.Next(1_000).ToString("0000", CultureInfo.InvariantCulture) + ",1,6,1\n");
                    roster.Write(person + "," + k + ",I" + homes[p].ToString("0000", CultureInfo.InvariantCulture) + ",7,12,1\n");
                }
                else
                {
                    roster.Write(person + "," + k + ",I" + homes[p].ToString("0000", CultureInfo.InvariantCulture) + ",1,12,1\n");
                }
            }
        }

        rng = new Random(7);
        using var claims = new StreamWriter(Path.Combine(folder, "claims.csv"), false, utf8, 1 << 16);
        claims.Write("claim_id,person_id,institution_id,date,fund_amount,referral,referral_target\n");
        for (var c = 0; c < Claims; c++)
        {
            var p = rng.Next(Persons);
            var month = 7 + rng.Next(6);   // second half: every person is at home
            var fen = 1_000 + rng.Next(20_000);
            var referral = c % 50 == 0;
            claims.Write(string.Create(CultureInfo.InvariantCulture, $"C{c:00000000},P{p:0000000},I{homes[p]:0000},2026-{month:00}-{1 + rng.Next(28):00},{fen / 100}.{fen % 100:00},{(referral ? "1,H-UP" : "0,")}\n"));
        }
    }
}
