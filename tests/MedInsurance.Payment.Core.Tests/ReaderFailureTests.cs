using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using MedInsurance.Payment.Cases;
using MedInsurance.Payment.Interchange;
using MedInsurance.Payment.Validation;

namespace MedInsurance.Payment.Core.Tests;

/// <summary>
/// The silent failures of issue 13, one test each, with hand-written expectations: on the CsvHelper readers an
/// unclosed quote swallowed the rows after it, <c>1,5</c> read as 15.00, an absurd amount threw, invalid UTF-8 was
/// replaced, and nothing limited a field or a row.
/// </summary>
public sealed class ReaderFailureTests
{
    private const string Header = "id,sex,los,diagnoses,total_cost\n";

    private static byte[] Utf8(string text) => new UTF8Encoding(false).GetBytes(text);

    private static (List<ReadRecord<InpatientCase>> Records, CsvReadReport Report) ReadCases(byte[] bytes, CsvReadOptions? options = null)
    {
        CsvReadReport? report = null;
        using var stream = new MemoryStream(bytes);
        var records = CaseCsvReader.Read(stream, options ?? CsvReadOptions.Default, r => report = r).ToList();
        return (records, report!);
    }

    private static (List<ReadRecord<InpatientCase>> Records, CsvReadReport Report) ReadCases(string text, CsvReadOptions? options = null) =>
        ReadCases(Utf8(text), options);

    [Fact]
    public void An_unclosed_quote_rejects_only_its_line_and_reading_resumes_at_the_next()
    {
        // Ten data rows; the third opens a quote it never closes (the file's line 4).
        var rows = Enumerable.Range(1, 10).Select(i => i == 3 ? "C3,1,3,\"K35.800x002,100.00" : "C" + i + ",1,3,K35.800x002,100.00");
        var (records, report) = ReadCases(Header + string.Join("\n", rows) + "\n");

        Assert.Equal(10, records.Count);
        Assert.Equal(Enumerable.Range(1, 10), records.Select(r => r.RowNumber));
        Assert.Equal(new[] { "C1", "C2", "C3", "C4", "C5", "C6", "C7", "C8", "C9", "C10" }, records.Select(r => r.Id));
        var bad = records[2];
        Assert.True(bad.IsRejected);
        Assert.Null(bad.Value);
        var issue = Assert.Single(bad.Issues);
        Assert.Equal(IssueCodes.RowMalformed, issue.Code);
        Assert.Equal("line 4", issue.Field);
        Assert.All(records.Where(r => r != bad), r => Assert.False(r.IsRejected));
        Assert.Equal(10, report.Rows);
        Assert.Equal(9, report.Accepted);
        Assert.Equal(1, report.Rejected);
        Assert.Equal(11, report.Lines);
    }

    [Fact]
    public void A_quote_closed_by_another_rows_quote_does_not_join_the_rows_between()
    {
        // Row A opens a quote on line 2; the next quote is row C's, followed by text: A alone is rejected, B and C are read.
        const string csv = Header + "A,1,3,\"K35.800x002,1.00\nB,1,3,I10,2.00\nC,1,3,\"I10\"x,3.00\nD,1,3,I10,4.00\n";
        var (records, report) = ReadCases(csv);

        Assert.Equal(new[] { "A", "B", "C", "D" }, records.Select(r => r.Id));
        Assert.Equal("line 2", Assert.Single(records[0].Issues).Field);
        Assert.False(records[1].IsRejected);
        Assert.Equal(Money.FromYuan(2m), records[1].Value!.Costs.Total);
        Assert.Contains(records[2].Issues, i => i.Code == IssueCodes.RowMalformed && i.Field == "line 4");
        Assert.False(records[3].IsRejected);
        Assert.Equal(4, report.Rows);
        Assert.Equal(2, report.Rejected);
    }

