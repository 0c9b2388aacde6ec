using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using CsvHelper;
using CsvHelper.Configuration;
using MedInsurance.Payment.Interchange;
using MedInsurance.Payment.Dip.Serialization;

namespace MedInsurance.Payment.Dip;

/// <summary>
/// 病种目录文件 — reads and writes catalogs as JSON (everything, including level and auxiliary coefficients) and as
/// CSV in the column layout of docs/formats-dip.md:
/// <c>group_code,group_name,kind,diagnosis,main_procedure,related_procedures,procedure_class,score,mean_cost,case_count,cv</c>.
/// </summary>
public static class DipCatalogFiles
{
    /// <summary>CSV列 — the CSV header, in order.</summary>
    public static IReadOnlyList<string> CsvColumns { get; } = new[]
    {
        "group_code", "group_name", "kind", "diagnosis", "main_procedure", "related_procedures", "procedure_class", "score", "mean_cost", "case_count", "cv",
    };

    private const string FormatId = "medinsurance-payment/dip-catalog/1";
    private static readonly char[] RelatedSeparators = { '+', '|' };

    /// <summary>写出JSON — serializes a catalog.</summary>
    /// <param name="catalog">The catalog.</param>
    /// <returns>The JSON text.</returns>
    public static string ToJson(DipCatalog catalog)
    {
        if (catalog is null)
        {
            throw new ArgumentNullException(nameof(catalog));
        }

        var dto = new CatalogJson
        {
            Format = FormatId,
            Edition = catalog.Edition,
            Region = catalog.Region,
            EffectiveFrom = catalog.EffectiveFrom.Length == 0 ? null : catalog.EffectiveFrom,
            EffectiveTo = catalog.EffectiveTo.Length == 0 ? null : catalog.EffectiveTo,
            RegionalMeanCost = catalog.RegionalMeanCost.Yuan,
            ScoreScale = catalog.ScoreScale,
            LevelCoefficients = catalog.LevelCoefficients.OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary(p => p.Key, p => p.Value.Value, StringComparer.Ordinal),
            Groups = catalog.Groups.Select(g => new GroupJson
            {
                Code = g.Code,
                Name = g.Name,
                Kind = DipCaseResult.KindText(g.Kind),
                Diagnosis = g.Diagnosis,
                MainProcedure = g.MainProcedure.Length == 0 ? null : g.MainProcedure,
                RelatedProcedures = g.RelatedProcedures.Count == 0 ? null : g.RelatedProcedures.ToList(),
                ProcedureClass = g.Kind == DipGroupKind.Comprehensive ? EnumText.Snake(g.ProcedureClass) : null,
                Score = g.Score.Value,
                MeanCost = g.MeanCost.Yuan,
                CaseCount = g.CaseCount,
                Cv = g.CoefficientOfVariation,
                LevelCoefficients = g.LevelCoefficients.Count == 0 ? null : g.LevelCoefficients.OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary(p => p.Key, p => p.Value.Value, StringComparer.Ordinal),
                LevelMeanCosts = g.LevelMeanCosts.Count == 0 ? null : g.LevelMeanCosts.OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary(p => p.Key, p => p.Value.Yuan, StringComparer.Ordinal),
                AuxiliaryCoefficients = g.AuxiliaryCoefficients.Count == 0 ? null : g.AuxiliaryCoefficients.ToDictionary(a => EnumText.Snake(a.Type), a => a.Coefficient.Value, StringComparer.Ordinal),
            }).ToList(),
        };
        return JsonSerializer.Serialize(dto, DipJsonContext.Readable.CatalogJson);
    }

