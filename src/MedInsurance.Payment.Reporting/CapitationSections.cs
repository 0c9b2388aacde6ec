using System.Globalization;
using System.Linq;
using System.Text;
using MedInsurance.Payment.Capitation;
using MedInsurance.Payment.Consortium;
using MedInsurance.Payment.Settlement;

namespace MedInsurance.Payment.Reporting;

/// <summary>
/// The report's capitation (按人头付费) and consortium (医共体打包付费) sections: one row per institution or member with
/// its budget or package, spend, band result and payment, to the fen, and totals equal to the results' own sums.
/// </summary>
internal static class CapitationSections
{
    public static void WriteCapitation(StringBuilder h, CapitationResult result)
    {
        var policy = result.Policy;
        var s = result.Summary;
        h.Append("<section id=\"capitation\">\n<h2>按人头付费 — Capitation</h2>\n");
        ClearingHtmlReport.Meta(h, "政策 Policy", policy.Id + " v" + policy.Version + (string.IsNullOrEmpty(policy.Name) ? string.Empty : " — " + policy.Name));
        ClearingHtmlReport.Meta(h, "口径 Basis", policy.Basis == CapitationBasis.Signed ? "签约人数 signed persons" : "服务人数 served persons");
        ClearingHtmlReport.Meta(h, "人头标准 Standards", string.Join("；", policy.Classes.Select(c => c.Name + " " + c.StandardPerYear + " 元/年")));
        ClearingHtmlReport.Meta(h, "结算 Claims", s.Claims.ToString(CultureInfo.InvariantCulture) + "（拒收 rejected " + s.ClaimsRejected.ToString(CultureInfo.InvariantCulture) + "）");
        h.Append("<div class=\"scroll\"><table id=\"capitation-table\">\n<thead><tr>");
        ClearingHtmlReport.Th(h, "机构编码", "Institution ID");
        ClearingHtmlReport.Th(h, "机构名称", "Institution");
        ClearingHtmlReport.Th(h, "服务人数", "Persons");
        ClearingHtmlReport.Th(h, "人头预算", "Budget");
        ClearingHtmlReport.Th(h, "机构内支出", "Inside spend");
        ClearingHtmlReport.Th(h, "未经转诊在外", "Elsewhere");
        ClearingHtmlReport.Th(h, "转诊人次", "Referrals");
        ClearingHtmlReport.Th(h, "转诊费用", "Referral charges");
        ClearingHtmlReport.Th(h, "年度实际支出", "Spend");
        ClearingHtmlReport.Th(h, "结余(+)/超支(−)率", "Surplus (+) / overspend (−)");
        ClearingHtmlReport.Th(h, "结余留用", "Surplus kept");
        ClearingHtmlReport.Th(h, "结余收回", "Surplus reclaimed");
        ClearingHtmlReport.Th(h, "超支分担", "Overspend shared");
        ClearingHtmlReport.Th(h, "超支自担", "Overspend borne");
        ClearingHtmlReport.Th(h, "基金支付合计", "Fund pays");
        ClearingHtmlReport.Th(h, "机构应得", "Institution amount");
        ClearingHtmlReport.Th(h, "年度清算应付", "Annual settled");
        ClearingHtmlReport.Th(h, "清算拨付", "Clearing transfer");
        h.Append("</tr></thead>\n<tbody>\n");
        foreach (var st in result.Statements)
        {
            var r = st.RiskSharing;
            h.Append("<tr data-institution=\"").Append(Html.Encode(st.InstitutionId)).Append("\">");
            ClearingHtmlReport.Td(h, st.InstitutionId, "institution-id");
            ClearingHtmlReport.Td(h, st.Name, "institution-name");
            ClearingHtmlReport.TdNum(h, "persons", st.Persons.ToString(CultureInfo.InvariantCulture));
            ClearingHtmlReport.TdNum(h, "budget", st.Budget.ToString());
            ClearingHtmlReport.TdNum(h, "inside", st.InsideSpend.ToString());
            ClearingHtmlReport.TdNum(h, "elsewhere", st.ElsewhereSpend.ToString());
            ClearingHtmlReport.TdNum(h, "referrals", st.Referrals.ToString(CultureInfo.InvariantCulture));
            ClearingHtmlReport.TdNum(h, "referral-charges", st.ReferralCharges.ToString());
            ClearingHtmlReport.TdNum(h, "spend", st.Spend.ToString());
            ClearingHtmlReport.TdNum(h, "deviation", Deviation(st.Budget, st.Spend));
            ClearingHtmlReport.TdNum(h, "surplus-kept", r.SurplusKept.ToString());
            ClearingHtmlReport.TdNum(h, "surplus-reclaimed", r.SurplusReclaimed.ToString());
            ClearingHtmlReport.TdNum(h, "overspend-shared", r.OverspendShared.ToString());
            ClearingHtmlReport.TdNum(h, "overspend-borne", r.OverspendBorne.ToString());
            ClearingHtmlReport.TdNum(h, "fund-pays", st.FundPays.ToString());
            ClearingHtmlReport.TdNum(h, "institution-amount", st.InstitutionAmount.ToString());
            ClearingHtmlReport.TdNum(h, "annual-settled", st.Assessment.Settled.ToString());
            ClearingHtmlReport.TdNum(h, "clearing-transfer", st.Transfer.Transfer.ToString());
            h.Append("</tr>\n");
        }

        h.Append("</tbody>\n<tfoot><tr>");
        ClearingHtmlReport.Td(h, "合计 Total", null, 2);
        ClearingHtmlReport.TdNum(h, "persons", s.Persons.ToString(CultureInfo.InvariantCulture));
        ClearingHtmlReport.TdNum(h, "budget", s.Budget.ToString());
        ClearingHtmlReport.TdNum(h, "inside", Money.Sum(result.Statements.Select(x => x.InsideSpend)).ToString());
        ClearingHtmlReport.TdNum(h, "elsewhere", Money.Sum(result.Statements.Select(x => x.ElsewhereSpend)).ToString());
        ClearingHtmlReport.TdNum(h, "referrals", result.Statements.Sum(x => x.Referrals).ToString(CultureInfo.InvariantCulture));
        ClearingHtmlReport.TdNum(h, "referral-charges", s.ReferralCharges.ToString());
        ClearingHtmlReport.TdNum(h, "spend", s.Spend.ToString());
        ClearingHtmlReport.TdNum(h, "deviation", Deviation(s.Budget, s.Spend));
        ClearingHtmlReport.TdNum(h, "surplus-kept", s.SurplusKept.ToString());
        ClearingHtmlReport.TdNum(h, "surplus-reclaimed", s.SurplusReclaimed.ToString());
        ClearingHtmlReport.TdNum(h, "overspend-shared", s.OverspendShared.ToString());
        ClearingHtmlReport.TdNum(h, "overspend-borne", s.OverspendBorne.ToString());
        ClearingHtmlReport.TdNum(h, "fund-pays", s.FundPays.ToString());
        ClearingHtmlReport.TdNum(h, "institution-amount", Money.Sum(result.Statements.Select(x => x.InstitutionAmount)).ToString());
        ClearingHtmlReport.TdNum(h, "annual-settled", s.AnnualSettled.ToString());
        ClearingHtmlReport.TdNum(h, "clearing-transfer", s.ClearingTransfer.ToString());
        h.Append("</tr></tfoot>\n</table></div>\n");
        h.Append("<p class=\"note\">").Append(Html.Encode("年度比较 year end: 预算与支出（含转诊费用）按结余留用、超支分担区间比较；区间上限为预算的比例 — bands are shares of the budget; "
            + BandsText(policy.RiskSharing))).Append("</p>\n</section>\n");
    }

