using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using MedInsurance.Payment.Cases;
using MedInsurance.Payment.Settlement;
using MedInsurance.Payment.Validation;
using C = MedInsurance.Payment.Interchange.SettlementLineColumns;

namespace MedInsurance.Payment.Interchange;

/// <summary>
/// 结算行CSV — reads and writes settlement lines (<c>docs/formats-settlement.md</c>). Every payment method's command
/// writes these columns (plus its own after them); <c>medpay settle year --lines</c> reads them.
/// </summary>
/// <remarks>
/// The reader streams: every data row yields exactly one <see cref="ReadRecord{T}"/>, in file order, accepted or
/// rejected with coded issues naming the column; nothing throws on data. Column names may be the English names, the
/// Chinese names or the earlier case-line names (<see cref="SettlementLineColumns.Aliases"/>). Thread-safe.
/// </remarks>
public static class SettlementLineCsv
{
    private static readonly string[] RequiredColumns = { C.LineId, C.HospitalId, C.Fund, C.Month, C.Method };

    /// <summary>The header cells of the line columns, in order.</summary>
    public static IReadOnlyList<string> Header => C.All;

    /// <summary>Reads a settlement-line CSV file (encoding detected: BOM, else UTF-8 when valid, else GB18030).</summary>
    /// <param name="path">The path.</param>
    /// <returns>One record per data row, in order, read as enumerated.</returns>
    public static IEnumerable<ReadRecord<LineValue>> ReadFile(string path)
    {
        if (path is null)
        {
            throw new ArgumentNullException(nameof(path));
        }

        return ReadFileIterator(path);
    }

    private static IEnumerable<ReadRecord<LineValue>> ReadFileIterator(string path)
    {
        foreach (var record in ReadIterator(CsvTables.OpenFile(path, CsvReadOptions.Default), null))
        {
            yield return record;
        }
    }

    /// <summary>Reads settlement-line CSV text lazily.</summary>
    /// <param name="reader">The text.</param>
    /// <returns>One record per data row, in order.</returns>
    public static IEnumerable<ReadRecord<LineValue>> Read(TextReader reader)
    {
        if (reader is null)
        {
            throw new ArgumentNullException(nameof(reader));
        }

        return ReadIterator(CsvInput.Open(reader, CsvReadOptions.Default), null);
    }

    /// <summary>Reads a settlement-line CSV byte stream lazily in the encoding of <paramref name="options"/>.</summary>
    /// <param name="stream">The bytes (left open).</param>
    /// <param name="options">The encoding and limits.</param>
    /// <param name="completed">Called once at the end with the rows in and out and the encoding used.</param>
    /// <returns>One record per data row, in order.</returns>
    public static IEnumerable<ReadRecord<LineValue>> Read(Stream stream, CsvReadOptions options, Action<CsvReadReport>? completed)
    {
        if (stream is null || options is null)
        {
            throw new ArgumentNullException(stream is null ? nameof(stream) : nameof(options));
        }

        return ReadIterator(CsvInput.Open(stream, options, ownsStream: false), completed);
    }

    private static IEnumerable<ReadRecord<LineValue>> ReadIterator(CsvInput input, Action<CsvReadReport>? completed)
    {
        using (input)
        {
            var header = CsvTables.ReadHeader(input);
            if (header is null)
            {
                completed?.Invoke(CsvTables.Report(input, 0, 0));
                yield break;
            }

            var names = C.All.ToDictionary(c => c, c => Resolve(header, c), StringComparer.Ordinal);
            var legacyPoints = names[C.Points] is LegacyScore or LegacyWeight;
            if (legacyPoints)
            {
                names[C.Points] = null;
            }

            var missing = RequiredColumns.Where(c => names[c] is null).ToArray();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var hospitals = new Dictionary<string, string>(StringComparer.Ordinal);
            var f = new FieldReader(input, column => names.TryGetValue(column, out var mapped) ? (mapped is { } name ? header.IndexOf(name) : -1) : header.IndexOf(column));
            long row = 0, accepted = 0;
            while (input.MoveNext())
            {
                row++;
                var issues = f.Issues;
                issues.Clear();
                foreach (var column in missing)
                {
                    issues.Add(CsvTables.MissingColumn(column));
                }

                var problem = CsvTables.RowProblem(input, header, out var undecodable);
                var id = undecodable && input.FindUndecodable() == header.IndexOf(names[C.LineId] ?? C.LineId) ? string.Empty : f.Text(C.LineId);
                SettlementLine? line = null;
                if (problem is not null)
                {
                    issues.Add(problem);
                }
                else if (missing.Length == 0)
                {
                    line = Build(f, id, seen, hospitals, legacyPoints);
                }

                var record = new ReadRecord<LineValue>(checked((int)row), id, line is { } l ? new LineValue(l) : null, CsvTables.Snapshot(issues));
                accepted += record.IsRejected ? 0 : 1;
                yield return record;
            }

            completed?.Invoke(CsvTables.Report(input, row, accepted));
        }
    }

