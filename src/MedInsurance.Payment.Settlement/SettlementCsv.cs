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

/// <summary>结算病例读入记录 — one case-line CSV row: its row number, the case when it could be built, and its issues.</summary>
/// <param name="RowNumber">The 1-based data row number.</param>
/// <param name="Id">The case id as written.</param>
/// <param name="Case">The case line, when it could be built.</param>
/// <param name="Issues">The issues of the row.</param>
public sealed record SettledCaseRecord(int RowNumber, string Id, SettledCase? Case, IReadOnlyList<ValidationIssue> Issues)
{
    /// <summary>Whether the row is rejected (no case or an error).</summary>
    public bool IsRejected => Case is null || Issues.Any(i => i.IsError);
}

/// <summary>
/// 结算CSV — reads the settlement input files (case lines, hospital parameters, monthly payments) documented in
/// <c>docs/formats-settlement.md</c>. Every data row yields exactly one record, in file order, with coded issues.
/// </summary>
/// <remarks>Loaders only: nothing here computes a payment. Thread-safe.</remarks>
public static class SettlementCsv
{
    /// <summary>Reads a case-line CSV.</summary>
    /// <param name="reader">The CSV text (UTF-8, header row).</param>
    /// <returns>One record per data row.</returns>
    public static IReadOnlyList<SettledCaseRecord> ReadCases(TextReader reader)
    {
        if (reader is null)
        {
            throw new ArgumentNullException(nameof(reader));
        }

        var result = new List<SettledCaseRecord>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var hospitalIds = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (row, f) in Rows(reader))
        {
            var id = f.Text("case_id");
            if (id.Length == 0)
            {
                f.Required("case_id");
            }
            else if (!seen.Add(id))
            {
                f.Issues.Add(ValidationIssue.Error(SettlementIssueCodes.CaseIdDuplicated, "case_id", "病例编号“" + id + "”重复", "The case id '" + id + "' occurs more than once."));
            }

            var hospitalId = f.Text("hospital_id");
            if (hospitalId.Length == 0)
            {
                f.Required("hospital_id");
            }
            else if (hospitalIds.TryGetValue(hospitalId, out var shared))
            {
                hospitalId = shared;
            }
            else
            {
                hospitalIds.Add(hospitalId, hospitalId);
            }

            var fund = f.Text("fund").ToUpperInvariant() switch
            {
                "1" or "职工" or "EMPLOYEE" or "310" => InsuranceFund.Employee,
                "2" or "居民" or "RESIDENT" or "390" => InsuranceFund.Resident,
                "" => f.Required("fund", InsuranceFund.Other),
                var other => f.Invalid("fund", other, InsuranceFund.Other),
            };
            var month = f.Int("month", 1, 12);
            var method = f.Text("method").ToUpperInvariant() switch
            {
                "DRG" => PaymentMethod.Drg,
                "DIP" => PaymentMethod.Dip,
                "PER-DIEM" or "PERDIEM" or "按床日" => PaymentMethod.PerDiem,
                "" => f.Required("method", PaymentMethod.Unspecified),
                var other => f.Invalid("method", other, PaymentMethod.Unspecified),
            };
            var weight = f.Decimal("weight");
            var score = f.Decimal("score");
            if (method == PaymentMethod.Drg && weight is null)
            {
                f.Required("weight");
            }
            else if (method is PaymentMethod.Dip or PaymentMethod.PerDiem && score is null)
            {
                f.Required("score");
            }

            var review = f.Text("special_review").ToUpperInvariant() switch
            {
                "" or "0" or "NONE" or "无" => SpecialReviewStatus.None,
                "1" or "APPROVED" or "核准" or "通过" => SpecialReviewStatus.Approved,
                "2" or "REJECTED" or "未核准" or "不通过" => SpecialReviewStatus.Rejected,
                var other => f.Invalid("special_review", other, SpecialReviewStatus.None),
            };
            var value = new SettledCase
            {
                CaseId = id,
                HospitalId = hospitalId,
                Fund = fund,
                Month = month,
                Method = method,
                Weight = new RelativeWeight(weight ?? 0m),
                Score = new Score(score ?? 0m),
                TotalCost = f.Money("total_cost"),
                PatientPaid = f.Money("patient_paid"),
                FundPaid = f.Money("fund_paid"),
                AuditDeduction = f.Money("audit_deduction"),
                SpecialReview = review,
                ApprovedItemAmount = f.Money("approved_amount"),
            };
            result.Add(new SettledCaseRecord(row, id, id.Length == 0 ? null : value, f.Issues.ToArray()));
        }

        return result;
    }

    /// <summary>Reads the hospital CSV (<see cref="HospitalCsvReader"/> columns plus <c>coefficient</c>, <c>assessment_score</c>,
    /// <c>annual_deduction</c>, <c>working_advance</c>, <c>prior_year_fund_paid</c>, <c>base_points</c>).</summary>
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

                value = new SettlementHospital
                {
                    Hospital = row.Hospital,
                    Coefficient = new Coefficient(f.Decimal("coefficient") ?? 1m),
                    AssessmentScore = score ?? 0m,
                    AnnualDeduction = f.Money("annual_deduction"),
                    WorkingAdvance = f.Text("working_advance").Length == 0 ? null : f.Money("working_advance"),
                    PriorYearFundPaid = f.Money("prior_year_fund_paid"),
                    BasePoints = f.Decimal("base_points") is { } bp ? new Score(bp) : null,
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

            var value = new MonthlyPayment(id, month, f.Money("pre_settlement"), f.Money("deposit_withheld"));
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
            Issues.Add(ValidationIssue.Error(SettlementIssueCodes.FieldInvalid, column, column + "取值“" + text + "”无效", "'" + text + "' is not a valid " + column + "."));
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

            return decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var v) ? v : Invalid<decimal?>(column, text, null);
        }

        public Money Money(string column)
        {
            var text = Text(column);
            if (text.Length == 0)
            {
                return Payment.Money.Zero;
            }

            if (Payment.Money.TryParseYuan(text, out var value))
            {
                return value;
            }

            Issues.Add(ValidationIssue.Error(SettlementIssueCodes.AmountInvalid, column, column + "=" + text + "不是精确到分的金额", column + "=" + text + " is not an amount exact to the fen."));
            return Payment.Money.Zero;
        }
    }
}
