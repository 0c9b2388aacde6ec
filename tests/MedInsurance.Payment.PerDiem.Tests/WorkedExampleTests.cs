using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using MedInsurance.Payment.Hospitals;
using MedInsurance.Payment.Settlement;
using static MedInsurance.Payment.PerDiem.Tests.Stays;

namespace MedInsurance.Payment.PerDiem.Tests;

/// <summary>The worked examples of docs/perdiem.md and payment-rules.md §4, computed by hand.</summary>
public sealed class WorkedExampleTests
{
    private static Money Y(decimal yuan) => Payment.Money.FromYuan(yuan);

    [Fact]
    public void A_75_day_psychiatric_stay_at_a_tertiary_hospital_is_20700_yuan()
    {
        // 30 × 300 + 30 × 270 + 15 × 240 = 9 000 + 8 100 + 3 600 = 20 700; fund × 0.90 = 18 630; gain 20 700 − 22 000 = −1 300.
        var calc = MoneyForm();
        var stay = Stay("F20.000", 75, cost: 22_000m);
        var r = calc.Price(stay, Tertiary, PerDiemEpisode.First);
        Assert.Equal(PerDiemStatus.Priced, r.Status);
        Assert.Equal(Y(20_700m), r.Standard);
        Assert.Equal(Y(18_630m), r.FundAmount);
        Assert.Equal(Y(-1_300m), r.Gain);
        Assert.Equal(75, r.PaidDays);
        Assert.Equal(new[] { 30, 30, 15 }, Enumerable.Range(0, 3).Select(b => calc.DaysInBand(r, b)));
        Assert.Equal(PerDiemReasons.None, r.Reasons);

        Assert.True(calc.TryGetLine(stay, r, out var line));
        Assert.Equal(SettlementMethods.PerDiem, line.Method);
        Assert.False(line.Basis.IsPoints);
        Assert.Null(line.Basis.PointSystem);
        Assert.Equal(Y(18_630m), line.Basis.Amount);
        Assert.Equal(6, line.Month);
        Assert.Equal("H3", line.HospitalId);
    }

    [Fact]
    public void A_75_day_stay_is_1080_bed_day_points_in_the_DIP_point_system()
    {
        // 60 × 15 + 15 × 12 = 900 + 180 = 1 080.
        var calc = PointsForm();
        var stay = Stay("F25.000", 75);
        var r = calc.Price(stay, Tertiary, PerDiemEpisode.First);
        Assert.Equal(1_080m, r.Points);
        Assert.True(calc.TryGetLine(stay, r, out var line));
        Assert.True(line.Basis.IsPoints);
        Assert.Equal("DIP", line.Basis.PointSystem);
        Assert.Equal(1_080m, line.Basis.Points);
    }

    [Fact]
    public void A_daily_cap_limits_each_days_standard()
    {
        // Rehabilitation, tertiary, 20 days, cap 420: days 1–14 at min(450, 420) = 420 → 5 880; days 15–20 at 400 → 2 400;
        // standard 8 280; fund × 0.85 = 7 038.
        var r = MoneyForm().Price(Stay("Z50.100", 20, ward: "rehabilitation"), Tertiary, PerDiemEpisode.First);
        Assert.Equal(Y(8_280m), r.Standard);
        Assert.Equal(Y(7_038m), r.FundAmount);
        Assert.True((r.Reasons & PerDiemReasons.DailyCapApplied) != 0);
    }

    [Fact]
    public void Days_beyond_the_maximum_paid_stay_are_not_paid()
    {
        // Psychiatric, 100 days, maximum 90: 30 × 300 + 30 × 270 + 30 × 240 = 24 300; fund × 0.9 = 21 870.
        var r = MoneyForm().Price(Stay("F20.000", 100), Tertiary, PerDiemEpisode.First);
        Assert.Equal(90, r.PaidDays);
        Assert.Equal(Y(24_300m), r.Standard);
        Assert.Equal(Y(21_870m), r.FundAmount);
        Assert.True((r.Reasons & PerDiemReasons.DaysBeyondStayMaximum) != 0);
    }