    [Fact]
    public void An_unclosed_quote_on_the_last_line_is_one_rejected_row()
    {
        var (records, report) = ReadCases(Header + "A,1,3,I10,1.00\nB,1,3,\"I10,2.00");
        Assert.Equal(new[] { "A", "B" }, records.Select(r => r.Id));
        Assert.Equal(IssueCodes.RowMalformed, Assert.Single(records[1].Issues).Code);
        Assert.Equal(1, report.Rejected);
    }

    [Fact]
    public void A_quoted_field_may_still_hold_a_line_break_and_escaped_quotes()
    {
        var (records, report) = ReadCases("id,los,diagnoses,note\nA,3,I10,\"two\nlines, \"\"quoted\"\"\"\nB,3,I10,x\n");
        Assert.Equal(new[] { "A", "B" }, records.Select(r => r.Id));
        Assert.All(records, r => Assert.False(r.IsRejected));
        Assert.Equal(4, report.Lines);
    }

    [Theory]
    [InlineData("1,5")]
    [InlineData("1,2,3,4")]
    [InlineData("1.234")]
    [InlineData("12.")]
    [InlineData(".5")]
    [InlineData("1e5")]
    [InlineData("1 000")]
    [InlineData("12,34.56")]
    [InlineData("1234,567.00")]
    [InlineData("¥12")]
    public void Amounts_that_are_not_written_like_money_are_rejected(string amount)
    {
        var (records, _) = ReadCases(Header + "A,1,3,I10,\"" + amount + "\"\n");
        var record = Assert.Single(records);
        Assert.True(record.IsRejected);
        var issue = Assert.Single(record.Issues);
        Assert.Equal(IssueCodes.FieldInvalid, issue.Code);
        Assert.Equal("total_cost", issue.Field);
    }

    [Theory]
    [InlineData("1,234.56", 123456L)]
    [InlineData("1,234,567", 123456700L)]
    [InlineData("1234.5", 123450L)]
    [InlineData("0.01", 1L)]
    [InlineData("-0.01", -1L)]
    [InlineData("+7", 700L)]
    [InlineData("999,999,999,999.99", 99999999999999L)]
    public void Amounts_written_like_money_are_read_to_the_fen(string amount, long fen)
    {
        var (records, _) = ReadCases(Header + "A,1,3,I10,\"" + amount + "\"\n");
        var record = Assert.Single(records);
        Assert.Equal(fen, record.Value!.Costs.Total.Fen);
        Assert.DoesNotContain(record.Issues, i => i.Field == "total_cost" && i.Code != IssueCodes.CostNegative);
    }

    [Theory]
    [InlineData("92233720368547758.07")]
    [InlineData("92233720368547758.08")]
    [InlineData("1000000000000")]
    [InlineData("99999999999999999999999999999999999999")]
    public void Absurd_amounts_are_a_coded_rejection_naming_the_field_not_an_exception(string amount)
    {
        var (records, _) = ReadCases(Header + "A,1,3,I10," + amount + "\nB,1,3,I10,1.00\n");
        Assert.Equal(2, records.Count);
        var issue = Assert.Single(records[0].Issues);
        Assert.Equal(IssueCodes.FieldOutOfRange, issue.Code);
        Assert.Equal("total_cost", issue.Field);
        Assert.DoesNotContain(amount, issue.MessageEn, StringComparison.Ordinal);
        Assert.False(records[1].IsRejected);
    }

    [Fact]
    public void A_whole_number_too_large_for_its_type_is_out_of_range()
    {
        var (records, _) = ReadCases("id,age,los,diagnoses\nA,99999999999,3,I10\n");
        Assert.Contains(Assert.Single(records).Issues, i => i.Code == IssueCodes.FieldOutOfRange && i.Field == "age");
    }

