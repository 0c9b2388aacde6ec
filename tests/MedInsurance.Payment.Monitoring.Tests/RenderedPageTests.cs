using System;
using System.IO;
using MedInsurance.Payment.TestSupport;

namespace MedInsurance.Payment.Monitoring.Tests;

/// <summary>
/// The page of <c>medpay monitor --html</c> (the clearing report's style and charts) rendered in a real headless
/// Chromium at 1 366 × 900: no console or script error, no table beyond the viewport without a scrolling container.
/// </summary>
public sealed class RenderedPageTests
{
    [Fact]
    public void The_monitor_page_has_no_console_error_and_no_table_beyond_a_1366_px_screen()
    {
        HeadlessChromium.Require();
        var folder = Path.Combine(Path.GetTempPath(), "medpay-monitor-page-" + Guid.NewGuid().ToString("N"));
        try
        {
            var html = Path.Combine(folder, "monitor.html");
            var run = MedpayProcess.Run("monitor", "--cases", Region.File("cases.csv"), "--results", Region.File("results.csv"), "--hospitals", Region.File("hospitals.csv"),
                "--previous-year", Region.File("previous.csv"), "--qc", Region.File("issues.csv"), "--output", Path.Combine(folder, "out"), "--html", html);
            Assert.True(run.Exit == 0, run.Err);
            var rendered = HeadlessChromium.Render(html);
            Assert.True(rendered.Problems.Count == 0, string.Join("\n", rendered.Problems));
            Assert.NotEmpty(rendered.Tables);
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
