using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using CsvHelper;
using CsvHelper.Configuration;
using MedInsurance.Payment.Validation;

namespace MedInsurance.Payment.Capitation;

/// <summary>The row reader the roster, claim, member and outside-claim files share: one entry per data row, a field getter by column name, the row's issues.</summary>
internal static class CsvRows
{
    /// <summary>The CSV settings of every input file here: header row, trimmed fields, blank lines skipped, bad quoting reported to <paramref name="onBadData"/>.</summary>
    public static CsvConfiguration Configuration(Action onBadData) => new(CultureInfo.InvariantCulture)
    {
        HasHeaderRecord = true,
        BadDataFound = _ => onBadData(),
        TrimOptions = TrimOptions.Trim,
        DetectColumnCountChanges = false,
        IgnoreBlankLines = true,
        MissingFieldFound = null,
    };

    public static IEnumerable<(int Row, Func<string, string?>? Get, List<ValidationIssue> Issues)> Read(TextReader reader, string[] required)
    {
        if (reader is null)
        {
            throw new ArgumentNullException(nameof(reader));
        }

        var badData = false;
        using var parser = new CsvParser(reader, CsvRows.Configuration(() => badData = true));
        if (!parser.Read())
        {
            yield break;
        }

        var header = parser.Record ?? Array.Empty<string>();
        var positions = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Length; i++)
        {
            var name = header[i].Trim().TrimStart('\uFEFF');
            if (!positions.ContainsKey(name))
            {
                positions[name] = i;
            }
        }

        var row = 0;
        while (parser.Read())
        {
            row++;
            var issues = new List<ValidationIssue>();
            if (badData)
            {
                badData = false;
                issues.Add(ValidationIssue.Error(IssueCodes.RowMalformed, "row " + row.ToString(CultureInfo.InvariantCulture), "CSV格式错误", "The row is not well-formed CSV."));
                yield return (row, null, issues);
                continue;
            }

            var record = parser.Record ?? Array.Empty<string>();
            string? Get(string column) => positions.TryGetValue(column, out var i) && i < record.Length ? record[i].Trim() : null;
            foreach (var column in required)
            {
                if (!positions.ContainsKey(column))
                {
                    issues.Add(ValidationIssue.Error(IssueCodes.ColumnMissing, column, "表头缺少必需列" + column, "The header lacks the required column '" + column + "'."));
                }
            }

            yield return (row, issues.Count > 0 ? null : Get, issues);
        }
    }
}
