using System;
using System.IO;
using System.Linq;
using MedInsurance.Payment.Cases;
using MedInsurance.Payment.Interchange;
using MedInsurance.Payment.Validation;

namespace MedInsurance.Payment.Core.Tests;

/// <summary>The national settlement-list names as header aliases, split diagnosis/procedure columns and a HIS header map.</summary>
public sealed class CaseHeaderMapTests
{
    private const string OwnNames =
        "id,hospital_id,fund,sex,age,age_days,birth_weight_g,admission_date,discharge_date,los,discharge_type,diagnoses,procedures,total_cost,fund_paid,patient_paid\n"
        + "C1,H001,employee,2,0,20,2900,2026-03-01,2026-03-08,7,1,P07.100|P22.000|P59.900,96.0400|93.9000,12345.67,9000.00,3345.67\n"
        + "C2,H002,resident,1,67,,,2026-04-02,2026-04-12,10,5,I21.000,,50000,40000,10000\n";

    // The same two stays as a national export writes them: 清单流水号, 定点医药机构代码, split codes, 入院时间/出院时间 with a time.
    private const string NationalNames =
        "清单流水号,定点医药机构代码,医保类型,性别,年龄,天龄,新生儿出生体重,入院时间,出院时间,实际住院天数,离院方式,主要诊断代码,其他诊断代码,主要手术及操作代码,其他手术及操作代码,医疗总费用,医保统筹基金支付,个人负担\n"
        + "C1,H001,310,2,0,20,2900,2026-03-01 09:30:00,2026-03-08 10:00,7,1,P07.100,P22.000|P59.900,96.0400,93.9000,12345.67,9000.00,3345.67\n"
        + "C2,H002,390,1,67,,,2026-04-02,2026-04-12T16:45,10,5,I21.000,,,,50000,40000,10000\n";

    private static string Describe(InpatientCase c) => string.Join(
        ";",
        c.CaseId, c.HospitalId, c.Fund, c.Sex, c.AgeYears, c.AgeDays, c.BirthWeightGrams, c.AdmissionDate, c.DischargeDate, c.LengthOfStayDays, c.DischargeType,
        c.MainDiagnosis, string.Join("|", c.SecondaryDiagnoses), c.MainProcedure, string.Join("|", c.OtherProcedures),
        c.Costs.Total, c.Costs.FundPaid, c.Costs.PatientPaid, c.PaymentMethod);

    private static ReadRecord<InpatientCase>[] Read(string csv, CaseHeaderMap? map = null) =>
        CaseCsvReader.Read(new StringReader(csv), CsvReadOptions.Default, map, null).ToArray();

    [Fact]
    public void A_file_with_the_national_names_reads_the_same_records_as_the_formats_own_names()
    {
        var own = Read(OwnNames);
        var national = Read(NationalNames);
        Assert.All(own.Concat(national), r => Assert.False(r.IsRejected, string.Join(", ", r.Issues.Select(i => i.ToCompactString()))));
        Assert.Equal(own.Select(r => Describe(r.Value!)), national.Select(r => Describe(r.Value!)));

        // Written out, so the comparison cannot pass on two empty reads.
        var c1 = national[0].Value!;
        Assert.Equal(("C1", "H001", InsuranceFund.Employee, new DateOnly(2026, 3, 8), 7), (c1.CaseId, c1.HospitalId, c1.Fund, c1.DischargeDate!.Value, c1.LengthOfStayDays));
        Assert.Equal(("P07.100", "P22.000|P59.900", "96.0400", "93.9000"), (c1.MainDiagnosis.ToString(), string.Join("|", c1.SecondaryDiagnoses), c1.MainProcedure.ToString(), string.Join("|", c1.OtherProcedures)));
        Assert.Equal(Money.FromYuan(12_345.67m), c1.Costs.Total);
    }

