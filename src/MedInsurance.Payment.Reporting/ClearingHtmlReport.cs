using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using MedInsurance.Payment.Cases;
using MedInsurance.Payment.Settlement;

namespace MedInsurance.Payment.Reporting;

/// <summary>
/// 清算报告 — renders a <see cref="ClearingResult"/> as one self-contained HTML5 page for offline viewing: the policy
/// and point values / rates of each pool, the region summary, one row per hospital (cases, units, CMI, deviation-case
/// share, annual payable, risk sharing, monthly pre-settlements, deposit, amount due) and inline SVG bar charts; when
/// given in the options, the capitation (按人头付费) and consortium (医共体) statements of the year.
/// </summary>
/// <remarks>
/// <para>No external resources: CSS is inline, charts are SVG drawn here, no scripts, no fonts, no links.
/// Every text from the data is HTML-encoded with <see cref="System.Net.WebUtility.HtmlEncode(string)"/>.</para>
/// <para>Money is printed in yuan exactly to the fen (<see cref="Money.ToString"/>). Numbers use the invariant culture
/// and the output contains no timestamp unless <see cref="ClearingReportOptions.GeneratedAt"/> is given, so the same
/// input gives byte-identical output. Lines end with <c>\n</c>. Thread-safe. The layout is described in docs/report.md.</para>
/// </remarks>
public static class ClearingHtmlReport
{
    private const string Dash = "—";

    private static readonly string[] HospitalHeaders =
    [
        "hospital-id|机构编码|Hospital ID",
        "hospital-name|机构名称|Hospital",
        "level|等级|Level",
        "cases|病例数|Cases",
        "units|{units}|{unitsEn}",
        "cmi|CMI 病例组合指数|Case-mix index",
        "deviation-share|偏差病例占比|Deviation-case share",
        "annual-payable|年度应付|Annual payable",
        "fee-for-service|按项目基金支付|Fee-for-service fund",
        "surplus-kept|结余留用|Surplus kept",
        "overspend-shared|超支分担|Overspend shared",
        "overspend-borne|超支自担|Overspend borne",
        "after-risk-sharing|风险分担后应付|After risk sharing",
        "assessment-coefficient|考核系数|Assessment coefficient",
        "annual-settled|年度清算应付|Annual settled",
        "monthly-pre-settlements|月度预结算合计|Monthly paid",
        "deposit-withheld|预留保证金|Deposit withheld",
        "deposit-released|返还保证金|Deposit released",
        "working-advance|预付周转金|Working advance",
        "amount-due|清算应拨|Amount due",
        "clearing-transfer|清算拨付|Clearing transfer",
    ];

    internal const string Css =
        "body{font-family:system-ui,-apple-system,\"Segoe UI\",\"Microsoft YaHei\",\"PingFang SC\",sans-serif;margin:24px;color:#1b1f24;background:#fff}\n" +
        "h1{font-size:1.5em;margin:0 0 4px}h2{font-size:1.15em;margin:28px 0 8px;border-bottom:1px solid #d0d7de;padding-bottom:4px}\n" +
        ".meta{color:#57606a;margin:2px 0}\n" +
        ".scroll{overflow-x:auto}\n" +
        "table{border-collapse:collapse;font-size:.85em}th,td{border:1px solid #d0d7de;padding:4px 6px;vertical-align:top}\n" +
        "th{background:#f6f8fa;text-align:left;font-weight:600}th span.en{display:block;font-weight:400;color:#57606a;font-size:.9em}\n" +
        "td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}tfoot td{font-weight:600;background:#f6f8fa}\n" +
        "figure{margin:16px 0}figcaption{font-weight:600;margin-bottom:4px}\n" +
        "svg.chart{max-width:100%;height:auto;font-size:11px}svg.chart text{fill:#1b1f24}svg.chart .axis{stroke:#57606a}\n" +
        ".bar.payable,.legend.payable{fill:#1f6feb}.bar.ffs,.legend.ffs{fill:#bf8700}.bar.units,.legend.units{fill:#1a7f37}.bar.deviation,.legend.deviation{fill:#cf222e}\n" +
        ".note{color:#57606a;font-size:.85em}\n" +
        "@media print{body{margin:8mm}.scroll{overflow:visible}}\n";

