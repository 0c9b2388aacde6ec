using System;
using System.Globalization;
using System.IO;
using System.Linq;
using MedInsurance.Payment.Settlement;

namespace MedInsurance.Payment.Capitation;

/// <summary>
/// 按人头付费清算单导出 — writes capitation results as JSON and CSV in the shapes of <c>settle year</c>
/// (<c>statements.csv</c>: <c>hospital_id,hospital_name,seq,code,label,amount,quantity,formula</c>; <c>summary.csv</c>:
/// <c>code,label,value</c>). Amounts in yuan with two decimals, invariant culture; deterministic.
/// </summary>
/// <remarks>Thread-safe.</remarks>
public static class CapitationExport
{
    /// <summary>Writes the result as indented JSON (UTF-8).</summary>
    /// <param name="result">The result.</param>
    /// <param name="stream">The output.</param>
    public static void WriteJson(CapitationResult result, Stream stream)
    {
        if (result is null || stream is null)
        {
            throw new ArgumentNullException(result is null ? nameof(result) : nameof(stream));
        }

        using var w = StatementTables.JsonWriter(stream);
        w.WriteStartObject();
        w.WriteString("method", SettlementMethods.Capitation);
        w.WriteString("policy", result.Policy.Id);
        w.WriteString("policyVersion", result.Policy.Version);
        w.WriteNumber("year", result.Policy.Year);
        w.WriteStartObject("summary");
        foreach (var (code, _, value) in SummaryRows(result.Summary))
        {
            w.WriteString(code, value);
        }

        w.WriteEndObject();
        w.WriteStartArray("statements");
        foreach (var s in result.Statements)
        {
            w.WriteStartObject();
            w.WriteString("institutionId", s.InstitutionId);
            w.WriteString("name", s.Name);
            w.WriteNumber("persons", s.Persons);
            w.WriteString("budget", s.Budget.ToString());
            w.WriteString("spend", s.Spend.ToString());
            w.WriteString("fundPays", s.FundPays.ToString());
            w.WriteString("annualSettled", s.Assessment.Settled.ToString());
            w.WriteString("clearingTransfer", s.Transfer.Transfer.ToString());
            StatementTables.WriteLines(w, s.Lines);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>Writes every statement line as CSV.</summary>
    /// <param name="result">The result.</param>
    /// <param name="writer">The output.</param>
    public static void WriteStatementsCsv(CapitationResult result, TextWriter writer)
    {
        if (result is null)
        {
            throw new ArgumentNullException(nameof(result));
        }

        StatementTables.WriteStatementsCsv(result.Statements.Select(s => (s.InstitutionId, s.Name, s.Lines)), writer);
    }

    /// <summary>Writes the summary as CSV: <c>code,label,value</c>.</summary>
    /// <param name="result">The result.</param>
    /// <param name="writer">The output.</param>
    public static void WriteSummaryCsv(CapitationResult result, TextWriter writer)
    {
        if (result is null)
        {
            throw new ArgumentNullException(nameof(result));
        }

        StatementTables.WriteSummaryCsv(SummaryRows(result.Summary), writer);
    }

    private static (string Code, string Label, string Value)[] SummaryRows(CapitationSummary s) =>
    [
        ("institutions", "机构数", I(s.Institutions)),
        ("persons", "人数", I(s.Persons)),
        ("rosterRows", "名册行数", I(s.RosterRows)),
        ("rosterRejected", "拒收名册行数", I(s.RosterRejected)),
        ("claims", "门诊结算记录数", I(s.Claims)),
        ("claimsRejected", "拒收记录数", I(s.ClaimsRejected)),
        ("claimsUncounted", "未签约不计入记录数", I(s.ClaimsUncounted)),
        ("budget", "人头预算合计", s.Budget.ToString()),
        ("referralCharges", "转诊费用合计", s.ReferralCharges.ToString()),
        ("spend", "实际支出合计", s.Spend.ToString()),
        ("fundPays", "基金支付合计", s.FundPays.ToString()),
        ("surplusKept", "结余留用", s.SurplusKept.ToString()),
        ("surplusReclaimed", "结余收回", s.SurplusReclaimed.ToString()),
        ("overspendShared", "超支分担（基金）", s.OverspendShared.ToString()),
        ("overspendBorne", "超支自担（机构）", s.OverspendBorne.ToString()),
        ("annualSettled", "年度清算应付合计", s.AnnualSettled.ToString()),
        ("clearingTransfer", "清算拨付合计", s.ClearingTransfer.ToString()),
    ];

    private static string I(long value) => value.ToString(CultureInfo.InvariantCulture);
}
