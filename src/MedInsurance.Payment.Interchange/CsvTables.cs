using System;
using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using MedInsurance.Payment.Validation;

namespace MedInsurance.Payment.Interchange;

/// <summary>Shared CSV settings and issues for the readers.</summary>
internal static class CsvTables
{
    public static CsvConfiguration Configuration(Action<BadDataFoundArgs> onBadData) => new(CultureInfo.InvariantCulture)
    {
        HasHeaderRecord = true,
        MissingFieldFound = null,
        HeaderValidated = null,
        BadDataFound = args => onBadData(args),
        TrimOptions = TrimOptions.Trim,
        DetectColumnCountChanges = false,
        IgnoreBlankLines = true,
    };

    public static ValidationIssue MalformedRow(int row) => ValidationIssue.Error(
        IssueCodes.RowMalformed,
        "row " + row.ToString(CultureInfo.InvariantCulture),
        "第" + row.ToString(CultureInfo.InvariantCulture) + "行CSV格式错误（引号不配对或多余引号）",
        "Row " + row.ToString(CultureInfo.InvariantCulture) + " is not well-formed CSV (unbalanced or stray quotes).");

    public static ValidationIssue MissingColumn(string column) => ValidationIssue.Error(
        IssueCodes.ColumnMissing, column, "表头缺少必需列" + column, "The header lacks the required column '" + column + "'.");
}