    [Fact]
    public void Settlement_lines_with_absurd_amounts_or_points_are_rejected_by_field()
    {
        const string csv = "line_id,hospital_id,fund,month,method,points,amount,total_cost\n"
            + "L1,H1,employee,1,dip,,100.00,92233720368547758.07\n"
            + "L2,H1,employee,1,dip,10000000000000000000000,,100.00\n"
            + "L3,H1,employee,1,dip,,\"1,5\",100.00\n"
            + "L4,H1,employee,1,dip,,\"1,500.00\",100.00\n";
        var records = SettlementLineCsv.Read(new StringReader(csv)).ToList();
        Assert.Equal(new[] { "L1", "L2", "L3", "L4" }, records.Select(r => r.Id));
        Assert.Contains(records[0].Issues, i => i.Code == IssueCodes.FieldOutOfRange && i.Field == "total_cost");
        Assert.Contains(records[1].Issues, i => i.Code == IssueCodes.FieldOutOfRange && i.Field == "points");
        Assert.Contains(records[2].Issues, i => i.Code == IssueCodes.FieldInvalid && i.Field == "amount");
        Assert.All(records.Take(3), r => Assert.True(r.IsRejected));
        Assert.False(records[3].IsRejected);
        Assert.Equal(Money.FromYuan(1500m), records[3].Value!.Line.Basis.Amount);
    }

    [Fact]
    public void Settlement_and_hospital_readers_recover_from_an_unclosed_quote_too()
    {
        const string lines = "line_id,hospital_id,fund,month,method,amount\nL1,H1,employee,1,dip,\"1.00\nL2,H1,employee,1,dip,2.00\n";
        var lineRecords = SettlementLineCsv.Read(new StringReader(lines)).ToList();
        Assert.Equal(new[] { "L1", "L2" }, lineRecords.Select(r => r.Id));
        Assert.Equal(IssueCodes.RowMalformed, Assert.Single(lineRecords[0].Issues).Code);
        Assert.False(lineRecords[1].IsRejected);

        const string hospitals = "hospital_id,name,level,type\nH1,\"第一医院,三级甲等,general\nH2,第二医院,二级甲等,general\n";
        var hospitalRecords = HospitalCsvReader.Read(new StringReader(hospitals)).ToList();
        Assert.Equal(new[] { "H1", "H2" }, hospitalRecords.Select(r => r.Id));
        Assert.True(hospitalRecords[0].IsRejected);
        Assert.Equal("第二医院", hospitalRecords[1].Value!.Hospital.Name);
    }

    [Fact]
    public void A_field_past_the_field_limit_is_rejected_naming_its_column()
    {
        var huge = string.Join("|", Enumerable.Repeat("K35.800x002", 1000));
        var (records, _) = ReadCases(Header + "A,1,3," + huge + ",1.00\nB,1,3,I10,1.00\n");
        Assert.Equal(new[] { "A", "B" }, records.Select(r => r.Id));
        var issue = Assert.Single(records[0].Issues);
        Assert.Equal(IssueCodes.FieldTooLong, issue.Code);
        Assert.Equal("diagnoses", issue.Field);
        Assert.False(records[1].IsRejected);
    }

    [Fact]
    public void A_row_past_the_row_limit_is_skipped_to_its_end_and_reading_resumes()
    {
        var options = new CsvReadOptions(MaxFieldBytes: 100_000, MaxRowBytes: 1_024);
        var wide = "A,1,3,I10,1.00," + new string('x', 5_000);
        var (records, report) = ReadCases(Header + wide + "\nB,1,3,I10,1.00\n", options);
        Assert.Equal(2, records.Count);
        Assert.Equal(IssueCodes.RowTooWide, Assert.Single(records[0].Issues).Code);
        Assert.Equal("B", records[1].Id);
        Assert.False(records[1].IsRejected);
        Assert.Equal(3, report.Lines);
    }

    [Fact]
    public void More_fields_than_the_column_limit_reject_the_row()
    {
        var (records, _) = ReadCases(Header + "A,1,3,I10,1.00,a,b,c,d\nB,1,3,I10,1.00\n", new CsvReadOptions(MaxColumns: 6));
        Assert.Equal(IssueCodes.RowTooWide, Assert.Single(records[0].Issues).Code);
        Assert.False(records[1].IsRejected);
    }