    /// <summary>Renders the report as a string.</summary>
    /// <param name="result">The clearing result.</param>
    /// <param name="options">Optional inputs (region, case mix, timestamp); null for none.</param>
    /// <returns>The HTML document.</returns>
    public static string Render(ClearingResult result, ClearingReportOptions? options = null)
    {
        if (result is null)
        {
            throw new ArgumentNullException(nameof(result));
        }

        options ??= new ClearingReportOptions();
        var isDrg = CaseMixIndex.MethodOf(result) == CaseMixMethod.Drg;
        var unitsZh = isDrg ? "总权重" : "总点数";
        var unitsEn = isDrg ? "Total weight" : "Total points";
        var valueZh = isDrg ? "费率" : "点值";
        var valueEn = isDrg ? "Base rate" : "Point value";
        var mix = new Dictionary<string, HospitalCaseMix>(StringComparer.Ordinal);
        foreach (var m in options.CaseMix)
        {
            mix[m.HospitalId] = m;
        }

        var cmiMethod = options.CaseMix.Count > 0 ? options.CaseMix[0].Method : CaseMixIndex.MethodOf(result);

        var policy = result.Policy;
        var title = (string.IsNullOrEmpty(options.Region) ? string.Empty : options.Region + " ")
            + policy.Year.ToString(CultureInfo.InvariantCulture) + "年度医保基金清算报告 — Annual clearing report"
            + (string.IsNullOrEmpty(policy.Name) ? string.Empty : " — " + policy.Name);

        var h = new StringBuilder(16 * 1024);
        h.Append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<meta name=\"generator\" content=\"MedInsurance.Payment.Reporting\">\n")
            .Append("<title>").Append(Html.Encode(title)).Append("</title>\n<style>\n").Append(Css).Append("</style>\n</head>\n<body>\n");

        // Title and policy.
        h.Append("<header>\n<h1>").Append(Html.Encode(title)).Append("</h1>\n");
        Meta(h, "统筹地区 Region", string.IsNullOrEmpty(options.Region) ? Dash : options.Region);
        Meta(h, "政策 Policy", policy.Id + " v" + policy.Version + (string.IsNullOrEmpty(policy.Name) ? string.Empty : " — " + policy.Name));
        Meta(h, "年度 Year", policy.Year.ToString(CultureInfo.InvariantCulture));
        Meta(h, "支付方式 Method", string.Join("、", result.Pools.Select(p => p.PointSystem).Distinct(StringComparer.OrdinalIgnoreCase).Select(MethodName)) + "；" + ValueMethodName(policy.ValueMethod));
        Meta(h, valueZh + " " + valueEn, string.Join("；", result.Pools.Select(p => p.Key + " " + Num(p.Value.Yuan))));
        h.Append("</header>\n");

        // Pools: point values / rates.
        h.Append("<section id=\"pools\">\n<h2>资金池与").Append(valueZh).Append(" — Pools and ").Append(valueEn.ToLowerInvariant()).Append("s</h2>\n<div class=\"scroll\"><table id=\"pool-table\">\n<thead><tr>");
        Th(h, "险种", "Fund");
        Th(h, "预算方法", "Budget method");
        Th(h, "预算", "Budget");
        Th(h, "特例单议支付", "Special-review paid");
        Th(h, unitsZh, unitsEn);
        Th(h, "结算" + valueZh, "Settlement " + valueEn.ToLowerInvariant());
        Th(h, "应付合计", "Payable");
        h.Append("</tr></thead>\n<tbody>\n");
        foreach (var pool in result.Pools)
        {
            h.Append("<tr>");
            Td(h, pool.PointSystem + " · " + FundName(pool.Fund));
            Td(h, BudgetMethodName(pool.Budget.Method));
            TdNum(h, "budget", pool.Budget.Total.ToString());
            TdNum(h, "special-review-paid", pool.SpecialReviewPaid.ToString());
            TdNum(h, "units", Num(pool.TotalPoints));
            TdNum(h, "value", Num(pool.Value.Yuan));
            TdNum(h, "payable", pool.Payable.ToString());
            h.Append("</tr>\n");
        }

