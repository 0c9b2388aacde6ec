using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;

namespace MedInsurance.Payment.Settlement;

/// <summary>
/// 清算单导出 — writes clearing results as JSON (statements, pools with budgets, summary) and CSV (one row per
/// statement line; one row per summary figure). Formats in <c>docs/formats-settlement.md</c>.
/// </summary>
/// <remarks>Amounts are written in yuan with two decimals (invariant culture); output is deterministic. Thread-safe.</remarks>
public static class StatementExport
{
    /// <summary>Writes the whole result as indented JSON (UTF-8).</summary>
    /// <param name="result">The result.</param>
    /// <param name="stream">The output stream.</param>
    public static void WriteJson(ClearingResult result, Stream stream)
    {
        if (result is null || stream is null)
        {
            throw new ArgumentNullException(result is null ? nameof(result) : nameof(stream));
        }

        using var w = StatementTables.JsonWriter(stream);
        w.WriteStartObject();
        w.WriteString("policy", result.Policy.Id);
        w.WriteString("policyVersion", result.Policy.Version);
        w.WriteNumber("year", result.Policy.Year);
        w.WriteStartArray("pools");
        foreach (var pool in result.Pools)
        {
            w.WriteStartObject();
            w.WriteString("pool", pool.Key);
            w.WriteString("pointSystem", pool.PointSystem);
            w.WriteString("fund", FundName(pool));
            w.WriteString("budgetMethod", pool.Budget.Method.ToString());
            w.WriteStartArray("budgetSteps");
            foreach (var step in pool.Budget.Steps)
            {
                w.WriteStartObject();
                w.WriteString("code", step.Code);
                w.WriteString("label", step.Label);
                w.WriteString("amount", step.Amount.ToString());
                w.WriteString("formula", step.Formula);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteString("budget", pool.Budget.Total.ToString());
            w.WriteString("specialReviewPaid", pool.SpecialReviewPaid.ToString());
            w.WriteString("moneyLinesPaid", pool.MoneyLinesPaid.ToString());
            w.WriteString("totalPoints", Num(pool.TotalPoints));
            w.WriteString("value", Num(pool.Value.Yuan));
            w.WriteString("payable", pool.Payable.ToString());
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartObject("summary");
        foreach (var (code, _, amount) in SummaryRows(result.Summary))
        {
            w.WriteString(code, amount);
        }

        w.WriteEndObject();
        w.WriteStartArray("statements");
        foreach (var s in result.Statements)
        {
            w.WriteStartObject();
            w.WriteString("hospitalId", s.Hospital.Id);
            w.WriteString("name", s.Hospital.Name);
            w.WriteString("level", s.Hospital.Level.Code);
            w.WriteNumber("lineCount", s.LineCount);
            w.WriteNumber("specialReviewLines", s.SpecialReviewLines);
            w.WriteBoolean("riskSharingApplied", s.RiskSharingApplied);
            w.WriteString("clearingTransfer", s.ClearingTransfer.ToString());
            StatementTables.WriteLines(w, s.Lines);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>Writes every statement line as CSV: <c>hospital_id,hospital_name,seq,code,label,amount,quantity,formula</c>.</summary>
    /// <param name="result">The result.</param>
    /// <param name="writer">The output.</param>
    /// <param name="raw">True to write cells exactly as given; by default a cell a spreadsheet would run as a formula gets a leading apostrophe (<see cref="Interchange.CsvCellSafety"/>).</param>
    public static void WriteStatementsCsv(ClearingResult result, TextWriter writer, bool raw = false)
    {
        if (result is null || writer is null)
        {
            throw new ArgumentNullException(result is null ? nameof(result) : nameof(writer));
        }

        StatementTables.WriteStatementsCsv(result.Statements.Select(s => (s.Hospital.Id, s.Hospital.Name, s.Lines)), writer, raw);
    }

    /// <summary>Writes the region summary as CSV: <c>code,label,value</c> (pools first, then totals).</summary>
    /// <param name="result">The result.</param>
    /// <param name="writer">The output.</param>
    /// <param name="raw">True to write cells exactly as given; by default a cell a spreadsheet would run as a formula gets a leading apostrophe (<see cref="Interchange.CsvCellSafety"/>).</param>
    public static void WriteSummaryCsv(ClearingResult result, TextWriter writer, bool raw = false)
    {
        if (result is null || writer is null)
        {
            throw new ArgumentNullException(result is null ? nameof(result) : nameof(writer));
        }

        using var csv = new Interchange.SafeCsvWriter(writer, leaveOpen: true, raw: raw);
        void Row(string code, string label, string value)
        {
            csv.WriteField(code);
            csv.WriteField(label);
            csv.WriteField(value);
            csv.NextRecord();
        }

        Row("code", "label", "value");
        foreach (var pool in result.Pools)
        {
            var tag = "pool." + pool.Key + ".";
            foreach (var step in pool.Budget.Steps)
            {
                Row(tag + "budget." + step.Code, step.Label + "：" + step.Formula, step.Amount.ToString());
            }

            Row(tag + "specialReviewPaid", "特例单议核准支付", pool.SpecialReviewPaid.ToString());
            Row(tag + "moneyLinesPaid", "金额行（由本资金池支付）", pool.MoneyLinesPaid.ToString());
            Row(tag + "totalPoints", "总点数", Num(pool.TotalPoints));
            Row(tag + "value", "结算点值", Num(pool.Value.Yuan));
            Row(tag + "payable", "应付合计", pool.Payable.ToString());
        }

        foreach (var (code, label, value) in SummaryRows(result.Summary))
        {
            Row(code, label, value);
        }
    }

    /// <summary>The whole result as JSON text.</summary>
    /// <param name="result">The result.</param>
    /// <returns>The JSON.</returns>
    public static string ToJson(ClearingResult result)
    {
        using var stream = new MemoryStream();
        WriteJson(result, stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static (string Code, string Label, string Value)[] SummaryRows(RegionSummary s) =>
    [
        ("hospitals", "医疗机构数", s.Hospitals.ToString(CultureInfo.InvariantCulture)),
        ("lines", "结算行数", s.Lines.ToString(CultureInfo.InvariantCulture)),
        ("rejectedLines", "拒收结算行数", s.RejectedLines.ToString(CultureInfo.InvariantCulture)),
        ("budget", "预算合计", s.Budget.ToString()),
        ("outsidePools", "资金池外金额行", s.OutsidePools.ToString()),
        ("annualPayable", "年度应付合计", s.AnnualPayable.ToString()),
        ("feeForService", "按项目基金支付合计", s.FeeForService.ToString()),
        ("surplusKept", "结余留用", s.SurplusKept.ToString()),
        ("surplusReclaimed", "结余收回", s.SurplusReclaimed.ToString()),
        ("overspendShared", "超支分担（基金）", s.OverspendShared.ToString()),
        ("overspendBorne", "超支自担（医院）", s.OverspendBorne.ToString()),
        ("annualSettled", "年度清算应付合计", s.AnnualSettled.ToString()),
        ("monthlyPreSettlements", "月度预结算合计", s.MonthlyPreSettlements.ToString()),
        ("depositWithheld", "预留保证金合计", s.DepositWithheld.ToString()),
        ("depositReleased", "返还保证金合计", s.DepositReleased.ToString()),
        ("workingAdvance", "预付周转金合计", s.WorkingAdvance.ToString()),
        ("clearingTransfer", "清算拨付合计", s.ClearingTransfer.ToString()),
    ];

    private static string FundName(PoolSummary pool) => pool.Fund?.ToString().ToLowerInvariant() ?? "all";

    private static string Num(decimal value) => value.ToString("0.##########", CultureInfo.InvariantCulture);
}