    [Fact]
    public void Invalid_utf8_under_utf8_is_a_coded_rejection_naming_the_row_never_a_replacement_character()
    {
        var bytes = Utf8(Header).Concat(new byte[] { (byte)'A', 0xFF, 0xFE, (byte)',', (byte)'1', (byte)',', (byte)'3', (byte)',', (byte)'I', (byte)'1', (byte)'0', (byte)',', (byte)'1', (byte)'\n' })
            .Concat(Utf8("B,1,3,I10,1.00\n")).ToArray();
        var (records, report) = ReadCases(bytes, new CsvReadOptions(TextEncodingChoice.Utf8));
        Assert.Equal(2, records.Count);
        var issue = Assert.Single(records[0].Issues);
        Assert.Equal(IssueCodes.TextEncodingInvalid, issue.Code);
        Assert.Equal("id", issue.Field);
        Assert.Equal(string.Empty, records[0].Id);
        Assert.DoesNotContain(records, r => r.Id.Contains('\uFFFD', StringComparison.Ordinal));
        Assert.False(records[1].IsRejected);
        Assert.Equal("utf-8", report.Encoding);
        Assert.False(report.EncodingDetected);
    }

    [Fact]
    public void Gb18030_ids_from_a_his_export_are_detected_and_stay_distinct()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var gb = Encoding.GetEncoding(54936);
        var bytes = gb.GetBytes("id,hospital_id,fund,los,diagnoses\n院甲001,医院一,职工,3,I10\n院乙001,医院一,居民,3,I10\n");
        var (records, report) = ReadCases(bytes);
        Assert.Equal(new[] { "院甲001", "院乙001" }, records.Select(r => r.Id));
        Assert.All(records, r => Assert.False(r.IsRejected));
        Assert.Equal("医院一", records[0].Value!.HospitalId);
        Assert.Equal(InsuranceFund.Employee, records[0].Value!.Fund);
        Assert.Equal("gb18030", report.Encoding);
        Assert.True(report.EncodingDetected);
    }

    [Fact]
    public void Gb18030_text_read_as_utf8_is_rejected_not_mangled()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var bytes = Encoding.GetEncoding(54936).GetBytes("id,los,diagnoses\n院甲001,3,I10\n院乙001,3,I10\n");
        var (records, _) = ReadCases(bytes, new CsvReadOptions(TextEncodingChoice.Utf8));
        Assert.Equal(2, records.Count);
        Assert.All(records, r => Assert.Equal(IssueCodes.TextEncodingInvalid, Assert.Single(r.Issues).Code));
        Assert.DoesNotContain(records, r => r.Issues.Any(i => i.Code == IssueCodes.CaseIdDuplicated));
    }

    [Fact]
    public void An_ascii_start_lets_the_first_non_ascii_row_decide_the_encoding()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var gb = Encoding.GetEncoding(54936);
        var ascii = string.Concat(Enumerable.Range(0, 5000).Select(i => "A" + i + ",3,I10\n"));
        var bytes = Utf8("id,los,diagnoses\n" + ascii).Concat(gb.GetBytes("院甲001,3,I10\n")).ToArray();
        var (records, report) = ReadCases(bytes);
        Assert.Equal("院甲001", records[^1].Id);
        Assert.Equal("gb18030", report.Encoding);
    }

    [Fact]
    public void A_lone_surrogate_in_decoded_text_rejects_its_row()
    {
        var records = CaseCsvReader.Read(new StringReader("id,los,diagnoses\nA\uD800,3,I10\nB,3,I10\n")).ToList();
        Assert.Equal(2, records.Count);
        Assert.Equal(IssueCodes.TextEncodingInvalid, Assert.Single(records[0].Issues).Code);
        Assert.Equal("B", records[1].Id);
    }

    [Fact]
    public void Issue_messages_of_the_reader_do_not_carry_the_values_they_reject()
    {
        var (records, _) = ReadCases("id,age,los,diagnoses,total_cost\nA,77777,3,I10,\"8,8\"\n");
        var issues = Assert.Single(records).Issues;
        Assert.Contains(issues, i => i.Field == "age");
        Assert.Contains(issues, i => i.Field == "total_cost");
        Assert.All(issues, i => Assert.DoesNotContain("77777", i.MessageEn + i.MessageZh, StringComparison.Ordinal));
        Assert.All(issues, i => Assert.DoesNotContain("8,8", i.MessageEn + i.MessageZh, StringComparison.Ordinal));
    }

    [Fact]
    public void The_rejected_text_is_the_issues_value_for_a_host_to_log_or_not()
    {
        var (records, _) = ReadCases(Header + "A,1,3,I10,\"1,5\"\nB,1,3,I10,92233720368547758.07\n");
        Assert.Equal("1,5", Assert.Single(records[0].Issues).Value);
        Assert.Equal("92233720368547758.07", Assert.Single(records[1].Issues).Value);
        Assert.DoesNotContain("92233720368547758", records[1].Issues[0].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Cells_escaped_against_formula_injection_read_back_as_written_before()
    {
        var (records, _) = ReadCases("id,hospital_id,sex,los,diagnoses\n'=HYPERLINK(1),'@H1,1,3,I10\n'-7,H2,1,3,I10\n");
        Assert.Equal(new[] { "=HYPERLINK(1)", "'-7" }, records.Select(r => r.Id));
        Assert.Equal("@H1", records[0].Value!.HospitalId);
    }

    [Fact]
    public void Duplicate_ids_are_found_across_table_growth_and_only_they()
    {
        // 20 000 distinct ids (the id table grows many times), then every 7th of them again.
        var text = new StringBuilder("id,sex,los,diagnoses\n");
        for (var i = 0; i < 20_000; i++)
        {
            text.Append('P').Append(i).Append(",1,3,I10\n");
        }

        for (var i = 0; i < 20_000; i += 7)
        {
            text.Append('P').Append(i).Append(",1,3,I10\n");
        }

        var (records, _) = ReadCases(text.ToString());
        var duplicated = records.Where(r => r.Issues.Any(i => i.Code == IssueCodes.CaseIdDuplicated)).Select(r => r.RowNumber).ToList();
        Assert.Equal(Enumerable.Range(20_001, 2_858), duplicated);
    }

    [Fact]
    public void Every_reader_counts_rows_in_and_out()
    {
        const string csv = "id,los,diagnoses\n\nA,3,I10\r\nB,0,I10\r\n\r\nC,3,\"I10\n";
        var (records, report) = ReadCases(csv);
        Assert.Equal(3, report.Rows);
        Assert.Equal(records.Count, report.Rows);
        Assert.Equal(1, report.Accepted);
        Assert.Equal(2, report.Rejected);
        Assert.Equal(2, report.BlankLines);
        Assert.Equal(6, report.Lines);

        CsvReadReport? lines = null;
        using var stream = new MemoryStream(Utf8("line_id,hospital_id,fund,month,method,amount\nL1,H1,employee,1,dip,1.00\nL2,,employee,1,dip,1.00\n"));
        Assert.Equal(2, SettlementLineCsv.Read(stream, CsvReadOptions.Default, r => lines = r).Count());
        Assert.Equal((2L, 1L, 1L), (lines!.Rows, lines.Accepted, lines.Rejected));

        CsvReadReport? hospitals = null;
        using var hospitalStream = new MemoryStream(Utf8("hospital_id,name,level,type\nH1,a,三级甲等,general\nH1,b,三级甲等,general\n"));
        Assert.Equal(2, HospitalCsvReader.Read(hospitalStream, CsvReadOptions.Default, r => hospitals = r).Count());
        Assert.Equal((2L, 1L, 1L), (hospitals!.Rows, hospitals.Accepted, hospitals.Rejected));
    }
}
