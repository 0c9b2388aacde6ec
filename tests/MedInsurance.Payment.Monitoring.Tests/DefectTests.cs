using System.Linq;
using MedInsurance.Payment.Cases;

namespace MedInsurance.Payment.Monitoring.Tests;

/// <summary>Reviewed defects: each test failed before its fix (docs/monitoring.md).</summary>
public sealed class DefectTests
{
    private static InpatientCase Case(string id, string hospital, CalendarDate admitted, CalendarDate discharged, string patient = "") => new()
    {
        CaseId = id,
        HospitalId = hospital,
        PatientId = patient,
        AdmissionDate = admitted,
        DischargeDate = discharged,
        LengthOfStayDays = discharged.DayNumber - admitted.DayNumber,
        Costs = CostBreakdown.FromTotal(Money.FromFen(100_000)),
    };

    [Fact]
    public void A_case_discharged_in_6026_is_rejected_not_booked_and_nothing_crashes()
    {
        var monitor = new SupervisionMonitor(MonitoringProfile.Default);
        for (var i = 0; i < 300; i++)
        {
            // Many groups: before the fix the 6026 month spilled into the group bits.
            monitor.Add(Case("C" + i, "H1", new CalendarDate(2026, 3, 1), new CalendarDate(2026, 3, 5)), new CaseResult("G" + i.ToString("000", System.Globalization.CultureInfo.InvariantCulture), 1m));
        }

        monitor.Add(Case("T", "H1", new CalendarDate(2026, 3, 1), new CalendarDate(6026, 3, 5)), new CaseResult("G000", 1m));
        monitor.Add(Case("U", "H1", new CalendarDate(1026, 3, 1), new CalendarDate(2026, 3, 5)), new CaseResult("G001", 1m));
        var report = monitor.Finish();
        Assert.Equal(2, report.Counts["cases_rejected_MONITOR_DATE_OUT_OF_RANGE"]);
        Assert.Equal(300m, report.Row("H1", "cases").Value);
        Assert.Equal(new[] { "2026" }, report.Groups.Select(g => g.Year).Distinct().ToArray());
        Assert.All(report.Groups.Where(g => g.HospitalId.Length == 0), g => Assert.Equal(1, g.Cases));
    }
}
