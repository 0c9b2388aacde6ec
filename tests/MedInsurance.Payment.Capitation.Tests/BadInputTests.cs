using System.IO;
using System.Linq;
using static MedInsurance.Payment.Capitation.Tests.Build;

namespace MedInsurance.Payment.Capitation.Tests;

/// <summary>Bad rows come out rejected with a coded issue naming the field; bad policies throw naming file, line and field.</summary>
public sealed class BadInputTests
{
    [Fact]
    public void A_person_enrolled_at_two_institutions_in_one_month_has_every_overlapping_row_rejected()
    {
        var roster = CapitationRoster.Build(Policy(), new[]
        {
            new RosterEntry("P1", "flat", "A", 1, 6, true),
            new RosterEntry("P1", "flat", "B", 6, 12, true),    // June at both
            new RosterEntry("P2", "flat", "A", 1, 12, true),
        });
        Assert.Equal(2, roster.RejectedRows);
        Assert.All(roster.Outcomes, o => Assert.Equal("CAPITATION_ENROLMENT_OVERLAP(from_month)", o.Issues.Single().ToCompactString()));
        Assert.Equal(new[] { 0, 1 }, roster.Outcomes.Select(o => o.Index));
        var calc = new CapitationCalculation(roster);
        Assert.Equal("CAPITATION_PERSON_ENROLMENT_REJECTED(person_id)", calc.Add(Claim("P1", "A", 2, 10m)).Single().ToCompactString());
        Assert.Equal(Y(100m), calc.Complete().Summary.Budget);   // P2 only
    }

    [Fact]
    public void Roster_rows_with_an_unknown_class_or_bad_months_are_rejected()
    {
        var roster = CapitationRoster.Build(Policy(), new[]
        {
            new RosterEntry("P1", "nobody", "A", 1, 12, true),
            new RosterEntry("P2", "flat", "A", 7, 3, true),
            new RosterEntry("P3", "flat", "", 0, 12, true),
        });
        Assert.Equal("CAPITATION_CLASS_UNKNOWN(class)", roster.Outcomes[0].Issues.Single().ToCompactString());
        Assert.Equal("CAPITATION_MONTHS_INVALID(to_month)", roster.Outcomes[1].Issues.Single().ToCompactString());
        Assert.Equal("CAPITATION_FIELD_REQUIRED(institution_id)|CAPITATION_MONTHS_INVALID(from_month)", string.Join("|", roster.Outcomes[2].Issues.Select(i => i.ToCompactString())));
    }

    [Theory]
    [InlineData("P1", "A", 2026, 3, "-1.00", false, "", "CAPITATION_AMOUNT_NEGATIVE(fund_amount)")]
    [InlineData("P1", "A", 2026, 3, "10.00", true, "", "CAPITATION_REFERRAL_TARGET_MISSING(referral_target)")]
    [InlineData("P1", "A", 2026, 2, "10.00", false, "", "CAPITATION_CLAIM_BEFORE_ENROLMENT(date)")]
    [InlineData("P1", "A", 2026, 11, "10.00", false, "", "CAPITATION_CLAIM_OUTSIDE_ENROLMENT(date)")]
    [InlineData("P1", "A", 2025, 5, "10.00", false, "", "CAPITATION_CLAIM_OUTSIDE_YEAR(date)")]
    [InlineData("P9", "A", 2026, 5, "10.00", false, "", "CAPITATION_PERSON_NOT_ON_ROSTER(person_id)")]
    [InlineData("P1", "B", 2026, 5, "10.00", true, "H-UP", "CAPITATION_REFERRAL_NOT_FROM_ENROLLED_INSTITUTION(institution_id)")]
    public void Bad_claims_are_rejected_with_the_field_named_and_not_counted(string person, string institution, int year, int month, string yuan, bool referral, string target, string expected)
    {
        var roster = CapitationRoster.Build(Policy(), [new RosterEntry("P1", "flat", "A", 3, 10, true)]);
        var calc = new CapitationCalculation(roster);
        Assert.True(Money.TryParseYuan(yuan, out var amount));
        var issues = calc.Add(new OutpatientClaim("C1", person, institution, year, month, amount, referral, target));
        Assert.Equal(expected, string.Join("|", issues.Select(i => i.ToCompactString())));
        Assert.Equal(1, calc.RejectedClaims);
        var s = calc.Complete().Statements.Single();
        Assert.Equal(Money.Zero, s.Spend);
        Assert.Equal(0, s.Referrals);
    }

    [Fact]
    public void Messages_never_carry_the_claim_amount()
    {
        var calc = new CapitationCalculation(CapitationRoster.Build(Policy(), [new RosterEntry("P1", "flat", "A", 3, 10, true)]));
        var issues = calc.Add(new OutpatientClaim("C1", "P1", "A", 2026, 3, Money.FromYuan(-1234.56m), false, null));
        Assert.All(issues, i => Assert.DoesNotContain("1234", i.MessageEn + i.MessageZh, System.StringComparison.Ordinal));
    }

    [Fact]
    public void A_bad_policy_names_the_file_line_field_and_code()
    {
        const string Json = "{\n  \"id\": \"x\",\n  \"version\": \"1\",\n  \"year\": 2026,\n  \"classes\": [\n    { \"code\": \"a\", \"fund\": \"resident\", \"standard\": 10 },\n    { \"code\": \"a\", \"fund\": \"resident\", \"standard\": -5 }\n  ],\n  \"advance\": { \"schedule\": [0.5, 0.5] }\n}";
        var ex = Assert.Throws<InvalidDataException>(() => CapitationPolicyLoader.Parse(Json, "policy.json"));
        Assert.Contains("policy.json: invalid capitation policy: ", ex.Message, System.StringComparison.Ordinal);
        Assert.Contains("line 7, field classes[1].code: The class code 'a' is used twice. (CAPITATION_POLICY_CLASS_DUPLICATED)", ex.Message, System.StringComparison.Ordinal);
        Assert.Contains("line 7, field classes[1].standard:", ex.Message, System.StringComparison.Ordinal);
        Assert.Contains("line 9, field advance.schedule:", ex.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_policy_json_names_the_line()
    {
        var ex = Assert.Throws<InvalidDataException>(() => CapitationPolicyLoader.Parse("{\n  \"id\": \"x\",\n  \"year\": \"soon\"\n}", "p.json"));
        Assert.StartsWith("p.json: line 3, field $.year:", ex.Message, System.StringComparison.Ordinal);
        Assert.EndsWith("(CAPITATION_POLICY_JSON_INVALID)", ex.Message, System.StringComparison.Ordinal);
    }
}
