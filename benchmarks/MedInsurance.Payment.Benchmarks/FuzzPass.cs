using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using MedInsurance.Payment.Capitation;
using MedInsurance.Payment.Consortium;
using MedInsurance.Payment.Dip;
using MedInsurance.Payment.Drg.Pricing;
using MedInsurance.Payment.Interchange;
using MedInsurance.Payment.Settlement;

namespace MedInsurance.Payment.Benchmarks;

/// <summary>
/// 长时模糊测试 — the long fuzz pass of issue 13, outside CI: random and mutated bytes (truncation, byte flips, random
/// quotes and line breaks, invalid UTF-8, huge fields, deep JSON nesting) fed to every streaming reader and every
/// loader for a set time. Readers must never throw and must account for every row (rows in = accepted + rejected,
/// row numbers 1..n, no replacement character in an id); loaders may only refuse with their documented exception
/// (<see cref="InvalidDataException"/> or <see cref="FormatException"/>). Managed memory after each input is checked
/// against a bound. Any other outcome is printed with the seed that reproduces it and makes the exit code 1.
/// </summary>
/// <remarks>Run: <c>dotnet run -c Release --project benchmarks/MedInsurance.Payment.Benchmarks -- fuzz [minutes] [seed]</c>.</remarks>
internal static class FuzzPass
{
    private const long MemoryBound = 512L << 20;

    private static readonly byte[] Interesting = { (byte)'"', (byte)',', (byte)'\n', (byte)'\r', (byte)'|', (byte)'{', (byte)'[', (byte)'}', (byte)']', (byte)':', 0xFF, 0xC3, 0xE4, 0x80, (byte)' ', 0, (byte)'.', (byte)'-', (byte)'9' };

