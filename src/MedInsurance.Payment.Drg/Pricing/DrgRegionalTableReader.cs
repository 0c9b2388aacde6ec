using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using CsvHelper;
using CsvHelper.Configuration;
using MedInsurance.Payment.Interchange;

namespace MedInsurance.Payment.Drg.Pricing;

/// <summary>分组表读取选项 — the table's identity and how to read it.</summary>
/// <param name="Edition">版本 — e.g. <c>2025</c>.</param>
/// <param name="Region">统筹地区.</param>
/// <param name="EffectiveFrom">生效日期, or null.</param>
/// <param name="EffectiveTo">失效日期, or null.</param>
/// <param name="Encoding">The file's encoding, or <see cref="TextEncodingChoice.Auto"/>.</param>
/// <param name="ColumnMap">Header → column spec overrides for a region's own names (see <see cref="DrgRegionalTableReader.ColumnSpecs"/>).</param>
public sealed record DrgTableOptions(
    string Edition = "",
    string Region = "",
    CalendarDate? EffectiveFrom = null,
    CalendarDate? EffectiveTo = null,
    TextEncodingChoice Encoding = TextEncodingChoice.Auto,
    IReadOnlyDictionary<string, string>? ColumnMap = null);

/// <summary>
/// 地区DRG分组方案表读取 — reads real published DRG tables: encoding detected (BOM → UTF-8; valid UTF-8 → UTF-8;
/// otherwise GB18030) or given, CRLF or LF, Chinese headers that vary by city (<c>DRG编码</c>/<c>分组编码</c>/<c>DRG组编码</c>,
/// <c>RW</c>/<c>权重</c>/<c>初始权重</c>, <c>三级医院系数</c>, <c>费率（三级）</c>, <c>支付标准（三级）</c>, <c>低倍临界值（三级）</c> …),
/// per-row flags (基础病组, 稳定组, 单议病组, 中医优势病组), blank weights for groups paid by item, and rows such as
/// <c>0,未入组</c>. The recognised names are documented in docs/formats-drg.md; <see cref="DrgTableOptions.ColumnMap"/>
/// maps a region's own names.
/// </summary>
/// <remarks>
/// A table is configuration: a value that cannot be read, a repeated DRG, a missing code or weight column, or a table
/// without any weight throws <see cref="InvalidDataException"/> naming the file, line and column. Rows with no weight
/// are reported, not fatal. Thread-safe.
/// </remarks>
public static class DrgRegionalTableReader
{
    private static readonly string[] CodeNames = { "drg编码", "分组编码", "drg组编码", "drg代码", "病组编码", "drg分组编码", "drg", "code", "drg_code" };
    private static readonly string[] NameNames = { "drg名称", "分组名称", "drg组名称", "病组名称", "drg分组名称", "name", "drg_name" };
    private static readonly string[] WeightNames = { "rw", "权重", "初始权重", "相对权重", "病组权重", "drg权重", "调整后权重", "weight" };

    /// <summary>
    /// The column specs a <see cref="DrgTableOptions.ColumnMap"/> may name: <c>code</c>, <c>name</c>, <c>weight</c>,
    /// <c>base_group</c>, <c>stable</c>, <c>special_review</c>, <c>tcm</c>, <c>ignore</c>, and per level
    /// <c>coefficient@N</c>, <c>rate@N</c>, <c>standard@N</c>, <c>low@N</c>, <c>high@N</c>, <c>mean@N</c> (N = 1, 2, 3, or 0 for all levels).
    /// </summary>
    public static IReadOnlyList<string> ColumnSpecs { get; } = new[]
    {
        "code", "name", "weight", "base_group", "stable", "special_review", "tcm", "ignore", "coefficient@N", "rate@N", "standard@N", "low@N", "high@N", "mean@N",
    };