    /// <summary>读取JSON — parses a catalog.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="source">The file name, for error messages.</param>
    /// <returns>The catalog.</returns>
    /// <exception cref="FormatException">The JSON is malformed or a field is invalid (the message names the file, group and field).</exception>
    public static DipCatalog FromJson(string json, string source)
    {
        try
        {
            Interchange.JsonLineMap.RefuseNullArrayItems(json ?? throw new ArgumentNullException(nameof(json)), source, "DIP_JSON_INVALID");
        }
        catch (InvalidDataException e)
        {
            throw new FormatException(e.Message, e);
        }

        CatalogJson? dto;
        try
        {
            dto = JsonSerializer.Deserialize(json ?? throw new ArgumentNullException(nameof(json)), DipJsonContext.Default.CatalogJson);
        }
        catch (JsonException e)
        {
            throw new FormatException(source + ": " + e.Message, e);
        }

        if (dto?.Groups is null)
        {
            throw new FormatException(source + ": a catalog needs a 'groups' array.");
        }

        var groups = new List<DipGroup>();
        for (var i = 0; i < dto.Groups.Count; i++)
        {
            var g = dto.Groups[i];
            var where = source + ", groups[" + i.ToString(CultureInfo.InvariantCulture) + "]";
            var auxiliary = new List<DipAuxiliaryCoefficient>();
            foreach (var pair in g.AuxiliaryCoefficients ?? new Dictionary<string, decimal>())
            {
                auxiliary.Add(new DipAuxiliaryCoefficient(EnumText.Parse(pair.Key, DipAuxiliaryType.None, where, "auxiliaryCoefficients"), new Coefficient(pair.Value)));
            }

            var levelMeans = new Dictionary<string, Money>(StringComparer.Ordinal);
            foreach (var pair in g.LevelMeanCosts ?? new Dictionary<string, decimal>())
            {
                if (pair.Value <= 0m || !Hospitals.HospitalLevel.TryParse(pair.Key, out _))
                {
                    throw new FormatException(where + ": field 'levelMeanCosts' needs a hospital level code and a positive mean cost for each entry; '" + pair.Key + "' is not.");
                }

                levelMeans.Add(pair.Key, Money.FromYuan(pair.Value, RoundingRule.Default));
            }

            groups.Add(MakeGroup(
                where,
                g.Code,
                g.Name,
                g.Kind,
                g.Diagnosis,
                g.MainProcedure,
                g.RelatedProcedures ?? new List<string>(),
                g.ProcedureClass,
                g.Score,
                g.MeanCost,
                g.CaseCount,
                g.Cv,
                (g.LevelCoefficients ?? new Dictionary<string, decimal>()).ToDictionary(p => p.Key, p => new Coefficient(p.Value), StringComparer.Ordinal),
                levelMeans,
                auxiliary));
        }

        return Create(source, dto.Edition ?? string.Empty, dto.Region ?? string.Empty, groups, (dto.LevelCoefficients ?? new Dictionary<string, decimal>()).ToDictionary(p => p.Key, p => new Coefficient(p.Value), StringComparer.Ordinal), dto.EffectiveFrom, dto.EffectiveTo, dto.RegionalMeanCost ?? 0m, dto.ScoreScale ?? 1000m);
    }

    /// <summary>写出CSV — writes the groups as CSV (level and auxiliary coefficients are JSON-only).</summary>
    /// <param name="catalog">The catalog.</param>
    /// <param name="writer">The destination.</param>
    public static void WriteCsv(DipCatalog catalog, TextWriter writer)
    {
        if (catalog is null)
        {
            throw new ArgumentNullException(nameof(catalog));
        }

        using var csv = new CsvWriter(writer ?? throw new ArgumentNullException(nameof(writer)), CultureInfo.InvariantCulture, leaveOpen: true);
        foreach (var column in CsvColumns)
        {
            csv.WriteField(column);
        }

        csv.NextRecord();
        var inv = CultureInfo.InvariantCulture;
        foreach (var g in catalog.Groups)
        {
            csv.WriteField(g.Code);
            csv.WriteField(g.Name);
            csv.WriteField(DipCaseResult.KindText(g.Kind));
            csv.WriteField(g.Diagnosis);
            csv.WriteField(g.MainProcedure);
            csv.WriteField(string.Join("+", g.RelatedProcedures));
            csv.WriteField(g.Kind == DipGroupKind.Comprehensive ? EnumText.Snake(g.ProcedureClass) : string.Empty);
            csv.WriteField(g.Score.Value.ToString(inv));
            csv.WriteField(g.MeanCost.Yuan.ToString("0.00", inv));
            csv.WriteField(g.CaseCount.ToString(inv));
            csv.WriteField(g.CoefficientOfVariation.ToString(inv));
            csv.NextRecord();
        }
    }

