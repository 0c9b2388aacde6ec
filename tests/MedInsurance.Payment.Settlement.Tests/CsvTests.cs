using System.IO;
using MedInsurance.Payment.Interchange;
using System.Linq;
using MedInsurance.Payment.Cases;

namespace MedInsurance.Payment.Settlement.Tests;

public sealed class CsvTests
{
    [Fact]
    public void Settlement_lines_are_read_one_record_per_row_with_coded_issues_naming_the_field()
    {
        const string csv = """
            line_id,hospital_id,fund,month,method,point_system,points,amount,total_cost,patient_paid,fund_paid,audit_deduction,special_review,approved_amount
            c1,H1,职工,3,DRG,DRG,1.2345,,12000.50,2000,10000.50,10,,
            c2,H1,居民,13,DIP,DIP,812.5,,8000,1000,7000,,approved,9000
            c3,H2,other,1,DRG,,,,1.234,0,0,,,
            c1,H1,employee,1,按床日,DIP,30,,100,0,,,,
            m1,H1,resident,2,single-disease,DIP,,4800,6000,1200,,,,
            m2,H1,employee,2,FEE_FOR_SERVICE,,,-3,0,0,0,,,
            m3,H1,employee,2,DIP,DIP,1,5,0,0,0,,,
            """;
        var records = SettlementLineCsv.Read(new StringReader(csv)).ToList();
        Assert.Equal(7, records.Count);
        var c1 = records[0].Value!.Line;
        Assert.False(records[0].IsRejected);
        Assert.Equal((InsuranceFund.Employee, "DRG", "DRG", 1.2345m), (c1.Fund, c1.Method, c1.Basis.PointSystem, c1.Basis.Points));
        Assert.Equal(Build.Y(10_000.50m), c1.FundPaid);
        Assert.Equal(Build.Y(10m), c1.AuditDeduction);
        Assert.Equal(SpecialReviewStatus.Approved, records[1].Value!.Line.SpecialReview);
        Assert.Equal(Build.Y(9_000m), records[1].Value!.Line.ApprovedAmount);
        Assert.Equal(["FIELD_OUT_OF_RANGE(month)"], records[1].Issues.Select(i => i.ToCompactString()).ToArray());
        Assert.Equal(
            ["FIELD_INVALID(fund)", SettlementIssueCodes.BasisMissing + "(points)", "FIELD_INVALID(total_cost)"],
            records[2].Issues.Select(i => i.ToCompactString()).ToArray());
        Assert.Equal(SettlementIssueCodes.LineIdDuplicated, Assert.Single(records[3].Issues).Code);
        Assert.Equal(SettlementMethods.PerDiem, records[3].Value!.Line.Method);
        Assert.Null(records[3].Value!.Line.FundPaid);
        var m1 = records[4].Value!.Line;
        Assert.False(records[4].IsRejected);
        Assert.Equal((false, "DIP", Build.Y(4_800m), SettlementMethods.SingleDisease), (m1.Basis.IsPoints, m1.Basis.PointSystem, m1.Basis.Amount, m1.Method));
        Assert.Equal(SettlementIssueCodes.AmountNegative + "(amount)", Assert.Single(records[5].Issues).ToCompactString());
        Assert.Equal(SettlementIssueCodes.BasisAmbiguous + "(points)", Assert.Single(records[6].Issues).ToCompactString());
        // Messages carry no field values (privacy): the rejected amount −3 and the month 13 appear nowhere.
        Assert.DoesNotContain(records.SelectMany(r => r.Issues), i => i.MessageEn.Contains("-3") || i.MessageZh.Contains("13"));
    }

    [Fact]
    public void Chinese_and_legacy_column_names_are_accepted_and_a_written_file_reads_back_unchanged()
    {
        const string chinese = """
            结算行编号,医疗机构编码,险种,月份,支付方式,点数体系,点数,医疗总费用,个人支付,按项目统筹基金支付
            x1,H1,职工,5,DIP,DIP,100.5,9000,1000,8000
            """;
        var line = Assert.Single(SettlementLineCsv.Read(new StringReader(chinese))).Value!.Line;
        Assert.Equal(("x1", "H1", 5, 100.5m, Build.Y(8_000m)), (line.LineId, line.HospitalId, line.Month, line.Basis.Points, line.FundPaid!.Value));

        const string legacy = """
            case_id,hospital_id,fund,month,method,weight,score,total_cost,patient_paid,fund_paid
            y1,H1,1,2,DIP,,300,1,0,1
            """;
        var old = Assert.Single(SettlementLineCsv.Read(new StringReader(legacy)));
        Assert.False(old.IsRejected);
        Assert.Equal(("y1", 300m, (string?)null), (old.Value!.Line.LineId, old.Value.Line.Basis.Points, old.Value.Line.Basis.PointSystem));

        // A legacy file with both columns: each row takes the one it fills; a weight is read with a warning (no coefficient).
        const string both = """
            case_id,hospital_id,fund,month,method,weight,score,total_cost,patient_paid,fund_paid
            d1,H1,1,2,DRG,1.25,,1,0,1
            s1,H1,1,2,DIP,,812,1,0,1
            """;
        var rows = SettlementLineCsv.Read(new StringReader(both)).ToList();
        Assert.Equal((false, 1.25m, SettlementIssueCodes.LegacyWeightColumn), (rows[0].IsRejected, rows[0].Value!.Line.Basis.Points, Assert.Single(rows[0].Issues).Code));
        Assert.Equal((false, 812m, 0), (rows[1].IsRejected, rows[1].Value!.Line.Basis.Points, rows[1].Issues.Count));

        var lines = new[] { line, Build.Amount("z", "H2", 12, SettlementMethods.FeeForService, 12.34m, 1m, null).WithSpecialReview(SpecialReviewStatus.Approved, Build.Y(20m)) };
        using var writer = new StringWriter();
        SettlementLineCsv.Write(writer, lines);
        var back = SettlementLineCsv.Read(new StringReader(writer.ToString())).Select(r => r.Value!.Line).ToArray();
        Assert.Equal(lines, back);
    }