        h.Append("</tbody>\n</table></div>\n");
        foreach (var pool in result.Pools.Where(p => p.Budget.Steps.Count > 0))
        {
            h.Append("<p class=\"note\">").Append(Html.Encode(pool.Key + " 预算推导 budget derivation: "))
                .Append(Html.Encode(string.Join("；", pool.Budget.Steps.Select(s => s.Label + " " + s.Amount + "（" + s.Formula + "）")))).Append("</p>\n");
        }

        h.Append("</section>\n");

        // Region summary.
        var s = result.Summary;
        h.Append("<section id=\"summary\">\n<h2>区域汇总 — Region summary</h2>\n<div class=\"scroll\"><table id=\"summary-table\">\n<tbody>\n");
        SummaryRow(h, "hospitals", "医疗机构数", "Hospitals", s.Hospitals.ToString(CultureInfo.InvariantCulture));
        SummaryRow(h, "cases", "结算行数", "Settled lines", s.Lines.ToString(CultureInfo.InvariantCulture));
        SummaryRow(h, "rejected-cases", "拒收结算行数", "Rejected lines", s.RejectedLines.ToString(CultureInfo.InvariantCulture));
        SummaryRow(h, "budget", "预算合计", "Budget", s.Budget.ToString());
        SummaryRow(h, "total-units", unitsZh, unitsEn, Num(result.Pools.Sum(p => p.TotalPoints)));
        SummaryRow(h, "value", "结算" + valueZh, "Settlement " + valueEn.ToLowerInvariant(), string.Join("；", result.Pools.Select(p => Num(p.Value.Yuan))));
        SummaryRow(h, "annual-payable", "年度应付合计", "Annual payable", s.AnnualPayable.ToString());
        SummaryRow(h, "fee-for-service", "按项目基金支付合计", "Fee-for-service fund", s.FeeForService.ToString());
        SummaryRow(h, "surplus-kept", "结余留用", "Surplus kept", s.SurplusKept.ToString());
        SummaryRow(h, "surplus-reclaimed", "结余收回", "Surplus reclaimed", s.SurplusReclaimed.ToString());
        SummaryRow(h, "overspend-shared", "超支分担（基金）", "Overspend shared (fund)", s.OverspendShared.ToString());
        SummaryRow(h, "overspend-borne", "超支自担（医院）", "Overspend borne (hospitals)", s.OverspendBorne.ToString());
        SummaryRow(h, "annual-settled", "年度清算应付合计", "Annual settled", s.AnnualSettled.ToString());
        SummaryRow(h, "monthly-pre-settlements", "月度预结算合计", "Monthly paid", s.MonthlyPreSettlements.ToString());
        SummaryRow(h, "deposit-withheld", "预留保证金合计", "Deposit withheld", s.DepositWithheld.ToString());
        SummaryRow(h, "deposit-released", "返还保证金合计", "Deposit released", s.DepositReleased.ToString());
        SummaryRow(h, "working-advance", "预付周转金合计", "Working advance", s.WorkingAdvance.ToString());
        SummaryRow(h, "clearing-transfer", "清算拨付合计", "Clearing transfer", s.ClearingTransfer.ToString());
        h.Append("</tbody>\n</table></div>\n</section>\n");

        // Hospitals.
        var units = result.Statements.Select(UnitsOf).ToArray();
        h.Append("<section id=\"hospitals\">\n<h2>医疗机构清算 — Hospital statements</h2>\n<div class=\"scroll\"><table id=\"hospital-table\">\n<thead><tr>");
        foreach (var header in HospitalHeaders)
        {
            var parts = header.Replace("{units}", unitsZh).Replace("{unitsEn}", unitsEn).Split('|');
            h.Append("<th data-col=\"").Append(parts[0]).Append("\">").Append(Html.Encode(parts[1])).Append("<span class=\"en\">").Append(Html.Encode(parts[2])).Append("</span></th>");
        }