    /// <summary>The most points a line may carry (12 digits before the point, as for amounts).</summary>
    private const decimal MaxPoints = 999_999_999_999m;

    private const string LegacyScore = "score";

    private const string LegacyWeight = "weight";

    private static SettlementLine? Build(FieldReader f, string id, HashSet<string> seen, Dictionary<string, string> hospitals, bool legacyPoints)
    {
        if (id.Length == 0)
        {
            Required(f, C.LineId);
        }
        else if (!seen.Add(id))
        {
            f.Issues.Add(ValidationIssue.Error(SettlementIssueCodes.LineIdDuplicated, C.LineId, "结算行编号重复", "The line id occurs more than once."));
        }

        var hospitalId = f.Text(C.HospitalId);
        if (hospitalId.Length == 0)
        {
            Required(f, C.HospitalId);
        }
        else if (hospitals.TryGetValue(hospitalId, out var shared))
        {
            hospitalId = shared;
        }
        else
        {
            hospitals.Add(hospitalId, hospitalId);
        }

        var fundText = f.Text(C.Fund);
        var fund = ParseFund(fundText);
        if (fund is null)
        {
            if (fundText.Length == 0)
            {
                Required(f, C.Fund);
            }
            else
            {
                f.Invalid(C.Fund, fundText, "职工/居民（employee/resident, 310/390）", "employee or resident (职工/居民, 310/390)");
            }
        }

        var month = f.OptionalInt(C.Month, 1, 12);
        if (month is null && f.Text(C.Month).Length == 0)
        {
            Required(f, C.Month);
        }

        var method = SettlementMethods.Normalize(f.Text(C.Method));
        if (method.Length == 0)
        {
            Required(f, C.Method);
        }

        var system = f.Text(C.PointSystem);
        var pointsText = f.Text(C.Points);
        if (pointsText.Length == 0 && legacyPoints)
        {
            // The earlier case-line format had `score` (DIP, per-diem) and `weight` (DRG) columns: take whichever the row fills.
            pointsText = f.Text(LegacyScore);
            if (pointsText.Length == 0 && (pointsText = f.Text(LegacyWeight)).Length > 0)
            {
                f.Issues.Add(ValidationIssue.Warning(SettlementIssueCodes.LegacyWeightColumn, LegacyWeight, "旧格式weight列按点数读取：未乘医院系数的DRG权重；请用 medpay drg price 生成结算行", "The legacy weight column is read as points: a DRG weight without the hospital's coefficient; price DRG cases with `medpay drg price`."));
            }
        }

        var amountText = f.Text(C.Amount);
        SettlementBasis basis = default;
        if (pointsText.Length > 0 && amountText.Length > 0)
        {
            f.Issues.Add(ValidationIssue.Error(SettlementIssueCodes.BasisAmbiguous, C.Points, "点数与金额只能填写一项", "A line has either points or an amount, not both."));
        }
        else if (pointsText.Length > 0)
        {
            if (!decimal.TryParse(pointsText, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var points))
            {
                f.Invalid(C.Points, pointsText, "数值", "a number");
            }
            else if (points > MaxPoints)
            {
                f.Issues.Add(ValidationIssue.Error(IssueCodes.FieldOutOfRange, C.Points, "点数超出可处理范围（不超过999999999999）", "The points are beyond what can be processed (at most 999,999,999,999).").WithValue(pointsText));
            }
            else if (points < 0m)
            {
                f.Issues.Add(ValidationIssue.Error(SettlementIssueCodes.UnitsNegative, C.Points, "点数为负", "The points are negative."));
            }
            else
            {
                basis = SettlementBasis.OfPoints(system, points);
            }
        }
        else if (amountText.Length > 0)
        {
            basis = SettlementBasis.OfMoney(NonNegative(f, C.Amount), system);
        }
        else
        {
            f.Issues.Add(ValidationIssue.Error(SettlementIssueCodes.BasisMissing, C.Points, "缺少点数或金额", "The line has neither points nor an amount."));
        }

        var review = f.Text(C.SpecialReview).ToUpperInvariant() switch
        {
            "" or "0" or "NONE" or "无" => SpecialReviewStatus.None,
            "1" or "APPROVED" or "核准" or "通过" => SpecialReviewStatus.Approved,
            "2" or "REJECTED" or "未核准" or "不通过" => SpecialReviewStatus.Rejected,
            var other => Invalid(f, C.SpecialReview, other),
        };
        var fundPaid = f.Text(C.FundPaid).Length == 0 ? (Money?)null : NonNegative(f, C.FundPaid);
        return new SettlementLine(
            id,
            hospitalId,
            fund ?? InsuranceFund.Other,
            month ?? 0,
            method,
            basis,
            NonNegative(f, C.TotalCost),
            NonNegative(f, C.PatientPaid),
            fundPaid,
            NonNegative(f, C.AuditDeduction),
            review,
            NonNegative(f, C.ApprovedAmount));
    }

