using System;
using System.IO;
using MedInsurance.Payment.TestSupport;

namespace MedInsurance.Payment.Hosting.Tests;

/// <summary><c>--header-map</c> on the commands that read case files: a HIS's own names read, a bad map refused before any work.</summary>
public sealed class HeaderMapCliTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "medpay-headermap-" + Guid.NewGuid().ToString("N"));

    public HeaderMapCliTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Cases_check_reads_his_names_through_a_map_and_refuses_a_bad_map_with_file_line_and_field()
    {
        var cases = Write("his.csv", "BAH,XB,NL,ZYTS,ZD\nC1,1,40,5,I10.x00\nC2,2,30,3,K35.800|I10.x00\n");
        var output = Path.Combine(_folder, "checked.csv");

        // Without a map the HIS names are unknown columns: every row lacks id and diagnoses.
        var unmapped = MedpayProcess.Run("cases", "check", "--input", cases, "--output", output);
        Assert.True(unmapped.Exit == 1, unmapped.Err);
        Assert.Contains("COLUMN_MISSING(id)", File.ReadAllText(output), StringComparison.Ordinal);

        var map = Write("map.csv", "their_name,our_name\nBAH,id\nXB,sex\nNL,age\nZYTS,los\nZD,diagnoses\n");
        var mapped = MedpayProcess.Run("cases", "check", "--input", cases, "--output", output, "--header-map", map);
        Assert.True(mapped.Exit == 0, mapped.Err);
        Assert.Equal(["row,id,status,issues", "1,C1,accepted,", "2,C2,accepted,"], File.ReadAllLines(output));

        File.Delete(output);
        var bad = Write("bad-map.csv", "their_name,our_name\nBAH,id\nZD,diagnoses\nZD2,diagnoses\n");
        var refused = MedpayProcess.Run("cases", "check", "--input", cases, "--output", output, "--header-map", bad);
        Assert.True(refused.Exit == 2, refused.Err);
        Assert.Contains("--header-map bad-map.csv line 4, our_name: 'ZD2' and 'ZD' (line 3) both map to 'diagnoses'", refused.Err, StringComparison.Ordinal);
        Assert.False(File.Exists(output));

        var unknown = Write("unknown-map.csv", "BAH,case_number\n");
        var refusedUnknown = MedpayProcess.Run("cases", "check", "--input", cases, "--header-map", unknown);
        Assert.True(refusedUnknown.Exit == 2, refusedUnknown.Err);
        Assert.Contains("unknown-map.csv line 1, our_name: 'case_number' is not a case column", refusedUnknown.Err, StringComparison.Ordinal);

        // A map that makes a header cell the same column as another cell of this file: refused up front.
        var clash = Write("clash.csv", "id,ZD,diagnoses\nC1,X1,I10.x00\n");
        var clashMap = Write("clash-map.csv", "ZD,id\n");
        var refusedClash = MedpayProcess.Run("cases", "check", "--input", clash, "--header-map", clashMap, "--output", output);
        Assert.True(refusedClash.Exit == 2, refusedClash.Err);
        Assert.Contains("clash.csv line 1 (header), id: COLUMN_DUPLICATED(id)", refusedClash.Err, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }
}
