using System.Collections.Generic;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static MedInsurance.Payment.PerDiem.Tests.Stays;

namespace MedInsurance.Payment.PerDiem.Tests;

/// <summary>Properties of per-diem payment (issue 12): monotone in LOS, within the caps, continuous at band edges.</summary>
public sealed class PropertyTests
{
    private static readonly PerDiemCalculator Calc = MoneyForm();

    /// <summary>The daily rate of day d, written from the example policy by hand (not by the code under test).</summary>
    private static readonly Dictionary<string, System.Func<int, decimal>> RateOfDay = new()
    {
        // PSY tertiary: 300 / 270 / 240, nothing after day 90 (cap 300 does not bind).
        ["F20.000"] = d => d <= 30 ? 300m : d <= 60 ? 270m : d <= 90 ? 240m : 0m,
        // REH tertiary: 450 capped at 420 for days 1–14, 400 to day 60, nothing after.
        ["Z50.100"] = d => d <= 14 ? 420m : d <= 60 ? 400m : 0m,
        // HOS tertiary: 350 to day 30, 320 for later days (beyond the last band at the last band) up to the policy's
        // yearly maximum of 180 paid days, which a single stay also reaches.
        ["Z51.500"] = d => d <= 30 ? 350m : d <= 180 ? 320m : 0m,
    };

    private static Arbitrary<(string Dx, int Los)> Stays => Gen.Zip(Gen.Elements("F20.000", "Z50.100", "Z51.500"), Gen.Choose(7, 400)).ToArbitrary();

    private static PerDiemResult Price(string dx, int los) => Calc.Price(Stay(dx, los, ward: "rehabilitation"), Tertiary, PerDiemEpisode.First);

    [Property(MaxTest = 300)]
    public Property Payment_is_non_decreasing_in_length_of_stay() => Prop.ForAll(Stays, s =>
        Price(s.Dx, s.Los + 1).Standard >= Price(s.Dx, s.Los).Standard && Price(s.Dx, s.Los + 1).Points >= Price(s.Dx, s.Los).Points);

    [Property(MaxTest = 300)]
    public Property Day_d_and_d_plus_1_differ_by_exactly_one_daily_standard() => Prop.ForAll(Stays, s =>
        (Price(s.Dx, s.Los + 1).Standard - Price(s.Dx, s.Los).Standard).Yuan == RateOfDay[s.Dx](s.Los + 1));

    [Property(MaxTest = 300)]
    public Property Payment_never_exceeds_the_caps() => Prop.ForAll(Stays, s =>
    {
        var r = Price(s.Dx, s.Los);
        var maxDays = s.Dx == "F20.000" ? 90 : s.Dx == "Z50.100" ? 60 : 180;
        var cap = s.Dx == "F20.000" ? 300m : s.Dx == "Z50.100" ? 420m : 350m;
        return r.PaidDays <= maxDays && r.Standard.Yuan <= cap * r.PaidDays && r.FundAmount <= r.Standard;
    });

    [Property(MaxTest = 200)]
    public Property The_yearly_maximum_is_never_exceeded() => Prop.ForAll(Stays, Gen.Choose(0, 200).ToArbitrary(), (s, before) =>
        Calc.Price(Stay(s.Dx, s.Los, ward: "rehabilitation"), Tertiary, new PerDiemEpisode(0, before)).PaidDays <= System.Math.Max(0, 180 - before));
}