    public static int Run(double minutes, int seed)
    {
        var data = DemoData();
        var targets = new List<(string Name, byte[] Seed, Action<byte[]> Feed)>
        {
            ("cases", Utf8("id,hospital_id,fund,sex,age,los,admission_date,discharge_date,discharge_type,diagnoses,procedures,total_cost,drug_cost\nA1,H01,employee,1,64,14,2025-01-01,2025-01-15,1,G70.800x001|H25.002,,1000.00,\"1,000.00\"\nA2,H02,居民,2,0,5,2025/02/01,20250206,1,P07.300,65.7900x009,12.5,\n"),
                b => Rows("cases", CaseCsvReader.Read(new MemoryStream(b), CsvReadOptions.Default, r => _report = r).Select(r => (r.RowNumber, r.Id, r.IsRejected)).ToList())),
            ("hospitals", File.ReadAllBytes(Path.Combine(data, "hospitals.csv")),
                b => Rows("hospitals", HospitalCsvReader.Read(new MemoryStream(b), CsvReadOptions.Default, r => _report = r).Select(r => (r.RowNumber, r.Id, r.IsRejected)).ToList())),
            ("settlement lines", Utf8(string.Join(",", SettlementLineCsv.Header) + "\nL1,H01,employee,3,DRG,DRG,1.0846,,12000.00,3000.00,9000.00,,,\nL2,H02,resident,11,PER_DIEM,,,2070.00,2070.00,0.00,,,,\n"),
                b => Rows("settlement lines", SettlementLineCsv.Read(new MemoryStream(b), CsvReadOptions.Default, r => _report = r).Select(r => (r.RowNumber, r.Id, r.IsRejected)).ToList())),
            ("capitation roster", Utf8("person_id,class,institution_id,from_month,to_month,signed\nP1,resident,A,1,12,1\nP2,employee,B,7,12,是\n"),
                b => Rows("capitation roster", CapitationCsv.ReadRoster(new MemoryStream(b), CsvReadOptions.Default, r => _report = r).Select(r => (r.RowNumber, r.Id, r.IsRejected)).ToList())),
            ("capitation claims", Utf8("claim_id,person_id,institution_id,date,fund_amount,referral,referral_target\nC1,P1,A,2026-03-05,12.30,0,\nC2,P2,B,2026-08-01,\"1,234.56\",1,H-UP\n"),
                b => Rows("capitation claims", CapitationCsv.ReadClaims(new MemoryStream(b), CsvReadOptions.Default, r => _report = r).Select(r => (r.RowNumber, r.Claim.ClaimId ?? string.Empty, r.IsRejected)).ToList())),
            ("consortium members", File.ReadAllBytes(Path.Combine(data, "consortium-members.csv")),
                b => Rows("consortium members", ConsortiumCsv.ReadMembers(new MemoryStream(b), CsvReadOptions.Default, r => _report = r).Select(r => (r.RowNumber, r.Id, r.IsRejected)).ToList())),
            ("capitation policy", File.ReadAllBytes(Path.Combine(data, "capitation-policy.json")), b => Load(() => CapitationPolicyLoader.Parse(Encoding.UTF8.GetString(b), "fuzz.json"))),
            ("consortium policy", File.ReadAllBytes(Path.Combine(data, "consortium-policy.json")), b => Load(() => ConsortiumPolicyLoader.Parse(Encoding.UTF8.GetString(b), "fuzz.json"))),
            ("settlement policy", File.ReadAllBytes(Path.Combine(data, "settlement-policy.json")), b => Load(() => SettlementPolicyLoader.Parse(Encoding.UTF8.GetString(b), "fuzz.json"))),
            ("DIP catalog", File.ReadAllBytes(Path.Combine(data, "dip-catalog.json")), b => Load(() => DipCatalogFiles.FromJson(Encoding.UTF8.GetString(b), "fuzz.json"))),
            ("DRG table", File.ReadAllBytes(Path.Combine(data, "drg-weights.csv")), b => Load(() => DrgRegionalTableReader.Read(b, "fuzz.csv", new DrgTableOptions()))),
        };

        var clock = Stopwatch.StartNew();
        var random = new Random(seed);
        long inputs = 0, failures = 0;
        var perTarget = new long[targets.Count];
        while (clock.Elapsed.TotalMinutes < minutes)
        {
            var t = (int)(inputs % targets.Count);
            var inputSeed = random.Next();
            var kind = (int)(inputs / targets.Count % 8);
            var bytes = kind == 7 ? RandomBytes(new Random(inputSeed)) : Mutate(new Random(inputSeed), targets[t].Seed, kind);
            try
            {
                targets[t].Feed(bytes);
                if (GC.GetTotalMemory(false) > MemoryBound && GC.GetTotalMemory(true) > MemoryBound)
                {
                    throw new InvalidOperationException("managed memory above " + (MemoryBound >> 20).ToString(CultureInfo.InvariantCulture) + " MB");
                }
            }
            catch (Exception ex)
            {
                failures++;
                Console.WriteLine("FAIL " + targets[t].Name + " kind " + kind.ToString(CultureInfo.InvariantCulture) + " seed " + inputSeed.ToString(CultureInfo.InvariantCulture) + ": " + ex.GetType().Name + ": " + ex.Message);
            }

            perTarget[t]++;
            inputs++;
        }

        Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "fuzz: {0} inputs in {1:0.0} min (seed {2}), {3} failures", inputs, clock.Elapsed.TotalMinutes, seed, failures));
        Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "  readers: {0} rows, {1} rejected; loaders: {2} loads, {3} refused", _rows, _rejectedRows, _loads, _refused));
        for (var t = 0; t < targets.Count; t++)
        {
            Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "  {0,-20} {1,10} inputs", targets[t].Name, perTarget[t]));
        }

        return failures == 0 ? 0 : 1;
    }

    [ThreadStatic]
    private static CsvReadReport? _report;

    // What the inputs did, so that a pass that tested nothing shows it: rows read and rejected, loads refused.
    private static long _rows, _rejectedRows, _loads, _refused;

    private static void Rows(string name, List<(int Row, string Id, bool Rejected)> records)
    {
        var report = _report ?? throw new InvalidOperationException(name + ": no read report");
        _report = null;
        if (report.Rows != records.Count || report.Accepted + report.Rejected != report.Rows || report.Accepted != records.Count(r => !r.Rejected))
        {
            throw new InvalidOperationException(name + ": rows in " + report.Rows.ToString(CultureInfo.InvariantCulture) + ", records " + records.Count.ToString(CultureInfo.InvariantCulture) + ", accepted " + report.Accepted.ToString(CultureInfo.InvariantCulture));
        }

        _rows += records.Count;
        _rejectedRows += report.Rejected;
        for (var i = 0; i < records.Count; i++)
        {
            if (records[i].Row != i + 1)
            {
                throw new InvalidOperationException(name + ": row numbers not 1..n");
            }

            if (!report.Encoding.StartsWith("utf-16", StringComparison.Ordinal) && records[i].Id.Contains('\uFFFD', StringComparison.Ordinal))
            {
                throw new InvalidOperationException(name + ": a replacement character in an id");
            }
        }
    }

    private static void Load(Action load)
    {
        _loads++;
        try
        {
            load();
        }
        catch (Exception ex) when (ex is InvalidDataException or FormatException)
        {
            _refused++;
        }
    }

    private static byte[] Utf8(string text) => new UTF8Encoding(false).GetBytes(text);

    private static byte[] RandomBytes(Random random)
    {
        var bytes = new byte[random.Next(4_000)];
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] = random.Next(3) == 0 ? Interesting[random.Next(Interesting.Length)] : (byte)random.Next(256);
        }

        return bytes;
    }

    // 0 truncation, 1 byte flips, 2 interesting bytes inserted, 3 a huge field, 4 deep nesting, 5 a slice repeated, 6 all at once.
    private static byte[] Mutate(Random random, byte[] source, int kind)
    {
        var bytes = new List<byte>(source);
        void Flip() => bytes[random.Next(bytes.Count)] = (byte)random.Next(256);
        void Insert() => bytes.Insert(random.Next(bytes.Count + 1), Interesting[random.Next(Interesting.Length)]);
        switch (kind)
        {
            case 0:
                var keep = random.Next(bytes.Count);
                bytes.RemoveRange(keep, bytes.Count - keep);
                break;
            case 1:
                for (var i = random.Next(1, 8); i > 0 && bytes.Count > 0; i--)
                {
                    Flip();
                }

                break;
            case 2:
                for (var i = random.Next(1, 8); i > 0; i--)
                {
                    Insert();
                }

                break;
            case 3:
                bytes.InsertRange(random.Next(bytes.Count + 1), Enumerable.Repeat((byte)'7', random.Next(10_000, 200_000)));
                break;
            case 4:
                var depth = random.Next(100, 5_000);
                bytes.InsertRange(random.Next(bytes.Count + 1), Enumerable.Repeat((byte)'[', depth).Concat(Enumerable.Repeat((byte)']', depth)));
                break;
            case 5:
                var from = random.Next(bytes.Count);
                var slice = bytes.Skip(from).Take(random.Next(1, 200)).ToArray();
                for (var i = random.Next(2, 50); i > 0; i--)
                {
                    bytes.InsertRange(random.Next(bytes.Count + 1), slice);
                }

                break;
            default:
                for (var i = random.Next(1, 6); i > 0 && bytes.Count > 0; i--)
                {
                    Flip();
                    Insert();
                }

                var cut = random.Next(bytes.Count / 4 + 1);
                bytes.RemoveRange(bytes.Count - cut, cut);
                break;
        }

        return bytes.ToArray();
    }

    // The demo region's data files in the repository (src/MedInsurance.Payment.Demo/Data): the seeds of the loaders.
    private static string DemoData()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "MedInsurance.Payment.sln")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir?.FullName ?? Directory.GetCurrentDirectory(), "src", "MedInsurance.Payment.Demo", "Data");
    }
}
