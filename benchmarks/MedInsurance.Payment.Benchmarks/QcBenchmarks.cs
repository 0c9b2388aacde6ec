using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using BenchmarkDotNet.Attributes;
using MedInsurance.Payment.Cases;
using MedInsurance.Payment.QualityControl;

namespace MedInsurance.Payment.Benchmarks;

/// <summary>
/// Settlement-list QC (结算清单质控) over synthetic cases: the basic rule set, the 医保版2.0 dictionary with gray codes and
/// crosswalks (../shared/data/codes-2.0) and the demo region's lists. Goal: QC + indicators for 10 000 000 cases in under 10 s
/// on the 2-core machine, so QC alone well under that (docs/quality-control.md, "Speed").
/// </summary>
[QuickJob]
public class QcCheckBenchmarks
{
    private InpatientCase[] _cases = Array.Empty<InpatientCase>();
    private QcChecker _checker = null!;

    [Params(1_000_000)]
    public int Cases { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _checker = QcBenchmarkData.Checker();
        _cases = QcBenchmarkData.Generate(Cases, 2026).ToArray();
    }

    /// <summary>Checks every case on one thread; returns the rejected count (so the work is not optimised away).</summary>
    [Benchmark]
    public int CheckCases()
    {
        var rejected = 0;
        foreach (var c in _cases)
        {
            rejected += _checker.Check(c).Status == QcStatus.Rejected ? 1 : 0;
        }

        return rejected;
    }
}

/// <summary>Synthetic settlement-list cases for the QC benchmark and for timing <c>medpay check</c> as a process.</summary>
internal static class QcBenchmarkData
{
    private const string Header = "id,hospital_id,sex,age,age_days,birth_weight_g,admission_date,discharge_date,los,discharge_type,diagnoses,procedures,total_cost,drug_cost,other_cost";

    public static string CodesFolder => Path.Combine(SharedFolder.Find(), "data", "codes-2.0");

    public static string DemoProfile
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "MedInsurance.Payment.sln")))
            {
                dir = dir.Parent;
            }

            return Path.Combine(dir?.FullName ?? ".", "src", "MedInsurance.Payment.Demo", "Data", "qc", "demo-qc-profile.json");
        }
    }

    public static QcChecker Checker() => new(QcProfile.Load(DemoProfile), QcCodeDictionary.Load(CodesFolder, "yb2.0"));

    /// <summary>
    /// Cases with codes drawn from the 医保版2.0 dictionary (about 8 % gray, as the dictionary), 1 % of codes from outside it,
    /// a few wrong lengths of stay: a realistic mix of clean, warned and rejected cases. Deterministic for a seed.
    /// </summary>
    public static IEnumerable<InpatientCase> Generate(int count, int seed)
    {
        var random = new Random(seed);
        var dx = Codes("ZD_YB20_INFO.dat").Select(DiagnosisCode.Parse).ToArray();
        var px = Codes("SS_YB20_INFO.dat").Select(ProcedureCode.Parse).ToArray();
        var unknown = DiagnosisCode.Parse("K30.x00x002");
        var start = new CalendarDate(2026, 1, 1);
        for (var i = 0; i < count; i++)
        {
            var los = 1 + random.Next(20);
            var admitted = start.AddDays(random.Next(330));
            var secondary = new DiagnosisCode[random.Next(5)];
            for (var k = 0; k < secondary.Length; k++)
            {
                secondary[k] = random.Next(100) == 0 ? unknown : dx[random.Next(dx.Length)];
            }

            var procedures = new ProcedureCode[random.Next(3)];
            for (var k = 0; k < procedures.Length; k++)
            {
                procedures[k] = px[random.Next(px.Length)];
            }

            var total = 500 + random.Next(50_000);
            var drugs = total * random.Next(60) / 100;
            yield return new InpatientCase
            {
                CaseId = "Q" + i.ToString(CultureInfo.InvariantCulture),
                HospitalId = "H" + random.Next(1, 301).ToString("000", CultureInfo.InvariantCulture),
                Sex = random.Next(2) == 0 ? Sex.Male : Sex.Female,
                AgeYears = 1 + random.Next(90),
                AdmissionDate = admitted,
                DischargeDate = admitted.AddDays(los),
                LengthOfStayDays = random.Next(50) == 0 ? los + 1 : los,
                DischargeType = DischargeType.MedicalAdvice,
                MainDiagnosis = dx[random.Next(dx.Length)],
                SecondaryDiagnoses = secondary,
                MainProcedure = procedures.Length == 0 ? default : procedures[0],
                OtherProcedures = procedures.Skip(1).ToArray(),
                Costs = new CostBreakdown { Total = Money.FromYuan(total), Drugs = Money.FromYuan(drugs), Other = Money.FromYuan(total - drugs) },
            };
        }
    }

    /// <summary>Writes <paramref name="count"/> generated cases as a case CSV (streaming), to time <c>medpay check</c> as a process.</summary>
    public static void WriteFile(string path, int count)
    {
        var inv = CultureInfo.InvariantCulture;
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
        writer.Write(Header);
        writer.Write('\n');
        var line = new StringBuilder(256);
        foreach (var c in Generate(count, 2026))
        {
            line.Clear();
            line.Append(c.CaseId).Append(',').Append(c.HospitalId).Append(',').Append(c.Sex == Sex.Male ? '1' : '2').Append(',')
                .Append(c.AgeYears.ToString(inv)).Append(",,,")
                .Append(c.AdmissionDate!.Value.ToString("yyyy-MM-dd", inv)).Append(',').Append(c.DischargeDate!.Value.ToString("yyyy-MM-dd", inv)).Append(',')
                .Append(c.LengthOfStayDays.ToString(inv)).Append(",1,")
                .Append(string.Join("|", c.AllDiagnoses().Select(d => d.Value))).Append(',')
                .Append(string.Join("|", c.AllProcedures().Select(p => p.Value))).Append(',')
                .Append(c.Costs.Total.Yuan.ToString(inv)).Append(',').Append(c.Costs.Drugs.Yuan.ToString(inv)).Append(',').Append(c.Costs.Other.Yuan.ToString(inv))
                .Append('\n');
            writer.Write(line);
        }
    }

    internal static string[] Codes(string file) => File.ReadLines(Path.Combine(CodesFolder, file))
        .Select(l => l.Split(' ', 2)[0].Trim()).Where(c => c.Length > 0).ToArray();
}