        h.Append("</tr></thead>\n<tbody>\n");
        for (var i = 0; i < result.Statements.Count; i++)
        {
            var st = result.Statements[i];
            mix.TryGetValue(st.Hospital.Id, out var m);
            h.Append("<tr data-hospital=\"").Append(Html.Encode(st.Hospital.Id)).Append("\">");
            Td(h, st.Hospital.Id, "hospital-id");
            Td(h, st.Hospital.Name, "hospital-name");
            Td(h, st.Hospital.Level.ChineseName, "level");
            TdNum(h, "cases", st.LineCount.ToString(CultureInfo.InvariantCulture));
            TdNum(h, "units", Num(units[i]));
            TdNum(h, "cmi", m?.CaseMixIndex is { } cmi ? Fixed(cmi, 4) : Dash);
            TdNum(h, "deviation-share", m?.DeviationShare is { } share ? Percent(share) : Dash);
            TdNum(h, "annual-payable", st.AnnualPayable.ToString());
            TdNum(h, "fee-for-service", st.FeeForService.ToString());
            TdNum(h, "surplus-kept", st.SurplusKept.ToString());
            TdNum(h, "overspend-shared", st.OverspendShared.ToString());
            TdNum(h, "overspend-borne", st.OverspendBorne.ToString());
            TdNum(h, "after-risk-sharing", st.AfterRiskSharing.ToString());
            TdNum(h, "assessment-coefficient", Num(st.AssessmentCoefficient.Value));
            TdNum(h, "annual-settled", st.AnnualSettled.ToString());
            TdNum(h, "monthly-pre-settlements", st.MonthlyPreSettlements.ToString());
            TdNum(h, "deposit-withheld", st.DepositWithheld.ToString());
            TdNum(h, "deposit-released", st.DepositReleased.ToString());
            TdNum(h, "working-advance", st.WorkingAdvance.ToString());
            TdNum(h, "amount-due", st.AmountDue.ToString());
            TdNum(h, "clearing-transfer", st.ClearingTransfer.ToString());
            h.Append("</tr>\n");
        }

        h.Append("</tbody>\n<tfoot><tr>");
        Td(h, "合计 Total", null, 3);
        TdNum(h, "cases", result.Statements.Sum(x => x.LineCount).ToString(CultureInfo.InvariantCulture));
        TdNum(h, "units", Num(units.Sum()));
        TdNum(h, "cmi", string.Empty);
        TdNum(h, "deviation-share", string.Empty);
        TdNum(h, "annual-payable", s.AnnualPayable.ToString());
        TdNum(h, "fee-for-service", s.FeeForService.ToString());
        TdNum(h, "surplus-kept", s.SurplusKept.ToString());
        TdNum(h, "overspend-shared", s.OverspendShared.ToString());
        TdNum(h, "overspend-borne", s.OverspendBorne.ToString());
        TdNum(h, "after-risk-sharing", Money.Sum(result.Statements.Select(x => x.AfterRiskSharing)).ToString());
        TdNum(h, "assessment-coefficient", string.Empty);
        TdNum(h, "annual-settled", s.AnnualSettled.ToString());
        TdNum(h, "monthly-pre-settlements", s.MonthlyPreSettlements.ToString());
        TdNum(h, "deposit-withheld", s.DepositWithheld.ToString());
        TdNum(h, "deposit-released", s.DepositReleased.ToString());
        TdNum(h, "working-advance", s.WorkingAdvance.ToString());
        TdNum(h, "amount-due", Money.Sum(result.Statements.Select(x => x.AmountDue)).ToString());
        TdNum(h, "clearing-transfer", s.ClearingTransfer.ToString());
        h.Append("</tr></tfoot>\n</table></div>\n");
        h.Append("<p class=\"note\" id=\"cmi-definition\">").Append(Html.Encode(CaseMixIndex.DefinitionChinese(cmiMethod))).Append("<br>")
            .Append(Html.Encode(CaseMixIndex.DefinitionEnglish(cmiMethod))).Append("</p>\n");
        h.Append("<p class=\"note\" id=\"deviation-definition\">偏差病例占比 = 偏差病例（费用高/低倍率等）数 ÷ 病例数。<br>")
            .Append("Deviation-case share = high/low outlier cases ÷ cases.</p>\n</section>\n");

