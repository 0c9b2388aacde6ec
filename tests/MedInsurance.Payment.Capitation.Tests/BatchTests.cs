using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using FsCheck.Xunit;
using static MedInsurance.Payment.Capitation.Tests.Build;

namespace MedInsurance.Payment.Capitation.Tests;

/// <summary>
/// <see cref="CapitationCalculation.AddRange(IReadOnlyList{OutpatientClaim}, int)"/> (staged reads, a ledger per thread)
/// gives what <see cref="CapitationCalculation.Add"/> one by one gives: same statements, lines and issues, for any thread
/// count and claim order.
/// </summary>
public sealed class BatchTests
{
    private static readonly string[] Institutions = ["A", "B", "C"];

    [Property(MaxTest = 20)]
    public void Batches_on_any_thread_count_give_the_claim_by_claim_result(int seed)
    {
        var random = new Random(seed);
        var roster = new List<RosterEntry>();
        for (var i = 0; i < 200; i++)
        {
            roster.Add(new RosterEntry("P" + i, "resident", Institutions[random.Next(3)], 1, 6, true));
            roster.Add(new RosterEntry("P" + i, "employee", Institutions[random.Next(3)], 7, 12, random.Next(4) > 0));
        }

        // About one claim in ten has an issue: unknown person, month outside the year, negative amount, referral elsewhere.
        var claims = Enumerable.Range(0, 3_000).Select(c =>
        {
            var p = "P" + random.Next(220);
            var m = random.Next(0, 13);
            var at = Institutions[random.Next(3)];
            var fen = random.Next(-50, 50_000);
            return new OutpatientClaim("C" + c, p, at, 2026, m, Money.FromFen(fen), random.Next(8) == 0, "H-UP");
        }).ToList();
        var policy = Policy(referral: new ReferralChargeRule(ReferralChargeMode.Cost, Money.Zero, Y(100m)), basis: CapitationBasis.Signed);

        var one = new CapitationCalculation(CapitationRoster.Build(policy, roster));
        var expectedIssues = new List<string>();
        for (var c = 0; c < claims.Count; c++)
        {
            var issues = one.Add(claims[c]);
            if (issues.Count > 0)
            {
                expectedIssues.Add(c + ":" + claims[c].ClaimId + ":" + string.Join(",", issues.Select(i => i.Code)));
            }
        }

        Assert.Contains(expectedIssues, i => i.Contains(CapitationIssueCodes.PersonNotOnRoster, StringComparison.Ordinal));
        var expected = Json(one.Complete());
        foreach (var threads in new[] { 1, 2, 3 })
        {
            var batched = new CapitationCalculation(CapitationRoster.Build(policy, roster));
            var first = batched.AddRange(claims.Take(1_000).ToList(), threads);
            var second = batched.AddRange(claims.Skip(1_000).ToList(), threads);
            var outcomes = first.Select(o => Describe(o, 0)).Concat(second.Select(o => Describe(o, 1_000)));

            Assert.Equal(claims.Count, batched.Claims);
            Assert.Equal(one.RejectedClaims, batched.RejectedClaims);
            Assert.Equal(expected, Json(batched.Complete()));
            Assert.Equal(expectedIssues, outcomes);
        }

        // The same claims shuffled, on two threads: the same statements.
        var shuffled = new CapitationCalculation(CapitationRoster.Build(policy, roster));
        shuffled.AddRange(claims.OrderBy(_ => random.Next()).ToList(), 2);
        Assert.Equal(expected, Json(shuffled.Complete()));
    }

    // Indexes are within a batch: the second batch starts at claim 1 000.
    private static string Describe(RowOutcome outcome, int offset) =>
        (outcome.Index + offset) + ":" + outcome.Id + ":" + string.Join(",", outcome.Issues.Select(i => i.Code));

    private static string Json(CapitationResult result)
    {
        using var stream = new MemoryStream();
        CapitationExport.WriteJson(result, stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray()) + string.Join(";", result.SettlementLines.Select(l => l.LineId + "=" + l.Basis + "/" + l.FundPaid));
    }
}
