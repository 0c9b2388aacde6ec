using System.IO;
using System.Linq;
using MedInsurance.Payment.Cases;
using MedInsurance.Payment.Interchange;

namespace MedInsurance.Payment.Core.Tests;

/// <summary>The case fields the supervision indicators need: 人员编号, 入院途径, 个人自费 (own and national names).</summary>
public sealed class SupervisionFieldsTests
{
    private static ReadRecord<InpatientCase>[] Read(string csv) =>
        CaseCsvReader.Read(new StringReader(csv), CsvReadOptions.Default, null, null).ToArray();

    [Fact]
    public void Patient_id_admission_route_and_out_of_catalog_cost_are_read_under_both_names()
    {
        var own = Read("id,sex,los,diagnoses,patient_id,admission_route,out_of_catalog_cost\nC1,1,5,J18.900,P-01,3,120.50\nC2,1,5,J18.900,,急诊,\n");
        var national = Read("清单流水号,性别,实际住院天数,主要诊断代码,医保编号,入院途径,个人自费\nC1,1,5,J18.900,P-01,其他医疗机构转入,120.50\nC2,1,5,J18.900,,1,\n");
        foreach (var records in new[] { own, national })
        {
            Assert.All(records, r => Assert.False(r.IsRejected, string.Join(", ", r.Issues.Select(i => i.ToCompactString()))));
            Assert.Equal(("P-01", AdmissionRoute.Referral, 12050L), (records[0].Value!.PatientId, records[0].Value!.AdmissionRoute, records[0].Value!.OutOfCatalogCost.Fen));
            Assert.Equal((string.Empty, AdmissionRoute.Emergency, 0L), (records[1].Value!.PatientId, records[1].Value!.AdmissionRoute, records[1].Value!.OutOfCatalogCost.Fen));
        }
    }

    [Fact]
    public void An_unknown_admission_route_rejects_the_row_naming_the_field_not_the_value()
    {
        var record = Read("id,sex,los,diagnoses,admission_route\nC1,1,5,J18.900,7\n").Single();
        Assert.True(record.IsRejected);
        var issue = Assert.Single(record.Issues);
        Assert.Equal("admission_route", issue.Field);
        Assert.DoesNotContain("7", issue.ToString(), System.StringComparison.Ordinal);
    }

    [Fact]
    public void The_builder_and_ToBuilder_carry_the_new_fields_and_equality_sees_them()
    {
        var built = new InpatientCaseBuilder { CaseId = "C1", PatientId = "P", AdmissionRoute = AdmissionRoute.Referral, OutOfCatalogCost = Money.FromFen(5) }.Build();
        Assert.Equal(built, built.ToBuilder().Build());
        var other = built.ToBuilder();
        other.PatientId = "Q";
        Assert.NotEqual(built, other.Build());
        other = built.ToBuilder();
        other.OutOfCatalogCost = Money.FromFen(6);
        Assert.NotEqual(built, other.Build());
    }
}