    [Fact]
    public void Hospice_days_beyond_the_last_band_are_paid_at_the_last_band()
    {
        // 40 days, tertiary: 30 × 350 + 10 × 320 = 10 500 + 3 200 = 13 700; fund × 0.9 = 12 330.
        var r = MoneyForm().Price(Stay("Z51.500", 40), Tertiary, PerDiemEpisode.First);
        Assert.Equal(Y(13_700m), r.Standard);
        Assert.Equal(Y(12_330m), r.FundAmount);
    }

    [Fact]
    public void A_readmission_within_15_days_continues_the_previous_stays_day_count()
    {
        // A: 40 days discharged 2025-03-10 → 30 × 300 + 10 × 270 = 11 700.
        // B: admitted 2025-03-20 (10 days later), 30 days → days 41–70: 20 × 270 + 10 × 240 = 5 400 + 2 400 = 7 800
        //    (as a new stay it would be 30 × 300 = 9 000).
        // C: another patient, same dates as B → a new stay: 9 000.
        var stays = new[]
        {
            Stay("F20.000", 30, discharge: "2025-04-19", patient: "P1", id: "B"),
            Stay("F20.000", 40, discharge: "2025-03-10", patient: "P1", id: "A"),
            Stay("F20.000", 30, discharge: "2025-04-19", patient: "P2", id: "C"),
        };
        var batch = PerDiemBatch.Price(MoneyForm(), stays, new Dictionary<string, PerDiemHospital> { ["H3"] = Tertiary });
        Assert.Equal(Y(7_800m), batch.Results[0].Standard);
        Assert.Equal(41, batch.Results[0].FirstDay);
        Assert.True((batch.Results[0].Reasons & PerDiemReasons.ReadmissionContinued) != 0);
        Assert.Equal(40, batch.Episodes[0].PriorEpisodeDays);
        Assert.Equal(Y(11_700m), batch.Results[1].Standard);
        Assert.Equal(Y(9_000m), batch.Results[2].Standard);
    }

    [Fact]
    public void A_readmission_after_the_window_starts_a_new_count()
    {
        // A discharged 2025-03-10; B admitted 2025-03-26 (16 days > 15) → 30 × 300 = 9 000.
        var stays = new[]
        {
            Stay("F20.000", 40, discharge: "2025-03-10", patient: "P1", id: "A"),
            Stay("F20.000", 30, discharge: "2025-04-25", patient: "P1", id: "B"),
        };
        var batch = PerDiemBatch.Price(MoneyForm(), stays, new Dictionary<string, PerDiemHospital> { ["H3"] = Tertiary });
        Assert.Equal(Y(9_000m), batch.Results[1].Standard);
        Assert.Equal(1, batch.Results[1].FirstDay);
    }

    [Fact]
    public void The_yearly_maximum_counts_the_days_already_paid()
    {
        // 170 of 180 days paid earlier in the year: a 30-day stay is paid 10 days × 300 = 3 000.
        var r = MoneyForm().Price(Stay("F20.000", 30), Tertiary, new PerDiemEpisode(0, 170));
        Assert.Equal(10, r.PaidDays);
        Assert.Equal(Y(3_000m), r.Standard);
        Assert.True((r.Reasons & PerDiemReasons.DaysBeyondYearMaximum) != 0);
    }

    [Fact]
    public void A_secondary_hospital_is_paid_its_own_standard_and_share()
    {
        // 45 days at a secondary hospital: 30 × 260 + 15 × 235 = 7 800 + 3 525 = 11 325; fund × 0.85 = 9 626.25.
        var r = MoneyForm().Price(Stay("F20.000", 45, hospitalId: "H2"), Secondary, PerDiemEpisode.First);
        Assert.Equal(Y(11_325m), r.Standard);
        Assert.Equal(Y(9_626.25m), r.FundAmount);
    }

