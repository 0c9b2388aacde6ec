using System.IO;
using System.Linq;
using MedInsurance.Payment.Hospitals;
using MedInsurance.Payment.Interchange;
using MedInsurance.Payment.Validation;

namespace MedInsurance.Payment.Core.Tests;

public sealed class HospitalCsvReaderTests
{
    [Fact]
    public void Reads_levels_types_and_extra_columns()
    {
        const string csv = "hospital_id,name,level,type,coefficient\nH1,市第一人民医院,三级甲等,general,1.05\nH2,某镇卫生院,1,primary,\nH3,X,五级,alien,\nH1,dup,3A,tcm,\n";
        var rows = HospitalCsvReader.Read(new StringReader(csv)).ToList();
        Assert.Equal(4, rows.Count);
        var h1 = rows[0].Value!;
        Assert.Equal(new HospitalLevel(HospitalTier.Tertiary, HospitalGrade.A), h1.Hospital.Level);
        Assert.Equal("1.05", h1.GetExtra("coefficient"));
        Assert.Null(rows[1].Value!.GetExtra("coefficient"));
        Assert.Equal(HospitalType.PrimaryCare, rows[1].Value!.Hospital.Type);
        Assert.Contains(rows[2].Issues, i => i.Code == IssueCodes.FieldInvalid && i.Field == "level");
        Assert.Contains(rows[2].Issues, i => i.Code == IssueCodes.FieldInvalid && i.Field == "type");
        Assert.True(rows[3].IsRejected);
    }
}
