using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Xunit;
using MedInsurance.Payment.Cases;
using MedInsurance.Payment.Validation;

namespace MedInsurance.Payment.Core.Tests;

/// <summary>
/// The basic checks report a repeated code exactly where its text repeats. The pools hold codes that differ only in a
/// character or two in the middle (a check that compared only lengths or ends of codes would take them for repeats), and
/// every code is parsed from its own string, so repeats are never the same object (a check by reference would miss them).
/// </summary>
public sealed class DuplicateCodeTests
{
    // Codes of one length that differ in one inner character, and shorter codes.
    private static readonly string[] Diagnoses = { "K35.800x002", "K35.801x002", "K35.800x102", "K25.800x002", "K35.900x002", "I10", "I11", "J18.9", "J18.8", "A01.0" };

    private static readonly string[] Procedures = { "47.0901", "47.0911", "47.0902", "45.7301", "45.7302", "36.0601" };

    private static string Fresh(string text) => new(text.ToCharArray());

    /// <summary>The fields of the list "main (when not empty) then others" whose text appeared earlier in it.</summary>
    private static string[] Repeats(string prefix, IReadOnlyList<string?> texts)
    {
        var fields = new List<string>();
        for (var i = 0; i < texts.Count; i++)
        {
            if (texts.Take(i).Contains(texts[i], StringComparer.Ordinal))
            {
                fields.Add(prefix + "[" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]");
            }
        }

        return fields.ToArray();
    }

    private static string[] Fields(InpatientCase c, string code) =>
        InpatientCaseValidator.Validate(c).Where(i => i.Code == code).Select(i => i.Field).ToArray();

    [Property(MaxTest = 300)]
    public void Repeated_codes_are_found_whatever_characters_they_differ_in(int seed)
    {
        var random = new Random(seed);
        var dx = Enumerable.Range(0, 1 + random.Next(9)).Select(_ => Diagnoses[random.Next(Diagnoses.Length)]).ToList();
        var px = Enumerable.Range(0, random.Next(7)).Select(_ => Procedures[random.Next(Procedures.Length)]).ToList();
        var c = new InpatientCase
        {
            CaseId = "C1",
            MainDiagnosis = DiagnosisCode.Parse(Fresh(dx[0])),
            SecondaryDiagnoses = dx.Skip(1).Select(t => DiagnosisCode.Parse(Fresh(t))).ToList(),
            MainProcedure = px.Count > 0 ? ProcedureCode.Parse(Fresh(px[0])) : default,
            OtherProcedures = px.Skip(1).Select(t => ProcedureCode.Parse(Fresh(t))).ToList(),
        };

        Assert.Equal(Repeats("diagnoses", dx.Select(t => DiagnosisCode.Parse(t).Value).ToList()), Fields(c, IssueCodes.DiagnosisDuplicated));
        Assert.Equal(Repeats("procedures", px.Select(t => ProcedureCode.Parse(t).Value).ToList()), Fields(c, IssueCodes.ProcedureDuplicated));
    }

    [Fact]
    public void Codes_alike_but_for_one_inner_character_are_not_repeats()
    {
        var c = new InpatientCase
        {
            CaseId = "C1",
            MainDiagnosis = DiagnosisCode.Parse("K35.800x002"),
            SecondaryDiagnoses = new[] { DiagnosisCode.Parse("K35.801x002"), DiagnosisCode.Parse(Fresh("K35.800x002")) },
        };

        // diagnoses[1] differs from [0] only in character 6; [2] repeats [0] in another string.
        Assert.Equal(new[] { "diagnoses[2]" }, Fields(c, IssueCodes.DiagnosisDuplicated));
    }

    [Fact]
    public void Empty_codes_in_a_list_repeat_each_other_but_an_empty_main_code_is_not_counted()
    {
        var c = new InpatientCase
        {
            CaseId = "C1",
            SecondaryDiagnoses = new[] { DiagnosisCode.Parse("I10"), default, default },
        };

        // No main diagnosis: the list is the others alone, and its second empty entry repeats the first.
        Assert.Equal(new[] { "diagnoses[2]" }, Fields(c, IssueCodes.DiagnosisDuplicated));
    }

    [Theory]
    [InlineData("K35.800x002", "K35.800x002", true)]
    [InlineData("K35.800x002", "K35.800x003", false)]
    [InlineData("K35.800x002", "L35.800x002", false)]
    [InlineData("K35.800x002", "K35.801x002", false)]
    [InlineData("I10", "I10.x00", false)]
    public void Code_equality_is_ordinal_text_equality(string a, string b, bool equal)
    {
        Assert.Equal(equal, DiagnosisCode.Parse(a).Equals(DiagnosisCode.Parse(Fresh(b))));
        Assert.Equal(equal, DiagnosisCode.Parse(a) == DiagnosisCode.Parse(b));
        Assert.False(DiagnosisCode.Parse(a).Equals(default));
        Assert.True(default(DiagnosisCode).Equals(default));
    }
}