    [Fact]
    public void A_header_map_reads_a_hiss_own_names()
    {
        var map = CaseHeaderMap.Read(new StringReader("their_name,our_name\nBAH,id\nJGDM,hospital_id\nZD,diagnoses\nCYRQ,discharge_date\nZFY,total_cost\n"), "his.csv");
        var records = Read("BAH,JGDM,ZD,CYRQ,ZFY,sex,age,los\nC9,H001,K35.800|I10.x00,2026-05-01,8000.5,1,40,5\n", map);
        var c = Assert.Single(records).Value!;
        Assert.Equal(("C9", "H001", "K35.800", 1, new DateOnly(2026, 5, 1), Money.FromYuan(8_000.50m)), (c.CaseId, c.HospitalId, c.MainDiagnosis.ToString(), c.SecondaryDiagnoses.Count, c.DischargeDate!.Value, c.Costs.Total));
        Assert.Equal("id", map.TargetOf(" bah "));
        Assert.Null(map.TargetOf("id"));
    }

    [Theory]
    [InlineData("BAH,case_no\n", "his.csv line 1, our_name: 'case_no' is not a case column")]
    [InlineData("BAH,id\nbah,hospital_id\n", "his.csv line 2, their_name: 'bah' is mapped twice")]
    [InlineData("BAH,id\n\nLSH,id\n", "his.csv line 3, our_name: 'LSH' and 'BAH' (line 1) both map to 'id'")]
    [InlineData("BAH\n", "his.csv line 1, their_name,our_name: expected two names")]
    [InlineData("BAH,id,x\n", "his.csv line 1, their_name,our_name: expected two names")]
    public void A_malformed_header_map_is_refused_with_its_line_and_field(string text, string message)
    {
        var error = Assert.Throws<InvalidDataException>(() => CaseHeaderMap.Read(new StringReader(text), "his.csv"));
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_header_cells_naming_the_same_column_reject_every_row_never_one_chosen_silently()
    {
        var both = Read("id,清单流水号,diagnoses\nC1,X1,I10.x00\nC2,X2,I10.x00\n");
        Assert.All(both, r => Assert.True(r.IsRejected));
        Assert.All(both, r => Assert.Contains(r.Issues, i => i.ToCompactString() == "COLUMN_DUPLICATED(id)"));

        var map = CaseHeaderMap.Read(new StringReader("BAH,id\n"), "his.csv");
        Assert.Contains(Assert.Single(Read("id,BAH,diagnoses\nC1,X1,I10.x00\n", map)).Issues, i => i.ToCompactString() == "COLUMN_DUPLICATED(id)");

        var combinedAndSplit = Assert.Single(Read("id,diagnoses,主要诊断代码\nC1,I10.x00,I10.x00\n"));
        Assert.True(combinedAndSplit.IsRejected);
        Assert.Contains(combinedAndSplit.Issues, i => i.ToCompactString() == "COLUMN_DUPLICATED(diagnoses)");

        // The same name twice keeps the old rule (the first wins): no new rejection for files that read today.
        Assert.False(Assert.Single(Read("id,sex,age,los,diagnoses,diagnoses\nC1,1,40,5,I10.x00,K35.800\n")).IsRejected);
    }

    [Fact]
    public void The_main_diagnosis_column_holds_one_code_and_a_split_file_needs_no_diagnoses_column()
    {
        var two = Assert.Single(Read("id,main_diagnosis,other_diagnoses\nC1,I10.x00|E11.900,\n"));
        Assert.True(two.IsRejected);
        Assert.Contains(two.Issues, i => i.ToCompactString() == "FIELD_INVALID(main_diagnosis)");

        var split = Assert.Single(Read("id,sex,age,los,main_diagnosis,other_diagnoses\nC1,1,40,5,I10.x00,E11.900|N18.500\n"));
        Assert.False(split.IsRejected);
        Assert.Equal(2, split.Value!.SecondaryDiagnoses.Count);

        var bad = Assert.Single(Read("id,main_diagnosis,other_diagnoses\nC1,I10.x00,E11.900|???\n"));
        Assert.Contains(bad.Issues, i => i.Code == IssueCodes.CodeMalformed && i.Field == "other_diagnoses[1]");
    }

    [Theory]
    [InlineData("2026-03-08 24:00")]
    [InlineData("2026-03-08 10")]
    [InlineData("2026-03-08 10:00:00.5")]
    [InlineData("2026-03-08x10:00")]
    public void A_time_after_the_date_must_be_a_time_of_day(string text)
    {
        var record = Assert.Single(Read("id,diagnoses,discharge_date\nC1,I10.x00," + text + "\n"));
        Assert.Contains(record.Issues, i => i.Code == IssueCodes.FieldInvalid && i.Field == "discharge_date");
    }
}