        // Charts.
        var names = result.Statements.Select(x => string.IsNullOrEmpty(x.Hospital.Name) ? x.Hospital.Id : x.Hospital.Name).ToArray();
        h.Append("<section id=\"charts\">\n<h2>图表 — Charts</h2>\n");
        h.Append("<figure>\n<figcaption>年度应付与按项目基金支付 — Annual payable vs fee-for-service fund (元 yuan)</figcaption>\n");
        SvgBarChart.Write(h, "chart-payable", "年度应付与按项目基金支付 — Annual payable vs fee-for-service", names,
        [
            new BarSeries("payable", "年度应付 Annual payable", result.Statements.Select(x => MoneyBar(x.AnnualPayable)).ToArray()),
            new BarSeries("ffs", "按项目基金支付 Fee-for-service", result.Statements.Select(x => MoneyBar(x.FeeForService)).ToArray()),
        ]);
        h.Append("</figure>\n<figure>\n<figcaption>").Append(Html.Encode(unitsZh + " — " + unitsEn + " per hospital")).Append("</figcaption>\n");
        SvgBarChart.Write(h, "chart-units", unitsZh + " — " + unitsEn, names,
        [
            new BarSeries("units", unitsZh + " " + unitsEn, units.Select(u => new Bar(u, Num(u))).ToArray()),
        ]);
        h.Append("</figure>\n<figure>\n<figcaption>偏差病例占比 — Deviation-case share per hospital</figcaption>\n");
        var shares = result.Statements.Select(x => mix.TryGetValue(x.Hospital.Id, out var m) ? m.DeviationShare : null).ToArray();
        if (shares.Any(x => x is not null))
        {
            SvgBarChart.Write(h, "chart-deviation", "偏差病例占比 — Deviation-case share", names,
            [
                new BarSeries("deviation", "偏差病例占比 Deviation share", shares.Select(x => x is { } r ? new Bar(r.Value, Percent(r)) : new Bar(0m, Dash)).ToArray()),
            ]);
        }
        else
        {
            h.Append("<p class=\"note\">未提供偏差病例数据 — no deviation-case data was given for this run.</p>\n");
        }

        h.Append("</figure>\n</section>\n");

        // Capitation and consortium, when given.
        if (options.Capitation is { } capitation)
        {
            CapitationSections.WriteCapitation(h, capitation);
        }

        if (options.Consortium is { } consortium)
        {
            CapitationSections.WriteConsortium(h, consortium);
        }

        // Issues and footer.
        var errors = result.LineIssues.Count(i => i.Issue.IsError);
        h.Append("<footer>\n<p class=\"note\">结算行问题 Line issues: ").Append(result.LineIssues.Count.ToString(CultureInfo.InvariantCulture))
            .Append("（错误 errors ").Append(errors.ToString(CultureInfo.InvariantCulture)).Append("）。金额单位：元，精确到分 — amounts in yuan, exact to the fen.</p>\n");
        if (!string.IsNullOrEmpty(options.GeneratedAt))
        {
            h.Append("<p class=\"note\">生成时间 Generated: ").Append(Html.Encode(options.GeneratedAt)).Append("</p>\n");
        }

