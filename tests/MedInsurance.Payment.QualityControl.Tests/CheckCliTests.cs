using System;
using System.IO;
using System.Linq;
using MedInsurance.Payment.TestSupport;

namespace MedInsurance.Payment.QualityControl.Tests;

/// <summary><c>medpay check</c> end to end: one row per case in input order, the summary, the profile, exit codes.</summary>
public sealed class CheckCliTests
{
    private const string Header = "id,hospital_id,sex,age,age_days,birth_weight_g,admission_date,discharge_date,los,discharge_type,diagnoses,procedures,total_cost";

    [Fact]
    public void One_row_per_case_in_input_order_with_status_counts_and_issues()
    {
        var folder = Folder();
        var input = Write(folder, "cases.csv",
            Header,
            "C1,H1,1,45,,,2026-03-01,2026-03-08,7,1,J18.900|I10.x00x002,87.4401,5000",
            "C2,H1,2,45,,,2026-03-01,2026-03-09,7,1,J18.900|A00.000,87.4401,5000",
            "C3,H2,1,45,,,2026-03-01,2026-03-08,7,1,J18.900|C53.900|A18.300x009,,5000",
            "C4,H2,1,abc,,,2026-03-01,2026-03-08,7,1,J18.900,,5000");
        var output = Path.Combine(folder, "issues.csv");
        var summary = Path.Combine(folder, "summary.csv");
        var run = MedpayProcess.Run("check", "--input", input, "--output", output, "--summary", summary, "--profile", Path.Combine(QcTestCases.DemoFolder, "demo-qc-profile.json"), "--dictionaries", QcTestCases.DictionaryFolder(), "--threads", "1");
        Assert.True(run.Exit == 1, run.Err);
        var rows = File.ReadAllLines(output).Select(l => l.TrimStart('\uFEFF')).ToArray();
        Assert.Equal("row,id,hospital_id,status,errors,warnings,issues", rows[0]);
        Assert.Equal("1,C1,H1,accepted,0,0,", rows[1]);
        // C2: LOS 7 against 8 days (warning); A00.000 is gray and the demo profile makes gray codes errors.
        Assert.Equal("2,C2,H1,rejected,1,1,LOS_MISMATCH(los);QC_DX_GRAY(diagnoses[1])", rows[2]);
        // C3: a male with C53 (demo sex list), a 医保版1.0 code the crosswalk maps (warning, mapped code not in the row).
        Assert.Equal("3,C3,H2,rejected,1,1,QC_DX_SEX_CONFLICT(diagnoses[1]);QC_DX_EDITION_MAPPED(diagnoses[2])", rows[3]);
        // C4: the age cannot be read; the reader's FIELD_INVALID names it and the age rules do not judge the default it filled in.
        Assert.Equal("4,C4,H2,rejected,1,0,FIELD_INVALID(age)", rows[4]);
        Assert.Equal(5, rows.Length);
        Assert.DoesNotContain("K93.0", File.ReadAllText(output), StringComparison.Ordinal);

        var lines = File.ReadAllLines(summary).Select(l => l.TrimStart('\uFEFF')).ToArray();
        Assert.Equal("kind,key,severity,cases,issues,accepted,warning,rejected", lines[0]);
        Assert.Contains("total,all,,4,5,1,0,3", lines);
        Assert.Contains("rule,QC_DX_GRAY,error,1,1,,,", lines);
        Assert.Contains("hospital,H2,,2,3,0,0,2", lines);
        Assert.Contains("hospital,H1,,2,2,1,0,1", lines);
        Assert.Contains("QC_DX_SEX_CONFLICT", run.Err, StringComparison.Ordinal);
        Assert.Contains("check: 4 rows, 1 accepted, 0 with warnings, 3 rejected", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void All_accepted_exits_0_and_warnings_count_as_accepted()
    {
        var folder = Folder();
        var input = Write(folder, "cases.csv", Header, "C1,H1,1,45,,,2026-03-01,2026-03-08,8,1,J18.900,,5000");
        var output = Path.Combine(folder, "issues.csv");
        var run = MedpayProcess.Run("check", "--input", input, "--output", output);
        Assert.True(run.Exit == 0, run.Err);
        Assert.Equal("1,C1,H1,warning,0,1,LOS_MISMATCH(los)", File.ReadAllLines(output)[1]);
        Assert.Contains("no --dictionaries", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_corrupt_profile_exits_2_naming_file_line_and_field_and_writes_nothing()
    {
        var folder = Folder();
        var input = Write(folder, "cases.csv", Header, "C1,H1,1,45,,,2026-03-01,2026-03-08,7,1,J18.900,,5000");
        var profile = Write(folder, "qc.json", "{", "  \"name\": \"x\",", "  \"version\": \"1\",", "  \"rules\": { \"QC_DX_GRAY\": { \"severity\": \"severe\" } }", "}");
        var output = Path.Combine(folder, "issues.csv");
        var run = MedpayProcess.Run("check", "--input", input, "--output", output, "--profile", profile);
        Assert.Equal(2, run.Exit);
        Assert.Contains("qc.json:4: field rules.QC_DX_GRAY.severity", run.Err, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void A_missing_dictionary_folder_or_bad_edition_exits_2()
    {
        var folder = Folder();
        var input = Write(folder, "cases.csv", Header, "C1,H1,1,45,,,2026-03-01,2026-03-08,7,1,J18.900,,5000");
        var output = Path.Combine(folder, "issues.csv");
        Assert.Equal(2, MedpayProcess.Run("check", "--input", input, "--output", output, "--dictionaries", Path.Combine(folder, "none")).Exit);
        Assert.Equal(2, MedpayProcess.Run("check", "--input", input, "--output", output, "--dictionaries", folder, "--edition", "yb9").Exit);
        Assert.Equal(2, MedpayProcess.Run("check", "--input", input, "--output", output, "--dictionaries", folder).Exit); // no ZD_YB20_INFO.dat there
        Assert.False(File.Exists(output));
    }

    private static string Folder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "qc-cli-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    private static string Write(string folder, string name, params string[] lines)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllLines(path, lines);
        return path;
    }
}
