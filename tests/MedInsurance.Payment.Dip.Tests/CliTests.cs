using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;

namespace MedInsurance.Payment.Dip.Tests;

/// <summary>End-to-end runs of <c>medpay dip build-catalog</c> and <c>medpay dip score</c> on small hand-written files.</summary>
public sealed class CliTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "medpay-dip-" + Guid.NewGuid().ToString("N"));

    public CliTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }

    private static (int Code, string Out, string Err) Medpay(params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "medpay.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    [Fact]
    public void Build_catalog_then_score_writes_one_row_per_input_row_in_order()
    {
        var history = new StringBuilder("id,hospital_id,sex,age,los,discharge_date,diagnoses,procedures,total_cost\n");
        for (var i = 0; i < 20; i++)
        {
            history.Append('a').Append(i).Append(",H1,1,40,5,2025-05-01,K35.900x001,47.0900,10000\n");
            history.Append('b').Append(i).Append(",H2,2,30,3,2024-05-01,J06.900,,2000\n");
        }

        var historyCsv = Write("history.csv", history.ToString());
        var hospitals = Write("hospitals.csv", "hospital_id,name,level,type,coefficient\nH1,一院,三级甲等,general,\nH2,卫生院,1,primary,0.8\n");
        var catalog = Path.Combine(_dir, "catalog.json");
        var build = Medpay("dip", "build-catalog", "--history", historyCsv, "--hospitals", hospitals, "--output", catalog);
        Assert.True(build.Code == 0, build.Err);
        Assert.Contains("core                 2        40", build.Out, StringComparison.Ordinal);

        var cases = Write(
            "cases.csv",
            "id,hospital_id,sex,age,los,discharge_date,diagnoses,procedures,total_cost\n"
            + "c1,H1,1,40,5,2026-03-01,K35.900x001,47.0900,25000\n"
            + "c2,H1,1,40,0,2026-03-01,K35.900x001,47.0900,25000\n"
            + "c3,H9,2,30,3,2026-03-01,Z99.900,,300\n"
            + "c4,H2,2,30,3,2026-03-01,J06.900,,2000\n");
        var scored = Path.Combine(_dir, "scored.csv");
        var run = Medpay("dip", "score", "--catalog", catalog, "--hospitals", hospitals, "--profile", "national-dip-1.0", "--input", cases, "--output", scored);
        Assert.True(run.Code == 0, run.Err);
        Assert.Matches(@"^scoring: 3 cases in [0-9.]+ ms = [0-9]+ cases/s \(threads 1\)", run.Err.Trim());
        var lines = File.ReadAllLines(scored);
        Assert.Equal("id,status,group_code,group_kind,ratio,deviation,base_score,hospital_coefficient,auxiliary_coefficient,case_score,review,issues", lines[0]);
        Assert.Equal(new[] { "c1", "c2", "c3", "c4" }, lines.Skip(1).Select(l => l.Split(',')[0]));
        Assert.StartsWith("c1,scored,K35.9:47.0900,core,2.5,high,", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("c2,rejected,", lines[2], StringComparison.Ordinal);
        Assert.Contains("LOS_INVALID", lines[2], StringComparison.Ordinal);
        Assert.StartsWith("c3,unmatched,,unmatched,", lines[3], StringComparison.Ordinal);
        Assert.Contains("DIP_UNMATCHED", lines[3], StringComparison.Ordinal);
        Assert.StartsWith("c4,scored,J06.9:-,core,1,normal,", lines[4], StringComparison.Ordinal);
    }

    [Fact]
    public void Score_adds_the_hospitals_bonus_coefficient_and_refuses_a_bad_one()
    {
        var catalog = Write(
            "catalog.csv",
            "group_code,group_name,kind,diagnosis,main_procedure,related_procedures,procedure_class,score,mean_cost,case_count,cv\n"
            + "K35.9:-,阑尾炎,core,K35.9,,,,1000,10000,100,0.3\n");
        var cases = Write("cases.csv", "id,hospital_id,sex,age,los,discharge_date,diagnoses,procedures,total_cost\nc1,H1,1,40,5,2026-03-01,K35.900,,10000\n");
        var scored = Path.Combine(_dir, "scored.csv");
        var good = Write("hospitals.csv", "hospital_id,name,level,type,coefficient,coefficient_bonus\nH1,一院,三级甲等,general,1.05,0.03\n");
        var run = Medpay("dip", "score", "--catalog", catalog, "--hospitals", good, "--profile", "national-dip-1.0", "--input", cases, "--output", scored);
        Assert.True(run.Code == 0, run.Err);
        Assert.StartsWith("c1,scored,K35.9:-,core,1,normal,1000,1.08,1,1080.0000,", File.ReadAllLines(scored)[1], StringComparison.Ordinal);

        var bad = Write("bad.csv", "hospital_id,name,level,type,coefficient,coefficient_bonus\nH1,一院,三级甲等,general,1.05,-0.1\n");
        var refused = Medpay("dip", "score", "--catalog", catalog, "--hospitals", bad, "--profile", "national-dip-1.0", "--input", cases, "--output", scored);
        Assert.Equal(2, refused.Code);
        Assert.Contains("row 1: DIP_HOSPITAL_COEFFICIENT_INVALID(coefficient_bonus)", refused.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_profile_is_reported_with_the_built_in_names()
    {
        var empty = Write("x.csv", "id\n");
        var run = Medpay("dip", "score", "--catalog", empty, "--hospitals", empty, "--profile", "shanghai", "--input", empty, "--output", Path.Combine(_dir, "o.csv"));
        Assert.Equal(2, run.Code);
        Assert.Contains("national-dip-1.0", run.Err, StringComparison.Ordinal);
    }
}
