using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using CsvHelper;
using CsvHelper.Configuration;
using MedInsurance.Payment.Cases;
using MedInsurance.Payment.Interchange;
using MedInsurance.Payment.Validation;

namespace MedInsurance.Payment.Settlement;

/// <summary>
/// 结算CSV — reads the settlement input files besides the lines (hospital parameters, monthly payments) documented in
/// <c>docs/formats-settlement.md</c>; settlement lines are read by <see cref="SettlementLineCsv"/>. Every data row yields
/// exactly one record, in file order, with coded issues.
/// </summary>
/// <remarks>Loaders only: nothing here computes a payment. Thread-safe.</remarks>
public static class SettlementCsv
{
    /// <summary>Reads the hospital CSV (<see cref="HospitalCsvReader"/> columns plus <c>assessment_score</c> (0–100),
    /// <c>annual_deduction</c>, <c>working_advance</c>, <c>prior_year_fund_paid</c>, and for elastic pools <c>base_points</c>,
    /// <c>last_year_points</c> or their per-fund forms <c>base_points_employee</c>, <c>base_points_resident</c>,
    /// <c>last_year_points_employee</c>, <c>last_year_points_resident</c>).</summary>
    /// <param name="reader">The CSV text.</param>
    /// <returns>One record per data row.</returns>
    public static IReadOnlyList<ReadRecord<SettlementHospital>> ReadHospitals(TextReader reader)
    {
        var result = new List<ReadRecord<SettlementHospital>>();
        foreach (var record in HospitalCsvReader.Read(reader))
        {
            var issues = record.Issues.ToList();
            SettlementHospital? value = null;
            if (record.Value is { } row)
            {
                var f = new Fields(c => row.GetExtra(c), issues);
                var score = f.Decimal("assessment_score");
                if (score is null)
                {
                    issues.Add(ValidationIssue.Warning(SettlementIssueCodes.AssessmentScoreMissing, "assessment_score", "考核得分缺失，按0分处理", "The assessment score is missing; 0 is used."));
                }
                else if (score is < 0m or > 100m)
                {
                    issues.Add(ValidationIssue.Error(SettlementIssueCodes.AssessmentScoreOutOfRange, "assessment_score", "考核得分须在0–100之间", "The assessment score must be between 0 and 100."));
                }

                var bases = new List<ElasticBase>();
                foreach (var (suffix, fund) in new[] { (string.Empty, (InsuranceFund?)null), ("_employee", InsuranceFund.Employee), ("_resident", InsuranceFund.Resident) })
                {
                    var basePoints = f.NonNegativeDecimal("base_points" + suffix);
                    var lastYear = f.NonNegativeDecimal("last_year_points" + suffix);
                    if (basePoints is not null || lastYear is not null)
                    {
                        bases.Add(new ElasticBase(null, fund, basePoints is { } b ? new Score(b) : null, lastYear is { } l ? new Score(l) : null));
                    }
                }

                value = new SettlementHospital
                {
                    Hospital = row.Hospital,
                    AssessmentScore = score ?? 0m,
                    AnnualDeduction = f.Money("annual_deduction"),
                    WorkingAdvance = f.Text("working_advance").Length == 0 ? null : f.Money("working_advance"),
                    PriorYearFundPaid = f.Money("prior_year_fund_paid"),
                    ElasticBases = bases,
                };
            }

            result.Add(new ReadRecord<SettlementHospital>(record.RowNumber, record.Id, value, issues));
        }

        return result;
    }

    /// <summary>Reads the monthly payments CSV: <c>hospital_id,month,pre_settlement,deposit_withheld</c>.</summary>
    /// <param name="reader">The CSV text.</param>
    /// <returns>One record per data row.</returns>
    public static IReadOnlyList<ReadRecord<MonthlyPayment>> ReadMonthlyPayments(TextReader reader)
    {
        if (reader is null)
        {
            throw new ArgumentNullException(nameof(reader));
        }

        var result = new List<ReadRecord<MonthlyPayment>>();
        var seen = new HashSet<(string, int)>();
        foreach (var (row, f) in Rows(reader))
        {
            var id = f.Text("hospital_id");
            if (id.Length == 0)
            {
                f.Required("hospital_id");
            }

            var month = f.Int("month", 1, 12);
            if (id.Length > 0 && month > 0 && !seen.Add((id, month)))
            {
                f.Issues.Add(ValidationIssue.Error(SettlementIssueCodes.MonthlyPaymentDuplicated, "month", "月度拨付记录重复", "The hospital and month occur more than once."));
            }

            var deposit = f.Money("deposit_withheld");
            if (deposit.IsNegative)
            {
                f.Issues.Add(ValidationIssue.Error(SettlementIssueCodes.AmountNegative, "deposit_withheld", "预留保证金不能为负", "deposit_withheld must not be negative."));
            }

            var value = new MonthlyPayment(id, month, f.Money("pre_settlement"), deposit);
            result.Add(new ReadRecord<MonthlyPayment>(row, id, id.Length == 0 ? null : value, f.Issues.ToArray()));
        }

        return result;
    }

