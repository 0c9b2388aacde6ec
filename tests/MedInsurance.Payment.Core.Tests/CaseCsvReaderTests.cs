using System.IO;
using System.Linq;
using MedInsurance.Payment.Cases;
using MedInsurance.Payment.Interchange;
using MedInsurance.Payment.TestSupport;
using MedInsurance.Payment.Validation;

namespace MedInsurance.Payment.Core.Tests;

public sealed class CaseCsvReaderTests
{
    [Fact]
    public void Golden_file_reads_every_row_without_rejection()
    {
        var records = CaseCsvReader.ReadFile(SharedData.Require("golden/chs-drg-1.1/cases.csv"));
        Assert.Equal(5000, records.Count);
        Assert.DoesNotContain(records, r => r.IsRejected);
        var first = records[0].Value!;
        Assert.Equal("P000001", first.CaseId);
        Assert.Equal(Sex.Female, first.Sex);
        Assert.Equal("O69.802", first.MainDiagnosis.Value);
        Assert.Equal(3, first.SecondaryDiagnoses.Count);
        Assert.Equal("65.7900x009", first.MainProcedure.Value);
        Assert.Equal(DischargeType.MedicalAdvice, first.DischargeType);
        var newborn = records[1].Value!;
        Assert.True(newborn.IsNewborn);
        Assert.Equal(1960, newborn.BirthWeightGrams);
    }

    [Fact]
    public void Full_columns_are_read()
    {
        const string csv = "id,hospital_id,fund,sex,age,los,admission_date,discharge_date,discharge_type,diagnoses,procedures,icu_days,total_cost,drug_cost,other_cost,fund_paid,patient_paid,payment_method,unknown\n"
            + "C1,H001,职工,2,45,5,2026-03-01,2026-03-06,1,K35.800x002|I10,47.0900x001,1,12000.50,2000.50,10000,9000,3000.50,dip,ignored\n";
        var record = Assert.Single(CaseCsvReader.Read(new StringReader(csv)));
        Assert.False(record.IsRejected, string.Join(";", record.Issues));
        var c = record.Value!;
        Assert.Equal(InsuranceFund.Employee, c.Fund);
        Assert.Equal("H001", c.HospitalId);
        Assert.Equal(new System.DateOnly(2026, 3, 6), c.DischargeDate);
        Assert.Equal(5, c.LengthOfStayFromDates);
        Assert.Equal(Money.FromYuan(12000.50m), c.Costs.Total);
        Assert.Equal(PaymentMethod.Dip, c.PaymentMethod);
        Assert.Equal(1, c.IcuDays);
    }

