using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit;

namespace MedInsurance.Payment.TestSupport;

/// <summary>What a page showed in a real browser: the problems found and what was measured.</summary>
/// <param name="Problems">Script errors, <c>console.error</c> calls, unhandled rejections, resource or CSP errors, and
/// tables that reach beyond the viewport without a horizontally scrolling container; empty when none.</param>
/// <param name="Tables">The id (or <c>table[n]</c>) and rendered width in CSS pixels of every table, in document order.</param>
/// <param name="ViewportWidth">The layout viewport's width in CSS pixels (<c>document.documentElement.clientWidth</c>).</param>
public sealed record RenderedPage(IReadOnlyList<string> Problems, IReadOnlyList<(string Id, int Width)> Tables, int ViewportWidth);

/// <summary>
/// Renders an HTML page in the operating system's Chromium, headless (<c>--headless=new --dump-dom</c>), at a given
/// window size, and reports console errors and overflowing tables. No browser driver or NuGet package: a probe script
/// is injected as the first element of <c>&lt;head&gt;</c> of a copy of the page; it records <c>window.onerror</c>,
/// resource errors, unhandled rejections, CSP violations and <c>console.error</c>, then after <c>load</c> measures
/// every table — its right edge must be inside the viewport unless an ancestor scrolls horizontally
/// (<c>overflow-x: auto | scroll</c>), and then that ancestor must be inside the viewport — and writes its findings
/// into a <c>&lt;pre id="medpay-probe"&gt;</c> that is read back from the dumped DOM. Console messages Chromium logs on
/// stderr (<c>--enable-logging=stderr</c>) are added as problems too (the report pages have no script of their own).
/// </summary>
/// <remarks>
/// Chromium is looked up as <c>$MEDPAY_CHROMIUM</c>, then <c>chromium</c>, <c>chromium-browser</c>,
/// <c>google-chrome</c> on the PATH. Without it, <see cref="Require"/> fails the test under CI (<c>CI=true</c>) and
/// skips it with a visible reason elsewhere, as <see cref="SharedData.Require"/> does for ../shared.
/// </remarks>
public static class HeadlessChromium
{
    private const string ProbeId = "medpay-probe";

    private static readonly Regex ConsoleLine = new(@":CONSOLE[:(]", RegexOptions.CultureInvariant);

    private static readonly string Probe = """
        <script>
        (function () {
          var problems = [];
          function note(kind, text) { problems.push(kind + ': ' + text); }
          window.addEventListener('error', function (e) {
            var t = e.target;
            note('error', e.message || (t && (t.src || t.href) ? 'resource failed to load: ' + (t.src || t.href) : 'error event'));
          }, true);
          window.addEventListener('unhandledrejection', function (e) { note('unhandled rejection', String(e.reason)); });
          document.addEventListener('securitypolicyviolation', function (e) { note('csp', e.violatedDirective + ' ' + e.blockedURI); });
          var original = console.error;
          console.error = function () { note('console.error', Array.prototype.join.call(arguments, ' ')); return original.apply(console, arguments); };
          window.addEventListener('load', function () {
            setTimeout(function () {
              var vw = document.documentElement.clientWidth;
              var tables = [];
              document.querySelectorAll('table').forEach(function (t, i) {
                var name = t.id || ('table[' + i + ']');
                var r = t.getBoundingClientRect();
                tables.push({ id: name, width: Math.round(r.width) });
                var scroller = null;
                for (var a = t.parentElement; a && a !== document.body && a !== document.documentElement; a = a.parentElement) {
                  var ox = getComputedStyle(a).overflowX;
                  if (ox === 'auto' || ox === 'scroll') { scroller = a; break; }
                }
                var box = scroller ? scroller.getBoundingClientRect() : r;
                if (box.right > vw + 0.5 || box.left < -0.5) {
                  note('overflow', scroller
                    ? name + ': its scrolling container spans ' + Math.round(box.left) + '..' + Math.round(box.right) + ' px, beyond the ' + vw + ' px viewport'
                    : name + ': ' + Math.round(r.width) + ' px wide, right edge at ' + Math.round(r.right) + ' px, beyond the ' + vw + ' px viewport, and no ancestor scrolls horizontally');
                }
              });
              var out = document.createElement('pre');
              out.id = 'medpay-probe';
              out.textContent = JSON.stringify({ problems: problems, tables: tables, viewport: vw, innerWidth: window.innerWidth });
              document.body.appendChild(out);
            }, 0);
          });
        })();
        </script>
        """;