    /// <summary>读取CSV — reads groups from CSV.</summary>
    /// <param name="reader">The CSV text (header row first).</param>
    /// <param name="source">The file name, for error messages.</param>
    /// <param name="edition">The edition to give the catalog.</param>
    /// <param name="region">The region to give the catalog.</param>
    /// <returns>The catalog (no level coefficients, no regional mean: those are JSON-only).</returns>
    /// <exception cref="FormatException">A row or field is invalid (the message names the file, line and column).</exception>
    public static DipCatalog ReadCsv(TextReader reader, string source, string edition, string region)
    {
        var config = new CsvConfiguration(CultureInfo.InvariantCulture) { HasHeaderRecord = true, TrimOptions = TrimOptions.Trim, IgnoreBlankLines = true, MissingFieldFound = null };
        using var csv = new CsvReader(reader ?? throw new ArgumentNullException(nameof(reader)), config);
        if (!csv.Read() || !csv.ReadHeader())
        {
            throw new FormatException(source + ": empty file; expected the header " + string.Join(",", CsvColumns) + ".");
        }

        var header = csv.HeaderRecord ?? Array.Empty<string>();
        foreach (var column in CsvColumns)
        {
            if (!header.Contains(column, StringComparer.OrdinalIgnoreCase))
            {
                throw new FormatException(source + ": the header lacks the column '" + column + "'.");
            }
        }

        var groups = new List<DipGroup>();
        while (csv.Read())
        {
            var where = source + ", line " + csv.Parser.RawRow.ToString(CultureInfo.InvariantCulture);
            string F(string column) => csv.GetField(column) ?? string.Empty;
            groups.Add(MakeGroup(
                where,
                F("group_code"),
                F("group_name"),
                F("kind"),
                F("diagnosis"),
                F("main_procedure"),
                F("related_procedures").Split(RelatedSeparators, StringSplitOptions.RemoveEmptyEntries),
                F("procedure_class"),
                Number(F("score"), where, "score"),
                Number(F("mean_cost"), where, "mean_cost"),
                Count(F("case_count"), where),
                Number(F("cv"), where, "cv"),
                new Dictionary<string, Coefficient>(),
                new Dictionary<string, Money>(),
                Array.Empty<DipAuxiliaryCoefficient>()));
        }

        return Create(source, edition, region, groups, new Dictionary<string, Coefficient>(), null, null, 0m, 1000m);
    }

