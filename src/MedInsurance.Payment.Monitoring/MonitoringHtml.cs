using System.Globalization;
using System.Linq;
using System.Text;
using MedInsurance.Payment.Reporting;

namespace MedInsurance.Payment.Monitoring;

/// <summary>
/// 监测报告 — the supervision section as one self-contained HTML file, with the clearing report's style and bar charts
/// (<c>SvgBarChart</c>): per level the distribution of the main indicators, the hospitals furthest from their peers
/// (largest |z|), the month trend of the cost index, the severity-mix shifts and the counts. Deterministic.
/// </summary>
internal static class MonitoringHtml
{
    private static readonly string[] ChartedBefore = { "cmi", "cost_index", "time_index" };

    private static readonly string[] ChartedAfter = { "low_risk_death_rate", "out_of_catalog_share" };

    public static string Render(MonitoringReport report)
    {
        // The readmission chart follows the profile: its first window (no window configured, no readmission chart).
        var charted = ChartedBefore
            .Concat(report.Profile.ReadmissionDays.Take(1).Select(d => "readmission_" + d.ToString(CultureInfo.InvariantCulture) + "d_rate"))
            .Concat(ChartedAfter).ToArray();
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>智能监管指标 / Supervision indicators</title>\n<style>\n")
            .Append(ClearingHtmlReport.Css).Append("</style>\n</head>\n<body>\n");
        html.Append("<h1>智能监管指标 / Supervision indicators</h1>\n<p>Profile ").Append(Html.Encode(report.Profile.Name)).Append(' ')
            .Append(Html.Encode(report.Profile.Version)).Append(". Every flag below is a case or hospital to review (复核), not a finding.</p>\n");

        var years = report.Indicators.Where(r => r.Period.Length == 4).Select(r => r.Period).Distinct().OrderBy(p => p, System.StringComparer.Ordinal).ToList();
        var year = years.LastOrDefault();
        var chart = 0;
        if (year is not null)
        {
            html.Append("<h2>同级分布 / Distribution by level, ").Append(Html.Encode(year)).Append("</h2>\n");
            foreach (var indicator in charted)
            {
                foreach (var level in report.Indicators.Where(r => r.Indicator == indicator && r.Period == year).GroupBy(r => r.Level).OrderBy(g => g.Key, System.StringComparer.Ordinal))
                {
                    var rows = level.OrderByDescending(r => r.Value).ThenBy(r => r.HospitalId, System.StringComparer.Ordinal).Take(30).ToList();
                    var mean = rows[0].LevelMean ?? 0m;
                    SvgBarChart.Write(html, "m" + (chart++).ToString(CultureInfo.InvariantCulture), indicator + " — level " + level.Key, rows.Select(r => r.HospitalId).ToList(), new[]
                    {
                        new BarSeries("payable", indicator, rows.Select(r => new Bar(r.Value, F(r.Value))).ToList()),
                        new BarSeries("units", "level mean 同级均值", rows.Select(_ => new Bar(mean, F(mean))).ToList()),
                    });
                }
            }

            html.Append("<h2>偏离同级最远 / Furthest from their peers (|z| ≥ 2), ").Append(Html.Encode(year)).Append("</h2>\n<table>\n<tr><th>hospital</th><th>level</th><th>indicator</th><th>value</th><th>level mean</th><th>z</th><th>percentile</th></tr>\n");
            foreach (var r in report.Indicators.Where(r => r.Period == year && r.ZScore is { } z && (z >= 2m || z <= -2m)).OrderByDescending(r => System.Math.Abs(r.ZScore!.Value)).Take(50))
            {
                html.Append("<tr><td>").Append(Html.Encode(r.HospitalId)).Append("</td><td>").Append(Html.Encode(r.Level)).Append("</td><td>").Append(Html.Encode(r.Indicator))
                    .Append("</td><td>").Append(F(r.Value)).Append("</td><td>").Append(F(r.LevelMean ?? 0m)).Append("</td><td>").Append(F(r.ZScore ?? 0m))
                    .Append("</td><td>").Append(F(r.PercentileRank ?? 0m)).Append("</td></tr>\n");
            }

            html.Append("</table>\n");
        }

        var months = report.Indicators.Where(r => r.Period.Length == 7 && r.Indicator == "cost_index").GroupBy(r => r.Period).OrderBy(g => g.Key, System.StringComparer.Ordinal).ToList();
        if (months.Count > 0)
        {
            html.Append("<h2>月度趋势 / Month trend of the cost index (费用消耗指数)</h2>\n");
            SvgBarChart.Write(html, "trend", "cost index by month", months.Select(m => m.Key).ToList(), new[]
            {
                new BarSeries("payable", "highest hospital", months.Select(m => new Bar(m.Max(r => r.Value), F(m.Max(r => r.Value)))).ToList()),
                new BarSeries("units", "mean of hospitals", months.Select(m => new Bar(m.Average(r => r.Value), F(m.Average(r => r.Value)))).ToList()),
                new BarSeries("ffs", "lowest hospital", months.Select(m => new Bar(m.Min(r => r.Value), F(m.Min(r => r.Value)))).ToList()),
            });
        }

        if (report.Severity.Count > 0)
        {
            html.Append("<h2>病情严重程度结构 / Severity mix against peers (复核病例, not verdicts)</h2>\n<table>\n<tr><th>hospital</th><th>level</th><th>cases</th><th>observed CC/MCC</th><th>expected at peers</th><th>z</th><th>z vs previous year</th><th>drivers</th></tr>\n");
            foreach (var s in report.Severity.OrderByDescending(s => s.ZPeers ?? 0m))
            {
                html.Append("<tr><td>").Append(Html.Encode(s.HospitalId)).Append("</td><td>").Append(Html.Encode(s.Level)).Append("</td><td>").Append(s.Cases.ToString(CultureInfo.InvariantCulture))
                    .Append("</td><td>").Append(s.ObservedSevere.ToString(CultureInfo.InvariantCulture)).Append("</td><td>").Append(F(s.ExpectedSevere))
                    .Append("</td><td>").Append(s.ZPeers is { } z ? F(z) : "—").Append("</td><td>").Append(s.ZPrevious is { } zp ? F(zp) : "—")
                    .Append("</td><td>").Append(Html.Encode(s.Drivers)).Append("</td></tr>\n");
            }

            html.Append("</table>\n");
        }

        html.Append("<h2>计数 / Counts</h2>\n<table>\n");
        foreach (var pair in report.Counts.OrderBy(p => p.Key, System.StringComparer.Ordinal))
        {
            html.Append("<tr><td>").Append(Html.Encode(pair.Key)).Append("</td><td>").Append(pair.Value.ToString(CultureInfo.InvariantCulture)).Append("</td></tr>\n");
        }

        html.Append("</table>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static string F(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