    public static void WriteConsortium(StringBuilder h, ConsortiumResult result)
    {
        h.Append("<section id=\"consortium\">\n<h2>医共体打包付费 — Medical consortium</h2>\n");
        ClearingHtmlReport.Meta(h, "政策 Policy", result.Policy.Id + " v" + result.Policy.Version + (string.IsNullOrEmpty(result.Policy.Name) ? string.Empty : " — " + result.Policy.Name));
        h.Append("<div class=\"scroll\"><table id=\"consortium-table\">\n<thead><tr>");
        ClearingHtmlReport.Th(h, "医共体", "Consortium");
        ClearingHtmlReport.Th(h, "名称", "Name");
        ClearingHtmlReport.Th(h, "总额控制指标", "Target");
        ClearingHtmlReport.Th(h, "成员支付", "Members' payments");
        ClearingHtmlReport.Th(h, "体外就医", "Outside");
        ClearingHtmlReport.Th(h, "实际支出", "Spend");
        ClearingHtmlReport.Th(h, "结余(+)/超支(−)率", "Surplus (+) / overspend (−)");
        ClearingHtmlReport.Th(h, "结余留用", "Surplus kept");
        ClearingHtmlReport.Th(h, "超支分担", "Overspend shared");
        ClearingHtmlReport.Th(h, "基金支付合计", "Fund pays");
        ClearingHtmlReport.Th(h, "清算结果", "Result");
        ClearingHtmlReport.Th(h, "内部分配", "Internal split");
        h.Append("</tr></thead>\n<tbody>\n");
        foreach (var st in result.Statements)
        {
            h.Append("<tr data-consortium=\"").Append(Html.Encode(st.Package.Id)).Append("\">");
            ClearingHtmlReport.Td(h, st.Package.Id, "consortium-id");
            ClearingHtmlReport.Td(h, st.Package.Name, "consortium-name");
            ClearingHtmlReport.TdNum(h, "target", st.Target.ToString());
            ClearingHtmlReport.TdNum(h, "member-payments", st.MemberPayments.ToString());
            ClearingHtmlReport.TdNum(h, "outside", st.Outside.ToString());
            ClearingHtmlReport.TdNum(h, "spend", st.Spend.ToString());
            ClearingHtmlReport.TdNum(h, "deviation", Deviation(st.Target, st.Spend));
            ClearingHtmlReport.TdNum(h, "surplus-kept", st.RiskSharing.SurplusKept.ToString());
            ClearingHtmlReport.TdNum(h, "overspend-shared", st.RiskSharing.OverspendShared.ToString());
            ClearingHtmlReport.TdNum(h, "fund-pays", st.FundPays.ToString());
            ClearingHtmlReport.TdNum(h, "result", st.Result.ToString());
            ClearingHtmlReport.Td(h, SplitName(st.SplitUsed), "split");
            h.Append("</tr>\n");
        }

        h.Append("</tbody>\n</table></div>\n<div class=\"scroll\"><table id=\"consortium-members\">\n<thead><tr>");
        ClearingHtmlReport.Th(h, "医共体", "Consortium");
        ClearingHtmlReport.Th(h, "成员编码", "Member ID");
        ClearingHtmlReport.Th(h, "成员名称", "Member");
        ClearingHtmlReport.Th(h, "结算行", "Lines");
        ClearingHtmlReport.Th(h, "按结算行支付", "Line payments");
        ClearingHtmlReport.Th(h, "分配额", "Allocated");
        ClearingHtmlReport.Th(h, "年终调整", "Year-end adjustment");
        h.Append("</tr></thead>\n<tbody>\n");
        foreach (var st in result.Statements)
        {
            foreach (var m in st.Members)
            {
                h.Append("<tr data-member=\"").Append(Html.Encode(m.Member.MemberId)).Append("\">");
                ClearingHtmlReport.Td(h, st.Package.Id, "consortium-id");
                ClearingHtmlReport.Td(h, m.Member.MemberId, "member-id");
                ClearingHtmlReport.Td(h, m.Member.Name, "member-name");
                ClearingHtmlReport.TdNum(h, "lines", m.LineCount.ToString(CultureInfo.InvariantCulture));
                ClearingHtmlReport.TdNum(h, "line-payments", m.LinePayments.ToString());
                ClearingHtmlReport.TdNum(h, "allocated", m.Allocated.ToString());
                ClearingHtmlReport.TdNum(h, "adjustment", m.YearEndAdjustment.ToString());
                h.Append("</tr>\n");
            }
        }

        var members = result.Statements.SelectMany(x => x.Members).ToArray();
        h.Append("</tbody>\n<tfoot><tr>");
        ClearingHtmlReport.Td(h, "合计 Total", null, 3);
        ClearingHtmlReport.TdNum(h, "lines", members.Sum(m => m.LineCount).ToString(CultureInfo.InvariantCulture));
        ClearingHtmlReport.TdNum(h, "line-payments", Money.Sum(members.Select(m => m.LinePayments)).ToString());
        ClearingHtmlReport.TdNum(h, "allocated", Money.Sum(members.Select(m => m.Allocated)).ToString());
        ClearingHtmlReport.TdNum(h, "adjustment", Money.Sum(members.Select(m => m.YearEndAdjustment)).ToString());
        h.Append("</tr></tfoot>\n</table></div>\n");
        h.Append("<p class=\"note\">").Append(Html.Encode("成员分配额之和等于清算结果（到分）— the members' allocations sum to the result to the fen; "
            + BandsText(result.Policy.RiskSharing))).Append("</p>\n</section>\n");
    }