    /// <summary>
    /// 读取目录文件 — reads <c>.json</c>, <c>.csv</c>, or the groups of <see cref="ReadCsv"/> from an Excel workbook
    /// (<c>.xlsx</c>: the first visible worksheet, or <c>catalog.xlsx#Sheet</c>; line numbers are worksheet rows), by extension.
    /// </summary>
    /// <param name="path">The path.</param>
    /// <returns>The catalog.</returns>
    /// <exception cref="System.IO.InvalidDataException">The workbook cannot be read (file and reason named).</exception>
    public static DipCatalog ReadFile(string path)
    {
        if (path is null)
        {
            throw new ArgumentNullException(nameof(path));
        }

        if (TableFiles.IsWorkbook(path))
        {
            using var sheet = TableFiles.OpenText(path);
            return ReadCsv(sheet, path, Path.GetFileNameWithoutExtension(TableFiles.FilePath(path)), string.Empty);
        }

        if (path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
        {
            using var reader = new StreamReader(path, new UTF8Encoding(false), true);
            return ReadCsv(reader, path, Path.GetFileNameWithoutExtension(path), string.Empty);
        }

        return FromJson(File.ReadAllText(path, Encoding.UTF8), path);
    }

    /// <summary>写出目录文件 — writes <c>.json</c> or <c>.csv</c> by extension.</summary>
    /// <param name="catalog">The catalog.</param>
    /// <param name="path">The path.</param>
    public static void WriteFile(DipCatalog catalog, string path)
    {
        if (path is null)
        {
            throw new ArgumentNullException(nameof(path));
        }

        if (path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
        {
            using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
            WriteCsv(catalog, writer);
            return;
        }

        File.WriteAllText(path, ToJson(catalog), new UTF8Encoding(false));
    }

    private static int Count(string text, string where) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new FormatException(where + ": column 'case_count' has '" + text + "', not a whole number of cases.");

    private static string Date(string? text, string source, string field)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        return Cases.IsoDate.TryParse(text, out _)
            ? text!
            : throw new FormatException(source + ": field '" + field + "' has '" + text + "'; expected an ISO date yyyy-MM-dd.");
    }

    private static decimal Number(string text, string where, string column) =>
        decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new FormatException(where + ": column '" + column + "' has '" + text + "', not a number.");

    private static DipGroup MakeGroup(
        string where,
        string? code,
        string? name,
        string? kind,
        string? diagnosis,
        string? mainProcedure,
        IEnumerable<string> related,
        string? procedureClass,
        decimal score,
        decimal meanCost,
        int caseCount,
        decimal cv,
        IReadOnlyDictionary<string, Coefficient> levelCoefficients,
        IReadOnlyDictionary<string, Money> levelMeans,
        IReadOnlyList<DipAuxiliaryCoefficient> auxiliary)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            throw new FormatException(where + ": group_code is required.");
        }

        if (string.IsNullOrWhiteSpace(diagnosis))
        {
            throw new FormatException(where + ": diagnosis is required (group " + code + ").");
        }

        var groupKind = EnumText.Parse(kind, DipGroupKind.Core, where, "kind");
        var cls = string.IsNullOrWhiteSpace(procedureClass) ? DipProcedureClass.Conservative : EnumText.Parse(procedureClass, DipProcedureClass.Conservative, where, "procedure_class");
        if (meanCost < 0 || score < 0 || caseCount < 0)
        {
            throw new FormatException(where + ": score, mean_cost and case_count must not be negative (group " + code + ").");
        }

        return new DipGroup
        {
            Code = code!.Trim(),
            Name = name ?? string.Empty,
            Kind = groupKind,
            Diagnosis = diagnosis!.Trim(),
            MainProcedure = (mainProcedure ?? string.Empty).Trim(),
            RelatedProcedures = related.ToArray(),
            ProcedureClass = cls,
            Score = new Score(score),
            MeanCost = Money.FromYuan(meanCost, RoundingRule.Default),
            CaseCount = caseCount,
            CoefficientOfVariation = cv,
            LevelCoefficients = levelCoefficients,
            LevelMeanCosts = levelMeans,
            AuxiliaryCoefficients = auxiliary,
        };
    }

    private static DipCatalog Create(string source, string edition, string region, List<DipGroup> groups, Dictionary<string, Coefficient> levels, string? from, string? to, decimal regionalMean, decimal scale)
    {
        try
        {
            return new DipCatalog(edition, region, groups, levels)
            {
                EffectiveFrom = Date(from, source, "effectiveFrom"),
                EffectiveTo = Date(to, source, "effectiveTo"),
                RegionalMeanCost = Money.FromYuan(regionalMean, RoundingRule.Default),
                ScoreScale = scale,
            };
        }
        catch (ArgumentException e)
        {
            throw new FormatException(source + ": " + e.Message, e);
        }
    }
}
