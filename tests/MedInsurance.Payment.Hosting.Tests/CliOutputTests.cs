using System;
using System.IO;
using System.Linq;
using MedInsurance.Payment.Cli;
using MedInsurance.Payment.Demo;
using MedInsurance.Payment.TestSupport;

namespace MedInsurance.Payment.Hosting.Tests;

/// <summary>Safe and friendly outputs (issue 13): a UTF-8 BOM unless --no-bom, formula-like cells escaped unless --raw, exit 3 without a stack trace.</summary>
public sealed class CliOutputTests
{
    [Fact]
    public void Result_csv_has_a_bom_and_escapes_formula_like_ids_unless_told_otherwise()
    {
        var folder = Path.Combine(Path.GetTempPath(), "medpay-cli-output-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var input = Path.Combine(folder, "cases.csv");
            var weights = Path.Combine(folder, "weights.csv");
            var hospitals = Path.Combine(folder, "hospitals.csv");
            File.WriteAllText(input, "id,hospital_id,fund,sex,age,los,discharge_date,discharge_type,diagnoses,procedures,total_cost,fund_paid,patient_paid\n"
                + "=1+2,DEMO-H1,employee,2,30,5,2026-03-06,1,K35.800x002,47.0100,12000.00,9000.00,3000.00\n");
            File.WriteAllText(weights, "drg,weight\nGD25,0.9860\n");
            File.WriteAllText(hospitals, "hospital_id,name,level,type\nDEMO-H1,a,三级甲等,general\n");
            string Price(string output, params string[] extra)
            {
                var run = MedpayProcess.Run(new[] { "drg", "price", "--rules", DemoRegion.Load().DrgRuleFolder, "--edition", DemoRegion.DrgEdition, "--input", input, "--weights", weights, "--hospitals", hospitals, "--output", output }.Concat(extra).ToArray());
                Assert.True(run.Exit == 0, run.Err);
                return output;
            }

            var safe = File.ReadAllBytes(Price(Path.Combine(folder, "safe.csv")));
            Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, safe.Take(3).ToArray());
            var safeRow = File.ReadAllLines(Path.Combine(folder, "safe.csv"))[1];
            Assert.StartsWith("'=1+2,DEMO-H1,", safeRow, StringComparison.Ordinal);

            var raw = File.ReadAllBytes(Price(Path.Combine(folder, "raw.csv"), "--raw", "--no-bom"));
            Assert.Equal((byte)'l', raw[0]); // line_id…, no BOM
            Assert.StartsWith("=1+2,DEMO-H1,", File.ReadAllLines(Path.Combine(folder, "raw.csv"))[1], StringComparison.Ordinal);

            // The escaped file chains: settle year reads the id back without the apostrophe.
            var lines = Interchange.SettlementLineCsv.Read(new StreamReader(Path.Combine(folder, "safe.csv"))).Single();
            Assert.Equal("=1+2", lines.Value!.Line.LineId);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void An_invalid_command_line_exits_2_before_any_work()
    {
        var run = MedpayProcess.Run("drg", "group", "--rules", DemoRegion.Load().DrgRuleFolder, "--edition", DemoRegion.DrgEdition, "--input", "x.csv", "--output", "y.csv", "--threads", "0");
        Assert.Equal(2, run.Exit);
        Assert.Contains("medpay: --threads must be between 1 and 256.", run.Err, StringComparison.Ordinal);
        Assert.Equal(2, MedpayProcess.Run("drg", "group", "--no-such-option").Exit);
    }

    [Fact]
    public void An_internal_error_is_one_line_and_exit_3_and_the_stack_only_with_verbose()
    {
        var quiet = new StringWriter();
        Assert.Equal(3, CliErrors.Report(new InvalidOperationException("boom"), verbose: false, quiet));
        Assert.Equal("medpay: internal error (InvalidOperationException): boom" + Environment.NewLine + "medpay: run again with --verbose for the stack trace." + Environment.NewLine, quiet.ToString());

        var verbose = new StringWriter();
        Exception thrown;
        try
        {
            throw new InvalidOperationException("boom");
        }
        catch (InvalidOperationException ex)
        {
            thrown = ex;
        }

        Assert.Equal(3, CliErrors.Report(thrown, verbose: true, verbose));
        Assert.Contains("at MedInsurance.Payment.Hosting.Tests.CliOutputTests", verbose.ToString(), StringComparison.Ordinal);
    }
}