    private static IEnumerable<(int Row, Fields Fields)> Rows(TextReader reader)
    {
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            HasHeaderRecord = true,
            MissingFieldFound = null,
            HeaderValidated = null,
            BadDataFound = null,
            TrimOptions = TrimOptions.Trim,
            DetectColumnCountChanges = false,
            IgnoreBlankLines = true,
        };
        using var csv = new CsvReader(reader, config);
        if (!csv.Read() || !csv.ReadHeader())
        {
            yield break;
        }

        var header = (csv.HeaderRecord ?? []).Select((name, i) => (Name: name.Trim().TrimStart('\uFEFF'), i))
            .GroupBy(x => x.Name, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First().i, StringComparer.OrdinalIgnoreCase);
        var row = 0;
        while (csv.Read())
        {
            row++;
            var issues = new List<ValidationIssue>();
            yield return (row, new Fields(c => header.TryGetValue(c, out var i) && i < csv.Parser.Count ? csv.GetField(i) : null, issues));
        }
    }

    /// <summary>Typed field access with coded issues naming the column.</summary>
    private sealed class Fields
    {
        private readonly Func<string, string?> _get;

        public Fields(Func<string, string?> get, List<ValidationIssue> issues)
        {
            _get = get;
            Issues = issues;
        }

        public List<ValidationIssue> Issues { get; }

        public string Text(string column) => _get(column)?.Trim() ?? string.Empty;

        public void Required(string column) => Issues.Add(ValidationIssue.Error(SettlementIssueCodes.FieldRequired, column, "缺少必填字段" + column, "The required field '" + column + "' is missing."));

        public T Required<T>(string column, T fallback)
        {
            Required(column);
            return fallback;
        }

        public T Invalid<T>(string column, string text, T fallback)
        {
            Issues.Add(ValidationIssue.Error(SettlementIssueCodes.FieldInvalid, column, column + "取值无效", "The value is not a valid " + column + "."));
            return fallback;
        }

        public int Int(string column, int min, int max)
        {
            var text = Text(column);
            if (text.Length == 0)
            {
                return Required(column, 0);
            }

            return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max ? v : Invalid(column, text, 0);
        }

        public decimal? Decimal(string column)
        {
            var text = Text(column);
            if (text.Length == 0)
            {
                return null;
            }

            // No thousands separators: "1,5" is not 15 points or an assessment score of 15.
            return decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var v) ? v : Invalid<decimal?>(column, text, null);
        }

        public decimal? NonNegativeDecimal(string column)
        {
            var value = Decimal(column);
            if (value is < 0m)
            {
                Issues.Add(ValidationIssue.Error(SettlementIssueCodes.UnitsNegative, column, column + "不能为负", column + " must not be negative."));
                return null;
            }

            return value;
        }

        public Money Money(string column)
        {
            var text = Text(column);
            if (text.Length == 0)
            {
                return Payment.Money.Zero;
            }

            // Strictly, as every reader: 1,5 and 1,2,3,4 are not 15 and 1 234; 12.345 is not rounded; 1e3 is not 1 000.
            switch (YuanText.Parse(text, out var value))
            {
                case YuanTextStatus.Ok:
                    return value;
                case YuanTextStatus.OutOfRange:
                    Issues.Add(ValidationIssue.Error(SettlementIssueCodes.ValueOutOfRange, column, column + "的金额超出可处理范围（绝对值不超过999999999999.99元）", column + " is beyond the amounts that can be processed (at most 999,999,999,999.99 yuan either way).").WithValue(text));
                    return Payment.Money.Zero;
                default:
                    Issues.Add(ValidationIssue.Error(SettlementIssueCodes.AmountInvalid, column, column + "不是精确到分的金额（元），如1234.56或1,234.56", column + " is not an amount in yuan exact to the fen, such as 1234.56 or 1,234.56.").WithValue(text));
                    return Payment.Money.Zero;
            }
        }
    }
}
