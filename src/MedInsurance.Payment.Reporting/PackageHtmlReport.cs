using System;
using System.Globalization;
using System.IO;
using System.Text;
using MedInsurance.Payment.Capitation;
using MedInsurance.Payment.Consortium;

namespace MedInsurance.Payment.Reporting;

/// <summary>
/// 按人头/医共体清算报告 — a self-contained offline HTML page with the capitation section (按人头付费: budget, spend,
/// referral charges, band result and payment per institution) or the consortium section (医共体打包付费: package,
/// spend, result and each member's split), the same sections <see cref="ClearingHtmlReport"/> adds to the annual
/// clearing report when they are given; for the year of <c>medpay capitation settle</c> and <c>medpay consortium
/// settle</c> on their own.
/// </summary>
/// <remarks>Pure: the same results give the same page. Thread-safe.</remarks>
public static class PackageHtmlReport
{
    /// <summary>Renders the page of a capitation year.</summary>
    /// <param name="result">The capitation result.</param>
    /// <param name="region">统筹地区 — the region's name for the title (null or empty: none).</param>
    /// <returns>The HTML text.</returns>
    public static string Render(CapitationResult result, string? region)
    {
        if (result is null)
        {
            throw new ArgumentNullException(nameof(result));
        }

        var h = Start(region, result.Policy.Year, "按人头付费清算报告 — Capitation statement", result.Policy.Name);
        CapitationSections.WriteCapitation(h, result);
        return End(h);
    }

    /// <summary>Renders the page of a consortium year.</summary>
    /// <param name="result">The consortium result.</param>
    /// <param name="region">统筹地区 — the region's name for the title (null or empty: none).</param>
    /// <returns>The HTML text.</returns>
    public static string Render(ConsortiumResult result, string? region)
    {
        if (result is null)
        {
            throw new ArgumentNullException(nameof(result));
        }

        var h = Start(region, result.Policy.Year, "医共体打包付费清算报告 — Consortium statement", result.Policy.Name);
        CapitationSections.WriteConsortium(h, result);
        return End(h);
    }

    /// <summary>Writes a page to a file as UTF-8 (no BOM; the page declares its charset).</summary>
    /// <param name="html">The page.</param>
    /// <param name="path">The file.</param>
    public static void WriteFile(string html, string path) => File.WriteAllText(path, html ?? throw new ArgumentNullException(nameof(html)), new UTF8Encoding(false));

    private static StringBuilder Start(string? region, int year, string kind, string? policyName)
    {
        var title = (string.IsNullOrEmpty(region) ? string.Empty : region + " ") + year.ToString(CultureInfo.InvariantCulture) + "年度" + kind
            + (string.IsNullOrEmpty(policyName) ? string.Empty : " — " + policyName);
        var h = new StringBuilder(16 * 1024);
        h.Append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<meta name=\"generator\" content=\"MedInsurance.Payment.Reporting\">\n")
            .Append("<title>").Append(Html.Encode(title)).Append("</title>\n<style>\n").Append(ClearingHtmlReport.Css).Append("</style>\n</head>\n<body>\n")
            .Append("<header>\n<h1>").Append(Html.Encode(title)).Append("</h1>\n</header>\n");
        return h;
    }

    private static string End(StringBuilder h) =>
        h.Append("<footer>\n<p class=\"note\">金额单位：元，精确到分 — amounts in yuan, exact to the fen.</p>\n<p class=\"note\">MedInsurance.Payment.Reporting</p>\n</footer>\n</body>\n</html>\n").ToString();
}
