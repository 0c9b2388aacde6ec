using System;
using System.Collections.Generic;
using System.Globalization;
using MedInsurance.Payment.Capitation;
using MedInsurance.Payment.Consortium;

namespace MedInsurance.Payment.Demo;

/// <summary>
/// 示例门诊数据生成 — the demo region's capitation roster (参保人员名册) and outpatient claims (门诊结算记录), and the
/// consortium's claims outside the consortium (医共体外就医): synthetic and deterministic for a seed.
/// </summary>
/// <remarks>
/// Persons are spread over the capitation institutions; one in ten moves to another institution at mid-year (two rows).
/// Each enrolled month a person visits with a probability set per institution (one under-, one over-, one near budget),
/// the fund amount scaled by the class's standard; one visit in 150 is a referral upward to the county hospital.
/// </remarks>
internal static class DemoOutpatientGenerator
{
    private static readonly (string Code, int Weight)[] Classes =
        [("employee", 30), ("resident", 35), ("elderly", 20), ("signed_resident", 15)];

    public static IReadOnlyList<RosterEntry> Roster(IReadOnlyList<string> institutions, int persons, int seed)
    {
        var random = new Random(seed);
        var rows = new List<RosterEntry>(persons + (persons / 10));
        for (var p = 0; p < persons; p++)
        {
            var id = PersonId(p);
            var classCode = PickClass(random);
            var signed = classCode == "signed_resident" || random.Next(4) == 0;
            var home = institutions[random.Next(institutions.Count)];
            if (p % 10 == 3)
            {
                var next = institutions[(Array.IndexOf(ToArray(institutions), home) + 1) % institutions.Count];
                rows.Add(new RosterEntry(id, classCode, home, 1, 6, signed));
                rows.Add(new RosterEntry(id, classCode, next, 7, 12, signed));
            }
            else
            {
                rows.Add(new RosterEntry(id, classCode, home, 1, 12, signed));
            }
        }

        return rows;
    }

    public static IReadOnlyList<OutpatientClaim> Claims(CapitationPolicy policy, IReadOnlyList<RosterEntry> roster, IReadOnlyList<string> institutions, IReadOnlyList<int> visitsPerMille, string referralTarget, int year, int seed)
    {
        var random = new Random(seed);
        var claims = new List<OutpatientClaim>();
        foreach (var row in roster)
        {
            var standard = policy.Classes[policy.ClassIndex(row.ClassCode)].StandardPerYear.Yuan;
            var rate = visitsPerMille[Array.IndexOf(ToArray(institutions), row.InstitutionId)];
            for (var month = row.FromMonth; month <= row.ToMonth; month++)
            {
                if (random.Next(1000) >= rate)
                {
                    continue;
                }

                // Mean fund amount per visit: standard ÷ 4.2 (20–60 yuan at 170 a year), to the fen.
                var fen = (long)Math.Round(standard * 100m / 170m * (20m + (40m * random.Next(0, 1001) / 1000m)), 0, MidpointRounding.AwayFromZero);
                var id = "OC" + (claims.Count + 1).ToString("000000", CultureInfo.InvariantCulture);
                if (random.Next(150) == 0)
                {
                    var referred = Money.FromFen(50_000 + (random.Next(0, 251) * 1_000L));
                    claims.Add(new OutpatientClaim(id, row.PersonId, row.InstitutionId, year, month, referred, true, referralTarget));
                }
                else
                {
                    claims.Add(new OutpatientClaim(id, row.PersonId, row.InstitutionId, year, month, Money.FromFen(fen), false, null));
                }
            }
        }

        return claims;
    }

    public static IReadOnlyList<OutsideClaim> Outside(string consortiumId, int count, int year, int seed)
    {
        var random = new Random(seed);
        var claims = new List<OutsideClaim>(count);
        for (var c = 0; c < count; c++)
        {
            // Care of the consortium's population in the city's hospitals: 2 000–12 000 yuan of fund a claim.
            var fen = 200_000L + (random.Next(0, 101) * 10_000L);
            claims.Add(new OutsideClaim("OUT" + (c + 1).ToString("0000", CultureInfo.InvariantCulture), consortiumId, year, 1 + random.Next(12), Money.FromFen(fen)));
        }

        return claims;
    }

    private static string PersonId(int p) => "DP" + p.ToString("000000", CultureInfo.InvariantCulture);

    private static string PickClass(Random random)
    {
        var pick = random.Next(100);
        foreach (var (code, weight) in Classes)
        {
            if (pick < weight)
            {
                return code;
            }

            pick -= weight;
        }

        return Classes[Classes.Length - 1].Code;
    }

    private static string[] ToArray(IReadOnlyList<string> list)
    {
        var array = new string[list.Count];
        for (var i = 0; i < array.Length; i++)
        {
            array[i] = list[i];
        }

        return array;
    }
}