    [Fact]
    public void Hospitals_carry_their_settlement_parameters()
    {
        const string csv = """
            hospital_id,name,level,assessment_score,annual_deduction,working_advance,prior_year_fund_paid,base_points,last_year_points_resident
            H1,一院,三级甲等,92.5,1000,,1200000,50000,
            H2,二院,2,,,300,,,
            H3,三院,2,101,,,,,-5
            """;
        var records = SettlementCsv.ReadHospitals(new StringReader(csv));
        var h1 = records[0].Value!;
        Assert.Equal(92.5m, h1.AssessmentScore);
        Assert.Null(h1.WorkingAdvance);
        Assert.Equal(Build.Y(1_200_000m), h1.PriorYearFundPaid);
        Assert.Equal(new ElasticBase(null, null, new Score(50_000m), null), Assert.Single(h1.ElasticBases));
        Assert.Equal([SettlementIssueCodes.AssessmentScoreMissing + "(assessment_score)"], records[1].Issues.Select(i => i.ToCompactString()).ToArray());
        Assert.Equal(Build.Y(300m), records[1].Value!.WorkingAdvance);
        Assert.Equal(
            [SettlementIssueCodes.AssessmentScoreOutOfRange + "(assessment_score)", SettlementIssueCodes.UnitsNegative + "(last_year_points_resident)"],
            records[2].Issues.Select(i => i.ToCompactString()).ToArray());
        Assert.True(records[2].IsRejected);
    }

    [Theory]
    [InlineData("\"1,5\"", SettlementIssueCodes.AmountInvalid)]
    [InlineData("\"1,2,3,4\"", SettlementIssueCodes.AmountInvalid)]
    [InlineData("12.345", SettlementIssueCodes.AmountInvalid)]
    [InlineData("1e3", SettlementIssueCodes.AmountInvalid)]
    [InlineData("\" 9223372036854775807 \"", SettlementIssueCodes.ValueOutOfRange)]
    [InlineData("1000000000000", SettlementIssueCodes.ValueOutOfRange)]
    public void Amounts_in_the_hospital_and_monthly_files_are_read_strictly_and_rejected_naming_the_field(string cell, string code)
    {
        var hospitals = SettlementCsv.ReadHospitals(new StringReader("hospital_id,name,level,assessment_score,annual_deduction\nH1,一院,三级甲等,90," + cell + "\n"));
        var hospital = Assert.Single(hospitals);
        Assert.True(hospital.IsRejected);
        var issue = Assert.Single(hospital.Issues);
        Assert.Equal(code + "(annual_deduction)", issue.ToCompactString());
        Assert.NotNull(issue.Value);
        Assert.DoesNotContain(issue.Value!.Trim(), issue.MessageEn, System.StringComparison.Ordinal);

        var monthly = Assert.Single(SettlementCsv.ReadMonthlyPayments(new StringReader("hospital_id,month,pre_settlement,deposit_withheld\nH1,1," + cell + ",0\n")));
        Assert.True(monthly.IsRejected);
        Assert.Equal(code + "(pre_settlement)", Assert.Single(monthly.Issues).ToCompactString());
    }

    [Fact]
    public void Grouped_amounts_and_plain_ones_are_read_to_the_fen()
    {
        var monthly = SettlementCsv.ReadMonthlyPayments(new StringReader("hospital_id,month,pre_settlement,deposit_withheld\nH1,1,\"1,234.56\",0.5\nH1,2,999999999999.99,-0\n"));
        Assert.Equal(Money.FromFen(123_456), monthly[0].Value!.PreSettlement);
        Assert.Equal(Money.FromFen(50), monthly[0].Value!.DepositWithheld);
        Assert.Equal(Money.FromFen(99_999_999_999_999), monthly[1].Value!.PreSettlement);
        Assert.All(monthly, m => Assert.False(m.IsRejected));

        // A points column is no amount, but "1,5" is not 15 there either.
        var points = Assert.Single(SettlementCsv.ReadHospitals(new StringReader("hospital_id,name,level,assessment_score\nH1,一院,三级甲等,\"9,5\"\n")));
        Assert.Contains(points.Issues, i => i.ToCompactString() == SettlementIssueCodes.FieldInvalid + "(assessment_score)");
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