    /// <summary>The Chromium executable, or null when none is found.</summary>
    public static string? Find()
    {
        if (Environment.GetEnvironmentVariable("MEDPAY_CHROMIUM") is { Length: > 0 } configured)
        {
            return File.Exists(configured) ? configured : null;
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (var name in new[] { "chromium", "chromium-browser", "google-chrome" })
        {
            foreach (var dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = Path.Combine(dir, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    /// <summary>Returns the Chromium executable, or fails the test (CI) / skips it with the reason (elsewhere).</summary>
    /// <returns>The executable's path.</returns>
    public static string Require()
    {
        if (Find() is { } found)
        {
            return found;
        }

        var reason = "Chromium not found ($MEDPAY_CHROMIUM, or chromium / chromium-browser / google-chrome on the PATH); the rendered-page tests need it (Debian: apt-get install chromium).";
        if (SharedData.IsCi)
        {
            Assert.Fail(reason + " Under CI it must be installed (.ci/run installs it).");
        }

        Assert.Skip(reason + " Skipped outside CI.");
        return string.Empty;
    }

    /// <summary>Renders <paramref name="htmlFile"/> (unchanged: a probed copy is rendered) at the given window size.</summary>
    /// <param name="htmlFile">The page.</param>
    /// <param name="width">Window width in pixels (1 366: the most common laptop screen).</param>
    /// <param name="height">Window height in pixels.</param>
    /// <returns>What the page showed.</returns>
    public static RenderedPage Render(string htmlFile, int width = 1366, int height = 900)
    {
        var chromium = Require();
        var work = Path.Combine(Path.GetTempPath(), "medpay-chromium-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        try
        {
            var html = File.ReadAllText(htmlFile, Encoding.UTF8);
            var head = html.IndexOf("<head>", StringComparison.OrdinalIgnoreCase);
            Assert.True(head >= 0, "The page has no <head>: " + htmlFile);
            var probed = Path.Combine(work, "page.html");
            File.WriteAllText(probed, html.Insert(head + "<head>".Length, "\n" + Probe), new UTF8Encoding(false));

            var start = new ProcessStartInfo(chromium)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                StandardOutputEncoding = Encoding.UTF8,
                StandardErrorEncoding = Encoding.UTF8,
            };
            foreach (var argument in new[]
            {
                "--headless=new", "--disable-gpu", "--no-sandbox", "--disable-dev-shm-usage", "--no-first-run", "--no-default-browser-check",
                "--disable-extensions", "--user-data-dir=" + Path.Combine(work, "profile"),
                "--window-size=" + width + "," + height, "--virtual-time-budget=5000", "--enable-logging=stderr", "--v=0",
                "--dump-dom", new Uri(probed).AbsoluteUri,
            })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(120)))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail("Chromium did not finish within 120 s on " + htmlFile);
            }

            var dom = stdout.Result;
            var log = stderr.Result;
            var problems = new List<string>();
            var at = dom.IndexOf("<pre id=\"" + ProbeId + "\">", StringComparison.Ordinal);
            if (at < 0)
            {
                Assert.Fail("The probe did not report (Chromium exit " + process.ExitCode + "); stderr:\n" + log);
            }

            var from = dom.IndexOf('>', at) + 1;
            var json = System.Net.WebUtility.HtmlDecode(dom.Substring(from, dom.IndexOf("</pre>", from, StringComparison.Ordinal) - from));
            using var report = JsonDocument.Parse(json);
            var root = report.RootElement;
            problems.AddRange(root.GetProperty("problems").EnumerateArray().Select(p => p.GetString() ?? string.Empty));
            problems.AddRange(log.Split('\n').Where(l => ConsoleLine.IsMatch(l)).Select(l => "browser console: " + l.Trim()));
            var innerWidth = root.GetProperty("innerWidth").GetInt32();
            Assert.True(innerWidth == width, "The window is " + innerWidth + " px wide, not the " + width + " px asked for: the measurement would not mean what it says.");
            var tables = root.GetProperty("tables").EnumerateArray().Select(t => (t.GetProperty("id").GetString() ?? string.Empty, t.GetProperty("width").GetInt32())).ToArray();
            return new RenderedPage(problems, tables, root.GetProperty("viewport").GetInt32());
        }
        finally
        {
            try
            {
                Directory.Delete(work, recursive: true);
            }
            catch (IOException)
            {
                // Chromium's helper processes may still hold the profile for a moment; the temp folder is left.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }
}
