using System.Linq;
using MedInsurance.Payment.Cases;
using MedInsurance.Payment.TestSupport;

namespace MedInsurance.Payment.QualityControl.Tests;

/// <summary>
/// The checker with its packed code table (<see cref="AsciiCodeTable{T}"/>) answers exactly as the checker that looks every
/// code up in the dictionary: every 医保版2.0 diagnosis and procedure code (../shared/data/codes-2.0), with the demo region's
/// sex and age lists, for patients of both sexes and of ages that the age lists split (newborn in days, child, adult, old).
/// </summary>
public sealed class PackedTableTests
{
    private static readonly (Sex Sex, int Years, int? Days)[] Patients =
    {
        (Sex.Male, 0, 10), (Sex.Female, 0, 200), (Sex.Female, 8, null), (Sex.Male, 45, null), (Sex.Female, 30, null), (Sex.Male, 90, null),
    };

    [Fact]
    public void Every_code_of_the_national_dictionary_is_judged_as_the_dictionary_judges_it()
    {
        var dictionary = QcCodeDictionary.Load(SharedData.Require("data/codes-2.0"), "yb2.0");
        var profile = QcProfile.Parse("{ \"name\": \"test\", \"version\": \"1\", \"lists\": [\"demo-qc-lists.csv\"] }", "test.json", QcTestCases.DemoFolder);
        var packed = new QcChecker(profile, dictionary);
        var plain = new QcChecker(profile, dictionary, packedTable: false);
        var compared = 0;
        foreach (var (sex, years, days) in Patients)
        {
            foreach (var code in dictionary.Diagnoses)
            {
                // The code as main and as secondary diagnosis (main-only rules and the list rules both run).
                var c = Case(sex, years, days) with { MainDiagnosis = QcTestCases.Dx(code), SecondaryDiagnoses = new[] { QcTestCases.Dx(code) } };
                Assert.Equal(Text(plain.Check(c)), Text(packed.Check(c)));
                compared++;
            }

            foreach (var code in dictionary.Procedures)
            {
                var c = Case(sex, years, days) with { MainProcedure = QcTestCases.Px(code) };
                Assert.Equal(Text(plain.Check(c)), Text(packed.Check(c)));
                compared++;
            }
        }

        // The 医保版2.0 files hold 33 307 diagnosis and 13 686 procedure codes: each judged for every patient.
        Assert.Equal(Patients.Length * (33_307 + 13_686), compared);
    }

    private static InpatientCase Case(Sex sex, int years, int? days) => QcTestCases.Clean() with { Sex = sex, AgeYears = years, AgeDays = days };

    private static string Text(QcCaseResult result) =>
        result.StatusText + ": " + string.Join(" ", result.Issues.Select(i => i.ToCompactString() + "=" + i.Value + "/" + i.Severity));
}