    // (budget − spend) ÷ budget as a signed percentage with two decimals; "—" without a budget.
    private static string Deviation(Money budget, Money spend) =>
        budget.IsZero ? "—" : (((budget - spend).Yuan * 100m / budget.Yuan) >= 0m ? "+" : string.Empty) + ClearingHtmlReport.Fixed((budget - spend).Yuan * 100m / budget.Yuan, 2) + "%";

    private static string BandsText(RiskSharingRule rule) =>
        "结余 surplus " + Bands(rule.Surplus) + "；超支 overspend " + Bands(rule.Overspend);

    private static string Bands(System.Collections.Generic.IReadOnlyList<RiskSharingBand> bands)
    {
        if (bands.Count == 0)
        {
            return "—";
        }

        var lower = 0m;
        var parts = new System.Collections.Generic.List<string>();
        foreach (var b in bands)
        {
            parts.Add(b.UpTo is { } u
                ? ClearingHtmlReport.Num(lower * 100m) + "–" + ClearingHtmlReport.Num(u.Value * 100m) + "% × " + ClearingHtmlReport.Num(b.Share.Value * 100m) + "%"
                : ">" + ClearingHtmlReport.Num(lower * 100m) + "% × " + ClearingHtmlReport.Num(b.Share.Value * 100m) + "%");
            lower = b.UpTo?.Value ?? lower;
        }

        return string.Join("，", parts);
    }

    private static string SplitName(ConsortiumSplitMethod method) => method switch
    {
        ConsortiumSplitMethod.Lines => "按成员结算行 by lines",
        ConsortiumSplitMethod.Points => "按点数 by points",
        ConsortiumSplitMethod.Shares => "按固定比例 by shares",
        ConsortiumSplitMethod.Supplied => "按给定金额 supplied",
        _ => method.ToString(),
    };
}