        h.Append("<p class=\"note\">MedInsurance.Payment.Reporting</p>\n</footer>\n</body>\n</html>\n");
        return h.ToString();
    }

    /// <summary>Writes the report to <paramref name="writer"/>.</summary>
    /// <param name="result">The clearing result.</param>
    /// <param name="writer">The output (use UTF-8: the page declares <c>charset=utf-8</c>).</param>
    /// <param name="options">Optional inputs; null for none.</param>
    public static void Write(ClearingResult result, TextWriter writer, ClearingReportOptions? options = null)
    {
        if (writer is null)
        {
            throw new ArgumentNullException(nameof(writer));
        }

        writer.Write(Render(result, options));
    }

    /// <summary>总分值/总权重 of one hospital: Σ the statement's <c>units</c> lines (all pools, after the hospital coefficient, without special-review cases).</summary>
    private static decimal UnitsOf(HospitalStatement statement) =>
        statement.Lines.Where(l => l.Quantity is not null && l.Code.StartsWith("points.", StringComparison.Ordinal)).Sum(l => l.Quantity!.Value);

    private static Bar MoneyBar(Money amount) => new(amount.Yuan, amount.ToString());

    internal static void Meta(StringBuilder h, string label, string value) =>
        h.Append("<p class=\"meta\"><strong>").Append(Html.Encode(label)).Append("</strong>: ").Append(Html.Encode(value)).Append("</p>\n");

    internal static void Th(StringBuilder h, string zh, string en) =>
        h.Append("<th>").Append(Html.Encode(zh)).Append("<span class=\"en\">").Append(Html.Encode(en)).Append("</span></th>");

    internal static void Td(StringBuilder h, string text, string? col = null, int colspan = 1)
    {
        h.Append("<td");
        if (col is not null)
        {
            h.Append(" data-col=\"").Append(col).Append('"');
        }

        if (colspan > 1)
        {
            h.Append(" colspan=\"").Append(colspan.ToString(CultureInfo.InvariantCulture)).Append('"');
        }

        h.Append('>').Append(Html.Encode(text)).Append("</td>");
    }

    internal static void TdNum(StringBuilder h, string col, string text) =>
        h.Append("<td class=\"num\" data-col=\"").Append(col).Append("\">").Append(Html.Encode(NumberText.Grouped(text))).Append("</td>");

    private static void SummaryRow(StringBuilder h, string code, string zh, string en, string value) =>
        h.Append("<tr data-code=\"").Append(code).Append("\"><th>").Append(Html.Encode(zh)).Append("<span class=\"en\">").Append(Html.Encode(en))
            .Append("</span></th><td class=\"num\">").Append(Html.Encode(NumberText.Grouped(value))).Append("</td></tr>\n");

    private static string FundName(InsuranceFund? fund) => fund switch
    {
        InsuranceFund.Employee => "职工 Employee",
        InsuranceFund.Resident => "居民 Resident",
        InsuranceFund.Other => "其他 Other",
        _ => "全部 All",
    };

    private static string MethodName(string pointSystem) => pointSystem.ToUpperInvariant() switch
    {
        "DRG" => "DRG 按疾病诊断相关分组付费",
        "DIP" => "DIP 按病种分值付费",
        _ => pointSystem + " 点数",
    };

    private static string BudgetMethodName(BudgetMethod method) => method switch
    {
        BudgetMethod.Fixed => "直接给定 fixed",
        BudgetMethod.ByItems => "按项目扣减 by items",
        BudgetMethod.ByLastYearShare => "按上年占比 by last year's share",
        BudgetMethod.ByGrowthRate => "按增长率 by growth rate",
        _ => method.ToString(),
    };

    private static string ValueMethodName(ValueMethod method) => method switch
    {
        ValueMethod.Fixed => "固定 fixed",
        ValueMethod.Floating => "浮动 floating",
        ValueMethod.Elastic => "弹性 elastic",
        _ => method.ToString(),
    };

    internal static string Num(decimal value) => value.ToString("0.##########", CultureInfo.InvariantCulture);

    internal static string Fixed(decimal value, int decimals) =>
        decimal.Round(value, decimals, MidpointRounding.AwayFromZero).ToString("0." + new string('0', decimals), CultureInfo.InvariantCulture);

    internal static string Percent(Ratio ratio) => Fixed(ratio.Value * 100m, 2) + "%";
}
