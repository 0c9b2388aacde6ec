using System.IO;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MedInsurance.Payment.TestSupport;
using MedInsurance.Payment.Validation;

namespace MedInsurance.Payment.Core.Tests;

public sealed class CodeTests
{
    [Theory]
    [InlineData("K35.800x002", "K35", "K35.8", "x002")]
    [InlineData(" k35.800X002 ", "K35", "K35.8", "x002")]
    [InlineData("Ｋ３５．８００ｘ００２", "K35", "K35.8", "x002")]
    [InlineData("K35 .800 x002", "K35", "K35.8", "x002")]
    [InlineData("K35800x002", "K35", "K35.8", "x002")]
    [InlineData("A33.x00", "A33", "A33.x", "")]
    [InlineData("X59.900", "X59", "X59.9", "")]
    [InlineData("I10", "I10", "I10", "")]
    public void Diagnosis_codes_normalize_and_expose_levels(string raw, string category, string subcategory, string extension)
    {
        var code = DiagnosisCode.Parse(raw);
        Assert.Equal(category, code.Category);
        Assert.Equal(subcategory, code.Subcategory);
        Assert.Equal(extension, code.Extension);
        Assert.Equal(code, DiagnosisCode.Parse(code.Value));
    }

    [Fact]
    public void Dagger_asterisk_pairs_keep_both_parts()
    {
        var code = DiagnosisCode.Parse("a54.301 + h13.1*");
        Assert.Equal("A54.301+H13.1*", code.Value);
        Assert.Equal("A54.301", code.MainPart);
        Assert.Equal("H13.1*", code.AsteriskPart);
        Assert.Equal("A54", code.Category);
        Assert.Equal("A54.3", code.Subcategory);
        Assert.Equal("A02.200x005+M90.2*", DiagnosisCode.Parse("A02.200x005+M90.2*").Value);
        Assert.Equal("x005", DiagnosisCode.Parse("A02.200x005+M90.2*").Extension);
    }

    [Theory]
    [InlineData("47.0900x001", "47", "47.0", "47.09", "x001")]
    [InlineData("４７．０９００ｘ００１", "47", "47.0", "47.09", "x001")]
    [InlineData("06.0903", "06", "06.0", "06.09", "")]
    [InlineData("03.1x00x001", "03", "03.1", "03.1x", "x001")]
    [InlineData("99.999x9999", "99", "99.9", "99.99", "x9999")]
    [InlineData("470900x001", "47", "47.0", "47.09", "x001")]
    public void Procedure_codes_normalize_and_expose_levels(string raw, string category, string subcategory, string detail, string extension)
    {
        var code = ProcedureCode.Parse(raw);
        Assert.Equal(category, code.Category);
        Assert.Equal(subcategory, code.Subcategory);
        Assert.Equal(detail, code.Detail);
        Assert.Equal(extension, code.Extension);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Empty_codes_report_CODE_EMPTY(string? raw)
    {
        var result = DiagnosisCode.Read(raw, "diagnoses[0]");
        Assert.False(result.Success);
        Assert.Equal(IssueCodes.CodeEmpty, Assert.Single(result.Issues).Code);
        Assert.Equal("diagnoses[0]", result.Issues[0].Field);
    }

    [Theory]
    [InlineData("K3")]
    [InlineData("35.800")]
    [InlineData("K35.8000000")]
    [InlineData("K35.80#")]
    [InlineData("A54.301+H13.1")]
    public void Malformed_diagnoses_report_CODE_MALFORMED(string raw)
    {
        var result = DiagnosisCode.Read(raw, "diagnoses[1]");
        Assert.False(result.Success);
        var issue = Assert.Single(result.Issues);
        Assert.Equal(IssueCodes.CodeMalformed, issue.Code);
        // The code read is kept apart from the message (privacy: a host may log messages).
        Assert.Equal(raw, issue.Value);
        Assert.Equal("The diagnosis code is not an ICD-10 (医保版) code such as K35.800x002 or A54.301+H13.1*.", issue.MessageEn);
        Assert.Throws<System.FormatException>(() => result.GetValueOrThrow());
    }

    [Theory]
    [InlineData("K35.8")]
    [InlineData("4")]
    [InlineData("47.09000000")]
    public void Malformed_procedures_report_CODE_MALFORMED(string raw) =>
        Assert.Equal(IssueCodes.CodeMalformed, Assert.Single(ProcedureCode.Read(raw, "procedures[0]").Issues).Code);

    [Property]
    public Property Normalization_is_idempotent_and_round_trips() =>
        Prop.ForAll(
            Gen.Elements("K35.800x002", "A54.301+H13.1*", "I10", "O69.802", "P07.300x011", "A33.x00").ToArbitrary(),
            Gen.Elements(" ", "", "\u3000", "  ").ToArbitrary(),
            Gen.Elements(true, false).ToArbitrary(),
            (code, pad, lower) =>
            {
                var raw = pad + (lower ? code.ToLowerInvariant() : code) + pad;
                var parsed = DiagnosisCode.Parse(raw);
                return parsed.Value == code && DiagnosisCode.Parse(parsed.Value) == parsed;
            });

    [Property]
    public Property Full_width_text_parses_like_ascii() =>
        Prop.ForAll(
            Gen.Elements("47.0900x001", "06.0903", "65.7900x009", "95.3500", "00.0100").ToArbitrary(),
            code =>
            {
                var fullWidth = new string(code.Select(c => c == ' ' ? '\u3000' : (char)(c + 0xFEE0)).ToArray());
                return ProcedureCode.Parse(fullWidth) == ProcedureCode.Parse(code);
            });

    [Fact]
    public void Every_dictionary_code_parses_to_itself()
    {
        var diagnoses = File.ReadLines(SharedData.Require("data/codes/ZD_INFO.dat")).Select(l => l.Split(' ')[0]).Where(c => c.Length > 0).ToList();
        var procedures = File.ReadLines(SharedData.Require("data/codes/SS_INFO.dat")).Select(l => l.Split(' ')[0]).Where(c => c.Length > 0).ToList();
        Assert.All(diagnoses, c => Assert.Equal(c, DiagnosisCode.Parse(c).Value));
        Assert.All(procedures, c => Assert.Equal(c, ProcedureCode.Parse(c).Value));
        Assert.True(diagnoses.Count > 30_000);
        Assert.True(procedures.Count > 13_000);
    }
}
