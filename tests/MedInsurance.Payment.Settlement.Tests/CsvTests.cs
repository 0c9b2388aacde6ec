using System.IO;
using System.Linq;
using MedInsurance.Payment.Cases;

namespace MedInsurance.Payment.Settlement.Tests;

public sealed class CsvTests
{
    [Fact]
    public void Case_lines_are_read_one_record_per_row_with_coded_issues()
    {
        const string csv = """
            case_id,hospital_id,fund,month,method,weight,score,total_cost,patient_paid,fund_paid,audit_deduction,special_review,approved_amount
            c1,H1,职工,3,DRG,1.2345,,12000.50,2000,10000.50,10,,
            c2,H1,居民,13,DIP,,812.5,8000,1000,7000,,approved,9000
            c3,H2,other,1,DRG,,,1.234,0,0,,,
            c1,H1,employee,1,per-diem,,30,100,0,100,,,
            """;
        var records = SettlementCsv.ReadCases(new StringReader(csv));
        Assert.Equal(4, records.Count);
        var c1 = records[0].Case!.Value;
        Assert.False(records[0].IsRejected);
        Assert.Equal(InsuranceFund.Employee, c1.Fund);
        Assert.Equal(PaymentMethod.Drg, c1.Method);
        Assert.Equal(1.2345m, c1.Weight.Value);
        Assert.Equal(Build.Y(10_000.50m), c1.FundPaid);
        Assert.Equal(Build.Y(10m), c1.AuditDeduction);
        Assert.Equal(SpecialReviewStatus.Approved, records[1].Case!.Value.SpecialReview);
        Assert.Equal(Build.Y(9_000m), records[1].Case!.Value.ApprovedItemAmount);
        Assert.Equal([SettlementIssueCodes.FieldInvalid], records[1].Issues.Select(i => i.Code).ToArray());
        Assert.Equal("month", records[1].Issues[0].Field);
        Assert.Equal(
            [SettlementIssueCodes.FieldInvalid + "(fund)", SettlementIssueCodes.FieldRequired + "(weight)", SettlementIssueCodes.AmountInvalid + "(total_cost)"],
            records[2].Issues.Select(i => i.Code + "(" + i.Field + ")").ToArray());
        Assert.Equal(SettlementIssueCodes.CaseIdDuplicated, Assert.Single(records[3].Issues).Code);
        Assert.Equal(PaymentMethod.PerDiem, records[3].Case!.Value.Method);
    }

    [Fact]
    public void Hospitals_carry_their_settlement_parameters()
    {
        const string csv = """
            hospital_id,name,level,coefficient,assessment_score,annual_deduction,working_advance,prior_year_fund_paid,base_points
            H1,一院,三级甲等,1.05,92.5,1000,,1200000,50000
            H2,二院,2,x,,,300,,
            """;
        var records = SettlementCsv.ReadHospitals(new StringReader(csv));
        var h1 = records[0].Value!;
        Assert.Equal(1.05m, h1.Coefficient.Value);
        Assert.Equal(92.5m, h1.AssessmentScore);
        Assert.Null(h1.WorkingAdvance);
        Assert.Equal(Build.Y(1_200_000m), h1.PriorYearFundPaid);
        Assert.Equal(50_000m, h1.BasePoints!.Value.Value);
        Assert.Equal(
            [SettlementIssueCodes.AssessmentScoreMissing + "(assessment_score)", SettlementIssueCodes.FieldInvalid + "(coefficient)"],
            records[1].Issues.Select(i => i.Code + "(" + i.Field + ")").ToArray());
        Assert.Equal(Build.Y(300m), records[1].Value!.WorkingAdvance);
    }

    [Fact]
    public void Monthly_payments_are_read_and_duplicates_rejected()
    {
        const string csv = """
            hospital_id,month,pre_settlement,deposit_withheld
            H1,1,6000,300
            H1,1,6000,300
            H2,0,1,0
            """;
        var records = SettlementCsv.ReadMonthlyPayments(new StringReader(csv));
        Assert.Equal(3, records.Count);
        Assert.False(records[0].IsRejected);
        Assert.Equal(Build.Y(6_000m), records[0].Value!.PreSettlement);
        Assert.Equal(SettlementIssueCodes.MonthlyPaymentDuplicated, Assert.Single(records[1].Issues).Code);
        Assert.Equal(SettlementIssueCodes.FieldInvalid, Assert.Single(records[2].Issues).Code);
    }
}
