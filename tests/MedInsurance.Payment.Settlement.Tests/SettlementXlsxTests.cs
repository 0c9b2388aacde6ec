using System;
using System.IO;
using System.Linq;
using System.Text;
using MedInsurance.Payment.Interchange;
using MedInsurance.Payment.TestSupport;

namespace MedInsurance.Payment.Settlement.Tests;

/// <summary>The settlement hospital table typed into Excel reads exactly as the same CSV (issue 13).</summary>
public sealed class SettlementXlsxTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("medpay-settle-xlsx-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Hospitals_from_a_sheet_carry_the_parameters_and_issues_of_the_csv()
    {
        const string text = "hospital_id,name,level,assessment_score,annual_deduction,working_advance,prior_year_fund_paid,base_points,last_year_points_resident\n"
            + "H1,一院,三级甲等,92.5,1000,,1200000,50000,\n"
            + "H2,二院,2,,,300,,,\n"
            + "\n"
            + "H3,三院,2,101,,,,,-5\n"
            + "H4,四院,2,90,12.345,,,,\n";
        var csv = Path.Combine(_folder, "hospitals.csv");
        File.WriteAllText(csv, text, new UTF8Encoding(false));
        var xlsx = Path.Combine(_folder, "hospitals.xlsx");
        XlsxWriter.WriteTableFromCsv(xlsx, text);

        using var csvText = TableFiles.OpenText(csv);
        using var xlsxText = TableFiles.OpenText(xlsx);
        var fromCsv = SettlementCsv.ReadHospitals(csvText);
        var fromXlsx = SettlementCsv.ReadHospitals(xlsxText);

        Assert.Equal(4, fromXlsx.Count);
        Assert.Equal(fromCsv.Select(Describe), fromXlsx.Select(Describe));
        Assert.Equal(92.5m, fromXlsx[0].Value!.AssessmentScore);
        Assert.Contains(fromXlsx[3].Issues, i => i.Code == SettlementIssueCodes.AmountInvalid);
    }

    private static string Describe(ReadRecord<SettlementHospital> r) =>
        r.RowNumber + "|" + r.Id + "|" + r.IsRejected + "|" + string.Join(";", r.Issues.Select(i => i.ToCompactString()))
        + "|" + (r.Value is { } h
            ? h.Hospital.Id + "," + h.Hospital.Level + "," + h.AssessmentScore + "," + h.AnnualDeduction + "," + h.WorkingAdvance + "," + h.PriorYearFundPaid + "," + string.Join("/", h.ElasticBases)
            : "-");
}