    [Theory]
    [InlineData("I10.x00", 20, "H3", null, PerDiemReasons.ClassNone)]
    [InlineData("Z50.100", 20, "H3", "general", PerDiemReasons.WardNotEligible)]
    [InlineData("Z50.100", 5, "H3", "rehabilitation", PerDiemReasons.BelowMinimumStay)]
    [InlineData("F20.000", 20, "H1", null, PerDiemReasons.HospitalTypeNotEligible | PerDiemReasons.NoStandardForLevel)]
    [InlineData("F20.000", 20, "HT", null, PerDiemReasons.HospitalTypeNotEligible)]
    public void Ineligible_stays_say_why_and_have_no_line(string diagnosis, int los, string hospitalId, string? ward, PerDiemReasons expected)
    {
        var hospital = hospitalId switch { "H1" => Primary, "HT" => Tcm, _ => Tertiary };
        var calc = MoneyForm();
        var stay = Stay(diagnosis, los, hospitalId, ward: ward);
        var r = calc.Price(stay, hospital, PerDiemEpisode.First);
        Assert.Equal(PerDiemStatus.NotEligible, r.Status);
        Assert.Equal(expected, r.Reasons);
        Assert.False(calc.TryGetLine(stay, r, out _));
        Assert.All(r.Issues(), i => Assert.True(i.IsError));
    }

    [Fact]
    public void Bad_stays_are_rejected_with_coded_issues_naming_the_field_and_no_patient_values()
    {
        var calc = MoneyForm();
        var zero = calc.Price(Stay("F20.000", 0), Tertiary, PerDiemEpisode.First);
        Assert.Equal(PerDiemStatus.Rejected, zero.Status);
        Assert.Contains(zero.Issues(), i => i.Code == PerDiemIssueCodes.LengthOfStayNotPositive && i.Field == "los");

        var c = Stay("F20.000", 10).Case with { AdmissionDate = new DateOnly(2025, 7, 5) };
        var reversed = calc.Price(new PerDiemStay(c), Tertiary, PerDiemEpisode.First);
        Assert.Equal(PerDiemStatus.Rejected, reversed.Status);
        Assert.Contains(reversed.Issues(), i => i.Code == PerDiemIssueCodes.AdmissionAfterDischarge && i.Field == "admission_date");
        Assert.DoesNotContain(reversed.Issues(), i => i.MessageEn.Contains("F20", StringComparison.Ordinal) || i.MessageZh.Contains("2025", StringComparison.Ordinal));

        var unknown = calc.Price(Stay("F20.000", 10, "H9"), PerDiemHospital.Unknown, PerDiemEpisode.First);
        Assert.Equal(PerDiemReasons.HospitalUnknown, unknown.Reasons);
    }