    /// <summary>Reads a table file: CSV, or an Excel workbook (<c>.xlsx</c>; the first visible worksheet, or <c>table.xlsx#Sheet</c>) whose line numbers are worksheet rows (see <see cref="TableFiles"/>).</summary>
    /// <param name="path">The file.</param>
    /// <param name="options">Identity and reading options (the encoding applies to CSV only).</param>
    /// <returns>The table.</returns>
    /// <exception cref="InvalidDataException">When the table cannot be used (file, line and column named), or the workbook cannot be read.</exception>
    public static DrgRegionalTable ReadFile(string path, DrgTableOptions options)
    {
        if (path is null || options is null)
        {
            throw new ArgumentNullException(path is null ? nameof(path) : nameof(options));
        }

        if (TableFiles.IsWorkbook(path))
        {
            using var sheet = TableFiles.OpenText(path);
            return Read(sheet, Path.GetFileName(path), "xlsx", options);
        }

        return Read(File.ReadAllBytes(path), Path.GetFileName(path), options);
    }

    /// <summary>Reads a table from its bytes.</summary>
    /// <param name="bytes">The file's bytes.</param>
    /// <param name="source">The file name for messages.</param>
    /// <param name="options">Identity and reading options.</param>
    /// <returns>The table.</returns>
    /// <exception cref="InvalidDataException">When the table cannot be used (file, line and column named).</exception>
    public static DrgRegionalTable Read(byte[] bytes, string source, DrgTableOptions options)
    {
        if (bytes is null || options is null)
        {
            throw new ArgumentNullException(bytes is null ? nameof(bytes) : nameof(options));
        }

        var text = TextEncodings.Decode(bytes, options.Encoding, source, out var encoding);
        using var reader = new StringReader(text);
        return Read(reader, source, encoding.WebName.ToLowerInvariant(), options);
    }

    private static DrgRegionalTable Read(TextReader text, string source, string encodingName, DrgTableOptions options)
    {
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            HasHeaderRecord = false,
            MissingFieldFound = null,
            BadDataFound = args => throw new InvalidDataException(source + " line " + (args.Context.Parser?.RawRow ?? 0).ToString(CultureInfo.InvariantCulture) + ": the row is not well-formed CSV (unbalanced quotes)."),
            TrimOptions = TrimOptions.Trim,
            DetectColumnCountChanges = false,
            IgnoreBlankLines = true,
        };
        using var csv = new CsvReader(text, config);
        if (!csv.Read())
        {
            throw new InvalidDataException(source + ": the table is empty.");
        }

        var header = Enumerable.Range(0, csv.Parser.Count).Select(i => csv.GetField(i) ?? string.Empty).ToArray();
        var columns = Classify(header, options.ColumnMap, source, out var ignored);
        var rows = new List<DrgTableRow>();
        var withoutWeight = new List<string>();
        var skipped = new List<string>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var read = 0;
        while (csv.Read())
        {
            var line = csv.Parser.RawRow;
            string Cell(int i) => i < csv.Parser.Count ? (csv.GetField(i) ?? string.Empty).Trim() : string.Empty;
            var cells = Enumerable.Range(0, header.Length).Select(Cell).ToArray();
            if (cells.All(c => c.Length == 0))
            {
                continue;
            }

            read++;
            var code = cells[columns.Code];
            var name = columns.Name >= 0 ? cells[columns.Name] : string.Empty;
            if (code.Length == 0 || code == "0" || name.Contains("未入组") || code.Contains("0000"))
            {
                skipped.Add(code + "@" + line.ToString(CultureInfo.InvariantCulture));
                continue;
            }

            if (seen.TryGetValue(code, out var first))
            {
                throw new InvalidDataException(Where(source, line, header[columns.Code]) + "DRG " + code + " appears twice (first on line " + first.ToString(CultureInfo.InvariantCulture) + ").");
            }

            seen.Add(code, line);
            var weightCell = cells[columns.Weight];
            RelativeWeight? weight = null;
            if (weightCell.Length > 0)
            {
                var value = Number(weightCell, source, line, header[columns.Weight]);
                if (value > 0m)
                {
                    weight = new RelativeWeight(value);
                }
            }

            if (weight is null)
            {
                withoutWeight.Add(code + "@" + line.ToString(CultureInfo.InvariantCulture));
            }

            var flags = DrgTableFlags.None;
            foreach (var (index, flag) in columns.Flags)
            {
                if (IsSet(cells[index]))
                {
                    flags |= flag;
                }
            }

            var values = new Dictionary<DrgTableValue, IReadOnlyDictionary<int, decimal>>();
            foreach (var group in columns.Levels.GroupBy(l => l.Value))
            {
                var byLevel = new Dictionary<int, decimal>();
                foreach (var (index, _, level) in group.OrderBy(l => l.Level))
                {
                    if (cells[index].Length > 0)
                    {
                        var number = group.Key == DrgTableValue.Coefficient ? Number(cells[index], source, line, header[index]) : Yuan(cells[index], source, line, header[index]);
                        foreach (var l in level == 0 ? new[] { 1, 2, 3 } : new[] { level })
                        {
                            byLevel[l] = number;
                        }
                    }
                }

                if (byLevel.Count > 0)
                {
                    values[group.Key] = byLevel;
                }
            }

            rows.Add(new DrgTableRow(line, code, name, weight, flags, values));
        }