    [Fact]
    public void A_column_absent_from_the_header_reads_as_its_empty_cell()
    {
        // The reader answers an absent column without looking at the row (docs/performance.md, change 63): the case must be
        // the one a file with the column present and the cell empty gives, field by field, with the same issues.
        const string absent = "id,hospital_id,age,los,admission_date,discharge_date,diagnoses,total_cost\n"
            + "C1,H001,45,5,2026-03-01,2026-03-06,K35.800x002,12000.50\n";
        const string empty = "id,hospital_id,fund,sex,age,age_days,birth_weight_g,admission_weight_g,los,admission_date,discharge_date,discharge_type,admission_route,diagnoses,icu_days,total_cost,drug_cost,fund_paid,patient_paid,out_of_catalog_cost,payment_method\n"
            + "C1,H001,,,45,,,,5,2026-03-01,2026-03-06,,,K35.800x002,,12000.50,,,,,\n";
        foreach (var threads in new[] { 1, 2 })
        {
            var fromAbsent = Assert.Single(Read(absent, threads));
            var fromEmpty = Assert.Single(Read(empty, threads));
            Assert.False(fromAbsent.IsRejected);
            Assert.Equal(fromEmpty.Issues.Select(i => i.ToString()), fromAbsent.Issues.Select(i => i.ToString())); // the validator's SEX_UNKNOWN warning, in both
            var a = fromAbsent.Value!;
            var e = fromEmpty.Value!;
            Assert.Equal(
                (InsuranceFund.Other, Sex.Unknown, AdmissionRoute.Unspecified, PaymentMethod.Unspecified, DischargeType.Unspecified),
                (a.Fund, a.Sex, a.AdmissionRoute, a.PaymentMethod, a.DischargeType));
            Assert.Equal((e.Fund, e.Sex, e.AdmissionRoute, e.PaymentMethod, e.DischargeType), (a.Fund, a.Sex, a.AdmissionRoute, a.PaymentMethod, a.DischargeType));
            Assert.Equal((e.AgeDays, e.BirthWeightGrams, e.AdmissionWeightGrams, e.IcuDays), (a.AgeDays, a.BirthWeightGrams, a.AdmissionWeightGrams, a.IcuDays));
            Assert.Equal((e.Costs.Drugs, e.Costs.FundPaid, e.Costs.PatientPaid, e.OutOfCatalogCost), (a.Costs.Drugs, a.Costs.FundPaid, a.Costs.PatientPaid, a.OutOfCatalogCost));
            Assert.Equal((Money.Zero, Money.Zero, Money.Zero), (a.Costs.Drugs, a.Costs.FundPaid, a.OutOfCatalogCost));
            Assert.Null(a.AgeDays);

            // A date column absent and the same column present and empty: the same (null) date and the same issues.
            var noDate = Assert.Single(Read("id,hospital_id,age,los,admission_date,diagnoses\nC2,H001,45,5,2026-03-01,K35.800x002\n", threads));
            var emptyDate = Assert.Single(Read("id,hospital_id,age,los,admission_date,discharge_date,diagnoses\nC2,H001,45,5,2026-03-01,,K35.800x002\n", threads));
            Assert.Null(noDate.Value!.DischargeDate);
            Assert.Equal(emptyDate.Value!.DischargeDate, noDate.Value!.DischargeDate);
            Assert.Equal(emptyDate.Issues.Select(i => i.ToString()), noDate.Issues.Select(i => i.ToString()));
        }

        static System.Collections.Generic.List<ReadRecord<InpatientCase>> Read(string csv, int threads)
        {
            var records = new System.Collections.Generic.List<ReadRecord<InpatientCase>>();
            using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(csv));
            CaseCsvReader.ReadInParallel(stream, CsvReadOptions.Default, null, threads, block => block.ToList(), (_, copied) => records.AddRange(copied));
            return records;
        }
    }

    [Fact]
    public void Malformed_rows_come_out_rejected_with_coded_issues_per_row()
    {
        const string csv = "id,sex,age,age_days,birth_weight_g,los,discharge_type,diagnoses,procedures\n"
            + "OK1,1,40,,,3,1,K35.800x002,47.0900x001\n"
            + "BAD1,3,40,,,3,1,K35.800x002,\n"
            + "BAD2,1,abc,,,0,7,,\n"
            + "BAD3,2,0,10,,3,1,P07.300,ZZ.99\n"
            + "OK1,1,40,,,3,1,K35.800x002|K35.800x002,\n";
        var records = CaseCsvReader.Read(new StringReader(csv)).ToList();
        Assert.Equal(5, records.Count);
        Assert.False(records[0].IsRejected);
        Assert.Contains(records[1].Issues, i => i.Code == IssueCodes.FieldInvalid && i.Field == "sex");
        Assert.Contains(records[2].Issues, i => i.Code == IssueCodes.FieldInvalid && i.Field == "age");
        Assert.Contains(records[2].Issues, i => i.Code == IssueCodes.LengthOfStayInvalid);
        Assert.Contains(records[2].Issues, i => i.Code == IssueCodes.MainDiagnosisMissing);
        Assert.Contains(records[2].Issues, i => i.Code == IssueCodes.FieldInvalid && i.Field == "discharge_type");
        Assert.Contains(records[3].Issues, i => i.Code == IssueCodes.NewbornWeightMissing);
        Assert.Contains(records[3].Issues, i => i.Code == IssueCodes.CodeMalformed && i.Field == "procedures[1]" || i.Field == "procedures[0]");
        Assert.Contains(records[4].Issues, i => i.Code == IssueCodes.CaseIdDuplicated);
        Assert.Contains(records[4].Issues, i => i.Code == IssueCodes.DiagnosisDuplicated);
        Assert.All(records.Skip(1), r => Assert.True(r.IsRejected));
        Assert.Equal(new[] { 1, 2, 3, 4, 5 }, records.Select(r => r.RowNumber));
    }

    [Fact]
    public void A_missing_required_column_rejects_every_row_instead_of_dropping_it()
    {
        const string csv = "id,sex\nA,1\nB,2\n";
        var records = CaseCsvReader.Read(new StringReader(csv)).ToList();
        Assert.Equal(2, records.Count);
        Assert.All(records, r => Assert.Contains(r.Issues, i => i.Code == IssueCodes.ColumnMissing && i.Field == "diagnoses"));
    }

    [Fact]
    public void Bad_quoting_is_reported_not_thrown()
    {
        const string csv = "id,los,diagnoses\nA,3,K35.800x002\nB,3,K35.8\"00\nC,3,I10\n";
        var records = CaseCsvReader.Read(new StringReader(csv)).ToList();
        Assert.Equal(3, records.Count);
        Assert.Contains(records[1].Issues, i => i.Code == IssueCodes.RowMalformed);
        Assert.False(records[2].IsRejected);
    }

    [Fact]
    public void Issue_report_matches_the_approved_text()
    {
        const string csv = "id,sex,age,los,diagnoses,procedures,total_cost\n"
            + "R1,1,40,3,K35.800x002,47.0900x001,100.001\n"
            + "R2,,200,-1,,,\n";
        var lines = CaseCsvReader.Read(new StringReader(csv))
            .SelectMany(r => r.Issues.Select(i => r.RowNumber + " " + i))
            .ToList();
        Approvals.Verify(string.Join("\n", lines), "issues");
    }
}