    [Fact]
    public void The_trace_explains_every_step_in_Chinese_and_English()
    {
        var trace = MoneyForm().Explain(Stay("F20.000", 75, cost: 22_000m), Tertiary, PerDiemEpisode.First);
        Assert.Equal(Y(20_700m), trace.Result.Standard);
        var text = trace.ToString();
        Assert.Contains("分段3（第61天起）：15天 × 240.00元 = 3600.00元", text, StringComparison.Ordinal);
        Assert.Contains("Band 1 (from day 1): 30 days × 300.00 = 9000.00 yuan", text, StringComparison.Ordinal);
        Assert.Contains("standard 20700.00 yuan, fund 18630.00 yuan, gain (loss) -1300.00 yuan", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Points_are_multiplied_by_the_hospital_coefficient_when_the_policy_says_so()
    {
        // 20 days × 15 = 300 points × 1.1 = 330.
        var policy = Policy(form: PerDiemForm.Points, applyCoefficient: true);
        var hospital = new PerDiemHospital("H3", HospitalLevel.Parse("3A"), HospitalType.General, new Coefficient(1.1m));
        var r = new PerDiemCalculator(policy).Price(Stay("F20.000", 20), hospital, PerDiemEpisode.First);
        Assert.Equal(330m, r.Points);
    }

    [Fact]
    public void A_policy_with_a_gap_between_bands_fails_at_load_naming_the_band_and_line()
    {
        const string Json = "{\n \"id\": \"x\", \"version\": \"1\",\n \"classes\": [ {\n  \"code\": \"PSY\", \"diagnoses\": [\"F20-F29\"], \"fundShare\": {\"3\": 0.9},\n  \"bands\": [\n"
            + "   { \"fromDay\": 1, \"toDay\": 30, \"daily\": {\"3\": 300} },\n"
            + "   { \"fromDay\": 32, \"toDay\": 60, \"daily\": {\"3\": 270} }\n  ] } ] }";
        var ex = Assert.Throws<InvalidDataException>(() => PerDiemPolicyLoader.Parse(Json, "gap.json"));
        Assert.Contains("gap.json", ex.Message, StringComparison.Ordinal);
        Assert.Contains("line 7, field classes[0].bands[1].fromDay", ex.Message, StringComparison.Ordinal);
        Assert.Contains(PerDiemIssueCodes.PolicyBandGap, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_class_with_overlapping_bands_is_a_coded_issue()
    {
        var bands = new[] { Band(1, 30, 300m), Band(25, 60, 270m) };
        var policy = new PerDiemPolicy("x", "1", "x", PerDiemForm.Money, null, new[] { Class(bands) });
        var issue = Assert.Single(policy.Validate());
        Assert.Equal(PerDiemIssueCodes.PolicyBandOverlap, issue.Code);
        Assert.Equal("classes[0].bands[1].fromDay", issue.Field);
        Assert.Throws<ArgumentException>(() => new PerDiemCalculator(policy));
    }

    [Fact]
    public void Unknown_fields_and_bad_values_fail_at_load_with_the_field()
    {
        var ex = Assert.Throws<InvalidDataException>(() => PerDiemPolicyLoader.Parse("{ \"id\": \"x\", \"version\": \"1\", \"clases\": [] }", "typo.json"));
        Assert.Contains(PerDiemIssueCodes.PolicyJsonInvalid, ex.Message, StringComparison.Ordinal);
        var share = Assert.Throws<InvalidDataException>(() => PerDiemPolicyLoader.Parse(
            "{ \"id\": \"x\", \"version\": \"1\", \"classes\": [ { \"code\": \"A\", \"diagnoses\": [\"F20\"], \"fundShare\": {\"3\": 1.5}, \"bands\": [ { \"fromDay\": 1, \"daily\": {\"3\": 100} } ] } ] }", "share.json"));
        Assert.Contains("field classes[0].fundShare.3", share.Message, StringComparison.Ordinal);
    }

    internal static PerDiemBand Band(int from, int? to, decimal yuan, decimal points = 15m) =>
        new(from, to, new Dictionary<HospitalTier, Money> { [HospitalTier.Tertiary] = Payment.Money.FromYuan(yuan) }, points);

    internal static PerDiemClass Class(IEnumerable<PerDiemBand> bands) =>
        new("PSY", "psychiatric", new[] { DiagnosisRange.Parse("F20-F29") }, bands, new Dictionary<HospitalTier, Ratio> { [HospitalTier.Tertiary] = new Ratio(0.9m) });

    internal static PerDiemPolicy Policy(PerDiemForm form = PerDiemForm.Money, bool applyCoefficient = false) =>
        new("t", "1", "test", form, form == PerDiemForm.Points ? "DIP" : null, new[] { Class(new[] { Band(1, 60, 300m, 15m), Band(61, null, 240m, 12m) }) }, applyHospitalCoefficient: applyCoefficient);
}