        if (!rows.Any(r => r.Weight is not null))
        {
            throw new InvalidDataException(source + ": no DRG in the table has a weight; is this a DRG weight table, and is the weight column named (" + header[columns.Weight] + ")?");
        }

        var report = new DrgTableReport(read, rows.Count(r => r.Weight is not null), withoutWeight, skipped, ignored, encodingName);
        return new DrgRegionalTable(options.Edition, options.Region, options.EffectiveFrom, options.EffectiveTo, rows, report);
    }

    private static Columns Classify(string[] header, IReadOnlyDictionary<string, string>? map, string source, out IReadOnlyList<string> ignored)
    {
        var columns = new Columns();
        var unknown = new List<string>();
        for (var i = 0; i < header.Length; i++)
        {
            var raw = header[i].Trim().TrimStart('\uFEFF');
            var spec = map is not null && map.TryGetValue(raw, out var given) ? given.Trim().ToLowerInvariant() : Spec(Normalize(raw));
            if (spec is null)
            {
                if (raw.Length > 0)
                {
                    unknown.Add(raw);
                }

                continue;
            }

            switch (spec)
            {
                case "code" when columns.Code < 0: columns.Code = i; break;
                case "name" when columns.Name < 0: columns.Name = i; break;
                case "weight" when columns.Weight < 0: columns.Weight = i; break;
                case "base_group": columns.Flags.Add((i, DrgTableFlags.BaseGroup)); break;
                case "stable": columns.Flags.Add((i, DrgTableFlags.Stable)); break;
                case "special_review": columns.Flags.Add((i, DrgTableFlags.SpecialReview)); break;
                case "tcm": columns.Flags.Add((i, DrgTableFlags.TcmAdvantage)); break;
                case "ignore": break;
                case "code":
                case "name":
                case "weight":
                    throw new InvalidDataException(source + " line 1, column " + raw + ": a second " + spec + " column (the first is column " + (spec == "code" ? columns.Code : spec == "name" ? columns.Name : columns.Weight).ToString(CultureInfo.InvariantCulture) + "); map one of them to ignore.");
                default:
                    var at = spec.IndexOf('@');
                    DrgTableValue? value = at < 0 ? null : spec.Substring(0, at) switch
                    {
                        "coefficient" => DrgTableValue.Coefficient,
                        "rate" => DrgTableValue.Rate,
                        "standard" => DrgTableValue.Standard,
                        "low" => DrgTableValue.LowThreshold,
                        "high" => DrgTableValue.HighThreshold,
                        "mean" => DrgTableValue.MeanCost,
                        _ => null,
                    };
                    if (value is null || !int.TryParse(spec.Substring(at + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var level) || level > 3)
                    {
                        throw new InvalidDataException(source + ": column map for '" + raw + "' is '" + spec + "', not one of " + string.Join(", ", ColumnSpecs) + ".");
                    }

                    columns.Levels.Add((i, value.Value, level));
                    break;
            }
        }

        if (columns.Code < 0 || columns.Weight < 0)
        {
            throw new InvalidDataException(source + " line 1: no " + (columns.Code < 0 ? "DRG code (DRG编码/分组编码/DRG组编码)" : "weight (RW/权重/初始权重)")
                + " column among: " + string.Join(", ", header) + ". Name it, or map it with a column map.");
        }

        ignored = unknown;
        return columns;
    }

    /// <summary>The spec of a normalised header name, or null when not recognised.</summary>
    private static string? Spec(string h)
    {
        if (CodeNames.Contains(h))
        {
            return "code";
        }

        if (NameNames.Contains(h))
        {
            return "name";
        }

        if (WeightNames.Contains(h))
        {
            return "weight";
        }

        if (h.Contains("基础病组") || h == "同病同价")
        {
            return "base_group";
        }

        if (h.Contains("稳定组") || h.Contains("稳定病组"))
        {
            return "stable";
        }

        if (h.Contains("单议"))
        {
            return "special_review";
        }

        if (h.Contains("中医优势"))
        {
            return "tcm";
        }

        var level = h.Contains("一级") || h.Contains("1级") ? 1 : h.Contains("二级") || h.Contains("2级") ? 2 : h.Contains("三级") || h.Contains("3级") ? 3 : 0;
        var kind = h.Contains("低倍") || h.Contains("低倍率") ? "low"
            : h.Contains("高倍") ? "high"
            : h.Contains("例均费用") || h.Contains("次均费用") || h.Contains("均次费用") || h.Contains("平均费用") ? "mean"
            : h.Contains("支付标准") ? "standard"
            : h.Contains("费率") ? "rate"
            : h.Contains("系数") ? "coefficient"
            : null;
        return kind is null ? null : kind + "@" + level.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Header text without spaces, full-width brackets as ASCII, lower case.</summary>
    private static string Normalize(string header) => header
        .Replace(" ", string.Empty).Replace("\u3000", string.Empty)
        .Replace('（', '(').Replace('）', ')')
        .ToLowerInvariant();

    private static bool IsSet(string cell) => cell.Length > 0 && cell is not ("否" or "0" or "N" or "n" or "no" or "No" or "NO" or "false" or "False" or "×");

    private static decimal Number(string cell, string source, int line, string column)
    {
        if (decimal.TryParse(cell, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        throw new InvalidDataException(Where(source, line, column) + "the value is not a non-negative number.");
    }

    /// <summary>
    /// An amount in yuan (rate, standard, thresholds, mean cost): digits and one optional point, like every table value —
    /// <c>1,5</c>, <c>1,2,3,4</c>, <c>1e3</c>, a sign or white space are refused — and at most 999 999 999 999.99 yuan (the
    /// limit of every amount read, <see cref="YuanText"/>). More than two decimals are kept: published standards and
    /// thresholds are RW × rate products (8426.75968), rounded only when a case is priced.
    /// </summary>
    private static decimal Yuan(string cell, string source, int line, string column)
    {
        var value = Number(cell, source, line, column);
        return value < 1_000_000_000_000m
            ? value
            : throw new InvalidDataException(Where(source, line, column) + "the amount is beyond 999 999 999 999.99 yuan.");
    }

    private static string Where(string source, int line, string column) =>
        source + " line " + line.ToString(CultureInfo.InvariantCulture) + ", column " + column + ": ";

    private sealed class Columns
    {
        public int Code { get; set; } = -1;

        public int Name { get; set; } = -1;

        public int Weight { get; set; } = -1;

        public List<(int Index, DrgTableFlags Flag)> Flags { get; } = new();

        public List<(int Index, DrgTableValue Value, int Level)> Levels { get; } = new();
    }
}
