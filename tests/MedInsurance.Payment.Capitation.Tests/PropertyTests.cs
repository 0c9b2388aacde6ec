using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static MedInsurance.Payment.Capitation.Tests.Build;

namespace MedInsurance.Payment.Capitation.Tests;

/// <summary>Properties: moves conserve totals, bands are continuous, results do not depend on order.</summary>
public sealed class PropertyTests
{
    private static readonly string[] Classes = ["employee", "resident", "elderly", "signed_resident", "flat"];
    private static readonly string[] Institutions = ["A", "B", "C"];

    [Property(MaxTest = 200)]
    public void Moving_persons_between_institutions_keeps_the_region_budget_to_the_fen(int seed, PositiveInt count)
    {
        var random = new Random(seed);
        var n = 1 + (count.Get % 40);
        var stay = new List<RosterEntry>();
        var moved = new List<RosterEntry>();
        for (var i = 0; i < n; i++)
        {
            var k = Classes[random.Next(Classes.Length)];
            var home = Institutions[random.Next(3)];
            var from = random.Next(1, 13);
            var to = random.Next(from, 13);
            stay.Add(new RosterEntry("P" + i, k, home, from, to, true));
            if (from < to && random.Next(2) == 0)
            {
                var cut = random.Next(from, to);
                moved.Add(new RosterEntry("P" + i, k, home, from, cut, true));
                moved.Add(new RosterEntry("P" + i, k, Institutions[random.Next(3)], cut + 1, to, true));
            }
            else
            {
                moved.Add(stay[^1]);
            }
        }

        var a = Run(Policy(), stay, []);
        var b = Run(Policy(), moved, []);
        Assert.Equal(a.Summary.Budget, b.Summary.Budget);
        Assert.Equal(b.Summary.Budget, Money.Sum(b.Statements.Select(s => s.Budget)));
        Assert.Equal(a.Summary.Budget, Money.Sum(a.SettlementLines.Select(l => l.Basis.Amount)));
    }

    [Property(MaxTest = 300)]
    public void Year_end_bands_are_continuous_at_and_between_their_edges(int edge, int offsetFen)
    {
        // Budget 1 000 000.00 with the §4 bands; spend near an edge (−10%, 0, +10%) or anywhere, then one fen more.
        var e = Math.Abs((long)edge);
        var edges = new[] { 900_000_00L, 1_000_000_00L, 1_100_000_00L, 800_000_00L + (e % 40_000_000L) };
        var spend = Math.Max(0, edges[e % 4] + (offsetFen % 500));
        decimal FundPays(long fen) => Section4(fen).Statements.Single().FundPays.Yuan;
        var step = FundPays(spend + 1) - FundPays(spend);
        Assert.InRange(step, 0m, 0.02m);   // slope is a share in [0, 1]; rounding moves it by at most a fen
    }

    [Property(MaxTest = 50)]
    public void Results_do_not_depend_on_roster_or_claim_order(int seed)
    {
        var random = new Random(seed);
        var roster = new List<RosterEntry>();
        for (var i = 0; i < 30; i++)
        {
            roster.Add(new RosterEntry("P" + i, Classes[random.Next(Classes.Length)], Institutions[random.Next(3)], 1, 6, true));
            roster.Add(new RosterEntry("P" + i, Classes[random.Next(Classes.Length)], Institutions[random.Next(3)], 7, 12, random.Next(2) == 0));
        }

        var claims = Enumerable.Range(0, 200).Select(_ =>
        {
            var p = "P" + random.Next(30);
            var m = random.Next(1, 13);
            var home = roster.First(r => r.PersonId == p && r.FromMonth <= m && m <= r.ToMonth).InstitutionId;
            return random.Next(5) == 0
                ? Claim(p, home, m, random.Next(1, 100_000) / 100m, "H-UP")
                : Claim(p, Institutions[random.Next(3)], m, random.Next(1, 100_000) / 100m);
        }).ToList();
        var policy = Policy(referral: new ReferralChargeRule(ReferralChargeMode.Cost, Money.Zero, Y(300m)), depositRate: 0.05m);
        var first = Json(Run(policy, roster, claims));
        var shuffled = Json(Run(policy, roster.OrderBy(_ => random.Next()).ToList(), claims.OrderBy(_ => random.Next()).ToList()));
        Assert.Equal(first, shuffled);
    }

    private static CapitationResult Section4(long spendFen) =>
        Run(Policy(), Persons("P", 10_000, "A"), [new OutpatientClaim("C", "P0", "A", 2026, 6, Money.FromFen(spendFen), false, null)]);

    private static string Json(CapitationResult result)
    {
        using var stream = new MemoryStream();
        CapitationExport.WriteJson(result, stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray()) + string.Join(";", result.SettlementLines.Select(l => l.LineId + "=" + l.Basis + "/" + l.FundPaid));
    }
}
