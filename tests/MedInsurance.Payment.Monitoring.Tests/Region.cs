using System;
using System.IO;
using System.Linq;
using MedInsurance.Payment.Interchange;

namespace MedInsurance.Payment.Monitoring.Tests;

/// <summary>The hand-made region of docs/monitoring.md ("Worked example"): 35 cases, 4 hospitals at 2 levels.</summary>
internal static class Region
{
    public static string File(string name) => Path.Combine(AppContext.BaseDirectory, "Region", name);

    public static MonitoringReport Run(bool previousYear = true, bool qc = true)
    {
        var monitor = new SupervisionMonitor(MonitoringProfile.Default);
        monitor.SetLevel("H1", "3");
        monitor.SetLevel("H2", "3");
        monitor.SetLevel("H3", "2");
        monitor.SetLevel("H4", "2");
        using var results = ResultsFile.Open(File("results.csv"), out var problem) ?? throw new InvalidOperationException(problem);
        foreach (var record in CaseCsvReader.ReadFile(File("cases.csv")))
        {
            Assert.False(record.IsRejected, record.Id + ": " + string.Join(", ", record.Issues));
            Assert.True(results.Next(out var id, out var result, out _, out _));
            Assert.Equal(record.Id, id);
            monitor.Add(record.Value!, result);
        }

        if (previousYear)
        {
            foreach (var line in System.IO.File.ReadAllLines(File("previous.csv")).Skip(1))
            {
                var c = line.Split(',');
                monitor.AddPrevious(c[1], c[4], Money.FromYuan(decimal.Parse(c[2], System.Globalization.CultureInfo.InvariantCulture)), decimal.Parse(c[3], System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        if (qc)
        {
            foreach (var line in System.IO.File.ReadAllLines(File("issues.csv")).Skip(1))
            {
                var c = line.Split(',');
                monitor.AddQualityCheck(c[2], c[3]);
            }
        }

        return monitor.Finish();
    }

    public static IndicatorRow Row(this MonitoringReport report, string hospital, string indicator, string period = "2026") =>
        report.Indicators.Single(r => r.HospitalId == hospital && r.Indicator == indicator && r.Period == period);

    public static decimal R(decimal value) => Math.Round(value, 6, MidpointRounding.AwayFromZero);
}