    /// <summary>Parses a fund as written: 职工/employee/1/310 or 居民/resident/2/390.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The fund, or null when not recognised.</returns>
    public static InsuranceFund? ParseFund(string? text) => (text ?? string.Empty).Trim().ToUpperInvariant() switch
    {
        "1" or "职工" or "EMPLOYEE" or "310" => InsuranceFund.Employee,
        "2" or "居民" or "RESIDENT" or "390" => InsuranceFund.Resident,
        _ => null,
    };

    /// <summary>The fund as written by <see cref="Cells"/>: <c>employee</c>, <c>resident</c> or <c>other</c>.</summary>
    /// <param name="fund">The fund.</param>
    /// <returns>The text.</returns>
    public static string FundText(InsuranceFund fund) => fund switch
    {
        InsuranceFund.Employee => "employee",
        InsuranceFund.Resident => "resident",
        _ => "other",
    };

    /// <summary>The cells of one line, in <see cref="Header"/> order (money in yuan with two decimals; blank for unknown).</summary>
    /// <param name="line">The line.</param>
    /// <returns>The cells.</returns>
    public static string[] Cells(in SettlementLine line) => new[]
    {
        line.LineId,
        line.HospitalId,
        FundText(line.Fund),
        line.Month.ToString(CultureInfo.InvariantCulture),
        line.Method,
        line.Basis.PointSystem ?? string.Empty,
        line.Basis.IsPoints ? line.Basis.Points.ToString(CultureInfo.InvariantCulture) : string.Empty,
        line.Basis.IsPoints ? string.Empty : line.Basis.Amount.ToString(),
        line.TotalCost.ToString(),
        line.PatientPaid.ToString(),
        line.FundPaid?.ToString() ?? string.Empty,
        line.AuditDeduction.ToString(),
        line.SpecialReview switch
        {
            SpecialReviewStatus.Approved => "approved",
            SpecialReviewStatus.Rejected => "rejected",
            _ => string.Empty,
        },
        line.SpecialReview == SpecialReviewStatus.Approved ? line.ApprovedAmount.ToString() : string.Empty,
    };

    /// <summary>Writes lines as CSV (header and one row each).</summary>
    /// <param name="writer">The output.</param>
    /// <param name="lines">The lines.</param>
    /// <param name="raw">True to write cells exactly as given; by default a cell a spreadsheet would run as a formula gets a leading apostrophe (<see cref="CsvCellSafety"/>).</param>
    public static void Write(TextWriter writer, IEnumerable<SettlementLine> lines, bool raw = false)
    {
        if (writer is null || lines is null)
        {
            throw new ArgumentNullException(writer is null ? nameof(writer) : nameof(lines));
        }

        using var csv = new SafeCsvWriter(writer, leaveOpen: true, raw: raw);
        foreach (var h in Header)
        {
            csv.WriteField(h);
        }

        csv.NextRecord();
        foreach (var line in lines)
        {
            foreach (var cell in Cells(line))
            {
                csv.WriteField(cell);
            }

            csv.NextRecord();
        }
    }

    private static string? Resolve(HeaderIndex header, string column)
    {
        if (header.Has(column))
        {
            return column;
        }

        return C.Aliases[column].FirstOrDefault(header.Has);
    }

    private static void Required(FieldReader f, string column) =>
        f.Issues.Add(ValidationIssue.Error(SettlementIssueCodes.FieldRequired, column, "缺少必填字段" + column, "The required field '" + column + "' is missing."));

    private static SpecialReviewStatus Invalid(FieldReader f, string column, string text)
    {
        f.Invalid(column, text, "approved/rejected/空", "approved, rejected or empty");
        return SpecialReviewStatus.None;
    }

    private static Money NonNegative(FieldReader f, string column)
    {
        var value = f.Money(column);
        if (value.IsNegative)
        {
            f.Issues.Add(ValidationIssue.Error(SettlementIssueCodes.AmountNegative, column, column + "不能为负", column + " must not be negative."));
            return Money.Zero;
        }

        return value;
    }
}

/// <summary>结算行读入值 — a settlement line read from a file (a class wrapper so it fits <see cref="ReadRecord{T}"/>).</summary>
public sealed class LineValue
{
    /// <summary>Wraps a line.</summary>
    /// <param name="line">The line.</param>
    public LineValue(SettlementLine line) => Line = line;

    /// <summary>The line.</summary>
    public SettlementLine Line { get; }
}
