using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using MedInsurance.Payment.Consortium;
using MedInsurance.Payment.Interchange;

namespace MedInsurance.Payment.Capitation.Tests;

/// <summary>
/// The roster, claim, member and outside-claim readers on bytes (issue 13): strict amounts, encodings, a quote left open
/// rejecting its line only, and the rows in and out counted.
/// </summary>
public sealed class ReaderTests
{
    private const string ClaimHeader = "claim_id,person_id,institution_id,date,fund_amount,referral,referral_target\n";

    [Theory]
    [InlineData("12.30", 1_230L)]
    [InlineData("1,234.56", 123_456L)]
    [InlineData("7", 700L)]
    public void Amounts_in_the_accepted_spellings_are_read_to_the_fen(string amount, long fen)
    {
        var record = Claims(ClaimHeader + "C1,P1,A,2026-03-05,\"" + amount + "\",0,\n").Single();
        Assert.Empty(record.Issues);
        Assert.Equal(Money.FromFen(fen), record.Claim.FundAmount);
    }

    [Theory]
    [InlineData("1,5", "CAPITATION_FIELD_INVALID(fund_amount)")]
    [InlineData("1,2,3,4", "CAPITATION_FIELD_INVALID(fund_amount)")]
    [InlineData("12.345", "CAPITATION_FIELD_INVALID(fund_amount)")]
    [InlineData("1e3", "CAPITATION_FIELD_INVALID(fund_amount)")]
    [InlineData("92233720368547758.07", "FIELD_OUT_OF_RANGE(fund_amount)")]
    [InlineData("", "CAPITATION_FIELD_REQUIRED(fund_amount)")]
    public void Loose_or_absurd_amounts_are_coded_rejections_naming_the_field(string amount, string expected)
    {
        var record = Claims(ClaimHeader + "C1,P1,A,2026-03-05,\"" + amount + "\",0,\n").Single();
        Assert.True(record.IsRejected);
        Assert.Equal(expected, string.Join("|", record.Issues.Select(i => i.ToCompactString())));
        Assert.DoesNotContain(amount.Length == 0 ? "\u0001" : amount, record.Issues.Single().MessageEn);
    }

    [Fact]
    public void A_quote_left_open_rejects_its_line_only_and_every_row_comes_out()
    {
        var text = ClaimHeader + "C1,P1,A,2026-03-05,10.00,0,\nC2,\"P2,A,2026-03-05,10.00,0,\nC3,P3,A,2026-03-05,10.00,0,\n";
        var report = default(CsvReadReport);
        var records = CapitationCsv.ReadClaims(new MemoryStream(Encoding.UTF8.GetBytes(text)), CsvReadOptions.Default, r => report = r).ToList();
        Assert.Equal(new[] { false, true, false }, records.Select(r => r.IsRejected));
        Assert.Equal("ROW_MALFORMED(line 3)", records[1].Issues.Single().ToCompactString());
        Assert.Equal("P3", records[2].Claim.PersonId);
        Assert.NotNull(report);
        Assert.Equal((3L, 2L, 1L), (report!.Rows, report.Accepted, report.Rejected));
    }

    [Fact]
    public void Gb18030_ids_are_read_exactly_and_invalid_utf8_under_an_explicit_utf8_is_rejected()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);   // test-side only: to write the GB18030 bytes
        var gb = Encoding.GetEncoding(54936);
        var bytes = gb.GetBytes("person_id,class,institution_id,from_month,to_month,signed\n张三,flat,卫生院甲,1,12,1\n李四,flat,卫生院甲,1,12,是\n");
        var report = default(CsvReadReport);
        var auto = CapitationCsv.ReadRoster(new MemoryStream(bytes), CsvReadOptions.Default, r => report = r).ToList();
        Assert.Equal(new[] { "张三", "李四" }, auto.Select(r => r.Value!.PersonId));
        Assert.Equal("卫生院甲", auto[0].Value!.InstitutionId);
        Assert.True(auto[1].Value!.Signed);
        Assert.Equal("gb18030", report!.Encoding);

        var strict = CapitationCsv.ReadRoster(new MemoryStream(bytes), new CsvReadOptions(TextEncodingChoice.Utf8), null);
        Assert.All(strict, r => Assert.Equal("TEXT_ENCODING_INVALID", r.Issues.Single().Code));
    }

    [Fact]
    public void Roster_months_and_flags_are_checked_from_the_bytes()
    {
        var records = CapitationCsv.ReadRoster(new StringReader("person_id,class,institution_id,from_month,to_month,signed\nP1,flat,A,1,12,1\nP2,flat,A,x,12,0\nP3,flat,A,1,,maybe\n"));
        Assert.Empty(records[0].Issues);
        Assert.Equal("CAPITATION_FIELD_INVALID(from_month)", string.Join("|", records[1].Issues.Select(i => i.ToCompactString())));
        Assert.Equal("CAPITATION_FIELD_REQUIRED(to_month)|CAPITATION_FIELD_INVALID(signed)", string.Join("|", records[2].Issues.Select(i => i.ToCompactString())));
    }

    [Fact]
    public void Consortium_amounts_are_strict_too()
    {
        var members = ConsortiumCsv.ReadMembers(new StringReader("member_id,consortium_id,name,share,supplied_amount\nM1,K,甲,0.5,\"1,5\"\nM2,K,乙,-1,\nM3,K,丙,0.25,\"1,000.50\"\n"));
        Assert.Equal("CONSORTIUM_FIELD_INVALID(supplied_amount)", members[0].Issues.Single().ToCompactString());
        Assert.Equal("CONSORTIUM_FIELD_INVALID(share)", members[1].Issues.Single().ToCompactString());
        Assert.Equal(Money.FromFen(100_050), members[2].Value!.SuppliedAmount);

        var outside = ConsortiumCsv.ReadOutside(new StringReader("claim_id,consortium_id,date,fund_amount\nO1,K,2026-02-01,12.345\nO2,K,2026-02-01,\n")).ToList();
        Assert.Equal("CONSORTIUM_FIELD_INVALID(fund_amount)", outside[0].Issues.Single().ToCompactString());
        Assert.Equal("CONSORTIUM_FIELD_INVALID(fund_amount)", outside[1].Issues.Single().ToCompactString());
    }

    private static List<ClaimRecord> Claims(string text) => CapitationCsv.ReadClaims(new StringReader(text)).ToList();
}
