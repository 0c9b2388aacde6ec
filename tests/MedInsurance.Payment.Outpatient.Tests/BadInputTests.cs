using System.IO;
using System.Linq;
using MedInsurance.Payment.Cases;
using static MedInsurance.Payment.Outpatient.Tests.Build;

namespace MedInsurance.Payment.Outpatient.Tests;

/// <summary>Bad input ends as coded issues: tables refused with line and field, claims rejected whole, never mis-grouped.</summary>
public sealed class BadInputTests
{
    private const InsuranceFund E = InsuranceFund.Employee;

    [Fact]
    public void Table_with_a_bad_class_and_an_inexact_price_is_refused_with_line_and_field()
    {
        const string json = """
            { "id": "t", "version": "1",
              "fundShares": { "employee": 0.8, "resident": 1.7 },
              "feeForService": { "fundShares": { "employee": 0.7, "resident": 0.6 } },
              "combinations": [
                { "code": "A", "class": "surgery", "codes": [ "1" ], "from": "2026-01-01", "prices": { "3": 10.001 } },
                { "code": "A", "class": "internal", "codes": [ "2" ], "from": "2026-06-01", "prices": { "9": 10 } } ] }
            """;
        var ex = Assert.Throws<InvalidDataException>(() => CombinationTableLoader.Parse(json, "table.json"));
        Assert.Contains("table.json", ex.Message);
        Assert.Contains("line 2, field fundShares.resident", ex.Message);
        Assert.Contains("line 5, field combinations[0].class", ex.Message);
        Assert.Contains("field combinations[0].prices.3", ex.Message);
        Assert.Contains("field combinations[1].prices.9", ex.Message);
        Assert.Contains("field combinations[1].code", ex.Message);
        Assert.Contains(OutpatientIssueCodes.PolicyCodeDuplicated, ex.Message);
    }

    [Fact]
    public void Malformed_json_and_unknown_fields_are_refused()
    {
        Assert.Contains("line", Assert.Throws<InvalidDataException>(() => CombinationTableLoader.Parse("{ \"id\": ", "t.json")).Message);
        Assert.Contains(OutpatientIssueCodes.JsonInvalid, Assert.Throws<InvalidDataException>(() => ChronicPolicyLoader.Parse("{ \"id\": \"x\", \"bogus\": 1 }", "p.json")).Message);
    }

    [Fact]
    public void Claim_spanning_two_days_is_rejected_whole_not_split()
    {
        var (days, rejected, summary) = Group(
        [
            Item("S1", "P1", "DEMO-H3", E, 20260302, "120400001", OutpatientItemKind.Procedure, 25m),
            Item("S1", "P1", "DEMO-H3", E, 20260303, "C0301001", OutpatientItemKind.Consumable, 5m),
            Item("S2", "P1", "DEMO-H3", E, 20260303, "120400001", OutpatientItemKind.Procedure, 25m),
        ]);
        Assert.Equal(2, rejected.Count);
        Assert.All(rejected, r => Assert.Equal(OutpatientIssueCodes.ClaimSpansDays, Assert.Single(r.Issues).Code));
        Assert.Equal("S2", Assert.Single(days).UnitId);
        Assert.Equal((3L, 1L, 2L), (summary.Rows, summary.Accepted, summary.Rejected));
    }

    [Fact]
    public void Unsorted_and_non_contiguous_claims_are_rejected_never_mis_grouped()
    {
        var (days, rejected, summary) = Group(
        [
            Item("U1", "P1", "DEMO-H3", E, 20260305, "120400001", OutpatientItemKind.Procedure, 25m),
            Item("U2", "P2", "DEMO-H3", E, 20260305, "120400001", OutpatientItemKind.Procedure, 25m),
            Item("U1", "P1", "DEMO-H3", E, 20260305, "C0301001", OutpatientItemKind.Consumable, 5m),
            Item("U3", "P1", "DEMO-H3", E, 20260304, "120400001", OutpatientItemKind.Procedure, 25m),
        ]);
        Assert.Equal([OutpatientIssueCodes.ClaimNotContiguous, OutpatientIssueCodes.ItemsUnsorted], rejected.Select(r => r.Issues[0].Code));
        Assert.Equal(2, days.Count);
        Assert.Equal(summary.Rows, summary.Accepted + summary.Rejected);
    }

