using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MedInsurance.Payment.Cases;
using static MedInsurance.Payment.Outpatient.Tests.Build;

namespace MedInsurance.Payment.Outpatient.Tests;

/// <summary>
/// Properties: results independent of claim order (within the ordering contract for grouping, any order for chronic
/// claims), fund + person = the amount to the fen, and a day never matches two combinations.
/// </summary>
public sealed class PropertyTests
{
    private static readonly (string Code, OutpatientItemKind Kind)[] Codes =
    [
        ("86.3x00", OutpatientItemKind.Procedure), ("86.5900", OutpatientItemKind.Procedure), ("250301001", OutpatientItemKind.Test),
        ("XA10BAA001", OutpatientItemKind.Drug), ("XJ01CRA001", OutpatientItemKind.Drug), ("120400001", OutpatientItemKind.Procedure),
        ("340200003", OutpatientItemKind.Procedure), ("XN02BEA001", OutpatientItemKind.Drug), ("C0301001", OutpatientItemKind.Consumable),
        ("XC08CAA001", OutpatientItemKind.Drug), ("XL01XXA001", OutpatientItemKind.Drug),
    ];

    private static readonly string[] Hospitals = ["DEMO-H1", "DEMO-H2", "DEMO-H3", "DEMO-H4", "DEMO-H5"];
    private static readonly string[] Diagnoses = ["I10.x00", "E11.900", "C34.900", "J06.900"];
    private static readonly Lazy<CombinationTable> DemoTable = new(Table);
    private static readonly Lazy<ChronicPolicy> DemoPolicy = new(Policy);

    /// <summary>Random claims (1–4 items each) over a few days and persons, in contract order (by date, claim lines together).</summary>
    private static List<List<OutpatientItem>> RandomClaims(int seed, int count)
    {
        var random = new Random(seed);
        var claims = new List<List<OutpatientItem>>();
        for (var c = 0; c < count; c++)
        {
            var person = "P" + random.Next(8);
            var fund = person.GetHashCode() % 2 == 0 ? InsuranceFund.Employee : InsuranceFund.Resident;
            var hospital = Hospitals[random.Next(Hospitals.Length)];
            var date = 20260301 + random.Next(4);
            var diagnosis = Diagnoses[random.Next(Diagnoses.Length)];
            var items = new List<OutpatientItem>();
            for (var i = 1 + random.Next(4); i > 0; i--)
            {
                var (code, kind) = Codes[random.Next(Codes.Length)];
                items.Add(Item("C" + c, person, hospital, fund, date, code, kind, random.Next(1, 500_000) / 100m, diagnosis));
            }

            claims.Add(items);
        }

        return claims.OrderBy(c => c[0].ServiceDate).ToList();
    }

    private static string Key(CombinationDay d) =>
        string.Join("|", d.UnitId, d.PersonId, d.InstitutionId, d.Fund, d.ServiceDate, d.Combination?.Code, d.MatchedCode, d.FallbackCode, d.TotalCost, d.FundPays, d.FundPoints, d.ItemFund, d.Line.Method, d.Line.Basis.Amount);

    [Property(MaxTest = 150)]
    public void Grouping_does_not_depend_on_the_order_of_claims_within_a_day(int seed, PositiveInt count)
    {
        var claims = RandomClaims(seed, 1 + (count.Get % 40));
        var random = new Random(seed ^ 0x5bd1);
        var shuffled = claims.GroupBy(c => c[0].ServiceDate).OrderBy(g => g.Key)
            .SelectMany(g => g.OrderBy(_ => random.Next()).Select(c => c.OrderBy(_ => random.Next()).ToList())).ToList();
        var a = Group(claims.SelectMany(c => c)).Days.Select(Key).ToList();
        var b = Group(shuffled.SelectMany(c => c)).Days.Select(Key).ToList();
        Assert.Equal(a, b);
    }

    [Property(MaxTest = 150)]
    public void Every_accepted_line_is_in_exactly_one_day_and_a_day_has_one_combination(int seed, PositiveInt count)
    {
        var claims = RandomClaims(seed, 1 + (count.Get % 40));
        var (days, rejected, summary) = Group(claims.SelectMany(c => c));
        Assert.Empty(rejected);
        Assert.Equal(claims.Sum(c => c.Count), days.Sum(d => d.Items));
        Assert.Equal(summary.Rows, summary.Accepted + summary.Rejected);

        // One day per (person, institution, fund, date): no unit is priced twice, so no day carries two combinations.
        Assert.Equal(days.Count, days.Select(d => (d.PersonId, d.InstitutionId, d.Fund, d.ServiceDate)).Distinct().Count());
        foreach (var day in days)
        {
            Assert.Equal(day.IsCombination ? day.Line.Method : "FEE_FOR_SERVICE", day.Line.Method);
            Assert.Equal(day.TotalCost, day.ItemFund + day.PatientPays);
        }

        // The line book keeps every fen of the days.
        var book = new OutpatientLineBook();
        days.ForEach(book.Add);
        var lines = book.Lines();
        Assert.Equal(Money.Sum(days.Select(d => d.Line.Basis.Amount)), Money.Sum(lines.Select(l => l.Basis.Amount)));
        Assert.Equal(Money.Sum(days.Select(d => d.TotalCost)), Money.Sum(lines.Select(l => l.TotalCost)));
    }

    [Property(MaxTest = 150)]
    public void Chronic_results_do_not_depend_on_claim_order_and_fund_plus_person_is_the_total(int seed, PositiveInt count)
    {
        var claims = RandomClaims(seed, 1 + (count.Get % 40)).Select(c => new ChronicClaim(c)).ToList();
        var random = new Random(seed ^ 0x2f);
        var shuffled = claims.OrderBy(_ => random.Next()).ToList();
        var certifications = new[] { new ChronicCertification("P1", "L-GXY", 20240101) };
        var a = new ChronicCalculator(DemoPolicy.Value, certifications).Calculate(claims);
        var b = new ChronicCalculator(DemoPolicy.Value, certifications).Calculate(shuffled);
        Assert.Equal(a.Select(r => (r.Claim.ClaimId, r.FundPays, r.Deductible, r.BeyondCeiling)), b.Select(r => (r.Claim.ClaimId, r.FundPays, r.Deductible, r.BeyondCeiling)));
        foreach (var r in a)
        {
            Assert.Equal(r.Total, r.FundPays + r.PersonPays);
            Assert.Equal(r.Covered, r.Deductible + r.Coinsurance + r.BeyondCeiling + r.FundPays);
            Assert.True(r.FundPays >= Money.Zero && r.Coinsurance >= Money.Zero && r.BeyondCeiling >= Money.Zero);
        }

        // No disease pays beyond its ceiling in a person-year.
        foreach (var g in a.Where(r => r.Terms is not null).GroupBy(r => (r.Claim.PersonId, r.Disease!.Code)))
        {
            Assert.True(Money.Sum(g.Select(r => r.FundPays)) <= g.First().Terms!.Ceiling);
        }
    }
}
