using System.Linq;
using static MedInsurance.Payment.Capitation.Tests.Build;

namespace MedInsurance.Payment.Capitation.Tests;

/// <summary>
/// The roster finds persons by a packed key (ids of up to 18 ASCII characters, or of 19–34 digits) and by string for the
/// rest: ids that differ only by leading zeros, by length or by one character must stay different persons.
/// </summary>
public sealed class PersonIdTests
{
    // Each id is alone at its own institution, with one claim of (index + 1) yuan: the institution's inside spend is that amount.
    private static readonly string[] Ids =
    [
        "7", "07", "007",                                       // ASCII packing: length matters
        "110101199003074518", "11010119900307451X",              // 18-character ID numbers (身份证号), digit and X
        "1101011990030745181",                                   // 19 digits: numeric packing
        "43000011000000123456", "043000011000000123456",         // 20 and 21 digits: same digits, one leading zero
        "1234567890123456789012345678901234",                    // 34 digits: the longest numeric packing
        "12345678901234567890123456789012345",                   // 35 digits: looked up by string
        "ABCDEFGHIJKLMNOPQRS",                                   // 19 letters: by string
        "人员0001", "人员0002",                                   // non-ASCII: by string
        "P 1", "P1",                                             // an inner space is a character
    ];

    [Fact]
    public void A_streamed_roster_longer_than_the_first_table_grows_and_keeps_every_person_month_and_overlap()
    {
        // 200 000 filler rows streamed (not a collection, so the table starts at 65 536 persons and grows twice), the ids
        // above among them, and one person enrolled twice in June by rows 150 000 rows apart.
        System.Collections.Generic.IEnumerable<RosterEntry> Stream()
        {
            yield return new RosterEntry("TWICE", "flat", "HX", 1, 6, true);
            for (var i = 0; i < 200_000; i++)
            {
                yield return new RosterEntry("F" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), "flat", "HF", 1, 12, true);
                if (i % 14_000 == 0 && i / 14_000 < Ids.Length)
                {
                    var k = i / 14_000;
                    yield return new RosterEntry(Ids[k], "flat", "H" + k.ToString("00", System.Globalization.CultureInfo.InvariantCulture), 1, 12, true);
                }

                if (i == 150_000)
                {
                    yield return new RosterEntry("TWICE", "flat", "HY", 6, 12, true);
                }
            }
        }

        var roster = CapitationRoster.Build(Policy(), Stream());
        Assert.Equal(200_000 + Ids.Length + 2, roster.AcceptedRows + roster.RejectedRows);
        Assert.Equal(2, roster.RejectedRows);
        Assert.All(roster.Outcomes, o => Assert.Equal("TWICE", o.Id));
        Assert.Equal(200_000 + Ids.Length, roster.Persons);
        var calculation = new CapitationCalculation(roster);
        for (var k = 0; k < Ids.Length; k++)
        {
            Assert.Empty(calculation.Add(Claim(Ids[k], "H" + k.ToString("00", System.Globalization.CultureInfo.InvariantCulture), 3, k + 1)));
        }

        Assert.Empty(calculation.Add(Claim("F199999", "HF", 12, 1)));
        var result = calculation.Complete();
        Assert.Equal(Y(200_000 * 100m), result.Find("HF")!.Budget);
        for (var k = 0; k < Ids.Length; k++)
        {
            Assert.Equal(Y(k + 1), result.Find("H" + k.ToString("00", System.Globalization.CultureInfo.InvariantCulture))!.InsideSpend);
        }
    }

    [Fact]
    public void Every_distinct_id_is_its_own_person()
    {
        var roster = Ids.Select((id, i) => new RosterEntry(id, "flat", "H" + i.ToString("00", System.Globalization.CultureInfo.InvariantCulture), 1, 12, true));
        var claims = Ids.Select((id, i) => Claim(id, "H" + i.ToString("00", System.Globalization.CultureInfo.InvariantCulture), 3, i + 1));
        var result = Run(Policy(), roster, claims);

        Assert.Equal(Ids.Length, result.Summary.Persons);
        for (var i = 0; i < Ids.Length; i++)
        {
            var statement = result.Find("H" + i.ToString("00", System.Globalization.CultureInfo.InvariantCulture))!;
            Assert.Equal(1, statement.Persons);
            Assert.Equal(Y(i + 1), statement.InsideSpend);
        }
    }

    [Fact]
    public void An_id_not_on_the_roster_is_not_found_even_when_it_packs_like_one()
    {
        var calc = new CapitationCalculation(CapitationRoster.Build(Policy(), Ids.Select(id => new RosterEntry(id, "flat", "H", 1, 12, true))));
        foreach (var stranger in new[] { "0007", "70", "110101199003074519", "1101011990030745180", "3000011000000123456", "人员0003", "P  1", "p1" })
        {
            var issues = calc.Add(Claim(stranger, "H", 3, 1m));
            Assert.Equal(CapitationIssueCodes.PersonNotOnRoster, Assert.Single(issues).Code);
        }

        Assert.Equal(8, calc.RejectedClaims);
    }
}