    [Fact]
    public void Day_buffer_limit_rejects_the_claim_that_would_exceed_it()
    {
        var (days, rejected, _) = Group(
        [
            Item("B1", "P1", "DEMO-H3", E, 20260305, "120400001", OutpatientItemKind.Procedure, 25m),
            Item("B2", "P2", "DEMO-H3", E, 20260305, "120400001", OutpatientItemKind.Procedure, 25m),
            Item("B2", "P2", "DEMO-H3", E, 20260305, "C0301001", OutpatientItemKind.Consumable, 5m),
            Item("B3", "P3", "DEMO-H3", E, 20260306, "120400001", OutpatientItemKind.Procedure, 25m),
        ], maxBuffered: 2);
        Assert.Equal(OutpatientIssueCodes.DayBufferFull, rejected.Select(r => r.Issues[0].Code).Distinct().Single());
        Assert.Equal(2, rejected.Count);
        Assert.Equal(2, days.Count);
    }

    [Fact]
    public void Item_reader_rejects_bad_fields_by_column_and_keeps_values_out_of_messages()
    {
        const string csv = "claim_id,person_id,institution_id,fund,date,item_code,item_kind,quantity,amount\n"
            + "C1,P1,DEMO-H3,employee,2026-03-02,120400001,procedure,1,25.00\n"
            + "C2,P1,DEMO-H3,职工,2026-02-30,120400001,surgery,-1,25.001\n"
            + "C3,P1,DEMO-H3,other,2026-03-02,,drug,1,-3.00\n";
        var records = OutpatientCsv.ReadItems(new StringReader(csv)).ToList();
        Assert.Equal(3, records.Count);
        Assert.False(records[0].IsRejected);
        Assert.Equal(Y(25m), records[0].Item.Amount);
        Assert.Equal(["date", "item_kind", "quantity", "amount"], records[1].Issues.Select(i => i.Field));
        Assert.Equal(["fund", "item_code", "amount"], records[2].Issues.Select(i => i.Field));
        Assert.DoesNotContain(records.SelectMany(r => r.Issues), i => i.MessageEn.Contains("25.001") || i.MessageEn.Contains("2026-02-30"));

        // A rejected line rejects its whole claim when grouped.
        var days = new System.Collections.Generic.List<CombinationDay>();
        var rejected = 0;
        var summary = new OutpatientGrouping(new CombinationGrouper(Table(), Levels), days.Add, (_, _) => rejected++).Run(records);
        Assert.Equal((3L, 1L, 2L), (summary.Rows, summary.Accepted, summary.Rejected));
    }

    [Fact]
    public void A_row_that_is_not_csv_is_rejected_alone_and_grouping_goes_on()
    {
        // The row's item is unreadable (its claim id unknown): it is rejected by itself, the claims around it are priced.
        const string csv = "claim_id,person_id,institution_id,fund,date,item_code,item_kind,quantity,amount\n"
            + "C1,P1,DEMO-H3,employee,2026-03-02,120400001,procedure,1,25.00\n"
            + "C2,P2,DEMO-H3,employee,2026-03-02,86\"3,procedure,1,25.00\n"
            + "C3,P3,DEMO-H3,employee,2026-03-02,120400001,procedure,1,25.00\n";
        var records = OutpatientCsv.ReadItems(new StringReader(csv)).ToList();
        Assert.Equal(string.Empty, records[1].Item.ClaimId);
        var days = new System.Collections.Generic.List<CombinationDay>();
        var rejected = new System.Collections.Generic.List<string>();
        var summary = new OutpatientGrouping(new CombinationGrouper(Table(), Levels), days.Add, (r, i) => rejected.Add(r.RowNumber + ":" + i[0].Code)).Run(records);
        Assert.Equal((3L, 2L, 1L), (summary.Rows, summary.Accepted, summary.Rejected));
        Assert.Equal(["2:" + Validation.IssueCodes.RowMalformed], rejected);
        Assert.Equal(["C1", "C3"], days.Select(d => d.UnitId));
    }

    [Fact]
    public void Chronic_claim_with_two_diagnoses_is_rejected_whole()
    {
        var rows = 0;
        var rejected = new System.Collections.Generic.List<string>();
        var claims = ChronicClaims.Collect(
            new[]
            {
                Item("D1", "P1", "DEMO-H1", E, 20260301, "XC08CAA001", OutpatientItemKind.Drug, 10m, "I10.x00"),
                Item("D1", "P1", "DEMO-H1", E, 20260301, "XA10BAA001", OutpatientItemKind.Drug, 10m, "E11.900"),
                Item("D2", "P1", "DEMO-H1", E, 20260301, "XA10BAA001", OutpatientItemKind.Drug, 10m, "E11.900"),
            }.Select(i => new OutpatientItemRecord(++rows, i, [])),
            (_, issues) => rejected.Add(issues[0].Code));
        Assert.Equal([OutpatientIssueCodes.ClaimInconsistent, OutpatientIssueCodes.ClaimInconsistent], rejected);
        Assert.Equal("D2", Assert.Single(claims).ClaimId);
    }
}
