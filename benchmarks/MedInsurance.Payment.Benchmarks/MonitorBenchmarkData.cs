using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;

namespace MedInsurance.Payment.Benchmarks;

/// <summary>
/// A synthetic region for timing QC + indicators as processes (<c>medpay check</c>, <c>medpay monitor</c>) at scale:
/// <c>cases.csv</c> (settlement-list columns with 医保版2.0 codes as <see cref="QcBenchmarkData"/>, plus patient_id,
/// admission_route and out_of_catalog_cost), <c>results.csv</c> (the <c>medpay drg price</c> columns, one row per case row in
/// order) and <c>hospitals.csv</c>. The shape of <see cref="MonitoringBenchmarks"/>: 200 hospitals at 3 levels, 600 DRGs
/// (200 ADRGs × 1/3/5), a year of discharges, one patient per 3 cases, 2 % deaths, 1 % one-day and 1 % 61–90-day stays,
/// 5 % referrals. Codes are drawn uniformly from the dictionaries (the worst case for every code cache and lookup) or,
/// with <c>zipf</c>, with probability ∝ 1/rank over a fixed random ranking of the codes (the heavy-tailed shape of real
/// coding: a few hundred codes cover most cases). Deterministic.
/// </summary>
internal static class MonitorBenchmarkData
{
    private const string CasesHeader = "id,hospital_id,patient_id,sex,age,admission_date,discharge_date,los,discharge_type,admission_route,diagnoses,procedures,total_cost,drug_cost,other_cost,out_of_catalog_cost";
    private const string ResultsHeader = "line_id,hospital_id,total_cost,points,drg,weight,outlier,review_candidate";

    /// <summary>Writes the three files into <paramref name="folder"/>.</summary>
    public static void WriteFiles(string folder, long count, bool zipf = false)
    {
        Directory.CreateDirectory(folder);
        var inv = CultureInfo.InvariantCulture;
        var hospitals = new StringBuilder("hospital_id,name,level,type\n");
        for (var h = 0; h < 200; h++)
        {
            hospitals.Append('H').Append(h.ToString("000", inv)).Append(",Hospital ").Append(h.ToString(inv)).Append(',').Append((1 + (h % 3)).ToString(inv)).Append(",general\n");
        }

        File.WriteAllText(Path.Combine(folder, "hospitals.csv"), hospitals.ToString());
        var dx = QcBenchmarkData.Codes("ZD_YB20_INFO.dat").ToArray();
        var px = QcBenchmarkData.Codes("SS_YB20_INFO.dat").ToArray();
        var drgs = new string[600];
        var weights = new string[600];
        for (var g = 0; g < drgs.Length; g++)
        {
            drgs[g] = ((char)('A' + (g / 3 % 26))).ToString() + ((char)('A' + (g / 78 % 26))).ToString() + (g / 3 % 10).ToString(inv) + "135"[g % 3];
            weights[g] = (0.5m + (g % 17 / 10m)).ToString(inv);
        }

        var random = new Random(20261203);
        Func<string[], string> pickDx = zipf ? Zipf(dx, new Random(1)) : codes => codes[random.Next(codes.Length)];
        Func<string[], string> pickPx = zipf ? Zipf(px, new Random(2)) : codes => codes[random.Next(codes.Length)];
        var start = new DateTime(2026, 1, 1);
        using var cases = new StreamWriter(Path.Combine(folder, "cases.csv"), false, new UTF8Encoding(false), 1 << 20);
        using var results = new StreamWriter(Path.Combine(folder, "results.csv"), false, new UTF8Encoding(false), 1 << 20);
        cases.Write(CasesHeader + "\n");
        results.Write(ResultsHeader + "\n");
        var line = new StringBuilder(256);
        var patients = Math.Max(1, count / 3);
        for (long i = 0; i < count; i++)
        {
            var los = random.Next(100) switch { 0 => 1, < 2 => 61 + random.Next(30), _ => 2 + random.Next(20) };
            var discharged = start.AddDays(random.Next(365));
            var admitted = discharged.AddDays(-los);
            var hospital = "H" + random.Next(200).ToString("000", inv);
            var total = los * (500L + random.Next(1000));
            var drugs = total * random.Next(60) / 100;
            var g = random.Next(drgs.Length);
            line.Clear();
            line.Append('C').Append(i.ToString(inv)).Append(',').Append(hospital).Append(",P").Append(((long)(random.NextDouble() * patients)).ToString(inv))
                .Append(',').Append(random.Next(2) == 0 ? '1' : '2').Append(',').Append((1 + random.Next(90)).ToString(inv)).Append(',')
                .Append(admitted.ToString("yyyy-MM-dd", inv)).Append(',').Append(discharged.ToString("yyyy-MM-dd", inv)).Append(',')
                .Append(los.ToString(inv)).Append(',').Append(random.Next(50) == 0 ? '5' : '1').Append(',').Append(random.Next(20) == 0 ? '3' : '2').Append(',')
                .Append(pickDx(dx));
            for (var k = random.Next(5); k > 0; k--)
            {
                line.Append('|').Append(pickDx(dx));
            }

            line.Append(',');
            for (var k = random.Next(3); k > 0; k--)
            {
                line.Append(pickPx(px)).Append(k > 1 ? "|" : string.Empty);
            }

            line.Append(',').Append(total.ToString(inv)).Append(',').Append(drugs.ToString(inv)).Append(',').Append((total - drugs).ToString(inv))
                .Append(',').Append((random.Next(10_000) / 100m).ToString(inv)).Append('\n');
            cases.Write(line);
            line.Clear();
            line.Append('C').Append(i.ToString(inv)).Append(',').Append(hospital).Append(',').Append(total.ToString(inv)).Append(',').Append(weights[g]).Append(',')
                .Append(drgs[g]).Append(',').Append(weights[g]).Append(',').Append(g % 10 == 0 ? "high" : "normal").Append(',').Append(g % 50 == 0 ? '1' : '0').Append('\n');
            results.Write(line);
        }
    }

    /// <summary>A sampler over <paramref name="codes"/> with probability ∝ 1/rank, the ranks a random permutation.</summary>
    private static Func<string[], string> Zipf(string[] codes, Random random)
    {
        var ranked = codes.OrderBy(_ => random.Next()).ToArray();
        var cumulative = new double[ranked.Length];
        var sum = 0d;
        for (var k = 0; k < ranked.Length; k++)
        {
            sum += 1d / (k + 1);
            cumulative[k] = sum;
        }

        return _ =>
        {
            var index = Array.BinarySearch(cumulative, random.NextDouble() * sum);
            return ranked[Math.Min(index < 0 ? ~index : index, ranked.Length - 1)];
        };
    }
}
